import { importedArticle } from '../support/importedArticle';
/**
 * Store figures for saving, on a real SQLite file through the services: one changed paragraph of the
 * 100,000-word benchmark article with 10,000 tags and without tags, alternating the two, plus the other
 * saves an editor makes (a tag added, a paragraph split) and reading old revisions. Figures, not pass/fail.
 * Run alone with `npx tsx tests/bench/saveBench.ts`; `npm run bench` prints it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentPatch } from '../../common/documentPatch';
import type { PackedBlock, PackedSpan } from '../../common/packedDocument';
import { openServices, type AppServices } from '../../main/services/index';
import { dispatchApiCallAsJson } from '../../main/services/apiDispatch';
import { generateArticle } from './generateArticle';
import { median, percentile, printTable, type BenchRow } from './stats';

const words = 100_000;
const annotations = 10_000;
// Saves of a paragraph take well under a millisecond: a ratio of two medians of fewer runs moved by 0.1 between runs.
const runs = 101;

interface BenchArticle {
  id: string;
  revision: number;
  // The blocks packed, as the editor opened them and sends them back.
  blocks: PackedBlock[];
}

async function storeArticle(services: AppServices, tags: number): Promise<BenchArticle> {
  const { handlers } = services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  const record = await handlers.getArticle({ id: summary.id });
  const saved = await handlers.saveArticle({ id: summary.id, baseRevision: record.revision, doc: generateArticle(words, tags).toJSON() });
  const opened = await handlers.openArticle({ id: summary.id });
  return { id: summary.id, revision: saved.revision, blocks: opened.document.blocks };
}

async function timedSave(services: AppServices, article: BenchArticle, patch: DocumentPatch): Promise<number> {
  const start = performance.now();
  const result = await services.handlers.saveArticle({ id: article.id, baseRevision: article.revision, patch });
  const elapsed = performance.now() - start;
  article.revision = result.revision;
  article.blocks.splice(patch.from, patch.to - patch.from, ...(patch.blocks as PackedBlock[]));
  return elapsed;
}

// One paragraph's words changed, as the autosave sends it after typing: a word typed before its first tag
// (or at its end, without tags), which moves every tag after it.
function editParagraph(article: BenchArticle, run: number): DocumentPatch {
  const index = 1 + ((run * 37) % (article.blocks.length - 1));
  const paragraph = article.blocks[index]!;
  const at = paragraph.spans?.[0]?.[0] ?? paragraph.text.length;
  const typed = ' edited';
  const spans = paragraph.spans?.map(([start, end, ...rest]): PackedSpan => [start >= at ? start + typed.length : start, end >= at ? end + typed.length : end, ...rest] as PackedSpan);
  const edited: PackedBlock = { ...paragraph, text: paragraph.text.slice(0, at) + typed + paragraph.text.slice(at), ...(spans ? { spans } : {}) };
  return { from: index, to: index + 1, blocks: [edited], records: {}, removedRecordIds: [] };
}

// A new tag on words added at a paragraph's end: the block with the span and the new record.
function addTag(article: BenchArticle, run: number): DocumentPatch {
  const index = 2 + ((run * 53) % (article.blocks.length - 2));
  const block = article.blocks[index]!;
  const id = `bench_tag_${article.id}_${run}`;
  const now = new Date().toISOString();
  const paragraph: PackedBlock = { ...block, text: `${block.text} Port Sefton`, spans: [...(block.spans ?? []), [block.text.length + 1, block.text.length + 12, id]] };
  const record = { id, kind: 'entity', entityType: 'place', entityId: null, status: 'accepted', author: 'bench', createdAt: now, updatedAt: now, note: '', quote: 'Port Sefton' };
  return { from: index, to: index + 1, blocks: [paragraph], records: { [id]: record }, removedRecordIds: [] };
}

// Enter in the middle of a paragraph: one block becomes two, and every block after it moves down one.
function splitParagraph(article: BenchArticle, run: number): DocumentPatch {
  const index = 3 + ((run * 71) % (article.blocks.length - 3));
  const first: PackedBlock = { type: 'paragraph', text: `Split ${run}.` };
  return { from: index, to: index, blocks: [first], records: {}, removedRecordIds: [] };
}

/** Runs the save figures and prints them; returns the rows for a JSON report. */
export async function benchSaves(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-save-bench-'));
  const services = openServices({ databasePath: join(dir, 'bench.sqlite'), userName: 'bench' });
  try {
    const plain = await storeArticle(services, 0);
    const tagged = await storeArticle(services, annotations);
    const rows: BenchRow[] = [];
    const measure = async (metric: string, makePatch: (article: BenchArticle, run: number) => DocumentPatch) => {
      const times = { plain: [] as number[], tagged: [] as number[] };
      for (let run = 0; run < runs; run++) {
        // Alternating the two articles spreads any drift of the machine over both.
        times.plain.push(await timedSave(services, plain, makePatch(plain, run)));
        times.tagged.push(await timedSave(services, tagged, makePatch(tagged, run)));
      }
      rows.push({ metric: `${metric} (ms, median of ${runs})`, plain: median(times.plain), tagged: median(times.tagged) });
      rows.push({ metric: `${metric} (ms, p90)`, plain: percentile(times.plain, 90), tagged: percentile(times.tagged, 90) });
    };
    await measure('save one changed paragraph', editParagraph);
    await measure('save a new tag', addTag);
    await measure('save a paragraph split (a block inserted)', splitParagraph);

    const timeRead = async (read: (article: BenchArticle) => unknown) => {
      const times = { plain: [] as number[], tagged: [] as number[] };
      for (let run = 0; run < 5; run++) {
        for (const [name, article] of [['plain', plain], ['tagged', tagged]] as const) {
          const start = performance.now();
          await read(article);
          times[name].push(performance.now() - start);
        }
      }
      return { plain: median(times.plain), tagged: median(times.tagged) };
    };
    // As the hosts answer the editor: the packed document as JSON text, read from the rows (apiDispatch.ts).
    rows.push({
      metric: 'open (openArticle as the hosts answer it, ms, median of 5)',
      ...(await timeRead((article) => dispatchApiCallAsJson(services.handlers, services.jsonHandlers, 'openArticle', { id: article.id }))),
    });
    rows.push({
      metric: 'read the oldest kept revision (ms, median of 5)',
      ...(await timeRead((article) => services.handlers.getRevision({ id: article.id, revision: 2 }))),
    });
    rows.push({
      metric: 'read the revision before the newest (ms, median of 5)',
      ...(await timeRead((article) => services.handlers.getRevision({ id: article.id, revision: article.revision - 1 }))),
    });
    const size = services.db.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").pluck().get() as number;
    printTable(`Store: saving the ${words.toLocaleString('en')}-word article (${annotations.toLocaleString('en')} tags vs none), ${runs * 3} saves each; database ${(size / 1e6).toFixed(1)} MB`, rows);
    return rows;
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSaves();
}
