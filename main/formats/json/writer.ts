import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { z } from '../../../common/zodConfig';
import { annotationMapSchema, entityTypes, type AnnotationMap } from '../../../common/model/annotation';
import { articleStatuses, type ArticleSummary, type EntityRecord } from '../../../common/api';
import { isExternalIdScheme, plainRecordSchema } from '../../../common/recordKeys';
import { wellFormedJson } from '../../../common/wellFormedText';
import { annotationsOf, parseArticleDocument } from '../../../common/articleText';
import { suggestedAnnotationIds } from '../../../common/model/suggestions';
import type { ExportableArticle, ExportResult, FormatWriter } from '../adapter';
import { exportFileName } from '../shared/fileNames';
import { allSpans, buildSpanTable } from '../shared/spanTable';

/**
 * Our own JSON format: the whole model of one article (summary, ProseMirror document, annotation records,
 * referenced registry entities) plus, for consumers that do not speak ProseMirror, the plain text and every
 * span with code-point offsets. Output is deterministic (fixed key order, 2-space indent, final newline),
 * so export, import and export again gives the same bytes; `parseJsonExport` reads it back.
 */

/** The format name every file carries. */
export const jsonExportFormat = 'newsroom-annotator';
/** The format version this code writes and reads; a file with a higher one was written by a newer app. */
export const jsonExportVersion = 1;

/** One span of an annotation as the JSON export lists it: code-point offsets into `text`. */
export interface JsonExportSpan {
  annotationId: string;
  part: 'content' | 'cue';
  start: number;
  end: number;
  text: string;
}

/**
 * The article fields a JSON export records: the summary without the library's view of where the article came from
 * and which articles it copies, which belong to one library and would be wrong in another.
 */
export type JsonExportSummary = Omit<ArticleSummary, 'importedFrom' | 'copyOf'>;

/** The file's top-level object, in the order its keys are written. */
export interface JsonExport {
  format: typeof jsonExportFormat;
  version: typeof jsonExportVersion;
  article: JsonExportSummary;
  doc: unknown;
  annotations: AnnotationMap;
  entities: EntityRecord[];
  text: string;
  spans: JsonExportSpan[];
}

const rootKeyOrder: ReadonlyArray<keyof JsonExport> = ['format', 'version', 'article', 'doc', 'annotations', 'entities', 'text', 'spans'];

/**
 * Serialises JSON deterministically: JSON.stringify with a 2-space indent and a final newline, with every
 * object's keys sorted by code unit (the root's in `rootOrder` first), whatever order the objects were built
 * in. Integer-like keys ("10", "9") come first in numeric order, as JavaScript objects always hold them.
 */
export function stableJson(value: unknown, rootOrder: readonly string[] = []): string {
  let atRoot = true;
  const json = JSON.stringify(
    value,
    (_key, member: unknown) => {
      const order = atRoot ? rootOrder : [];
      atRoot = false;
      if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
      const record = member as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(record).sort((a, b) => rank(a, order) - rank(b, order) || (a < b ? -1 : a > b ? 1 : 0))) sorted[key] = record[key];
      return sorted;
    },
    2,
  );
  return `${json}\n`;
}

function rank(key: string, order: readonly string[]): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

/**
 * Only the summary fields, even when the caller passes a fuller article record. Waiting suggestions are counted
 * in the records the export carries, which hold none unless suggestions were asked for.
 */
function summaryOf(article: JsonExportSummary, annotations: AnnotationMap): JsonExportSummary {
  const { id, title, status, source, wordCount, tagCounts, createdAt, updatedAt } = article;
  const { entity, figure, attribution, needsReview } = tagCounts;
  const suggested = suggestedAnnotationIds(annotations).size;
  return { id, title, status, source, wordCount, tagCounts: { entity, figure, attribution, needsReview, suggested }, createdAt, updatedAt };
}

/** Only the registry fields, even when the caller passes entities with counts. */
function entityOf(entity: EntityRecord): EntityRecord {
  const { id, name, type, aliases, externalIds, description, createdAt, updatedAt } = entity;
  return { id, name, type, aliases: [...aliases], externalIds: { ...externalIds }, description, createdAt, updatedAt };
}

