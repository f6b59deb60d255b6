import { entityLookupKey } from './names';
import {
  attributionModes,
  type AnnotationMap,
  type AnnotationStatus,
  type AttributionAnnotation,
  type AttributionMode,
  type AttributionSpeaker,
} from './annotation';

/**
 * Who an article quotes: the "Sources" summary (each speaker and how often, named against anonymous)
 * and the list of attributions with speaker, mode and first words.
 *
 * Grouping rules, chosen so that one person or one anonymous source is one row:
 * - A named speaker linked to a registry entity is grouped by the entity, under the registry's current
 *   name; one not linked yet is grouped by its name, ignoring case and spacing.
 * - Anonymous speakers are grouped by description, ignoring case, spacing and a leading article, so that
 *   "a negotiator" and "the negotiator" (the same source met twice) are one row, shown as first written.
 * - Suggested attributions (proposals nobody has accepted) are left out; those needing review count,
 *   since they are real attributions whose text changed.
 */

/** How many attributions of each mode. */
export type ModeCounts = Record<AttributionMode, number>;

/** One speaker in the Sources summary. */
export interface SourceSummaryRow {
  /** Stable key of the group: `entity:<id>`, `name:<name>` or `anonymous:<description>`. */
  key: string;
  speakerType: 'named' | 'anonymous';
  /** The registry name or name as written, or the anonymous source's description. */
  name: string;
  entityId: string | null;
  count: number;
  modes: ModeCounts;
  /** The ids of the attributions in this group, in the order of the annotation map. */
  attributionIds: string[];
  /** For anonymous sources, the distinct reasons given for anonymity. */
  anonymityReasons: string[];
}

/** The Sources summary of one article: who is quoted and how often, named against anonymous. */
export interface SourcesSummary {
  named: SourceSummaryRow[];
  anonymous: SourceSummaryRow[];
  totals: {
    attributions: number;
    named: number;
    anonymous: number;
    /** Attributions whose speaker has not been set yet. */
    unattributed: number;
    modes: ModeCounts;
  };
}

/** A function giving the registry's current name of an entity, or undefined when it is not known. */
export type EntityNameLookup = (entityId: string) => string | undefined;

/**
 * Summarises who an article quotes: one row per named speaker and per anonymous source, most quoted
 * first, with counts per mode, and totals for named, anonymous and unattributed quotes.
 */
export function summariseSources(annotations: AnnotationMap, entityNames: EntityNameLookup): SourcesSummary {
  const groups = new Map<string, SourceSummaryRow>();
  const totals = { attributions: 0, named: 0, anonymous: 0, unattributed: 0, modes: emptyModeCounts() };
  for (const attribution of countedAttributions(annotations)) {
    totals.attributions++;
    totals.modes[attribution.mode]++;
    const speaker = attribution.speaker;
    if (!speaker) {
      totals.unattributed++;
      continue;
    }
    const key = speakerKey(speaker);
    const row = groups.get(key) ?? newRow(key, speaker, entityNames);
    row.count++;
    row.modes[attribution.mode]++;
    row.attributionIds.push(attribution.id);
    if (speaker.type === 'anonymous') {
      const reason = speaker.anonymityReason.trim();
      if (reason && !row.anonymityReasons.includes(reason)) row.anonymityReasons.push(reason);
    }
    groups.set(key, row);
    if (speaker.type === 'entity') totals.named++;
    else totals.anonymous++;
  }
  const rows = [...groups.values()].sort(byCountThenName);
  return {
    named: rows.filter((row) => row.speakerType === 'named'),
    anonymous: rows.filter((row) => row.speakerType === 'anonymous'),
    totals,
  };
}

/** One attribution in the article's list of attributions. */
export interface AttributionRow {
  id: string;
  speakerType: 'named' | 'anonymous' | 'none';
  /** The speaker's registry name, name as written or anonymous description; '' when no speaker is set. */
  speakerName: string;
  mode: AttributionMode;
  /** The first words of what was said, without surrounding quotation marks. */
  firstWords: string;
  medium: string;
  status: AnnotationStatus;
}

/** Options of attributionsList. */
export interface AttributionsListOptions {
  /** Ids in document order (for example the keys of articleText(doc).spans); others follow in map order. */
  order?: readonly string[];
  /** How many words of the content to show; 8 by default. */
  wordCount?: number;
}

