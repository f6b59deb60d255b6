import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import type { ArticleRecord, SaveResult } from '../../common/api';
import { makeTempDir, valueOf } from './storeFixtures';
import { importedArticle } from '../support/importedArticle';

describe('saving only what changed (document patches)', () => {
  let services: AppServices;
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => {
    services?.close();
    temp?.remove();
  });

  async function setUp(): Promise<ArticleRecord> {
    temp = makeTempDir();
    services = openServices({ databasePath: join(temp.dir, 'patch.sqlite') });
    const summary = importedArticle(await services.handlers.importText({ text: 'Patch test\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.' }));
    return services.handlers.getArticle({ id: summary.id });
  }

  it('replaces the changed block and stores records, keeping the rest of the stored document', async () => {
    const article = await setUp();
    const content = (article.doc as { content: { type: string }[] }).content;
    const index = content.findIndex((block) => JSON.stringify(block).includes('Second paragraph.'));
    const changed = { type: 'paragraph', text: 'Second paragraph, edited.' };
    const result = valueOf<SaveResult>(
      await dispatchApiCall(services.handlers, 'saveArticle', {
        id: article.id,
        baseRevision: article.revision,
        patch: { from: index, to: index + 1, blocks: [changed], records: {}, removedRecordIds: [] },
      }),
    );
    expect(result.revision).toBe(article.revision + 1);
    const stored = await services.handlers.getArticle({ id: article.id });
    const texts = JSON.stringify(stored.doc);
    expect(texts).toContain('Second paragraph, edited.');
    expect(texts).toContain('First paragraph.');
    expect(texts).toContain('Third paragraph.');
    expect(stored.wordCount).toBe(article.wordCount + 1);
  });

  it('refuses a patch on a stale revision, one that does not fit, and a call with both or neither', async () => {
    const article = await setUp();
    const patch = { from: 1, to: 2, blocks: [], records: {}, removedRecordIds: [] };
    const stale = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision + 5, patch });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const outside = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision, patch: { ...patch, from: 2, to: 99 } });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const both = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision, patch, doc: article.doc });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const neither = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision });
    expect(neither).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    // A patch whose records do not match its spans is refused like any bad document, and nothing changes.
    const orphanMark = { type: 'paragraph', text: 'x', spans: [[0, 1, 'ghost']] };
    const bad = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision, patch: { ...patch, blocks: [orphanMark] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await services.handlers.getArticle({ id: article.id })).revision).toBe(article.revision);
  });

  it('keeps block order through many inserts at one place, renumbering when no room is left between neighbours', async () => {
    const article = await setUp();
    let revision = article.revision;
    // Each insert goes right after the headline, halving the room before the next block: floating point
    // runs out after about fifty, and the store must renumber rather than misorder.
    for (let insert = 0; insert < 80; insert++) {
      const block = { type: 'paragraph', text: `Inserted ${insert}.` };
      revision = valueOf<SaveResult>(
        await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: revision, patch: { from: 1, to: 1, blocks: [block], records: {}, removedRecordIds: [] } }),
      ).revision;
    }
    const stored = await services.handlers.getArticle({ id: article.id });
    const texts = (stored.doc as { content: { content?: { text: string }[] }[] }).content.map((block) => block.content?.[0]?.text ?? '');
    expect(texts.slice(1, 81)).toEqual(Array.from({ length: 80 }, (_, index) => `Inserted ${79 - index}.`));
    expect(texts.slice(81)).toEqual(['First paragraph.', 'Second paragraph.', 'Third paragraph.']);
    expect(stored.wordCount).toBe(article.wordCount + 160);
    // Every revision on the way is still rebuilt in its order.
    const middle = (await services.handlers.getRevision({ id: article.id, revision: article.revision + 60 })).document;
    expect(middle.blocks[1]!.text).toBe('Inserted 59.');
    expect(middle.blocks).toHaveLength(4 + 60);
  });

  it('refuses a patch that would leave marks without records, blocks out of order or records it cannot remove', async () => {
    const article = await setUp();
    const now = new Date().toISOString();
    const record = { id: 'tag1', kind: 'entity', entityType: 'place', entityId: null, status: 'accepted', author: 't', createdAt: now, updatedAt: now, note: '', quote: 'First' };
    const tagged = { type: 'paragraph', text: 'First paragraph.', spans: [[0, 5, 'tag1']] };
    const saved = valueOf<SaveResult>(
      await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision, patch: { from: 1, to: 2, blocks: [tagged], records: { tag1: record }, removedRecordIds: [] } }),
    );
    const base = { id: article.id, baseRevision: saved.revision };
    const refusals = [
      // The record goes while its mark stays in an unchanged block.
      { from: 3, to: 4, blocks: [], records: {}, removedRecordIds: ['tag1'] },
      // A headline in the middle of the body.
      { from: 2, to: 3, blocks: [{ type: 'headline', text: 'Second headline' }], records: {}, removedRecordIds: [] },
      // The document would be left without its headline.
      { from: 0, to: 1, blocks: [], records: {}, removedRecordIds: [] },
      // A record that is not stored.
      { from: 2, to: 2, blocks: [], records: {}, removedRecordIds: ['never_stored'] },
      // An invalid record.
      { from: 2, to: 2, blocks: [], records: { bad: { ...record, id: 'bad', entityType: 'alien' } }, removedRecordIds: [] },
      // A span of a record neither sent nor stored.
      { from: 2, to: 3, blocks: [{ ...tagged, spans: [[0, 5, 'ghost']] }], records: {}, removedRecordIds: [] },
      // A span of a stored record that the same patch removes.
      { from: 1, to: 2, blocks: [tagged], records: {}, removedRecordIds: ['tag1'] },
      // A span past the end of its block's text, one that is empty, and two of one tag overlapping.
      { from: 1, to: 2, blocks: [{ ...tagged, spans: [[6, 17, 'tag1']] }], records: {}, removedRecordIds: [] },
      { from: 1, to: 2, blocks: [{ ...tagged, spans: [[3, 3, 'tag1']] }], records: {}, removedRecordIds: [] },
      { from: 1, to: 2, blocks: [{ ...tagged, spans: [[0, 5, 'tag1'], [2, 8, 'tag1']] }], records: {}, removedRecordIds: [] },
      // A span that is not [start, end, id] or [start, end, id, "cue"].
      { from: 1, to: 2, blocks: [{ ...tagged, spans: [[0, 5, 'tag1', 'quote']] }], records: {}, removedRecordIds: [] },
      // A block of an unknown type, with a field a block does not have, with attributes its type does not declare, or a caption whose credit is not text.
      { from: 1, to: 2, blocks: [{ type: 'poem', text: 'x' }], records: {}, removedRecordIds: [] },
      { from: 1, to: 2, blocks: [{ ...tagged, content: [] }], records: {}, removedRecordIds: [] },
      { from: 1, to: 2, blocks: [{ ...tagged, attrs: { credit: 'AP' } }], records: {}, removedRecordIds: [] },
      { from: 1, to: 2, blocks: [{ type: 'caption', attrs: { credit: 7 }, text: 'A harbour.' }], records: {}, removedRecordIds: [] },
    ];
    for (const patch of refusals) {
      expect(await dispatchApiCall(services.handlers, 'saveArticle', { ...base, patch }, () => undefined)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    const stored = await services.handlers.getArticle({ id: article.id });
    expect(stored.revision).toBe(saved.revision);
    expect((stored.doc as { attrs: { annotations: Record<string, unknown> } }).attrs.annotations).toEqual({ tag1: record });

    // A block edited around a stored tag needs no copy of its record: the stored one is kept, with its new words.
    const retyped = { type: 'paragraph', text: 'Firsts paragraph, edited.', spans: [[0, 6, 'tag1']] };
    const edited = valueOf<SaveResult>(await dispatchApiCall(services.handlers, 'saveArticle', { ...base, patch: { from: 1, to: 2, blocks: [retyped], records: {}, removedRecordIds: [] } }));
    expect(services.db.prepare('SELECT quote, record_json FROM annotations WHERE id = ?').get('tag1')).toEqual({ quote: 'Firsts', record_json: JSON.stringify(record) });
    base.baseRevision = edited.revision;

    // Deleting the tagged words but keeping the record flags it for review, keeping its last words.
    const untagged = { type: 'paragraph', text: 'Words replaced.' };
    const flagged = valueOf<SaveResult>(await dispatchApiCall(services.handlers, 'saveArticle', { ...base, patch: { from: 1, to: 2, blocks: [untagged], records: {}, removedRecordIds: [] } }));
    const afterFlag = await services.handlers.getArticle({ id: article.id });
    expect((afterFlag.doc as { attrs: { annotations: Record<string, unknown> } }).attrs.annotations.tag1).toMatchObject({ status: 'needs_review', quote: 'First' });
    expect(afterFlag.tagCounts.needsReview).toBe(1);

    // Removing the record is then a valid change; its row goes with it.
    const removed = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: flagged.revision, patch: { from: 1, to: 1, blocks: [], records: {}, removedRecordIds: ['tag1'] } });
    expect(removed).toMatchObject({ ok: true });
    expect(services.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
  });
});
