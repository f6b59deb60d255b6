import type { AnnotationMap } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import type { TextSpanMark } from '../../../common/model/taggedText';
import type { BlockTypeName } from '../../../common/schema';
import type { ImportedArticleOrigin } from '../adapter';

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
