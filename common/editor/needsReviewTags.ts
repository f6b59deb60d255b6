import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { AnnotationMap } from '../model/annotation';
import { AnnotationRecordStep } from './annotationStep';
import { annotationMapOf } from './annotationRecords';

/** The ids of the annotations waiting for review: the view underlines their words (renderer/src/editor/needsReviewUnderline.ts). */
export interface NeedsReviewState {
  ids: ReadonlySet<string>;
}

/** The key of the needs-review plugin's state. */
export const needsReviewKey = new PluginKey<NeedsReviewState>('needsReview');

function idsNeedingReview(records: AnnotationMap): Set<string> {
  const ids = new Set<string>();
  // Run as a long article opens: walking the keys spares an array per record of Object.entries.
  for (const id in records) if (records[id]!.status === 'needs_review') ids.add(id);
  return ids;
}

// Only the records a transaction touched can change status: the others need no look. The same set comes back
// when nothing changed, so that the view redraws nothing on a keystroke.
function updatedIds(tr: Transaction, ids: ReadonlySet<string>): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const step of tr.steps) {
    if (!(step instanceof AnnotationRecordStep)) continue;
    const needsReview = step.record?.status === 'needs_review';
    if (needsReview === (next ?? ids).has(step.annotationId)) continue;
    next ??= new Set(ids);
    if (needsReview) next.add(step.annotationId);
    else next.delete(step.annotationId);
  }
  return next ?? ids;
}

/**
 * Keeps the ids of the tags waiting for review. Their words are found by the marks' own ids, so typing or
 * moving marks changes nothing here: only a status change does.
 */
export function needsReviewPlugin(): Plugin<NeedsReviewState> {
  return new Plugin<NeedsReviewState>({
    key: needsReviewKey,
    state: {
      init: (_config, state: EditorState) => ({ ids: idsNeedingReview(annotationMapOf(state)) }),
      apply(tr, value) {
        const ids = updatedIds(tr, value.ids);
        return ids === value.ids ? value : { ids };
      },
    },
  });
}

/** The ids of the annotations waiting for review, as the plugin holds them. */
export function needsReviewIds(state: EditorState): ReadonlySet<string> {
  return needsReviewKey.getState(state)?.ids ?? new Set();
}
