import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { demoArticleSource } from '../../common/api';
import {
  newId,
  type AnnotationMap,
  type AttributionAnnotation,
  type EntityAnnotation,
  type EntityType,
  type FigureAnnotation,
  type FigureFields,
} from '../../common/model/annotation';
import { parseArticleDocument } from '../../common/articleText';
import { articleSchema, type BlockTypeName } from '../../common/schema';
import type { Store } from '../store/index';
import { createArticle } from './articleWriter';
import { taggedBlock, type BlockTag } from './taggedBlock';

/**
 * The demo article a new user finds on the first start: a short, fictional local story written for this
 * project, already tagged with every kind of annotation (nested entities, figures of several kinds, a split
 * direct quote, an indirect quote from an anonymous source, a quote attributed through an alias), its
 * entities linked to the registry.
 */

// Records that the demo was offered once, so deleting it does not bring it back.
const demoSeededPreference = 'demoArticleSeeded';

const demoAuthor = 'Newsroom Annotator';

interface DemoEntity {
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
}

const demoEntities: DemoEntity[] = [
  { key: 'millbrook', name: 'Millbrook', type: 'place', aliases: [], description: 'A fictional riverside town (demo).' },
  { key: 'library', name: 'Millbrook Public Library', type: 'organisation', aliases: ['Millbrook library'], description: 'The town library (demo).' },
  { key: 'river', name: 'Alder River', type: 'place', aliases: [], description: 'The river through Millbrook (demo).' },
  { key: 'council', name: 'Millbrook City Council', type: 'organisation', aliases: ['Millbrook council'], description: 'The town council (demo).' },
  { key: 'whitfield', name: 'Dana Whitfield', type: 'person', aliases: ['Whitfield'], description: 'Director of Millbrook Public Library (demo).' },
  { key: 'engineers', name: 'Harbor & Vane Associates', type: 'organisation', aliases: [], description: 'An engineering firm (demo).' },
  { key: 'street', name: 'Quay Street', type: 'place', aliases: [], description: 'A street along the river in Millbrook (demo).' },
];

interface DemoBlock {
  type: BlockTypeName;
  text: string;
  tags: BlockTag[];
}

