/**
 * The editor's figures, measured the same way on the app and on the plain-ProseMirror floor page in one
 * headless Chromium: open to painted, add one tag, keystroke to paint, scrolling frame times, JS heap.
 */
import type { Page } from 'playwright-core';
import { selectTextInEditor, waitForSaved } from '../support/browserSession';
import { megabytes, median, percentile } from './stats';

/** One page the editor figures are taken on: the app with one article, or the floor with one article. */
export interface EditorTarget {
  label: string;
  // The app autosaves after edits; the floor has nothing to wait for.
  isApp: boolean;
  // Loads the page and opens the article: ms from the open action to the painted editor.
  open(page: Page): Promise<number>;
  // The text to select and tag in round `round` (one untagged word, a different one each round).
  tagTarget(round: number): { text: string; occurrence: number };
  // Typing goes right after this text (its `occurrence`-th appearance).
  typeAfter: { text: string; occurrence: number };
  // Called right after the keys of a round are typed, before the autosave is awaited.
  afterTyping?: (page: Page) => Promise<void>;
}

/** Every sample of one target, pooled over rounds. */
export interface EditorSamples {
  open: number[];
  tag: number[];
  keys: number[];
  frames: number[];
  heapBytes: number[];
}

/** The summary figures of one target. */
export interface EditorFigures {
  openMs: number;
  tagMs: number;
  keyMedianMs: number;
  keyP95Ms: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameLongestMs: number;
  heapMB: number;
}

/** Empty sample lists for one target. */
export function emptySamples(): EditorSamples {
  return { open: [], tag: [], keys: [], frames: [], heapBytes: [] };
}

/** Medians (and p95 and longest where said) of one target's samples. */
export function summarise(samples: EditorSamples): EditorFigures {
  return {
    openMs: median(samples.open),
    tagMs: median(samples.tag),
    keyMedianMs: median(samples.keys),
    keyP95Ms: percentile(samples.keys, 95),
    frameMedianMs: median(samples.frames),
    frameP95Ms: percentile(samples.frames, 95),
    frameLongestMs: Math.max(...samples.frames),
    heapMB: megabytes(median(samples.heapBytes)),
  };
}

/** Installs a keydown probe: each key's time from the event to the next painted frame. */
export async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const latencies: number[] = [];
    (window as unknown as { __latencies: number[] }).__latencies = latencies;
    window.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  });
}

/** Takes (and clears) the latencies the key probe has gathered. */
export async function takeLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.splice(0));
}

/** The page's used JS heap after a forced full garbage collection (CDP), in bytes. */
export async function heapAfterGarbageCollection(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Finds the element that scrolls the editor (the first scrolling ancestor of `.ProseMirror`, else the
 * document), marks it `data-bench-scroller` for later page.evaluate calls, and returns its box.
 */
export async function markScroller(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const editor = document.querySelector('.ProseMirror')!;
    let scroller: Element | null = editor.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    const element = scroller ?? document.scrollingElement!;
    document.querySelector('[data-bench-scroller]')?.removeAttribute('data-bench-scroller');
    element.setAttribute('data-bench-scroller', '');
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height: Math.min(height, window.innerHeight - y) };
  });
}

/**
 * Scrolls the editor's scroll container from top to bottom (or for `maxFrames` frames), a viewport a frame:
 * each frame's duration. The pointer rests over the middle of the text first, as when scrolling with a
 * wheel, so every page pays the same hover hit-testing after each scroll, wherever its last click left it.
 */
export async function scrollFrameTimes(page: Page, maxFrames = 5000): Promise<number[]> {
  const box = await markScroller(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(async (maxFrames) => {
    const element = document.querySelector('[data-bench-scroller]')!;
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    element.scrollTop = 0;
    await frame();
    await frame();
    const times: number[] = [];
    let last = await frame();
    while (element.scrollTop + element.clientHeight < element.scrollHeight - 1 && times.length < maxFrames) {
      element.scrollTop += element.clientHeight;
      const now = await frame();
      times.push(now - last);
      last = now;
    }
    return times;
  }, maxFrames);
}

/** Selects `text` and presses the Person shortcut: ms from the key to the painted frame. */
export async function timeAddTag(page: Page, target: { text: string; occurrence: number }): Promise<number> {
  await selectTextInEditor(page, target.text, target.occurrence);
  await takeLatencies(page);
  await page.keyboard.press('Alt+Shift+P');
  await page.waitForTimeout(150);
  return (await takeLatencies(page)).at(-1) ?? Number.NaN;
}

/** Types `count` keys (a space every tenth) right after `after`: each key's ms to the painted frame. */
export async function timeTyping(page: Page, after: { text: string; occurrence: number }, count: number, pauseMs = 15): Promise<number[]> {
  await selectTextInEditor(page, after.text, after.occurrence);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  await takeLatencies(page);
  for (let key = 0; key < count; key++) {
    await page.keyboard.press(key % 10 === 9 ? 'Space' : 'KeyA');
    await page.waitForTimeout(pauseMs);
  }
  await page.waitForTimeout(200);
  return takeLatencies(page);
}

/** One round on one target: open, heap, add one tag, type `keys` keys and (if asked) scroll top to bottom. */
export async function measureRound(page: Page, target: EditorTarget, samples: EditorSamples, round: number, keys: number, scroll: boolean): Promise<void> {
  samples.open.push(await target.open(page));
  samples.heapBytes.push(await heapAfterGarbageCollection(page));
  await installKeyProbe(page);
  samples.tag.push(await timeAddTag(page, target.tagTarget(round)));
  samples.keys.push(...(await timeTyping(page, target.typeAfter, keys)));
  await target.afterTyping?.(page);
  if (target.isApp) await waitForSaved(page);
  if (scroll) samples.frames.push(...(await scrollFrameTimes(page)));
}
