import { Fragment, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema, blockTypeNames, type BlockTypeName } from './schema';
import { annotationMark } from './model/marks';
import type { AnnotationMap, AnnotationPart } from './model/annotation';
import { compareSpans } from './articleText';

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

/**
 * The order in which a block's spans (and so the marks of a text node) are read: document order (`compareSpans`:
 * by start, the longer first), then by id, content before cue. A text node's marks come out in one order
 * whatever order they were added in, outer tags first.
 */
export function blockSpanOrder(a: BlockSpan, b: BlockSpan): number {
  return compareSpans(a, b) || (a.annotationId < b.annotationId ? -1 : a.annotationId > b.annotationId ? 1 : 0) || (a.part === b.part ? 0 : a.part === 'content' ? -1 : 1);
}

/** A block's spans packed, in `blockSpanOrder`. */
export function packedSpansOf(spans: readonly BlockSpan[]): PackedSpan[] {
  return [...spans].sort(blockSpanOrder).map((span) => (span.part === 'cue' ? [span.start, span.end, span.annotationId, 'cue'] : [span.start, span.end, span.annotationId]));
}

// A packed span read back, refused unless it is one the store could have written: whole offsets inside its
// block's text, an id, and nothing but 'cue' after it.
function blockSpanOf(span: unknown, textLength: number): BlockSpan {
  const [start, end, annotationId, part, ...rest] = Array.isArray(span) ? (span as unknown[]) : [];
  if (!Number.isInteger(start) || !Number.isInteger(end) || typeof annotationId !== 'string' || (part !== undefined && part !== 'cue') || rest.length > 0) {
    throw new RangeError(`A span is not [start, end, id] or [start, end, id, "cue"]: ${JSON.stringify(span)?.slice(0, 100)}.`);
  }
  if (!((start as number) >= 0 && (start as number) < (end as number) && (end as number) <= textLength)) {
    throw new RangeError(`A span [${String(start)}, ${String(end)}) does not fit its block of ${textLength} characters.`);
  }
  return { start: start as number, end: end as number, annotationId, part: part === 'cue' ? 'cue' : 'content' };
}

/** A block's packed spans read back (as `blockSpanOf` checks each), for a block of `textLength` characters. */
export function blockSpansOfPacked(spans: readonly unknown[] | undefined, textLength: number): BlockSpan[] {
  return (spans ?? []).map((span) => blockSpanOf(span, textLength));
}

/** A document (with its records in its `annotations` attribute, as stored) packed. */
export function packedDocumentOf(doc: ProseMirrorNode): PackedDocument {
  const blocks: PackedBlock[] = [];
  doc.forEach((block) => {
    const { text, spans } = blockTextAndSpans(block);
    const packed: PackedBlock = { type: block.type.name as BlockTypeName, text };
    if (blockTypesWithAttrs.includes(packed.type)) packed.attrs = { ...block.attrs };
    if (spans.length > 0) packed.spans = packedSpansOf(spans);
    blocks.push(packed);
  });
  return { records: (doc.attrs.annotations ?? {}) as AnnotationMap, blocks };
}

/**
 * The document a packed one stands for, with its records in its `annotations` attribute as a stored document
 * has them. Each mark is made once, from its record (so it shows what the record is, whatever an older stored
 * mark said). Damaged data is refused: a span whose record is missing, one outside its block, two spans of one
 * tag's part overlapping. A block's text is cut where spans start or end, in one sweep, so a block of many tags
 * stays linear in its tags and the marks they put on each piece.
 */
export function documentFromPacked(packed: PackedDocument): ProseMirrorNode {
  const { records } = packed;
  // One mark per tag and part, made on its first span; keyed by id in a map per part, so that no key is built.
  const contentMarks = new Map<string, Mark>();
  const cueMarks = new Map<string, Mark>();
  const markOf = (span: BlockSpan): Mark => {
    const marks = span.part === 'cue' ? cueMarks : contentMarks;
    let mark = marks.get(span.annotationId);
    if (!mark) {
      const record = Object.prototype.hasOwnProperty.call(records, span.annotationId) ? records[span.annotationId] : undefined;
      if (!record) throw new RangeError(`The document tags words with ${span.annotationId}, which has no record.`);
      mark = annotationMark(record, span.part);
      marks.set(span.annotationId, mark);
    }
    return mark;
  };
  const blocks = packed.blocks.map((block) => {
    const type = articleSchema.nodes[block.type];
    if (!type || !(blockTypeNames as readonly string[]).includes(block.type)) throw new RangeError(`Unknown block type ${String(block.type)}.`);
    const spans = blockSpansOfPacked(block.spans, block.text.length);
    return type.create(block.attrs ?? null, textNodes(block.text, spans, markOf));
  });
  return articleSchema.topNodeType.create({ annotations: records }, blocks);
}

// The text nodes of one block: the text cut at every span's start and end, each piece with the marks of the
// spans covering it, in span order. Each span's mark is looked up once, not once per piece it covers.
function textNodes(text: string, spans: readonly BlockSpan[], markOf: (span: BlockSpan) => Mark): Fragment {
  if (text.length === 0) return Fragment.empty;
  if (spans.length === 0) return Fragment.from(articleSchema.text(text));
  // The store sends a block's spans in order already: they are sorted only when they are not.
  let ordered = spans;
  for (let index = 1; index < spans.length; index++) {
    if (blockSpanOrder(spans[index - 1]!, spans[index]!) > 0) {
      ordered = [...spans].sort(blockSpanOrder);
      break;
    }
  }
  const marks = ordered.map(markOf);
  const cuts: number[] = [0, text.length];
  // Where each tag's part last ended (its mark stands for both): a span of it starting before that overlaps it.
  const ends = new Map<Mark, number>();
  for (let index = 0; index < ordered.length; index++) {
    const span = ordered[index]!;
    if ((ends.get(marks[index]!) ?? -1) > span.start) throw new RangeError(`Two spans of ${span.annotationId} overlap.`);
    ends.set(marks[index]!, span.end);
    cuts.push(span.start, span.end);
  }
  cuts.sort((a, b) => a - b);
  const nodes: ProseMirrorNode[] = [];
  // The spans covering the current piece, by index into `ordered`, in span order; the next to open is ordered[next].
  const active: number[] = [];
  let next = 0;
  for (let index = 0; index + 1 < cuts.length; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1]!;
    if (from === to) continue;
    let kept = 0;
    for (const open of active) if (ordered[open]!.end > from) active[kept++] = open;
    active.length = kept;
    while (next < ordered.length && ordered[next]!.start === from) active.push(next++);
    const pieceMarks: Mark[] = [];
    for (const open of active) pieceMarks.push(marks[open]!);
    nodes.push(articleSchema.text(text.slice(from, to), pieceMarks));
  }
  return Fragment.fromArray(nodes);
}
