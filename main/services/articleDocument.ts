import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { headlineOf, parseArticleDocument } from '../../common/articleText';
import { articleSchema } from '../../common/schema';

/** The title an article gets while its headline is empty. */
export const untitledArticleTitle = 'Untitled article';

/** Counts words as a reader would: runs of letters and digits, with inner apostrophes and hyphens kept. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
}

/** The article's title: its headline text, or a placeholder while the headline is empty. */
export function articleTitle(doc: ProseMirrorNode): string {
  return headlineOf(doc) || untitledArticleTitle;
}

// A headline is one line: a title's whitespace collapses to single spaces.
function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * The document with its headline replaced by `title`. Annotations that were on the old headline lose their
 * span, so the save that follows flags them for review.
 */
export function withHeadline(doc: ProseMirrorNode, title: string): ProseMirrorNode {
  const text = normaliseTitle(title);
  const headline = articleSchema.nodes.headline!.create(null, text ? articleSchema.text(text) : null);
  return doc.copy(doc.content.replaceChild(0, headline));
}

/** Reads a document the store wrote, checking it as strictly as one from outside. */
export function storedDocument(docJson: string): ProseMirrorNode {
  return parseArticleDocument(JSON.parse(docJson));
}
