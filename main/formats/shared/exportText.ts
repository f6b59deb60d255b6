import { articleText, compareSpans, type ArticleBlock } from '../../../common/articleText';
import type { Annotation, AnnotationPart } from '../../../common/model/annotation';
import { codePointOffsetTable } from '../../../common/offsets';
import type { ExportableArticle } from '../adapter';

/**
 * The plain text every exporter writes offsets against, and every annotation span in it. Offsets that leave
 * the app count code points; JavaScript slices with UTF-16 offsets; an `ExportSpan` carries both so no
 * exporter converts by hand.
 */

/** One contiguous piece of an annotation in the exported plain text. */
export interface ExportSpan {
  annotationId: string;
  part: AnnotationPart;
  // Index into `ExportText.blocks` of the block holding the span (a span never crosses blocks).
  blockIndex: number;
  // UTF-16 offsets into the plain text, for slicing in JavaScript.
  start: number;
  end: number;
  // Code-point offsets into the plain text: what exports write.
  codePointStart: number;
  codePointEnd: number;
  text: string;
}

/** An article's exported plain text with its blocks, annotation records and spans. */
export interface ExportText {
  // Blocks joined by a blank line, headline first (see common/articleText.ts).
  text: string;
  codePointLength: number;
  blocks: ArticleBlock[];
  // Every span of every annotation that has a record, in document order (start ascending, longer first).
  spans: ExportSpan[];
  spansByAnnotation: ReadonlyMap<string, ExportSpan[]>;
  // Every annotation record in a stable order: by first span, records without spans last, then by id.
  annotations: Annotation[];
  // Records no mark carries any more (their words were deleted): flagged, and still exported.
  detached: Annotation[];
  // Ids on marks with no record; `parseArticleDocument` refuses these, so this is only a safety net.
  orphanMarkIds: string[];
  // Converts a UTF-16 offset of `text` to code points.
  toCodePoint: (utf16Offset: number) => number;
}

/** Reads an exportable article once into the text, blocks and spans every exporter needs. */
export function exportText(input: ExportableArticle): ExportText {
  const located = articleText(input.doc);
  const toCodePoint = codePointOffsetTable(located.text);
  const spans: ExportSpan[] = [];
  const spansByAnnotation = new Map<string, ExportSpan[]>();
  const orphanMarkIds: string[] = [];
  for (const [annotationId, annotationSpans] of located.spans) {
    if (!input.annotations[annotationId]) {
      orphanMarkIds.push(annotationId);
      continue;
    }
    const list: ExportSpan[] = [];
    for (const span of annotationSpans) {
      const exportSpan: ExportSpan = {
        annotationId,
        part: span.part,
        blockIndex: blockIndexAt(located.blocks, span.start),
        start: span.start,
        end: span.end,
        codePointStart: toCodePoint(span.start),
        codePointEnd: toCodePoint(span.end),
        text: located.text.slice(span.start, span.end),
      };
      list.push(exportSpan);
      spans.push(exportSpan);
    }
    spansByAnnotation.set(annotationId, list);
  }
  spans.sort(compareSpans);
  const firstStart = (record: Annotation) => spansByAnnotation.get(record.id)?.[0]?.start ?? Number.POSITIVE_INFINITY;
  const annotations = Object.values(input.annotations).sort(
    (a, b) => firstStart(a) - firstStart(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    text: located.text,
    codePointLength: toCodePoint(located.text.length),
    blocks: located.blocks,
    spans,
    spansByAnnotation,
    annotations,
    detached: annotations.filter((record) => !spansByAnnotation.has(record.id)),
    orphanMarkIds,
    toCodePoint,
  };
}

function blockIndexAt(blocks: readonly ArticleBlock[], utf16Offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.start <= utf16Offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The spans of every block, one list per block in document order, in one pass over the spans. */
export function spansByBlock(exported: ExportText): ExportSpan[][] {
  const lists: ExportSpan[][] = exported.blocks.map(() => []);
  for (const span of exported.spans) lists[span.blockIndex]!.push(span);
  return lists;
}

/** Up to `count` code points of `text` just before the UTF-16 offset `end`, never splitting a surrogate pair. */
export function codePointsBefore(text: string, end: number, count: number): string {
  let start = end;
  for (let taken = 0; taken < count && start > 0; taken++) {
    start -= isLowSurrogateAfterHigh(text, start - 1) ? 2 : 1;
  }
  return text.slice(start, end);
}

/** Up to `count` code points of `text` from the UTF-16 offset `start`, never splitting a surrogate pair. */
export function codePointsAfter(text: string, start: number, count: number): string {
  let end = start;
  for (let taken = 0; taken < count && end < text.length; taken++) {
    end += isHighSurrogateBeforeLow(text, end) ? 2 : 1;
  }
  return text.slice(start, end);
}

function isLowSurrogateAfterHigh(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (index < 1 || unit < 0xdc00 || unit > 0xdfff) return false;
  const previous = text.charCodeAt(index - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}

function isHighSurrogateBeforeLow(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}
