import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import { parseArticleDocument } from '../../common/articleText';
import { packedDocumentOf } from '../../common/packedDocument';
import { documentAtRevision } from '../../main/services/articleRevisions';
import { createArticle, saveArticlePatch } from '../../main/services/articleWriter';
import { storedDocument } from '../../main/services/articleDocument';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, type Store } from '../../main/store/index';
import { articleJson, attributionRecord, entityRecord, makeTempDir, type TestBlock } from './storeFixtures';

// Saves rewrite the blocks they replace in their own rows, and move the spans in theirs. What is stored after
// any run of such saves must be exactly what storing the resulting document afresh gives.
describe('saving a changed block in its own row', () => {
  let services: AppServices;
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => {
    services?.close();
    temp?.remove();
  });

  const records: AnnotationMap = {
    amal: entityRecord('amal', 'Amal Haddad', 'person'),
    jonas: entityRecord('jonas', 'Jonas Berg', 'person'),
    port: entityRecord('port', 'Port Sefton', 'place'),
    mira: entityRecord('mira', 'Mira Sato', 'person'),
    convoy: attributionRecord('convoy', 'Mira Sato said the convoy left', 'Mira Sato', null),
    met: entityRecord('met', 'met', 'event'),
  };
  const headline: TestBlock = { type: 'headline', text: 'Rewrites in place' };
  const first: TestBlock = { type: 'paragraph', text: 'Amal Haddad met Jonas Berg in Port Sefton.', tags: [{ id: 'amal', text: 'Amal Haddad' }, { id: 'jonas', text: 'Jonas Berg' }, { id: 'port', text: 'Port Sefton' }] };
  // Two tags starting at the same offset: only the order their rows were written in tells them apart.
  const second: TestBlock = { type: 'paragraph', text: 'Mira Sato said the convoy left.', tags: [{ id: 'convoy', text: 'Mira Sato said the convoy left' }, { id: 'mira', text: 'Mira Sato' }] };
  const third: TestBlock = { type: 'paragraph', text: 'Third paragraph about the ceasefire.' };

  // The blocks packed, as the editor sends them.
  function packedBlocks(blocks: readonly TestBlock[]): unknown[] {
    return packedDocumentOf(parseArticleDocument(articleJson([headline, ...blocks], records))).blocks.slice(1);
  }

  function save(store: Store, articleId: string, from: number, to: number, blocks: readonly TestBlock[], sent: AnnotationMap = {}): void {
    const revision = store.articles.revision(articleId)!;
    saveArticlePatch(store, articleId, revision, { from, to, blocks: packedBlocks(blocks), records: sent, removedRecordIds: [] }, new Date().toISOString());
  }

  // Everything the store derives from a document: spans in reading order, annotation quotes and statuses.
  function derived(store: Store, articleId: string) {
    return {
      spans: store.blocks.spansOfArticle(articleId),
      annotations: services.db.prepare('SELECT id, quote, status, record_json FROM annotations WHERE article_id = ? ORDER BY id').all(articleId),
    };
  }

  function expectSameAsStoredAfresh(store: Store, articleId: string, documents: Map<number, unknown>): void {
    const stored = store.articles.find(articleId)!;
    const doc = storedDocument(stored.packedJson);
    documents.set(stored.revision, JSON.parse(stored.packedJson));
    // Packed again from the document it stands for, it is what the store gave.
    expect(JSON.parse(stored.packedJson)).toEqual(packedDocumentOf(doc));
    const fresh = createArticle(store, { doc, source: 'test' }, new Date().toISOString());
    expect(derived(store, articleId)).toEqual(derived(store, fresh.id));
    // The search index reads the block rows (external content): this fails when an entry is stale.
    expect(() => services.db.prepare("INSERT INTO block_search (block_search) VALUES ('integrity-check')").run()).not.toThrow();
  }

  const blockIds = (articleId: string) => services.db.prepare('SELECT id FROM article_blocks WHERE article_id = ? ORDER BY position').pluck().all(articleId) as number[];

  it('keeps block rows, writes which blocks hold a tag only when that changes, and stores what a fresh copy of the document stores', () => {
    temp = makeTempDir();
    services = openServices({ databasePath: join(temp.dir, 'in-place.sqlite') });
    const store = createStore(services.db);
    // `met` is not stored yet: the save that tags it sends it.
    const { met: _met, ...storedRecords } = records;
    const doc = parseArticleDocument(articleJson([headline, first, second, third], storedRecords));
    const articleId = createArticle(store, { doc, source: 'test' }, new Date().toISOString()).id;
    const documents = new Map<number, unknown>([[1, JSON.parse(store.articles.find(articleId)!.packedJson)]]);
    // Every write to annotation_blocks, logged by a trigger of this connection.
    services.db.exec(`CREATE TEMP TABLE holder_writes (block_id INTEGER, annotation_id TEXT, change TEXT);
      CREATE TEMP TRIGGER holder_inserted AFTER INSERT ON main.annotation_blocks BEGIN INSERT INTO holder_writes VALUES (new.block_id, new.annotation_id, 'insert'); END;
      CREATE TEMP TRIGGER holder_deleted AFTER DELETE ON main.annotation_blocks BEGIN INSERT INTO holder_writes VALUES (old.block_id, old.annotation_id, 'delete'); END;`);
    const holderWrites = () => services.db.prepare('DELETE FROM holder_writes RETURNING block_id, annotation_id, change').raw().all().sort();
    const idsBefore = blockIds(articleId);
    services.db.prepare('DELETE FROM article_words_stale').run();
    // Through the search index, limited to this article (the fresh copies below hold the same words).
    const blocksSaying = (word: string) =>
      services.db.prepare('SELECT rowid FROM block_search WHERE block_search MATCH ? AND rowid IN (SELECT id FROM article_blocks WHERE article_id = ?)').pluck().all(word, articleId);

    // Words typed before the tags: every span of the block moves, in the block's row alone.
    holderWrites();
    save(store, articleId, 1, 2, [{ ...first, text: `Yesterday ${first.text}` }]);
    expect(blockIds(articleId)).toEqual(idsBefore);
    expect(holderWrites()).toEqual([]);
    expect(services.db.prepare('SELECT article_id FROM article_words_stale').pluck().all()).toEqual([articleId]);
    expect(blocksSaying('yesterday')).toEqual([idsBefore[1]]);
    expectSameAsStoredAfresh(store, articleId, documents);

    // A tag taken off (its record flagged for review) and a new one put on the same block.
    holderWrites();
    save(store, articleId, 1, 2, [{ ...first, text: `Today ${first.text}`, tags: [{ id: 'amal', text: 'Amal Haddad' }, { id: 'met', text: 'met' }, { id: 'port', text: 'Port Sefton' }] }], { met: records.met! });
    expect(blockIds(articleId)).toEqual(idsBefore);
    expect(services.db.prepare("SELECT status FROM annotations WHERE id = 'jonas'").pluck().get()).toBe('needs_review');
    expect(holderWrites()).toEqual([
      [idsBefore[1], 'jonas', 'delete'],
      [idsBefore[1], 'met', 'insert'],
    ]);
    expect(blocksSaying('yesterday')).toEqual([]);
    expect(blocksSaying('today')).toEqual([idsBefore[1]]);
    expectSameAsStoredAfresh(store, articleId, documents);

    // One block split in two: the first keeps its row, the second is new; the quote spans both.
    save(store, articleId, 2, 3, [
      { type: 'paragraph', text: 'Mira Sato said', tags: [{ id: 'convoy', text: 'Mira Sato said' }, { id: 'mira', text: 'Mira Sato' }] },
      { type: 'paragraph', text: 'the convoy left.', tags: [{ id: 'convoy', text: 'the convoy left' }] },
    ]);
    const afterSplit = blockIds(articleId);
    expect(afterSplit).toHaveLength(idsBefore.length + 1);
    expect(afterSplit.slice(0, 3)).toEqual(idsBefore.slice(0, 3));
    expectSameAsStoredAfresh(store, articleId, documents);

    // Two blocks joined into one of another type, the tags in the other order.
    save(store, articleId, 2, 4, [{ type: 'subhead', text: 'Mira Sato said the convoy left', tags: [{ id: 'mira', text: 'Mira Sato' }, { id: 'convoy', text: 'Mira Sato said the convoy left' }] }]);
    expect(blockIds(articleId)).toEqual(idsBefore);
    expect(services.db.prepare('SELECT type FROM article_blocks WHERE id = ?').pluck().get(idsBefore[2])).toBe('subhead');
    expectSameAsStoredAfresh(store, articleId, documents);

    // Every block replaced by fewer blocks, and the whole history still rebuilds each revision.
    save(store, articleId, 1, 4, [third]);
    expect(blockIds(articleId)).toEqual(idsBefore.slice(0, 2));
    expectSameAsStoredAfresh(store, articleId, documents);
    for (const [revision, document] of documents) expect(documentAtRevision(store, articleId, revision)).toEqual(document);
  });
});
