import { startBrowserSession } from '../support/browserSession';
import { hotEntityId, openEntityDesk } from './entityDeskScale';

/**
 * Times the entity page and the review queue in the real renderer (headless Chromium through the loopback host)
 * on the scale desk: from the route change to the frame that paints the awaited rows. `npm run build` first;
 * `npx tsx tests/perf/entityDeskBrowser.ts [database path]`. Medians of 5 runs after one warm-up.
 */
const databasePath = process.argv[2] ?? '/tmp/entity-desk-10k.sqlite';
openEntityDesk(databasePath).close();
const session = await startBrowserSession({ databasePath });
const { page } = session;
page.setDefaultTimeout(120_000);
console.log('app open');

// Goes to `hash` from the trash (a light view) and resolves with the milliseconds until every selector is painted.
async function paintTime(hash: string, selectors: string[]): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/trash'));
  await page.getByRole('heading', { name: /Trash/ }).first().waitFor();
  return page.evaluate(
    ({ hash, selectors }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        setTimeout(() => reject(new Error(`${selectors.join(', ')} not painted within 30 s`)), 30_000);
        window.location.hash = hash;
        const check = () => {
          if (selectors.every((selector) => document.querySelector(selector))) requestAnimationFrame(() => resolve(performance.now() - started));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { hash, selectors },
  );
}

async function median(name: string, hash: string, selectors: string[]): Promise<void> {
  console.log(`warm-up: ${(await paintTime(hash, selectors)).toFixed(0)} ms`);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) times.push(await paintTime(hash, selectors));
  times.sort((a, b) => a - b);
  console.log(`${name}: ${times[2]!.toFixed(0)} ms painted (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`);
}

try {
  await median('entity page, 2,000 mentions: counts, timeline and co-mentions painted', `#/entity/${hotEntityId}`, ['.entity-summary', '.timeline-table', '.co-mentions']);
  await median('entity page, 2,000 mentions: every part painted (first pages of mentions and quotes too)', `#/entity/${hotEntityId}`, ['.timeline-table', '.co-mentions', '.mention-sentence', '.entity-quotes tbody tr']);
  await median('review queue, 50,000 waiting tags: first page painted', '#/review', ['.review-item', '.review-summary']);
  await median('review queue, suggested figures only (10,000)', '#/review?show=suggested&kind=figure', ['.review-item']);
} finally {
  await session.close();
}
