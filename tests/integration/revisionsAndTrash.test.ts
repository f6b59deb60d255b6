import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleRevision, ArticleSummary, EntityRecord, RevisionEntry, SaveResult, TrashContents } from '../../common/api';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { documentFromPacked, packedDocumentOf } from '../../common/packedDocument';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations } from '../../main/store/index';
import { apiCalls, articleJson, entityRecord, makeTempDir, type TestBlock } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call, callError } = apiCalls(() => services);

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'history.sqlite'), userName: 'desk editor' });
});
afterEach(() => {
  services.close();
  temp.remove();
});

type DocJson = { attrs: { annotations: AnnotationMap }; content: unknown[] };

const astral = 'Divers found 🐚 shells at Ras al-Bar 🌊 on Tuesday.';
const arabic = 'وصل الوفد إلى دمشق صباح الأحد.';

function firstDoc(records: AnnotationMap = {}): DocJson {
  const blocks: TestBlock[] = [
    { type: 'headline', text: 'Harbour history' },
    { type: 'paragraph', text: astral, tags: records.place ? [{ id: 'place', text: 'Ras al-Bar' }] : [] },
    { type: 'paragraph', text: arabic },
    { type: 'paragraph', text: 'The third paragraph stays as it is.' },
  ];
  return articleJson(blocks, records) as DocJson;
}

async function createWithDoc(doc: DocJson): Promise<ArticleRecord> {
  const summary = await call<ArticleSummary>('importText', { text: 'Placeholder\n\nText.' });
  await call<SaveResult>('saveArticle', { id: summary.id, baseRevision: 1, doc });
  return call<ArticleRecord>('getArticle', { id: summary.id });
}

// A revision's document as ProseMirror JSON, its marks made from its records.
function documentOf(revision: ArticleRevision): unknown {
  return documentFromPacked(revision.document).toJSON();
}

function textOf(doc: unknown): string {
  return articleText(parseArticleDocument(doc)).text;
}

