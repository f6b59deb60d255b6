import type { FigureFields } from './annotation';
import { figureForPeople, figureValueForPeople } from './figureFormat';
import { sentenceStarts } from '../sentences';

/**
 * Simple arithmetic a desk wants flagged in its figures, one article at a time:
 * - a part larger than its whole in one sentence: "52 civilians, including 60 children", "52 people died, 60 of
 *   them children", "... of whom 60", "... among them 60";
 * - the same quantity given two different values in one article: "400,000 civilians" here, "350,000 civilians"
 *   there (counts and money with the same unit, never dates; values that bounds make compatible, "more than
 *   1,100" and "1,400", are not flagged, and nor are values more than twice apart, which copy uses for different
 *   quantities of one thing: "52 civilians" killed, "400,000 civilians" trapped);
 * - a percentage over 100 (fine for a rise, never for a share; the desk decides).
 * A flag is a question for the desk, with its reason in words, not a verdict: copy can say surprising things.
 */

/** One figure of an article and where its words are: offsets in the text of the block that holds them. */
export interface FigureInText {
  id: string;
  fields: FigureFields;
  // The block holding the figure's first words, and their UTF-16 offsets in its text; null when it has no words.
  place: { blockId: number; start: number; end: number } | null;
}

/** Why a figure is flagged; `otherId` names the figure it disagrees with, so the UI can lead to it. */
export type FigureFlag =
  | { check: 'part_exceeds_whole'; role: 'part' | 'whole'; otherId: string; reason: string }
  | { check: 'conflicting_values'; otherId: string; reason: string }
  | { check: 'percent_over_100'; reason: string };

/** The checks' names as the checklist shows them. */
export const figureCheckLabels: Record<FigureFlag['check'], string> = {
  part_exceeds_whole: 'Part larger than its whole',
  conflicting_values: 'Two values for one quantity',
  percent_over_100: 'Percentage over 100',
};

// A figure's possible values as an interval, from its value and qualifier; null for what the checks cannot compare.
function bounds(fields: FigureFields): { low: number; high: number } | null {
  const value = fields.value;
  if (!value || fields.qualifier === 'several') return null;
  const [low, high] = value.type === 'number' ? [value.value, value.value] : value.type === 'range' ? [value.min, value.max] : [NaN, NaN];
  if (Number.isNaN(low)) return null;
  switch (fields.qualifier) {
    case 'more_than':
    case 'at_least':
      return { low, high: Infinity };
    case 'up_to':
    case 'less_than':
      return { low: -Infinity, high };
    default:
      return { low, high };
  }
}

// Amounts of one kind can be parts of each other: counts of counts, money of money in one currency.
function comparableAmounts(a: FigureFields, b: FigureFields): boolean {
  if (a.figureKind === 'count' && b.figureKind === 'count') return true;
  return a.figureKind === 'money' && b.figureKind === 'money' && a.currency === b.currency;
}

// Whether `part` must be larger than `whole` whatever their bounds allow.
function exceeds(part: FigureFields, whole: FigureFields): boolean {
  const partBounds = bounds(part);
  const wholeBounds = bounds(whole);
  return partBounds !== null && wholeBounds !== null && partBounds.low > wholeBounds.high;
}

type Placed = FigureInText & { place: NonNullable<FigureInText['place']> };

function placedByBlock(figures: readonly FigureInText[]): Map<number, Placed[]> {
  const byBlock = new Map<number, Placed[]>();
  for (const figure of figures) {
    if (!figure.place) continue;
    const list = byBlock.get(figure.place.blockId) ?? [];
    list.push(figure as Placed);
    byBlock.set(figure.place.blockId, list);
  }
  for (const list of byBlock.values()) list.sort((a, b) => a.place.start - b.place.start);
  return byBlock;
}

/**
 * The blocks whose text the part-and-whole check needs: those where a later figure is larger than an earlier one
 * of the same kind. The others cannot hold a part larger than its whole, so their text need not be read.
 */
export function blocksToRead(figures: readonly FigureInText[]): Set<number> {
  const blocks = new Set<number>();
  for (const [blockId, placed] of placedByBlock(figures)) {
    outer: for (let w = 0; w < placed.length; w++) {
      for (let p = w + 1; p < placed.length; p++) {
        if (comparableAmounts(placed[w]!.fields, placed[p]!.fields) && exceeds(placed[p]!.fields, placed[w]!.fields)) {
          blocks.add(blockId);
          break outer;
        }
      }
    }
  }
  return blocks;
}

// Words that introduce the parts of a whole named just before them ("52 civilians, including 26 children").
const partsFollow = /\b(?:including|includes|included|among them|among whom|among which|of whom|of which|of them)\b/giu;
// Words right after a figure that make it a part of what came before ("52 people died, 26 of them children").
const partBefore = /^[^\p{L}\p{N}]{0,3}(?:\p{L}+\s+){0,2}?(?:of them|of whom|of which|among them)\b/iu;
// What ends a list of parts: a clause break, or ", and" before a new clause ("…12 children, and 80 were hurt").
const clauseBreak = /[;:()]|,\s*and\b|,\s*but\b|\bwhile\b|\bwhereas\b/iu;

function sameSentence(starts: readonly number[], from: number, to: number): boolean {
  return !starts.some((start) => start > from && start <= to);
}

/**
 * The parts of whole `placed[w]` in its sentence: the figures listed right after a word such as "including",
 * or a figure followed by "of them". `text` is the block's text, `starts` its sentence starts.
 */
