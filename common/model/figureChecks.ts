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

// Amounts of one class can be parts of each other: counts of counts, money of money in one currency.
function amountClassOf(fields: FigureFields): string | null {
  if (fields.figureKind === 'count') return 'count';
  return fields.figureKind === 'money' ? `money:${fields.currency ?? ''}` : null;
}

function comparableAmounts(a: FigureFields, b: FigureFields): boolean {
  const amountClass = amountClassOf(a);
  return amountClass !== null && amountClass === amountClassOf(b);
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
    // The smallest upper bound of the earlier figures of each class (counts, money per currency), in one pass.
    const lowestWhole = new Map<string, number>();
    for (const figure of placed) {
      const amountClass = amountClassOf(figure.fields);
      const figureBounds = bounds(figure.fields);
      if (amountClass === null || figureBounds === null) continue;
      const lowest = lowestWhole.get(amountClass);
      if (lowest !== undefined && figureBounds.low > lowest) {
        blocks.add(blockId);
        break;
      }
      if (lowest === undefined || figureBounds.high < lowest) lowestWhole.set(amountClass, figureBounds.high);
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

// Parts follow their whole closely ("52 civilians, including 26 children and 30 women"): figures further on
// are not looked at, which also keeps a paragraph of thousands of figures from costing their square.
const partsWithin = 250;

// Whether a sentence starts in (from, to], by bisection over the sorted sentence starts.
function sameSentence(starts: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= from) low = middle + 1;
    else high = middle;
  }
  return low >= starts.length || starts[low]! > to;
}

/** Where the words that introduce parts are in a block's text, found once per block. */
interface BlockReading {
  text: string;
  starts: readonly number[];
  connectives: readonly { start: number; end: number }[];
  // For each placed figure: whether "of them" (or the like) follows it.
  ofThemAfter: readonly boolean[];
}

// The last connective lying wholly inside [from, to), by bisection over the connectives in text order.
function lastConnectiveIn(connectives: BlockReading['connectives'], from: number, to: number): { start: number; end: number } | null {
  let low = 0;
  let high = connectives.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (connectives[middle]!.end <= to) low = middle + 1;
    else high = middle;
  }
  const candidate = connectives[low - 1];
  return candidate && candidate.start >= from ? candidate : null;
}

/**
 * The parts of whole `placed[w]` in its sentence: the figures listed right after a word such as "including",
 * or a figure followed by "of them".
 */
function partsOf(placed: readonly Placed[], w: number, reading: BlockReading): Placed[] {
  const { text, starts, connectives, ofThemAfter } = reading;
  const whole = placed[w]!;
  const parts: Placed[] = [];
  for (let p = w + 1; p < placed.length; p++) {
    const part = placed[p]!;
    if (part.place.start - whole.place.end > partsWithin || !sameSentence(starts, whole.place.start, part.place.start)) break;
    if (ofThemAfter[p] && !clauseBreak.test(text.slice(whole.place.end, part.place.start).replace(/^[\s,]+/u, ''))) {
      parts.push(part);
      continue;
    }
    const connective = lastConnectiveIn(connectives, whole.place.end, part.place.start);
    if (!connective) continue;
    // Only the figures listed right after the connective are parts: a few words at most between each.
    const previous = placed[p - 1]!;
    const gapStart = previous.place.start >= connective.end ? previous.place.end : connective.end;
    const gapWords = text.slice(gapStart, part.place.start).split(/\s+/u).filter(Boolean).length;
    if (clauseBreak.test(text.slice(connective.end, part.place.start)) || gapWords > 4) continue;
    parts.push(part);
  }
  return parts;
}

