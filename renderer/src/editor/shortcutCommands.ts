import { addSpanToAnnotation, removeAnnotation, type Command } from '../../../common/editor/annotationCommands';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import type { StepFilter } from '../../../common/editor/annotationStepping';
import { toggleNeedsReview } from '../../../common/editor/reviewCommands';
import type { EditorContext } from './editorContext';
import type { ShortcutCommandName } from './editorKeymap';
import { selectAnnotation, selectedAnnotationId } from './selectedAnnotation';
import type { SuggestionActions } from './suggestionActions';
import type { TaggingActions } from './taggingActions';

/** The parts of the editor the named shortcuts reach. */
export interface ShortcutTargets {
  editor: EditorContext;
  tagging: TaggingActions;
  suggestions: SuggestionActions;
  // Steps to the next (1) or previous (-1) tag in text order, or only through those needing review.
  step: (direction: 1 | -1, filter?: StepFilter) => boolean;
}

/** One command per named shortcut, for the keymap and the inspector's buttons. */
export function shortcutCommands({ editor, tagging, suggestions, step }: ShortcutTargets): Record<ShortcutCommandName, Command> {
  // A command on the selected tag that tells the user what to do when it cannot run; keys are always taken.
  const onSelected = (command: (id: string) => Command, hint: string | null): Command => (state, dispatch) => {
    if (!dispatch) return true;
    const id = selectedAnnotationId(state);
    if (!id || !editor.run(command(id))) {
      if (hint) editor.setNotice(hint);
    }
    return true;
  };
  const always = (action: () => unknown): Command => (_state, dispatch) => {
    if (dispatch) action();
    return true;
  };
  return {
    // Removing a suggestion rejects it, so that it is not suggested again.
    remove: (state, dispatch) => {
      const id = selectedAnnotationId(state);
      if (dispatch && id && annotationMapOf(state)[id]?.status === 'suggested') {
        suggestions.rejectSelected();
        return true;
      }
      return onSelected(removeAnnotation, null)(state, dispatch);
    },
    markCue: onSelected((id) => addSpanToAnnotation(id, 'cue'), 'Select an attribution, then select its reporting verb (“said”, “told AFP”) in the text.'),
    addSpan: onSelected((id) => addSpanToAnnotation(id, 'content'), 'Select the words to add to the selected tag.'),
    toggleReview: onSelected((id) => toggleNeedsReview(id, editor.now()), 'Select a tag first, then mark it as needing review.'),
    tagAll: always(tagging.openTagAll),
    nextToReview: always(() => step(1, 'needs_review')),
    nextAnnotation: always(() => step(1)),
    suggestNow: always(() => void suggestions.suggestNow()),
    nextSuggestion: always(() => suggestions.step(1)),
    previousSuggestion: always(() => suggestions.step(-1)),
    acceptSuggestion: always(() => void suggestions.acceptSelected()),
    rejectSuggestion: always(suggestions.rejectSelected),
    acceptSameName: always(() => void suggestions.acceptSameName()),
    acceptKind: always(() => void suggestions.acceptSameKind()),
    rejectAll: always(suggestions.rejectAll),
    previousAnnotation: always(() => step(-1)),
    // Escape leaves the tag when one is shown, and otherwise does what it would anyway.
    clearSelection: (state, dispatch) => {
      if (!selectedAnnotationId(state)) return false;
      if (dispatch) dispatch(selectAnnotation(state.tr, null));
      return true;
    },
  };
}
