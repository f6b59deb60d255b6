/**
 * The figures checklist on a desk-sized library: 10,000 articles of about 800 words with 30 tags each (100,000
 * figures, tests/bench/figuresLibrary.ts), measured in headless Chromium through the loopback host, from the
 * change of route to the frame painted with the rows, and in Node for the service call alone. Figures, not
 * pass/fail. `npx tsx tests/bench/figuresChecklistBench.ts [library.sqlite]` reuses a library made before
 * (a copy of it is measured); without one it makes one first, which takes minutes.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { createStore, openDatabase } from '../../main/store/index';
import { openServices } from '../../main/services/index';
import { startBrowserSession } from '../support/browserSession';
import { fillFiguresLibrary } from './figuresLibrary';
import { median } from './stats';

const articleCount = 10_000;
const runs = 5;

/** The views measured: a route hash and what it shows. */
const views: { name: string; hash: string }[] = [
  { name: 'checklist, figures to check (default)', hash: '#/figures' },
  { name: 'only flagged figures', hash: '#/figures?flagged=1' },
  { name: 'sorted by value, page 20', hash: '#/figures?sort=value&page=20' },
  { name: 'money in draft articles matching "Douma"', hash: '#/figures?query=Douma&status=draft&kind=money' },
];

// Milliseconds from the change of route to the frame painted with the checklist's rows, measured in the page.
async function timeToRows(page: Page, hash: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/registry'));
  await page.locator('.registry').waitFor();
  return page.evaluate(async (target) => {
    const start = performance.now();
    window.location.hash = target;
    await new Promise<void>((resolve) => {
      const check = () => {
        const ready = document.querySelector('tr.figure-row') && !document.querySelector('.figures-list[aria-busy="true"]');
        if (ready) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, hash);
}

/** Makes the library at `path` unless it exists. */
export function ensureFiguresLibrary(path: string): void {
  if (existsSync(path)) return;
  const db = openDatabase(path);
  try {
    fillFiguresLibrary(createStore(db), articleCount, (line) => console.log(`  written: ${line}`));
  } finally {
    db.close();
  }
}

/** Median milliseconds for each view in the browser, the service alone, and the first call on a cold start. */
export async function benchFiguresChecklist(libraryPath?: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-figures-bench-'));
  const databasePath = join(dir, 'figures.sqlite');
  try {
    if (libraryPath) copyFileSync(libraryPath, databasePath);
    else ensureFiguresLibrary(databasePath);
    const figures: Record<string, number> = {};

    // A cold start: the first call reads every article's figures, unless the background warm-up got there first.
    const cold = openServices({ databasePath });
    const coldStart = performance.now();
    await cold.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 });
    figures['service, first call after start (cold)'] = performance.now() - coldStart;
    const warmTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await cold.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 });
      warmTimes.push(performance.now() - started);
    }
    figures['service, default view (warm)'] = median(warmTimes);
    cold.close();

    const session = await startBrowserSession({ databasePath });
    try {
      // The host's services warm up in the background; one call waits for whatever is left.
      await session.services.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 });
      for (const view of views) {
        const times: number[] = [];
        for (let run = 0; run < runs; run++) times.push(await timeToRows(session.page, view.hash));
        figures[`browser, ${view.name}`] = median(times);
      }
    } finally {
      await session.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchFiguresChecklist(process.argv[2]).then((figures) => {
    console.log(`\nFigures checklist on ${articleCount.toLocaleString('en')} articles (median of ${runs} runs, ms)`);
    for (const [name, ms] of Object.entries(figures)) console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(8)}`);
  });
}
