import { findCue, isReportingVerb } from '../model/quoteCues';
import { proposeSpeakers, type ProposedSpeaker, type SpeakerMention, type SpeakerTextSpan } from '../model/speakerProposal';
import type { AnalysedText } from './analysedText';
import { noCheckpoint, type AttributionSuggestion, type Checkpoint, type SuggestedSpan, type SuggestedSpeaker } from './types';

/**
 * Attributions:
 * - Direct quotes between straight or curly quotation marks (“ ” " " « » „ “). A quote left open at the end of a
 *   paragraph whose next paragraph opens with a quotation mark runs on into it (news style), and becomes one
 *   attribution with a content span per paragraph. Two quotes with a short cue between them ("...," he added,
 *   "...") are one attribution with two content spans.
 * - Scare quotes are not attributions: one to three words with no cue right beside them, or a short title in
 *   capitals ("Better Idea of Afghan Girls").
 * - Indirect speech after a reporting verb ("X said that ...", "according to X, ...") with a lower confidence.
 * - No quotes from credit lines, nor from a "Sources" or "References" list or a "Source:" line.
 * The cue and mode come from `findCue` (quoteCues), the speaker from `proposeSpeakers` (speakerProposal).
 */

interface Quote {
  // One span per paragraph, quotation marks included.
  parts: SpeakerTextSpan[];
  closed: boolean;
}

const openingMarks = '“«„';
const closingFor: Record<string, string> = { '“': '”', '«': '»', '„': '“”', '"': '"' };

/** Finds the attributions of an analysed article; `mentions` are the names found in it, for speakers. */
export function findAttributions(analysed: AnalysedText, names: readonly SpeakerMention[], checkpoint: Checkpoint = noCheckpoint): AttributionSuggestion[] {
  const { text } = analysed;
  const mentions = [...names].sort((a, b) => a.start - b.start);
  const found = directQuotes(analysed);
  checkpoint();
  const quotes = mergeSplitQuotes(text, found);
  const quoted = quotes.flatMap((quote) => quote.parts);
  const attributions: AttributionSuggestion[] = [];
  let previous: { speaker: ProposedSpeaker; end: number; block: number } | null = null;
  checkpoint();
  for (const [index, quote] of quotes.entries()) {
    if (index % 64 === 63) checkpoint();
    const inner = quote.parts.map((part) => text.slice(part.start, part.end)).join(' ');
    const wordCount = (inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
    const proposal = findCue(text, quote.parts);
    const cue = cueOfQuote(text, quote.parts, proposal.cue);
    const first = quote.parts[0]!;
    const last = quote.parts[quote.parts.length - 1]!;
    const cueDistance = cue ? (cue.start >= last.end ? cue.start - last.end : first.start - cue.end) : Infinity;
    if (wordCount <= 3 && (!cue || cueDistance > 40)) continue;
    if (wordCount <= 8 && isTitleLike(inner) && (!cue || cueDistance > 20)) continue;
    const block = blockIndexAt(analysed, first.start);
    const continuation = previous && (previous.block === block || previous.block === block - 1) ? previous.speaker : null;
    const ranked = proposeSpeakers({ text, content: quote.parts, cue, mentions: near(mentions, first.start, last.end), previousSpeaker: continuation, quoted: near(quoted, first.start, last.end) });
    const best = ranked[0] ?? null;
    const speaker = best && best.reason !== 'distance' ? toSuggestedSpeaker(best) : best && best.score >= 0.2 ? toSuggestedSpeaker(best) : null;
    const confidence = (proposal.mode === 'direct' ? 0.7 : 0.55) + (cue ? 0.15 : 0) + (best && best.reason !== 'distance' ? 0.1 : 0);
    attributions.push({
      kind: 'attribution',
      content: quote.parts.map((part) => spanOf(text, part)),
      cue: cue ? spanOf(text, cue) : null,
      // A quote left open is still a quotation in marks.
      mode: proposal.mode === 'indirect' ? 'direct' : proposal.mode,
      speaker,
      medium: cue ? mediumOf(cue.text) : '',
      confidence: Math.min(0.95, confidence),
    });
    if (best && best.reason !== 'distance') previous = { speaker: best, end: last.end, block: blockIndexAt(analysed, last.start) };
  }
  attributions.push(...indirectSpeech(analysed, quoted, mentions, checkpoint));
  return attributions.sort((a, b) => a.content[0]!.start - b.content[0]!.start);
}

// The speaker of a quote is named within a few paragraphs of it: only nearby spans are ranked, so that a long
// article costs time in proportion to its length, not to its length squared.
const speakerWindowBefore = 3000;
const speakerWindowAfter = 1500;

function near<T extends SpeakerTextSpan>(sorted: readonly T[], start: number, end: number): T[] {
  const from = start - speakerWindowBefore;
  const to = end + speakerWindowAfter;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.end < from) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.start <= to; i++) found.push(sorted[i]!);
  return found;
}

