import { Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { highlightLabel, type AnnotationMap, type AnnotationPart } from '../../common/annotation';
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
  const ranges = tags.map((tag) => {
    const from = text.indexOf(tag.text);
    const record = records[tag.id];
    if (from < 0 || !tag.text || !record) throw new Error(`Tag ${tag.id} ("${tag.text}") does not fit the ${type} "${text}".`);
    const part = tag.part ?? 'content';
    const mark = articleSchema.marks.annotation!.create({ id: tag.id, kind: record.kind, label: part === 'cue' ? 'cue' : highlightLabel(record), part });
    return { from, to: from + tag.text.length, mark };
  });
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((range) => [range.from, range.to])])].sort((a, b) => a - b);
  const children = cuts.slice(1).map((to, index) => {
    const from = cuts[index]!;
    const marks = ranges.filter((range) => range.from <= from && range.to >= to).reduce((set, range) => range.mark.addToSet(set), Mark.none);
    return articleSchema.text(text.slice(from, to), marks);
  });
  return articleSchema.node(type, null, children);
}
