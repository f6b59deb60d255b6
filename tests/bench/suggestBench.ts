/**
 * Measures the suggestion pipeline on ../shared/gold/gum-news-dev.json (GUM news documents: texts CC BY 2.5
 * Wikinews, annotations CC BY 4.0 GUM): entity precision, recall and F1 per type for exact and overlapping
 * spans, figure recall against the gold numbers and dates, direct-quote recall and speaker accuracy, speed and
 * peak memory; then the same with the registry filled from half the documents, measured on the other half.
 * Figures, not pass/fail. Run: npm run bench:suggest
 */
import { readFileSync } from 'node:fs';
import type { EntityType } from '../../common/model/annotation';
import { suggestAnnotations, type RegistryName, type SuggestionBlock, type SuggestionResult } from '../../common/suggestions';

interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
interface GoldEntity extends GoldSpan {
  type: GoldType;
  identity: string | null;
}
interface GoldDocument {
  id: string;
  text: string;
  entities: GoldEntity[];
  quotes: GoldSpan[];
  dates: GoldSpan[];
  numTokens: GoldSpan[];
}

type GoldType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';
const goldTypes: readonly GoldType[] = ['PERSON', 'ORG', 'LOC', 'MISC'];
const mainTypes: readonly GoldType[] = ['PERSON', 'ORG', 'LOC'];

function goldTypeOf(type: EntityType): GoldType {
  return type === 'person' ? 'PERSON' : type === 'organisation' ? 'ORG' : type === 'place' ? 'LOC' : 'MISC';
}

function entityTypeOf(type: GoldType): EntityType {
  return type === 'PERSON' ? 'person' : type === 'ORG' ? 'organisation' : type === 'LOC' ? 'place' : 'other';
}

/**
 * Who says each gold quote, labelled by hand for this bench (GUM marks quotes, not speakers): the name as the
 * article writes it, any of which counts; quotes whose source is a document or unnamed are left out.
 */
const goldSpeakers: Record<string, string[]> = {
  'GUM_news_afghan:1953': ['Rodaba Noori'],
  'GUM_news_afghan:2089': ['Rodaba Noori'],
  'GUM_news_afghan:2197': ['Rodaba Noori'],
  'GUM_news_afghan:4173': ['Mohib', 'Hamdullah Mohib'],
  'GUM_news_asylum:1231': ['Najib Razak'],
  'GUM_news_asylum:1687': ['Jeff Rathke', 'Rathke'],
  'GUM_news_crane:380': ['Suleiman al-Amr'],
  'GUM_news_crane:784': ['Khaled Al-Maeena'],
  'GUM_news_crane:909': ['Khaled Al-Maeena'],
  'GUM_news_defector:2306': ['Rathbun', 'Mark Rathbun'],
  'GUM_news_defector:3366': ['Rathbun', 'Mark Rathbun'],
  'GUM_news_defector:4121': ['Whitmore', 'Steve Whitmore'],
  'GUM_news_defector:4210': ['Montalvo', 'Whitmore'],
  'GUM_news_defector:4613': ['Rathbun', 'Mark Rathbun'],
  'GUM_news_homeopathic:1252': ['Mark Tedeschi', 'Tedeschi'],
  'GUM_news_homeopathic:1538': ['Tedeschi', 'Mark Tedeschi'],
  'GUM_news_homeopathic:2173': ['Thomas', 'Thomas Sam'],
  'GUM_news_homeopathic:2571': ['Sydney Morning Herald'],
  'GUM_news_iodine:2032': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:3037': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:3127': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:3499': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:4351': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:4450': ['Eastman', 'Cres Eastman'],
  'GUM_news_iodine:4998': ['Bauchtman', 'Lydia Buchtmann'],
  'GUM_news_iodine:5103': ['Bauchtman', 'Lydia Buchtmann'],
  'GUM_news_iodine:5358': ['Bauchtman', 'Lydia Buchtmann'],
  'GUM_news_iodine:5586': ['Mu Li'],
  'GUM_news_korea:371': ['KCNA'],
  'GUM_news_korea:529': ['KCNA'],
  'GUM_news_korea:686': ['KCNA'],
  'GUM_news_korea:836': ['KCNA'],
  'GUM_news_korea:909': ['KCNA'],
  'GUM_news_korea:1278': ['KCNA'],
  'GUM_news_questionnaire:1983': ['Yvette Cooper'],
  'GUM_news_questionnaire:2013': ['Yvette Cooper'],
  'GUM_news_questionnaire:2173': ['Yvette Cooper'],
  'GUM_news_questionnaire:2221': ['Yvette Cooper'],
  'GUM_news_questionnaire:3180': ['Suella Braverman', 'Braverman'],
  'GUM_news_questionnaire:4231': ['Boswell', 'Caitlin Boswell'],
  'GUM_news_questionnaire:4663': ['Enver Solomon'],
  'GUM_news_questionnaire:4691': ['Enver Solomon'],
  'GUM_news_questionnaire:5294': ['Sunak', 'Rishi Sunak'],
  'GUM_news_soccer:2611': ['Hernan Dario Gomez'],
  'GUM_news_soccer:3945': ['Harry Kane'],
  'GUM_news_soccer:4130': ['Nabil Maaloul'],
};

