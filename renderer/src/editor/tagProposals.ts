import type { EditorState } from 'prosemirror-state';
import type { TagRequest } from '../../../common/editor/annotationCommands';
import { proposedFigureFields } from '../../../common/model/figureReader';
import { findCue } from '../../../common/model/quoteCues';

/**
 * Fills in what the words themselves tell about a new tag: a figure's kind, value and unit; a quote's mode
 * and the reporting verb ("said", "told AFP") near it, which becomes the attribution's cue.
 */
export function proposeTagRequest(request: TagRequest, state: EditorState, range: { from: number; to: number }): TagRequest {
  if (request.kind === 'figure') return { ...request, figure: proposedFigureFields(state.doc.textBetween(range.from, range.to, ' ', ' ')) };
  if (request.kind !== 'attribution') return request;
  const $from = state.doc.resolve(range.from);
  const $to = state.doc.resolve(range.to);
  if (!$from.sameParent($to)) return { ...request, mode: request.mode ?? 'direct' };
  // The quote's own block is where its quotation marks and its cue are.
  const blockText = $from.parent.textContent;
  const blockStart = $from.start();
  const proposal = findCue(blockText, { start: range.from - blockStart, end: range.to - blockStart });
  return {
    ...request,
    mode: request.mode ?? proposal.mode,
    cue: proposal.cue ? { from: blockStart + proposal.cue.start, to: blockStart + proposal.cue.end } : null,
  };
}
