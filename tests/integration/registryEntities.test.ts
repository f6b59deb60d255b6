import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap, AttributionAnnotation } from '../../common/model/annotation';
import type { EntityDetail, EntityRecord, EntityTypeCount, EntityWithCounts, ResolvedEntity } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { openServices } from '../../main/services/index';
import { createStore, listAnnotations } from '../../main/store/index';
import { applyMigrations, loadMigrations } from '../../main/store/migrations';
import { documentRecords, expectRowsMatchDocument, openRegistryTestServices, type RegistryTestServices } from './registryFixtures';
import { articleJson, attributionRecord, entityRecord, makeTempDir } from './storeFixtures';

let registry: RegistryTestServices;
beforeEach(() => {
  registry = openRegistryTestServices();
});
afterEach(() => registry.close());

const create = (input: Record<string, unknown>) => registry.call<EntityRecord>('createEntity', input);
const detail = (id: string) => registry.call<EntityDetail>('getEntity', { id });
const list = (input: Record<string, unknown>) => registry.call<EntityWithCounts[]>('listEntities', input);

describe('createEntity and updateEntity', () => {
  it('stores names, aliases and descriptions as the text given, markup, quotes and backslashes included', async () => {
    const name = `<img src=x onerror=alert(1)>`;
    const alias = `"quoted" O'Brien’s \\ back\\slash`;
    const description = `<script>alert("x")</script> & 'single' \\n not a newline`;
    const created = await create({ name, type: 'other', aliases: [alias], description });
    expect(created).toMatchObject({ name, aliases: [alias], description, externalIds: {} });
    expect(await detail(created.id)).toMatchObject({ name, aliases: [alias], description, mentions: [], mentionCount: 0, articleCount: 0 });
    expect((await list({ query: `o'brien’s \\ back` })).map((entity) => entity.id)).toEqual([created.id]);

    const renamed = await registry.call<EntityRecord>('updateEntity', { id: created.id, name: `Tom & "Jerry" \\o/` });
    expect(renamed).toMatchObject({ name: `Tom & "Jerry" \\o/`, aliases: [alias], description });
  });

  it('keeps each alias once, ignoring case and spacing, and never the canonical name itself', async () => {
    const entity = await create({
      name: 'Vladimir Zolotukhin',
      type: 'person',
      aliases: ['Zolotukhin', 'ZOLOTUKHIN', 'vladimir  zolotukhin', 'Major General Vladimir Zolotukhin', ' Zolotukhin '],
      externalIds: { wikidata: 'Q4115189' },
    });
    expect(entity.aliases).toEqual(['Zolotukhin', 'Major General Vladimir Zolotukhin']);
    expect(entity.externalIds).toEqual({ wikidata: 'Q4115189' });

    const updated = await registry.call<EntityRecord>('updateEntity', { id: entity.id, aliases: ['Gen. Zolotukhin', 'gen. zolotukhin', 'Vladimir Zolotukhin'] });
    expect(updated.aliases).toEqual(['Gen. Zolotukhin']);
    // Renaming to an alias drops that alias; the other fields stay as they were.
    const renamed = await registry.call<EntityRecord>('updateEntity', { id: entity.id, name: 'gen. ZOLOTUKHIN' });
    expect(renamed).toMatchObject({ name: 'gen. ZOLOTUKHIN', aliases: [], externalIds: { wikidata: 'Q4115189' }, type: 'person', createdAt: entity.createdAt });
    expect(renamed.updatedAt >= entity.updatedAt).toBe(true);
  });

  it('refuses malformed input with typed errors', async () => {
    expect(await registry.callError('createEntity', { name: '   ', type: 'person' })).toMatchObject({ code: 'invalid_argument' });
    expect(await registry.callError('createEntity', { name: 'Douma', type: 'town' })).toMatchObject({ code: 'invalid_argument' });
    expect(await registry.callError('createEntity', { name: 'Douma', type: 'place', externalIds: { wikidata: 'douma' } })).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('Q42'),
    });
    expect(await registry.callError('updateEntity', { id: 'ent_missing', name: 'Douma' })).toMatchObject({ code: 'not_found' });
    expect(await registry.callError('getEntity', { id: 'ent_missing' })).toMatchObject({ code: 'not_found' });
  });

  it('allows a name shared with another entity, and resolveEntity then prefers the exact canonical name', async () => {
    // The older entity holds "Jordan" as an alias; the newer one is named so. Both are places.
    const river = await create({ name: 'Jordan River', type: 'place', aliases: ['Jordan'] });
    const country = await create({ name: 'Jordan', type: 'place' });
    expect(await registry.call<ResolvedEntity>('resolveEntity', { name: 'jordan', type: 'place' })).toMatchObject({ entity: { id: country.id }, matchedBy: 'name' });
    // Two entities whose names differ only in case: the one spelled as asked wins, whichever is older.
    const lower = await create({ name: 'al-Bab', type: 'place' });
    const upper = await create({ name: 'Al-Bab', type: 'place' });
    expect((await registry.call<ResolvedEntity>('resolveEntity', { name: 'Al-Bab', type: 'place' })).entity.id).toBe(upper.id);
    expect((await registry.call<ResolvedEntity>('resolveEntity', { name: 'al-Bab', type: 'place' })).entity.id).toBe(lower.id);
    expect((await list({ query: 'jordan' })).map((entity) => entity.id).sort()).toEqual([river.id, country.id].sort());
  });
});

