import { guardFormula, quoteCsvCell } from '../../../common/csv';
import { labels, type Annotation } from '../../../common/model/annotation';
import { annotationType, mediumText, referencedEntity, speakerText } from '../shared/annotationFields';
import type { ExportableArticle, ExportResult, FormatWriter } from '../adapter';
import { figureValueText } from '../../../common/model/fieldText';
import { exportFileName } from '../shared/fileNames';
import { buildSpanTable, contentText, type PlacedAnnotation, type TableSpan } from '../shared/spanTable';

/**
 * CSV export for the data desk: one row per annotation, RFC 4180 (comma, CRLF, quotes doubled), with a UTF-8
 * byte order mark so that Excel reads the text as UTF-8. Cells that a spreadsheet would run as a formula are
 * defused with a leading apostrophe; numeric cells are left as numbers.
 */

/** The columns, in order; the header row names them so. */
export const csvColumns = [
  'article_id',
  'article_title',
  'annotation_id',
  'kind',
  'type',
  'text',
  // Code points into the article's plain text: the first content span, then every span as "start-end;...".
  'start',
  'end',
  'spans',
  'status',
  'value',
  'unit',
  'qualifier',
  'currency',
  'verification',
  'source_note',
  'speaker',
  'mode',
  'cue',
  'cue_spans',
  'medium',
  'entity_id',
  'entity_name',
  'note',
  'author',
  'created_at',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Columns that hold numbers a spreadsheet should read as numbers: never prefixed. */
const numericColumns: ReadonlySet<CsvColumn> = new Set(['start', 'end']);
const plainNumber = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

// The cell rules are the app's one definition of CSV, shared with the desk's tables in the renderer.
export { guardFormula } from '../../../common/csv';

function spanList(spans: readonly TableSpan[]): string {
  return spans.map((span) => `${span.codePointStart}-${span.codePointEnd}`).join(';');
}

/** The cells of one annotation's row, unguarded and unquoted. */
function rowOf(input: ExportableArticle, annotation: Annotation, placed: PlacedAnnotation | undefined): Record<CsvColumn, string> {
  const first = placed?.content[0] ?? placed?.cue[0];
  const entity = referencedEntity(input, annotation);
  const figure = annotation.kind === 'figure' ? annotation.figure : undefined;
  const attribution = annotation.kind === 'attribution' ? annotation : undefined;
  return {
    article_id: input.article.id,
    article_title: input.article.title,
    annotation_id: annotation.id,
    kind: annotation.kind,
    type: annotationType(annotation),
    // A tag whose words were deleted keeps the text it last covered.
    text: placed ? contentText(placed) : annotation.quote,
    start: first ? String(first.codePointStart) : '',
    end: first ? String(first.codePointEnd) : '',
    spans: placed ? spanList(placed.content) : '',
    status: annotation.status,
    value: figure ? figureValueText(figure.value) : '',
    unit: figure?.unit ?? '',
    qualifier: figure ? labels[figure.qualifier] : '',
    currency: figure?.currency ?? '',
    verification: figure?.verification ?? '',
    source_note: figure?.sourceNote ?? '',
    speaker: attribution ? speakerText(input, attribution) : '',
    mode: attribution?.mode ?? '',
    cue: placed && attribution ? placed.cue.map((span) => span.text).join(' … ') : '',
    cue_spans: placed && attribution ? spanList(placed.cue) : '',
    medium: attribution ? mediumText(input, attribution) : '',
    entity_id: entity?.id ?? (annotation.kind === 'entity' ? (annotation.entityId ?? '') : ''),
    entity_name: entity?.name ?? '',
    note: annotation.note,
    author: annotation.author,
    created_at: annotation.createdAt,
  };
}

/** One cell as written: numbers as they are, text defused against formulas, then quoted where needed. */
function cellText(column: CsvColumn, value: string): string {
  const isNumber = (numericColumns.has(column) || column === 'value') && plainNumber.test(value);
  return quoteCsvCell(isNumber ? value : guardFormula(value));
}

/** The CSV text of an article: BOM, header, one row per annotation in document order, CRLF line ends. */
export function csvDocument(input: ExportableArticle): { content: string; warnings: string[] } {
  const table = buildSpanTable(input);
  const rows = [
    ...table.placed.map((placed) => rowOf(input, placed.annotation, placed)),
    ...table.unplaced.map((annotation) => rowOf(input, annotation, undefined)),
  ];
  const lines = [csvColumns.join(','), ...rows.map((row) => csvColumns.map((column) => cellText(column, row[column])).join(','))];
  const warnings = table.unplaced.map((annotation) => `CSV: annotation ${annotation.id} has no text left in the article; its row has no offsets.`);
  return { content: `\uFEFF${lines.join('\r\n')}\r\n`, warnings };
}

/** CSV, one row per annotation, for spreadsheets. */
export const csvWriter: FormatWriter = {
  write(input: ExportableArticle): ExportResult {
    const { content, warnings } = csvDocument(input);
    return {
      files: [{ fileName: exportFileName(input.article.title, input.article.id, 'csv'), mimeType: 'text/csv; charset=utf-8', content }],
      warnings,
    };
  },
};
