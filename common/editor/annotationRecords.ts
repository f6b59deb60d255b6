import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, AnnotationMap } from '../model/annotation';
import { AnnotationRecordStep } from './annotationStep';

export const annotationRecordsKey = new PluginKey<AnnotationMap>('annotationRecords');

/**
 * Holds the annotation records of the article being edited, keyed by id, and applies every
 * AnnotationRecordStep of a transaction (including those history replays for undo and redo).
 */
export function annotationRecordsPlugin(initial: AnnotationMap): Plugin<AnnotationMap> {
  return new Plugin<AnnotationMap>({
    key: annotationRecordsKey,
    state: {
      init: () => initial,
      apply(tr, records) {
        let next = records;
        for (const step of tr.steps) {
          if (!(step instanceof AnnotationRecordStep)) continue;
          if (next === records) next = { ...records };
          if (step.record) next[step.annotationId] = step.record;
          else delete next[step.annotationId];
        }
        return next;
      },
    },
  });
}

/** The records of the article being edited. */
export function annotationMapOf(state: EditorState): AnnotationMap {
  return annotationRecordsKey.getState(state) ?? {};
}

/**
 * Adds to `tr` a step that sets (or, with null, removes) one record. `tr` must start from `state`; the
 * record as it stands before the step is read from the steps already in `tr`, then from `state`.
 */
export function setAnnotationRecord(state: EditorState, tr: Transaction, id: string, record: Annotation | null): Transaction {
  let previous: Annotation | null = annotationMapOf(state)[id] ?? null;
  for (const step of tr.steps) if (step instanceof AnnotationRecordStep && step.annotationId === id) previous = step.record;
  return tr.step(new AnnotationRecordStep(id, record, previous));
}

/**
 * Adds to `tr` one step per record (null removes it), reading the steps already in `tr` once: the same as calling
 * setAnnotationRecord for each, without reading the transaction again for every record, so that thousands of
 * suggestions go into one transaction in linear time.
 */
export function setAnnotationRecords(state: EditorState, tr: Transaction, changes: ReadonlyArray<{ id: string; record: Annotation | null }>): Transaction {
  const current = annotationMapOf(state);
  const inTransaction = new Map<string, Annotation | null>();
  for (const step of tr.steps) if (step instanceof AnnotationRecordStep) inTransaction.set(step.annotationId, step.record);
  for (const { id, record } of changes) {
    const previous = inTransaction.has(id) ? inTransaction.get(id)! : (current[id] ?? null);
    tr.step(new AnnotationRecordStep(id, record, previous));
    inTransaction.set(id, record);
  }
  return tr;
}

/** The article's document as stored and exchanged: the document JSON carrying the records in its attributes. */
export function articleDocumentJson(state: EditorState): unknown {
  const json = state.doc.toJSON() as { attrs?: Record<string, unknown> };
  return { ...json, attrs: { ...json.attrs, annotations: annotationMapOf(state) } };
}

/** Splits a stored document into the document the editor shows and the records its plugin holds. */
export function splitStoredDocument(doc: ProseMirrorNode): { doc: ProseMirrorNode; records: AnnotationMap } {
  const records = (doc.attrs.annotations ?? {}) as AnnotationMap;
  const attrs: Record<string, unknown> = { ...doc.attrs, annotations: {} };
  return { doc: doc.type.create(attrs, doc.content, doc.marks), records };
}
