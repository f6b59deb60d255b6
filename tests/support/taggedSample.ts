import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { articleSchema, type BlockTypeName } from '../../common/schema';
import { articleText, parseArticleDocument, spanText, type ArticleText } from '../../common/articleText';
import {
  emptyFigureFields,
  type Annotation,
  type AnnotationMap,
  type AnnotationPart,
  type AnnotationStatus,
  type AttributionMode,
  type AttributionSpeaker,
  type EntityType,
  type FigureFields,
} from '../../common/model/annotation';
import type { ArticleSummary, EntityRecord } from '../../common/api';
import type { ExportableArticle } from '../../main/formats/adapter';

/**
 * Test fixtures shared by every exporter test: the sample article fully tagged, and a builder for small
 * synthetic articles. Articles are built straight with the document schema (no importer), and tags are
 * placed by finding phrases in the article's plain text, so a fixture reads like the copy it tags.
 */

/** The project root, found from this file so tests run from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder beside the project (samples, standards); never copied into the project. */
export const sharedRoot = path.resolve(projectRoot, '../shared');

/** The sample article's path; it is third-party text, so it is read from disk at test time. */
export const sampleArticlePath = path.join(sharedRoot, 'samples', 'ghouta-evacuation.txt');

/** Where tests write exported files for people to look at (gitignored). */
export const exportArtifactsDir = path.join(projectRoot, 'test-artifacts', 'exports');

/** One block of a fixture article. */
export interface BlockSpec {
  type: BlockTypeName;
  text: string;
  // Only captions have a credit.
  credit?: string;
}

/**
 * Where a phrase is in the plain text: the `occurrence`-th match (0-based) of `text`, counted from the start
 * of the text, or from the first occurrence of `after` when given (the match may lie inside `after`).
 * With `until`, the phrase runs on through the next occurrence of `until`: long quotes of the third-party
 * sample are named by their first and last words, never copied whole.
 */
export interface PhraseRef {
  text: string;
  occurrence?: number;
  after?: string;
  until?: string;
}

interface TagCommon extends PhraseRef {
  // A stable id keeps exports comparable across runs; generated from the tag's index when absent.
  id?: string;
  status?: AnnotationStatus;
  note?: string;
  author?: string;
  // More content spans of the same annotation (a quote split by "she said").
  moreSpans?: PhraseRef[];
  // A tag whose text was deleted: the record stays (flagged for review) but no mark carries it.
  detached?: boolean;
}

/** An entity mention to place. */
export interface EntityTagSpec extends TagCommon {
  kind: 'entity';
  entityType: EntityType;
  entityId?: string | null;
}

/** A figure to place; fields not given take their empty defaults. */
export interface FigureTagSpec extends TagCommon {
  kind: 'figure';
  figure: Partial<FigureFields>;
}

/** An attribution to place: its content spans, cue spans and speaker. */
export interface AttributionTagSpec extends TagCommon {
  kind: 'attribution';
  mode: AttributionMode;
  cues?: PhraseRef[];
  speaker?: AttributionSpeaker | null;
  medium?: string;
  mediumEntityId?: string | null;
}

/** Any tag a fixture places. */
export type TagSpec = EntityTagSpec | FigureTagSpec | AttributionTagSpec;

/** Options of a synthetic article beyond its blocks and tags. */
export interface MakeArticleOptions {
  id?: string;
  title?: string;
  source?: string;
  status?: ArticleSummary['status'];
  entities?: EntityRecord[];
  createdAt?: string;
  updatedAt?: string;
}

const fixtureCreatedAt = '2018-03-11T08:00:00.000Z';
const fixtureUpdatedAt = '2018-03-11T10:15:00.000Z';

/**
 * Builds an exportable article from blocks and tags. A headline is added when the first block is not one.
 * The result is checked with `parseArticleDocument`, so a fixture can never be something the app would refuse.
 */
