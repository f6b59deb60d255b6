import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ReplaceStep } from 'prosemirror-transform';
import { annotationRanges } from '../../../common/editor/annotationRanges';
import { annotationMapOf } from '../../../common/editor/annotationRecords';

interface SelectedAnnotationState {
  id: string | null;
  decorations: DecorationSet;
}

export const selectedAnnotationKey = new PluginKey<SelectedAnnotationState>('selectedAnnotation');

function decorate(state: EditorState, id: string | null): DecorationSet {
  if (!id) return DecorationSet.empty;
  const ranges = annotationRanges(state.doc, id);
  return DecorationSet.create(
    state.doc,
    ranges.map((range) => Decoration.inline(range.from, range.to, { class: 'ann-selected' })),
  );
}

/** Marks which annotation the inspector shows, and outlines its words; decorations map through edits. */
export const selectedAnnotationPlugin = new Plugin<SelectedAnnotationState>({
  key: selectedAnnotationKey,
  state: {
    init: () => ({ id: null, decorations: DecorationSet.empty }),
    apply(tr, value, _oldState, newState) {
      const requested = tr.getMeta(selectedAnnotationKey) as { id: string | null } | undefined;
      if (requested) return { id: requested.id, decorations: decorate(newState, requested.id) };
      if (value.id && !annotationMapOf(newState)[value.id]) {
        return { id: null, decorations: DecorationSet.empty };
      }
      // A record change can add a span (a cue) without moving text, so re-decorate then.
      if (value.id && tr.docChanged && tr.steps.some((step) => !(step instanceof ReplaceStep))) {
        return { id: value.id, decorations: decorate(newState, value.id) };
      }
      return { id: value.id, decorations: value.decorations.map(tr.mapping, tr.doc) };
    },
  },
  props: {
    decorations: (state) => selectedAnnotationKey.getState(state)?.decorations,
  },
});

/** Selects an annotation for the inspector (or clears the selection with null). */
export function selectAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(selectedAnnotationKey, { id });
}

/** The annotation the inspector shows. */
export function selectedAnnotationId(state: EditorState): string | null {
  return selectedAnnotationKey.getState(state)?.id ?? null;
}
