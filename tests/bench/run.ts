/**
 * `npm run bench`: speed figures for the editor and the store, printed as tables. Figures, not pass/fail.
 * Browser figures come from the built renderer in headless Chromium through the loopback host, each beside
 * the same figure on a plain-ProseMirror floor page measured in the same browser, rounds alternating between
 * them; store figures from the services in Node on a real SQLite file. `npm run bench -- --json FILE` also
 * writes every figure as JSON; `npm run bench -- --desk` measures the desk's views alone.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { startBrowserSession, selectTextInEditor, waitForSaved, type BrowserSession } from '../support/browserSession';
import { generateArticle } from './generateArticle';
import { megabytes, median, printTable, type BenchRow } from './stats';
import { emptySamples, heapAfterGarbageCollection, measureRound, summarise, type EditorFigures, type EditorSamples, type EditorTarget } from './editorFigures';
import { startFloorHost, type FloorHost } from './floor/floorHost';
import type { FloorOptions } from './floor/floorPage';
import { printFloorTable, ratioToFloor } from './floorTable';
import { measureLeak } from './leakCheck';
import { benchRegistry } from './registryBench';
import { benchExchange } from './exchangeBench';
import { importedArticle } from '../support/importedArticle';
import { benchSaves } from './saveBench';
import { clickOpenAndTimeToPaint } from './openTiming';
import { startAppHostProcess } from './appHostProcess';
import { benchDesk, deskMeasures, printDeskTable } from './deskBench';

const words = 100_000;
const annotations = 10_000;
const ordinaryWords = 1_500;
const ordinaryAnnotations = 300;
const runs = 5;
// 200 keys per target, spread over the rounds so typing alternates between app and floor too.
const keysPerRound = 40;
// Scrolling the long article takes seconds a pass, so it is measured in the first rounds only.
const scrollRoundsLong = 2;
// Opens of the long article differ by up to a third from one to the next, the floor's as much as the app's:
// after the rounds, each page is opened this many more times, alternating, so each open figure is a median of 11.
const openOnlyRounds = 6;
const opensPerTarget = runs + openOnlyRounds;
const leakKeys = 1_000;
const leakTags = 100;


async function createArticle(session: BrowserSession, doc: ProseMirrorNode): Promise<string> {
  const { handlers } = session.services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  const record = await handlers.getArticle({ id: summary.id });
  await handlers.saveArticle({ id: summary.id, baseRevision: record.revision, doc: doc.toJSON() });
  return summary.id;
}

async function openArticle(session: BrowserSession, articleId: string): Promise<number> {
  await session.page.goto(session.host.url);
  await session.page.locator(`tr[data-article-id="${articleId}"]`).waitFor();
  await heapAfterGarbageCollection(session.page);
  return session.page.evaluate(clickOpenAndTimeToPaint, articleId);
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
  // The dialog lists a page of them; its hint says how many were found.
  const occurrences = Number(/(\d+) found/.exec((await dialog.locator('.dialog-hint').textContent()) ?? '')?.[1] ?? Number.NaN);
  start = performance.now();
  await dialog.getByRole('button', { name: /^Tag \d/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await paint();
  const apply = performance.now() - start;
  await waitForSaved(page);
  return { find, apply, occurrences };
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

/** The app with one article as an editor target. */
function appTarget(session: BrowserSession, articleId: string, label: string, tagTarget: EditorTarget['tagTarget'], typeAfter: EditorTarget['typeAfter']): EditorTarget {
  return { label, isApp: true, open: () => openArticle(session, articleId), tagTarget, typeAfter };
}

/** What happened to the suggestions of one round of the suggesting target by the time its keys were typed. */
interface SuggestingRound {
  // Suggested highlights painted when the last key was typed.
  painted: number;
  // Whether the suggestions were still being computed or placed then.
  stillSuggesting: boolean;
}

/**
 * The app with a fresh copy of the tagged article each round (suggestions land in the article, so reusing one
 * would leave fewer to compute and more tags each round), opened with suggestions on open, so that every kind
 * of suggestion is computed in the worker and placed on the text while the keys of the round are typed.
 */