function blocksOf(text: string): SuggestionBlock[] {
  return text.split('\n\n').map((block, index) => ({ text: block, type: index === 0 ? 'headline' : 'paragraph' }));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
  // For overlap matching: gold items found and predictions that found one, counted apart.
  goldFound: number;
  predictedRight: number;
}

function emptyCounts(): Counts {
  return { truePositives: 0, predicted: 0, gold: 0, goldFound: 0, predictedRight: 0 };
}

interface Tally {
  exact: Record<GoldType, Counts>;
  overlap: Record<GoldType, Counts>;
  untyped: Counts;
  figures: { numbers: number; numbersFound: number; dates: number; datesFound: number };
  quotes: { gold: number; found: number; withSpeaker: number; rightSpeaker: number; predicted: number; predictedDirect: number; misses: string[]; wrong: string[] };
  words: number;
}

function emptyTally(): Tally {
  const byType = (): Record<GoldType, Counts> => ({ PERSON: emptyCounts(), ORG: emptyCounts(), LOC: emptyCounts(), MISC: emptyCounts() });
  return {
    exact: byType(),
    overlap: byType(),
    untyped: emptyCounts(),
    figures: { numbers: 0, numbersFound: 0, dates: 0, datesFound: 0 },
    quotes: { gold: 0, found: 0, withSpeaker: 0, rightSpeaker: 0, predicted: 0, predictedDirect: 0, misses: [], wrong: [] },
    words: 0,
  };
}

const verbose = process.argv.includes('--errors');

function score(document: GoldDocument, result: SuggestionResult, tally: Tally): void {
  const predicted = result.entities.map((entity) => ({ ...entity, gold: goldTypeOf(entity.entityType) }));
  for (const type of goldTypes) {
    const gold = document.entities.filter((entity) => entity.type === type);
    const mine = predicted.filter((entity) => entity.gold === type);
    const exact = tally.exact[type];
    exact.gold += gold.length;
    exact.predicted += mine.length;
    exact.truePositives += mine.filter((entity) => gold.some((g) => g.start === entity.start && g.end === entity.end)).length;
    const overlap = tally.overlap[type];
    overlap.gold += gold.length;
    overlap.predicted += mine.length;
    overlap.goldFound += gold.filter((g) => mine.some((entity) => overlaps(g, entity))).length;
    overlap.predictedRight += mine.filter((entity) => gold.some((g) => overlaps(g, entity))).length;
    if (verbose && type !== 'MISC') {
      for (const g of gold) if (!mine.some((entity) => entity.start === g.start && entity.end === g.end)) {
        const other = predicted.find((entity) => overlaps(g, entity));
        console.log(`  miss ${type} ${document.id} "${g.text}"${other ? ` (have ${other.gold} "${other.text}" ${other.evidence})` : ''}`);
      }
      for (const entity of mine) if (!gold.some((g) => g.start === entity.start && g.end === entity.end)) {
        const other = document.entities.find((g) => overlaps(g, entity));
        console.log(`  extra ${type} ${document.id} "${entity.text}" ${entity.evidence}${other ? ` (gold ${other.type} "${other.text}")` : ''}`);
      }
    }
  }
  tally.untyped.gold += document.entities.length;
  tally.untyped.predicted += predicted.length;
  tally.untyped.goldFound += document.entities.filter((g) => predicted.some((entity) => overlaps(g, entity))).length;
  tally.untyped.predictedRight += predicted.filter((entity) => document.entities.some((g) => overlaps(g, entity))).length;

  const figures = result.figures;
  tally.figures.numbers += document.numTokens.length;
  tally.figures.numbersFound += document.numTokens.filter((g) => figures.some((figure) => overlaps(g, figure))).length;
  tally.figures.dates += document.dates.length;
  tally.figures.datesFound += document.dates.filter((g) => figures.some((figure) => overlaps(g, figure))).length;
  if (verbose) {
    for (const g of [...document.numTokens, ...document.dates]) if (!figures.some((figure) => overlaps(g, figure))) console.log(`  figure miss ${document.id} "${g.text}"`);
  }

  tally.quotes.predicted += result.attributions.length;
  tally.quotes.predictedDirect += result.attributions.filter((attribution) => attribution.mode !== 'indirect').length;
  for (const quote of document.quotes) {
    tally.quotes.gold++;
    const found = result.attributions.find((attribution) => attribution.mode !== 'indirect' && attribution.content.some((span) => overlaps(span, quote)));
    if (!found) {
      tally.quotes.misses.push(`${document.id}:${quote.start} ${quote.text.slice(0, 50)}`);
      continue;
    }
    tally.quotes.found++;
    const expected = goldSpeakers[`${document.id}:${quote.start}`];
    if (!expected) continue;
    tally.quotes.withSpeaker++;
    const speaker = found.speaker;
    const name = speaker ? (speaker.type === 'entity' ? speaker.name : speaker.description) : '';
    const right = expected.some((wanted) => name !== '' && (wanted.includes(name) || name.includes(wanted) || lastWord(wanted) === lastWord(name)));
    if (right) tally.quotes.rightSpeaker++;
    else tally.quotes.wrong.push(`${document.id}:${quote.start} want ${expected[0]} got ${name || '(none)'}`);
  }
  tally.words += (document.text.match(/\S+/gu) ?? []).length;
}

