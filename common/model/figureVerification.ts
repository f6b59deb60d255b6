import type { FigureAnnotation, VerificationStatus } from './annotation';

/**
 * A fact-checker's verdict on a figure: verified or disputed (or back to unchecked), with a source note saying
 * where it was checked. The rules, wherever the verdict is given (the checklist, the inspector):
 * - a suggestion is not yet the desk's figure, so it cannot be checked: accept it first;
 * - a disputed figure says why: its note cannot be empty;
 * - checking a figure whose number changed since it was last checked (a `figure_changed` review) settles that
 *   review: the checker looked at the new number. Other reviews (its words were deleted) stay for the editor.
 * Nothing else in the record changes; its time of change is the verdict's.
 */

/** What a verdict asks for. */
export interface FigureVerdict {
  verification: VerificationStatus;
  sourceNote: string;
}

/** The longest source note, as the record schema allows it. */
export const maxSourceNoteLength = 5000;

/** The record after the verdict, or why the verdict cannot be given; `unchanged` when it changes nothing. */
export type FigureVerdictResult = { ok: true; record: FigureAnnotation; unchanged: boolean } | { ok: false; reason: string };

/** Applies `verdict` to figure `record` at time `now` by the rules above. */
export function figureWithVerdict(record: FigureAnnotation, verdict: FigureVerdict, now: string): FigureVerdictResult {
  const sourceNote = verdict.sourceNote.trim();
  if (record.status === 'suggested') return { ok: false, reason: 'This figure is still a suggestion: accept it in the article before checking it.' };
  if (verdict.verification === 'disputed' && sourceNote === '') return { ok: false, reason: 'Say why the figure is disputed in its source note.' };
  if (sourceNote.length > maxSourceNoteLength) return { ok: false, reason: `A source note holds at most ${maxSourceNoteLength.toLocaleString('en')} characters.` };
  const settlesReview = verdict.verification !== 'unchecked' && record.status === 'needs_review' && record.review?.reason === 'figure_changed';
  if (record.figure.verification === verdict.verification && record.figure.sourceNote === sourceNote && !settlesReview) {
    return { ok: true, record, unchanged: true };
  }
  const figure = { ...record.figure, verification: verdict.verification, sourceNote };
  const reviewed = settlesReview ? { status: 'accepted' as const, review: null } : {};
  return { ok: true, record: { ...record, ...reviewed, figure, updatedAt: now }, unchanged: false };
}
