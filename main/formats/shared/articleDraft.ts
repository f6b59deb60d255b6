import type { Attrs } from 'prosemirror-model';
import { ApiError } from '../../../common/api';
import { blockOrderMisfit, checkDocumentLinear } from '../../../common/model/documentCheck';
import { taggedInlineContent } from '../../../common/model/taggedText';
import { articleSchema, type BlockTypeName } from '../../../common/schema';
import type { ImportedArticle } from '../adapter';
import { parseCreditLine, proposeTitle } from './copyConventions';
import type { DraftArticle, DraftMark } from './draft';

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
  // Each block is built, checked and turned into JSON on its own, so that a long article's nodes are never
  // all alive beside their JSON (250,000 blocks: some 85 MB of nodes); the document's own rule is checked on
  // the order of the block types, as checkDocumentLinear would check it on the whole document.
  if (blockOrderMisfit(['headline', ...blocks.map((block) => block.type)]) !== null) throw new RangeError(`Invalid content for node ${articleSchema.topNodeType.name}`);
  const blockJson = (type: BlockTypeName, attrs: Attrs | null, text: string, marks: readonly DraftMark[]): unknown => {
    const node = articleSchema.node(type, attrs, taggedInlineContent(text, marks, annotations));
    checkDocumentLinear(node);
    return node.toJSON();
  };
  const content = [blockJson('headline', null, title, titleMarks)];
  for (const block of blocks) content.push(blockJson(block.type, block.type === 'caption' ? { credit: block.credit ?? '' } : null, block.text, block.marks ?? []));
  // Formats without a byline still often close with "Source: …", which names the source as well.
  const creditSource = lossless ? null : blocks.filter((block) => block.type === 'credit').map((block) => parseCreditLine(block.text)).find((source) => source !== null);
  return {
    title,
    source: draft.source || (creditSource ?? ''),
    doc: { type: 'doc', attrs: { annotations }, content },
    warnings: draft.warnings,
    ...(draft.entities ? { entities: draft.entities } : {}),
    ...(draft.origin ? { origin: draft.origin } : {}),
  };
}