function lastWord(name: string): string {
  return name.trim().split(/\s+/u).pop()?.toLowerCase() ?? '';
}

function prf(truePositivesForPrecision: number, predicted: number, truePositivesForRecall: number, gold: number): [number, number, number] {
  const precision = predicted ? truePositivesForPrecision / predicted : 0;
  const recall = gold ? truePositivesForRecall / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return [precision, recall, f1];
}

const format = (value: number): string => value.toFixed(3);

function sum(counts: readonly Counts[]): Counts {
  return counts.reduce(
    (total, item) => ({
      truePositives: total.truePositives + item.truePositives,
      predicted: total.predicted + item.predicted,
      gold: total.gold + item.gold,
      goldFound: total.goldFound + item.goldFound,
      predictedRight: total.predictedRight + item.predictedRight,
    }),
    emptyCounts(),
  );
}

function printTally(title: string, tally: Tally): void {
  console.log(`\n${title}`);
  console.log('type    | exact P  R      F1     | overlap P  R     F1     | gold');
  const row = (label: string, exact: Counts, overlap: Counts): void => {
    const [ep, er, ef] = prf(exact.truePositives, exact.predicted, exact.truePositives, exact.gold);
    const [op, or, of] = prf(overlap.predictedRight, overlap.predicted, overlap.goldFound, overlap.gold);
    console.log(`${label.padEnd(7)} | ${format(ep)} ${format(er)} ${format(ef)}  | ${format(op)} ${format(or)} ${format(of)}    | ${exact.gold}`);
  };
  for (const type of goldTypes) row(type, tally.exact[type], tally.overlap[type]);
  row('micro3', sum(mainTypes.map((type) => tally.exact[type])), sum(mainTypes.map((type) => tally.overlap[type])));
  const [up, ur, uf] = prf(tally.untyped.predictedRight, tally.untyped.predicted, tally.untyped.goldFound, tally.untyped.gold);
  console.log(`untyped overlap (all gold entities): P ${format(up)} R ${format(ur)} F1 ${format(uf)}`);
  const figures = tally.figures;
  const figureRecall = (figures.numbersFound + figures.datesFound) / (figures.numbers + figures.dates);
  console.log(
    `figure recall: ${format(figureRecall)} (numbers ${figures.numbersFound}/${figures.numbers}, dates ${figures.datesFound}/${figures.dates})`,
  );
  const quotes = tally.quotes;
  console.log(
    `direct-quote recall: ${format(quotes.found / Math.max(1, quotes.gold))} (${quotes.found}/${quotes.gold}); right speaker: ${format(quotes.rightSpeaker / Math.max(1, quotes.withSpeaker))} (${quotes.rightSpeaker}/${quotes.withSpeaker} labelled); attributions suggested: ${quotes.predicted} (${quotes.predictedDirect} direct or partial)`,
  );
  if (verbose) {
    for (const miss of quotes.misses) console.log(`  quote miss ${miss}`);
    for (const wrong of quotes.wrong) console.log(`  speaker ${wrong}`);
  }
}

