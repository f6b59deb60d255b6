import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { ArticleSummary, OpenedArticle } from '../../../common/api';
import { documentFromPacked } from '../../../common/packedDocument';

/** An article as the editor holds it: its summary, the revision it saves against, and its stored document (records in its attributes). */
export interface EditorArticle extends ArticleSummary {
  revision: number;
  doc: ProseMirrorNode;
}

/** The article `openArticle` answered, its packed document built; throws on a damaged document. */
export function editorArticleOf({ document, ...article }: OpenedArticle): EditorArticle {
  return { ...article, doc: documentFromPacked(document) };
}
