import type { EntityType } from '../../../common/model/annotation';
import type { ExportableArticle, ExportResult, FormatWriter } from '../adapter';
import { exportFileName } from '../shared/fileNames';
import { buildSpanTable, unplacedWarnings, type SpanTable } from '../shared/spanTable';

/**
 * CoNLL IOB2 export of entity mentions: one `token TAG` line per token, one sentence per block of lines,
 * a `-DOCSTART- O` header. Only entities are carried; a mention inside or across another loses to the outer
 * one, and a warning names it. Tokens never contain whitespace, so every line has exactly two columns.
 */

/** The CoNLL tag suffix of each entity type. */
export const conllTypes: Record<EntityType, string> = {
  person: 'PER',
  organisation: 'ORG',
  place: 'LOC',
  event: 'EVENT',
  other: 'MISC',
};

/** One token with its UTF-16 offsets in the exported text and its IOB2 tag. */
export interface ConllToken {
  text: string;
  start: number;
  end: number;
  tag: string;
}

/** An entity span that won its place in the IOB2 layer. */
interface KeptSpan {
  start: number;
  end: number;
  type: string;
}

// Whitespace as JavaScript, Python's str.split() and Perl's \s see it, so any reader splits lines the same way.
const whitespaceRun = /[\s\x1c-\x1f\x85]+/u;
// Characters that end a sentence: Latin, Arabic, and fullwidth full stops and marks.
const sentenceEnd = /^[.!?؟।。！？…]+$/u;
// Closing quotes and brackets that stay with the sentence they end.
const closer = /^[\p{Pf}\p{Pe}"']+$/u;
// What may open the next sentence: a capital, a letter of a script without case, or an opening quote.
const sentenceOpener = /^[\p{Lu}\p{Lt}\p{Lo}\p{Pi}\p{Ps}"'\d]/u;
const lineBreak = /[\n\v\f\r\x85\u2028\u2029]/u;

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Intl.Segmenter's cost grows with the square of its input (40,000 words in one paragraph took 47 s), so it
// is given windows of about this many UTF-16 units, cut where a word boundary is certain.
const segmenterWindow = 256;
const whitespaceCharacter = /[\s\x1c-\x1f\x85]/u;

// Where the window from `from` ends: at the first whitespace after `from + segmenterWindow` (a word never
// runs across whitespace, so the segments are the same as over the whole text), or, in a run of twice that
// length without any whitespace, which no real word is, at a code point boundary inside it.
function windowEnd(text: string, from: number, end: number): number {
  if (end - from <= segmenterWindow) return end;
  const hardEnd = Math.min(end, from + 2 * segmenterWindow);
  for (let at = from + segmenterWindow; at < hardEnd; at++) {
    if (whitespaceCharacter.test(text[at]!)) return at;
  }
  const code = text.charCodeAt(hardEnd - 1);
  return code >= 0xd800 && code <= 0xdbff ? hardEnd - 1 : hardEnd;
}

/** The word segments of text[start, end), each with its offset in `text`, segmenting in bounded windows. */
function* wordSegments(text: string, start: number, end: number): Generator<{ segment: string; index: number }> {
  for (let from = start; from < end; ) {
    const to = windowEnd(text, from, end);
    for (const segment of wordSegmenter.segment(text.slice(from, to))) yield { segment: segment.segment, index: from + segment.index };
    from = to;
  }
}

/**
 * Keeps entity spans so that none crosses or nests in another: outer (longer, earlier) spans first, as in the
 * document order of the span table; every span that loses is reported by its text and id.
 */
export function keepOuterEntitySpans(table: SpanTable): { kept: KeptSpan[]; dropped: string[] } {
  const candidates: Array<KeptSpan & { id: string; label: string; text: string }> = [];
  for (const placed of table.placed) {
    const annotation = placed.annotation;
    if (annotation.kind !== 'entity') continue;
    for (const span of placed.content) {
      candidates.push({ start: span.start, end: span.end, type: conllTypes[annotation.entityType], id: annotation.id, label: annotation.entityType, text: span.text });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept: Array<KeptSpan & { id: string; text: string }> = [];
  const dropped: string[] = [];
  for (const candidate of candidates) {
    // Kept spans are disjoint and taken in order of start, so only the last kept one can overlap.
    const last = kept[kept.length - 1];
    const blocker = last && candidate.start < last.end ? last : undefined;
    if (blocker) {
      dropped.push(`CoNLL: the ${candidate.label} "${candidate.text}" (${candidate.id}) overlaps "${blocker.text}" (${blocker.id}); the outer mention was kept.`);
    } else {
      kept.push(candidate);
    }
  }
  return { kept, dropped };
}

/** A token's text and its UTF-16 offsets in the exported text, before it is tagged. */
type UntaggedToken = Omit<ConllToken, 'tag'>;

/**
 * The tokens of a block, one at a time: Unicode word segmentation (so "2,000", "regime's" and an emoji with
 * its modifiers stay whole), cut first at the edges of the block's kept mentions so a mention is always whole
 * tokens, and at whitespace, which no token may contain. One at a time, because a 5 MB paragraph has over a
 * million tokens, and holding them (and their tagged copies) at once took the host 300 MB.
 */
function* blockTokens(text: string, blockStart: number, blockEnd: number, mentions: readonly KeptSpan[]): Generator<UntaggedToken> {
  const cuts = [...new Set(mentions.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
  let from = blockStart;
  for (const cut of [...cuts, blockEnd]) {
    if (cut > from && cut <= blockEnd) {
      for (const segment of wordSegments(text, from, cut)) {
        // A segment may still hold whitespace (a space with a combining mark after it): split it there.
        let offset = segment.index;
        for (const part of segment.segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
          if (part !== '' && !whitespaceRun.test(part)) yield { text: part, start: offset, end: offset + part.length };
          offset += part.length;
        }
      }
    }
    from = Math.max(from, cut);
  }
}

/** Splits a block into tokens (see blockTokens), as a list. */
export function tokenise(text: string, blockStart: number, blockEnd: number, mentions: readonly KeptSpan[]): UntaggedToken[] {
  return [...blockTokens(text, blockStart, blockEnd, mentions)];
}

/** Tags tokens with IOB2 tags from the kept entity spans (sorted, none overlapping); adds each span tagged to `tagged`. */
function* taggedTokens(tokens: Iterable<UntaggedToken>, kept: readonly KeptSpan[], tagged: Set<KeptSpan>): Generator<ConllToken> {
  let spanIndex = 0;
  let previous: KeptSpan | undefined;
  for (const token of tokens) {
    while (spanIndex < kept.length && kept[spanIndex]!.end <= token.start) spanIndex++;
    const span = kept[spanIndex];
    if (!span || token.start < span.start || token.end > span.end) {
      previous = undefined;
      yield { ...token, tag: 'O' };
      continue;
    }
    const tag = `${previous === span ? 'I' : 'B'}-${span.type}`;
    previous = span;
    tagged.add(span);
    yield { ...token, tag };
  }
}

/**
 * Writes a block's tagged tokens as `token TAG` lines, with an empty line after each sentence: a sentence ends
 * after . ! ? (and closing quotes) when the next token opens a sentence after a space, at a line break, and at
 * the end of the block; never inside an entity. Looks one token ahead, no further.
 */
function writeSentences(text: string, tokens: Iterable<ConllToken>, write: (line: string) => void): void {
  let current: ConllToken | undefined;
  // Whether the sentence so far ends with . ! ? and maybe closing quotes or brackets after it.
  let endsWithSentenceEnd = false;
  for (const next of tokens) {
    if (current) {
      // An entity continues into the next token: no sentence may end here.
      const between = next.tag.startsWith('I-') ? '' : text.slice(current.end, next.start);
      const atLineBreak = lineBreak.test(between);
      const opensSentence = between.length > 0 && sentenceOpener.test(next.text);
      if (!next.tag.startsWith('I-') && (atLineBreak || (endsWithSentenceEnd && opensSentence))) {
        write('');
        endsWithSentenceEnd = false;
      }
    }
    write(`${next.text} ${next.tag}`);
    if (sentenceEnd.test(next.text)) endsWithSentenceEnd = true;
    else if (!closer.test(next.text)) endsWithSentenceEnd = false;
    current = next;
  }
  if (current) write('');
}

/**
 * Lines joined with "\n" as they come, a few thousand at a time: the text of `lines.join('\n')` without an
 * array of every line of a large article alive until the end.
 */
function lineJoiner(): { write(line: string): void; text(): string } {
  const joined: string[] = [];
  let pending: string[] = [];
  return {
    write(line) {
      pending.push(line);
      if (pending.length < 4096) return;
      joined.push(pending.join('\n'));
      pending = [];
    },
    text() {
      if (pending.length > 0) joined.push(pending.join('\n'));
      pending = [];
      return joined.join('\n');
    },
  };
}

/** The CoNLL file of an article and what it had to leave out. */
export function conllDocument(input: ExportableArticle): { content: string; warnings: string[] } {
  const table = buildSpanTable(input);
  const { kept, dropped } = keepOuterEntitySpans(table);
  const lines = lineJoiner();
  lines.write('-DOCSTART- O');
  lines.write('');
  const warnings = [...unplacedWarnings(table, 'CoNLL', (annotation) => annotation.kind === 'entity'), ...dropped];
  const tagged = new Set<KeptSpan>();
  // Kept spans are sorted and disjoint, and blocks come in order: one pointer walks both.
  let nextKept = 0;
  for (const block of table.blocks) {
    while (nextKept < kept.length && kept[nextKept]!.start < block.start) nextKept++;
    const keptInBlock: KeptSpan[] = [];
    for (let index = nextKept; index < kept.length && kept[index]!.start < block.end; index++) {
      if (kept[index]!.end <= block.end) keptInBlock.push(kept[index]!);
    }
    writeSentences(table.text, taggedTokens(blockTokens(table.text, block.start, block.end, keptInBlock), keptInBlock, tagged), lines.write);
  }
  for (const span of kept) {
    if (!tagged.has(span)) warnings.push(`CoNLL: the mention "${table.text.slice(span.start, span.end)}" has no word to tag and was left out.`);
  }
  return { content: `${lines.text()}\n`, warnings };
}

/** CoNLL IOB2 (`token TAG`), entities only. */
export const conllWriter: FormatWriter = {
  write(input: ExportableArticle): ExportResult {
    const { content, warnings } = conllDocument(input);
    return {
      files: [{ fileName: exportFileName(input.article.title, input.article.id, 'conll'), mimeType: 'text/plain; charset=utf-8', content }],
      warnings,
    };
  },
};
