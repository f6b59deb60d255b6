import { blockSeparator } from './articleText';

/**
 * A deliberately simple sentence splitter for showing a mention in context: a sentence ends at ".", "!" or
 * "?" (with any closing quotes or brackets) followed by a space or a line break, unless a lowercase letter
 * follows ('"Go!" she said' is one sentence), and at every block break. Abbreviations before a capital, such
 * as "Gen. Smith", end a sentence too; the registry view only needs a readable snippet.
 */

const sentenceEnd = /[.!?]+["'”’»)\]]*[ \t\n]+(?![ \t\n]|\p{Ll})/gu;

/** Where each sentence of `text` starts, in order; the first starts at 0. */
export function sentenceStarts(text: string): number[] {
  const starts = new Set([0]);
  for (const match of text.matchAll(sentenceEnd)) starts.add(match.index + match[0].length);
  for (let at = text.indexOf(blockSeparator); at >= 0; at = text.indexOf(blockSeparator, at + blockSeparator.length)) {
    starts.add(at + blockSeparator.length);
  }
  return [...starts].filter((start) => start < text.length).sort((a, b) => a - b);
}

// The index of the last sentence starting at or before `offset`, by bisection.
function sentenceIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The sentence or sentences of `text` that hold the UTF-16 range [start, end), trimmed, given the text's
 * `sentenceStarts`. A range that crosses a sentence end (a name after "Gen.") gets both sentences.
 * Empty for a range outside the text, such as the -1 of a mention that has lost its words.
 */
export function sentenceAround(text: string, starts: readonly number[], start: number, end: number): string {
  if (start < 0 || end < start || start >= text.length || starts.length === 0) return '';
  const first = sentenceIndex(starts, start);
  const last = sentenceIndex(starts, Math.max(start, end - 1));
  return text.slice(starts[first], starts[last + 1] ?? text.length).trim();
}
