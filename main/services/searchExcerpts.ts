import type { SearchSnippet, TextSegment } from '../../common/librarySearch';
import { foldedWord, termOccurrences, textWords, type SearchTerm } from '../../common/searchQuery';

// Words shown before the first match of an excerpt, and in all.
const wordsBefore = 6;
const wordsPerExcerpt = 24;

interface BlockMatches {
  text: string;
  // Matched runs of words, as [first word, last word] indexes, in text order.
  runs: [number, number][];
  words: ReturnType<typeof textWords>;
  termsMatched: number;
}

function blockMatches(text: string, terms: readonly SearchTerm[]): BlockMatches | null {
  const words = textWords(text);
  const runs: [number, number][] = [];
  let termsMatched = 0;
  for (const term of terms) {
    const found = termOccurrences(term, words);
    if (found.length > 0) termsMatched++;
    for (const first of found) runs.push([first, first + term.words.length - 1]);
  }
  if (runs.length === 0) return null;
  runs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return { text, runs, words, termsMatched };
}

// A window of words around the first match, with every match inside it marked.
function excerptOf({ text, runs, words }: BlockMatches): SearchSnippet {
  const firstWord = Math.max(0, runs[0]![0] - wordsBefore);
  const lastWord = Math.min(words.length - 1, firstWord + wordsPerExcerpt - 1);
  const from = firstWord === 0 ? 0 : words[firstWord]!.start;
  const to = lastWord === words.length - 1 ? text.length : words[lastWord]!.end;
  const segments: TextSegment[] = [];
  let at = from;
  for (const [first, last] of runs) {
    if (first > lastWord) break;
    const start = Math.max(words[first]!.start, at);
    const end = Math.min(words[Math.min(last, lastWord)]!.end, to);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return { segments, leading: from > 0, trailing: to < text.length };
}

/**
 * Excerpts of an article's blocks where the query's terms occur, marked: blocks matching every term first, then
 * those matching the most terms, in text order; at most `limit`. Found in the text itself rather than by the
 * search index's snippet(), which for a prefix term re-reads the index once per block. Reading stops once
 * `limit` blocks match every term, so a word found in every paragraph costs no more than a rare one.
 */
export function searchExcerpts(blockTexts: readonly string[], terms: readonly SearchTerm[], limit = 2): SearchSnippet[] {
  if (terms.length === 0) return [];
  const firstWords = terms.map((term) => term.words[0]!);
  const matched: BlockMatches[] = [];
  let complete = 0;
  for (const text of blockTexts) {
    // A block that does not even hold the terms' first words as text cannot match; most blocks stop here.
    const folded = foldedWord(text);
    if (!firstWords.some((word) => folded.includes(word))) continue;
    const found = blockMatches(text, terms);
    if (!found) continue;
    matched.push(found);
    if (found.termsMatched === terms.length && ++complete === limit) break;
  }
  // Stable: equally good blocks stay in text order.
  matched.sort((a, b) => b.termsMatched - a.termsMatched);
  return matched.slice(0, limit).map(excerptOf);
}
