import { join } from 'node:path';
import { expect } from 'vitest';
import type { Annotation, AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleSummary } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { createArticle } from '../../main/services/articleWriter';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations } from '../../main/store/index';
import { apiCalls, articleJson, makeTempDir, type TestBlock } from './storeFixtures';

/** Shared helpers of the registry integration tests: services on a temp file, calls, and the two copies of a record. */

/** Services over a fresh database in a temp folder, and the calls the tests make through the dispatcher. */
export interface RegistryTestServices {
  services: AppServices;
  call<T>(method: string, input: unknown): Promise<T>;
  callError(method: string, input: unknown): Promise<{ code: string; message: string }>;
  addArticle(blocks: TestBlock[], records?: AnnotationMap, createdAt?: string): ArticleSummary;
  close(): void;
}

/** Opens the services on a new database file; `close` closes it and removes the folder. */
export function openRegistryTestServices(): RegistryTestServices {
  const temp = makeTempDir();
  const services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
  // The registry scenarios tag by hand, as an editor with suggestions switched off would.
  services.handlers.setPreferences({ suggestions: { onImport: false, onOpen: false, kinds: [] } });
  return {
    services,
    ...apiCalls(() => services),
    // Articles are stored the way the importer's output is, without depending on the importer.
    addArticle(blocks, records = {}, createdAt = new Date().toISOString()) {
      return createArticle(createStore(services.db), { doc: parseArticleDocument(articleJson(blocks, records)), source: 'test desk' }, createdAt);
    },
    close() {
      services.close();
      temp.remove();
    },
  };
}

/** An article's records as its stored document holds them, with the revision a save must name. */
export async function documentRecords(registry: RegistryTestServices, articleId: string): Promise<{ revision: number; doc: unknown; records: AnnotationMap }> {
  const article = await registry.call<ArticleRecord>('getArticle', { id: articleId });
  return { revision: article.revision, doc: article.doc, records: (article.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations };
}

// The registry links a row is indexed by, read from a record the way the store's save derives them.
function rowLinks(record: Annotation): { entityId: string | null; mediumEntityId: string | null } {
  if (record.kind === 'entity') return { entityId: record.entityId, mediumEntityId: null };
  if (record.kind === 'attribution') return { entityId: record.speaker?.type === 'entity' ? record.speaker.entityId : null, mediumEntityId: record.mediumEntityId };
  return { entityId: null, mediumEntityId: null };
}

/**
 * Checks that the annotation rows of an article are the records of its stored document: same ids, same record
 * JSON, and the row's entity and medium links are the record's. Returns the records.
 */
export async function expectRowsMatchDocument(registry: RegistryTestServices, articleId: string): Promise<AnnotationMap> {
  const { records } = await documentRecords(registry, articleId);
  const rows = listAnnotations(createStore(registry.services.db), articleId);
  expect(rows.map((row) => row.id).sort()).toEqual(Object.keys(records).sort());
  for (const row of rows) {
    const record = records[row.id]!;
    expect(JSON.parse(row.recordJson)).toEqual(record);
    expect({ entityId: row.entityId, mediumEntityId: row.mediumEntityId }).toEqual(rowLinks(record));
  }
  return records;
}
