import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ApiError } from '../../common/api';
import { checkedAnnotationMap, headlineOf } from '../../common/articleText';
import { documentFromPacked, type PackedBlock } from '../../common/packedDocument';
import type { AnnotationMap } from '../../common/model/annotation';
import { articleSchema } from '../../common/schema';

/** The title an article gets while its headline is empty. */
export const untitledArticleTitle = 'Untitled article';

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
const innerJoiners = new Set(["'", '’', '-', '.', ',']);

// Whether the character at `index` is a letter, digit or mark, with ASCII decided without a regular expression.
function isWordCharacter(character: string, code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return wordCharacter.test(character);
}

/**
 * Counts words as a reader would: runs of letters and digits, with inner apostrophes, hyphens, points and
 * commas kept ("don't", "2,000"). A scan of one character at a time, since a regular expression over a
 * 5 MB word overflows the stack.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  // A joiner right after a word character: the word goes on if a word character follows.
  let afterJoiner = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const astral = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
    const character = astral ? text.slice(index, index + 2) : text[index]!;
    if (character.length === 2) index++;
    if (isWordCharacter(character, code)) {
      if (!inWord && !afterJoiner) count++;
      inWord = true;
      afterJoiner = false;
    } else {
      afterJoiner = inWord && innerJoiners.has(character);
      inWord = false;
    }
  }
  return count;
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

/**
 * Reads a document the store wrote (packed: its blocks with their spans, and its records), checking it as
 * strictly as one from outside: the records as any received, the blocks and spans as documentFromPacked
 * checks them. Its marks are made from the records.
 */
export function storedDocument(packedJson: string): ProseMirrorNode {
  return documentOfPacked(JSON.parse(packedJson));
}

/** The checked document of a packed one already parsed (storedDocument's check). */
export function documentOfPacked(json: unknown): ProseMirrorNode {
  const packed = (typeof json === 'object' && json !== null ? json : {}) as { records?: unknown; blocks?: unknown };
  // Checked, and kept as stored, as parseArticleDocument keeps a document's.
  checkedAnnotationMap(packed.records ?? {});
  try {
    if (!Array.isArray(packed.blocks)) throw new RangeError('it has no list of blocks.');
    return documentFromPacked({ records: (packed.records ?? {}) as AnnotationMap, blocks: packed.blocks as PackedBlock[] });
  } catch (error) {
    throw new ApiError('invalid_argument', `The document does not fit the article schema: ${(error as Error).message}`);
  }
}
