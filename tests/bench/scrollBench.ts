/**
 * Scrolling alone, for working on it without the whole bench: the benchmark article scrolled top to bottom,
 * a viewport a frame, on the plain-ProseMirror floor page (with and without content-visibility on blocks,
 * without and with the tags as marks) and in the app (without and with 10,000 tags), rounds alternating.
 * Each round opens each page and scrolls it twice: the first pass lays out blocks as they come into view,
 * the second meets blocks laid out before. It also prints each page's text column and height, since a
 * narrower column makes a taller article and more frames to scroll, and the main thread's busy time per frame
 * in a traced pass, finer than frame times that come in steps of a display frame. Figures, not pass/fail.
 * Run with `npx tsx tests/bench/scrollBench.ts [rounds] [frames per pass]` after `npm run build`.
 */
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../support/browserSession';
import { importedArticle } from '../support/importedArticle';
import { markScroller, scrollFrameTimes } from './editorFigures';
import { startFloorHost, type FloorHost } from './floor/floorHost';
import type { FloorOptions } from './floor/floorPage';
import { generateArticle } from './generateArticle';
import { median, percentile } from './stats';

const words = 100_000;
const annotations = 10_000;
const rounds = Number(process.argv[2] ?? 3);
// A second argument scrolls only the first frames of each pass, for quick comparisons while working on it.
const maxFrames = Number(process.argv[3] ?? 5000);

/** One page to scroll: how to open it, and its name in the table. */
interface ScrollTarget {
  label: string;
  open(page: Page): Promise<void>;
}

/** Where the scrolled text lies on one page: the column's width and the scrolled height, in CSS pixels. */
interface Geometry {
  columnWidth: number;
  scrollHeight: number;
  viewportHeight: number;
  elements: number;
}

function floorTarget(floor: FloorHost, name: string, options: FloorOptions): ScrollTarget {
  const label = `floor${options.contentVisibility ? '+cv' : ''}${name.endsWith('-tagged') ? '+mark tags' : ''}`;
  return {
    label,
    async open(page) {
      await page.goto(floor.url);
      await page.waitForFunction(() => 'openFloor' in window);
      await page.evaluate(({ name, options }) => (window as unknown as { openFloor(name: string, options: FloorOptions): Promise<number> }).openFloor(name, options), { name, options });
    },
  };
}

function appTarget(session: BrowserSession, articleId: string, label: string): ScrollTarget {
  return {
    label,
    async open(page) {
      await page.goto(session.host.url);
      await page.locator(`tr[data-article-id="${articleId}"] .article-link`).click();
      await page.locator('.ProseMirror p').first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    },
  };
}

async function storeArticle(session: BrowserSession, tags: number): Promise<string> {
  const { handlers } = session.services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  const record = await handlers.getArticle({ id: summary.id });
  await handlers.saveArticle({ id: summary.id, baseRevision: record.revision, doc: generateArticle(words, tags).toJSON() });
  return summary.id;
}

async function geometryOf(page: Page): Promise<Geometry> {
  await markScroller(page);
  return page.evaluate(() => {
    const editor = document.querySelector<HTMLElement>('.ProseMirror')!;
    const scroller = document.querySelector('[data-bench-scroller]')!;
    const style = getComputedStyle(editor);
    const columnWidth = editor.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { columnWidth, scrollHeight: scroller.scrollHeight, viewportHeight: scroller.clientHeight, elements: editor.querySelectorAll('*').length };
  });
}

// Frames tick at the display's 60 Hz, so frame times come in steps of 16.7 ms; the main thread's busy time per
// frame (from a Chromium trace) shows how far each page is from missing one.
const tracedFrames = 200;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
}

/** Scrolls `tracedFrames` frames under a Chromium trace: the renderer main thread's busy ms per frame. */
async function mainThreadBusyPerFrame(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const frames = (await scrollFrameTimes(page, tracedFrames)).length;
    await cdp.send('Tracing.end');
    await complete;
    // The main thread is the one that runs the page's animation frames.
    const animationFrames = new Map<string, number>();
    for (const event of events) if (event.name === 'FireAnimationFrame') animationFrames.set(`${event.pid}:${event.tid}`, (animationFrames.get(`${event.pid}:${event.tid}`) ?? 0) + 1);
    const main = [...animationFrames].sort((a, b) => b[1] - a[1])[0]?.[0];
    let busyMicroseconds = 0;
    for (const event of events) if (event.name === 'RunTask' && event.ph === 'X' && `${event.pid}:${event.tid}` === main) busyMicroseconds += event.dur ?? 0;
    return busyMicroseconds / 1000 / frames;
  } finally {
    await cdp.detach();
  }
}

function summary(frames: number[]): string {
  const figures = [median(frames), percentile(frames, 95), Math.max(...frames)];
  return `${figures.map((value) => value.toFixed(1).padStart(6)).join(' ')}  (${frames.length} frames)`;
}

async function main(): Promise<void> {
  const session = await startBrowserSession({ seedDemo: false });
  const floor = await startFloorHost({ long: generateArticle(words, 0), 'long-tagged': generateArticle(words, annotations) });
  try {
    const targets: ScrollTarget[] = [
      floorTarget(floor, 'long', {}),
      floorTarget(floor, 'long', { contentVisibility: true }),
      floorTarget(floor, 'long-tagged', { contentVisibility: true }),
      appTarget(session, await storeArticle(session, 0), 'app, no tags'),
      appTarget(session, await storeArticle(session, annotations), `app, ${annotations.toLocaleString('en')} tags`),
    ];
    const passes = targets.map(() => ({ first: [] as number[], second: [] as number[], busy: [] as number[] }));
    const geometry: Geometry[] = [];
    for (let round = 0; round < rounds; round++) {
      for (let step = 0; step < targets.length; step++) {
        // The order rotates each round, so drift on a shared machine falls on every page alike.
        const index = (round + step) % targets.length;
        process.stderr.write(`[scroll] round ${round + 1} of ${rounds}: ${targets[index]!.label}\n`);
        await targets[index]!.open(session.page);
        await session.page.waitForTimeout(300);
        passes[index]!.first.push(...(await scrollFrameTimes(session.page, maxFrames)));
        passes[index]!.second.push(...(await scrollFrameTimes(session.page, maxFrames)));
        passes[index]!.busy.push(await mainThreadBusyPerFrame(session.page));
        geometry[index] ??= await geometryOf(session.page);
      }
    }
    console.log(`\nScrolling ${words.toLocaleString('en')} words top to bottom, a viewport a frame (${rounds} rounds alternating; frame ms: median, p95, longest)`);
    console.log(`busy/frame: the renderer main thread's busy time per frame over the first ${tracedFrames} frames of a third, traced pass (median of rounds)`);
    console.log(`${'page'.padEnd(22)} ${'first pass after open'.padEnd(36)} ${'second pass'.padEnd(36)} busy/frame  column   height / viewport (px)  DOM elements`);
    targets.forEach((target, index) => {
      const { columnWidth, scrollHeight, viewportHeight, elements } = geometry[index]!;
      console.log(
        `${target.label.padEnd(22)} ${summary(passes[index]!.first).padEnd(36)} ${summary(passes[index]!.second).padEnd(36)} ${median(passes[index]!.busy).toFixed(1).padStart(7)} ms  ${columnWidth.toFixed(0).padStart(4)} px  ${scrollHeight.toFixed(0).padStart(7)} / ${viewportHeight.toFixed(0).padStart(4)}         ${elements}`,
      );
    });
  } finally {
    await session.close();
    floor.close();
  }
}

await main();
