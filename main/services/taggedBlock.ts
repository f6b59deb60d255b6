import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap, AnnotationPart } from '../../common/model/annotation';
import { taggedInlineContent } from '../../common/model/taggedText';
import { articleSchema, type BlockTypeName } from '../../common/schema';

/** Where one annotation mark goes in a block: the first occurrence of `text`, as content or as a cue. */
export interface BlockTag {
  id: string;
  text: string;
  part?: AnnotationPart;
}

/**
 * Builds a text block whose tags become annotation marks carrying their record's kind and label. Tags may
 * overlap and nest: the text is split wherever any of them starts or ends. Throws when a tag's words are not
 * in the block or its record is missing, so a written-out document cannot silently drift from its text.
 */
export function taggedBlock(type: BlockTypeName, text: string, tags: readonly BlockTag[], records: AnnotationMap): ProseMirrorNode {
  const spans = tags.map((tag) => {
    const start = text.indexOf(tag.text);
    if (start < 0 || !tag.text || !records[tag.id]) throw new Error(`Tag ${tag.id} ("${tag.text}") does not fit the ${type} "${text}".`);
    return { start, end: start + tag.text.length, annotationId: tag.id, part: tag.part };
  });
  return articleSchema.node(type, null, taggedInlineContent(text, spans, records));
}
