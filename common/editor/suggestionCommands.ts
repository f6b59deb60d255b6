import { closeHistory } from 'prosemirror-history';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Annotation, AnnotationKind, AnnotationMap, AnnotationPart } from '../model/annotation';
import { relabelledMark } from '../model/marks';
import { rejectionKeyOf } from '../model/suggestions';
import type { Command } from './annotationCommands';
import type { AnnotationRange } from './annotationRanges';
import { AnnotationMarksStep, type MarkChange } from './annotationMarksStep';
import { annotationMapOf, setAnnotationRecords } from './annotationRecords';

/**
 * What the editor does with suggestions, from the keyboard: step through them, accept them (one, every one of the
 * same name, every one of a kind) and reject them. Every command is one undo step; a rejection's remembering
 * across sessions is the caller's business (the services), since undo can only bring back what is in the editor.
 */

/** A suggestion's place in the text: where its first words start and end. */
export interface SuggestionPlace {
  id: string;
  from: number;
  to: number;
}

/** The suggestions waiting in the document, in the order their first words appear. */
export function suggestionPlaces(state: EditorState): SuggestionPlace[] {
  const records = annotationMapOf(state);
  const places = new Map<string, SuggestionPlace>();
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'annotation' || mark.attrs.part !== 'content') continue;
      const id = String(mark.attrs.id);
      if (records[id]?.status !== 'suggested') continue;
      const place = places.get(id);
      if (!place) places.set(id, { id, from: pos, to: pos + node.nodeSize });
      else if (place.to === pos) place.to = pos + node.nodeSize;
    }
    return false;
  });
  return [...places.values()];
}

/** The ids of every suggestion waiting in the records. */
export function waitingSuggestionIds(records: AnnotationMap): string[] {
  return Object.values(records)
    .filter((record) => record.status === 'suggested')
    .map((record) => record.id);
}

/** The suggestions of the same name as suggestion `id`: the same words (as the registry compares them) and kind, and for entities the same type. */
export function suggestionIdsLike(records: AnnotationMap, id: string): string[] {
  const record = records[id];
  if (record?.status !== 'suggested') return [];
  const key = rejectionKeyOf(record);
  return waitingSuggestionIds(records).filter((other) => rejectionKeyOf(records[other]!) === key);
}

/** The suggestions of one kind. */
export function suggestionIdsOfKind(records: AnnotationMap, kind: AnnotationKind): string[] {
  return waitingSuggestionIds(records).filter((id) => records[id]!.kind === kind);
}

/**
 * Moves the caret to the start of the next (1) or previous (-1) suggestion, wrapping at the ends, and shows it
 * through `select` (the inspector's selection). From the suggestion `currentId`, while the caret is on it, it steps to
 * its neighbour; otherwise it starts at the caret. Fails when no suggestion waits.
 */
export function goToSuggestion(direction: 1 | -1, currentId: string | null, select: (tr: Transaction, id: string) => Transaction): Command {
  return (state, dispatch) => {
    const places = suggestionPlaces(state);
    if (places.length === 0) return false;
    const caret = state.selection.head;
    // The suggestion shown counts only while the caret is on it: once the caret moves away, stepping starts there.
    const at = currentId === null ? -1 : places.findIndex((place) => place.id === currentId && place.from <= caret && caret <= place.to);
    let target: SuggestionPlace;
    if (at >= 0) {
      target = places[(at + direction + places.length) % places.length]!;
    } else {
      target =
        direction === 1
          ? (places.find((place) => place.from >= caret) ?? places[0]!)
          : ([...places].reverse().find((place) => place.from < caret) ?? places[places.length - 1]!);
    }
    if (dispatch) {
      // The caret goes to the words' start rather than selecting them, so a stray key cannot replace them.
      const tr = state.tr.setSelection(TextSelection.create(state.doc, target.from)).scrollIntoView();
      dispatch(select(tr, target.id));
    }
    return true;
  };
}

// The mark ranges of several annotations, in one walk over the document.
function rangesOf(doc: ProseMirrorNode, ids: ReadonlySet<string>): Map<string, AnnotationRange[]> {
  const ranges = new Map<string, AnnotationRange[]>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const id = String(mark.attrs.id);
      if (mark.type.name !== 'annotation' || !ids.has(id)) continue;
      const list = ranges.get(id) ?? ranges.set(id, []).get(id)!;
      const last = list[list.length - 1];
      if (last && last.to === pos && last.part === mark.attrs.part) last.to = pos + node.nodeSize;
      else list.push({ from: pos, to: pos + node.nodeSize, part: mark.attrs.part as AnnotationPart, mark });
    }
    return false;
  });
  return ranges;
}

/** Who accepts, when, and the registry entities the accepted mentions link to (by record id). */
export interface Acceptance {
  author: string;
  now: string;
  // Looked up or added in the registry by the caller, as tagging by hand does; a mention without one keeps its link.
  entityIds?: ReadonlyMap<string, string>;
}

/** The record of an accepted suggestion: the editor's tag now, with everything the suggestion proposed kept. */
export function acceptedRecord(record: Annotation, acceptance: Acceptance): Annotation {
  const accepted = { ...record, status: 'accepted' as const, review: null, author: acceptance.author, updatedAt: acceptance.now };
  if (accepted.kind !== 'entity') return accepted;
  return { ...accepted, entityId: acceptance.entityIds?.get(record.id) ?? accepted.entityId };
}

/**
 * Accepts the suggestions `ids` (others among them are left alone): their records become the editor's tags and
 * their marks stop looking like suggestions. One undo step; fails when none of them is a suggestion.
 */
export function acceptSuggestions(ids: readonly string[], acceptance: Acceptance): Command {
  return (state, dispatch) => {
    const records = annotationMapOf(state);
    const waiting = ids.filter((id) => records[id]?.status === 'suggested');
    if (waiting.length === 0) return false;
    if (dispatch) {
      const ranges = rangesOf(state.doc, new Set(waiting));
      const changes = waiting.map((id) => ({ id, record: acceptedRecord(records[id]!, acceptance) }));
      const marks: MarkChange[] = changes.flatMap(({ id, record }) =>
        (ranges.get(id) ?? []).map((range) => ({ from: range.from, to: range.to, remove: range.mark, add: relabelledMark(range.mark, record) })),
      );
      const tr = marks.length > 0 ? state.tr.step(new AnnotationMarksStep(marks)) : state.tr;
      dispatch(closeHistory(setAnnotationRecords(state, tr, changes)));
    }
    return true;
  };
}

/**
 * Rejects the suggestions `ids` (others among them are left alone): their marks and records go, the text stays.
 * One undo step, which brings them back; fails when none of them is a suggestion.
 */
export function rejectSuggestions(ids: readonly string[]): Command {
  return (state, dispatch) => {
    const records = annotationMapOf(state);
    const waiting = ids.filter((id) => records[id]?.status === 'suggested');
    if (waiting.length === 0) return false;
    if (dispatch) {
      const ranges = rangesOf(state.doc, new Set(waiting));
      const marks: MarkChange[] = waiting.flatMap((id) => (ranges.get(id) ?? []).map((range) => ({ from: range.from, to: range.to, remove: range.mark, add: null })));
      const tr = marks.length > 0 ? state.tr.step(new AnnotationMarksStep(marks)) : state.tr;
      dispatch(closeHistory(setAnnotationRecords(state, tr, waiting.map((id) => ({ id, record: null })))));
    }
    return true;
  };
}
