import { Fragment, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema, blockTypeNames, type BlockTypeName } from './schema';
import { annotationMark } from './model/marks';
import type { AnnotationMap, AnnotationPart } from './model/annotation';

/**
 * An article's document in the form the editor opens it: each block's plain text with its tags as spans, and
 * the records once. A tag's mark is otherwise written on every text node it covers, with what its highlight
 * shows; a 100,000-word article with 10,000 tags is 6 MB as ProseMirror JSON and 3.7 MB packed, and the
 * editor rebuilds each mark once from its record (common/model/marks.ts), which is what the store keeps the
 * drawn attributes in step with anyway.
 */

/** Where one annotation's words fall in one block: UTF-16 offsets into the block's plain text. */
export interface BlockSpan {
  annotationId: string;
  start: number;
  end: number;
  part: AnnotationPart;
}

/** A span packed: start, end, annotation id, and 'cue' for a cue (content otherwise). */
export type PackedSpan = [start: number, end: number, annotationId: string] | [start: number, end: number, annotationId: string, part: 'cue'];

/** A top-level block packed: its type, its attributes when its type has any, its text and its spans. */
export interface PackedBlock {
  type: BlockTypeName;
  attrs?: Record<string, unknown>;
  text: string;
  spans?: PackedSpan[];
}

/** A whole document packed: the annotation records by id, and the blocks in order. */
export interface PackedDocument {
  records: AnnotationMap;
  blocks: PackedBlock[];
}

/** The block types whose nodes carry attributes: only their stored attributes need reading when packing. */
export const blockTypesWithAttrs: readonly BlockTypeName[] = blockTypeNames.filter((name) => Object.keys(articleSchema.nodes[name]!.spec.attrs ?? {}).length > 0);

/**
 * A block's plain text and its annotation spans. Adjacent text nodes carrying the same annotation part join
 * into one span, as common/articleText.ts joins them for the whole article, so a block's spans are exactly that
 * function's spans inside the block, shifted to the block's start.
 */
export function blockTextAndSpans(block: ProseMirrorNode): { text: string; spans: BlockSpan[] } {
  const spans: BlockSpan[] = [];
  const open = new Map<string, BlockSpan>();
  let text = '';
  block.forEach((child) => {
    const childText = child.text ?? '';
    const start = text.length;
    for (const mark of child.marks) {
      if (mark.type.name !== 'annotation') continue;
      const annotationId = String(mark.attrs.id);
      const part = mark.attrs.part as AnnotationPart;
      const key = `${part}\u0000${annotationId}`;
      const last = open.get(key);
      if (last && last.end === start) {
        last.end = start + childText.length;
      } else {
        const span = { annotationId, start, end: start + childText.length, part };
        spans.push(span);
        open.set(key, span);
      }
    }
    text += childText;
  });
  return { text, spans };
}

/** A span in its packed form. */
export function packedSpanOf(span: BlockSpan): PackedSpan {
  return span.part === 'cue' ? [span.start, span.end, span.annotationId, 'cue'] : [span.start, span.end, span.annotationId];
}

/**
 * The order in which spans (and so the marks of a text node) are read: by start, the longer first, then by id
 * and part. A text node's marks come out in one order whatever order they were added in, outer tags first.
 */
export function compareSpans(a: PackedSpan, b: PackedSpan): number {
  return a[0] - b[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || (a.length === b.length ? 0 : a.length < b.length ? -1 : 1);
}

/** A document (with its records in its `annotations` attribute, as stored) packed. */
export function packedDocumentOf(doc: ProseMirrorNode): PackedDocument {
  const blocks: PackedBlock[] = [];
  doc.forEach((block) => {
    const { text, spans } = blockTextAndSpans(block);
    const packed: PackedBlock = { type: block.type.name as BlockTypeName, text };
    if (blockTypesWithAttrs.includes(packed.type)) packed.attrs = { ...block.attrs };
    if (spans.length > 0) packed.spans = spans.map(packedSpanOf).sort(compareSpans);
    blocks.push(packed);
  });
  return { records: (doc.attrs.annotations ?? {}) as AnnotationMap, blocks };
}

/**
 * The document a packed one stands for, with its records in its `annotations` attribute as a stored document
 * has them. Each mark is made once, from its record; a span whose record is missing means damaged data, and is
 * refused. A block's text is cut where spans start or end, in one sweep, so a block of many tags stays linear
 * in its tags and the marks they put on each piece.
 */
export function documentFromPacked(packed: PackedDocument): ProseMirrorNode {
  const { records } = packed;
  const marks = new Map<string, Mark>();
  const markOf = (span: PackedSpan): Mark => {
    const key = span.length === 4 ? `cue\u0000${span[2]}` : span[2];
    let mark = marks.get(key);
    if (!mark) {
      const record = Object.prototype.hasOwnProperty.call(records, span[2]) ? records[span[2]] : undefined;
      if (!record) throw new RangeError(`The document tags words with ${span[2]}, which has no record.`);
      mark = annotationMark(record, span.length === 4 ? 'cue' : 'content');
      marks.set(key, mark);
    }
    return mark;
  };
  const blocks = packed.blocks.map((block) => {
    const type = articleSchema.nodes[block.type];
    if (!type || !(blockTypeNames as readonly string[]).includes(block.type)) throw new RangeError(`Unknown block type ${String(block.type)}.`);
    return type.create(block.attrs ?? null, textNodes(block.text, block.spans ?? [], markOf));
  });
  return articleSchema.topNodeType.create({ annotations: records }, blocks);
}

// The text nodes of one block: the text cut at every span's start and end, each piece with the marks of the
// spans covering it, in span order.
function textNodes(text: string, spans: readonly PackedSpan[], markOf: (span: PackedSpan) => Mark): Fragment {
  if (text.length === 0) return Fragment.empty;
  if (spans.length === 0) return Fragment.from(articleSchema.text(text));
  const ordered = [...spans].sort(compareSpans);
  const cuts = new Set<number>([0, text.length]);
  for (const [start, end] of ordered) {
    if (!(start >= 0 && end <= text.length && start < end)) throw new RangeError(`A span [${start}, ${end}) does not fit its block of ${text.length} characters.`);
    cuts.add(start);
    cuts.add(end);
  }
  const positions = [...cuts].sort((a, b) => a - b);
  const nodes: ProseMirrorNode[] = [];
  // The spans covering the current piece, in span order; the next span to open is ordered[next].
  let active: PackedSpan[] = [];
  let next = 0;
  for (let index = 0; index + 1 < positions.length; index++) {
    const from = positions[index]!;
    const to = positions[index + 1]!;
    if (active.some((span) => span[1] <= from)) active = active.filter((span) => span[1] > from);
    while (next < ordered.length && ordered[next]![0] === from) active.push(ordered[next++]!);
    nodes.push(articleSchema.text(text.slice(from, to), active.map(markOf)));
  }
  return Fragment.fromArray(nodes);
}
