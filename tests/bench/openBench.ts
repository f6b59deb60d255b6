/**
 * Opening alone, for working on it: `npx tsx tests/bench/openBench.ts [rounds]` opens the benchmark article
 * in the app (with and without its tags) and on the plain-ProseMirror floor page (also with content-visibility
 * as the app has, and with the same tags as marks), rounds alternating, and
 * prints the medians and the ratios to the floor. `npm run bench` measures the same open among its figures.
 */
import type { Page } from 'playwright-core';
import { startBrowserSession } from '../support/browserSession';
import { importedArticle } from '../support/importedArticle';
import { startFloorHost } from './floor/floorHost';
import type { FloorOptions } from './floor/floorPage';
import { generateArticle } from './generateArticle';
import { median } from './stats';
import { clickOpenAndTimeToPaint } from './openTiming';
import { heapAfterGarbageCollection } from './editorFigures';

const rounds = Number(process.argv[2] ?? 7);
const session = await startBrowserSession({ seedDemo: false });
const plain = generateArticle(100_000, 0);
const tagged = generateArticle(100_000, 10_000);
const floor = await startFloorHost({ long: plain, 'long-tagged': tagged });

async function stored(doc: typeof plain): Promise<string> {
  const { handlers } = session.services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: doc.toJSON() });
  return summary.id;
}

async function openInApp(page: Page, articleId: string): Promise<number> {
  await page.goto(session.host.url);
  await page.locator(`tr[data-article-id="${articleId}"]`).waitFor();
  await heapAfterGarbageCollection(page);
  return page.evaluate(clickOpenAndTimeToPaint, articleId);
}

async function openFloor(page: Page, name: string, options: FloorOptions = {}): Promise<number> {
  await page.goto(floor.url);
  await page.waitForFunction(() => 'openFloor' in window);
  await heapAfterGarbageCollection(page);
  return page.evaluate(
    ({ name, options }) => (window as unknown as { openFloor(name: string, options: FloorOptions): Promise<number> }).openFloor(name, options),
    { name, options },
  );
}

try {
  const plainId = await stored(plain);
  const taggedId = await stored(tagged);
  const targets: [string, (page: Page) => Promise<number>][] = [
    ['floor', (page) => openFloor(page, 'long')],
    ['floor+cv', (page) => openFloor(page, 'long', { contentVisibility: true })],
    ['floor+cv+mark tags', (page) => openFloor(page, 'long-tagged', { contentVisibility: true })],
    ['app, no tags', (page) => openInApp(page, plainId)],
    ['app, 10,000 tags', (page) => openInApp(page, taggedId)],
  ];
  const times = targets.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < targets.length; step++) {
      const index = (round + step) % targets.length;
      times[index]!.push(await targets[index]![1](session.page));
    }
  }
  const floorMedian = median(times[0]!);
  for (const [index, [label]] of targets.entries()) {
    const value = median(times[index]!);
    console.log(`${label.padEnd(18)} ${value.toFixed(0).padStart(5)} ms  ${(value / floorMedian).toFixed(2)}x  (${times[index]!.map((ms) => ms.toFixed(0)).join(' ')})`);
  }
} finally {
  floor.close();
  await session.close();
}