// The demo document, its mentions linked to the given registry entity ids (by demo key).
function buildDemoDocument(entityIds: ReadonlyMap<string, string>, now: string): ProseMirrorNode {
  const base = { status: 'accepted' as const, author: demoAuthor, createdAt: now, updatedAt: now, note: '' };
  const records: AnnotationMap = {};
  const add = (record: Omit<EntityAnnotation, 'id'> | Omit<FigureAnnotation, 'id'> | Omit<AttributionAnnotation, 'id'>): string => {
    const id = newId('ann');
    records[id] = { ...record, id };
    return id;
  };
  const mention = (key: string, quote: string) => {
    const entity = demoEntities.find((candidate) => candidate.key === key)!;
    return add({ ...base, kind: 'entity', quote, entityType: entity.type, entityId: entityIds.get(key) ?? null });
  };
  const figure = (quote: string, fields: Partial<FigureFields> & Pick<FigureFields, 'figureKind' | 'value' | 'unit'>, note = '') =>
    add({
      ...base,
      kind: 'figure',
      quote,
      note,
      figure: { qualifier: 'exactly', currency: null, verification: 'unchecked', sourceNote: '', ...fields },
    });

  const riverInStandfirst = mention('river', 'Alder River');
  const closure = figure('14 months', { figureKind: 'duration', value: { type: 'duration', iso: 'P14M' }, unit: 'months closed' });

  const library = mention('library', 'Millbrook Public Library');
  const town = mention('millbrook', 'Millbrook');
  const reopening = figure('June 14, 2025', { figureKind: 'date', value: { type: 'date', iso: '2025-06-14' }, unit: 'reopening day' });
  const river = mention('river', 'Alder River');
  const booksLost = figure('more than 12,000', { figureKind: 'count', value: { type: 'number', value: 12000 }, qualifier: 'more_than', unit: 'books ruined' });

  const cost = figure('$2.4 million', {
    figureKind: 'money',
    value: { type: 'number', value: 2_400_000 },
    unit: 'repair cost',
    currency: 'USD',
    verification: 'verified',
    sourceNote: 'Council spending register, checked by the desk.',
  });
  const council = mention('council', 'Millbrook City Council');
  const volunteers = figure('About 300', { figureKind: 'count', value: { type: 'number', value: 300 }, qualifier: 'about', unit: 'volunteers' });

  const whitfield = mention('whitfield', 'Dana Whitfield');
  const quoteStart = 'We did not just put it back the way it was,';
  const quoteEnd = 'The children’s room now sits a metre above the old flood line, and the local history archive has moved upstairs.';
  const directQuote = add({
    ...base,
    kind: 'attribution',
    quote: `${quoteStart} … ${quoteEnd}`,
    mode: 'direct',
    speaker: { type: 'entity', entityId: entityIds.get('whitfield') ?? null, name: 'Dana Whitfield', mentionId: whitfield },
    medium: '',
    mediumEntityId: null,
  });

  const saving = figure('15 percent', { figureKind: 'percent', value: { type: 'number', value: 15 }, unit: 'percent below the first estimate' }, 'Ask the council for the first estimate.');
  const officialClaim = 'the final bill was 15 percent lower than the first estimate';
  const anonymousQuote = add({
    ...base,
    kind: 'attribution',
    quote: officialClaim,
    mode: 'indirect',
    speaker: { type: 'anonymous', description: 'A council official', anonymityReason: 'The budget has not yet been published.' },
    medium: '',
    mediumEntityId: null,
  });

  const engineers = mention('engineers', 'Harbor & Vane Associates');
  const street = mention('street', 'Quay Street');
  const visits = figure('30 percent', { figureKind: 'percent', value: { type: 'number', value: 30 }, unit: 'percent more visits' });
  const whitfieldAgain = mention('whitfield', 'Whitfield');
  const forecast = 'The library expects visits to rise by 30 percent in its first year back';
  const forecastQuote = add({
    ...base,
    kind: 'attribution',
    quote: forecast,
    mode: 'indirect',
    speaker: { type: 'entity', entityId: entityIds.get('whitfield') ?? null, name: 'Dana Whitfield', mentionId: whitfieldAgain },
    medium: '',
    mediumEntityId: null,
  });

  const blocks: DemoBlock[] = [
    { type: 'headline', text: 'Millbrook library to reopen after $2.4 million flood repairs', tags: [] },
    {
      type: 'standfirst',
      text: 'The riverside branch has been shut for 14 months since the Alder River burst its banks. Staff hope the wait was worth it.',
      tags: [{ id: closure, text: '14 months' }, { id: riverInStandfirst, text: 'Alder River' }],
    },
    {
      type: 'paragraph',
      text: 'Millbrook Public Library will reopen on June 14, 2025, more than a year after floodwater from the Alder River ruined its ground floor and more than 12,000 books.',
      tags: [
        { id: library, text: 'Millbrook Public Library' },
        { id: town, text: 'Millbrook' },
        { id: reopening, text: 'June 14, 2025' },
        { id: river, text: 'Alder River' },
        { id: booksLost, text: 'more than 12,000' },
      ],
    },
    {
      type: 'paragraph',
      text: 'The repairs cost $2.4 million, paid for by Millbrook City Council and a state resilience grant. About 300 volunteers helped to dry, sort and catalogue what could be saved.',
      tags: [{ id: cost, text: '$2.4 million' }, { id: council, text: 'Millbrook City Council' }, { id: volunteers, text: 'About 300' }],
    },
    {
      type: 'paragraph',
      text: `“${quoteStart}” said Dana Whitfield, the library’s director. “${quoteEnd}”`,
      tags: [
        { id: directQuote, text: quoteStart },
        { id: directQuote, text: 'said', part: 'cue' },
        { id: whitfield, text: 'Dana Whitfield' },
        { id: directQuote, text: quoteEnd },
      ],
    },
    { type: 'subhead', text: 'Cheaper than feared', tags: [] },
    {
      type: 'paragraph',
      text: `A council official, who asked not to be named because the budget has not yet been published, said ${officialClaim}.`,
      tags: [{ id: anonymousQuote, text: 'said', part: 'cue' }, { id: anonymousQuote, text: officialClaim }, { id: saving, text: '15 percent' }],
    },
    {
      type: 'paragraph',
      text: `Engineers from Harbor & Vane Associates raised the wiring and fitted removable flood barriers along Quay Street. ${forecast}, according to Whitfield.`,
      tags: [
        { id: engineers, text: 'Harbor & Vane Associates' },
        { id: street, text: 'Quay Street' },
        { id: forecastQuote, text: forecast },
        { id: visits, text: '30 percent' },
        { id: forecastQuote, text: 'according to', part: 'cue' },
        { id: whitfieldAgain, text: 'Whitfield' },
      ],
    },
    { type: 'credit', text: 'Written for the Newsroom Annotator demo. Millbrook, its library and everyone in this story are fictional.', tags: [] },
  ];
  return articleSchema.node('doc', { annotations: records }, blocks.map((block) => taggedBlock(block.type, block.text, block.tags, records)));
}

// Reuses an entity of the same name and type when the registry already has one.
function demoEntityIds(store: Store, now: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entity of demoEntities) {
    const existing = store.entities.findByName(entity.type, entity.name);
    const id = existing?.id ?? newId('ent');
    if (!existing) {
      const { name, type, aliases, description } = entity;
      store.entities.insert({ id, name, type, aliases, description, externalIds: {}, createdAt: now, updatedAt: now });
    }
    ids.set(entity.key, id);
  }
  return ids;
}

/**
 * Creates the demo article if this database has never offered it and holds no article yet; returns its id, or
 * null when nothing was created. Either way the offer is recorded, so it happens at most once per database.
 */
export function seedDemoArticle(store: Store, now: string): string | null {
  return store.transaction(() => {
    if (store.preferences.get(demoSeededPreference) !== undefined) return null;
    store.preferences.set(demoSeededPreference, now);
    if (store.articles.count() > 0) return null;
    const doc = parseArticleDocument(buildDemoDocument(demoEntityIds(store, now), now).toJSON());
    return createArticle(store, { doc, source: demoArticleSource }, now).id;
  });
}
