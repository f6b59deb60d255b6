import { attributionModes, figureKinds, figureQualifiers, annotationStatuses, verificationStatuses, type EntityType } from '../../../common/model/annotation';
import { entityById, mediumText, speakerText } from '../shared/annotationFields';
import type { ExportableArticle, ExportResult, FormatWriter } from '../adapter';
import { figureSummary } from '../../../common/model/fieldText';
import { exportFileName } from '../shared/fileNames';
import { externalIds } from '../shared/iris';
import { buildSpanTable, contentText, unplacedWarnings, type PlacedAnnotation, type TableSpan, type SpanTable } from '../shared/spanTable';

/**
 * brat standoff export: the article's plain text (`.txt`), its annotations (`.ann`) and an `annotation.conf`
 * describing our types. brat reads both files in Python with universal newlines and counts code points,
 * so the text carries LF line ends only and every offset counts code points of that text.
 */

const bratEntityTypes: Record<EntityType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  other: 'Other',
};

/** The brat configuration of every type, relation and attribute an export can contain. */
export const bratAnnotationConf = [
  '# Newsroom Annotator: the types of an exported article.',
  '[entities]',
  ...Object.values(bratEntityTypes),
  'Figure',
  'Attribution',
  'Cue',
  '',
  '[relations]',
  'Speaker\tArg1:Attribution, Arg2:Person|Organisation',
  'Cue\tArg1:Attribution, Arg2:Cue',
  // Our tags nest and cross freely (a quote holds names; an organisation name holds a place).
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  `Mode\tArg:Attribution, Value:${attributionModes.join('|')}`,
  'Anonymous\tArg:Attribution',
  `FigureKind\tArg:Figure, Value:${figureKinds.join('|')}`,
  `Qualifier\tArg:Figure, Value:${figureQualifiers.join('|')}`,
  `Verification\tArg:Figure, Value:${verificationStatuses.join('|')}`,
  `Status\tArg:<ENTITY>, Value:${annotationStatuses.join('|')}`,
  '',
].join('\n');

/**
 * Characters at which Python's str.splitlines() ends a line. brat reads the .ann file line by line that
 * way, so a span fragment or a note must contain none of them. Tabs are split out too: brat would cope,
 * but most other readers of .ann files split lines on tabs.
 */