export function makeArticle(blocks: BlockSpec[], tags: TagSpec[], options: MakeArticleOptions = {}): ExportableArticle {
  const allBlocks: BlockSpec[] = blocks[0]?.type === 'headline' ? blocks : [{ type: 'headline', text: options.title ?? 'Synthetic article' }, ...blocks];
  const plainDoc = buildDocument(allBlocks);
  const located = articleText(plainDoc);
  const transform = new Transform(plainDoc);
  const records: AnnotationMap = {};

  tags.forEach((tag, index) => {
    const id = tag.id ?? `ann_${String(index + 1).padStart(3, '0')}`;
    if (records[id]) throw new Error(`Two fixture tags share the id ${id}.`);
    const record = annotationRecord(tag, id);
    records[id] = record;
    if (tag.detached) return;
    const content = [tag, ...(tag.moreSpans ?? [])];
    const cues = tag.kind === 'attribution' ? (tag.cues ?? []) : [];
    for (const ref of content) tagPhrase(transform, located, ref, record, 'content');
    for (const ref of cues) tagPhrase(transform, located, ref, record, 'cue');
  });

  const doc = articleSchema.node('doc', { annotations: records }, transform.doc.content);
  // Quotes are what the tags cover, as the editor keeps them.
  const tagged = articleText(doc);
  for (const [id, record] of Object.entries(records)) {
    const spans = tagged.spans.get(id);
    if (spans) record.quote = spanText(tagged.text, spans);
  }
  const checked = parseArticleDocument(doc.toJSON());
  const title = options.title ?? allBlocks[0]!.text.trim();
  const entities = new Map((options.entities ?? []).map((entity) => [entity.id, entity]));
  return {
    article: articleSummary(options.id ?? 'art_synthetic', title, tagged.text, records, options),
    doc: checked,
    annotations: checked.attrs.annotations as AnnotationMap,
    entities,
  };
}

/**
 * Marks the phrase `ref` (its `occurrence`-th match, see PhraseRef) as one span of `record`. The phrase must
 * lie inside one block. Throws with the phrase when it cannot be found, so a fixture fails loudly.
 */
export function tagPhrase(transform: Transform, located: ArticleText, ref: PhraseRef, record: Annotation, part: AnnotationPart): void {
  const start = findPhrase(located.text, ref);
  const end = phraseEnd(located.text, ref, start);
  const block = located.blocks.find((candidate) => start >= candidate.start && end <= candidate.start + candidate.text.length);
  if (!block) throw new Error(`The phrase "${ref.text}" crosses a block boundary.`);
  const from = block.docStart + (start - block.start);
  const mark = articleSchema.marks.annotation.create({
    id: record.id,
    kind: record.kind,
    label: part === 'cue' ? 'cue' : record.kind === 'entity' ? record.entityType : record.kind,
    part,
  });
  transform.addMark(from, from + (end - start), mark);
}

/** Where a phrase found at `start` ends: after its text, or after the next `until`. */
export function phraseEnd(text: string, ref: PhraseRef, start: number): number {
  if (ref.until === undefined) return start + ref.text.length;
  const until = text.indexOf(ref.until, start + ref.text.length);
  if (until < 0) throw new Error(`"${ref.until}" does not follow "${ref.text}".`);
  return until + ref.until.length;
}

/** The UTF-16 offset of a phrase in `text`; throws when it is not there. */
export function findPhrase(text: string, ref: PhraseRef): number {
  let from = 0;
  if (ref.after !== undefined) {
    from = text.indexOf(ref.after);
    if (from < 0) throw new Error(`The anchor "${ref.after}" is not in the text.`);
  }
  let found = -1;
  for (let seen = 0; seen <= (ref.occurrence ?? 0); seen++) {
    found = text.indexOf(ref.text, found < 0 ? from : found + 1);
    if (found < 0) throw new Error(`Occurrence ${ref.occurrence ?? 0} of "${ref.text}" is not in the text${ref.after ? ` after "${ref.after}"` : ''}.`);
  }
  return found;
}

function buildDocument(blocks: BlockSpec[]): ProseMirrorNode {
  const nodes = blocks.map((block) => {
    const attrs = block.type === 'caption' ? { credit: block.credit ?? '' } : null;
    return articleSchema.node(block.type, attrs, block.text ? [articleSchema.text(block.text)] : []);
  });
  return articleSchema.node('doc', { annotations: {} }, nodes);
}

function annotationRecord(tag: TagSpec, id: string): Annotation {
  const base = {
    id,
    status: tag.status ?? 'accepted',
    author: tag.author ?? 'Fixture Editor',
    createdAt: fixtureCreatedAt,
    updatedAt: fixtureUpdatedAt,
    note: tag.note ?? '',
    quote: tag.text,
  };
  switch (tag.kind) {
    case 'entity':
      return { ...base, kind: 'entity', entityType: tag.entityType, entityId: tag.entityId ?? null };
    case 'figure':
      return { ...base, kind: 'figure', figure: { ...emptyFigureFields(), ...tag.figure } };
    case 'attribution':
      return {
        ...base,
        kind: 'attribution',
        mode: tag.mode,
        speaker: tag.speaker ?? null,
        medium: tag.medium ?? '',
        mediumEntityId: tag.mediumEntityId ?? null,
      };
  }
}

