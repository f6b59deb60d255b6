import { closeHistory } from 'prosemirror-history';
import type { Command } from './annotationCommands';
import { annotationRanges } from './annotationRanges';
import { annotationMapOf } from './annotationRecords';

/**
 * Removes one cue span ("said", "told AFP") of an attribution: the one that lies exactly from `span.from` to
 * `span.to`, as `annotationRanges` or `articleText` report it. Its other cues and its quoted words stay. One
 * undo step. False when no cue of `id` lies exactly there (the text moved since the span was read, or the
 * cue is already gone), so a stale list never removes the wrong cue.
 */
export function removeCueSpan(id: string, span: { from: number; to: number }): Command {
  return (state, dispatch) => {
    if (annotationMapOf(state)[id]?.kind !== 'attribution') return false;
    const range = annotationRanges(state.doc, id).find((candidate) => candidate.part === 'cue' && candidate.from === span.from && candidate.to === span.to);
    if (!range) return false;
    if (dispatch) dispatch(closeHistory(state.tr.removeMark(range.from, range.to, range.mark)));
    return true;
  };
}
