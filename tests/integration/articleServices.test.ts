import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleSummary, OpenedArticle, Preferences, SaveResult } from '../../common/api';
import { documentFromPacked, packedDocumentOf } from '../../common/packedDocument';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { dispatchApiCall, dispatchApiCallAsJson } from '../../main/services/apiDispatch';
import { createArticle } from '../../main/services/articleWriter';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations, type ListedAnnotation } from '../../main/store/index';
import { loadMigrations } from '../../main/store/migrations';
import {
  apiCalls,
  articleJson,
  attributionRecord,
  entityRecord,
  figureRecord,
  makeTempDir,
  type TestBlock,
} from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call, callError } = apiCalls(() => services);

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite'), userName: 'desk editor' });
});
afterEach(() => {
  services.close();
  temp.remove();
});

// Articles are created the way the importer's output is stored, without depending on the importer.
function addArticle(doc: Record<string, unknown>, createdAt = new Date().toISOString()): ArticleSummary {
  return createArticle(createStore(services.db), { doc: parseArticleDocument(doc), source: 'test desk' }, createdAt);
}

function rowsOf(articleId: string): Map<string, ListedAnnotation> {
  const rows = listAnnotations(createStore(services.db), articleId);
  return new Map(rows.map((row) => [row.id, row]));
}

function docWith(records: AnnotationMap, blocks: TestBlock[]): Record<string, unknown> {
  return articleJson(blocks, records);
}

const headline = 'Harbour trust wins 🌊 £3m grant';
const paragraph = 'The Port Ellen Harbour Trust will spend £3m on new walls, said Lena Ortiz, its chair. "We start in May," she said, "and finish by spring."';
const arabic = 'وصل الوفد إلى دمشق صباح الأحد.';

async function taggedArticle(): Promise<{ summary: ArticleSummary; records: AnnotationMap; doc: Record<string, unknown>; entityId: string }> {
  const { entity } = await call<{ entity: { id: string } }>('resolveEntity', { name: 'Lena Ortiz', type: 'person' });
  const records: AnnotationMap = {
    place: entityRecord('place', 'Port Ellen Harbour', 'place'),
    trust: entityRecord('trust', 'Ellen Harbour Trust', 'organisation', 'ent_not_in_this_registry'),
    money: figureRecord('money', '£3m', 3_000_000, 'grant'),
    ortiz: entityRecord('ortiz', 'Lena Ortiz', 'person', entity.id),
    quote: attributionRecord('quote', 'We start in May, … and finish by spring.', 'Lena Ortiz', entity.id),
    city: entityRecord('city', 'دمشق', 'place'),
    headlineMoney: figureRecord('headlineMoney', '£3m', 3_000_000, 'grant'),
  };
  const doc = docWith(records, [
    { type: 'headline', text: headline, tags: [{ id: 'headlineMoney', text: '£3m' }] },
    {
      type: 'paragraph',
      text: paragraph,
      tags: [
        { id: 'place', text: 'Port Ellen Harbour' },
        { id: 'trust', text: 'Ellen Harbour Trust' },
        { id: 'money', text: '£3m' },
        { id: 'ortiz', text: 'Lena Ortiz' },
        { id: 'quote', text: 'We start in May,' },
        { id: 'quote', text: 'she said', part: 'cue' },
        { id: 'quote', text: 'and finish by spring.' },
      ],
    },
    { type: 'paragraph', text: arabic, tags: [{ id: 'city', text: 'دمشق' }] },
  ]);
  return { summary: addArticle(doc), records, doc, entityId: entity.id };
}