describe('revisions', () => {
  it('keeps every save, lists who saved what, rebuilds any revision, and restores one as a new, undoable revision', async () => {
    await call('setPreferences', { userName: 'Ana Ruiz' });
    const article = await createWithDoc(firstDoc());
    const v2 = article.doc as DocJson;

    // Revision 3: a paragraph's words change (a patch, as the editor sends it).
    const edited = { type: 'paragraph', text: 'The third paragraph was rewritten by the desk.' };
    const r3 = await call<SaveResult>('saveArticle', { id: article.id, baseRevision: 2, patch: { from: 3, to: 4, blocks: [edited], records: {}, removedRecordIds: [] } });
    // Revision 4: a tag is added (the block with its span, and the record).
    const tagged = firstDoc({ place: entityRecord('place', 'Ras al-Bar', 'place') });
    const r4 = await call<SaveResult>('saveArticle', {
      id: article.id,
      baseRevision: r3.revision,
      patch: { from: 1, to: 2, blocks: [packedDocumentOf(parseArticleDocument(tagged)).blocks[1]], records: tagged.attrs.annotations, removedRecordIds: [] },
    });
    expect(r4.revision).toBe(4);
    const v4 = (await call<ArticleRecord>('getArticle', { id: article.id })).doc as DocJson;

    const history = await call<RevisionEntry[]>('listRevisions', { id: article.id });
    expect(history.map((entry) => [entry.revision, entry.reason, entry.savedBy])).toEqual([
      [4, 'saved', 'Ana Ruiz'],
      [3, 'saved', 'Ana Ruiz'],
      [2, 'saved', 'Ana Ruiz'],
      [1, 'created', 'Ana Ruiz'],
    ]);
    expect(history[0]!.summary).toMatchObject({ removedBlocks: 1, addedBlocks: 1, changedRecords: 1, removedRecords: 0, wordCountDelta: 0 });
    expect(history[1]!.summary).toMatchObject({ removedBlocks: 1, addedBlocks: 1, changedRecords: 0, wordCountDelta: 1 });

    const revision2 = await call<ArticleRevision>('getRevision', { id: article.id, revision: 2 });
    expect(documentOf(revision2)).toEqual(v2);
    expect(textOf(documentOf(revision2))).toContain(astral);
    expect(Object.keys(revision2.document.records)).toEqual([]);
    expect(documentOf(await call<ArticleRevision>('getRevision', { id: article.id, revision: 4 }))).toEqual(v4);
    expect(await callError('getRevision', { id: article.id, revision: 9 })).toMatchObject({ code: 'not_found' });

    // Restore revision 2 on top of 4: revision 5 holds revision 2's text and tags.
    const restored = await call<SaveResult>('restoreRevision', { id: article.id, revision: 2, baseRevision: 4 });
    expect(restored.revision).toBe(5);
    const v5 = await call<ArticleRecord>('getArticle', { id: article.id });
    expect(v5.doc).toEqual(v2);
    expect(listAnnotations(createStore(services.db), article.id)).toEqual([]);
    expect((await call<RevisionEntry[]>('listRevisions', { id: article.id, limit: 1 }))[0]).toMatchObject({ revision: 5, reason: 'restored', restoredFrom: 2 });

    // Undo the restore by restoring revision 4: the tag and its row come back where they were.
    await call<SaveResult>('restoreRevision', { id: article.id, revision: 4, baseRevision: 5 });
    const v6 = await call<ArticleRecord>('getArticle', { id: article.id });
    expect(v6.doc).toEqual(v4);
    const [row] = listAnnotations(createStore(services.db), article.id);
    expect(row).toMatchObject({ id: 'place', quote: 'Ras al-Bar', status: 'accepted' });
    expect(textOf(v6.doc).slice(row!.startOffset, row!.endOffset)).toBe('Ras al-Bar');

    // A restore on a stale revision is a conflict like any save, and changes nothing.
    expect(await callError('restoreRevision', { id: article.id, revision: 1, baseRevision: 5 })).toMatchObject({ code: 'conflict' });
    expect((await call<ArticleRecord>('getArticle', { id: article.id })).revision).toBe(6);
  });

  it('keeps the other side of a conflict as a revision when an editor keeps their own copy', async () => {
    const article = await createWithDoc(firstDoc());
    const theirs = structuredClone(article.doc) as DocJson;
    (theirs.content[2] as { content: { text: string }[] }).content[0]!.text = 'Another window rewrote this paragraph.';
    await call<SaveResult>('saveArticle', { id: article.id, baseRevision: article.revision, doc: theirs });

    const mine = structuredClone(article.doc) as DocJson;
    (mine.content[3] as { content: { text: string }[] }).content[0]!.text = 'This window rewrote the last paragraph.';
    expect(await callError('saveArticle', { id: article.id, baseRevision: article.revision, doc: mine })).toMatchObject({ code: 'conflict' });
    // "Keep mine": the renderer takes the stored revision and saves its whole document on top of it.
    const latest = await call<ArticleRecord>('getArticle', { id: article.id });
    const kept = await call<SaveResult>('saveArticle', { id: article.id, baseRevision: latest.revision, doc: mine });
    expect((await call<ArticleRecord>('getArticle', { id: article.id })).doc).toEqual(mine);
    expect(documentOf(await call<ArticleRevision>('getRevision', { id: article.id, revision: kept.revision - 1 }))).toEqual(theirs);
    // Until the user sets a name, revisions carry the name the host passed (the OS account's).
    expect((await call<RevisionEntry[]>('listRevisions', { id: article.id, limit: 1 }))[0]!.savedBy).toBe('desk editor');
  });

  it('rebuilds every one of many revisions exactly, from snapshots taken as the patches grow', async () => {
    const article = await createWithDoc(firstDoc());
    const expected = new Map<number, DocJson>();
    let current = structuredClone(article.doc) as DocJson;
    let revision = article.revision;
    expected.set(revision, structuredClone(current));
    for (let save = 0; save < 120; save++) {
      const index = 1 + (save % 3);
      const text = `Save ${save}: ${'words of filler text '.repeat(60)}`;
      const block = { type: 'paragraph', content: [{ type: 'text', text }] };
      const result = await call<SaveResult>('saveArticle', { id: article.id, baseRevision: revision, patch: { from: index, to: index + 1, blocks: [{ type: 'paragraph', text }], records: {}, removedRecordIds: [] } });
      revision = result.revision;
      current = { ...current, content: current.content.map((existing, at) => (at === index ? block : existing)) };
      expected.set(revision, structuredClone(current));
    }
    const snapshots = services.db.prepare('SELECT revision FROM article_snapshots WHERE article_id = ? ORDER BY revision').pluck().all(article.id) as number[];
    // Each save writes about 1.3 KB, so a snapshot follows every 50 or so saves (64 KB), never one per save.
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    expect(snapshots.length).toBeLessThan(10);
    for (const [at, doc] of expected) expect(documentOf(await call<ArticleRevision>('getRevision', { id: article.id, revision: at }))).toEqual(doc);
  });
});

