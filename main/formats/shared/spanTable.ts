import type { Annotation, AnnotationPart } from '../../../common/model/annotation';
import type { BlockTypeName } from '../../../common/schema';
import { codePointOffsetTable } from '../../../common/offsets';
import type { ExportableArticle } from '../adapter';
import { exportText } from './exportText';
import { normaliseLineEnds } from './lineEnds';

/**
 * The span view the annotation-centred exporters (brat, CoNLL, CSV, JSON, HTML) share, built on the one walk
 * over the document in exportText.ts: each annotation with its content and cue spans apart, and, for formats
 * whose readers normalise line ends (brat, HTML), the same text and offsets with CR LF and CR made LF.
 */

/** One contiguous piece of an annotation in the exported text. */
export interface TableSpan {
  part: AnnotationPart;
  // UTF-16 offsets into SpanTable.text, end exclusive.
  start: number;
  end: number;
  // The same offsets counted in Unicode code points, as they leave the app.
  codePointStart: number;
  codePointEnd: number;
  text: string;
}

/** An annotation record with its spans, content and cue apart, each list in text order. */
export interface PlacedAnnotation {
  annotation: Annotation;
  content: TableSpan[];
  cue: TableSpan[];
}

/** One block of the exported text with its offsets in SpanTable.text. */
export interface TableBlock {
  type: BlockTypeName;
  credit: string;
  start: number;
  end: number;
}

/** The exported text of an article and where every annotation falls in it. */
export interface SpanTable {
  text: string;
  blocks: TableBlock[];
  // Annotations with at least one span, in document order (first span, then id: see exportText.ts).
  placed: PlacedAnnotation[];
  // Annotation records whose words were deleted from the article; exporters report them as warnings.
  unplaced: Annotation[];
  // Code-point offset of a UTF-16 offset into `text`.
  toCodePoint(utf16Offset: number): number;
}

/** How the exported text is derived from the article's plain text. */
export interface SpanTableOptions {
  // Turn CR LF and lone CR into LF, for formats whose readers do so (brat, HTML): see lineEnds.ts.
  normaliseLineEnds?: boolean;
}

/** Builds the span table of an article: its exported text and every annotation's spans in it. */
export function buildSpanTable(input: ExportableArticle, options: SpanTableOptions = {}): SpanTable {
  const exported = exportText(input);
  const normalised = options.normaliseLineEnds ? normaliseLineEnds(exported.text) : null;
  const text = normalised?.text ?? exported.text;
  const toCodePoint = normalised ? codePointOffsetTable(text) : exported.toCodePoint;
  const map = (offset: number) => (normalised ? normalised.mapOffset(offset) : offset);

  const placed: PlacedAnnotation[] = [];
  const unplaced: Annotation[] = [];
  for (const annotation of exported.annotations) {
    const spans = (exported.spansByAnnotation.get(annotation.id) ?? [])
      .map((span): TableSpan => {
        const start = map(span.start);
        const end = map(span.end);
        return { part: span.part, start, end, codePointStart: toCodePoint(start), codePointEnd: toCodePoint(end), text: text.slice(start, end) };
      })
      // A mark on nothing but a CR that normalisation removed covers nothing.
      .filter((span) => span.end > span.start)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (spans.length === 0) unplaced.push(annotation);
    else placed.push({ annotation, content: spans.filter((s) => s.part === 'content'), cue: spans.filter((s) => s.part === 'cue') });
  }

  const blocks = exported.blocks.map((block) => ({
    type: block.type,
    credit: block.credit,
    start: map(block.start),
    end: map(block.start + block.text.length),
  }));
  return { text, blocks, placed, unplaced, toCodePoint };
}

/** The spans of an annotation in text order, content and cue together. */
export function allSpans(placed: PlacedAnnotation): TableSpan[] {
  return [...placed.content, ...placed.cue].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The words an annotation covers, its content spans joined by " … " as the editor shows a split quote. */
export function contentText(placed: PlacedAnnotation): string {
  return placed.content.map((s) => s.text).join(' … ');
}

/** A warning for each annotation whose text was deleted from the article and so has no place in a file. */
export function unplacedWarnings(table: SpanTable, formatLabel: string, carried: (annotation: Annotation) => boolean = () => true): string[] {
  return table.unplaced.filter(carried).map(
    (annotation) => `${formatLabel}: annotation ${annotation.id} (${annotation.kind}, "${annotation.quote}") has no text left in the article and was not exported.`,
  );
}