// findCue may take a verb of the next sentence for a quote that ends its own ("..." However, the Sams continued);
// the cue then is the reporting verb before the quote in its sentence ("Tedeschi told the court that, ... “...”").
function cueOfQuote(text: string, parts: readonly SpeakerTextSpan[], cue: SuggestedSpan | null): SuggestedSpan | null {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!cue || cue.start < last.end) return cue;
  const between = text.slice(last.end, cue.start);
  const quoteEndsSentence = /[.!?…]["”»’]?$/u.test(text.slice(last.start, last.end)) && /^\s+\p{Lu}/u.test(between);
  if (!quoteEndsSentence && !/[.!?]["”»’]?\s+\p{Lu}/u.test(between)) return cue;
  const windowStart = Math.max(0, first.start - 200);
  const before = text.slice(windowStart, first.start);
  const sentenceStart = Math.max(0, ...[...before.matchAll(/[.!?]["”»’]?\s+(?=\p{Lu})|\n/gu)].map((match) => match.index + match[0].length));
  let found: SuggestedSpan | null = null;
  for (const match of before.slice(sentenceStart).matchAll(/[\p{L}]+/gu)) {
    if (!isReportingVerb(match[0]) || /^\p{Lu}/u.test(match[0])) continue;
    const start = windowStart + sentenceStart + match.index;
    found = { start, end: start + match[0].length, text: match[0] };
  }
  return found;
}

function spanOf(text: string, span: SpeakerTextSpan): SuggestedSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function toSuggestedSpeaker(speaker: ProposedSpeaker): SuggestedSpeaker {
  if (speaker.type === 'anonymous') return { type: 'anonymous', description: speaker.description, start: speaker.start, end: speaker.end };
  const { mention } = speaker;
  return { type: 'entity', name: mention.name, start: mention.start, end: mention.end, entityId: mention.entityId ?? null };
}

// "told AFP" gives the medium "AFP"; other cues name none.
function mediumOf(cue: string): string {
  const told = /^(?:told|tell|tells|telling)\s+(.+)$/iu.exec(cue);
  return told && /^\p{Lu}/u.test(told[1]!) ? told[1]! : '';
}

function isTitleLike(inner: string): boolean {
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const significant = words.filter((word) => word.length > 3);
  return significant.length > 0 && significant.every((word) => /^\p{Lu}/u.test(word));
}

function blockIndexAt(analysed: AnalysedText, offset: number): number {
  let low = 0;
  let high = analysed.blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (analysed.blocks[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------------
// Finding quotations.

const sourcesHeading = /^\s*(?:sources?|references|external links|related news|further reading|notes)\s*:?\s*$/iu;
const creditLine = /^\s*(?:sources?|photo|image|picture|credit|credits|video|graphic|reporting by|additional reporting|writing by|editing by)\s*:/iu;

function quotableBlocks(analysed: AnalysedText): boolean[] {
  let inSources = false;
  return analysed.blocks.map((block) => {
    const text = analysed.text.slice(block.start, block.end);
    if (sourcesHeading.test(text)) inSources = true;
    else if (block.type === 'headline' || block.type === 'subhead') inSources = sourcesHeading.test(text);
    return !inSources && block.type !== 'credit' && !creditLine.test(text);
  });
}

function directQuotes(analysed: AnalysedText): Quote[] {
  const { text } = analysed;
  const quotable = quotableBlocks(analysed);
  const quotes: Quote[] = [];
  let open: { mark: string; start: number; parts: SpeakerTextSpan[] } | null = null;
  analysed.blocks.forEach((block, index) => {
    if (!quotable[index]) {
      open = null;
      return;
    }
    let i = block.start;
    if (open) {
      // A quote carried over from the previous paragraph goes on only if this one opens with a mark.
      const firstMark = text.charAt(block.start);
      if (firstMark === '"' || openingMarks.includes(firstMark)) {
        open.start = block.start;
        i = block.start + 1;
      } else {
        open = null;
      }
    }
    for (; i < block.end; i++) {
      const character = text.charAt(i);
      if (open) {
        if (closingFor[open.mark]!.includes(character) && (open.mark !== '"' || closesStraight(text, i))) {
          quotes.push({ parts: [...open.parts, { start: open.start, end: i + 1 }], closed: true });
          open = null;
        }
        continue;
      }
      if (openingMarks.includes(character) || (character === '"' && opensStraight(text, i, block.start))) {
        open = { mark: character, start: i, parts: [] };
      }
    }
    if (open) {
      const carried: { mark: string; start: number; parts: SpeakerTextSpan[] } = open;
      const next = analysed.blocks[index + 1];
      const nextMark = next ? text.charAt(next.start) : '';
      if (next && quotable[index + 1] && (nextMark === '"' || openingMarks.includes(nextMark))) {
        carried.parts.push({ start: carried.start, end: trimEnd(text, carried.start, block.end) });
      } else {
        // A mark never closed: the quote ends with its paragraph.
        quotes.push({ parts: [...carried.parts, { start: carried.start, end: trimEnd(text, carried.start, block.end) }], closed: false });
        open = null;
      }
    }
  });
  return quotes.filter((quote) => quote.parts.every((part) => part.end - part.start > 2));
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return end;
}

function opensStraight(text: string, at: number, blockStart: number): boolean {
  const before = at > blockStart ? text.charAt(at - 1) : ' ';
  const after = text.charAt(at + 1);
  return /[\s([{—–\-/:,]/u.test(before) && after !== '' && !/\s/u.test(after);
}

function closesStraight(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  return before !== '' && !/\s/u.test(before);
}

// "...," he added, "...": a cue of a few words between two quotes of one paragraph makes them one attribution.
function mergeSplitQuotes(text: string, quotes: readonly Quote[]): Quote[] {
  const merged: Quote[] = [];
  for (const quote of quotes) {
    const previous = merged[merged.length - 1];
    if (previous) {
      const end = previous.parts[previous.parts.length - 1]!.end;
      const start = quote.parts[0]!.start;
      const gap = text.slice(end, start);
      const lastInner = text.slice(end - 3, end);
      const words = gap.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
      const splitByCue =
        !gap.includes('\n') &&
        words.length > 0 &&
        words.length <= 8 &&
        words.some((word) => isReportingVerb(word)) &&
        /[,:]\s*$/u.test(gap) &&
        (/[,…]\W*$/u.test(lastInner) || /^[“"«„]\s*\p{Ll}/u.test(text.slice(start, start + 3)));
      if (splitByCue) {
        previous.parts.push(...quote.parts);
        continue;
      }
    }
    merged.push({ parts: [...quote.parts], closed: quote.closed });
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------
// Indirect speech.

// Reporting verbs that introduce reported speech, with "that" or without it.
const reportingWithThat =
  'said|says|told|tells|added|adds|stated|claimed|claims|argued|argues|warned|warns|explained|announced|insisted|insists|noted|reported|confirmed|suggested|admitted|acknowledged|believes|believed|thinks|thought|predicted|estimated|denied|revealed|wrote|writes';
const reportingWithoutThat = 'said|says|told|tells|warned|warns|claimed|claims|argued|argues|insisted|insists|believes|believed|thinks|thought|added|stated|confirmed|wrote|writes';
// Words allowed between the verb and the clause: "said on Sunday that", "told reporters that".
const adverbial = '(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|later|also|previously|repeatedly|last\\s+week|this\\s+week|in\\s+a\\s+statement|in\\s+an\\s+interview))?';
const addressee = '(?:\\s+(?:reporters|journalists|the\\s+press|[\\p{Lu}][\\p{L}.&-]*(?:\\s+[\\p{Lu}][\\p{L}.&-]*){0,3}))?';
// The word that opens a reported clause: a determiner, a pronoun, a number or a name.
const clauseOpener = "(?:the|a|an|it|he|she|they|we|i|there|this|these|those|his|her|their|its|our|more|some|no|all|most|many|several|about|nearly|only|[\\d\\p{Lu}])";
const subjectVerbClause = new RegExp(`^((?:[\\p{L}\\p{N}.'’&-]+\\s+){1,10}?)(${reportingWithThat})${addressee}${adverbial}\\s+(that\\s+)?(?=${clauseOpener})`, 'u');
// "..., a negotiator told AFP." / "..., said Rami Abdel Rahman."
const speakerAtEnd = new RegExp(`,\\s+((?:[\\p{L}.'’-]+\\s+){1,8}?)(${reportingWithoutThat})${addressee}(?:,[^.!?]*)?[.!?]?\\s*$`, 'u');
const verbAtEnd = /,\s+(said|says|added)\s+([^,.!?]{2,80})(?:,[^.!?]*)?[.!?]?\s*$/u;
const accordingBefore = /^According to ([^,]{2,80}),\s*/u;
const accordingAfter = /,\s*according to ([^,.;]{2,80})[.!?]?\s*$/u;

// Reported speech in one sentence: its content and its cue, or null.
function reportedSpeech(sentenceText: string, offset: number): { content: SpeakerTextSpan; cue: SpeakerTextSpan } | null {
  const end = offset + sentenceText.length - trailingPunctuation(sentenceText);
  const before = accordingBefore.exec(sentenceText);
  if (before) return { cue: { start: offset, end: offset + 'According to'.length }, content: { start: offset + before[0].length, end } };
  const after = accordingAfter.exec(sentenceText);
  if (after) {
    const at = offset + after.index + after[0].indexOf('according');
    return { cue: { start: at, end: at + 'according to'.length }, content: { start: offset, end: offset + after.index } };
  }
  const atEnd = speakerAtEnd.exec(sentenceText) ?? verbAtEnd.exec(sentenceText);
  if (atEnd) {
    const verb = atEnd === verbAtEnd.exec(sentenceText) ? atEnd[1]! : atEnd[2]!;
    const verbAt = offset + atEnd.index + atEnd[0].search(new RegExp(`\\b${verb}\\b`, 'u'));
    return { cue: { start: verbAt, end: verbAt + verb.length }, content: { start: offset, end: offset + atEnd.index } };
  }
  const clause = subjectVerbClause.exec(sentenceText) ?? nounClause(sentenceText);
  if (clause && !/[,;:]/u.test(clause[1]!)) {
    const verbAt = offset + clause[1]!.length;
    return { cue: { start: verbAt, end: verbAt + clause[2]!.length }, content: { start: offset + clause[0].length, end } };
  }
  return null;
}

// "A spokesman said contingency plans were in place": a clause opening with a noun is reported speech only when
// a finite verb follows in it, so that "said goodbye to the crowd" is not.
const subjectVerbAnyClause = new RegExp(`^((?:[\\p{L}\\p{N}.'’&-]+\\s+){1,10}?)(${reportingWithoutThat})${adverbial}\\s+(that\\s+)?(?=\\p{Ll})`, 'u');
const finiteVerb = /\b(?:is|are|was|were|had|has|have|would|will|could|should|must|may|might|did|does|do|can)\b/u;

function nounClause(sentenceText: string): RegExpExecArray | null {
  const clause = subjectVerbAnyClause.exec(sentenceText);
  if (!clause) return null;
  const rest = sentenceText.slice(clause[0].length);
  const firstWord = /^\p{L}+/u.exec(rest)?.[0] ?? '';
  if (/^(?:to|in|on|at|for|with|by|from|about|of|goodbye|nothing|so|yes|no|sorry|thanks)$/u.test(firstWord)) return null;
  return finiteVerb.test(rest.split(/[,;:]/u)[0]!) ? clause : null;
}

function indirectSpeech(analysed: AnalysedText, quoted: readonly SpeakerTextSpan[], mentions: readonly SpeakerMention[], checkpoint: Checkpoint): AttributionSuggestion[] {
  const { text } = analysed;
  const quotable = quotableBlocks(analysed);
  const found: AttributionSuggestion[] = [];
  for (const [index, sentence] of analysed.sentences.entries()) {
    if (index % 256 === 255) checkpoint();
    if (!quotable[sentence.block]) continue;
    const reported = reportedSpeech(text.slice(sentence.start, sentence.end), sentence.start);
    if (!reported) continue;
    const { content, cue } = reported;
    if ((text.slice(content.start, content.end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 4) continue;
    if (quoted.some((span) => span.start < sentence.end && span.end > sentence.start)) continue;
    const ranked = proposeSpeakers({ text, content: [content], cue, mentions: near(mentions, content.start, content.end), quoted: near(quoted, content.start, content.end) });
    const best = ranked[0];
    if (!best || best.reason === 'distance' || best.reason === 'continuation') continue;
    found.push({
      kind: 'attribution',
      content: [spanOf(text, content)],
      cue: spanOf(text, cue),
      mode: 'indirect',
      speaker: toSuggestedSpeaker(best),
      medium: mediumOf(text.slice(cue.start, Math.min(text.length, cue.end + 40)).split(/[,.;]/u)[0]!),
      confidence: 0.4,
    });
  }
  return found;
}

function trailingPunctuation(sentence: string): number {
  return /[.!?]+["”’]?\s*$/u.exec(sentence)?.[0].length ?? 0;
}
