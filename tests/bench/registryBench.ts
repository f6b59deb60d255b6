/**
 * The registry view's two reads on a desk-sized registry: 5,000 entities with 10,000 mentions spread over
 * 200 articles, plus one entity named in every article (the worst case for an entity's mention list).
 * Everything is written through the services, as the app writes it. Figures, not pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entityTypes, type AnnotationMap, type EntityAnnotation } from '../../common/model/annotation';
import { articleSchema } from '../../common/schema';
import { openServices, type AppServices } from '../../main/services/index';
import { taggedBlock, type BlockTag } from '../../main/services/taggedBlock';
import { median } from './stats';
import { importedArticle } from '../support/importedArticle';

const entityCount = 5_000;
const articleCount = 200;
const mentionsPerArticle = 50;
const runs = 5;
const now = '2026-01-01T00:00:00.000Z';

function mentionRecord(id: string, quote: string, entityId: string, index: number): EntityAnnotation {
  return { id, kind: 'entity', entityType: entityTypes[index % entityTypes.length]!, entityId, status: 'accepted', author: 'bench', createdAt: now, updatedAt: now, note: '', quote };
}

// One article: a headline naming the entity every article mentions, then one paragraph per mention.
function articleDoc(article: number, hub: { id: string; name: string }, entities: readonly { id: string; name: string }[]): unknown {
  const records: AnnotationMap = { hub: mentionRecord('hub', hub.name, hub.id, 0) };
  const blocks = [taggedBlock('headline', `${hub.name} meets on day ${article}`, [{ id: 'hub', text: hub.name }], records)];
  for (let paragraph = 0; paragraph < mentionsPerArticle; paragraph++) {
    const index = (article * mentionsPerArticle + paragraph) % entityCount;
    const entity = entities[index]!;
    const id = `m${paragraph}`;
    records[id] = mentionRecord(id, entity.name, entity.id, index);
    const tag: BlockTag = { id, text: entity.name };
    const text = `Officials said ${entity.name} met the committee on Tuesday. Talks went on late into the night, aides said; no agreement was reported.`;
    blocks.push(taggedBlock('paragraph', text, [tag], records));
  }
  return articleSchema.node('doc', { annotations: records }, blocks).toJSON();
}

// Returns the id of the entity every article mentions.
async function fillRegistry({ handlers, db }: AppServices): Promise<string> {
  // One transaction for the whole fill: the figures are about reading, not about 5,000 commits. The handlers
  // are asynchronous (they retry while the database is busy), so the transaction is opened by hand around them.
  const entities: { id: string; name: string }[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let index = 0; index < entityCount; index++) {
      const name = `Entity${index} Surname${index % 97}`;
      const record = await handlers.createEntity({ name, type: entityTypes[index % entityTypes.length]!, aliases: [`E${index}`] });
      entities.push({ id: record.id, name });
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  const hub = { id: (await handlers.createEntity({ name: 'Harbour Council', type: 'person' })).id, name: 'Harbour Council' };
  for (let article = 0; article < articleCount; article++) {
    const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
    await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: articleDoc(article, hub, entities) });
  }
  return hub.id;
}

async function timeMedian(action: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * Milliseconds (median of 5) to list the whole registry (listEntities with limit 10,000) and to open the
 * entity mentioned in every article (getEntity), on a temporary database that is removed afterwards.
 */
export async function benchRegistry(): Promise<{ listMs: number; detailMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-registry-bench-'));
  const services = openServices({ databasePath: join(dir, 'registry.sqlite') });
  try {
    const hubId = await fillRegistry(services);
    const listMs = await timeMedian(() => services.handlers.listEntities({ limit: 10_000 }));
    const detailMs = await timeMedian(() => services.handlers.getEntity({ id: hubId }));
    return { listMs, detailMs };
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/registryBench.ts` prints the figures on their own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchRegistry().then((figures) => console.log(figures));
}