describe('saving and loading an article', () => {
  it('round-trips a document with overlapping, nested and split annotations, with a row per annotation on its words', async () => {
    const { summary, doc, entityId } = await taggedArticle();
    const opened = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(opened.revision).toBe(1);

    const edited = structuredClone(doc) as { attrs: { annotations: AnnotationMap } };
    edited.attrs.annotations.money!.note = 'Grant letter seen by the desk.';
    const saved = await call<SaveResult>('saveArticle', { id: summary.id, baseRevision: 1, doc: edited });
    expect(saved).toMatchObject({ revision: 2, title: headline });

    const reopened = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(reopened.doc).toEqual(edited);
    expect(reopened).toMatchObject({ revision: 2, title: headline, source: 'test desk', status: 'draft', updatedAt: saved.updatedAt });
    expect(reopened.tagCounts).toEqual({ entity: 4, figure: 2, attribution: 1, needsReview: 0, suggested: 0 });

    const text = articleText(parseArticleDocument(reopened.doc)).text;
    const rows = rowsOf(summary.id);
    const at = (id: string, words: string, firstSpanWords = words) => {
      const row = rows.get(id)!;
      expect(row.quote).toBe(words);
      expect(text.slice(row.startOffset, row.endOffset)).toBe(firstSpanWords);
      return row;
    };
    // UTF-16 offsets: the wave emoji in the headline counts two units.
    expect(at('place', 'Port Ellen Harbour').startOffset).toBe(text.indexOf('Port Ellen'));
    at('trust', 'Ellen Harbour Trust');
    at('money', '£3m');
    at('headlineMoney', '£3m');
    at('city', 'دمشق');
    expect(at('ortiz', 'Lena Ortiz').entityId).toBe(entityId);
    // A link to an entity this registry lacks stays in the record, not in the indexed column.
    expect(rows.get('trust')!.entityId).toBeNull();
    expect(JSON.parse(rows.get('trust')!.recordJson).entityId).toBe('ent_not_in_this_registry');

    const quote = at('quote', 'We start in May, … and finish by spring.', 'We start in May,');
    expect(quote.entityId).toBe(entityId);
    const spans = JSON.parse(quote.spansJson) as { start: number; end: number; part: string }[];
    expect(spans.map((span) => [text.slice(span.start, span.end), span.part])).toEqual([
      ['We start in May,', 'content'],
      ['she said', 'cue'],
      ['and finish by spring.', 'content'],
    ]);
    expect(JSON.parse(rows.get('money')!.recordJson).note).toBe('Grant letter seen by the desk.');
  });

  it('answers the hosts with the same article as JSON text, its stored document spliced in, and the same errors', async () => {
    const { summary } = await taggedArticle();
    const asJson = (method: string, input: unknown) => dispatchApiCallAsJson(services.handlers, services.jsonHandlers, method, input, () => undefined);
    const text = await asJson('getArticle', { id: summary.id });
    expect(JSON.parse(text)).toEqual(await dispatchApiCall(services.handlers, 'getArticle', { id: summary.id }));
    expect(JSON.parse(text)).toMatchObject({ ok: true, value: { id: summary.id, title: headline, revision: 1, doc: { type: 'doc' } } });
    // Methods without a JSON handler, and failures, are written from the same results as in-process calls.
    expect(JSON.parse(await asJson('listArticles', {}))).toEqual(await dispatchApiCall(services.handlers, 'listArticles', {}));
    expect(JSON.parse(await asJson('getArticle', { id: 'art_missing' }))).toEqual(await dispatchApiCall(services.handlers, 'getArticle', { id: 'art_missing' }));
    expect(JSON.parse(await asJson('getArticle', { id: 7 }))).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('opens an article packed, from the stored rows, as the same document the stored JSON holds', async () => {
    const { summary } = await taggedArticle();
    const asJson = (method: string, input: unknown) => dispatchApiCallAsJson(services.handlers, services.jsonHandlers, method, input, () => undefined);
    const opened = await call<OpenedArticle>('openArticle', { id: summary.id });
    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(opened).toMatchObject({ id: summary.id, title: headline, revision: stored.revision });
    expect(opened.document).toEqual(packedDocumentOf(parseArticleDocument(stored.doc)));
    // Records come in the order they were made (the annotations panel lists them so), not by id.
    const madeOrder = ['place', 'trust', 'money', 'ortiz', 'quote', 'city', 'headlineMoney'];
    expect(Object.keys(opened.document.records)).toEqual(madeOrder);
    expect(Object.keys((stored.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations)).toEqual(madeOrder);
    // Rebuilt, it is the stored document: the same blocks, text, spans and records.
    const rebuilt = documentFromPacked(opened.document);
    expect(articleText(rebuilt)).toEqual(articleText(parseArticleDocument(stored.doc)));
    expect(rebuilt.attrs.annotations).toEqual((stored.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations);
    expect(JSON.parse(await asJson('openArticle', { id: summary.id }))).toEqual({ ok: true, value: opened });
    expect(await callError('openArticle', { id: 'art_missing' })).toMatchObject({ code: 'not_found' });
  });

  it('opens spans in the order the editor reads them, whatever order they were tagged in', async () => {
    // Tagged so that the order they were made in is not the editor's: same start (the longer first), the same
    // words twice (by id), a tag inside another, and a cue after its quote.
    const text = 'Port Ellen Harbour Trust said so.';
    const records: AnnotationMap = {
      zeta: entityRecord('zeta', 'Port Ellen', 'place'),
      mid: entityRecord('mid', 'Ellen Harbour', 'place'),
      alpha: entityRecord('alpha', 'Port Ellen', 'place'),
      wide: entityRecord('wide', 'Port Ellen Harbour Trust', 'organisation'),
      quote: attributionRecord('quote', 'Port Ellen Harbour Trust', 'the trust', null),
    };
    const summary = addArticle(
      docWith(records, [
        { type: 'headline', text: 'Harbour' },
        {
          type: 'paragraph',
          text,
          tags: [
            { id: 'zeta', text: 'Port Ellen' },
            { id: 'quote', text: 'said', part: 'cue' },
            { id: 'mid', text: 'Ellen Harbour' },
            { id: 'alpha', text: 'Port Ellen' },
            { id: 'wide', text: 'Port Ellen Harbour Trust' },
            { id: 'quote', text: 'Port Ellen Harbour Trust' },
          ],
        },
      ]),
    );
    const opened = await call<OpenedArticle>('openArticle', { id: summary.id });
    expect(opened.document.blocks[1]!.spans).toEqual([
      [0, 24, 'quote'],
      [0, 24, 'wide'],
      [0, 10, 'alpha'],
      [0, 10, 'zeta'],
      [5, 18, 'mid'],
      [25, 29, 'quote', 'cue'],
    ]);
    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(opened.document).toEqual(packedDocumentOf(parseArticleDocument(stored.doc)));

    // A database from before migrations 11 to 13 kept a row per span, in the order the spans were written
    // (here the reverse of the editor's), and each block's ProseMirror JSON with its marks: it gets each block's
    // packed spans from the span rows, in the editor's order, a row for each tag and part in the block, and the
    // block's JSON without its marks.
    const blockId = services.db.prepare('SELECT id FROM article_blocks WHERE article_id = ? ORDER BY position LIMIT 1 OFFSET 1').pluck().get(summary.id);
    const taggedBlockJson = JSON.stringify((stored.doc as { content: unknown[] }).content[1]);
    expect(taggedBlockJson).toContain('"marks"');
    services.db.prepare('UPDATE article_blocks SET block_json = ? WHERE id = ?').run(taggedBlockJson, blockId);
    services.db.exec(`DROP TABLE annotation_blocks;
      ALTER TABLE article_blocks DROP COLUMN packed_spans;
      CREATE TABLE annotation_spans (
        article_id TEXT NOT NULL, annotation_id TEXT NOT NULL, block_id INTEGER NOT NULL REFERENCES article_blocks (id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, part TEXT NOT NULL)`);
    const insertSpan = services.db.prepare('INSERT INTO annotation_spans VALUES (?, ?, ?, ?, ?, ?)');
    for (const [start, end, annotationId, part] of [...opened.document.blocks[1]!.spans!].reverse()) insertSpan.run(summary.id, annotationId, blockId, start, end, part ?? 'content');
    for (const version of [11, 12, 13]) services.db.exec(loadMigrations().find((migration) => migration.version === version)!.sql);
    expect((await call<OpenedArticle>('openArticle', { id: summary.id })).document).toEqual(opened.document);
    expect((await call<ArticleRecord>('getArticle', { id: summary.id })).doc).toEqual(stored.doc);
    expect(services.db.prepare('SELECT block_json FROM article_blocks WHERE id = ?').pluck().get(blockId)).toBe(JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text }] }));
    expect(services.db.prepare('SELECT annotation_id, part FROM annotation_blocks WHERE block_id = ? ORDER BY annotation_id, part').raw().all(blockId)).toEqual([
      ['alpha', 'content'],
      ['mid', 'content'],
      ['quote', 'content'],
      ['quote', 'cue'],
      ['wide', 'content'],
      ['zeta', 'content'],
    ]);
  });

  it('refuses a save based on a stale revision as a conflict and keeps the newer document', async () => {
    const { summary, doc } = await taggedArticle();
    const first = structuredClone(doc) as { content: { content?: { text: string }[] }[] };
    first.content[2]!.content![0]!.text = 'Saved first. ';
    await call('saveArticle', { id: summary.id, baseRevision: 1, doc: first });

    const error = await callError('saveArticle', { id: summary.id, baseRevision: 1, doc });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/revision 2; this copy is based on revision 1/);
    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(stored.revision).toBe(2);
    expect(stored.doc).toEqual(first);
    expect(await callError('saveArticle', { id: 'art_missing', baseRevision: 1, doc })).toMatchObject({ code: 'not_found' });
  });

  it('flags an annotation whose words were deleted for review instead of dropping it, and deletes rows of removed records', async () => {
    const { summary, doc } = await taggedArticle();
    const edited = structuredClone(doc) as { attrs: { annotations: AnnotationMap }; content: unknown[] };
    // The Arabic paragraph goes: the "city" annotation has no words left but its record stays.
    edited.content.splice(2, 1);
    edited.attrs.annotations.city!.quote = '';
    // The headline figure's record and marks both go: the annotation was removed on purpose.
    delete edited.attrs.annotations.headlineMoney;
    (edited.content[0] as { content: unknown[] }).content = [{ type: 'text', text: 'Harbour trust wins grant' }];
    const saved = await call<SaveResult>('saveArticle', { id: summary.id, baseRevision: 1, doc: edited });
    expect(saved.title).toBe('Harbour trust wins grant');

    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    const records = (stored.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations;
    expect(records.city).toMatchObject({ status: 'needs_review', quote: 'دمشق' });
    expect(records.headlineMoney).toBeUndefined();
    expect(stored.tagCounts).toEqual({ entity: 4, figure: 1, attribution: 1, needsReview: 1, suggested: 0 });
    const rows = rowsOf(summary.id);
    expect(rows.get('city')).toMatchObject({ status: 'needs_review', quote: 'دمشق', startOffset: -1, endOffset: -1, spansJson: '[]' });
    expect(rows.has('headlineMoney')).toBe(false);
  });

  it('rejects invalid documents and arguments with typed errors and changes nothing', async () => {
    const { summary, doc } = await taggedArticle();
    const noHeadline = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body only.' }] }] };
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: noHeadline })).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/does not fit the article schema/),
    });
    const orphanMark = structuredClone(doc) as { attrs: { annotations: AnnotationMap } };
    delete orphanMark.attrs.annotations.money;
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: orphanMark })).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/Marks refer to annotations that do not exist: money/),
    });
    const badRecord = structuredClone(doc) as { attrs: { annotations: Record<string, { figure?: { currency: string } }> } };
    badRecord.attrs.annotations.money!.figure!.currency = 'pounds';
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: badRecord })).toMatchObject({ code: 'invalid_argument' });
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: 'not a document' })).toMatchObject({ code: 'invalid_argument' });
    expect(await callError('saveArticle', { id: summary.id, baseRevision: -1, doc })).toMatchObject({ code: 'invalid_argument' });
    expect(await callError('getArticle', {})).toMatchObject({ code: 'invalid_argument' });
    // Mark attributes are free JSON to ProseMirror: a part that is neither content nor cue (here one that would
    // break the hand-built spans_json) or an id that is not text must be refused, not stored.
    type MarkJson = { attrs: Record<string, unknown> };
    type DocJson = { content: { type: string; attrs?: Record<string, unknown>; content?: { marks?: MarkJson[] }[] }[] };
    const firstMark = (copy: DocJson) => copy.content[1]!.content!.find((child) => child.marks?.length)!.marks![0]!;
    const badPart = structuredClone(doc) as unknown as DocJson;
    firstMark(badPart).attrs.part = 'x"}]';
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: badPart })).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/invalid attributes/),
    });
    const objectId = structuredClone(doc) as unknown as DocJson;
    firstMark(objectId).attrs.label = { html: '<b>' };
    expect(await callError('saveArticle', { id: summary.id, baseRevision: 1, doc: objectId })).toMatchObject({ code: 'invalid_argument' });

    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    expect(stored.revision).toBe(1);
    expect(stored.doc).toEqual(doc);
  });

  // Speed targets live in the benchmark (npm run bench); this checks what a save writes, not how long it takes.
  it('writes only the annotation rows that changed, with 10,000 annotations', async () => {
    const records: AnnotationMap = {};
    const blocks: TestBlock[] = [{ type: 'headline', text: 'Ten thousand tags' }];
    for (let block = 0; block < 1000; block += 1) {
      const words = Array.from({ length: 100 }, (_, index) => `w${block}x${index}`);
      const tags = words.filter((_, index) => index % 10 === 0).map((word) => {
        records[`a${word}`] = entityRecord(`a${word}`, word, 'other');
        return { id: `a${word}`, text: word };
      });
      blocks.push({ type: 'paragraph', text: words.join(' '), tags });
    }
    const doc = docWith(records, blocks);
    const summary = addArticle(doc);
    expect(summary.tagCounts.entity).toBe(10_000);
    expect(summary.wordCount).toBe(100_003);

    const totalChanges = () => services.db.prepare('SELECT total_changes()').pluck().get() as number;
    const oneRecord = structuredClone(doc) as { attrs: { annotations: AnnotationMap }; content: { content: { text: string }[] }[] };
    oneRecord.attrs.annotations.aw500x50!.note = 'checked';
    let before = totalChanges();
    await call('saveArticle', { id: summary.id, baseRevision: 1, doc: oneRecord });
    // The article row, the one annotation row and the revision; no block and no search entry, since no words changed.
    expect(totalChanges() - before).toBe(3);

    const shifted = structuredClone(oneRecord);
    shifted.content[1]!.content[0]!.text = `Breaking: ${shifted.content[1]!.content[0]!.text}`;
    before = totalChanges();
    await call('saveArticle', { id: summary.id, baseRevision: 2, doc: shifted });
    // Spans are kept per block, so words added to the first paragraph move no span of the other 999: the
    // block (deleted and written again, with its search entries and its ten spans), its ten annotation rows'
    // unchanged records untouched, the article row and the revision.
    expect(totalChanges() - before).toBeLessThan(40);
    const row = rowsOf(summary.id).get('aw999x90')!;
    expect(row.quote).toBe('w999x90');
    expect(row.startOffset).toBe(articleText(parseArticleDocument(shifted)).text.indexOf('w999x90'));
  });
});

