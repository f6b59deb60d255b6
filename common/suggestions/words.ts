import type { AnalysedText, Token } from './analysedText';

/**
 * Words as names are written: wink splits "Al-Maeena" and "Wright-Patterson" at the hyphen, names keep them
 * whole. A word also knows whether it opens its sentence, where a capital letter proves nothing.
 */

/** A word of the text: one token, or tokens joined by hyphens with no space between. */
export interface Word {
  text: string;
  lower: string;
  /** The part of speech of the word's last token (its head). */
  pos: string;
  start: number;
  end: number;
  sentence: number;
  block: number;
  /** True for the first word of a sentence, or the first after an opening quotation mark or bracket. */
  opensSentence: boolean;
  /** True when a line break stands between this word and the one before. */
  breakBefore: boolean;
  /** The character right after the word ('' at the end of the text). */
  nextCharacter: string;
}

const openers = new Set(['"', '“', '‘', '(', '[', '«', "'", '—', '–', '-', ':']);

/** Joins hyphenated tokens into words and marks the words that open a sentence. */
export function wordsOf(analysed: AnalysedText): Word[] {
  const words: Word[] = [];
  const tokens = analysed.tokens;
  let previous: Token | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const last = words[words.length - 1];
    const hyphen = tokens[i - 1];
    if (
      last &&
      previous?.text === '-' &&
      hyphen &&
      hyphen.start === last.end &&
      token.start === hyphen.end &&
      /[\p{L}\p{N}]$/u.test(last.text) &&
      /^[\p{L}\p{N}]/u.test(token.text) &&
      token.sentence === last.sentence
    ) {
      last.text = analysedSlice(analysed, last.start, token.end);
      last.lower = last.text.toLowerCase();
      last.end = token.end;
      last.nextCharacter = analysed.text.charAt(token.end);
      last.pos = token.pos === 'PROPN' || last.pos === 'PROPN' ? 'PROPN' : token.pos;
      previous = token;
      continue;
    }
    if (token.text === '-' && last && last.end === token.start && tokens[i + 1]?.start === token.end) {
      // Held back: it joins the next token to this word, or is dropped as punctuation.
      previous = token;
      continue;
    }
    const before = words[words.length - 1];
    const opensSentence = !before || before.sentence !== token.sentence || (openers.has(before.text) && !/\p{L}/u.test(before.text));
    const breakBefore = before !== undefined && analysed.text.slice(before.end, token.start).includes('\n');
    words.push({
      text: token.text,
      lower: token.lower,
      pos: token.pos,
      start: token.start,
      end: token.end,
      sentence: token.sentence,
      block: token.block,
      opensSentence,
      breakBefore,
      nextCharacter: analysed.text.charAt(token.end),
    });
    previous = token;
  }
  return words;
}

function analysedSlice(analysed: AnalysedText, start: number, end: number): string {
  return analysed.text.slice(start, end);
}
