import { sentenceAround, sentenceStarts } from '../../common/sentences';
import type { TagPlace } from '../store/tagPlace';

/**
 * Cuts the sentences of tags from their blocks' texts, finding each block's sentence starts once however many
 * of the tags it holds. A block break always ends a sentence, so the block alone gives the same sentence as the
 * whole article would.
 */
export function sentenceCutter(): (place: TagPlace) => string {
  const startsOf = new Map<string, number[]>();
  return ({ blockText, start, end }) => {
    if (blockText === null || start < 0) return '';
    let starts = startsOf.get(blockText);
    if (!starts) startsOf.set(blockText, (starts = sentenceStarts(blockText)));
    return sentenceAround(blockText, starts, start, end);
  };
}