describe('listEntities', () => {
  it('filters by type and matches names and aliases without case, with % and _ taken literally', async () => {
    const douma = await create({ name: 'Douma', type: 'place', aliases: ['Duma'] });
    const army = await create({ name: 'Jaish al Islam', type: 'organisation', aliases: ['Army_of_Islam'] });
    const percent = await create({ name: '100% Club', type: 'organisation' });
    const person = await create({ name: 'Mohammed Alloush', type: 'person' });

    expect((await list({})).map((entity) => entity.name)).toEqual(['100% Club', 'Douma', 'Jaish al Islam', 'Mohammed Alloush']);
    expect((await list({ type: 'organisation' })).map((entity) => entity.id)).toEqual([percent.id, army.id]);
    expect((await list({ type: 'organisation', query: 'ISLAM' })).map((entity) => entity.id)).toEqual([army.id]);
    expect((await list({ type: 'person', query: 'islam' })).map((entity) => entity.id)).toEqual([]);
    expect((await list({ query: 'DUMA' })).map((entity) => entity.id)).toEqual([douma.id]);
    expect((await list({ query: 'y_of' })).map((entity) => entity.id)).toEqual([army.id]);
    // "_" and "%" are characters to look for, not wildcards.
    expect((await list({ query: '_' })).map((entity) => entity.id)).toEqual([army.id]);
    expect((await list({ query: 'a%' })).map((entity) => entity.id)).toEqual([]);
    expect((await list({ query: '0%' })).map((entity) => entity.id)).toEqual([percent.id]);
    expect((await list({ query: 'alloush', type: 'person', limit: 1 })).map((entity) => entity.id)).toEqual([person.id]);
  });
});

describe('getEntity', () => {
  it('lists every mention across articles with its sentence, offset, article title and status; quoting is not mentioning', async () => {
    const ortiz = await create({ name: 'Lena Ortiz', type: 'person', aliases: ['Ortiz'] });
    const first = registry.addArticle(
      [
        { type: 'headline', text: 'Ortiz wins harbour grant', tags: [{ id: 'inHeadline', text: 'Ortiz' }] },
        { type: 'paragraph', text: 'Work starts soon! "We start in May," said Lena Ortiz, the chair. Is it late? Not at all.', tags: [{ id: 'quote', text: 'We start in May,' }, { id: 'full', text: 'Lena Ortiz' }] },
      ],
      {
        inHeadline: entityRecord('inHeadline', 'Ortiz', 'person', ortiz.id),
        full: entityRecord('full', 'Lena Ortiz', 'person', ortiz.id),
        quote: attributionRecord('quote', 'We start in May,', 'Lena Ortiz', ortiz.id),
      },
      '2024-01-01T00:00:00.000Z',
    );
    const second = registry.addArticle(
      [
        { type: 'headline', text: 'Harbour walls' },
        { type: 'paragraph', text: 'The trust met. Ortiz chaired it.', tags: [{ id: 'short', text: 'Ortiz' }] },
      ],
      { short: { ...entityRecord('short', 'Ortiz', 'person', ortiz.id), status: 'needs_review' }, lost: { ...entityRecord('lost', 'L. Ortiz', 'person', ortiz.id), status: 'needs_review' } },
      '2024-02-01T00:00:00.000Z',
    );

    const found = await detail(ortiz.id);
    const inList = (await list({ query: 'ortiz' }))[0]!;
    expect([found.mentionCount, found.articleCount]).toEqual([4, 2]);
    expect([inList.mentionCount, inList.articleCount]).toEqual([found.mentionCount, found.articleCount]);
    expect(found.mentions).toHaveLength(found.mentionCount);
    // Newest article first; in text order within one; a mention that lost its words last, with no sentence.
    expect(found.mentions).toEqual([
      { articleId: second.id, articleTitle: 'Harbour walls', annotationId: 'short', text: 'Ortiz', sentence: 'Ortiz chaired it.', start: 'Harbour walls\n\nThe trust met. '.length, status: 'needs_review' },
      { articleId: second.id, articleTitle: 'Harbour walls', annotationId: 'lost', text: 'L. Ortiz', sentence: '', start: -1, status: 'needs_review' },
      { articleId: first.id, articleTitle: 'Ortiz wins harbour grant', annotationId: 'inHeadline', text: 'Ortiz', sentence: 'Ortiz wins harbour grant', start: 0, status: 'accepted' },
      {
        articleId: first.id,
        articleTitle: 'Ortiz wins harbour grant',
        annotationId: 'full',
        text: 'Lena Ortiz',
        sentence: '"We start in May," said Lena Ortiz, the chair.',
        start: 'Ortiz wins harbour grant\n\nWork starts soon! "We start in May," said '.length,
        status: 'accepted',
      },
    ]);
  });

  it('gives a mention that crosses an abbreviation both halves of the sentence', async () => {
    const army = await create({ name: 'U.S. Army', type: 'organisation' });
    registry.addArticle(
      [{ type: 'headline', text: 'Drills' }, { type: 'paragraph', text: 'Drills began. The U.S. Army said so.', tags: [{ id: 'army', text: 'U.S. Army' }] }],
      { army: entityRecord('army', 'U.S. Army', 'organisation', army.id) },
    );
    expect((await detail(army.id)).mentions[0]).toMatchObject({ text: 'U.S. Army', sentence: 'The U.S. Army said so.' });
  });
});