function articleSummary(id: string, title: string, text: string, records: AnnotationMap, options: MakeArticleOptions): ArticleSummary {
  const all = Object.values(records);
  // As the store counts them: the editor's tags by kind, and suggestions apart.
  const tags = all.filter((record) => record.status !== 'suggested');
  return {
    id,
    title,
    status: options.status ?? 'in_review',
    source: options.source ?? '',
    importedFrom: null,
    copyOf: null,
    wordCount: text.split(/\s+/u).filter(Boolean).length,
    tagCounts: {
      entity: tags.filter((record) => record.kind === 'entity').length,
      figure: tags.filter((record) => record.kind === 'figure').length,
      attribution: tags.filter((record) => record.kind === 'attribution').length,
      suggested: all.filter((record) => record.status === 'suggested').length,
      needsReview: all.filter((record) => record.status === 'needs_review').length,
    },
    createdAt: options.createdAt ?? fixtureCreatedAt,
    updatedAt: options.updatedAt ?? fixtureUpdatedAt,
  };
}

/** A registry entity with fixture timestamps. */
export function entityRecord(id: string, name: string, type: EntityType, extra: Partial<EntityRecord> = {}): EntityRecord {
  return { id, name, type, aliases: [], externalIds: {}, description: '', createdAt: fixtureCreatedAt, updatedAt: fixtureUpdatedAt, ...extra };
}

// ---------------------------------------------------------------------------------------------------------
// The sample article

/** The headline the fixture gives the sample article (the pasted text has none). */
export const sampleHeadline = 'Eastern Ghouta town weighs evacuation offer as assault grinds on';

/**
 * Splits the sample's pasted text into blocks the way an editor would: the first paragraph is the standfirst,
 * blank lines separate paragraphs, a caption repeated with an "(AP)" credit is one caption, short lines without
 * final punctuation are subheads, and the last line is the credit.
 */
export function sampleBlocks(raw: string): BlockSpec[] {
  const chunks = raw.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split(/\n[ \t]*\n/);
  const blocks: BlockSpec[] = [{ type: 'headline', text: sampleHeadline }];
  chunks.forEach((chunk, index) => {
    const lines = chunk.split('\n');
    const caption = captionPair(lines);
    if (index === 0) blocks.push({ type: 'standfirst', text: chunk });
    else if (index === chunks.length - 1 && lines.length === 1) blocks.push({ type: 'credit', text: chunk });
    else if (caption) blocks.push({ type: 'caption', text: caption.text, credit: caption.credit });
    else if (lines.length === 1 && isSubhead(chunk)) blocks.push({ type: 'subhead', text: chunk });
    else blocks.push({ type: 'paragraph', text: chunk });
  });
  return blocks;
}

/** A caption pasted twice, the second time with a trailing "(Agency)" credit. */
function captionPair(lines: string[]): { text: string; credit: string } | null {
  if (lines.length !== 2) return null;
  const [first, second] = lines as [string, string];
  if (!second.startsWith(first)) return null;
  const credit = /^\s*\(([^()]+)\)\s*$/.exec(second.slice(first.length));
  return credit ? { text: first, credit: credit[1]!.trim() } : null;
}

