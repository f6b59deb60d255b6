import { EditorState, type Plugin } from 'prosemirror-state';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';
import { parseArticleDocument } from '../../../common/articleText';
import { reviewFlaggingPlugin } from '../../../common/editor/reviewFlagging';
import { selectedAnnotationPlugin } from './selectedAnnotation';

/** Builds the editor state of an article from stored document JSON, with history and the app's keymaps. */
export function createArticleEditorState(docJson: unknown, appKeymap: Plugin): EditorState {
  const doc = parseArticleDocument(docJson);
  return EditorState.create({
    schema: articleSchema,
    doc,
    plugins: [
      appKeymap,
      keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
      keymap(baseKeymap),
      history(),
      reviewFlaggingPlugin(),
      selectedAnnotationPlugin,
    ],
  });
}

function withoutAnnotationMarks(fragment: Fragment): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) children.push(node.mark(node.marks.filter((mark) => mark.type.name !== 'annotation')));
    else children.push(node.copy(withoutAnnotationMarks(node.content)));
  });
  return Fragment.fromArray(children);
}

/**
 * Pasted text arrives untagged: a copied tag would otherwise share its id with the original and turn
 * two places into one annotation.
 */
export function stripPastedAnnotations(slice: Slice): Slice {
  return new Slice(withoutAnnotationMarks(slice.content), slice.openStart, slice.openEnd);
}