/** The JSON export object of an article, before serialisation. */
export function jsonExportOf(input: ExportableArticle): JsonExport {
  const table = buildSpanTable(input);
  const docJson = input.doc.toJSON() as { attrs?: Record<string, unknown> };
  // The records travel in the document (the app's own shape) and beside it; both are the same map.
  const doc = { ...docJson, attrs: { ...docJson.attrs, annotations: input.annotations } };
  return {
    format: jsonExportFormat,
    version: jsonExportVersion,
    article: summaryOf(input.article, input.annotations),
    doc,
    annotations: input.annotations,
    entities: [...input.entities.values()].map(entityOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    text: table.text,
    spans: table.placed.flatMap((placed) =>
      allSpans(placed).map((span) => ({ annotationId: placed.annotation.id, part: span.part, start: span.codePointStart, end: span.codePointEnd, text: span.text })),
    ),
  };
}

/** Our full model as versioned JSON, re-importable with nothing lost. */
export const jsonWriter: FormatWriter = {
  write(input: ExportableArticle): ExportResult {
    return {
      files: [{ fileName: exportFileName(input.article.title, input.article.id, 'json'), mimeType: 'application/json', content: stableJson(jsonExportOf(input), rootKeyOrder) }],
      warnings: [],
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// Reading a JSON export back

/** Why a JSON export was refused, in words a user can act on. */
export class InvalidJsonExportError extends Error {
  override name = 'InvalidJsonExportError';
}

/** What an import needs from a JSON export: the article's summary, its checked document and the entities. */
export interface ParsedJsonExport {
  article: JsonExportSummary;
  doc: ProseMirrorNode;
  annotations: AnnotationMap;
  entities: EntityRecord[];
}

const timestamp = z.string().min(1).max(100);
const articleSummarySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(500),
  status: z.enum(articleStatuses),
  source: z.string().max(2000),
  wordCount: z.number().int().nonnegative(),
  tagCounts: z.object({
    entity: z.number().int().nonnegative(),
    figure: z.number().int().nonnegative(),
    attribution: z.number().int().nonnegative(),
    needsReview: z.number().int().nonnegative(),
    // Exports written before suggestions existed have no such count.
    suggested: z.number().int().nonnegative().default(0),
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A registry entity as exports carry it (JSON, and the NITF record), checked when a file is read back. */
export const entityRecordSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  type: z.enum(entityTypes),
  aliases: z.array(z.string().max(500)),
  externalIds: plainRecordSchema(z.string(), z.string().max(2000), isExternalIdScheme, 'The external ids'),
  description: z.string().max(10_000),
  createdAt: timestamp,
  updatedAt: timestamp,
});
const jsonExportSchema = z.object({
  format: z.literal(jsonExportFormat),
  version: z.literal(jsonExportVersion),
  article: articleSummarySchema,
  doc: z.unknown(),
  annotations: annotationMapSchema,
  entities: z.array(entityRecordSchema),
  text: z.string(),
  spans: z.array(z.object({ annotationId: z.string(), part: z.enum(['content', 'cue']), start: z.number().int(), end: z.number().int(), text: z.string() })),
});

/**
 * Reads a JSON export: checks the format and version, every field with zod, the document against the schema
 * (parseArticleDocument), and that the annotations, text and spans written beside the document agree with it.
 * Throws InvalidJsonExportError with a message naming the first problem.
 */
export function parseJsonExport(content: string): ParsedJsonExport {
  let raw: unknown;
  try {
    // A JSON escape can spell a lone surrogate: repaired as every text entering the app is (common/wellFormedText.ts).
    raw = wellFormedJson(JSON.parse(content.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new InvalidJsonExportError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== jsonExportFormat) {
    throw new InvalidJsonExportError(`The file is not a Newsroom Annotator JSON export (its "format" is not "${jsonExportFormat}").`);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > jsonExportVersion) {
    throw new InvalidJsonExportError(`The file was written by a newer version of Newsroom Annotator (format version ${version}); this version reads version ${jsonExportVersion}.`);
  }
  const parsed = jsonExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidJsonExportError(`The export is invalid at ${issue.path.length > 0 ? issue.path.join('.') : 'the top level'}: ${issue.message}`);
  }
  const data = parsed.data;
  let doc: ProseMirrorNode;
  try {
    doc = parseArticleDocument(data.doc);
  } catch (error) {
    throw new InvalidJsonExportError(`The export's document is invalid: ${(error as Error).message}`);
  }
  const annotations = annotationsOf(doc);
  if (stableJson(annotationMapSchema.parse(annotations)) !== stableJson(data.annotations)) {
    throw new InvalidJsonExportError('The export\'s "annotations" differ from the annotation records in its document.');
  }
  const entityIds = new Set<string>();
  for (const entity of data.entities) {
    if (entityIds.has(entity.id)) throw new InvalidJsonExportError(`The entity ${entity.id} appears twice in the export.`);
    entityIds.add(entity.id);
  }
  const article = data.article;
  const entities = data.entities;
  // The derived text and spans must be what this document gives: a hand-edited offset would mislead a reader.
  const derived = jsonExportOf({ article: { ...article, importedFrom: null, copyOf: null }, doc, annotations, entities: new Map(entities.map((entity) => [entity.id, entity])) });
  if (derived.text !== data.text) throw new InvalidJsonExportError('The export\'s "text" is not the plain text of its document.');
  if (stableJson(derived.spans) !== stableJson(data.spans)) {
    throw new InvalidJsonExportError('The export\'s "spans" do not match the annotation marks of its document.');
  }
  return { article, doc, annotations, entities };
}
