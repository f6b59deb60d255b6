import { Plugin, PluginKey } from 'prosemirror-state';
import { annotationIdsAt } from '../../../common/editor/annotationRanges';
import { selectAnnotation, selectedAnnotationId, selectedAnnotationKey } from './selectedAnnotation';

/** Meta that marks a selection made with the pointer, which chooses its tag by itself (clicks step outward). */
export const pointerMeta = 'pointer';

/**
 * Moving the caret into a highlight with the keyboard shows that tag in the inspector, as a click would.
 * Only plain caret moves count: typing, selecting a range or choosing a tag elsewhere leave the choice alone.
 */
export const followCaretPlugin = new Plugin({
  key: new PluginKey('followCaret'),
  appendTransaction(transactions, _oldState, newState) {
    const last = transactions[transactions.length - 1];
    if (!last || !last.selectionSet || !newState.selection.empty) return null;
    if (transactions.some((tr) => tr.docChanged || tr.getMeta(pointerMeta) || tr.getMeta(selectedAnnotationKey) !== undefined)) return null;
    const inner = annotationIdsAt(newState.doc, newState.selection.from)[0];
    if (!inner || inner === selectedAnnotationId(newState)) return null;
    return selectAnnotation(newState.tr, inner);
  },
});