describe('the library', () => {
  it('lists articles newest first with tag counts, and filters by status and by words of the title or text', async () => {
    const older = addArticle(docWith({}, [{ type: 'headline', text: 'Ferry timetable changes' }, { type: 'paragraph', text: 'The winter crossing moves to 7am.' }]), '2024-01-01T00:00:00.000Z');
    const { summary: newer } = await taggedArticle();
    expect((await call<ArticleSummary[]>('listArticles', {})).map((article) => article.id)).toEqual([newer.id, older.id]);

    await call('setArticleStatus', { id: older.id, status: 'in_review' });
    expect((await call<ArticleSummary[]>('listArticles', { status: 'in_review' })).map((article) => article.id)).toEqual([older.id]);
    expect(await call<ArticleSummary[]>('listArticles', { status: 'done' })).toEqual([]);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'crossing' })).map((article) => article.id)).toEqual([older.id]);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'FERRY time' })).map((article) => article.id)).toEqual([older.id]);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'harbour' })).map((article) => article.id)).toEqual([newer.id]);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'دمشق' })).map((article) => article.id)).toEqual([newer.id]);
    expect(await call<ArticleSummary[]>('listArticles', { query: 'ferry harbour' })).toEqual([]);
    // FTS5 syntax typed by a user is searched for as words, not run as a query.
    expect(await call<ArticleSummary[]>('listArticles', { query: 'ferry NOT "' })).toEqual([]);
    expect((await call<ArticleSummary[]>('listArticles', { query: 'ferry*' })).map((article) => article.id)).toEqual([older.id]);
    expect(await callError('setArticleStatus', { id: older.id, status: 'published' })).toMatchObject({ code: 'invalid_argument' });
  });

  it('renames an article by rewriting its headline, so title and headline stay equal', async () => {
    const { summary } = await taggedArticle();
    const renamed = await call<ArticleSummary>('renameArticle', { id: summary.id, title: '  Trust   gets grant\nfor walls ' });
    expect(renamed.title).toBe('Trust gets grant for walls');
    const stored = await call<ArticleRecord>('getArticle', { id: summary.id });
    const doc = parseArticleDocument(stored.doc);
    expect(doc.firstChild!.type.name).toBe('headline');
    expect(doc.firstChild!.textContent).toBe('Trust gets grant for walls');
    expect(stored.revision).toBe(2);
    // The figure tagged in the old headline lost its words: flagged, not dropped.
    expect(stored.tagCounts).toMatchObject({ figure: 2, needsReview: 1 });
    expect((await call<ArticleSummary[]>('listArticles', { query: 'walls' }))[0]!.title).toBe('Trust gets grant for walls');
    expect(await callError('renameArticle', { id: summary.id, title: '   ' })).toMatchObject({ code: 'invalid_argument' });
    expect(await callError('renameArticle', { id: 'art_missing', title: 'x' })).toMatchObject({ code: 'not_found' });
  });

  it('deletes an article into the trash, and emptying the trash removes its rows and search entries', async () => {
    const { summary } = await taggedArticle();
    expect(rowsOf(summary.id).size).toBe(7);
    expect(await call('deleteArticle', { id: summary.id })).toEqual({ deleted: true });
    expect(await call<ArticleSummary[]>('listArticles', { query: 'harbour' })).toEqual([]);
    expect(await callError('getArticle', { id: summary.id })).toMatchObject({ code: 'not_found' });
    expect(await callError('deleteArticle', { id: summary.id })).toMatchObject({ code: 'not_found' });
    expect(await call('emptyTrash', {})).toEqual({ articles: 1, entities: 0 });
    expect(rowsOf(summary.id).size).toBe(0);
    for (const table of ['annotations', 'annotation_blocks', 'article_blocks', 'article_revisions', 'article_snapshots']) {
      expect(services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    expect(services.db.prepare("SELECT count(*) FROM block_search WHERE block_search MATCH 'harbour'").pluck().get()).toBe(0);
  });
});

