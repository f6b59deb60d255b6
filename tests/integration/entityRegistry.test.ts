import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { EntityWithCounts, ResolvedEntity } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { createArticle } from '../../main/services/articleWriter';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore } from '../../main/store/index';
import { apiCalls, articleJson, attributionRecord, entityRecord, makeTempDir } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call } = apiCalls(() => services);

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
});
afterEach(() => {
  services.close();
  temp.remove();
});

function addEntity(name: string, type: 'person' | 'organisation', aliases: string[]): string {
  const id = `ent_${name.replace(/\W/g, '').toLowerCase()}`;
  createStore(services.db).entities.insert({ id, name, type, aliases, externalIds: { wikidata: 'Q1' }, description: '', createdAt: 'now', updatedAt: 'now' });
  return id;
}

describe('resolveEntity', () => {
  it('creates an entity for a new name, then finds it again by its name whatever the case and spacing', async () => {
    const created = await call<ResolvedEntity>('resolveEntity', { name: '  Wael   Alwan ', type: 'person' });
    expect(created.matchedBy).toBeNull();
    expect(created.entity).toMatchObject({ name: 'Wael Alwan', type: 'person', aliases: [], externalIds: {}, description: '' });

    const again = await call<ResolvedEntity>('resolveEntity', { name: 'wael ALWAN', type: 'person' });
    expect(again).toEqual({ entity: created.entity, matchedBy: 'name' });
    // The same words as another type are another entity: "Jordan" the person is not Jordan the place.
    const place = await call<ResolvedEntity>('resolveEntity', { name: 'Wael Alwan', type: 'place' });
    expect(place.matchedBy).toBeNull();
    expect(place.entity.id).not.toBe(created.entity.id);
  });

  it('finds an entity by one of its aliases, with typographic apostrophes matching plain ones', async () => {
    const id = addEntity('Faylaq al-Rahman', 'organisation', ['Failaq al Rahman', "Rahman's Legion"]);
    expect(await call<ResolvedEntity>('resolveEntity', { name: 'failaq AL rahman', type: 'organisation' })).toMatchObject({
      entity: { id, name: 'Faylaq al-Rahman', aliases: ['Failaq al Rahman', "Rahman's Legion"], externalIds: { wikidata: 'Q1' } },
      matchedBy: 'alias',
    });
    expect(await call<ResolvedEntity>('resolveEntity', { name: 'Rahman’s Legion', type: 'organisation' })).toMatchObject({ entity: { id }, matchedBy: 'alias' });
    expect(await call<ResolvedEntity>('resolveEntity', { name: 'Failaq', type: 'organisation' })).toMatchObject({ matchedBy: null });
  });

  it('stores names that look like markup as the text they are', async () => {
    const name = `<img src=x onerror=alert(1)> O'Hara "the \\ slash"`;
    const { entity } = await call<ResolvedEntity>('resolveEntity', { name, type: 'person' });
    expect(entity.name).toBe(name);
    expect((await call<EntityWithCounts[]>('listEntities', { query: '<img' }))[0]!.name).toBe(name);
  });
});

describe('listEntities', () => {
  it('counts mentions and the articles they are in, and searches names and aliases', async () => {
    const ortiz = addEntity('Lena Ortiz', 'person', ['Ortiz']);
    const trust = addEntity('Harbour Trust', 'organisation', ['The 100% Trust']);
    const unmentioned = addEntity('Mira Sol', 'person', []);
    const store = createStore(services.db);
    const first: AnnotationMap = {
      quote: attributionRecord('quote', 'We start in May,', 'Lena Ortiz', ortiz),
      full: entityRecord('full', 'Lena Ortiz', 'person', ortiz),
      short: entityRecord('short', 'Ortiz', 'person', ortiz),
      trust: entityRecord('trust', 'Harbour Trust', 'organisation', trust),
    };
    createArticle(store, {
      source: '',
      doc: parseArticleDocument(articleJson([
        { type: 'headline', text: 'Harbour walls' },
        { type: 'paragraph', text: '"We start in May," said Lena Ortiz.', tags: [{ id: 'quote', text: 'We start in May,' }, { id: 'full', text: 'Lena Ortiz' }] },
        { type: 'paragraph', text: 'Ortiz chairs the Harbour Trust.', tags: [{ id: 'short', text: 'Ortiz' }, { id: 'trust', text: 'Harbour Trust' }] },
      ], first)),
    }, 'now');
    const second = createArticle(store, {
      source: '',
      doc: parseArticleDocument(articleJson([
        { type: 'headline', text: 'Ortiz backs walls', tags: [{ id: 'again', text: 'Ortiz' }] },
        { type: 'paragraph', text: 'Work starts in May.' },
      ], {
        again: entityRecord('again', 'Ortiz', 'person', ortiz),
      })),
    }, 'now');

    const counts = (list: EntityWithCounts[]) => list.map((entity) => [entity.name, entity.mentionCount, entity.articleCount]);
    expect(counts(await call('listEntities', {}))).toEqual([
      ['Harbour Trust', 1, 1],
      ['Lena Ortiz', 3, 2],
      ['Mira Sol', 0, 0],
    ]);
    expect((await call<EntityWithCounts[]>('listEntities', { query: 'ORTIZ' })).map((entity) => entity.id)).toEqual([ortiz]);
    // Found through its alias; and "%" is a character to look for, not a wildcard.
    expect((await call<EntityWithCounts[]>('listEntities', { query: '100%' })).map((entity) => entity.id)).toEqual([trust]);
    expect((await call<EntityWithCounts[]>('listEntities', { query: '%' })).map((entity) => entity.id)).toEqual([trust]);
    expect((await call<EntityWithCounts[]>('listEntities', { query: 'sol', limit: 5 })).map((entity) => entity.id)).toEqual([unmentioned]);
    expect(await call<EntityWithCounts[]>('listEntities', { limit: 1 })).toHaveLength(1);

    await call('deleteArticle', { id: second.id });
    expect(counts(await call('listEntities', { query: 'lena' }))).toEqual([['Lena Ortiz', 2, 1]]);
  });
});
