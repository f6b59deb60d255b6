import { ApiError } from './apiError';
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema, type BlockTypeName } from './schema';
import { annotationMapSchema, annotationParts, isAnnotationId, type AnnotationMap, type AnnotationPart } from './model/annotation';
import { blockAttrsProblem, checkDocumentLinear } from './model/documentCheck';

/** Blocks are separated by a blank line in the article's plain text, as they are in a .txt article. */
export const blockSeparator = '\n\n';

/** One block of an article as plain text, with where it starts in the whole text (UTF-16). */
export interface ArticleBlock {
  type: BlockTypeName;
  text: string;
  start: number;
  // Position of the block's first character in the ProseMirror document.
  docStart: number;
  credit: string;
}

/** A contiguous piece of an annotation: document positions and UTF-16 offsets into the plain text. */
export interface AnnotationSpan {
  from: number;
  to: number;
  start: number;
  end: number;
  part: AnnotationPart;
}

/** Document order for spans: earlier start first, and of two spans starting together the longer first. */
export function compareSpans(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** The plain text of an article and where each annotation's spans fall in it. */
export interface ArticleText {
  text: string;
  blocks: ArticleBlock[];
  spans: Map<string, AnnotationSpan[]>;
}

// One block read as plain text: its text, and its annotation spans with positions counted from the block's start,
// span i being ids[i], parts[i], from bounds[2i] to bounds[2i + 1] (flat lists: a long article has 10,000 of them).
interface BlockReading {
  text: string;
  credit: string;
  ids: string[];
  parts: AnnotationPart[];
  bounds: number[];
}

// Blocks are immutable and an edit replaces only the blocks it touches: the text of a long article is read again
// after each change (the lists beside the text, suggestions), and an unchanged block is read once.
const blockReadings = new WeakMap<ProseMirrorNode, BlockReading>();
// The last span of each annotation in the block being read, so that a span goes on over the next text node it marks.
const lastSpanOf = new Map<string, number>();

function readBlock(block: ProseMirrorNode): BlockReading {
  const known = blockReadings.get(block);
  if (known) return known;
  const reading: BlockReading = { text: '', credit: block.type.name === 'caption' ? String(block.attrs.credit ?? '') : '', ids: [], parts: [], bounds: [] };
  const { ids, parts, bounds } = reading;
  lastSpanOf.clear();
  block.forEach((child, childOffset) => {
    const childText = child.text ?? '';
    for (const mark of child.marks) {
      if (mark.type.name !== 'annotation') continue;
      const id = String(mark.attrs.id);
      const part = mark.attrs.part as AnnotationPart;
      const last = lastSpanOf.get(id);
      if (last !== undefined && bounds[2 * last + 1] === childOffset && parts[last] === part) bounds[2 * last + 1] = childOffset + childText.length;
      else {
        lastSpanOf.set(id, ids.length);
        ids.push(id);
        parts.push(part);
        bounds.push(childOffset, childOffset + childText.length);
      }
    }
    reading.text += childText;
  });
  blockReadings.set(block, reading);
  return reading;
}

/** Reads an article document as plain text, collecting every annotation mark as spans in one pass. */
export function articleText(doc: ProseMirrorNode): ArticleText {
  const blocks: ArticleBlock[] = [];
  const spans = new Map<string, AnnotationSpan[]>();
  // Pieces are joined once at the end: slicing a growing string would flatten it for every block.
  const pieces: string[] = [];
  let length = 0;
  doc.forEach((block, offset) => {
    if (blocks.length > 0) {
      pieces.push(blockSeparator);
      length += blockSeparator.length;
    }
    const docStart = offset + 1;
    const { ids, parts, bounds, text: blockText, credit } = readBlock(block);
    for (let index = 0; index < ids.length; index++) {
      // A block's text is all text nodes: a position in it is its text offset.
      const from = bounds[2 * index]!;
      const to = bounds[2 * index + 1]!;
      const placed: AnnotationSpan = { from: docStart + from, to: docStart + to, start: length + from, end: length + to, part: parts[index]! };
      const list = spans.get(ids[index]!);
      if (list) list.push(placed);
      else spans.set(ids[index]!, [placed]);
    }
    pieces.push(blockText);
    blocks.push({ type: block.type.name as BlockTypeName, text: blockText, start: length, docStart, credit });
    length += blockText.length;
  });
  return { text: pieces.join(''), blocks, spans };
}

/** The text an annotation covers, its spans joined by a space (a split quote reads as one). */
export function spanText(text: string, spans: readonly AnnotationSpan[], part: AnnotationPart = 'content'): string {
  return spans.filter((span) => span.part === part).map((span) => text.slice(span.start, span.end)).join(' … ');
}

/** The article's title as its headline says. */
export function headlineOf(doc: ProseMirrorNode): string {
  return doc.firstChild?.type.name === 'headline' ? doc.firstChild.textContent.trim() : '';
}

// An article is a doc of blocks of text: three levels of nodes. ProseMirror reads JSON by recursion, so a
// document whose text nodes hold content of their own is refused before it is read, however deep it goes,
// rather than overflowing the stack. Two plain loops, no walk of the whole value.
function nestsPastText(json: unknown): boolean {
  const contentOf = (node: unknown): unknown[] => {
    const content = typeof node === 'object' && node !== null ? (node as { content?: unknown }).content : undefined;
    return Array.isArray(content) ? content : [];
  };
  for (const block of contentOf(json)) {
    for (const inline of contentOf(block)) if (contentOf(inline).length > 0) return true;
  }
  return false;
}

/** Annotation records from outside (a document's, or those a save sends), checked: valid, each under its own id. */
export function checkedAnnotationMap(json: unknown): AnnotationMap {
  const parsed = annotationMapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('invalid_argument', `An annotation record is invalid: ${[issue?.path.join('.'), issue?.message].filter(Boolean).join(' ')}`);
  }
  for (const [key, record] of Object.entries(parsed.data)) {
    if (key !== record.id) throw new ApiError('invalid_argument', `Annotation ${key} is stored under another id (${record.id}).`);
  }
  return parsed.data;
}

