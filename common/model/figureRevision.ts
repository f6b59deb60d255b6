import type { FigureAnnotation, FigureFields, FigureValue } from './annotation';
import { parseFigure, type ParsedFigure } from './figureReader';

/**
 * What happens to a figure when its words are edited: a verified figure vouches for a number, so once the
 * words say another number it is no longer trusted.
 *
 * The words before and after the edit are both read. A field whose reading changed is proposed again from the
 * new words; a field whose reading did not change keeps what the editor may have set by hand (a value typed
 * into the inspector survives a typo fixed in the unit). The figure itself is its value with its qualifier
 * and currency ("more than 422,000 euros" is not "fewer than 422,000 dollars"): when that changes, a verified
 * or disputed figure goes back to unchecked and needs review, with the old and new words as the reason's
 * detail (still naming the words first changed when several edits follow). Everything else the editor set
 * (the source note, the note) stays. Undo is not a revision: history restores the record with its words.
 */

/** The detail of a `figure_changed` review: the words before and after, "over 422,000 euros → over 432,000 euros". */
export function figureChangeDetail(oldWords: string, newWords: string): string {
  return `${oldWords}${changeArrow}${newWords}`;
}

const changeArrow = ' → ';

// The words a figure_changed detail started from, so that a second edit still names the words first verified.
function wordsBeforeChange(detail: string): string | null {
  const at = detail.indexOf(changeArrow);
  return at < 0 ? null : detail.slice(0, at);
}

/**
 * The record of figure `record` after its words changed from `oldWords` to `newWords`, as the comment at the
 * top of this file says; null when nothing about the record changes.
 */
export function revisedFigure(record: FigureAnnotation, oldWords: string, newWords: string, now: string): FigureAnnotation | null {
  if (oldWords === newWords) return null;
  const before = parseFigure(oldWords);
  const after = parseFigure(newWords);
  const current = record.figure;
  const valueRead = !sameValue(before.value, after.value);
  const figure: FigureFields = {
    ...current,
    figureKind: before.figureKind === after.figureKind ? current.figureKind : after.figureKind,
    value: valueRead ? after.value : current.value,
    qualifier: before.qualifier === after.qualifier ? current.qualifier : after.qualifier,
    unit: before.unit === after.unit ? current.unit : after.unit,
    currency: before.currency === after.currency ? current.currency : after.currency,
  };
  const revised: FigureAnnotation = { ...record, figure, quote: newWords, updatedAt: now };
  if (numberChanged(current, before, after)) {
    if (current.verification !== 'unchecked') {
      return {
        ...revised,
        figure: { ...figure, verification: 'unchecked' },
        status: 'needs_review',
        review: { reason: 'figure_changed', detail: figureChangeDetail(oldWords, newWords) },
      };
    }
    if (record.status === 'needs_review' && record.review?.reason === 'figure_changed') {
      const firstWords = wordsBeforeChange(record.review.detail) ?? oldWords;
      return { ...revised, review: { reason: 'figure_changed', detail: figureChangeDetail(firstWords, newWords) } };
    }
  }
  return revised;
}

/**
 * Whether the figure the record vouches for changed: its value, qualifier or currency read differently after
 * the edit than before, and differently from what the record holds. The second test keeps a verification when
 * the old words could not be read (a typo before the number) but the new words say what the record says; a
 * currency only changes from one currency to another, not when its name is fixed or dropped.
 */
function numberChanged(current: FigureFields, before: ParsedFigure, after: ParsedFigure): boolean {
  const value = !sameValue(before.value, after.value) && !sameValue(after.value, current.value);
  const qualifier = before.qualifier !== after.qualifier && after.qualifier !== current.qualifier;
  const currency = before.currency !== after.currency && after.currency !== current.currency && after.currency !== null && current.currency !== null;
  return value || qualifier || currency;
}

function sameValue(a: FigureValue | null, b: FigureValue | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.type) {
    case 'number':
      return b.type === 'number' && a.value === b.value;
    case 'range':
      return b.type === 'range' && a.min === b.min && a.max === b.max;
    default:
      return a.type === b.type && 'iso' in b && a.iso === b.iso;
  }
}
