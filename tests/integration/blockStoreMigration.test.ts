import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleRevision, ArticleSummary, OpenedArticle, RevisionEntry, SaveResult } from '../../common/api';
import { packedDocumentOf } from '../../common/packedDocument';
import { articleText, parseArticleDocument, spanText } from '../../common/articleText';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations } from '../../main/store/index';
import { applyMigrations, loadMigrations } from '../../main/store/migrations';
import { apiCalls, articleJson, attributionRecord, entityRecord, makeTempDir } from './storeFixtures';
import { documentFromPacked } from '../../common/packedDocument';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices | undefined;
const { call } = apiCalls(() => services!);

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  services?.close();
  temp.remove();
});

const records: AnnotationMap = {
  city: entityRecord('city', 'دمشق', 'place'),
  diver: entityRecord('diver', 'Mira Sato', 'person'),
  quote: attributionRecord('quote', 'We found 🐚 shells', 'Mira Sato', null),
};
const doc = articleJson(
  [
    { type: 'headline', text: 'Shells 🐚 found at Ras al-Bar' },
    { type: 'paragraph', text: '"We found 🐚 shells," said Mira Sato.', tags: [{ id: 'quote', text: 'We found 🐚 shells' }, { id: 'quote', text: 'said', part: 'cue' }, { id: 'diver', text: 'Mira Sato' }] },
    { type: 'paragraph', text: 'وصل الوفد إلى دمشق صباح الأحد.', tags: [{ id: 'city', text: 'دمشق' }] },
  ],
  records,
);

// A database as version 3 of the schema wrote it: whole documents, whole-text offsets in the annotation rows.
function writeSchema3Database(path: string): { spans: Map<string, { start: number; end: number; spansJson: string }> } {
  const db = new Database(path);
  applyMigrations(db, loadMigrations().slice(0, 3));
  const { text, spans } = articleText(parseArticleDocument(doc));
  db.prepare("INSERT INTO articles (id, title, doc_json, plain_text, word_count, revision, created_at, updated_at) VALUES ('art_old', 'Shells 🐚 found at Ras al-Bar', ?, ?, 17, 3, '2024-02-01T00:00:00Z', '2024-02-02T00:00:00Z')").run(JSON.stringify(doc), text);
  db.prepare("INSERT INTO articles (id, title, doc_json, plain_text, word_count, created_at, updated_at) VALUES ('art_damaged', 'Damaged', '{\"type\":\"doc\",\"content\":', 'Damaged', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')").run();
  const insert = db.prepare(`INSERT INTO annotations (article_id, id, kind, status, label, quote, start_offset, end_offset, spans_json, record_json, author, created_at, updated_at)
    VALUES ('art_old', ?, ?, 'accepted', ?, ?, ?, ?, ?, ?, 'tester', 'then', 'then')`);
  const expected = new Map<string, { start: number; end: number; spansJson: string }>();
  for (const record of Object.values(records)) {
    const own = spans.get(record.id)!;
    const content = own.find((span) => span.part === 'content')!;
    const spansJson = JSON.stringify(own.map(({ start, end, part }) => ({ start, end, part })));
    insert.run(record.id, record.kind, record.kind === 'entity' ? record.entityType : record.kind, spanText(text, own), content.start, content.end, spansJson, JSON.stringify(record));
    expected.set(record.id, { start: content.start, end: content.end, spansJson });
  }
  db.close();
  return { spans: expected };
}

describe('migrating a database of whole documents to the block store', () => {
  it('converts every document into blocks and spans with the same text, offsets, search and a first kept revision', async () => {
    const path = join(temp.dir, 'schema3.sqlite');
    const { spans } = writeSchema3Database(path);
    services = openServices({ databasePath: path });

    const article = await call<ArticleRecord>('getArticle', { id: 'art_old' });
    expect(article.doc).toEqual(doc);
    // The editor opens the same document packed: each block's spans filled in by migration 11.
    expect((await call<OpenedArticle>('openArticle', { id: 'art_old' })).document).toEqual(packedDocumentOf(parseArticleDocument(doc)));
    expect(article.revision).toBe(3);
    expect(article.wordCount).toBe(17);
    const listed = listAnnotations(createStore(services.db), 'art_old');
    expect(listed.map((row) => row.id)).toEqual(['quote', 'diver', 'city']);
    for (const row of listed) expect({ start: row.startOffset, end: row.endOffset, spansJson: row.spansJson }).toEqual(spans.get(row.id));
    expect((await call<ArticleSummary[]>('listArticles', { query: 'shells damascus' })).length).toBe(0);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'shells دمشق' })).map((found) => found.id)).toEqual(['art_old']);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'ras bar' })).map((found) => found.id)).toEqual(['art_old']);

    expect(await call<RevisionEntry[]>('listRevisions', { id: 'art_old' })).toEqual([expect.objectContaining({ revision: 3, reason: 'migrated' })]);
    expect(documentFromPacked((await call<ArticleRevision>('getRevision', { id: 'art_old', revision: 3 })).document).toJSON()).toEqual(doc);

    // The converted article saves and restores like any other.
    const changed = { type: 'paragraph', text: 'وصل الوفد صباح الأحد.' };
    const saved = await call<SaveResult>('saveArticle', { id: 'art_old', baseRevision: 3, patch: { from: 2, to: 3, blocks: [changed], records: {}, removedRecordIds: [] } });
    expect(saved.revision).toBe(4);
    const after = await call<ArticleRecord>('getArticle', { id: 'art_old' });
    expect((after.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations.city).toMatchObject({ status: 'needs_review', quote: 'دمشق' });
    await call<SaveResult>('restoreRevision', { id: 'art_old', revision: 3, baseRevision: 4 });
    expect((await call<ArticleRecord>('getArticle', { id: 'art_old' })).doc).toEqual(doc);

    // A document that was damaged before the migration stays visibly damaged; nothing else is lost.
    const failure = await dispatchApiCall(services.handlers, 'exportArticle', { id: 'art_damaged', format: 'json' }, () => undefined);
    expect(failure).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('is damaged and cannot be exported') } });
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(services.db.prepare("SELECT count(*) FROM pragma_table_info('articles') WHERE name IN ('doc_json', 'plain_text')").pluck().get()).toBe(0);
  });
});
