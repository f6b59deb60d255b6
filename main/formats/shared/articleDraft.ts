import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ApiError } from '../../../common/api';
import { checkDocumentLinear } from '../../../common/model/documentCheck';
import { taggedInlineContent } from '../../../common/model/taggedText';
import { articleSchema } from '../../../common/schema';
import type { ImportedArticle } from '../adapter';
import { parseCreditLine, proposeTitle } from './copyConventions';
import type { DraftArticle } from './draft';

export type { DraftArticle, DraftBlock, DraftMark } from './draft';
export { emptyDraft } from './draft';

/**
 * Builds the imported article from a draft: the headline holds the title (proposed from the first block
 * when the source has none), the source falls back to a closing "Source: …" credit, and the document is
 * checked against the schema before it leaves. A lossless draft is taken exactly as it is.
 * `what` names the source in the message when nothing readable was found.
 */
export function buildImportedArticle(what: string, draft: DraftArticle): ImportedArticle {
  const lossless = draft.lossless === true;
  // Readers drop empty blocks, except from a lossless record, where an empty paragraph is part of the article.
  const blocks = lossless ? draft.blocks : draft.blocks.filter((block) => block.text !== '');
  const hasText = blocks.some((block) => block.text !== '') || (lossless && blocks.length > 0 && Boolean(draft.title));
  if (!hasText) throw new ApiError('invalid_file', `${what} contains no article text to import.`);
  const annotations = draft.annotations ?? {};
  const firstProse = blocks.find((block) => block.type === 'standfirst' || block.type === 'paragraph') ?? blocks[0];
  // Readers hand over a trimmed title, so its marks' offsets stay true.
  const hasTitle = lossless || (draft.title !== null && draft.title.trim() !== '');
  const title = hasTitle ? (draft.title ?? '') : proposeTitle(firstProse?.text ?? '');
  const titleMarks = hasTitle ? (draft.titleMarks ?? []) : [];
  const headline = articleSchema.node('headline', null, taggedInlineContent(title, titleMarks, annotations));
  const body = blocks.map((block) =>
    articleSchema.node(
      block.type,
      block.type === 'caption' ? { credit: block.credit ?? '' } : null,
      taggedInlineContent(block.text, block.marks ?? [], annotations),
    ),
  );
  const doc = articleSchema.node('doc', { annotations }, [headline, ...body]);
  checkDocumentLinear(doc);
  // Formats without a byline still often close with "Source: …", which names the source as well.
  const creditSource = lossless ? null : blocks.filter((block) => block.type === 'credit').map((block) => parseCreditLine(block.text)).find((source) => source !== null);
  return {
    title,
    source: draft.source || (creditSource ?? ''),
    doc: doc.toJSON(),
    warnings: draft.warnings,
    ...(draft.entities ? { entities: draft.entities } : {}),
    ...(draft.origin ? { origin: draft.origin } : {}),
  };
}
