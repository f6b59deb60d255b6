import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiOutput, ApiMethodName } from '../../common/api';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { makeTempDir, valueOf } from './storeFixtures';
import { seedEntityDesk, type EntityDesk } from '../support/entityDeskFixture';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let desk: EntityDesk;

beforeEach(async () => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite'), userName: 'desk editor' });
  desk = await seedEntityDesk(services);
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function call<M extends ApiMethodName>(method: M, input: unknown): Promise<ApiOutput<M>> {
  return valueOf<ApiOutput<M>>(await dispatchApiCall(services.handlers, method, input));
}

describe('entity page', () => {
  it('counts the desk’s mentions and quotes apart from suggestions and trashed articles', async () => {
    const page = await call('getEntityPage', { id: desk.lena.id });
    expect(page.entity).toMatchObject({ name: 'Lena Ortiz', aliases: ['Ortiz'], externalIds: { wikidata: 'Q42' }, description: 'Chair of the harbour trust.' });
    expect(page).toMatchObject({ mentions: 3, mentionArticles: 2, suggestedMentions: 1, quotes: 2, quoteArticles: 2, suggestedQuotes: 0 });
  });

  it('lists the entities mentioned in the same articles, most shared first', async () => {
    const page = await call('getEntityPage', { id: desk.lena.id });
    // The council article counts for nothing: Lena is only suggested there.
    expect(page.coMentioned.map(({ name, articles, mentions }) => [name, articles, mentions])).toEqual([
      ['Islay', 1, 1],
      ['Port Ellen Harbour Trust', 1, 1],
    ]);
    expect(page.coMentionedTotal).toBe(2);
    const islay = await call('getEntityPage', { id: desk.islay.id });
    expect(islay).toMatchObject({ mentions: 2, mentionArticles: 2 });
    // Lena's mentions in the visit article (Ortiz, Lena Ortiz needing review) count; her suggestion in the council article does not.
    expect(islay.coMentioned.map(({ name, articles, mentions }) => [name, articles, mentions])).toEqual([['Lena Ortiz', 1, 2]]);
  });

  it('draws the timeline by import day, with the empty days between', async () => {
    const { timeline } = await call('getEntityPage', { id: desk.lena.id });
    expect(timeline.unit).toBe('day');
    expect(timeline.buckets).toHaveLength(16);
    expect(timeline.buckets[0]).toEqual({ start: '2026-01-05', mentions: 1, articles: 1 });
    expect(timeline.buckets[15]).toEqual({ start: '2026-01-20', mentions: 2, articles: 1 });
    expect(timeline.buckets.reduce((sum, bucket) => sum + bucket.mentions, 0)).toBe(3);
    // Islay spans January to March: bars of a week, Mondays.
    const islay = await call('getEntityPage', { id: desk.islay.id });
    expect(islay.timeline.unit).toBe('week');
    expect(islay.timeline.buckets[0]).toEqual({ start: '2026-01-19', mentions: 1, articles: 1 });
    expect(islay.timeline.buckets.at(-1)).toEqual({ start: '2026-03-02', mentions: 1, articles: 1 });
  });

  it('pages the mentions newest article first, in text order, each with its sentence', async () => {
    const first = await call('listEntityMentions', { id: desk.lena.id, limit: 2 });
    expect(first).toMatchObject({ total: 3, articles: 2, offset: 0 });
    expect(first.rows.map((row) => [row.articleTitle, row.text, row.sentence, row.status, row.articleMentions])).toEqual([
      ['Chair visits the island', 'Ortiz', 'Ortiz visited Islay on Monday.', 'accepted', 2],
      ['Chair visits the island', 'Lena Ortiz', 'Lena Ortiz smiled.', 'needs_review', 2],
    ]);
    const second = await call('listEntityMentions', { id: desk.lena.id, offset: 2, limit: 2 });
    expect(second.rows.map((row) => [row.articleId, row.annotationId, row.sentence, row.articleDate])).toEqual([
      [desk.harbour.id, 'm1', 'Lena Ortiz said the trust would rebuild the walls.', '2026-01-05T09:00:00.000Z'],
    ]);
  });

  it('lists what the entity is quoted as saying, with mode and medium', async () => {
    const quotes = await call('listEntityQuotes', { id: desk.lena.id });
    expect(quotes).toMatchObject({ total: 2, articles: 2 });
    expect(quotes.rows.map((row) => [row.articleTitle, row.annotationId, row.words, row.mode, row.medium, row.mediumEntityId])).toEqual([
      ['Chair visits the island', 'q2', 'We start in May', 'direct', 'AFP', null],
      ['Harbour trust to rebuild walls', 'q1', 'the trust would rebuild the walls', 'indirect', 'AFP', desk.afp.id],
    ]);
  });

  it('says when the entity is not in the registry, and refuses pages too large', async () => {
    const missing = await dispatchApiCall(services.handlers, 'getEntityPage', { id: 'ent_nope' }, () => undefined);
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    const tooLarge = await dispatchApiCall(services.handlers, 'listEntityMentions', { id: desk.lena.id, limit: 100_000 });
    expect(tooLarge.ok ? null : tooLarge.error.code).toBe('invalid_argument');
  });
});

describe('review queue', () => {
  it('holds the tags needing review and the suggestions, newest article first, with their reasons', async () => {
    const queue = await call('listReviewQueue', {});
    expect(queue).toMatchObject({ total: 4, needsReview: 2, suggested: 2, articles: 3, offset: 0 });
    expect(queue.items.map((item) => [item.index, item.articleTitle, item.annotationId, item.kind, item.label, item.words, item.cause.status, item.author])).toEqual([
      [0, 'Island council meets', 'm6', 'entity', 'person', 'Lena Ortiz', 'suggested', 'suggestions'],
      [1, 'Island council meets', 'f2', 'figure', 'figure', '£4m', 'needs_review', 'desk editor'],
      [2, 'Chair visits the island', 'm5', 'entity', 'person', 'Lena Ortiz', 'needs_review', 'desk editor'],
      [3, 'Harbour trust to rebuild walls', 'f1', 'figure', 'figure', '£3m', 'suggested', 'suggestions'],
    ]);
    expect(queue.items[1]!.cause).toEqual({ status: 'needs_review', reason: 'figure_changed', detail: '£3m → £4m' });
    expect(queue.items[1]!.sentence).toBe('The repairs cost £4m.');
    expect(queue.items[2]!.sentence).toBe('Lena Ortiz smiled.');
    expect(new Map(queue.itemArticles.map((article) => [article.articleId, [article.needsReview, article.suggested]]))).toEqual(
      new Map([
        [desk.council.id, [1, 1]],
        [desk.visit.id, [1, 0]],
        [desk.harbour.id, [0, 1]],
      ]),
    );
  });

  it('filters by state and kind, pages with counts of the whole, and keeps to the selection', async () => {
    const review = await call('listReviewQueue', { show: 'needs_review' });
    expect(review).toMatchObject({ total: 2, needsReview: 2, suggested: 0, articles: 2 });
    const figures = await call('listReviewQueue', { kind: 'figure' });
    expect(figures.items.map((item) => item.annotationId)).toEqual(['f2', 'f1']);
    const page = await call('listReviewQueue', { offset: 2, limit: 1 });
    expect(page).toMatchObject({ total: 4, offset: 2 });
    expect(page.items.map((item) => [item.index, item.annotationId])).toEqual([[2, 'm5']]);
    const selected = await call('listReviewQueue', { selection: { query: 'island' } });
    expect(selected).toMatchObject({ total: 3, articles: 2 });
    const byEntity = await call('listReviewQueue', { selection: { entityId: desk.trust.id } });
    expect(byEntity.items.map((item) => item.annotationId)).toEqual(['f1']);
  });

  it('drops a tag from the queue once it is accepted', async () => {
    const article = await call('getArticle', { id: desk.visit.id });
    const doc = article.doc as { attrs: { annotations: Record<string, { status: string; review?: unknown }> } };
    doc.attrs.annotations.m5 = { ...doc.attrs.annotations.m5!, status: 'accepted', review: null };
    await call('saveArticle', { id: desk.visit.id, baseRevision: article.revision, doc });
    const queue = await call('listReviewQueue', {});
    expect(queue).toMatchObject({ total: 3, needsReview: 1, articles: 2 });
    expect((await call('getEntityPage', { id: desk.lena.id })).mentions).toBe(3);
  });
});
