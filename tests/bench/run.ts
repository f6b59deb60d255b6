/**
 * `npm run bench`: speed figures for the editor and the store, printed as a table. Figures, not pass/fail.
 * Browser figures come from the built renderer in headless Chromium through the loopback host; store
 * figures from the services in Node on a real SQLite file.
 */
import type { Page } from 'playwright-core';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { startBrowserSession, selectTextInEditor, waitForSaved, type BrowserSession } from '../support/browserSession';
import { generateArticle } from './generateArticle';
import { median, percentile, printTable, type BenchRow } from './stats';
import { benchRegistry } from './registryBench';
import { benchExchange } from './exchangeBench';
import { importedArticle } from '../support/importedArticle';
import { benchSaves } from './saveBench';

const words = 100_000;
const annotations = 10_000;
const runs = 5;

async function createArticle(session: BrowserSession, doc: ProseMirrorNode): Promise<string> {
  const { handlers } = session.services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  const record = await handlers.getArticle({ id: summary.id });
  await handlers.saveArticle({ id: summary.id, baseRevision: record.revision, doc: doc.toJSON() });
  return summary.id;
}

/** Milliseconds from `action` to the frame painted after it, measured inside the page. */
async function timeToPaint(page: Page, action: string, articleId?: string): Promise<number> {
  return page.evaluate(
    async ({ action, articleId }) => {
      const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const start = performance.now();
      if (action === 'open') {
        const link = document.querySelector<HTMLButtonElement>(`tr[data-article-id="${articleId}"] .article-link`);
        link!.click();
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelector('.ProseMirror p') ? resolve() : requestAnimationFrame(check));
          check();
        });
      }
      await nextPaint();
      return performance.now() - start;
    },
    { action, articleId },
  );
}

/** Installs a keydown probe: each key's time from the event to the next painted frame. */
async function installKeyProbe(page: Page): Promise<void> {
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

async function takeLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.splice(0));
}

async function openArticle(session: BrowserSession, articleId: string): Promise<number> {
  await session.page.goto(session.host.url);
  await session.page.locator(`tr[data-article-id="${articleId}"]`).waitFor();
  return timeToPaint(session.page, 'open', articleId);
}

async function measureEditor(session: BrowserSession, articleId: string) {
  const { page } = session;
  const openTimes: number[] = [];
  for (let run = 0; run < runs; run++) openTimes.push(await openArticle(session, articleId));

  await installKeyProbe(page);
  const tagTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    await selectTextInEditor(page, `marker${(40 + run) * 1000 + 505}`);
    await takeLatencies(page);
    await page.keyboard.press('Alt+Shift+P');
    await page.waitForTimeout(150);
    tagTimes.push(...(await takeLatencies(page)).slice(-1));
  }

  await selectTextInEditor(page, `marker${50_505}`);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  await takeLatencies(page);
  for (let key = 0; key < 200; key++) {
    await page.keyboard.press(key % 10 === 9 ? 'Space' : 'KeyA');
    await page.waitForTimeout(15);
  }
  await page.waitForTimeout(200);
  const keyTimes = await takeLatencies(page);
  await waitForSaved(page);
  return { open: median(openTimes), tag: median(tagTimes), keyMedian: median(keyTimes), keyP95: percentile(keyTimes, 95) };
}

/**
 * Tag-all on a common word: tag it, then time the shortcut to the painted review dialog, and applying
 * every proposed occurrence to the painted editor (Playwright round trips included, a few ms).
 */
