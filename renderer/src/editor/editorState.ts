import { EditorState, type Plugin } from 'prosemirror-state';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';
import { reviewFlaggingPlugin } from '../../../common/editor/reviewFlagging';
import { annotationRecordsPlugin, splitStoredDocument } from '../../../common/editor/annotationRecords';
import { needsReviewPlugin } from '../../../common/editor/needsReviewTags';
import { needsReviewUnderlinePlugin } from './needsReviewUnderline';
import { selectedAnnotationPlugin } from './selectedAnnotation';
import { followCaretPlugin } from './followCaret';
import { blocksInViewPlugin } from './blocksInView';

/**
 * Builds the editor state of an article from stored document JSON, with history, the app's keymap (from the
 * editor's controller), the highlights of tags waiting for review and the tag the inspector shows.
 * The main process checked the document before storing it, so the renderer only rebuilds it: checking
 * ten thousand records again would double the time to open a long article.
 */
export function createArticleEditorState(storedDoc: ProseMirrorNode, appKeymap: Plugin): EditorState {
  const { doc, records } = splitStoredDocument(storedDoc);
  return EditorState.create({
    schema: articleSchema,
    doc,
    plugins: [
      annotationRecordsPlugin(records),
      appKeymap,
      keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
      keymap(baseKeymap),
      history(),
      reviewFlaggingPlugin(),
      needsReviewPlugin(),
      needsReviewUnderlinePlugin,
      selectedAnnotationPlugin,
      followCaretPlugin,
      blocksInViewPlugin(),
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
