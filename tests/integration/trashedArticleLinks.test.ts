import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleSummary, EntityRecord, SaveResult, TrashContents } from '../../common/api';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations } from '../../main/store/index';
import { apiCalls, articleJson, entityRecord, makeTempDir } from './storeFixtures';

/**
 * Registry changes reach articles in the trash too: an article deleted while a registry entity was away (or
 * deleted while it still linked to one) comes back from the trash with the links it would have had.
 */

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call } = apiCalls(() => services);

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'trashed-links.sqlite'), userName: 'desk editor' });
});
afterEach(() => {
  services.close();
  temp.remove();
});

type DocJson = { attrs: { annotations: AnnotationMap } };

async function articleMentioning(entity: EntityRecord): Promise<ArticleRecord> {
  const summary = await call<ArticleSummary>('importText', { text: 'Placeholder\n\nText.' });
  const doc = articleJson(
    [
      { type: 'headline', text: 'Harbour news' },
      { type: 'paragraph', text: 'Divers reached Ras al-Bar 🌊 on Tuesday.', tags: [{ id: 'place', text: 'Ras al-Bar' }] },
    ],
    { place: entityRecord('place', 'Ras al-Bar', 'place', entity.id) },
  );
  await call<SaveResult>('saveArticle', { id: summary.id, baseRevision: 1, doc });
  return call<ArticleRecord>('getArticle', { id: summary.id });
}

function linkOf(article: ArticleRecord): string | null | undefined {
  return ((article.doc as DocJson).attrs.annotations.place as { entityId?: string | null }).entityId;
}

describe('registry links of articles in the trash', () => {
  it('relinks the mentions of an article that went to the trash after its entity was deleted, when the entity is restored', async () => {
    const entity = await call<EntityRecord>('createEntity', { name: 'Ras al-Bar', type: 'place' });
    const article = await articleMentioning(entity);
    expect(await call('deleteEntity', { id: entity.id })).toEqual({ deleted: true, unlinkedMentions: 1 });
    await call('deleteArticle', { id: article.id });
    const trashedAt = (await call<TrashContents>('listTrash', {})).articles[0]!.deletedAt;

    const restored = await call<{ relinkedMentions: number }>('restoreEntity', { id: entity.id });
    expect(restored.relinkedMentions).toBe(1);
    // Still in the trash, with its deletion time, and nowhere else.
    const trash = await call<TrashContents>('listTrash', {});
    expect(trash.articles.map((trashed) => [trashed.id, trashed.deletedAt])).toEqual([[article.id, trashedAt]]);
    expect(await call<ArticleSummary[]>('listArticles', {})).toEqual([]);

    await call('restoreArticle', { id: article.id });
    const back = await call<ArticleRecord>('getArticle', { id: article.id });
    expect(linkOf(back)).toBe(entity.id);
    expect(listAnnotations(createStore(services.db), article.id)[0]).toMatchObject({ id: 'place', entityId: entity.id });
    expect((await call<{ mentionCount: number }[]>('listEntities', {}))[0]!.mentionCount).toBe(1);
  });

  it('unlinks the mentions of a trashed article when its entity is deleted, and links them again when the entity comes back', async () => {
    const entity = await call<EntityRecord>('createEntity', { name: 'Ras al-Bar', type: 'place' });
    const article = await articleMentioning(entity);
    await call('deleteArticle', { id: article.id });
    expect(await call('deleteEntity', { id: entity.id })).toMatchObject({ deleted: true, unlinkedMentions: 1 });

    // Restored from the trash now, the article must not point at an entity the registry no longer has.
    await call('restoreArticle', { id: article.id });
    expect(linkOf(await call<ArticleRecord>('getArticle', { id: article.id }))).toBeNull();
    await call('deleteArticle', { id: article.id });

    expect(await call('restoreEntity', { id: entity.id })).toMatchObject({ relinkedMentions: 1 });
    await call('restoreArticle', { id: article.id });
    expect(linkOf(await call<ArticleRecord>('getArticle', { id: article.id }))).toBe(entity.id);
  });

  it('follows a merge into a trashed article, so that it never comes back linked to the merged-away entity', async () => {
    const keep = await call<EntityRecord>('createEntity', { name: 'Ras al-Bar', type: 'place' });
    const merged = await call<EntityRecord>('createEntity', { name: 'Ras el Bar', type: 'place' });
    const article = await articleMentioning(merged);
    await call('deleteArticle', { id: article.id });
    await call('mergeEntities', { keepId: keep.id, mergeId: merged.id });
    await call('restoreArticle', { id: article.id });
    expect(linkOf(await call<ArticleRecord>('getArticle', { id: article.id }))).toBe(keep.id);
  });
});
