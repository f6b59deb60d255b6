import { readFileSync } from 'node:fs';
import { Transform } from 'prosemirror-transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleSummary, EntityDetail, EntityMergeResult, EntityWithCounts, ResolvedEntity, SaveResult } from '../../common/api';
import { articleText, parseArticleDocument, textOffsetToDocPosition } from '../../common/articleText';
import { articleSchema } from '../../common/schema';
import { expectRowsMatchDocument, openRegistryTestServices, type RegistryTestServices } from './registryFixtures';
import { entityRecord } from './storeFixtures';

// The sample is read where it lies: its text is not ours to copy into the project.
const samplePath = '/work/shared/samples/ghouta-evacuation.txt';
const spellings = ['Faylaq al Rahman', 'Failaq al Rahman'] as const;

let registry: RegistryTestServices;
beforeEach(() => {
  registry = openRegistryTestServices();
});
afterEach(() => registry.close());

// Imports the sample and tags the first occurrence of each spelling as an organisation, each resolved to an
// entity of its own the way the editor's tagging does, then saves it as an editor would.
async function tagBothSpellings(): Promise<{ articleId: string; entityIds: Record<string, string>; annotationIds: Record<string, string> }> {
  const bytesBase64 = readFileSync(samplePath).toString('base64');
  const summary = await registry.call<ArticleSummary>('importFile', { fileName: 'ghouta-evacuation.txt', bytesBase64 });
  const article = await registry.call<ArticleRecord>('getArticle', { id: summary.id });
  const doc = parseArticleDocument(article.doc);
  const text = articleText(doc);
  const tr = new Transform(doc);
  const records: AnnotationMap = {};
  const entityIds: Record<string, string> = {};
  const annotationIds: Record<string, string> = {};
  for (const [index, name] of spellings.entries()) {
    const start = text.text.indexOf(name);
    expect(start).toBeGreaterThanOrEqual(0);
    const from = textOffsetToDocPosition(text, start)!;
    const to = textOffsetToDocPosition(text, start + name.length)!;
    const resolved = await registry.call<ResolvedEntity>('resolveEntity', { name, type: 'organisation' });
    expect(resolved.matchedBy).toBeNull();
    const id = `ann_rahman${index}`;
    records[id] = entityRecord(id, name, 'organisation', resolved.entity.id);
    tr.addMark(from, to, articleSchema.marks.annotation!.create({ id, kind: 'entity', label: 'organisation', part: 'content' }));
    entityIds[name] = resolved.entity.id;
    annotationIds[name] = id;
  }
  tr.setDocAttribute('annotations', records);
  await registry.call<SaveResult>('saveArticle', { id: summary.id, baseRevision: article.revision, doc: tr.doc.toJSON() });
  return { articleId: summary.id, entityIds, annotationIds };
}

async function linkedEntities(articleId: string): Promise<Record<string, string | null>> {
  const records = await expectRowsMatchDocument(registry, articleId);
  return Object.fromEntries(Object.values(records).map((record) => [record.quote, record.kind === 'entity' ? record.entityId : null]));
}

describe('the sample article: Faylaq al Rahman and Failaq al Rahman', () => {
  it('merges the two spellings into one organisation, and undo makes them two again', async () => {
    const { articleId, entityIds, annotationIds } = await tagBothSpellings();
    const [faylaq, failaq] = [entityIds[spellings[0]]!, entityIds[spellings[1]]!];
    expect(await linkedEntities(articleId)).toEqual({ [spellings[0]]: faylaq, [spellings[1]]: failaq });
    expect((await registry.call<EntityWithCounts[]>('listEntities', { query: 'al rahman', type: 'organisation' })).map((entity) => entity.mentionCount)).toEqual([1, 1]);

    const merged = await registry.call<EntityMergeResult>('mergeEntities', { keepId: faylaq, mergeId: failaq });
    expect(merged).toMatchObject({ entity: { id: faylaq, name: 'Faylaq al Rahman', aliases: ['Failaq al Rahman'] }, movedMentions: 1, changedArticleIds: [articleId] });
    expect(await linkedEntities(articleId)).toEqual({ [spellings[0]]: faylaq, [spellings[1]]: faylaq });
    const organisations = await registry.call<EntityWithCounts[]>('listEntities', { query: 'al rahman', type: 'organisation' });
    expect(organisations.map((entity) => [entity.name, entity.aliases, entity.mentionCount, entity.articleCount])).toEqual([['Faylaq al Rahman', ['Failaq al Rahman'], 2, 1]]);
    // Each mention is shown in its own sentence of the sample.
    const detail = await registry.call<EntityDetail>('getEntity', { id: faylaq });
    expect(detail.mentions.map((mention) => mention.annotationId)).toEqual([annotationIds[spellings[1]], annotationIds[spellings[0]]]);
    for (const mention of detail.mentions) {
      expect(mention.sentence).toContain(mention.text);
      expect(mention.sentence).not.toContain('\n');
      expect(mention.sentence.length).toBeLessThan(300);
    }
    expect(detail.mentions[1]!.sentence).toMatch(/^All three towns are controlled by opposition group Faylaq al Rahman, .*regime\.$/);
    // Tagging the other spelling again now links to the merged entity through its new alias.
    expect(await registry.call<ResolvedEntity>('resolveEntity', { name: 'failaq al rahman', type: 'organisation' })).toMatchObject({ entity: { id: faylaq }, matchedBy: 'alias' });

    await registry.call('undoMerge', { undoToken: merged.undoToken });
    expect(await linkedEntities(articleId)).toEqual({ [spellings[0]]: faylaq, [spellings[1]]: failaq });
    const again = await registry.call<EntityWithCounts[]>('listEntities', { query: 'al rahman', type: 'organisation' });
    expect(again.map((entity) => [entity.name, entity.aliases, entity.mentionCount])).toEqual([
      ['Failaq al Rahman', [], 1],
      ['Faylaq al Rahman', [], 1],
    ]);
  });
});
