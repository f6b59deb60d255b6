import { blockSeparator } from '../../common/articleText';

/** An article's whole plain text and where each block starts in it (UTF-16), by block position. */
export interface ArticleTextLayout {
  text: string;
  blockStarts: number[];
}

/**
 * Joins block texts, in order, into the article's plain text as common/articleText.ts reads it from a whole
 * document (blocks separated by a blank line), so offsets computed from blocks match offsets computed from
 * the document.
 */
export function articleTextLayout(blockTexts: readonly string[]): ArticleTextLayout {
  const blockStarts: number[] = [];
  let length = 0;
  for (const [index, text] of blockTexts.entries()) {
    if (index > 0) length += blockSeparator.length;
    blockStarts.push(length);
    length += text.length;
  }
  return { text: blockTexts.join(blockSeparator), blockStarts };
}