describe('the trash', () => {
  it('keeps a deleted article with its tags and registry links until the trash is emptied', async () => {
    const entity = await call<EntityRecord>('createEntity', { name: 'Ras al-Bar', type: 'place' });
    const article = await createWithDoc(firstDoc({ place: entityRecord('place', 'Ras al-Bar', 'place', entity.id) }));
    expect(await call('deleteArticle', { id: article.id })).toEqual({ deleted: true });
    expect(await call<ArticleSummary[]>('listArticles', {})).toEqual([]);
    expect((await call<{ mentionCount: number }[]>('listEntities', {}))[0]!.mentionCount).toBe(0);
    expect(await callError('saveArticle', { id: article.id, baseRevision: article.revision, doc: article.doc })).toMatchObject({ code: 'not_found' });
    const trash = await call<TrashContents>('listTrash', {});
    expect(trash.articles.map((trashed) => trashed.id)).toEqual([article.id]);

    expect((await call<ArticleSummary>('restoreArticle', { id: article.id })).tagCounts.entity).toBe(1);
    const back = await call<ArticleRecord>('getArticle', { id: article.id });
    expect(back.doc).toEqual(article.doc);
    expect(listAnnotations(createStore(services.db), article.id)[0]).toMatchObject({ id: 'place', entityId: entity.id });
    expect((await call<{ mentionCount: number }[]>('listEntities', {}))[0]!.mentionCount).toBe(1);
    expect(await callError('restoreArticle', { id: article.id })).toMatchObject({ code: 'not_found' });

    await call('deleteArticle', { id: article.id });
    expect(await call('emptyTrash', {})).toEqual({ articles: 1, entities: 0 });
    expect(await call<TrashContents>('listTrash', {})).toEqual({ articles: [], entities: [] });
    expect(await callError('restoreArticle', { id: article.id })).toMatchObject({ code: 'not_found' });
    expect(services.db.prepare('SELECT count(*) FROM article_blocks').pluck().get()).toBe(0);
  });

  it('keeps a deleted entity with the mentions it was linked to, and relinks them when it is restored', async () => {
    const entity = await call<EntityRecord>('createEntity', { name: 'Ras al-Bar', type: 'place', aliases: ['Ras el Bar'] });
    const article = await createWithDoc(firstDoc({ place: entityRecord('place', 'Ras al-Bar', 'place', entity.id) }));
    expect(await call('deleteEntity', { id: entity.id })).toEqual({ deleted: true, unlinkedMentions: 1 });
    const unlinked = await call<ArticleRecord>('getArticle', { id: article.id });
    expect((unlinked.doc as DocJson).attrs.annotations.place).toMatchObject({ entityId: null });
    expect((await call<TrashContents>('listTrash', {})).entities).toEqual([expect.objectContaining({ entity: expect.objectContaining({ id: entity.id }), unlinkedMentions: 1 })]);

    const restored = await call<{ restored: EntityRecord; relinkedMentions: number }>('restoreEntity', { id: entity.id });
    expect(restored.relinkedMentions).toBe(1);
    expect(restored.restored).toMatchObject({ id: entity.id, name: 'Ras al-Bar', aliases: ['Ras el Bar'] });
    const relinked = await call<ArticleRecord>('getArticle', { id: article.id });
    expect((relinked.doc as DocJson).attrs.annotations.place).toMatchObject({ entityId: entity.id });
    expect(relinked.revision).toBe(unlinked.revision + 1);
    expect(listAnnotations(createStore(services.db), article.id)[0]).toMatchObject({ entityId: entity.id });
    expect(await callError('restoreEntity', { id: entity.id })).toMatchObject({ code: 'not_found' });

    await call('deleteEntity', { id: entity.id });
    expect(await call('emptyTrash', {})).toEqual({ articles: 0, entities: 1 });
    expect(await callError('restoreEntity', { id: entity.id })).toMatchObject({ code: 'not_found' });
  });
});
