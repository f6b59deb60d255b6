import type { AnnotationsRepo, ListedAnnotation } from './annotationsRepo';
import type { ArticleBlocksRepo } from './articleBlocksRepo';
import { articleTextLayout } from './articleTextLayout';

/**
 * Every annotation of an article with its spans as offsets into the article's whole plain text, in text
 * order (annotations without words first), as exports and reports read them. The store keeps spans per
 * block; this is where they become whole-text offsets again.
 */
export function listAnnotations({ annotations, blocks }: { annotations: AnnotationsRepo; blocks: ArticleBlocksRepo }, articleId: string): ListedAnnotation[] {
  const layout = articleTextLayout(blocks.texts(articleId).map(([, text]) => text));
  const spans = new Map<string, { start: number; end: number; part: string }[]>();
  for (const { span, index } of blocks.spansOfArticle(articleId)) {
    const blockStart = layout.blockStarts[index]!;
    const list = spans.get(span.annotationId) ?? [];
    list.push({ start: blockStart + span.start, end: blockStart + span.end, part: span.part });
    spans.set(span.annotationId, list);
  }
  const listed = annotations.rowsOf(articleId).map((row): ListedAnnotation => {
    const own = spans.get(row.id) ?? [];
    const content = own.find((span) => span.part === 'content');
    return { ...row, startOffset: content?.start ?? -1, endOffset: content?.end ?? -1, spansJson: JSON.stringify(own) };
  });
  return listed.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
