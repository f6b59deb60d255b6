import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import type { Annotation, AnnotationKind } from '../model/annotation';
import type { ArticleText } from '../articleText';
import { annotationMark } from '../model/marks';
import { AnnotationMarksStep } from './annotationMarksStep';
import type { PlacedAnnotation, PlacedSpan } from '../model/suggestions';
import type { Command } from './annotationCommands';
import { annotationMapOf, setAnnotationRecords } from './annotationRecords';

/**
 * Suggestions arrive after the pipeline read the article, and the editor may have typed meanwhile: what was placed
 * on the document the pipeline read is carried through every edit made since, and only words that are still there,
 * unchanged, get a suggestion.
 */

/** The document the pipeline read, its text, and the edits made since (every transaction's mapping, in order). */
export interface SuggestionReading {
  doc: ProseMirrorNode;
  text: ArticleText;
  mapping: Mapping;
}

// Where the edits since the reading changed the document, in today's positions: usually a few keystrokes' worth.
function changedRanges(mapping: Mapping): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  mapping.maps.forEach((map, index) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = mapping.slice(index + 1);
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  return ranges;
}

// A span carried to the current document, or null when its words were deleted or changed.
function mappedSpan(span: PlacedSpan, reading: SuggestionReading, doc: ProseMirrorNode, changed: ReadonlyArray<[number, number]>): PlacedSpan | null {
  const start = reading.mapping.mapResult(span.from, 1);
  const end = reading.mapping.mapResult(span.to, -1);
  if (start.deletedAfter || end.deletedBefore) return null;
  const { pos: from } = start;
  const { pos: to } = end;
  if (to - from !== span.to - span.from || to > doc.content.size) return null;
  // Words no edit reached are the words the pipeline read; reading the text again for each would cost a pass over the article.
  if (!changed.some(([start, stop]) => start < to && stop > from)) return { from, to, part: span.part };
  const words = doc.textBetween(from, to);
  // Equal length and equal text within one block: the same words, not text typed into them or across a block break.
  if (words.length !== to - from || words !== reading.doc.textBetween(span.from, span.to)) return null;
  return { from, to, part: span.part };
}

// Whether a tag of `kind` made after the pipeline read the text (the placing could not see it) marks content
// between `from` and `to`: only the suggestion's own words are looked at, never the whole article.
function overlapsNewTag(doc: ProseMirrorNode, records: Record<string, Annotation>, known: ReadonlyMap<string, unknown>, kind: AnnotationKind, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found || !node.isText) return !found;
    found = node.marks.some((mark) => {
      const id = String(mark.attrs.id);
      return mark.type.name === 'annotation' && mark.attrs.part === 'content' && !known.has(id) && records[id]?.kind === kind;
    });
    return false;
  });
  return found;
}

/**
 * The placed suggestions as they land on the current document: spans carried through the edits made since the
 * reading, a suggestion whose words were deleted or changed left out (an attribution loses a cue whose words
 * went, but not part of its quote), and none over a tag of its kind made meanwhile.
 */
export function placedOnCurrentDocument(placed: readonly PlacedAnnotation[], reading: SuggestionReading, state: { doc: ProseMirrorNode; records: Record<string, Annotation> }): PlacedAnnotation[] {
  const changed = changedRanges(reading.mapping);
  const kept: PlacedAnnotation[] = [];
  const dropped = new Set<string>();
  for (const { record, spans } of placed) {
    if (state.records[record.id]) continue;
    const mapped = spans.map((span) => ({ span, mapped: mappedSpan(span, reading, state.doc, changed) }));
    const content = mapped.filter((entry) => entry.span.part === 'content');
    const overlapping = content.some(({ mapped: span }) => span !== null && overlapsNewTag(state.doc, state.records, reading.text.spans, record.kind, span.from, span.to));
    if (content.length === 0 || content.some((entry) => entry.mapped === null) || overlapping) {
      dropped.add(record.id);
      continue;
    }
    kept.push({ record, spans: mapped.flatMap((entry) => (entry.mapped ? [entry.mapped] : [])) });
  }
  // An attribution whose suggested speaker mention was left out still names the speaker, without the mention.
  return kept.map((entry) => {
    const { record } = entry;
    if (record.kind !== 'attribution' || record.speaker?.type !== 'entity' || !record.speaker.mentionId || !dropped.has(record.speaker.mentionId)) return entry;
    return { ...entry, record: { ...record, speaker: { ...record.speaker, mentionId: null } } };
  });
}

/** The meta a transaction that lands suggestions carries (true): the editor may show them in its lists a frame later. */
export const landingSuggestionsMeta = 'landingSuggestions';

/**
 * Adds the placed suggestions to the document in one transaction that undo passes over: suggestions are not the
 * editor's change, so undo never takes them away in place of the editor's last edit, and they never change the text.
 * Fails when none of them can land.
 */
export function addPlacedSuggestions(placed: readonly PlacedAnnotation[], reading: SuggestionReading): Command {
  return (state, dispatch) => {
    const landing = placedOnCurrentDocument(placed, reading, { doc: state.doc, records: annotationMapOf(state) });
    if (landing.length === 0) return false;
    if (dispatch) {
      const tr = state.tr.step(
        new AnnotationMarksStep(landing.flatMap(({ record, spans }) => spans.map((span) => ({ from: span.from, to: span.to, remove: null, add: annotationMark(record, span.part) })))),
      );
      setAnnotationRecords(state, tr, landing.map(({ record }) => ({ id: record.id, record })));
      dispatch(tr.setMeta('addToHistory', false).setMeta(landingSuggestionsMeta, true));
    }
    return true;
  };
}
