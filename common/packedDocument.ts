import { Fragment, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema, blockTypeNames, type BlockTypeName } from './schema';
import { annotationMark } from './model/marks';
import type { AnnotationMap, AnnotationPart } from './model/annotation';
import { compareSpans } from './articleText';
import { blockAttrsProblem } from './model/documentCheck';

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

/** One top-level block packed. */
export function packedBlockOf(block: ProseMirrorNode): PackedBlock {
  const { text, spans } = blockTextAndSpans(block);
  const packed: PackedBlock = { type: block.type.name as BlockTypeName, text };
  if (blockTypesWithAttrs.includes(packed.type)) packed.attrs = { ...block.attrs };
  if (spans.length > 0) packed.spans = packedSpansOf(spans);
  return packed;
}

/** A document (with its records in its `annotations` attribute, as stored) packed. */
export function packedDocumentOf(doc: ProseMirrorNode): PackedDocument {
  const blocks: PackedBlock[] = [];
  doc.forEach((block) => blocks.push(packedBlockOf(block)));
  return { records: (doc.attrs.annotations ?? {}) as AnnotationMap, blocks };
}

/** A packed block as checkedPackedBlock returns it: its spans read, in blockSpanOrder. */
export interface CheckedBlock {
  type: BlockTypeName;
  // Every attribute its type declares, for a type that declares any.
  attrs?: Record<string, unknown>;
  text: string;
  spans: BlockSpan[];
}

const packedBlockFields: ReadonlySet<string> = new Set(['type', 'attrs', 'text', 'spans']);

// The attributes a block of this type keeps: those it declares, defaults filled in; none for a type without.
function checkedAttrs(type: BlockTypeName, attrs: unknown): Record<string, unknown> | undefined {
  const declared = articleSchema.nodes[type]!.spec.attrs ?? {};
  if (attrs !== undefined && (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs))) throw new RangeError(`A ${type} block's attributes are not an object.`);
  const given = (attrs ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(given)) if (!Object.hasOwn(declared, name)) throw new RangeError(`Unsupported attribute ${name.slice(0, 40)} for a ${type} block.`);
  if (Object.keys(declared).length === 0) return undefined;
  const filled: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) filled[name] = Object.hasOwn(given, name) ? given[name] : spec.default;
  const problem = blockAttrsProblem(type, filled);
  if (problem) throw new RangeError(problem);
  return filled;
}

/**
 * A packed block from outside (a save, a stored row, a revision) checked against what a block of the schema
 * is: a known type with the attributes it declares, text, and spans inside the text, no two of one tag's part
 * overlapping. Throws a RangeError naming what is wrong. Whether each span's record exists is for the caller
 * to check: the records are in the document being built, or in the store.
 */
export function checkedPackedBlock(json: unknown): CheckedBlock {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RangeError('A block is not an object.');
  const block = json as Record<string, unknown>;
  for (const field of Object.keys(block)) if (!packedBlockFields.has(field)) throw new RangeError(`A block has an unknown field ${field.slice(0, 40)}.`);
  const type = block.type;
  if (typeof type !== 'string' || !(blockTypeNames as readonly string[]).includes(type)) throw new RangeError(`Unknown block type ${String(type).slice(0, 40)}.`);
  const { text } = block;
  if (typeof text !== 'string') throw new RangeError(`A ${type} block's text is not text.`);
  if (block.spans !== undefined && !Array.isArray(block.spans)) throw new RangeError(`A ${type} block's spans are not a list.`);
  const attrs = checkedAttrs(type as BlockTypeName, block.attrs);
  let spans = blockSpansOfPacked(block.spans as unknown[] | undefined, text.length);
  // Stored and sent spans come in order already: they are sorted only when they are not.
  for (let index = 1; index < spans.length; index++) {
    if (blockSpanOrder(spans[index - 1]!, spans[index]!) > 0) {
      spans = spans.sort(blockSpanOrder);
      break;
    }
  }
  // Where each tag's part last ended: a span of it starting before that overlaps it.
  const contentEnds = new Map<string, number>();
  const cueEnds = new Map<string, number>();
  for (const span of spans) {
    const ends = span.part === 'cue' ? cueEnds : contentEnds;
    if ((ends.get(span.annotationId) ?? -1) > span.start) throw new RangeError(`Two spans of ${span.annotationId} overlap.`);
    ends.set(span.annotationId, span.end);
  }
  return attrs ? { type: type as BlockTypeName, attrs, text, spans } : { type: type as BlockTypeName, text, spans };
}

/**
 * The document a packed one stands for, with its records in its `annotations` attribute as a stored document
 * has them. Each mark is made once, from its record (so it shows what the record is, whatever an older stored
 * mark said). Damaged data is refused: a block checkedPackedBlock refuses, a span whose record is missing, blocks
 * that do not make an article. A block's text is cut where spans start or end, in one sweep, so a block of many tags
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
  const blocks = packed.blocks.map((json) => {
    const block = checkedPackedBlock(json);
    return articleSchema.nodes[block.type]!.create(block.attrs ?? null, textNodes(block.text, block.spans, markOf));
  });
  // Checked: the blocks must make an article (a headline, then at least one block).
  return articleSchema.topNodeType.createChecked({ annotations: records }, blocks);
}

// The text nodes of one block: the text cut at every span's start and end, each piece with the marks of the
// spans covering it, in span order (the checked block's). Each span's mark is looked up once, not once per
// piece it covers.
function textNodes(text: string, ordered: readonly BlockSpan[], markOf: (span: BlockSpan) => Mark): Fragment {
  if (text.length === 0) return Fragment.empty;
  if (ordered.length === 0) return Fragment.from(articleSchema.text(text));
  const marks = ordered.map(markOf);
  const cuts: number[] = [0, text.length];
  for (const span of ordered) cuts.push(span.start, span.end);
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