/**
 * Turns document JSON from outside (IPC, HTTP, a file) into a checked document: it must fit the schema,
 * and its annotation records must be valid and match the marks that reference them. Marks may also refer to
 * `storedRecordIds`, records checked when they were stored, which a save of some blocks leaves as they are.
 */
export function parseArticleDocument(json: unknown, storedRecordIds: ReadonlySet<string> = new Set()): ProseMirrorNode {
  if (nestsPastText(json)) {
    throw new ApiError('invalid_argument', 'The document nests content deeper than an article does: an article is a headline and blocks of text, nothing inside the text.');
  }
  let doc: ProseMirrorNode;
  try {
    doc = ProseMirrorNode.fromJSON(articleSchema, json);
    checkDocumentLinear(doc);
  } catch (error) {
    throw new ApiError('invalid_argument', `The document does not fit the article schema: ${(error as Error).message}`);
  }
  const records = checkedAnnotationMap(doc.attrs.annotations ?? {});
  const missing: string[] = [];
  // A tag over many words marks many text nodes: its id is checked once.
  const checkedIds = new Set<string>();
  doc.descendants((node) => {
    // The schema takes any JSON as an attribute value; the store, the exporters and the DOM expect strings,
    // and a part other than content or cue would leave its words in no span at all.
    const attrsProblem = node.isBlock ? blockAttrsProblem(node.type.name, node.attrs) : null;
    if (attrsProblem) throw new ApiError('invalid_argument', attrsProblem);
    for (const mark of node.marks) {
      if (mark.type.name !== 'annotation') continue;
      const { id, kind, label, part } = mark.attrs as Record<string, unknown>;
      if (typeof id !== 'string' || typeof kind !== 'string' || typeof label !== 'string' || !annotationParts.includes(part as AnnotationPart)) {
        throw new ApiError('invalid_argument', `An annotation mark has invalid attributes (id, kind and label must be text; part must be ${annotationParts.join(' or ')}).`);
      }
      if (checkedIds.has(id)) continue;
      if (!isAnnotationId(id)) throw new ApiError('invalid_argument', `An annotation mark has an invalid id ${JSON.stringify(String(id).slice(0, 100))}: ids are 1 to 100 letters, digits, "_" or "-".`);
      if (!Object.hasOwn(records, id) && !storedRecordIds.has(id)) missing.push(id);
      checkedIds.add(id);
    }
  });
  if (missing.length > 0) throw new ApiError('invalid_argument', `Marks refer to annotations that do not exist: ${[...new Set(missing)].slice(0, 5).join(', ')}`);
  return doc;
}

/** The annotation records of a checked document. */
export function annotationsOf(doc: ProseMirrorNode): AnnotationMap {
  return doc.attrs.annotations as AnnotationMap;
}

/**
 * The document position of a UTF-16 offset into the article's plain text, or null when the offset falls in
 * the separator between two blocks. Blocks are searched by bisection, so many lookups stay cheap.
 */
export function textOffsetToDocPosition(text: ArticleText, offset: number): number | null {
  const { blocks } = text;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  const block = blocks[low];
  if (!block) return null;
  const inBlock = offset - block.start;
  return inBlock < 0 || inBlock > block.text.length ? null : block.docStart + inBlock;
}
