import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { isHistoryTransaction } from 'prosemirror-history';
import { AddMarkStep, Mapping, RemoveMarkStep } from 'prosemirror-transform';
import type { Annotation } from '../model/annotation';
import { AnnotationRecordStep } from './annotationStep';
import { revisedFigure } from '../model/figureRevision';
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
 * Only edits that touch annotated words are examined, so typing elsewhere costs nothing, and they read the
 * words in the paragraphs they changed rather than in the whole article. Undo and redo are left alone, since
 * history restores the record together with its words. A transaction that sets a record itself (a command
 * that edits words and fields at once) is trusted for that record.
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
      return reviseTouched(transactions, oldState, newState, touched, now());
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

function reviseTouched(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  touched: ReadonlySet<string>,
  now: string,
): Transaction | null {
  const records = annotationMapOf(newState);
  const candidates = new Set([...touched].filter((id) => records[id] !== undefined));
  if (candidates.size === 0) return null;
  const blocks = changedTextblocks(transactions, oldState.doc, newState.doc);
  const before = contentWords(oldState.doc, candidates, blocks.before);
  const after = contentWords(newState.doc, candidates, blocks.after);
  // The paragraphs an edit changed usually hold all of a tag's words. A tag with none left there may have
  // words elsewhere; a figure whose record quotes other words than those seen there may have more elsewhere.
  const partlySeen = new Set(
    [...candidates].filter((id) => !after.has(id) || (records[id]!.kind === 'figure' && before.get(id) !== records[id]!.quote)),
  );
  if (partlySeen.size > 0) {
    const wholeAfter = contentWords(newState.doc, partlySeen);
    const wholeBefore = contentWords(oldState.doc, new Set([...partlySeen].filter((id) => records[id]!.kind === 'figure')));
    for (const id of partlySeen) {
      const words = wholeAfter.get(id);
      if (words === undefined) after.delete(id);
      else after.set(id, words);
      if (wholeBefore.has(id)) before.set(id, wholeBefore.get(id)!);
    }
  }
  const tr = newState.tr;
  for (const id of candidates) {
    const record = records[id]!;
    const wordsBefore = before.get(id);
    const wordsAfter = after.get(id);
    let revised: Annotation | null = null;
    if (wordsAfter === undefined) revised = flaggedAsDeleted(record, wordsBefore, now);
    else if (record.kind === 'figure' && wordsBefore !== undefined) revised = revisedFigure(record, wordsBefore, wordsAfter, now);
    if (revised) setAnnotationRecord(newState, tr, id, revised);
  }
  return tr.steps.length > 0 ? tr : null;
}

/** A stretch of a document, start inclusive and end exclusive. */
interface DocRange {
  from: number;
  to: number;
}

// The textblocks that `transactions` changed, in the document before them and in the document after them.
function changedTextblocks(transactions: readonly Transaction[], oldDoc: ProseMirrorNode, newDoc: ProseMirrorNode): { before: DocRange[]; after: DocRange[] } {
  const mapping = new Mapping();
  const changed: { from: number; to: number; mapsBefore: number }[] = [];
  for (const tr of transactions) {
    for (const map of tr.mapping.maps) {
      const mapsBefore = mapping.maps.length + 1;
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => changed.push({ from: newStart, to: newEnd, mapsBefore }));
      mapping.appendMap(map);
    }
  }
  const after = changed.map(({ from, to, mapsBefore }) => {
    const rest = mapping.slice(mapsBefore);
    return { from: rest.map(from, -1), to: rest.map(to, 1) };
  });
  const inverse = mapping.invert();
  const before = after.map(({ from, to }) => ({ from: inverse.map(from, -1), to: inverse.map(to, 1) }));
  return { before: textblocksAround(oldDoc, before), after: textblocksAround(newDoc, after) };
}

function textblocksAround(doc: ProseMirrorNode, ranges: readonly DocRange[]): DocRange[] {
  const blocks = new Map<number, DocRange>();
  const add = (node: ProseMirrorNode, pos: number) => blocks.set(pos, { from: pos, to: pos + node.nodeSize });
  for (const range of ranges) {
    const from = Math.max(0, Math.min(range.from, doc.content.size));
    const to = Math.max(from, Math.min(range.to, doc.content.size));
    const $from = doc.resolve(from);
    if ($from.parent.isTextblock) add($from.parent, $from.before());
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      add(node, pos);
      return false;
    });
  }
  return [...blocks.values()];
}

function flaggedAsDeleted(record: Annotation, wordsBefore: string | undefined, now: string): Annotation | null {
  if (record.status === 'needs_review') return null;
  const words = wordsBefore ?? record.quote;
  return { ...record, status: 'needs_review', quote: words, review: { reason: 'words_deleted', detail: words }, updatedAt: now };
}

/**
 * The words each of `ids` covers in `doc` (its content, not an attribution's cue), its separate stretches
 * joined by a space; an id whose content is not marked is absent. One walk over the document, or over the
 * `within` ranges only when they are given.
 */
export function contentWords(
  doc: ProseMirrorNode,
  ids: ReadonlySet<string>,
  within?: readonly { from: number; to: number }[],
): Map<string, string> {
  const words = new Map<string, string>();
  const lastEnd = new Map<string, number>();
  const visit = (node: ProseMirrorNode, pos: number): boolean => {
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
  };
  if (within === undefined) doc.descendants(visit);
  else for (const range of [...within].sort((a, b) => a.from - b.from)) doc.nodesBetween(range.from, range.to, visit);
  return words;
}