const fragmentBreak = /[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/;
const noteBreak = /[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+/g;
// What Python's str.strip() removes: JavaScript's whitespace plus the separators \x1c-\x1f and NEL.
const blankText = /^[\s\x1c-\x1f\x85]*$/;

/** A piece of a span without line breaks, with code-point offsets into the brat text. */
interface Fragment {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits spans at line breaks, since a brat span may not contain one, and drops pieces that are only
 * whitespace, which brat would take for a missing text. Pieces that touch are joined.
 */
export function bratFragments(table: SpanTable, spans: readonly TableSpan[]): Fragment[] {
  const pieces: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    let pieceStart = span.start;
    for (let i = span.start; i <= span.end; i++) {
      if (i === span.end || fragmentBreak.test(table.text[i]!)) {
        if (i > pieceStart && !blankText.test(table.text.slice(pieceStart, i))) pieces.push({ start: pieceStart, end: i });
        pieceStart = i + 1;
      }
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece.start <= last.end) last.end = Math.max(last.end, piece.end);
    else merged.push({ ...piece });
  }
  return merged.map((piece) => ({
    start: table.toCodePoint(piece.start),
    end: table.toCodePoint(piece.end),
    text: table.text.slice(piece.start, piece.end),
  }));
}

/** Free text made fit for the end of a brat line: no line breaks or tabs. */
function oneLine(text: string): string {
  return text.replace(noteBreak, ' ').trim();
}

/** A normalisation database name and id fit for brat's `DB:ID` grammar (no spaces, no colon in the name). */
function normalisationReference(source: string, id: string): string {
  const db = /^wikidata$/i.test(source.trim()) ? 'Wikidata' : source.trim().replace(/[^A-Za-z0-9_-]/g, '_') || 'External';
  return `${db}:${id.trim().replace(/\s+/g, '_')}`;
}

/** Writes the lines of an .ann file, numbering ids per prefix as brat does. */
class AnnLines {
  private readonly counters = new Map<string, number>();
  readonly textBound: string[] = [];
  readonly other: string[] = [];

  nextId(prefix: 'T' | 'R' | 'A' | 'N' | '#'): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}${next}`;
  }

  textBoundLine(type: string, fragments: readonly Fragment[]): string {
    const id = this.nextId('T');
    const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
    // brat joins the texts of a discontinuous span with one space (DISCONT_SEP).
    this.textBound.push(`${id}\t${type} ${offsets}\t${fragments.map((f) => f.text).join(' ')}`);
    return id;
  }

  relation(type: string, arg1: string, arg2: string): void {
    this.other.push(`${this.nextId('R')}\t${type} Arg1:${arg1} Arg2:${arg2}`);
  }

  attribute(type: string, target: string, value?: string): void {
    this.other.push(`${this.nextId('A')}\t${type} ${target}${value === undefined ? '' : ` ${value}`}`);
  }

  normalisation(target: string, source: string, id: string, name: string): void {
    this.other.push(`${this.nextId('N')}\tReference ${target} ${normalisationReference(source, id)}\t${oneLine(name)}`);
  }

  note(target: string, parts: readonly string[]): void {
    const text = parts.map(oneLine).filter((part) => part !== '').join(' | ');
    if (text !== '') this.other.push(`${this.nextId('#')}\tAnnotatorNotes ${target}\t${text}`);
  }
}

/** The brat type of an annotation's content spans. */
function bratType(placed: PlacedAnnotation): string {
  const annotation = placed.annotation;
  if (annotation.kind === 'entity') return bratEntityTypes[annotation.entityType];
  return annotation.kind === 'figure' ? 'Figure' : 'Attribution';
}

/** The words of an AnnotatorNotes line: what the annotation says beyond its type and attributes. */
function notesOf(input: ExportableArticle, placed: PlacedAnnotation, speakerLinked: boolean): string[] {
  const annotation = placed.annotation;
  const notes: string[] = [];
  if (annotation.kind === 'entity') {
    // The N lines carry the registry name; a note adds it only where the mention words it otherwise.
    const entity = entityById(input, annotation.entityId);
    if (entity && (entity.name !== contentText(placed) || entity.description !== '')) {
      notes.push(`Entity: ${entity.name}${entity.description ? ` (${entity.description})` : ''}`);
    }
  } else if (annotation.kind === 'figure') {
    const figure = annotation.figure;
    const summary = figureSummary(figure);
    if (summary !== '') notes.push(`Value: ${summary}`);
    if (figure.sourceNote !== '') notes.push(`Source: ${figure.sourceNote}`);
  } else {
    const speaker = annotation.speaker;
    if (speaker?.type === 'anonymous') {
      notes.push(`Anonymous speaker: ${speaker.description}`);
      if (speaker.anonymityReason !== '') notes.push(`Anonymity: ${speaker.anonymityReason}`);
    } else if (speaker && !speakerLinked) {
      notes.push(`Speaker: ${speakerText(input, annotation)}`);
    }
    const medium = mediumText(input, annotation);
    if (medium !== '') notes.push(`Medium: ${medium}`);
    if (placed.content.length === 0) notes.push(`Attribution ${annotation.id} has a cue but no quoted words.`);
  }
  if (annotation.note !== '') notes.push(`Note: ${annotation.note}`);
  return notes;
}

/** Builds the .ann text of an article; returns it with warnings for what could not be placed. */
export function bratAnn(input: ExportableArticle, table: SpanTable): { ann: string; warnings: string[] } {
  const lines = new AnnLines();
  const warnings: string[] = [];
  // First pass: text-bound lines, so that relations can point at any mention.
  const contentIds = new Map<string, string>();
  const cueIds = new Map<string, string>();
  for (const placed of table.placed) {
    const id = placed.annotation.id;
    const content = bratFragments(table, placed.content);
    if (content.length > 0) contentIds.set(id, lines.textBoundLine(bratType(placed), content));
    const cue = bratFragments(table, placed.cue);
    if (cue.length > 0) cueIds.set(id, lines.textBoundLine('Cue', cue));
    if (content.length === 0 && cue.length === 0) {
      warnings.push(`brat: annotation ${id} covers only whitespace or line breaks and was not exported.`);
    }
  }

  for (const placed of table.placed) {
    const annotation = placed.annotation;
    const target = contentIds.get(annotation.id) ?? cueIds.get(annotation.id);
    if (!target) continue;
    let speakerLinked = false;
    if (annotation.kind === 'attribution') {
      const cue = cueIds.get(annotation.id);
      if (cue && cue !== target) lines.relation('Cue', target, cue);
      const speaker = annotation.speaker;
      const mention = speaker?.type === 'entity' && speaker.mentionId ? input.annotations[speaker.mentionId] : undefined;
      const mentionTarget = mention ? contentIds.get(mention.id) : undefined;
      if (mention?.kind === 'entity' && mentionTarget && (mention.entityType === 'person' || mention.entityType === 'organisation') && target !== cue) {
        lines.relation('Speaker', target, mentionTarget);
        speakerLinked = true;
      }
      if (target !== cue) {
        lines.attribute('Mode', target, annotation.mode);
        if (speaker?.type === 'anonymous') lines.attribute('Anonymous', target);
      }
    }
    if (annotation.kind === 'figure') {
      if (annotation.figure.figureKind) lines.attribute('FigureKind', target, annotation.figure.figureKind);
      if (annotation.figure.qualifier !== 'exactly') lines.attribute('Qualifier', target, annotation.figure.qualifier);
      lines.attribute('Verification', target, annotation.figure.verification);
    }
    lines.attribute('Status', target, annotation.status);
    if (annotation.kind === 'entity') {
      const entity = entityById(input, annotation.entityId);
      if (entity) {
        lines.normalisation(target, 'Registry', entity.id, entity.name);
        for (const { scheme, value } of externalIds(entity.externalIds)) lines.normalisation(target, scheme, value, entity.name);
      }
    }
    lines.note(target, notesOf(input, placed, speakerLinked));
  }
  const all = [...lines.textBound, ...lines.other];
  return { ann: all.length > 0 ? `${all.join('\n')}\n` : '', warnings };
}

/** brat standoff: `<name>.txt`, `<name>.ann` and `annotation.conf`. */
export const bratWriter: FormatWriter = {
  write(input: ExportableArticle): ExportResult {
    const table = buildSpanTable(input, { normaliseLineEnds: true });
    const { ann, warnings } = bratAnn(input, table);
    const { title, id } = input.article;
    return {
      files: [
        { fileName: exportFileName(title, id, 'txt'), mimeType: 'text/plain; charset=utf-8', content: table.text },
        { fileName: exportFileName(title, id, 'ann'), mimeType: 'text/plain; charset=utf-8', content: ann },
        { fileName: 'annotation.conf', mimeType: 'text/plain; charset=utf-8', content: bratAnnotationConf },
      ],
      warnings: [...unplacedWarnings(table, 'brat'), ...warnings],
    };
  },
};