function registryFrom(documents: readonly GoldDocument[]): RegistryName[] {
  const byKey = new Map<string, RegistryName>();
  for (const document of documents) {
    for (const entity of document.entities) {
      const key = `${entity.type}:${entity.identity ?? entity.text}`;
      const entry = byKey.get(key);
      if (!entry) byKey.set(key, { entityId: key, name: entity.text, aliases: [], type: entityTypeOf(entity.type) });
      else if (entry.name !== entity.text && !entry.aliases.includes(entity.text)) (entry.aliases as string[]).push(entity.text);
    }
  }
  return [...byKey.values()];
}

function run(documents: readonly GoldDocument[], registry: readonly RegistryName[] = []): Tally {
  const tally = emptyTally();
  for (const document of documents) score(document, suggestAnnotations({ blocks: blocksOf(document.text), registry }), tally);
  return tally;
}

const documents = JSON.parse(readFileSync(new URL('../../../shared/gold/gum-news-dev.json', import.meta.url), 'utf8')) as GoldDocument[];
for (const document of documents) {
  if (blocksOf(document.text).map((block) => block.text).join('\n\n') !== document.text) throw new Error(`blocks of ${document.id} do not rebuild its text`);
}

const loadStart = performance.now();
suggestAnnotations({ blocks: [{ text: 'Warm-up.', type: 'paragraph' }] });
const loadMs = performance.now() - loadStart;

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const timings: number[] = [];
const cpuTimings: number[] = [];
let words = 0;
for (let round = 0; round < 5; round++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const document of documents) {
    suggestAnnotations({ blocks: blocksOf(document.text) });
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }
  timings.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimings.push((cpu.user + cpu.system) / 1000);
}
cpuTimings.sort((a, b) => a - b);
for (const document of documents) words += (document.text.match(/\S+/gu) ?? []).length;
timings.sort((a, b) => a - b);
const medianMs = timings[Math.floor(timings.length / 2)]!;
const fastestMs = timings[0]!;
const medianCpuMs = cpuTimings[Math.floor(cpuTimings.length / 2)]!;

console.log(`Suggestion pipeline on gum-news-dev.json: ${documents.length} documents, ${words} words (GUM: Wikinews CC BY 2.5, annotations CC BY 4.0)`);
printTally('All documents, empty registry', run(documents));
console.log(
  `\nspeed: ${format(medianMs / (words / 1000))} ms per 1,000 words wall clock (median of 5 passes over all documents; fastest ${format(fastestMs / (words / 1000))}; CPU time ${format(medianCpuMs / (words / 1000))}; model load ${loadMs.toFixed(0)} ms once); peak memory: rss ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
);

// One long article: every document ten times over, about 100,000 words, to show the cost grows with length only.
const longArticle = Array.from({ length: 10 }, () => documents.flatMap((document) => blocksOf(document.text))).flat();
const longWords = longArticle.reduce((total, block) => total + (block.text.match(/\S+/gu) ?? []).length, 0);
const longStart = performance.now();
const longResult = suggestAnnotations({ blocks: longArticle });
const longMs = performance.now() - longStart;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  `one ${longWords}-word article: ${longMs.toFixed(0)} ms (${format(longMs / (longWords / 1000))} ms per 1,000 words; ${longResult.entities.length} entities, ${longResult.figures.length} figures, ${longResult.attributions.length} attributions); peak rss ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
);

const firstHalf = documents.filter((_, index) => index % 2 === 0);
const secondHalf = documents.filter((_, index) => index % 2 === 1);
printTally('Second half (odd documents), empty registry', run(secondHalf));
printTally(`Second half, registry filled from the first half (${registryFrom(firstHalf).length} entities)`, run(secondHalf, registryFrom(firstHalf)));
