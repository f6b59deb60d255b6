import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, AnnotationMap } from '../../common/model/annotation';
import type { ApiMethodName, ApiOutput, ArticleRecord, ResolvedEntity } from '../../common/api';
import { articleText } from '../../common/articleText';
import { articleSchema } from '../../common/schema';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { generateArticle } from './generateArticle';
import { importedArticle } from '../support/importedArticle';

/**
 * Exchange throughput, for `npm run bench`: 1,000 generated tagged articles (about 300 words and 30 tags each,
 * entity mentions and quoted speakers linked to registry entities) stored through the services on a real
 * SQLite file, exported to NITF and to W3C JSON-LD through the export handler, and 1,000 generated .txt files
 * imported from disk through importFile. Every call goes through the validating dispatcher, as a host's do.
 * Figures, not pass/fail.
 */

/** What the exchange benchmark measured. */
export interface ExchangeBenchResult {
  articles: number;
  wordsPerArticle: number;
  tagsPerArticle: number;
  nitfArticlesPerSecond: number;
  nitfTotalMs: number;
  wadmArticlesPerSecond: number;
  wadmTotalMs: number;
  importTxtFilesPerSecond: number;
  importTxtTotalMs: number;
  // Not part of the figures: generating and storing the tagged articles first.
  setupMs: number;
}

/** How big the benchmark is; the defaults are the (1,000 articles of a few hundred words, ~30 tags). */
export interface ExchangeBenchOptions {
  articles?: number;
  words?: number;
  tags?: number;
}

async function call<M extends ApiMethodName>(services: AppServices, method: M, input: unknown): Promise<ApiOutput<M>> {
  const result = await dispatchApiCall(services.handlers, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

// Links the generated mentions to registry entities (one per name and type) and names each quote's speaker,
// so exports look up entities as they do for a real desk's articles.
async function linkToRegistry(services: AppServices, records: AnnotationMap, registry: Map<string, ResolvedEntity['entity']>): Promise<AnnotationMap> {
  const entityOf = async (name: string, type: 'person' | 'organisation' | 'place' | 'event' | 'other') => {
    const key = `${type}:${name}`;
    if (!registry.has(key)) registry.set(key, (await call(services, 'resolveEntity', { name, type })).entity);
    return registry.get(key)!;
  };
  const linked: AnnotationMap = {};
  let lastPerson: { id: string; name: string } | null = null;
  for (const [id, record] of Object.entries(records)) {
    let next: Annotation = record;
    if (record.kind === 'entity') {
      const entity = await entityOf(record.quote, record.entityType);
      next = { ...record, entityId: entity.id };
      if (record.entityType === 'person') lastPerson = { id: entity.id, name: entity.name };
    } else if (record.kind === 'attribution' && lastPerson) {
      next = { ...record, speaker: { type: 'entity', entityId: lastPerson.id, name: lastPerson.name, mentionId: null } };
    }
    linked[id] = next;
  }
  return linked;
}

// One generated article, numbered in its headline so no two articles are the same.
function numberedArticle(base: ProseMirrorNode, index: number, records: AnnotationMap): ProseMirrorNode {
  const headline = articleSchema.node('headline', null, [articleSchema.text(`Exchange benchmark article ${index + 1}`)]);
  return articleSchema.node('doc', { annotations: records }, base.content.replaceChild(0, headline));
}

async function timeEach(count: number, work: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index++) await work(index);
  return performance.now() - started;
}

const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/** Runs the exchange benchmark in a temporary folder, which it removes, and returns the figures. */
export async function benchExchange(options: ExchangeBenchOptions = {}): Promise<ExchangeBenchResult> {
  const articles = options.articles ?? 1000;
  const words = options.words ?? 300;
  const tags = options.tags ?? 30;
  const folder = mkdtempSync(join(tmpdir(), 'annotator-bench-'));
  const services = openServices({ databasePath: join(folder, 'bench.sqlite') });
  try {
    // Setup: store the tagged articles as the editor would (an import, then a save of the tagged document).
    const setupStarted = performance.now();
    const base = generateArticle(words, tags);
    const registry = new Map<string, ResolvedEntity['entity']>();
    const records = await linkToRegistry(services, base.attrs.annotations as AnnotationMap, registry);
    const ids: string[] = [];
    for (let index = 0; index < articles; index++) {
      const summary = importedArticle(await call(services, 'importText', { text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
      const stored = (await call(services, 'getArticle', { id: summary.id })) as ArticleRecord;
      await call(services, 'saveArticle', { id: summary.id, baseRevision: stored.revision, doc: numberedArticle(base, index, records).toJSON() });
      ids.push(summary.id);
    }
    const setupMs = performance.now() - setupStarted;

    const nitfTotalMs = await timeEach(articles, (index) => call(services, 'exportArticle', { id: ids[index], format: 'nitf' }));
    const wadmTotalMs = await timeEach(articles, (index) => call(services, 'exportArticle', { id: ids[index], format: 'wadm' }));

    // Plain-text files of the same size, each a little different, written to disk first.
    const plain = articleText(generateArticle(words, 0)).text;
    const files = Array.from({ length: articles }, (_, index) => {
      const path = join(folder, `article-${index + 1}.txt`);
      writeFileSync(path, `Imported article ${index + 1}\n\n${plain.slice(plain.indexOf('\n\n') + 2)}\n`);
      return path;
    });
    const importTxtTotalMs = await timeEach(articles, async (index) => {
      const bytes = await readFile(files[index]!);
      await call(services, 'importFile', { fileName: `article-${index + 1}.txt`, bytesBase64: bytes.toString('base64') });
    });

    return {
      articles,
      wordsPerArticle: words,
      tagsPerArticle: Object.keys(records).length,
      nitfArticlesPerSecond: perSecond(articles, nitfTotalMs),
      nitfTotalMs,
      wadmArticlesPerSecond: perSecond(articles, wadmTotalMs),
      wadmTotalMs,
      importTxtFilesPerSecond: perSecond(articles, importTxtTotalMs),
      importTxtTotalMs,
      setupMs,
    };
  } finally {
    services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