function suggestingTarget(session: BrowserSession, doc: ProseMirrorNode, label: string, tagTarget: EditorTarget['tagTarget'], typeAfter: EditorTarget['typeAfter'], rounds: SuggestingRound[]): EditorTarget {
  const { handlers } = session.services;
  const suggestOnOpen = (onOpen: boolean) => handlers.setPreferences({ suggestions: { onImport: false, onOpen, kinds: ['entity', 'figure', 'attribution'] } });
  return {
    label,
    isApp: true,
    async open(page) {
      const articleId = await createArticle(session, doc);
      await suggestOnOpen(true);
      try {
        const openMs = await openArticle(session, articleId);
        // The editor asks for the preferences right after it opens; the header says so once it is suggesting.
        await page.locator('.suggest-button', { hasText: 'Suggesting…' }).waitFor({ timeout: 10_000 });
        return openMs;
      } finally {
        await suggestOnOpen(false);
      }
    },
    tagTarget,
    typeAfter,
    async afterTyping(page) {
      rounds.push({
        painted: await page.evaluate(() => document.querySelectorAll('.ProseMirror .ann-suggested').length),
        stillSuggesting: await page.locator('.suggest-button', { hasText: 'Suggesting…' }).isVisible(),
      });
    },
  };
}

/** The floor page with one article (by name) as an editor target. */
function floorTarget(floor: FloorHost, name: string, tagTarget: EditorTarget['tagTarget'], typeAfter: EditorTarget['typeAfter'], options: FloorOptions = {}): EditorTarget {
  return {
    label: `floor${options.contentVisibility ? '+cv' : ''}${options.paintTags ? '+::highlight tags' : name.endsWith('-tagged') ? '+mark tags' : ''}`,
    isApp: false,
    async open(page) {
      await page.goto(floor.url);
      await page.waitForFunction(() => 'openFloor' in window);
      await heapAfterGarbageCollection(page);
      return page.evaluate(({ name, options }) => (window as unknown as { openFloor(name: string, options: FloorOptions): Promise<number> }).openFloor(name, options), { name, options });
    },
    tagTarget,
    typeAfter,
  };
}

/**
 * Every editor figure for each target, in `runs` rounds; each round visits every target once, in an order
 * that rotates, so app and floor alternate and drift on a shared machine falls on all of them alike.
 */
async function measureAlternating(page: Page, targets: EditorTarget[], scrollRounds: number): Promise<EditorFigures[]> {
  const samples: EditorSamples[] = targets.map(() => emptySamples());
  for (let round = 0; round < runs; round++) {
    for (let step = 0; step < targets.length; step++) {
      const index = (round + step) % targets.length;
      progress(`round ${round + 1} of ${runs}: ${targets[index]!.label}`);
      await measureRound(page, targets[index]!, samples[index]!, round, keysPerRound, round < scrollRounds);
    }
  }
  for (let round = 0; round < openOnlyRounds; round++) {
    for (let step = 0; step < targets.length; step++) {
      const index = (round + step) % targets.length;
      progress(`open ${runs + round + 1} of ${opensPerTarget}: ${targets[index]!.label}`);
      samples[index]!.open.push(await targets[index]!.open(page));
      if (targets[index]!.isApp) await waitForSaved(page);
    }
  }
  return samples.map(summarise);
}

const benchStart = performance.now();

