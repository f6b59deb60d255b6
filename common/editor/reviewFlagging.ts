import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { isHistoryTransaction } from 'prosemirror-history';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import type { Annotation } from '../annotation';
import { AnnotationRecordStep } from '../annotationStep';
import { revisedFigure } from '../figureRevision';
import { annotationMapOf, setAnnotationRecord } from './annotationRecords';

/** The key of the plugin that keeps records true to their words. */
export const reviewFlaggingKey = new PluginKey('reviewFlagging');

/**
 * Keeps annotation records true to their words while the copy is edited:
 * - a tag whose words are all deleted is flagged as needing review (reason `words_deleted`, the words it had
 *   as detail and quote) instead of being dropped;
 * - a figure whose words change is read again (see `revisedFigure`): a verified or disputed figure whose
 *   number changed goes back to unchecked and needs review (reason `figure_changed`), while a fixed typo in
 *   its unit keeps the verification.
 * An entity or attribution whose words change but remain keeps its record: what it names or quotes does not
 * hang on the spelling, and flagging every correction would bury the flags that matter.
 *
 * Only edits that touch annotated words are examined, so typing elsewhere costs nothing; undo and redo are
 * left alone, since history restores the record together with its words. A transaction that sets a
 * record itself (a command that edits words and fields at once) is trusted for that record.
 */
export function reviewFlaggingPlugin(now: () => string = () => new Date().toISOString()): Plugin {
  return new Plugin({
    key: reviewFlaggingKey,
    appendTransaction(transactions, oldState, newState) {
      const touched = new Set<string>();
      const setByTransaction = new Set<string>();
      for (const tr of transactions) {
        if (!tr.docChanged || isHistoryTransaction(tr)) continue;
        collectTouchedIds(tr, touched, setByTransaction);
      }
      for (const id of setByTransaction) touched.delete(id);
      if (touched.size === 0) return null;
      return reviseTouched(oldState, newState, touched, now());
    },
  });
}

// The ids of annotations whose words a transaction may have changed: every tag in a range it replaced, and
// the figure around a position where it only inserted (typing at a tag's edge does not grow the tag, since
// its marks are not inclusive, so only a figure on both sides is typed into). Also the records it set.
function collectTouchedIds(tr: Transaction, touched: Set<string>, setByTransaction: Set<string>): void {
  tr.steps.forEach((step, index) => {
    if (step instanceof AnnotationRecordStep) {
      setByTransaction.add(step.annotationId);
      return;
    }
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return;
    const before = tr.docs[index]!;
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd > oldStart) {
        before.nodesBetween(oldStart, oldEnd, (node) => {
          for (const mark of node.marks) if (mark.type.name === 'annotation') touched.add(String(mark.attrs.id));
          return true;
        });
        return;
      }
      const $pos = before.resolve(oldStart);
      const after = new Set(($pos.nodeAfter?.marks ?? []).map((mark) => mark.attrs.id as unknown));
      for (const mark of $pos.nodeBefore?.marks ?? []) {
        if (mark.type.name === 'annotation' && mark.attrs.kind === 'figure' && after.has(mark.attrs.id)) touched.add(String(mark.attrs.id));
      }
    });
  });
}

function reviseTouched(oldState: EditorState, newState: EditorState, touched: ReadonlySet<string>, now: string): Transaction | null {
  const records = annotationMapOf(newState);
  const candidates = new Set([...touched].filter((id) => records[id] !== undefined));
  if (candidates.size === 0) return null;
  const wordsAfter = contentWords(newState.doc, candidates);
  // The words before matter only for figures and for tags left without words, so most edits walk one document.
  const needBefore = new Set([...candidates].filter((id) => records[id]!.kind === 'figure' || !wordsAfter.has(id)));
  const wordsBefore = needBefore.size > 0 ? contentWords(oldState.doc, needBefore) : new Map<string, string>();
  const tr = newState.tr;
  for (const id of candidates) {
    const record = records[id]!;
    const before = wordsBefore.get(id);
    const after = wordsAfter.get(id);
    let revised: Annotation | null = null;
    if (after === undefined) revised = flaggedAsDeleted(record, before, now);
    else if (record.kind === 'figure' && before !== undefined) revised = revisedFigure(record, before, after, now);
    if (revised) setAnnotationRecord(newState, tr, id, revised);
  }
  return tr.steps.length > 0 ? tr : null;
}

function flaggedAsDeleted(record: Annotation, wordsBefore: string | undefined, now: string): Annotation | null {
  if (record.status === 'needs_review') return null;
  const words = wordsBefore ?? record.quote;
  return { ...record, status: 'needs_review', quote: words, review: { reason: 'words_deleted', detail: words }, updatedAt: now };
}

/**
 * The words each of `ids` covers in `doc` (its content, not an attribution's cue), its separate stretches
 * joined by a space; an id whose content is not marked anywhere is absent. One walk over the document.
 */
export function contentWords(doc: ProseMirrorNode, ids: ReadonlySet<string>): Map<string, string> {
  const words = new Map<string, string>();
  const lastEnd = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'annotation' || mark.attrs.part !== 'content') continue;
      const id = String(mark.attrs.id);
      if (!ids.has(id)) continue;
      const previous = words.get(id);
      const joiner = previous === undefined ? '' : lastEnd.get(id) === pos ? '' : ' ';
      words.set(id, (previous ?? '') + joiner + node.text!);
      lastEnd.set(id, pos + node.nodeSize);
    }
    return false;
  });
  return words;
}
