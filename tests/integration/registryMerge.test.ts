import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap, AttributionAnnotation } from '../../common/model/annotation';
import type { EntityDetail, EntityMergeResult, EntityRecord, EntityWithCounts } from '../../common/api';
import { documentRecords, expectRowsMatchDocument, openRegistryTestServices, type RegistryTestServices } from './registryFixtures';
import { attributionRecord, entityRecord } from './storeFixtures';

let registry: RegistryTestServices;
beforeEach(() => {
  registry = openRegistryTestServices();
});
afterEach(() => registry.close());

const create = (input: Record<string, unknown>) => registry.call<EntityRecord>('createEntity', input);
const detail = (id: string) => registry.call<EntityDetail>('getEntity', { id });
const merge = (keepId: string, mergeId: string) => registry.call<EntityMergeResult>('mergeEntities', { keepId, mergeId });

// Two spellings of one organisation, mentioned, quoted and cited as a medium across two articles, and a third
// article that mentions neither.
async function twoSpellings() {
  const keep = await create({ name: 'Faylaq al Rahman', type: 'organisation', aliases: ['al-Rahman Legion'], description: 'Rebel group' });
  const other = await create({
    name: 'Failaq al Rahman',
    type: 'organisation',
    aliases: ['Rahman Corps', 'AL-RAHMAN LEGION'],
    externalIds: { wikidata: 'Q4894479', website: 'example.org' },
    description: 'Same group, other spelling',
  });
  const bystander = await create({ name: 'Douma', type: 'place' });
  const quote: AttributionAnnotation = { ...attributionRecord('quote', 'No talks', 'Failaq al Rahman', other.id), medium: 'Failaq al Rahman', mediumEntityId: other.id };
  const firstRecords: AnnotationMap = {
    a: entityRecord('a', 'Faylaq al Rahman', 'organisation', keep.id),
    b: entityRecord('b', 'Failaq al Rahman', 'organisation', other.id),
    quote,
    douma: entityRecord('douma', 'Douma', 'place', bystander.id),
  };
  const first = registry.addArticle(
    [
      { type: 'headline', text: 'Ghouta talks' },
      { type: 'paragraph', text: 'Faylaq al Rahman holds Saqba. "No talks," said Failaq al Rahman in Douma.', tags: [{ id: 'a', text: 'Faylaq al Rahman' }, { id: 'quote', text: 'No talks' }, { id: 'b', text: 'Failaq al Rahman' }, { id: 'douma', text: 'Douma' }] },
    ],
    firstRecords,
    '2024-01-01T00:00:00.000Z',
  );
  const secondRecords: AnnotationMap = { c: entityRecord('c', 'Failaq al Rahman', 'organisation', other.id) };
  const second = registry.addArticle([{ type: 'headline', text: 'Failaq al Rahman denies', tags: [{ id: 'c', text: 'Failaq al Rahman' }] }, { type: 'paragraph', text: 'Text.' }], secondRecords, '2024-01-02T00:00:00.000Z');
  const third = registry.addArticle([{ type: 'headline', text: 'Douma', tags: [{ id: 'd', text: 'Douma' }] }, { type: 'paragraph', text: 'Text.' }], { d: entityRecord('d', 'Douma', 'place', bystander.id) });
  return { keep, other, first, second, third, firstRecords, secondRecords, quote };
}

describe('mergeEntities', () => {
  it('moves every mention, speaker and medium to the kept entity, in documents and rows, under new revisions', async () => {
    const { keep, other, first, second, third, firstRecords, secondRecords, quote } = await twoSpellings();
    const before = await documentRecords(registry, first.id);

    const result = await merge(keep.id, other.id);
    expect(result.movedMentions).toBe(2);
    expect(result.changedArticleIds.sort()).toEqual([first.id, second.id].sort());
    expect(result.undoToken).toEqual(expect.any(String));
    // The other spelling and its aliases become aliases, each once; external ids fill only schemes the kept entity lacks.
    expect(result.entity).toMatchObject({
      id: keep.id,
      name: 'Faylaq al Rahman',
      aliases: ['al-Rahman Legion', 'Failaq al Rahman', 'Rahman Corps'],
      externalIds: { wikidata: 'Q4894479', website: 'example.org' },
      description: 'Rebel group',
    });

    const firstStored = await expectRowsMatchDocument(registry, first.id);
    expect(firstStored).toEqual({
      ...firstRecords,
      b: { ...firstRecords.b, entityId: keep.id },
      quote: { ...quote, speaker: { ...quote.speaker!, entityId: keep.id }, mediumEntityId: keep.id },
    });
    expect(await expectRowsMatchDocument(registry, second.id)).toEqual({ c: { ...secondRecords.c, entityId: keep.id } });
    expect((await documentRecords(registry, first.id)).revision).toBe(before.revision + 1);
    expect((await documentRecords(registry, third.id)).revision).toBe(1);
    expect(await registry.callError('saveArticle', { id: first.id, baseRevision: before.revision, doc: before.doc })).toMatchObject({ code: 'conflict' });

    expect(await registry.callError('getEntity', { id: other.id })).toMatchObject({ code: 'not_found' });
    const kept = await detail(keep.id);
    expect([kept.mentionCount, kept.articleCount]).toEqual([3, 2]);
    expect(kept.mentions.map((mention) => mention.annotationId).sort()).toEqual(['a', 'b', 'c']);
    expect((await registry.call<EntityWithCounts[]>('listEntities', { query: 'rahman corps' })).map((entity) => entity.id)).toEqual([keep.id]);
  });

  it('gives moved mentions the kept entity’s type, and undo gives it back', async () => {
    const place = await create({ name: 'Eastern Ghouta', type: 'place' });
    const wrong = await create({ name: 'East Ghouta', type: 'organisation' });
    const article = registry.addArticle([{ type: 'headline', text: 'East Ghouta', tags: [{ id: 'g', text: 'East Ghouta' }] }, { type: 'paragraph', text: 'Text.' }], {
      g: entityRecord('g', 'East Ghouta', 'organisation', wrong.id),
    });
    const result = await merge(place.id, wrong.id);
    expect((await expectRowsMatchDocument(registry, article.id)).g).toMatchObject({ entityId: place.id, entityType: 'place' });
    await registry.call('undoMerge', { undoToken: result.undoToken });
    expect((await expectRowsMatchDocument(registry, article.id)).g).toMatchObject({ entityId: wrong.id, entityType: 'organisation' });
  });

  it('refuses to merge an entity into itself or with one that does not exist', async () => {
    const keep = await create({ name: 'Douma', type: 'place' });
    expect(await registry.callError('mergeEntities', { keepId: keep.id, mergeId: keep.id })).toMatchObject({ code: 'invalid_argument' });
    expect(await registry.callError('mergeEntities', { keepId: keep.id, mergeId: 'ent_missing' })).toMatchObject({ code: 'not_found' });
    expect(await registry.callError('mergeEntities', { keepId: 'ent_missing', mergeId: keep.id })).toMatchObject({ code: 'not_found' });
  });
});

