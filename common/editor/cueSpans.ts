import { closeHistory } from 'prosemirror-history';
import type { Command } from './annotationCommands';
import { annotationRanges } from './annotationRanges';
import { annotationMapOf } from './annotationRecords';

/**
 * Removes one cue span ("said", "told AFP") of an attribution: the `index`-th of its cue spans in document
 * order, as `articleText` and `annotationRanges` list them. Its other cues and its quoted words stay. One undo
 * step; false when the attribution has no such cue.
 */
export function removeCueSpan(id: string, index: number): Command {
  return (state, dispatch) => {
    if (annotationMapOf(state)[id]?.kind !== 'attribution') return false;
    const range = annotationRanges(state.doc, id).filter((candidate) => candidate.part === 'cue')[index];
    if (!range) return false;
    if (dispatch) dispatch(closeHistory(state.tr.removeMark(range.from, range.to, range.mark)));
    return true;
  };
}
