/**
 * What a search box's text asks for, read once for both places that need it: the store, which turns each term
 * into an FTS5 query, and the excerpts, which find the same words in an article's text to mark them. Words are
 * split and folded as the search index (FTS5's unicode61 tokenizer, diacritics removed) splits and folds them.
 */

/**
 * One term of a query, all of which an article must match: consecutive words, the last of which may be the
 * start of a longer word. A "quoted phrase" is exact; a bare word matches longer words starting with it; a word
 * joined by punctuation ("al-Rahman") is the phrase of its parts, its last part a prefix.
 */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** A word as the index compares it: lower case, without diacritics ("Gaza" and "gazá" are the same). */
export function foldedWord(word: string): string {
  // Most copy is ASCII, which has nothing to decompose; normalising every word would cost more than the search.
  return asciiOnly.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const asciiOnly = /^[\x00-\x7f]*$/;

/** The terms of a query in the order typed, their words folded; empty when the text holds no word at all. */
export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const [, phrase, word] of query.matchAll(/"([^"]*)"|([^\s"]+)/gu)) {
    const words = ((phrase ?? word ?? '').match(wordPattern) ?? []).map(foldedWord).filter((folded) => folded.length > 0);
    if (words.length > 0) terms.push({ words, prefix: phrase === undefined });
  }
  return terms;
}

/** A word of a text and where it is (UTF-16 offsets), folded for comparing with terms. */
export interface TextWord {
  start: number;
  end: number;
  folded: string;
}

/** The words of a text, as the search index splits it. */
export function textWords(text: string): TextWord[] {
  return [...text.matchAll(wordPattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, folded: foldedWord(match[0]) }));
}

/** Where a term occurs among a text's words: each occurrence as the index of its first word and its word count. */
export function termOccurrences(term: SearchTerm, words: readonly TextWord[]): number[] {
  const found: number[] = [];
  const last = term.words.length - 1;
  for (let index = 0; index + last < words.length; index++) {
    const matches = term.words.every((word, offset) => {
      const folded = words[index + offset]!.folded;
      return offset === last && term.prefix ? folded.startsWith(word) : folded === word;
    });
    if (matches) found.push(index);
  }
  return found;
}