function isSubhead(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 80 && !/[.!?:;,"'”’)]$/u.test(trimmed);
}

/** Registry entities the sample's mentions and speakers refer to. QIDs are illustrative, not checked online. */
export function sampleEntities(): EntityRecord[] {
  return [
    entityRecord('ent_alwan', 'Wael Alwan', 'person', { description: 'Spokesman of Faylaq al Rahman' }),
    entityRecord('ent_rahman', 'Rami Abdel Rahman', 'person', { description: 'Head of the Syrian Observatory for Human Rights' }),
    entityRecord('ent_zolotukhin', 'Vladimir Zolotukhin', 'person', { aliases: ['Major General Vladimir Zolotukhin', 'Zolotukhin'] }),
    entityRecord('ent_mattis', 'Jim Mattis', 'person', { aliases: ['James Mattis', 'Mattis'] }),
    entityRecord('ent_sohr', 'Syrian Observatory for Human Rights', 'organisation', { aliases: ['SOHR'] }),
    entityRecord('ent_faylaq', 'Faylaq al Rahman', 'organisation', { aliases: ['Failaq al Rahman'] }),
    entityRecord('ent_jaish', 'Jaish al Islam', 'organisation'),
    entityRecord('ent_interfax', 'Interfax', 'organisation', { externalIds: { website: 'https://www.interfax.com/' } }),
    entityRecord('ent_afp', 'Agence France-Presse', 'organisation', { aliases: ['AFP'], externalIds: { wikidata: 'Q40464' } }),
    entityRecord('ent_reuters', 'Reuters', 'organisation', { externalIds: { wikidata: 'Q130879' } }),
    entityRecord('ent_rccwp', "Russian Centre for Reconciliation of Syria's Warring Parties", 'organisation'),
    entityRecord('ent_ghouta', 'Eastern Ghouta', 'place'),
    entityRecord('ent_damascus', 'Damascus', 'place', { externalIds: { wikidata: 'Q3766', geonames: '170654' } }),
    entityRecord('ent_syria', 'Syria', 'place', { externalIds: { wikidata: 'Q858' } }),
    entityRecord('ent_hammuriyeh', 'Hammuriyeh', 'place'),
    entityRecord('ent_douma', 'Douma', 'place'),
  ];
}

type EntitySpeaker = Extract<AttributionSpeaker, { type: 'entity' }>;
type AnonymousSpeaker = Extract<AttributionSpeaker, { type: 'anonymous' }>;

const alwan: EntitySpeaker = { type: 'entity', entityId: 'ent_alwan', name: 'Wael Alwan', mentionId: 'p_alwan' };
const zolotukhin = (mentionId: string | null): EntitySpeaker => ({ type: 'entity', entityId: 'ent_zolotukhin', name: 'Vladimir Zolotukhin', mentionId });
const committeeMember: AnonymousSpeaker = {
  type: 'anonymous',
  description: 'a member of the committee',
  anonymityReason: 'speaking on condition of anonymity',
};

/**
 * Every tag of the sample article. Phrases are anchored with `after` where a word occurs many times.
 * It covers nesting the article really has (a place inside an organisation, names and figures inside quotes,
 * a date inside an event), a two-span attribution, anonymous and indirect attributions, and a detached tag.
 */
export function sampleTags(): TagSpec[] {
  const place = (id: string, text: string, entityId: string | null, extra: Partial<EntityTagSpec> = {}): EntityTagSpec => ({ id, kind: 'entity', entityType: 'place', text, entityId, ...extra });
  const org = (id: string, text: string, entityId: string | null, extra: Partial<EntityTagSpec> = {}): EntityTagSpec => ({ id, kind: 'entity', entityType: 'organisation', text, entityId, ...extra });
  const person = (id: string, text: string, entityId: string | null, extra: Partial<EntityTagSpec> = {}): EntityTagSpec => ({ id, kind: 'entity', entityType: 'person', text, entityId, ...extra });
  return [
    // Headline and standfirst.
    place('pl_ghouta_headline', 'Eastern Ghouta', 'ent_ghouta'),
    place('pl_ghouta_1', 'eastern Ghouta', 'ent_ghouta'),
    { id: 'fig_fourth_week', kind: 'figure', text: 'fourth week', figure: { figureKind: 'duration', value: { type: 'duration', iso: 'P3W' }, qualifier: 'more_than', unit: 'of the assault' } },
    // People.
    person('p_rahman', 'Rami Abdel Rahman', 'ent_rahman'),
    person('p_alwan', 'Wael Alwan', 'ent_alwan'),
    person('p_zolotukhin', 'Major General Vladimir Zolotukhin', 'ent_zolotukhin'),
    person('p_zolotukhin_2', 'Zolotukhin', 'ent_zolotukhin', { after: 'said Zolotukhin' }),
    person('p_zolotukhin_3', 'Zolotukhin', 'ent_zolotukhin', { after: 'Zolotukhin said Sunday' }),
    person('p_mattis', 'Jim Mattis', 'ent_mattis'),
    person('p_mattis_2', 'Mattis', 'ent_mattis', { after: 'Visiting Oman' }),
    person('p_trump', 'Donald Trump', null, { status: 'suggested' }),
    person('p_assad', 'Bashar al Assad', null),
    // Organisations, one holding a place.
    org('o_sohr', 'Syrian Observatory for Human Rights', 'ent_sohr'),
    org('o_sohr_2', 'SOHR', 'ent_sohr', { after: 'said SOHR chief' }),
    org('o_sohr_3', 'SOHR', 'ent_sohr', { after: 'bombardment, said SOHR' }),
    org('o_faylaq', 'Faylaq al Rahman', 'ent_faylaq'),
    org('o_failaq', 'Failaq al Rahman', 'ent_faylaq'),
    org('o_jaish_1', 'Jaish al Islam', 'ent_jaish'),
    org('o_jaish_2', 'Jaish al Islam', 'ent_jaish', { occurrence: 1 }),
    org('o_jaish_3', 'Jaish al Islam', 'ent_jaish', { occurrence: 2 }),
    org('o_interfax_1', 'Interfax', 'ent_interfax'),
    org('o_interfax_2', 'Interfax', 'ent_interfax', { occurrence: 1 }),
    org('o_afp_1', 'AFP', 'ent_afp'),
    org('o_afp_2', 'AFP', 'ent_afp', { occurrence: 1 }),
    org('o_reuters_1', 'Reuters', 'ent_reuters'),
    org('o_reuters_2', 'Reuters', 'ent_reuters', { occurrence: 1 }),
    org('o_rccwp', "Russian Centre for Reconciliation of Syria's Warring Parties", 'ent_rccwp'),
    org('o_fsa', 'Free Syrian Army', null, { status: 'needs_review', note: 'Umbrella of factions; check whether to link "FSA" <alias> & others.' }),
    place('pl_syria_in_org', 'Syria', 'ent_syria', { after: 'Reconciliation of Syria' }),
    // Places.
    place('pl_damascus_1', 'Damascus', 'ent_damascus'),
    place('pl_damascus_2', 'Damascus', 'ent_damascus', { occurrence: 1 }),
    place('pl_damascus_3', 'Damascus', 'ent_damascus', { occurrence: 2 }),
    place('pl_damascus_4', 'Damascus', 'ent_damascus', { after: 'Damascus and Moscow' }),
    place('pl_hammuriyeh_1', 'Hammuriyeh', 'ent_hammuriyeh'),
    place('pl_hammuriyeh_2', 'Hammuriyeh', 'ent_hammuriyeh', { occurrence: 1 }),
    place('pl_hammuriyeh_3', 'Hammuriyeh', 'ent_hammuriyeh', { occurrence: 2 }),
    place('pl_hammuriyeh_4', 'Hammuriyeh', 'ent_hammuriyeh', { occurrence: 3 }),
    place('pl_hammuriyeh_5', 'Hammuriyeh', 'ent_hammuriyeh', { occurrence: 4 }),
    place('pl_douma_1', 'Douma', 'ent_douma'),
    place('pl_douma_2', 'Douma', 'ent_douma', { occurrence: 1 }),
    place('pl_douma_3', 'Douma', 'ent_douma', { occurrence: 2 }),
    place('pl_ghouta_alwan', 'eastern Ghouta', 'ent_ghouta', { after: 'on behalf of' }),
    place('pl_ghouta_zolotukhin', 'eastern Ghouta', 'ent_ghouta', { after: 'Today, 52' }),
    place('pl_mudeira', 'Mudeira', null),
    place('pl_aleppo', 'Aleppo', null),
    // An event holding a date, and an "other".
    { id: 'ev_missile_strike', kind: 'entity', entityType: 'event', text: 'cruise missile strike on April 6, 2017', entityId: null },
    { id: 'oth_sarin', kind: 'entity', entityType: 'other', text: 'sarin', entityId: null, note: 'Nerve agent named in the 2017 attack.' },
    // A tag whose words were deleted in editing: the record stays, flagged, with the text it last covered.
    { id: 'o_ahrar_deleted', kind: 'entity', entityType: 'organisation', text: 'Ahrar al Sham', entityId: null, status: 'needs_review', detached: true },
    // Figures.
    { id: 'fig_400000', kind: 'figure', text: '400,000', figure: { figureKind: 'count', value: { type: 'number', value: 400_000 }, qualifier: 'about', unit: 'civilians trapped in the siege', verification: 'unchecked', sourceNote: 'UN estimate' } },
    { id: 'fig_1100', kind: 'figure', text: 'More than 1,100', figure: { figureKind: 'count', value: { type: 'number', value: 1100 }, qualifier: 'more_than', unit: 'civilians killed', verification: 'disputed', sourceNote: 'SOHR count; not independently verified' } },
    { id: 'fig_13', kind: 'figure', text: '13', after: 'releasing', figure: { figureKind: 'count', value: { type: 'number', value: 13 }, unit: 'HTS members released', verification: 'verified' } },
    { id: 'fig_52', kind: 'figure', text: '52', after: 'Today, 52', figure: { figureKind: 'count', value: { type: 'number', value: 52 }, unit: 'civilians evacuated' } },
    { id: 'fig_26', kind: 'figure', text: '26', after: 'including 26', figure: { figureKind: 'count', value: { type: 'number', value: 26 }, unit: 'children evacuated' } },
    { id: 'fig_several_dozen', kind: 'figure', text: 'several dozen', figure: { figureKind: 'count', value: null, qualifier: 'several', unit: 'residents' } },
    { id: 'fig_two_days', kind: 'figure', text: 'two days', figure: { figureKind: 'duration', value: { type: 'duration', iso: 'P2D' }, qualifier: 'up_to', unit: 'to deliver assistance' } },
    { id: 'fig_april_2017', kind: 'figure', text: 'April 6, 2017', figure: { figureKind: 'date', value: { type: 'date', iso: '2017-04-06' }, verification: 'verified' } },
    { id: 'fig_december_2016', kind: 'figure', text: 'December 2016', figure: { figureKind: 'date', value: { type: 'date', iso: '2016-12' } } },
    // Attributions.
    {
      id: 'att_alwan', kind: 'attribution', mode: 'direct', speaker: alwan,
      text: 'There are no direct or indirect negotiations with the Russian enemy or its allies',
      cues: [{ text: 'said', after: 'or its allies' }],
    },
    {
      id: 'att_alwan_added', kind: 'attribution', mode: 'partial', speaker: { ...alwan, mentionId: null },
      text: '"No one has been authorised to negotiate on behalf of" opposition in eastern Ghouta',
      cues: [{ text: 'he added', after: 'No one has been' }],
    },
    {
      id: 'att_committee', kind: 'attribution', mode: 'indirect', speaker: committeeMember, medium: 'AFP', mediumEntityId: 'ent_afp',
      text: 'A committee from Hammuriyeh met with regime representatives on Saturday',
      cues: [{ text: 'told AFP', after: 'a member of the committee' }],
    },
    {
      // One anonymous source quoted in two paragraphs: a two-span attribution with a cue for each.
      id: 'att_delegate', kind: 'attribution', mode: 'direct', speaker: { ...committeeMember, description: 'the delegate, a member of the committee' },
      text: 'The committee discussed', until: 'under opposition control',
      moreSpans: [{ text: 'The committee is meeting on Sunday', until: 'including Hammuriyeh' }],
      cues: [{ text: 'said', after: 'the delegate said' }, { text: 'added', after: 'the negotiator added' }],
    },
    {
      id: 'att_rahman', kind: 'attribution', mode: 'direct', speaker: { type: 'entity', entityId: 'ent_rahman', name: 'Rami Abdel Rahman', mentionId: 'p_rahman' },
      text: 'A decision could be taken any moment for Hammuriyeh, Jisreen, and Saqba',
      cues: [{ text: 'said', after: 'and Saqba' }],
    },
    {
      id: 'att_zolotukhin_interfax', kind: 'attribution', mode: 'direct', speaker: zolotukhin('p_zolotukhin'), medium: 'Interfax', mediumEntityId: 'ent_interfax',
      text: 'The militants are considering', until: 'with their families',
      cues: [{ text: 'told Interfax' }],
    },
    {
      id: 'att_zolotukhin_52', kind: 'attribution', mode: 'direct', speaker: zolotukhin('p_zolotukhin_2'),
      text: 'Today, 52 civilians, including 26 children, were brought from eastern Ghouta',
      cues: [{ text: 'said', after: 'said Zolotukhin on Sunday' }],
    },
    {
      id: 'att_zolotukhin_according', kind: 'attribution', mode: 'partial', speaker: zolotukhin('p_zolotukhin_3'), medium: 'Russian news agencies',
      text: 'the evacuees will receive "all necessary assistance" within two days',
      cues: [{ text: 'said', after: 'Zolotukhin said Sunday' }, { text: 'according to', after: 'within two days' }],
    },
    {
      id: 'att_sohr_1100', kind: 'attribution', mode: 'indirect', speaker: { type: 'entity', entityId: 'ent_sohr', name: 'Syrian Observatory for Human Rights', mentionId: 'o_sohr_3' },
      text: 'More than 1,100 civilians', until: 'withering bombardment',
      cues: [{ text: 'said', after: 'bombardment, said' }],
    },
    {
      id: 'att_commander', kind: 'attribution', mode: 'indirect', speaker: { type: 'anonymous', description: 'a regime field commander', anonymityReason: '' }, medium: 'Reuters', mediumEntityId: 'ent_reuters',
      text: 'more forces had arrived earlier in the day',
      cues: [{ text: 'confirmed to Reuters' }], status: 'needs_review',
    },
    {
      id: 'att_mattis', kind: 'attribution', mode: 'partial', speaker: { type: 'entity', entityId: 'ent_mattis', name: 'Jim Mattis', mentionId: 'p_mattis' },
      text: 'it would be "very unwise" for Syrian regime forces to use weaponised gas',
      cues: [{ text: 'said', after: 'Jim Mattis said' }],
    },
  ];
}

/** The sample article, read from ../shared at call time, fully tagged: the fixture every exporter test uses. */
export function taggedSample(): ExportableArticle {
  const raw = readFileSync(sampleArticlePath, 'utf8');
  return makeArticle(sampleBlocks(raw), sampleTags(), {
    id: 'art_ghouta_2018',
    title: sampleHeadline,
    source: 'TRTWorld and agencies',
    entities: sampleEntities(),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Synthetic articles for what the sample lacks

/**
 * Text that breaks offset arithmetic: a ZWJ emoji sequence, mathematical and CJK Extension B letters (astral,
 * two UTF-16 units each), letters with combining marks, right-to-left Arabic with Arabic-Indic digits,
 * CRLF inside a paragraph and inside a tag, non-breaking spaces inside tags, and a quote split by its cue.
 */
export function unicodeArticle(): ExportableArticle {
  const zoe = 'Zoe\u0308 A\u030Angstro\u0308m';
  return makeArticle(
    [
      { type: 'headline', text: '👩‍⚕️ Nurses stay as 𝒳-Ward clinic in Douma reopens' },
      { type: 'standfirst', text: 'Me\u0301decins Sans Frontie\u0300res says the 𝒳-Ward clinic treated 1,200\u00a0patients last week.' },
      { type: 'paragraph', text: `"We will stay 💪," ${zoe} said, "until the last family leaves 🏠."` },
      { type: 'paragraph', text: 'قال المتحدث باسم الجماعة إن ٣٠٠ مدني غادروا دوما يوم الأحد.' },
      { type: 'paragraph', text: 'Funding of €2.5\u00a0million came from the World Health\r\nOrganization, according to a 𠮷野家 spokesman.\r\nNo date was set.' },
      { type: 'caption', text: 'Nurses 👩‍⚕️ at the 𝒳-Ward clinic in Douma', credit: 'MSF/𝒳' },
      { type: 'credit', text: 'Reporting by the 👩‍⚕️ desk; editing by Zoe\u0308' },
    ],
    [
      { id: 'u_douma', kind: 'entity', entityType: 'place', text: 'Douma', entityId: 'ent_douma' },
      { id: 'u_nurses', kind: 'entity', entityType: 'other', text: '👩‍⚕️ Nurses' },
      { id: 'u_xward', kind: 'entity', entityType: 'organisation', text: '𝒳-Ward clinic' },
      { id: 'u_msf', kind: 'entity', entityType: 'organisation', text: 'Me\u0301decins Sans Frontie\u0300res', entityId: 'ent_msf' },
      { id: 'u_1200', kind: 'figure', text: '1,200\u00a0patients', figure: { figureKind: 'count', value: { type: 'number', value: 1200 }, unit: 'patients treated' } },
      { id: 'u_zoe', kind: 'entity', entityType: 'person', text: zoe },
      {
        id: 'u_split_quote', kind: 'attribution', mode: 'direct', text: 'We will stay 💪,',
        moreSpans: [{ text: 'until the last family leaves 🏠.' }], cues: [{ text: 'said', after: zoe }],
        speaker: { type: 'entity', entityId: null, name: zoe, mentionId: 'u_zoe' },
      },
      {
        id: 'u_arabic_quote', kind: 'attribution', mode: 'indirect', text: '٣٠٠ مدني غادروا دوما يوم الأحد', cues: [{ text: 'قال' }],
        speaker: { type: 'anonymous', description: 'المتحدث باسم الجماعة', anonymityReason: 'لم يذكر اسمه' },
      },
      { id: 'u_arabic_spokesman', kind: 'entity', entityType: 'person', text: 'المتحدث باسم الجماعة', note: 'ملاحظة: المتحدث غير مسمى' },
      { id: 'u_300', kind: 'figure', text: '٣٠٠', figure: { figureKind: 'count', value: { type: 'number', value: 300 }, unit: 'civilians who left' } },
      { id: 'u_douma_ar', kind: 'entity', entityType: 'place', text: 'دوما', entityId: 'ent_douma' },
      { id: 'u_sunday', kind: 'figure', text: 'يوم الأحد', figure: { figureKind: 'date', value: { type: 'date', iso: '2018-03-11' } } },
      { id: 'u_money', kind: 'figure', text: '€2.5\u00a0million', figure: { figureKind: 'money', value: { type: 'number', value: 2_500_000 }, currency: 'EUR', unit: 'funding' } },
      { id: 'u_who', kind: 'entity', entityType: 'organisation', text: 'World Health\r\nOrganization', entityId: 'ent_who' },
      {
        id: 'u_according', kind: 'attribution', mode: 'indirect', text: 'Funding of €2.5\u00a0million came from the World Health\r\nOrganization',
        cues: [{ text: 'according to' }], speaker: { type: 'anonymous', description: 'a 𠮷野家 spokesman', anonymityReason: '' },
      },
      { id: 'u_yoshinoya', kind: 'entity', entityType: 'organisation', text: '𠮷野家' },
      { id: 'u_caption_nurses', kind: 'entity', entityType: 'other', text: 'Nurses 👩‍⚕️' },
      { id: 'u_caption_douma', kind: 'entity', entityType: 'place', text: 'Douma', occurrence: 1, entityId: 'ent_douma' },
      { id: 'u_credit_desk', kind: 'entity', entityType: 'organisation', text: '👩‍⚕️ desk' },
    ],
    {
      id: 'art_unicode',
      entities: [
        entityRecord('ent_douma', 'Douma', 'place', { aliases: ['دوما'], externalIds: { wikidata: 'Q1068926' } }),
        entityRecord('ent_msf', 'Médecins Sans Frontières', 'organisation', { externalIds: { wikidata: 'Q185544' } }),
        entityRecord('ent_who', 'World Health Organization', 'organisation', { externalIds: { wikidata: 'Q7817', url: 'https://www.who.int/' } }),
      ],
    },
  );
}

/**
 * Text that breaks markup: XML special characters and "]]>" in text, ids-like values and notes, characters
 * XML 1.0 forbids (C0 controls, U+FFFE, a lone surrogate), and tags that cross instead of nesting.
 */
export function markupArticle(): ExportableArticle {
  return makeArticle(
    [
      { type: 'headline', text: `Fish & "Chips" <b>not bold</b> ]]> 'quoted'` },
      { type: 'paragraph', text: 'Bell\u0007 and NUL\u0000 and \uFFFE and a lone \uD800 surrogate near Damascus.' },
      { type: 'paragraph', text: 'Twelve people were hurt at the Red Crescent Hospital Square clinic, medics said.' },
      { type: 'subhead', text: '<script>alert("x")</script>' },
    ],
    [
      { id: 'm_fish', kind: 'entity', entityType: 'organisation', text: 'Fish & "Chips"', note: 'Note with <tags>, & ampersands, "quotes", \'apostrophes\', ]]> and a bell\u0007.' },
      { id: 'm_lone', kind: 'entity', entityType: 'other', text: 'lone \uD800 surrogate' },
      { id: 'm_damascus', kind: 'entity', entityType: 'place', text: 'Damascus' },
      {
        id: 'm_hurt', kind: 'attribution', mode: 'indirect', text: 'Twelve people were hurt at the Red Crescent', cues: [{ text: 'said', after: 'medics said' }],
        speaker: { type: 'anonymous', description: `O'Brien & "Sons" <Ltd>`, anonymityReason: 'not authorised\tto speak\r\n' },
      },
      // Crosses the quote (starts inside it, ends after it) and is crossed by the square.
      { id: 'm_red_crescent', kind: 'entity', entityType: 'organisation', text: 'Red Crescent Hospital' },
      { id: 'm_square', kind: 'entity', entityType: 'place', text: 'Hospital Square' },
      { id: 'm_twelve', kind: 'figure', text: 'Twelve', figure: { figureKind: 'count', value: { type: 'number', value: 12 }, unit: 'people hurt' } },
      { id: 'm_script', kind: 'entity', entityType: 'other', text: '<script>alert("x")</script>' },
    ],
    { id: 'art_markup&<"id">' },
  );
}