describe('preferences', () => {
  it('defaults the user name to the one the host passed, and keeps a name the user set', async () => {
    expect(await call('getPreferences', {})).toMatchObject({ userName: 'desk editor' });
    expect(await call('setPreferences', { userName: '  Ana Ruiz ' })).toMatchObject({ userName: 'Ana Ruiz' });
    services.close();
    services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
    expect(await call('getPreferences', {})).toMatchObject({ userName: 'Ana Ruiz' });
    expect(await callError('setPreferences', { userName: '' })).toMatchObject({ code: 'invalid_argument' });
  });

  it('suggests on import and on open, every kind, until the desk says otherwise, and keeps what it said', async () => {
    expect(((await call('getPreferences', {})) as Preferences).suggestions).toEqual({ onImport: true, onOpen: true, kinds: ['entity', 'figure', 'attribution'] });
    const chosen = { onImport: false, onOpen: true, kinds: ['figure' as const, 'figure' as const] };
    expect(((await call('setPreferences', { suggestions: chosen })) as Preferences).suggestions).toEqual({ onImport: false, onOpen: true, kinds: ['figure'] });
    services.close();
    services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
    expect(await call('getPreferences', {})).toMatchObject({ suggestions: { onImport: false, kinds: ['figure'] } });
    expect(await callError('setPreferences', { suggestions: { onImport: true, onOpen: true, kinds: ['colour'] } } as never)).toMatchObject({ code: 'invalid_argument' });
  });
});
