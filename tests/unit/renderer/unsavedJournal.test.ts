import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, apiMethodNames, type AnnotatorApi } from '../../../common/api';
import { articleText } from '../../../common/articleText';
import { dispatchApiCall } from '../../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../../main/services/index';
import { EditorController } from '../../../renderer/src/editor/editorController';
import {
  ArticleJournal,
  MemoryJournalStorage,
  replayDecision,
  sameArticleDocument,
  type JournalEntry,
  type JournalWrite,
} from '../../../renderer/src/editor/unsavedJournal';
import { importedArticle } from '../../support/importedArticle';
import { Node } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';
import { editorArticleOf } from '../../../renderer/src/editor/editorArticle';
import { documentFromPacked, packedDocumentOf } from '../../../common/packedDocument';
import { makeArticle } from '../../support/taggedSample';
import { makeTempDir } from '../../integration/storeFixtures';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the journal of one article', () => {
  it('writes the newest document after a quiet time, on the revision it stands on', async () => {
    const storage = new MemoryJournalStorage();
    const journal = new ArticleJournal({ storage, articleId: 'a1', debounceMs: 10, now: () => 'T' });
    journal.changed(() => JSON.stringify({ text: 'one' }), 3);
    journal.changed(() => JSON.stringify({ text: 'two' }), 3);
    expect(await storage.get('a1')).toBeUndefined();
    await tick(30);
    await journal.flush();
    expect(await storage.get('a1')).toEqual({ articleId: 'a1', baseRevision: 3, doc: { text: 'two' }, writtenAt: 'T' });
  });

  it('deletes the entry when a save lands with nothing newer, and keeps newer work on the new revision otherwise', async () => {
    const storage = new MemoryJournalStorage();
    const journal = new ArticleJournal({ storage, articleId: 'a1', debounceMs: 10 });
    journal.changed(() => JSON.stringify('first'), 1);
    await journal.flush();
    journal.changed(() => JSON.stringify('second'), 1);
    journal.acknowledged(2, true);
    await tick(30);
    await journal.flush();
    expect(await storage.get('a1')).toMatchObject({ baseRevision: 2, doc: 'second' });
    journal.acknowledged(3, false);
    await journal.flush();
    expect(await storage.get('a1')).toBeUndefined();
  });

  it('writes a pending entry at once when flushed, as the page is left', async () => {
    const storage = new MemoryJournalStorage();
    const journal = new ArticleJournal({ storage, articleId: 'a1', debounceMs: 10_000 });
    journal.changed(() => JSON.stringify('typed'), 5);
    await journal.flush();
    expect(await storage.get('a1')).toMatchObject({ doc: 'typed', baseRevision: 5 });
  });

  it('keeps writes in order: an acknowledgement never loses to the put before it', async () => {
    const slowPuts: JournalWrite[] = [];
    const storage = new MemoryJournalStorage();
    const slow = {
      get: (id: string) => storage.get(id),
      put: async (entry: JournalWrite) => {
        await tick(20);
        slowPuts.push(entry);
        await storage.put(entry);
      },
      delete: (id: string) => storage.delete(id),
    };
    const journal = new ArticleJournal({ storage: slow, articleId: 'a1', debounceMs: 10_000 });
    journal.changed(() => JSON.stringify('typed'), 1);
    void journal.flush();
    journal.acknowledged(2, false);
    await journal.flush();
    expect(slowPuts).toHaveLength(1);
    expect(await storage.get('a1')).toBeUndefined();
  });
});

describe('deciding a replay', () => {
  const paragraph = (text: string) => ({
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: 'Replay' }] },
      { type: 'paragraph', content: [{ type: 'text', text }] },
    ],
  });
  const entry = (baseRevision: number, text: string): JournalEntry => ({ articleId: 'a', baseRevision, doc: paragraph(text), writtenAt: 'T' });

  const stored = (text: string) => Node.fromJSON(articleSchema, paragraph(text));

  it('applies work built on the stored revision, offers a conflict on a newer one, and drops work the store already has', () => {
    expect(replayDecision(undefined, { revision: 2, doc: stored('x') }, sameArticleDocument).kind).toBe('none');
    expect(replayDecision(entry(2, 'mine'), { revision: 2, doc: stored('stored') }, sameArticleDocument).kind).toBe('apply');
    expect(replayDecision(entry(2, 'mine'), { revision: 4, doc: stored('theirs') }, sameArticleDocument)).toMatchObject({ kind: 'conflict', storedRevision: 4 });
    // The save landed but its acknowledgement did not: the same document one revision on.
    expect(replayDecision(entry(2, 'mine'), { revision: 3, doc: stored('mine') }, sameArticleDocument).kind).toBe('alreadySaved');
  });

  it('knows work the store already has when the editor added its tags in another order than the opened document lists them', () => {
    const journalled = makeArticle(
      [{ type: 'paragraph', text: 'Mira Sato said the convoy left.' }],
      [
        { id: 'mira', kind: 'entity', text: 'Mira Sato', entityType: 'person' },
        { id: 'quote', kind: 'attribution', text: 'Mira Sato said the convoy left', mode: 'indirect' },
      ],
    ).doc;
    const opened = documentFromPacked(packedDocumentOf(journalled));
    expect(opened.eq(journalled)).toBe(false);
    const written: JournalEntry = { articleId: 'a', baseRevision: 2, doc: journalled.toJSON(), writtenAt: 'T' };
    expect(replayDecision(written, { revision: 3, doc: opened }, sameArticleDocument).kind).toBe('alreadySaved');
  });
});

