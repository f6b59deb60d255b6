import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import { stateStyleSheetView } from './stateStyleSheet';

interface SelectedAnnotationState {
  id: string | null;
}

export const selectedAnnotationKey = new PluginKey<SelectedAnnotationState>('selectedAnnotation');

// The selected tag's outline, drawn on its marks' own elements by a rule for its id. A decoration would wrap
// its words in elements of its own, which every keystroke inside the tag moves and ProseMirror then redraws,
// resetting the browser's selection: typing inside a tag cost twice what typing elsewhere does.
function outlineRule(id: string): string {
  const quoted = `"${CSS.escape(id)}"`;
  return `.ProseMirror[data-selected-annotation=${quoted}] .ann[data-ann-id=${quoted}] { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 2px; }`;
}

/**
 * Marks which annotation the inspector shows, and outlines its words. The editor's element names it in
 * `data-selected-annotation`; a style sheet of the view's own holds the outline's rule for that editor and tag.
 */
export const selectedAnnotationPlugin = new Plugin<SelectedAnnotationState>({
  key: selectedAnnotationKey,
  state: {
    init: () => ({ id: null }),
    apply(tr, value, _oldState, newState) {
      const requested = tr.getMeta(selectedAnnotationKey) as { id: string | null } | undefined;
      if (requested) return requested.id === value.id ? value : { id: requested.id };
      if (value.id && !annotationMapOf(newState)[value.id]) return { id: null };
      return value;
    },
  },
  props: {
    attributes: (state): Record<string, string> => {
      const id = selectedAnnotationId(state);
      return id ? { 'data-selected-annotation': id } : {};
    },
  },
  view: (view) => stateStyleSheetView(view, selectedAnnotationId, (id) => (id ? outlineRule(id) : '')),
});

/** Selects an annotation for the inspector (or clears the selection with null). */
export function selectAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(selectedAnnotationKey, { id });
}

/** The annotation the inspector shows. */
export function selectedAnnotationId(state: EditorState): string | null {
  return selectedAnnotationKey.getState(state)?.id ?? null;
}
