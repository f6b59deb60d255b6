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
    const changed = { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph, edited.' }] };
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
    // A patch whose records do not match its marks is refused like any bad document, and nothing changes.
    const orphanMark = { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'annotation', attrs: { id: 'ghost', kind: 'entity', label: 'person', part: 'content' } }] }] };
    const bad = await dispatchApiCall(services.handlers, 'saveArticle', { id: article.id, baseRevision: article.revision, patch: { ...patch, blocks: [orphanMark] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await services.handlers.getArticle({ id: article.id })).revision).toBe(article.revision);
  });
});