/**
 * Lists an article's attributions (suggested ones included, marked by their status) with the speaker's
 * display name, the mode and the first words of the content, in document order when `order` is given.
 */
export function attributionsList(annotations: AnnotationMap, entityNames: EntityNameLookup, options: AttributionsListOptions = {}): AttributionRow[] {
  const attributions = Object.values(annotations).filter((annotation): annotation is AttributionAnnotation => annotation.kind === 'attribution');
  const position = new Map((options.order ?? []).map((id, index) => [id, index] as const));
  const ordered = attributions
    .map((attribution, mapIndex) => ({ attribution, rank: position.get(attribution.id) ?? position.size + mapIndex }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ attribution }) => attribution);
  return ordered.map((attribution) => ({
    id: attribution.id,
    speakerType: attribution.speaker === null ? 'none' : attribution.speaker.type === 'entity' ? 'named' : 'anonymous',
    speakerName: attribution.speaker === null ? '' : speakerDisplayName(attribution.speaker, entityNames),
    mode: attribution.mode,
    firstWords: firstWords(attribution.quote, options.wordCount ?? 8),
    medium: attribution.medium,
    status: attribution.status,
  }));
}

/**
 * The name to show for a speaker: the registry's current name of a linked entity, else the name as
 * written, else the anonymous description; a placeholder when none of these is set.
 */
export function speakerDisplayName(speaker: AttributionSpeaker, entityNames: EntityNameLookup): string {
  if (speaker.type === 'anonymous') return collapseSpaces(speaker.description) || 'Anonymous source';
  const registered = speaker.entityId ? entityNames(speaker.entityId)?.trim() : undefined;
  return registered || collapseSpaces(speaker.name) || 'Unnamed speaker';
}

/**
 * The first `count` words of a quote, with the quotation marks around it removed and an ellipsis when
 * words were left out.
 */
export function firstWords(text: string, count: number): string {
  const words = text
    .trim()
    .replace(/^["“”„«»‘’']+/u, '')
    .replace(/["“”„«»‘’']+$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
  if (words.length <= count) return words.join(' ');
  return `${words.slice(0, Math.max(0, count)).join(' ')}…`;
}

function countedAttributions(annotations: AnnotationMap): AttributionAnnotation[] {
  return Object.values(annotations).filter(
    (annotation): annotation is AttributionAnnotation => annotation.kind === 'attribution' && annotation.status !== 'suggested',
  );
}

function emptyModeCounts(): ModeCounts {
  return Object.fromEntries(attributionModes.map((mode) => [mode, 0])) as ModeCounts;
}

function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

// Compared as the registry compares names (case, spacing, apostrophes); a leading article does not make another source either.
function groupingForm(text: string): string {
  return entityLookupKey(text).replace(/^(a|an|the)\s+/u, '');
}

function speakerKey(speaker: AttributionSpeaker): string {
  return speaker.type === 'anonymous' ? speakerGroupKey('anonymous', null, speaker.description) : speakerGroupKey('entity', speaker.entityId, speaker.name);
}

/**
 * The key that makes one speaker one row, from a speaker's parts as the store reads them out of a record: a linked
 * entity by its id, a name not linked yet or an anonymous description by its grouping form. The Sources tab and
 * the desk's sourcing audit group by it alike.
 */
export function speakerGroupKey(type: AttributionSpeaker['type'], entityId: string | null, text: string): string {
  if (type === 'anonymous') return `anonymous:${groupingForm(text)}`;
  return entityId ? `entity:${entityId}` : `name:${groupingForm(text)}`;
}

/** A name or description with its spacing collapsed, as the Sources tab shows it. */
export function speakerTextShown(text: string): string {
  return collapseSpaces(text);
}

function newRow(key: string, speaker: AttributionSpeaker, entityNames: EntityNameLookup): SourceSummaryRow {
  return {
    key,
    speakerType: speaker.type === 'entity' ? 'named' : 'anonymous',
    name: speakerDisplayName(speaker, entityNames),
    entityId: speaker.type === 'entity' ? speaker.entityId : null,
    count: 0,
    modes: emptyModeCounts(),
    attributionIds: [],
    anonymityReasons: [],
  };
}

function byCountThenName(a: SourceSummaryRow, b: SourceSummaryRow): number {
  return b.count - a.count || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