describe('entityTypeCounts', () => {
  it('counts entities per type and the distinct articles that mention any entity of the type', async () => {
    const douma = await create({ name: 'Douma', type: 'place' });
    const harasta = await create({ name: 'Harasta', type: 'place' });
    await create({ name: 'Saqba', type: 'place' });
    const alwan = await create({ name: 'Wael Alwan', type: 'person' });
    const both = { douma: entityRecord('douma', 'Douma', 'place', douma.id), harasta: entityRecord('harasta', 'Harasta', 'place', harasta.id) };
    registry.addArticle([{ type: 'headline', text: 'Douma and Harasta', tags: [{ id: 'douma', text: 'Douma' }, { id: 'harasta', text: 'Harasta' }] }, { type: 'paragraph', text: 'Text.' }], both);
    registry.addArticle([{ type: 'headline', text: 'Douma again', tags: [{ id: 'douma', text: 'Douma' }] }, { type: 'paragraph', text: 'Text.' }], { douma: both.douma });
    // Quoted but not mentioned: no article for people.
    registry.addArticle([{ type: 'headline', text: 'Quote' }, { type: 'paragraph', text: '"No talks."', tags: [{ id: 'q', text: 'No talks.' }] }], {
      q: attributionRecord('q', 'No talks.', 'Wael Alwan', alwan.id),
    });

    expect(await registry.call<EntityTypeCount[]>('entityTypeCounts', {})).toEqual([
      { type: 'person', entities: 1, articles: 0 },
      { type: 'organisation', entities: 0, articles: 0 },
      { type: 'place', entities: 3, articles: 2 },
      { type: 'event', entities: 0, articles: 0 },
      { type: 'other', entities: 0, articles: 0 },
    ]);
  });
});

