import type { AttributionMode } from './annotation';
import type { TextSpan } from './occurrences';
import { quoteVerbs } from './quoteVerbs';
import { sentenceStarts } from '../sentences';

/**
 * Proposing the cue and mode of an attribution from the text around its content, so that marking a quote
 * takes one keystroke and a glance rather than a second selection.
 *
 * - The mode: direct when every content span is a whole quotation in marks (“ ” " " „ “ « » ‘ ’); partial
 *   when it contains a quoted passage, or is a quoted fragment that runs on into the sentence (would be
 *   “very unwise” for...; “... on behalf of” opposition in...); indirect otherwise. A straight apostrophe is
 *   never read as a quotation mark.
 * - The cue: a reporting verb from the quote-verb lexicon (said, told, added...) or "according to", within a
 *   short distance of the content and inside the content's own sentences (as `sentenceStarts` bounds them,
 *   an abbreviation such as "Gen." not ending one) or the sentence that introduces it with a colon ("He
 *   said:" before a quote in the next paragraph); never in the next sentence ("“We will fight.” He claimed
 *   ..." proposes no cue). A split quote is searched between its parts first ("..., he added, ...").
 *   Then direct quotes look after the content first ("...," said X), indirect and partial ones before it
 *   first (X said that ... “all necessary assistance” ..., according to agencies: the speaker's "said",
 *   not the medium's "according to"); in that window
 *   the cue nearest the content wins. "told" takes its addressee along when it is a name or "reporters"
 *   ("told AFP", "told Interfax"). A capitalised verb in mid-sentence is a name or a noun ("Edward Said",
 *   "United States") and is skipped, as is a verb right after a determiner, which is a noun ("the report",
 *   "his claims"), and a verb inside another quotation.
 */

/** A part of an attribution's content: UTF-16 offsets into the plain text, end exclusive. */
export interface ContentSpan {
  start: number;
  end: number;
}

/** What findCue proposes: the cue span if one was found, and the mode. */
export interface CueProposal {
  cue: TextSpan | null;
  mode: AttributionMode;
}

/** How far findCue looks. */
export interface CueOptions {
  /** The most characters between the content and the cue; 150 by default. */
  maxDistance?: number;
}

/**
 * Proposes the cue span and the mode of an attribution whose content is `content` (one span, or the parts
 * of a split quote) in the plain text `text`; the cue is null when no reporting verb is near.
 */
export function findCue(text: string, content: ContentSpan | readonly ContentSpan[], options: CueOptions = {}): CueProposal {
  const spans = normaliseSpans(text, content);
  const mode = quoteMode(text, spans);
  if (spans.length === 0) return { cue: null, mode };
  const maxDistance = options.maxDistance ?? 150;
  const bounds = cueWindow(text, spans[0]!.start, spans[spans.length - 1]!.end);
  const quoted = quotedRanges(text, bounds);
  const cue = cueBetween(text, spans, quoted) ?? cueAround(text, spans, mode, maxDistance, bounds, quoted);
  return { cue, mode };
}

/**
 * The mode of an attribution from its content spans: direct when all are whole quotations in marks,
 * partial when quoted words are among them or a quoted fragment runs on into its sentence, indirect
 * otherwise.
 */
export function quoteMode(text: string, content: ContentSpan | readonly ContentSpan[]): AttributionMode {
  const spans = normaliseSpans(text, content);
  if (spans.length === 0) return 'indirect';
  const quoting = spans.map((span) => spanQuoting(text, span));
  if (quoting.every((kind) => kind === 'whole')) return 'direct';
  return quoting.some((kind) => kind !== 'none') ? 'partial' : 'indirect';
}

/** Whether `word` is a reporting verb of the quote-verb lexicon ("said", "told", "added"), in any case. */
export function isReportingVerb(word: string): boolean {
  return reportingVerbs.has(word.toLowerCase());
}

const reportingVerbs = new Set(quoteVerbs);

// Verbs whose addressee belongs in the cue: "told AFP".
const tellingVerbs = new Set(['told', 'tell', 'tells', 'telling', 'retold']);
const lowercaseAddressees = new Set(['reporters', 'journalists']);

const openingQuotes = '“"„«‘';
const closingQuotes = '”"»’“';
// Punctuation that news style puts between the last quoted word and the closing mark.
const innerPunctuation = ',.;:!?…';

// Abbreviations whose full stop does not end a sentence.
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'maj', 'col', 'lt', 'sgt', 'capt', 'cpl', 'adm', 'gov', 'sen', 'rep', 'rev',
  'prof', 'st', 'no', 'jr', 'sr', 'co', 'corp', 'inc', 'ltd', 'vs', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
]);

