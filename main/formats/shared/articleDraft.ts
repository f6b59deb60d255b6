import { ApiError } from '../../../common/api';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema, type BlockTypeName } from '../../../common/schema';
import type { AnnotationMap } from '../../../common/annotation';
import { taggedInlineContent, type TextSpanMark } from '../../../common/model/taggedText';
import type { EntityRecord } from '../../../common/api';
import { parseCreditLine, proposeTitle } from './copyConventions';
import type { ImportedArticle, ImportedArticleOrigin } from '../adapter';

/**
 * The shape every format reader produces before a document exists: a title, blocks of plain text with
 * optional annotation spans, and what the reader noticed along the way. One builder turns it into a
 * schema-checked ProseMirror document, so no reader builds nodes by hand.
 */

/** An annotation span inside one block, as UTF-16 offsets into the block's text. */
export type DraftMark = TextSpanMark;

/** One body block: its type, its text on one line, and for captions the photo credit. */
export interface DraftBlock {
  type: Exclude<BlockTypeName, 'headline'>;
  text: string;
  credit?: string;
  marks?: DraftMark[];
}

/** An article as a reader understood it; `title` is null when the source has none, so one is proposed. */
export interface DraftArticle {
  title: string | null;
  titleMarks?: DraftMark[];
  blocks: DraftBlock[];
  // Who the article is from (byline, agency, source line) as the copy says, or '' when it does not.
  source: string;
  warnings: string[];
  annotations?: AnnotationMap;
  // Registry entities the annotations link to, and the article's own identity, from this app's own exports.
  entities?: EntityRecord[];
  origin?: ImportedArticleOrigin;
  // The draft is this app's own lossless record: title, empty blocks and source are kept exactly as given,
  // with nothing proposed or inferred, so that exporting the import again gives the same file.
  lossless?: boolean;
}

/** A draft with nothing in it yet, for readers that fill it in as they go. */
export function emptyDraft(): DraftArticle {
  return { title: null, blocks: [], source: '', warnings: [] };
}

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
  doc.check();
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