function partFlags(placed: readonly Placed[], text: string, flags: Map<string, FigureFlag[]>, said: (figure: FigureInText) => string): void {
  const reading: BlockReading = {
    text,
    starts: sentenceStarts(text),
    connectives: [...text.matchAll(partsFollow)].map((match) => ({ start: match.index, end: match.index + match[0].length })),
    ofThemAfter: placed.map((figure) => partBefore.test(text.slice(figure.place.end, figure.place.end + 40))),
  };
  for (let w = 0; w < placed.length; w++) {
    const whole = placed[w]!;
    for (const part of partsOf(placed, w, reading)) {
      if (!comparableAmounts(whole.fields, part.fields) || !exceeds(part.fields, whole.fields)) continue;
      const partWords = text.slice(part.place.start, part.place.end);
      const wholeWords = text.slice(whole.place.start, whole.place.end);
      add(flags, part.id, { check: 'part_exceeds_whole', role: 'part', otherId: whole.id, reason: `“${partWords}” (${said(part)}) is given as part of “${wholeWords}” (${said(whole)}) but is larger.` });
      add(flags, whole.id, { check: 'part_exceeds_whole', role: 'whole', otherId: part.id, reason: `Its part “${partWords}” (${said(part)}) is larger than “${wholeWords}” (${said(whole)}).` });
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

// How far the search for the nearest other value goes past values that bounds make compatible.
const neighbourSearch = 20;

/**
 * Each figure is compared with the nearest other value below and above it among the figures of its quantity,
 * not with every other figure: at most two flags each, and a sort rather than every pair, so that an article
 * that gives one unit thousands of values stays quick.
 */
function conflictFlags(figures: readonly FigureInText[], flags: Map<string, FigureFlag[]>, said: (figure: FigureInText) => string): void {
  const byQuantity = new Map<string, { figure: FigureInText; bounds: { low: number; high: number } }[]>();
  for (const figure of figures) {
    const key = quantityKey(figure.fields);
    const figureBounds = key ? bounds(figure.fields) : null;
    if (!figureBounds) continue;
    const group = byQuantity.get(key);
    if (group) group.push({ figure, bounds: figureBounds });
    else byQuantity.set(key, [{ figure, bounds: figureBounds }]);
  }
  for (const group of byQuantity.values()) {
    if (group.length < 2) continue;
    // One entry per distinct value, the first in text order speaking for the others.
    const distinct = new Map<string, (typeof group)[number]>();
    for (const entry of group) {
      const valueKey = `${entry.bounds.low}/${entry.bounds.high}`;
      if (!distinct.has(valueKey)) distinct.set(valueKey, entry);
    }
    const sorted = [...distinct.values()].sort((a, b) => a.bounds.low - b.bounds.low || a.bounds.high - b.bounds.high);
    const indexOf = new Map(sorted.map((entry, index) => [`${entry.bounds.low}/${entry.bounds.high}`, index]));
    for (const { figure, bounds: own } of group) {
      const at = indexOf.get(`${own.low}/${own.high}`)!;
      const below = sorted.slice(Math.max(0, at - neighbourSearch), at).reverse().find((other) => other.bounds.high < own.low);
      const above = sorted.slice(at + 1, at + 1 + neighbourSearch).find((other) => other.bounds.low > own.high);
      for (const other of [below, above]) {
        if (!other || !sameOrderOfSize(own, other.bounds)) continue;
        const otherValue = `${said(other.figure)} ${other.figure.fields.unit.trim()}`;
        add(flags, figure.id, { check: 'conflicting_values', otherId: other.figure.id, reason: `The article also gives ${otherValue}; here it is ${said(figure)}.` });
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
  // Each figure's value in words, made once however many reasons name it.
  const inWords = new Map<FigureInText, string>();
  const said = (figure: FigureInText) => {
    let words = inWords.get(figure);
    if (words === undefined) inWords.set(figure, (words = figureForPeople(figure.fields)));
    return words;
  };
  const needed = blocksToRead(figures);
  for (const [blockId, placed] of placedByBlock(figures)) {
    const text = blockTexts.get(blockId);
    if (needed.has(blockId) && text !== undefined) partFlags(placed, text, flags, said);
  }
  conflictFlags(figures, flags, said);
  for (const figure of figures) percentFlag(figure, flags);
  return flags;
}