function normaliseSpans(text: string, content: ContentSpan | readonly ContentSpan[]): ContentSpan[] {
  const list: readonly ContentSpan[] = isSpanList(content) ? content : [content];
  return list
    .map((span) => ({ start: clamp(span.start, text.length), end: clamp(span.end, text.length) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
}

function isSpanList(content: ContentSpan | readonly ContentSpan[]): content is readonly ContentSpan[] {
  return Array.isArray(content);
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Math.trunc(offset), length));
}

/**
 * How a content span is quoted: a whole quotation in marks; a quoted fragment that runs on into the
 * sentence (would be “very unwise” for); a passage that contains quoted words; or no quotation at all.
 */
type SpanQuoting = 'whole' | 'fragment' | 'contains' | 'none';

function spanQuoting(text: string, span: ContentSpan): SpanQuoting {
  const marks = enclosingMarks(text, span);
  if (marks) return runsIntoSentence(text, marks) ? 'fragment' : 'whole';
  return quotedPassage.test(text.slice(span.start, span.end)) ? 'contains' : 'none';
}

// The opening and closing marks around a span: the span starts with an opening mark or just after one,
// and ends with a closing mark or just before one (allowing the comma news style puts inside: ...,” said).
function enclosingMarks(text: string, span: ContentSpan): { open: number; close: number } | null {
  let first = span.start;
  while (first < span.end && /\s/u.test(text.charAt(first))) first++;
  let last = span.end - 1;
  while (last > first && /\s/u.test(text.charAt(last))) last--;
  const open = openingQuotes.includes(text.charAt(first)) ? first : openingQuotes.includes(text.charAt(span.start - 1)) ? span.start - 1 : -1;
  if (open < 0) return null;
  if (last > open && closingQuotes.includes(text.charAt(last))) return { open, close: last };
  let after = span.end;
  while (after < text.length && innerPunctuation.includes(text.charAt(after))) after++;
  return closingQuotes.includes(text.charAt(after)) ? { open, close: after } : null;
}

// Up to three words on the same line, the first in lowercase: what follows a closing mark.
const threeWordsAfter = /^[^\S\n]*(\p{Ll}[\p{L}\p{M}'’]*)(?:[^\S\n]+([\p{L}\p{M}'’]+))?(?:[^\S\n]+([\p{L}\p{M}'’]+))?/u;

// A quoted fragment is preceded by a word of the sentence (other than a reporting verb: said “We will”), or
// is followed by more of the sentence rather than by the cue (“... on behalf of” opposition in ...).
function runsIntoSentence(text: string, marks: { open: number; close: number }): boolean {
  const before = text.slice(Math.max(0, marks.open - 40), marks.open);
  const wordBefore = /([\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)[^\S\n]*$/u.exec(before)?.[1];
  if (wordBefore !== undefined && !isReportingVerb(wordBefore)) return true;
  if (innerPunctuation.includes(text.charAt(marks.close - 1))) return false;
  const after = threeWordsAfter.exec(text.slice(marks.close + 1, marks.close + 80));
  if (!after) return false;
  return !after.slice(1).some((word) => word !== undefined && isReportingVerb(word));
}

const quotedPassage = /“[^”]*”|"[^"]*"|«[^»]*»|„[^“”]*[“”]|‘[^’]*’/u;

// A split quote: the cue usually sits between its parts ("...," he added, "...").
function cueBetween(text: string, spans: readonly ContentSpan[], quoted: readonly ContentSpan[]): TextSpan | null {
  for (let i = 1; i < spans.length; i++) {
    const from = spans[i - 1]!.end;
    const to = spans[i]!.start;
    if (to <= from || text.slice(from, to).includes('\n')) continue;
    const cue = cuesIn(text, from, to, quoted)[0];
    if (cue) return cue;
  }
  return null;
}

function cueAround(
  text: string,
  spans: readonly ContentSpan[],
  mode: AttributionMode,
  maxDistance: number,
  bounds: ContentSpan,
  quoted: readonly ContentSpan[],
): TextSpan | null {
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  const afterEnd = Math.min(last.end + maxDistance, bounds.end);
  const beforeStart = Math.max(first.start - maxDistance, bounds.start);
  const after = cuesIn(text, last.end, afterEnd, quoted)[0] ?? null;
  const before = cuesIn(text, beforeStart, first.start, quoted).at(-1) ?? null;
  return mode === 'direct' ? (after ?? before) : (before ?? after);
}

/**
 * Where a cue may be for content from `start` to `end`: the sentences the content is in, widened to the
 * sentence before when that one introduces it with a colon, and kept inside the content's lines otherwise.
 */
function cueWindow(text: string, start: number, end: number): ContentSpan {
  const starts = cueSentenceStarts(text);
  const firstIndex = sentenceIndexAt(starts, start);
  const lastIndex = sentenceIndexAt(starts, Math.max(start, end - 1));
  let windowStart = Math.max(starts[firstIndex]!, lineStartBefore(text, start));
  const windowEnd = Math.min(starts[lastIndex + 1] ?? text.length, lineEndAfter(text, Math.max(start, end - 1)));
  const previous = firstIndex > 0 ? starts[firstIndex - 1]! : null;
  const contentStartsSentence = text.slice(windowStart, start).trim().replace(new RegExp(`[${openingQuotes}]`, 'gu'), '') === '';
  if (previous !== null && contentStartsSentence && text.slice(previous, starts[firstIndex]).trimEnd().endsWith(':')) windowStart = previous;
  return { start: windowStart, end: windowEnd };
}

const quotedPassages = new RegExp(quotedPassage.source, 'gu');

// The quoted passages in `bounds`, paired from the start of its sentence: words inside another quotation are
// someone's words, not a cue ("must be well thought out": "Moves to ...").
function quotedRanges(text: string, bounds: ContentSpan): ContentSpan[] {
  return [...text.slice(bounds.start, bounds.end).matchAll(quotedPassages)].map((match) => ({
    start: bounds.start + match.index,
    end: bounds.start + match.index + match[0].length,
  }));
}

// Sentence starts as the shared splitter finds them, less those after an abbreviation ("Gen. Smith said").
function cueSentenceStarts(text: string): number[] {
  return sentenceStarts(text).filter((start) => {
    const before = text.slice(Math.max(0, start - 14), start).trimEnd();
    if (!before.endsWith('.')) return true;
    const word = /[\p{L}.]+$/u.exec(before.slice(0, -1))?.[0] ?? '';
    return !abbreviations.has(word.toLowerCase());
  });
}

// The index of the last sentence that starts at or before `offset`.
function sentenceIndexAt(starts: readonly number[], offset: number): number {
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
  return index;
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

const wordPattern = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

// Every cue in text[from, to) outside the `quoted` passages, in order.
function cuesIn(text: string, from: number, to: number, quoted: readonly ContentSpan[]): TextSpan[] {
  const cues: TextSpan[] = [];
  if (to <= from) return cues;
  const window = text.slice(from, to);
  for (const match of window.matchAll(wordPattern)) {
    const word = match[0];
    const start = from + match.index;
    if (quoted.some((passage) => start > passage.start && start < passage.end)) continue;
    const lower = word.toLowerCase();
    if (lower === 'according') {
      const followingTo = /^\s+to(?![\p{L}\p{N}])/u.exec(text.slice(start + word.length));
      if (followingTo) cues.push(span(text, start, start + word.length + followingTo[0].length));
      continue;
    }
    if (!reportingVerbs.has(lower)) continue;
    if (/^\p{Lu}/u.test(word) && !startsSentence(text, start)) continue;
    if (followsDeterminer(text, start)) continue;
    const end = tellingVerbs.has(lower) ? addresseeEnd(text, start + word.length) : start + word.length;
    cues.push(span(text, start, end));
  }
  return cues;
}

// Whether a capitalised word at `offset` may be capitalised because it starts a sentence or a quotation.
function startsSentence(text: string, offset: number): boolean {
  let end = offset;
  while (end > 0 && /[^\S\n]/u.test(text.charAt(end - 1))) end--;
  if (end === 0 || text.charAt(end - 1) === '\n') return true;
  // An opening mark, with a space or nothing before it, starts a quotation.
  if (openingQuotes.includes(text.charAt(end - 1)) && (end === 1 || /\s/u.test(text.charAt(end - 2)))) return true;
  // After “...,” the sentence goes on; after “....” or a full stop a new one starts.
  while (end > 0 && closingQuotes.includes(text.charAt(end - 1))) end--;
  return end === 0 || '.!?\n'.includes(text.charAt(end - 1));
}

const determiners = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

// "the report", "his claims": a reporting verb right after a determiner is a noun.
function followsDeterminer(text: string, offset: number): boolean {
  const previous = /([\p{L}]+)[^\S\n]+$/u.exec(text.slice(Math.max(0, offset - 12), offset))?.[1];
  return previous !== undefined && determiners.has(previous.toLowerCase());
}

const followingWord = /^[^\S\n]+([\p{L}\p{M}]+(?:['’&][\p{L}\p{M}]+)*)/u;
const weekdays = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

// "told AFP", "told The Associated Press", "told reporters": the addressee after a telling verb, up to four
// capitalised words ("told AFP on Sunday" stops before "on"; "told Reuters Sunday" before the weekday).
function addresseeEnd(text: string, verbEnd: number): number {
  let end = verbEnd;
  for (let words = 0; words < 4; words++) {
    const match = followingWord.exec(text.slice(end, end + 60));
    const word = match?.[1];
    if (!match || !word) break;
    const isName = /^\p{Lu}/u.test(word) && !weekdays.has(word.toLowerCase());
    const isAddressee = words === 0 && lowercaseAddressees.has(word);
    if (!isName && !isAddressee) break;
    end += match[0].length;
    if (isAddressee) break;
  }
  return end;
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}