async function measureTagAll(session: BrowserSession, articleId: string): Promise<{ find: number; apply: number; occurrences: number }> {
  const { page } = session;
  await openArticle(session, articleId);
  const paint = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await selectTextInEditor(page, 'convoy');
  await page.keyboard.press('Alt+Shift+X');
  await page.waitForTimeout(300);
  let start = performance.now();
  await page.keyboard.press('Alt+Shift+G');
  const dialog = page.getByRole('dialog', { name: /Tag all occurrences/ });
  await dialog.waitFor();
  await paint();
  const find = performance.now() - start;
  const occurrences = await dialog.getByRole('listitem').count();
  start = performance.now();
  await dialog.getByRole('button', { name: /^Tag \d/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await paint();
  const apply = performance.now() - start;
  await waitForSaved(page);
  return { find, apply, occurrences };
}

/**
 * Saving one small change through the services as the editor's autosave sends it: a patch with the one
 * changed paragraph, on the stored article.
 */
async function measureSave(session: BrowserSession, articleId: string): Promise<number> {
  const { handlers } = session.services;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const record = await handlers.getArticle({ id: articleId });
    const index = 1 + run * 10;
    const paragraph = structuredClone((record.doc as { content: { content: { text: string }[] }[] }).content[index]!);
    paragraph.content[0]!.text += ' edited';
    const start = performance.now();
    await handlers.saveArticle({ id: articleId, baseRevision: record.revision, patch: { from: index, to: index + 1, blocks: [paragraph], records: {}, removedRecordIds: [] } });
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Opening the Registry view (5,000 entities) from the library, to the painted list, in the browser. */
async function measureRegistryView(session: BrowserSession): Promise<{ median: number; entities: number }> {
  const { page, services } = session;
  const types = ['person', 'organisation', 'place', 'event', 'other'] as const;
  const existing = (await services.handlers.listEntities({ limit: 10_000 })).length;
  for (let index = existing; index < 5_000; index++) {
    await services.handlers.createEntity({ name: `Registry bench entity ${index}`, type: types[index % types.length]!, aliases: [`Bench alias ${index}`] });
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(session.host.url);
    await page.getByRole('region', { name: 'Library' }).waitFor();
    times.push(
      await page.evaluate(async () => {
        const start = performance.now();
        [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((button) => button.textContent === 'Registry')!.click();
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelector('.entity-list li') ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      }),
    );
  }
  return { median: median(times), entities: (await services.handlers.listEntities({ limit: 10_000 })).length };
}

async function main(): Promise<void> {
  const session = await startBrowserSession({ seedDemo: false });
  try {
    const plainId = await createArticle(session, generateArticle(words, 0));
    const taggedId = await createArticle(session, generateArticle(words, annotations));
    const plain = { ...(await measureEditor(session, plainId)), save: await measureSave(session, plainId), tagAll: await measureTagAll(session, plainId) };
    const tagged = { ...(await measureEditor(session, taggedId)), save: await measureSave(session, taggedId), tagAll: await measureTagAll(session, taggedId) };
    const rows: BenchRow[] = [
      { metric: 'open article to painted (ms, median of 5)', plain: plain.open, tagged: tagged.open },
      { metric: 'add one tag, key to painted (ms, median of 5)', plain: plain.tag, tagged: tagged.tag },
      { metric: 'keystroke to painted, median of 200 (ms)', plain: plain.keyMedian, tagged: tagged.keyMedian },
      { metric: 'keystroke to painted, p95 of 200 (ms)', plain: plain.keyP95, tagged: tagged.keyP95 },
      { metric: 'save one change in the store (ms, median of 5)', plain: plain.save, tagged: tagged.save },
      { metric: `tag-all "convoy": shortcut to review dialog (ms, ${plain.tagAll.occurrences} found)`, plain: plain.tagAll.find, tagged: tagged.tagAll.find },
      { metric: 'tag-all "convoy": apply all to painted (ms)', plain: plain.tagAll.apply, tagged: tagged.tagAll.apply },
    ];
    printTable(`Editor and store: ${words.toLocaleString('en')} words, no tags vs ${annotations.toLocaleString('en')} tags (headless Chromium, Node)`, rows);
    const registryView = await measureRegistryView(session);
    console.log(`\nRegistry view in the browser: ${registryView.entities.toLocaleString('en')} entities, library to painted list ${registryView.median.toFixed(1)} ms (median of ${runs})`);
  } finally {
    await session.close();
  }

  await benchSaves();

  const registry = await benchRegistry();
  console.log('\nRegistry: 5,000 entities, 10,000 mentions over 200 articles (Node, services on SQLite)');
  console.log(`  list all entities with counts   ${registry.listMs.toFixed(1)} ms (median of 5)`);
  console.log(`  one entity with every mention   ${registry.detailMs.toFixed(1)} ms (median of 5)`);

  const exchange = await benchExchange();
  console.log(`\nExchange: ${exchange.articles.toLocaleString('en')} articles of ${exchange.wordsPerArticle} words and ${exchange.tagsPerArticle} tags (Node, services on SQLite)`);
  console.log(`  export to NITF           ${exchange.nitfArticlesPerSecond.toFixed(0)} articles/s (${(exchange.nitfTotalMs / 1000).toFixed(1)} s in all)`);
  console.log(`  export to W3C JSON-LD    ${exchange.wadmArticlesPerSecond.toFixed(0)} articles/s (${(exchange.wadmTotalMs / 1000).toFixed(1)} s in all)`);
  console.log(`  import .txt files        ${exchange.importTxtFilesPerSecond.toFixed(0)} files/s (${(exchange.importTxtTotalMs / 1000).toFixed(1)} s in all)`);
}

await main();
