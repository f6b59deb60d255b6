import { closeHistory } from 'prosemirror-history';
import type { Annotation, AnnotationStatus } from '../model/annotation';
import type { Command } from './annotationCommands';
import { annotationMapOf, setAnnotationRecord } from './annotationRecords';

/** The record with a new status: needing review carries a reason, any other status carries none. */
function withStatus(record: Annotation, status: AnnotationStatus, now: string): Annotation {
  if (status !== 'needs_review') return { ...record, status, review: null, updatedAt: now };
  // A tag already waiting for review keeps the reason it was flagged for: the editor's click adds nothing to it.
  if (record.status === 'needs_review') return record;
  return { ...record, status, review: { reason: 'set_by_editor', detail: '' }, updatedAt: now };
}

/**
 * Sets an annotation's status as the editor chooses it. Marking it as needing review records the reason
 * `set_by_editor`; accepting it (or any other status) clears the reason. One undo step.
 */
export function setAnnotationStatus(id: string, status: AnnotationStatus, now: string): Command {
  return (state, dispatch) => {
    const record = annotationMapOf(state)[id];
    if (!record) return false;
    const next = withStatus(record, status, now);
    if (next === record || (record.status === status && (record.review ?? null) === (next.review ?? null))) return false;
    if (dispatch) dispatch(closeHistory(setAnnotationRecord(state, state.tr, id, next)));
    return true;
  };
}

/**
 * Marks an annotation as needing review (reason `set_by_editor`), or, when it already needs review, clears
 * that and accepts it: the one shortcut the editor needs for both.
 */
export function toggleNeedsReview(id: string, now: string): Command {
  return (state, dispatch) => {
    const record = annotationMapOf(state)[id];
    if (!record) return false;
    return setAnnotationStatus(id, record.status === 'needs_review' ? 'accepted' : 'needs_review', now)(state, dispatch);
  };
}
