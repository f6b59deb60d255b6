import type { EditorState, Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import {
  emptyFigureFields,
  highlightLabel,
  type Annotation,
  type AttributionMode,
  type EntityType,
  type FigureFields,
} from '../model/annotation';
import { annotationMark, relabelledMark } from '../model/marks';
import { annotationRanges } from './annotationRanges';
import { annotationMapOf, setAnnotationRecord } from './annotationRecords';

export { annotationMapOf };

/** A ProseMirror command: answers "can I?" without `dispatch`, does it with one. */
export type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

/** What a new tag is, before the editor fills in its fields. */
export type TagRequest =
  | { kind: 'entity'; entityType: EntityType; entityId?: string | null }
  | { kind: 'figure'; figure?: Partial<FigureFields> }
  | { kind: 'attribution'; mode?: AttributionMode; cue?: { from: number; to: number } | null };

/** Who is tagging, and the id the new annotation takes (chosen by the caller so it can select it). */
export interface TagContext {
  id: string;
  author: string;
  now: string;
}

/** The selected text range with surrounding whitespace left out, or null when nothing taggable is selected. */
export function taggableRange(state: EditorState): { from: number; to: number } | null {
  let { from, to } = state.selection;
  if (from === to) return null;
  const text = state.doc.textBetween(from, to, '\n', '\n');
  if (text.trim() === '') return null;
  // Sloppy selections (a double-click that takes the trailing space) must not tag the space.
  while (from < to && /\s/.test(state.doc.textBetween(from, from + 1, '\n', '\n') || '\n')) from++;
  while (to > from && /\s/.test(state.doc.textBetween(to - 1, to, '\n', '\n') || '\n')) to--;
  return from < to ? { from, to } : null;
}

function newRecord(request: TagRequest, quote: string, context: TagContext): Annotation {
  const base = { id: context.id, status: 'accepted' as const, author: context.author, createdAt: context.now, updatedAt: context.now, note: '', quote };
  switch (request.kind) {
    case 'entity':
      return { ...base, kind: 'entity', entityType: request.entityType, entityId: request.entityId ?? null };
    case 'figure':
      return { ...base, kind: 'figure', figure: { ...emptyFigureFields(), ...request.figure } };
    case 'attribution':
      return { ...base, kind: 'attribution', mode: request.mode ?? 'direct', speaker: null, medium: '', mediumEntityId: null };
  }
}

/** Tags the selection as a new annotation: one mark over the words, one record, one undo step. */
export function tagSelection(request: TagRequest, context: TagContext): Command {
  return (state, dispatch) => {
    const range = taggableRange(state);
    return range !== null && tagRange(range, request, context)(state, dispatch);
  };
}

/**
 * Tags the words from `range.from` to `range.to` as a new annotation, wherever the selection is now: a
 * caller that waited (for the registry) tags the words the user chose, not those selected since.
 */
export function tagRange(range: { from: number; to: number }, request: TagRequest, context: TagContext): Command {
  return (state, dispatch) => {
    if (range.from >= range.to || range.to > state.doc.content.size) return false;
    if (dispatch) {
      const quote = state.doc.textBetween(range.from, range.to, ' ', ' ');
      const record = newRecord(request, quote, context);
      const mark = annotationMark(record);
      const tr = setAnnotationRecord(state, state.tr.addMark(range.from, range.to, mark), record.id, record);
      if (request.kind === 'attribution' && request.cue) {
        tr.addMark(request.cue.from, request.cue.to, annotationMark(record, 'cue'));
      }
      dispatch(closeHistory(tr).scrollIntoView());
    }
    return true;
  };
}

/** Tags several ranges at once as new annotations (tag-all, suggestions): one undo step for all. */
export function tagRanges(entries: { from: number; to: number; request: TagRequest; context: TagContext }[]): Command {
  return (state, dispatch) => {
    if (entries.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const entry of entries) {
        const record = newRecord(entry.request, state.doc.textBetween(entry.from, entry.to, ' ', ' '), entry.context);
        const mark = annotationMark(record);
        setAnnotationRecord(state, tr.addMark(entry.from, entry.to, mark), record.id, record);
      }
      dispatch(closeHistory(tr));
    }
    return true;
  };
}

/** Replaces fields of an annotation record; marks follow when the highlight label changes. */
export function updateAnnotation(id: string, change: (record: Annotation) => Annotation, now: string): Command {
  return (state, dispatch) => {
    const current = annotationMapOf(state)[id];
    if (!current) return false;
    if (dispatch) {
      const next = { ...change(current), id, updatedAt: now } as Annotation;
      const tr = setAnnotationRecord(state, state.tr, id, next);
      const acceptedOrSuggested = (next.status === 'suggested') !== (current.status === 'suggested');
      if (highlightLabel(next) !== highlightLabel(current) || acceptedOrSuggested) {
        for (const range of annotationRanges(state.doc, id)) {
          const relabelled = relabelledMark(range.mark, next);
          tr.removeMark(range.from, range.to, range.mark).addMark(range.from, range.to, relabelled);
        }
      }
      dispatch(closeHistory(tr));
    }
    return true;
  };
}

/** Removes an annotation: its marks and its record, in one undoable step. */
export function removeAnnotation(id: string): Command {
  return (state, dispatch) => {
    if (!annotationMapOf(state)[id]) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const range of annotationRanges(state.doc, id)) tr.removeMark(range.from, range.to, range.mark);
      dispatch(closeHistory(setAnnotationRecord(state, tr, id, null)));
    }
    return true;
  };
}

/** Adds the selection to an annotation as another span: a cue of an attribution, or more of a split quote. */
export function addSpanToAnnotation(id: string, part: 'content' | 'cue'): Command {
  return (state, dispatch) => {
    const record = annotationMapOf(state)[id];
    const range = taggableRange(state);
    if (!record || !range) return false;
    if (part === 'cue' && record.kind !== 'attribution') return false;
    if (dispatch) {
      const mark = annotationMark(record, part);
      const tr = state.tr.addMark(range.from, range.to, mark);
      if (record.status === 'needs_review' && part === 'content') {
        // The right words are back: the tag is accepted again, and the reason it waited for review goes with it.
        setAnnotationRecord(state, tr, id, { ...record, status: 'accepted', review: null, quote: state.doc.textBetween(range.from, range.to, ' ', ' ') });
      }
      dispatch(closeHistory(tr));
    }
    return true;
  };
}