/** A progress line on stderr, so a long run shows where it is without mixing into the printed figures. */
function progress(what: string): void {
  process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0)} s] ${what}\n`);
}

function argumentAfter(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const jsonPath = argumentAfter('--json');
  // `npm run bench -- --desk`: the desk's views alone (a few minutes, once the desk library is built).
  if (process.argv.includes('--desk')) {
    const desk = await benchDesk(deskMeasures, (line) => console.log(line));
    printDeskTable(desk);
    if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify({ desk }, null, 2)}\n`);
    return;
  }
  const startedAt = performance.now();
  const session = await startBrowserSession({ seedDemo: false });
  const longPlain = generateArticle(words, 0);
  const ordinaryPlain = generateArticle(ordinaryWords, 0);
  const longTagged = generateArticle(words, annotations);
  const floor = await startFloorHost({ long: longPlain, ordinary: ordinaryPlain, 'long-tagged': longTagged });
  const suggestingRounds: SuggestingRound[] = [];
  const report: Record<string, unknown> = { runs, opensPerTarget, keysPerTarget: runs * keysPerRound, scrollPassesLong: scrollRoundsLong, scrollPassesOrdinary: runs };
  try {
    const { page } = session;
    const plainId = await createArticle(session, longPlain);
    const taggedId = await createArticle(session, longTagged);
    const ordinaryPlainId = await createArticle(session, ordinaryPlain);
    const ordinaryTaggedId = await createArticle(session, generateArticle(ordinaryWords, ordinaryAnnotations));

    const longTag = (round: number) => ({ text: `marker${(40 + round) * 1000 + 505}`, occurrence: 0 });
    const longType = { text: `marker${50_505}`, occurrence: 0 };
    const longTargets = [
      floorTarget(floor, 'long', longTag, longType),
      appTarget(session, plainId, 'app, no tags', longTag, longType),
      appTarget(session, taggedId, `app, ${annotations.toLocaleString('en')} tags`, longTag, longType),
      // An experiment, not the app: the floor with the same tags painted by the CSS Custom Highlight API.
      floorTarget(floor, 'long', longTag, longType, { contentVisibility: true }),
      floorTarget(floor, 'long-tagged', longTag, longType, { contentVisibility: true }),
      floorTarget(floor, 'long-tagged', longTag, longType, { contentVisibility: true, paintTags: true }),
      suggestingTarget(session, longTagged, `app, ${annotations.toLocaleString('en')} tags, suggesting`, longTag, longType, suggestingRounds),
    ];
    const [longFloor, longApp, longTaggedApp, longSkipping, longMarked, longPainted, longSuggesting] = await measureAlternating(page, longTargets, scrollRoundsLong);

    const ordinaryTag = (round: number) => ({ text: 'deal', occurrence: round * 4 });
    const ordinaryType = { text: 'corridor', occurrence: 15 };
    const ordinaryTargets = [
      floorTarget(floor, 'ordinary', ordinaryTag, ordinaryType),
      appTarget(session, ordinaryPlainId, 'app, no tags', ordinaryTag, ordinaryType),
      appTarget(session, ordinaryTaggedId, `app, ${ordinaryAnnotations} tags`, ordinaryTag, ordinaryType),
    ];
    const [ordinaryFloor, ordinaryApp, ordinaryTagged] = await measureAlternating(page, ordinaryTargets, runs);

    // Resident memory with the long tagged article open in the app (its host in a process of its own, as
    // `npm run serve` runs it), then with the long article open on the floor.
    progress('resident memory');
    const appHost = await startAppHostProcess(session.databasePath);
    let mainResident: number;
    let mainResidentLibrary: number;
    try {
      await page.goto(appHost.url);
      await page.locator(`tr[data-article-id="${taggedId}"]`).waitFor();
      mainResidentLibrary = megabytes(appHost.residentBytes());
      await page.evaluate(clickOpenAndTimeToPaint, taggedId);
      await waitForSaved(page);
      mainResident = megabytes(appHost.residentBytes());
    } finally {
      await appHost.close();
    }
    await longTargets[0]!.open(page);
    const floorResident = megabytes(floor.residentBytes());

    progress('leak check');
    const leak = await measureLeak(page, longTargets[2]!, leakKeys, leakTags);

    progress('tag-all');
    const tagAll = { plain: await measureTagAll(session, plainId), tagged: await measureTagAll(session, taggedId) };
    const registryView = await measureRegistryView(session);

    printFloorTable(
      `Editor: ${words.toLocaleString('en')} words; plain ProseMirror floor vs the app, rounds alternating (headless Chromium; ${runs} rounds, ${runs * keysPerRound} keys per page, scrolling in ${scrollRoundsLong} rounds, a viewport a frame)`,
      { heading: 'floor', figures: longFloor! },
      [
        { heading: longTargets[1]!.label, figures: longApp! },
        { heading: longTargets[2]!.label, figures: longTaggedApp! },
        { heading: longTargets[3]!.label, figures: longSkipping! },
        { heading: longTargets[4]!.label, figures: longMarked! },
        { heading: longTargets[5]!.label, figures: longPainted! },
        { heading: longTargets[6]!.label, figures: longSuggesting! },
      ],
      opensPerTarget,
    );
    console.log('  Ratios are to the plain floor. floor+cv: the floor with content-visibility: auto on blocks, as the app\'s stylesheet has.');
    console.log('  floor+cv+mark tags: the floor+cv page with the same 10,000 tags as the schema\'s marks (plain ProseMirror, no app plugins, no React).');
    console.log('  floor+cv+::highlight tags: an experiment, the same 10,000 tags painted by the CSS Custom Highlight API over ranges near the viewport, no mark elements (no clicking, inspector or screen-reader cues).');
    console.log(`  app, ${annotations.toLocaleString('en')} tags, suggesting: a fresh copy of the tagged article each round, opened with suggestions on open (every kind), typed in while they are computed (they wait while keys arrive, and land once the keys stop).`);
    console.log(`    when the last key of each round was typed: ${suggestingRounds.map((round) => `${round.painted.toLocaleString('en')} suggestions painted${round.stillSuggesting ? ', still suggesting' : ''}`).join('; ')}`);
    const withSuggestions = (key: keyof EditorFigures) => ratioToFloor(longSuggesting![key], longTaggedApp![key]).toFixed(2);
    console.log(`    against the same app without suggestions: keystroke median ${withSuggestions('keyMedianMs')}x, p95 ${withSuggestions('keyP95Ms')}x`);
    const strict = (key: keyof EditorFigures) => ratioToFloor(longTaggedApp![key], longSkipping![key]).toFixed(2);
    const againstMarks = (key: keyof EditorFigures) => ratioToFloor(longTaggedApp![key], longMarked![key]).toFixed(2);
    console.log(`  app with ${annotations.toLocaleString('en')} tags against floor+cv+mark tags: open ${againstMarks('openMs')}x, keystroke median ${againstMarks('keyMedianMs')}x, p95 ${againstMarks('keyP95Ms')}x, scroll frame p95 ${againstMarks('frameP95Ms')}x`);
    console.log(`  app with ${annotations.toLocaleString('en')} tags against floor+cv: open ${strict('openMs')}x, keystroke median ${strict('keyMedianMs')}x, p95 ${strict('keyP95Ms')}x, scroll frame p95 ${strict('frameP95Ms')}x`);
    printFloorTable(
      `Editor, ordinary copy: ${ordinaryWords.toLocaleString('en')} words; floor vs the app (${runs} rounds, ${runs * keysPerRound} keys per page, scrolling in ${runs} rounds)`,
      { heading: 'floor', figures: ordinaryFloor! },
      [
        { heading: ordinaryTargets[1]!.label, figures: ordinaryApp! },
        { heading: ordinaryTargets[2]!.label, figures: ordinaryTagged! },
      ],
      opensPerTarget,
    );
    console.log(`\nMemory, ${words.toLocaleString('en')} words open`);
    console.log(`  main process resident (services + loopback host in a process of its own, run by tsx as npm run serve runs it):`);
    console.log(`    the library shown ${mainResidentLibrary.toFixed(1)} MB; the ${words.toLocaleString('en')}-word article with ${annotations.toLocaleString('en')} tags open ${mainResident.toFixed(1)} MB`);
    console.log(`  floor page's server process resident, floor open ${floorResident.toFixed(1)} MB`);
    console.log(`  renderer JS heap after GC: floor ${longFloor!.heapMB.toFixed(1)} MB, app no tags ${longApp!.heapMB.toFixed(1)} MB, app ${annotations.toLocaleString('en')} tags ${longTaggedApp!.heapMB.toFixed(1)} MB`);
    console.log(`\nLeak check (app, ${annotations.toLocaleString('en')} tags): rounds of ${leak.keys.toLocaleString('en')} keystrokes and ${leak.tagsAddedAndRemoved} tags added and removed`);
    const growth = (from: number, to: number) => `${to - from >= 0 ? '+' : ''}${(to - from).toFixed(1)} MB`;
    console.log(
      `  renderer JS heap after forced GC: before ${leak.heapBeforeMB.toFixed(1)} MB, after a round ${leak.heapAfterMB.toFixed(1)} MB (${growth(leak.heapBeforeMB, leak.heapAfterMB)}), after a second round ${leak.heapAfterSecondRoundMB.toFixed(1)} MB (${growth(leak.heapAfterMB, leak.heapAfterSecondRoundMB)}); tags shown before ${leak.tagsShownBefore}, after ${leak.tagsShownAfter}`,
    );

    const rows: BenchRow[] = [
      { metric: `tag-all "convoy": shortcut to review dialog (ms, ${tagAll.plain.occurrences} found)`, plain: tagAll.plain.find, tagged: tagAll.tagged.find },
      { metric: 'tag-all "convoy": apply all to painted (ms)', plain: tagAll.plain.apply, tagged: tagAll.tagged.apply },
    ];
    printTable(`Tag-all: ${words.toLocaleString('en')} words, no tags vs ${annotations.toLocaleString('en')} tags (Node; headless Chromium)`, rows);
    console.log(`\nRegistry view in the browser: ${registryView.entities.toLocaleString('en')} entities, library to painted list ${registryView.median.toFixed(1)} ms (median of ${runs})`);
    Object.assign(report, {
      long: { words, annotations, floor: longFloor, appNoTags: longApp, appTagged: longTaggedApp, floorWithContentVisibility: longSkipping, floorWithContentVisibilityAndMarkTags: longMarked, experimentFloorWithHighlightApiTags: longPainted, appTaggedSuggesting: longSuggesting, suggestingRounds },
      ordinary: { words: ordinaryWords, annotations: ordinaryAnnotations, floor: ordinaryFloor, appNoTags: ordinaryApp, appTagged: ordinaryTagged },
      memory: { mainResidentMB: mainResident, mainResidentLibraryMB: mainResidentLibrary, floorServerResidentMB: floorResident },
      leak,
      tagAll,
      registryView,
    });
  } finally {
    await session.close();
    floor.close();
  }

  progress('store saves');
  // One table for saving, with enough saves for steady medians (a figure of 5 saves here differed from it by 1.1 in its ratio).
  report.store = await benchSaves();

  progress('registry');
  const registry = await benchRegistry();
  console.log('\nRegistry: 5,000 entities, 10,000 mentions over 200 articles (Node, services on SQLite)');
  console.log(`  list all entities with counts   ${registry.listMs.toFixed(1)} ms (median of 5)`);
  console.log(`  one entity with every mention   ${registry.detailMs.toFixed(1)} ms (median of 5)`);

  progress('exchange');
  const exchange = await benchExchange();
  console.log(`\nExchange: ${exchange.articles.toLocaleString('en')} articles of ${exchange.wordsPerArticle} words and ${exchange.tagsPerArticle} tags (Node, services on SQLite)`);
  console.log(`  export to NITF           ${exchange.nitfArticlesPerSecond.toFixed(0)} articles/s (${(exchange.nitfTotalMs / 1000).toFixed(1)} s in all)`);
  console.log(`  export to W3C JSON-LD    ${exchange.wadmArticlesPerSecond.toFixed(0)} articles/s (${(exchange.wadmTotalMs / 1000).toFixed(1)} s in all)`);
  console.log(`  import .txt files        ${exchange.importTxtFilesPerSecond.toFixed(0)} files/s (${(exchange.importTxtTotalMs / 1000).toFixed(1)} s in all)`);
  progress('desk views');
  const desk = await benchDesk(deskMeasures, (line) => console.log(line));
  printDeskTable(desk);

  const durationSeconds = (performance.now() - startedAt) / 1000;
  console.log(`\nWhole bench: ${durationSeconds.toFixed(0)} s`);
  if (jsonPath) {
    writeFileSync(jsonPath, `${JSON.stringify({ ...report, registry, exchange, desk, durationSeconds }, null, 2)}\n`);
    console.log(`Figures written to ${jsonPath}`);
  }
}

await main();
