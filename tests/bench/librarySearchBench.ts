/**
 * The library search on a desk of 10,000 articles (800 words, 30 tags each, 20,000 registry entities), measured in
 * headless Chromium through the loopback host, from the URL naming the search to the list painted, and in the
 * services alone. `npx tsx tests/bench/librarySearchBench.ts [database]` (generates the library first when the
 * file does not exist; that takes a minute or two). Figures, not pass/fail.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openServices } from '../../main/services/index';
import { startBrowserSession } from '../support/browserSession';
import { generateLibrary } from './librarySearchLibrary';
import { median } from './stats';

const databasePath = process.argv[2] ?? join(tmpdir(), 'annotator-library-bench.sqlite');
const runs = 7;
const searches: { label: string; hash: string }[] = [
  { label: 'entity filter (Faylaq al Rahman, ~1,700 articles)', hash: '#/library?entityId=ent_busy' },
  { label: 'entity filter by title order', hash: '#/library?entityId=ent_busy&sort=title&dir=asc' },
  { label: 'a rare word (in ~500 articles)', hash: '#/library?query=marquami2896' },
  { label: 'a common word (in every article)', hash: '#/library?query=government' },
  { label: 'a prefix being typed ("gov")', hash: '#/library?query=gov' },
  { label: 'a phrase ("said the")', hash: '#/library?query=%22said+the%22' },
  { label: 'entity filter and a word', hash: '#/library?entityId=ent_busy&query=talks' },
  { label: 'tag author and status, by tag count', hash: '#/library?tagAuthor=Wei+Chen&status=draft&sort=tags' },
];
// Between two measurements the page shows this, so that each one fetches and paints a different list.
const neutral = '#/library?status=done&sort=title&dir=asc';

if (!existsSync(databasePath)) {
  console.log(`Generating the library in ${databasePath}…`);
  generateLibrary(databasePath).db.close();
}

// Milliseconds from the hash change to the frame painted with the new result line.
async function timeToList(page: Page, hash: string): Promise<number> {
  return page.evaluate(async (hash) => {
    const line = () => document.querySelector('.result-range');
    const before = line()?.textContent;
    const start = performance.now();
    window.location.hash = hash;
    await new Promise<void>((resolve) => {
      const check = () => {
        const current = line();
        if (current && current.textContent !== before && !current.textContent?.includes('Searching')) resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, hash);
}

const rows: string[] = [];
{
  const services = openServices({ databasePath, userName: 'bench' });
  for (const { label, hash } of searches) {
    const params = new URLSearchParams(hash.split('?')[1]);
    const selection = Object.fromEntries([...params].filter(([key]) => !['sort', 'dir', 'page'].includes(key)));
    const request = { selection, sort: params.get('sort') ?? undefined, direction: params.get('dir') ?? undefined, offset: 0, limit: 50 } as Parameters<typeof services.handlers.searchArticles>[0];
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      total = (await services.handlers.searchArticles(request)).total;
      times.push(performance.now() - start);
    }
    rows.push(`${label.padEnd(52)} services ${median(times).toFixed(1).padStart(7)} ms   (${total.toLocaleString('en')} articles)`);
  }
  services.close();
}

const session = await startBrowserSession({ databasePath });
try {
  await session.page.goto(`${session.host.url}${neutral}`);
  await session.page.locator('.result-range').waitFor();
  for (const [index, { hash }] of searches.entries()) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      times.push(await timeToList(session.page, hash));
      await timeToList(session.page, neutral);
    }
    rows[index] += `   browser ${median(times).toFixed(1).padStart(7)} ms`;
  }
} finally {
  await session.close();
}
console.log(`Library search, medians of ${runs} runs (to the list painted, through the loopback host):`);
for (const row of rows) console.log(row);
