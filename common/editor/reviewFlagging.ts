import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import { AnnotationRecordStep } from '../annotationStep';
import { markedAnnotationIds } from './annotationRanges';
import { annotationMapOf, setAnnotationRecord } from './annotationRecords';

export const reviewFlaggingKey = new PluginKey('reviewFlagging');

/** The ids of annotations marked anywhere inside the ranges a transaction deleted from `doc`. */
function idsTouchedByDeletion(tr: Transaction): Set<string> {
  const touched = new Set<string>();
  tr.steps.forEach((step, index) => {
    if (step instanceof AnnotationRecordStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep) return;
    const before = tr.docs[index]!;
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd <= oldStart) return;
      before.nodesBetween(oldStart, oldEnd, (node) => {
        for (const mark of node.marks) if (mark.type.name === 'annotation') touched.add(String(mark.attrs.id));
        return true;
      });
    });
  });
  return touched;
}

/**
 * Flags an annotation as needing review when an edit deletes all of its words, instead of dropping it.
 * Only edits that delete annotated text are examined, so typing costs nothing; undo and redo are left
 * alone, since history restores the record together with its words.
 */
export function reviewFlaggingPlugin(now: () => string = () => new Date().toISOString()): Plugin {
  return new Plugin({
    key: reviewFlaggingKey,
    appendTransaction(transactions, _oldState, newState) {
      const touched = new Set<string>();
      for (const tr of transactions) {
        if (!tr.docChanged || isHistoryTransaction(tr)) continue;
        for (const id of idsTouchedByDeletion(tr)) touched.add(id);
      }
      if (touched.size === 0) return null;
      return flagOrphans(newState, touched, now());
    },
  });
}

function flagOrphans(state: EditorState, candidates: Set<string>, now: string): Transaction | null {
  const records = annotationMapOf(state);
  const stillMarked = markedAnnotationIds(state.doc);
  const tr = state.tr;
  for (const id of candidates) {
    const record = records[id];
    if (!record || stillMarked.has(id) || record.status === 'needs_review') continue;
    setAnnotationRecord(state, tr, id, { ...record, status: 'needs_review', updatedAt: now });
  }
  return tr.steps.length > 0 ? tr : null;
}