describe('undoMerge', () => {
  it('restores the merged entity exactly and re-points exactly the links that moved, once', async () => {
    const { keep, other, first, second, firstRecords, secondRecords } = await twoSpellings();
    const keepBefore = await detail(keep.id);
    const otherBefore = await detail(other.id);
    const { undoToken } = await merge(keep.id, other.id);
    const afterMerge = await documentRecords(registry, first.id);

    const { restored } = await registry.call<{ restored: EntityRecord }>('undoMerge', { undoToken });
    const { mentions: _otherMentions, mentionCount: _n, articleCount: _a, ...otherRecord } = otherBefore;
    expect(restored).toEqual(otherRecord);
    expect(await detail(other.id)).toEqual(otherBefore);
    // The kept entity loses what the merge gave it; only its updatedAt says it was touched.
    expect({ ...(await detail(keep.id)), updatedAt: keepBefore.updatedAt }).toEqual(keepBefore);

    expect(await expectRowsMatchDocument(registry, first.id)).toEqual(firstRecords);
    expect(await expectRowsMatchDocument(registry, second.id)).toEqual(secondRecords);
    expect((await documentRecords(registry, first.id)).revision).toBe(afterMerge.revision + 1);
    expect(await registry.callError('saveArticle', { id: first.id, baseRevision: afterMerge.revision, doc: afterMerge.doc })).toMatchObject({ code: 'conflict' });

    expect(await registry.callError('undoMerge', { undoToken })).toMatchObject({ code: 'conflict', message: expect.stringContaining('already been undone') });
    expect(await registry.callError('undoMerge', { undoToken: 'merge_unknown' })).toMatchObject({ code: 'not_found' });
  });

  it('leaves alone a moved mention the editor has relinked or deleted since', async () => {
    const { keep, other, first, second } = await twoSpellings();
    const third = await create({ name: 'Rahman Brigade', type: 'organisation' });
    const { undoToken } = await merge(keep.id, other.id);

    // Since the merge: mention b was relinked to a third entity, and the whole second article was deleted.
    const current = await documentRecords(registry, first.id);
    const doc = structuredClone(current.doc) as { attrs: { annotations: AnnotationMap } };
    doc.attrs.annotations.b = { ...entityRecord('b', 'Failaq al Rahman', 'organisation', third.id) };
    await registry.call('saveArticle', { id: first.id, baseRevision: current.revision, doc });
    await registry.call('deleteArticle', { id: second.id });

    await registry.call('undoMerge', { undoToken });
    const stored = await expectRowsMatchDocument(registry, first.id);
    expect(stored.b).toMatchObject({ entityId: third.id });
    expect(stored.a).toMatchObject({ entityId: keep.id });
    // The quote's speaker and medium had not been touched, so they follow the undo.
    expect(stored.quote).toMatchObject({ speaker: { entityId: other.id }, mediumEntityId: other.id });
    expect((await detail(other.id)).mentionCount).toBe(0);
  });

  it('refuses with the reason when the kept entity has since been deleted or merged away', async () => {
    const { keep, other, first } = await twoSpellings();
    const { undoToken } = await merge(keep.id, other.id);
    const elsewhere = await create({ name: 'Rahman Legion', type: 'organisation' });
    const second = await merge(elsewhere.id, keep.id);
    const error = await registry.callError('undoMerge', { undoToken });
    expect(error).toEqual({
      code: 'conflict',
      message: 'The merge of “Failaq al Rahman” into “Faylaq al Rahman” cannot be undone: “Faylaq al Rahman” has since been deleted or merged into another entity.',
    });
    // Undoing the later merge first brings the kept entity back, and then the first undo works.
    await registry.call('undoMerge', { undoToken: second.undoToken });
    await registry.call('undoMerge', { undoToken });
    const stored = await expectRowsMatchDocument(registry, first.id);
    expect(stored.b).toMatchObject({ entityId: other.id });

    const { undoToken: third } = await merge(keep.id, other.id);
    await registry.call('deleteEntity', { id: keep.id });
    expect(await registry.callError('undoMerge', { undoToken: third })).toMatchObject({ code: 'conflict', message: expect.stringContaining('deleted') });
  });
});