describe('deleteEntity', () => {
  it('unlinks mentions, quoted speakers and media in documents and rows, and gives the articles a new revision', async () => {
    const interfax = await create({ name: 'Interfax', type: 'organisation' });
    const other = await create({ name: 'AFP', type: 'organisation' });
    const quote: AttributionAnnotation = { ...attributionRecord('quote', 'Calm returned.', 'Interfax', interfax.id), mediumEntityId: interfax.id, medium: 'Interfax' };
    const records: AnnotationMap = {
      name: entityRecord('name', 'Interfax', 'organisation', interfax.id),
      afp: entityRecord('afp', 'AFP', 'organisation', other.id),
      quote,
    };
    const article = registry.addArticle(
      [{ type: 'headline', text: 'Calm' }, { type: 'paragraph', text: '"Calm returned." Interfax and AFP reported it.', tags: [{ id: 'quote', text: 'Calm returned.' }, { id: 'name', text: 'Interfax' }, { id: 'afp', text: 'AFP' }] }],
      records,
    );
    const untouched = registry.addArticle([{ type: 'headline', text: 'AFP only', tags: [{ id: 'afp', text: 'AFP' }] }, { type: 'paragraph', text: 'Text.' }], { afp: records.afp! });
    const before = await documentRecords(registry, article.id);

    expect(await registry.call('deleteEntity', { id: interfax.id })).toEqual({ deleted: true, unlinkedMentions: 1 });

    const after = await documentRecords(registry, article.id);
    expect(after.revision).toBe(before.revision + 1);
    const stored = await expectRowsMatchDocument(registry, article.id);
    expect(stored.name).toEqual({ ...records.name, entityId: null });
    expect(stored.quote).toEqual({ ...quote, speaker: { ...quote.speaker!, entityId: null }, mediumEntityId: null });
    expect(stored.afp).toEqual(records.afp);
    expect((await documentRecords(registry, untouched.id)).revision).toBe(1);
    expect(await registry.callError('getEntity', { id: interfax.id })).toMatchObject({ code: 'not_found' });
    expect(await registry.callError('deleteEntity', { id: interfax.id })).toMatchObject({ code: 'not_found' });
    // An editor still holding the old revision is told, rather than writing the link back.
    expect(await registry.callError('saveArticle', { id: article.id, baseRevision: before.revision, doc: before.doc })).toMatchObject({ code: 'conflict' });
  });

  it('also finds the media of attributions saved before media were indexed (a database from version 0002)', async () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, 'old.sqlite');
      const old = new Database(path);
      applyMigrations(old, loadMigrations().slice(0, 2));
      // Written with the old schema's columns, as that version of the app did.
      old.prepare("INSERT INTO entities (id, name, name_key, type, created_at, updated_at) VALUES ('ent_tass', 'TASS', 'tass', 'organisation', 'then', 'then')").run();
      const quote: AttributionAnnotation = { ...attributionRecord('quote', 'Talks failed', 'a negotiator', null), medium: 'TASS', mediumEntityId: 'ent_tass' };
      const doc = parseArticleDocument(articleJson([{ type: 'headline', text: 'Talks' }, { type: 'paragraph', text: '"Talks failed," TASS said.', tags: [{ id: 'quote', text: 'Talks failed' }] }], { quote }));
      old.prepare(
        "INSERT INTO articles (id, title, doc_json, plain_text, created_at, updated_at) VALUES ('art_old', 'Talks', ?, 'Talks\n\n\"Talks failed,\" TASS said.', 'then', 'then')",
      ).run(JSON.stringify(doc.toJSON()));
      old.prepare(
        "INSERT INTO annotations (article_id, id, kind, status, label, quote, start_offset, end_offset, spans_json, record_json, author, created_at, updated_at) VALUES ('art_old', 'quote', 'attribution', 'accepted', 'attribution', 'Talks failed', 8, 20, '[]', ?, 'tester', 'then', 'then')",
      ).run(JSON.stringify(quote));
      old.close();

      const services = openServices({ databasePath: path });
      try {
        const result = await services.handlers.deleteEntity({ id: 'ent_tass' });
        expect(result).toEqual({ deleted: true, unlinkedMentions: 0 });
        const article = await services.handlers.getArticle({ id: 'art_old' });
        expect((article.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations.quote).toMatchObject({ medium: 'TASS', mediumEntityId: null });
        expect(article.revision).toBe(2);
      } finally {
        services.close();
      }
    } finally {
      temp.remove();
    }
  });
});

describe('updateEntity changing the type', () => {
  it('retypes the mentions in documents and rows, marks included, under a new revision', async () => {
    const ghouta = await create({ name: 'Ghouta', type: 'organisation' });
    const article = registry.addArticle(
      [{ type: 'headline', text: 'Ghouta' }, { type: 'paragraph', text: 'Eastern Ghouta was shelled.', tags: [{ id: 'g', text: 'Ghouta' }] }],
      { g: entityRecord('g', 'Ghouta', 'organisation', ghouta.id) },
    );
    await registry.call('updateEntity', { id: ghouta.id, type: 'place' });
    const stored = await documentRecords(registry, article.id);
    expect(stored.revision).toBe(2);
    expect((await expectRowsMatchDocument(registry, article.id)).g).toMatchObject({ entityType: 'place', entityId: ghouta.id });
    const doc = parseArticleDocument(stored.doc);
    const labels = new Set<string>();
    doc.descendants((node) => {
      for (const mark of node.marks) labels.add(String(mark.attrs.label));
    });
    expect([...labels]).toEqual(['place']);
    expect(listAnnotations(createStore(registry.services.db), article.id)[0]!.label).toBe('place');
    // A change of anything but the type leaves the articles alone.
    await registry.call('updateEntity', { id: ghouta.id, description: 'Farmland around Damascus' });
    expect((await documentRecords(registry, article.id)).revision).toBe(2);
  });
});