function partsOf(placed: readonly Placed[], w: number, text: string, starts: readonly number[]): Placed[] {
  const whole = placed[w]!;
  const parts: Placed[] = [];
  for (let p = w + 1; p < placed.length; p++) {
    const part = placed[p]!;
    if (!sameSentence(starts, whole.place.start, part.place.start)) break;
    const between = text.slice(whole.place.end, part.place.start);
    const after = text.slice(part.place.end, part.place.end + 40);
    if (partBefore.test(after) && !clauseBreak.test(between.replace(/^[\s,]+/u, ''))) {
      parts.push(part);
      continue;
    }
    partsFollow.lastIndex = 0;
    let connective: RegExpExecArray | null = null;
    for (let match = partsFollow.exec(between); match; match = partsFollow.exec(between)) connective = match;
    if (!connective) continue;
    // Only the figures listed right after the connective are parts: a few words at most between each.
    const connectiveEnd = whole.place.end + connective.index + connective[0].length;
    const previous = placed[p - 1]!;
    const gapStart = previous.place.start >= connectiveEnd ? previous.place.end : connectiveEnd;
    const gapWords = text.slice(gapStart, part.place.start).split(/\s+/u).filter(Boolean).length;
    if (clauseBreak.test(text.slice(connectiveEnd, part.place.start)) || gapWords > 4) continue;
    parts.push(part);
  }
  return parts;
}

function partFlags(placed: readonly Placed[], text: string, flags: Map<string, FigureFlag[]>): void {
  const starts = sentenceStarts(text);
  for (let w = 0; w < placed.length; w++) {
    const whole = placed[w]!;
    for (const part of partsOf(placed, w, text, starts)) {
      if (!comparableAmounts(whole.fields, part.fields) || !exceeds(part.fields, whole.fields)) continue;
      const partWords = text.slice(part.place.start, part.place.end);
      const wholeWords = text.slice(whole.place.start, whole.place.end);
      add(flags, part.id, { check: 'part_exceeds_whole', role: 'part', otherId: whole.id, reason: `“${partWords}” (${figureForPeople(part.fields)}) is given as part of “${wholeWords}” (${figureForPeople(whole.fields)}) but is larger.` });
      add(flags, whole.id, { check: 'part_exceeds_whole', role: 'whole', otherId: part.id, reason: `Its part “${partWords}” (${figureForPeople(part.fields)}) is larger than “${wholeWords}” (${figureForPeople(whole.fields)}).` });
    }
  }
}

/**
 * What makes two figures the same quantity: the same unit, written the same way once case, spacing, a leading
 * "of" or "the" and plural "s" are set aside ("Civilians" and "civilian"), and for money the same currency.
 * Empty for a figure the check leaves alone (no unit, not a count or money).
 */
export function quantityKey(fields: FigureFields): string {
  if (fields.figureKind !== 'count' && fields.figureKind !== 'money') return '';
  const words = fields.unit
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
  while (words[0] === 'of' || words[0] === 'the') words.shift();
  if (words.length === 0) return '';
  const singular = words.map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return `${fields.figureKind}:${fields.currency ?? ''}:${singular.join(' ')}`;
}

// Two values within a factor of two of each other, compared by the ends of their intervals that face each other.
function sameOrderOfSize(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  const [smaller, larger] = a.high < b.low ? [a.high, b.low] : [b.high, a.low];
  return smaller > 0 && larger <= smaller * 2;
}

function conflictFlags(figures: readonly FigureInText[], flags: Map<string, FigureFlag[]>): void {
  const byQuantity = new Map<string, FigureInText[]>();
  for (const figure of figures) {
    const key = quantityKey(figure.fields);
    if (!key || !bounds(figure.fields)) continue;
    byQuantity.set(key, [...(byQuantity.get(key) ?? []), figure]);
  }
  for (const group of byQuantity.values()) {
    for (const figure of group) {
      const own = bounds(figure.fields)!;
      const shown = new Set<string>();
      for (const other of group) {
        if (other === figure) continue;
        const theirs = bounds(other.fields)!;
        if (own.low <= theirs.high && theirs.low <= own.high) continue;
        if (!sameOrderOfSize(own, theirs)) continue;
        const said = `${figureForPeople(other.fields)} ${other.fields.unit.trim()}`;
        if (shown.has(said)) continue;
        shown.add(said);
        add(flags, figure.id, { check: 'conflicting_values', otherId: other.id, reason: `The article also gives ${said}; here it is ${figureForPeople(figure.fields)}.` });
      }
    }
  }
}

function percentFlag(figure: FigureInText, flags: Map<string, FigureFlag[]>): void {
  const value = figure.fields.value;
  if (figure.fields.figureKind !== 'percent' || !value) return;
  const top = value.type === 'number' ? value.value : value.type === 'range' ? value.max : null;
  if (top === null || top <= 100) return;
  const said = figureValueForPeople(value, 'percent', null);
  add(flags, figure.id, { check: 'percent_over_100', reason: `${said} is more than the whole: right for a rise or a change, wrong for a share.` });
}

function add(flags: Map<string, FigureFlag[]>, id: string, flag: FigureFlag): void {
  const list = flags.get(id);
  if (list) list.push(flag);
  else flags.set(id, [flag]);
}

/**
 * The flags of one article's figures, by figure id (figures with none are left out). `blockTexts` holds the text
 * of at least the blocks `blocksToRead` names; a block missing from it is not checked for parts and wholes.
 */
export function figureChecks(figures: readonly FigureInText[], blockTexts: ReadonlyMap<number, string>): Map<string, FigureFlag[]> {
  const flags = new Map<string, FigureFlag[]>();
  const needed = blocksToRead(figures);
  for (const [blockId, placed] of placedByBlock(figures)) {
    const text = blockTexts.get(blockId);
    if (needed.has(blockId) && text !== undefined) partFlags(placed, text, flags);
  }
  conflictFlags(figures, flags);
  for (const figure of figures) percentFlag(figure, flags);
  return flags;
}