describe('the editor with a journal, against the real services', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: AppServices;
  let articleId: string;
  let refuseSaves: boolean;
  let api: AnnotatorApi;
  // The article as the editor opens it.
  const opened = async (id: string) => editorArticleOf(await api.openArticle({ id }));

  beforeEach(async () => {
    temp = makeTempDir();
    services = openServices({ databasePath: join(temp.dir, 'journal.sqlite'), userName: 'tester' });
    await services.handlers.setPreferences({ suggestions: { onImport: false, onOpen: false, kinds: ['entity', 'figure', 'attribution'] } });
    articleId = importedArticle(await services.handlers.importText({ text: 'First paragraph here.\n\nSecond paragraph here.' })).id;
    refuseSaves = false;
    api = Object.fromEntries(
      apiMethodNames.map((name) => [
        name,
        async (input: unknown) => {
          if (name === 'saveArticle' && refuseSaves) throw new ApiError('internal', 'Cannot reach the app server.');
          const result = await dispatchApiCall(services.handlers, name, input);
          if (!result.ok) throw new ApiError(result.error.code, result.error.message);
          return result.value;
        },
      ]),
    ) as AnnotatorApi;
  });
  afterEach(() => {
    services.close();
    temp.remove();
  });

  it('keeps an unsaved edit, replays it into a new editor and saves it; the entry goes once the store has it', async () => {
    const storage = new MemoryJournalStorage();
    refuseSaves = true;
    const first = new EditorController({ api, article: await opened(articleId), userName: 'e', saveDebounceMs: 5, journal: storage });
    first.dispatch(first.state.tr.insertText('Unsaved words. ', 1));
    await tick(250);
    expect(first.hasUnsavedChanges()).toBe(true);
    const entry = await storage.get(articleId);
    expect(entry?.baseRevision).toBe((await api.getArticle({ id: articleId })).revision);
    // The page dies: the controller is gone without its save.
    first.destroy();
    await tick(20);

    refuseSaves = false;
    const stored = await opened(articleId);
    expect(articleText(first.state.doc).text).toContain('Unsaved words.');
    const decision = replayDecision(entry, stored, sameArticleDocument);
    expect(decision.kind).toBe('apply');
    const second = new EditorController({ api, article: stored, userName: 'e', saveDebounceMs: 5, journal: storage, replay: entry });
    expect(articleText(second.state.doc).text).toContain('Unsaved words. First paragraph');
    expect(await second.flush()).toBe(true);
    await second.flushJournal();
    const saved = await api.getArticle({ id: articleId });
    expect(saved.revision).toBe(stored.revision + 1);
    expect(JSON.stringify(saved.doc)).toContain('Unsaved words.');
    expect(await storage.get(articleId)).toBeUndefined();
    second.destroy();
  });

  it('offers a conflict when the article was saved elsewhere after the journalled work', async () => {
    const storage = new MemoryJournalStorage();
    refuseSaves = true;
    const mine = new EditorController({ api, article: await opened(articleId), userName: 'e', saveDebounceMs: 5, journal: storage });
    mine.dispatch(mine.state.tr.insertText('Mine. ', 1));
    await tick(250);
    mine.destroy();
    refuseSaves = false;
    const theirs = new EditorController({ api, article: await opened(articleId), userName: 'e', saveDebounceMs: 5 });
    theirs.dispatch(theirs.state.tr.insertText('Theirs. ', 1));
    expect(await theirs.flush()).toBe(true);
    theirs.destroy();

    const stored = await opened(articleId);
    const decision = replayDecision(await storage.get(articleId), stored, sameArticleDocument);
    expect(decision.kind).toBe('conflict');
    if (decision.kind !== 'conflict') return;
    // Keeping mine saves it on top of theirs, which stays a revision of its own.
    const kept = new EditorController({ api, article: stored, userName: 'e', saveDebounceMs: 5, journal: storage, replay: decision.entry });
    expect(await kept.flush()).toBe(true);
    const after = await api.getArticle({ id: articleId });
    expect(JSON.stringify(after.doc)).toContain('Mine.');
    expect(JSON.stringify(after.doc)).not.toContain('Theirs.');
    const theirRevision = await api.getRevision({ id: articleId, revision: stored.revision });
    expect(JSON.stringify(theirRevision.document)).toContain('Theirs.');
    kept.destroy();
  });
});
