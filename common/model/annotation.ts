import { z } from '../zodConfig';
import { isObjectPrototypeKey, plainRecordSchema } from '../recordKeys';

/**
 * The annotation model: one definition of every kind of tag, used by the editor, the services,
 * the store and the exporters. Records are validated with these schemas wherever they cross a
 * process boundary or come from a file.
 */

export const annotationKinds = ['entity', 'figure', 'attribution'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

export const entityTypes = ['person', 'organisation', 'place', 'event', 'other'] as const;
export type EntityType = (typeof entityTypes)[number];

export const annotationStatuses = ['accepted', 'needs_review', 'suggested'] as const;
export type AnnotationStatus = (typeof annotationStatuses)[number];

/** Why a tag needs review: the editor sees this reason, never a guess. */
export const reviewReasons = ['words_deleted', 'words_changed', 'figure_changed', 'set_by_editor'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

export const figureKinds = ['count', 'money', 'percent', 'date', 'duration', 'ratio'] as const;
export type FigureKind = (typeof figureKinds)[number];

export const figureQualifiers = ['exactly', 'about', 'more_than', 'at_least', 'up_to', 'less_than', 'several'] as const;
export type FigureQualifier = (typeof figureQualifiers)[number];

export const verificationStatuses = ['unchecked', 'verified', 'disputed'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const attributionModes = ['direct', 'indirect', 'partial'] as const;
export type AttributionMode = (typeof attributionModes)[number];

/** Human names for every enumerated value, shown in the UI and in exports meant for people. */
export const labels = {
  entity: 'Entity',
  figure: 'Figure',
  attribution: 'Attribution',
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  other: 'Other',
  accepted: 'Accepted',
  needs_review: 'Needs review',
  suggested: 'Suggested',
  words_deleted: 'Its words were deleted',
  words_changed: 'Its words changed',
  figure_changed: 'Its figure changed',
  set_by_editor: 'Set by the editor',
  exactly: 'exactly',
  about: 'about',
  more_than: 'more than',
  at_least: 'at least',
  up_to: 'up to',
  less_than: 'less than',
  several: 'several',
} as const;

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD');
// An ISO 8601 interval of two dates, each as precise as the text ("2004/2009", "2017-04-06/2017-04-07").
const isoDateRange = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?\/\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO 8601 interval of dates such as 2004/2009');
// A time of day as ISO 8601 writes it, "Z" when the text says GMT or UTC; the date comes from the article.
const isoTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?Z?$/, 'an ISO 8601 time of day such as 06:00');
const isoDuration = z.string().regex(/^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, 'an ISO 8601 duration such as P3W');

/**
 * A figure's normalised value: a number, a range of numbers, a calendar date, a range of dates (an ISO 8601
 * interval, so that NITF's `norm` and W3C exports carry it as written), a time of day or a duration.
 */
export const figureValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), value: z.number().finite() }),
  z.object({ type: z.literal('range'), min: z.number().finite(), max: z.number().finite() }),
  z.object({ type: z.literal('date'), iso: isoDate }),
  z.object({ type: z.literal('date_range'), iso: isoDateRange }),
  z.object({ type: z.literal('time'), iso: isoTime }),
  z.object({ type: z.literal('duration'), iso: isoDuration }),
]);
export type FigureValue = z.infer<typeof figureValueSchema>;

export const figureFieldsSchema = z.object({
  figureKind: z.enum(figureKinds).nullable(),
  value: figureValueSchema.nullable(),
  qualifier: z.enum(figureQualifiers),
  // What is counted or measured: "civilians killed", "children", "percent".
  unit: z.string().max(500),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  verification: z.enum(verificationStatuses),
  sourceNote: z.string().max(5000),
});
export type FigureFields = z.infer<typeof figureFieldsSchema>;

/** Who an attribution quotes: a registry entity, or an anonymous source described in words. */
export const attributionSpeakerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('entity'),
    entityId: z.string().min(1).nullable(),
    name: z.string().max(500),
    // The entity annotation that names the speaker in this article, when the name is in the text.
    mentionId: z.string().min(1).nullable(),
  }),
  z.object({
    type: z.literal('anonymous'),
    description: z.string().max(500),
    anonymityReason: z.string().max(1000),
  }),
]);
export type AttributionSpeaker = z.infer<typeof attributionSpeakerSchema>;

/**
 * The one format of an annotation id, checked wherever one crosses a boundary (records, marks, patches):
 * letters, digits, '_' and '-', at most 100, and never a name every object already has (`constructor`,
 * `toString`), which would pass a lookup in a map that does not hold it. What newId makes (ann_0123…) fits,
 * and so do the shorter ids of older exports and tests.
 */
export const annotationIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** Whether `value` is an annotation id of the one format above. */
export function isAnnotationId(value: unknown): value is string {
  return typeof value === 'string' && annotationIdPattern.test(value) && !isObjectPrototypeKey(value);
}

/** An annotation id, as zod checks it. */
export const annotationIdSchema = z
  .string()
  .regex(annotationIdPattern, 'an annotation id: 1 to 100 letters, digits, "_" or "-"')
  .refine((id) => !isObjectPrototypeKey(id), 'an annotation id that is not a built-in name such as "constructor"');

const annotationBase = {
  id: annotationIdSchema,
  status: z.enum(annotationStatuses),
  author: z.string().max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
  note: z.string().max(10_000),
  // The text the annotation covered when last seen; kept so a flagged tag can still be shown.
  quote: z.string().max(100_000),
  // Set with status needs_review: why, and what changed ("422,000 euros" -> "432,000 euros"). Older records lack it.
  review: z
    .object({ reason: z.enum(reviewReasons), detail: z.string().max(2000) })
    .nullable()
    .optional(),
};

export const entityAnnotationSchema = z.object({
  ...annotationBase,
  kind: z.literal('entity'),
  entityType: z.enum(entityTypes),
  entityId: z.string().min(1).nullable(),
});

export const figureAnnotationSchema = z.object({
  ...annotationBase,
  kind: z.literal('figure'),
  figure: figureFieldsSchema,
});

export const attributionAnnotationSchema = z.object({
  ...annotationBase,
  kind: z.literal('attribution'),
  mode: z.enum(attributionModes),
  speaker: attributionSpeakerSchema.nullable(),
  // The medium the words were given to ("AFP", "Interfax"), as free text or a registry entity.
  medium: z.string().max(500),
  mediumEntityId: z.string().min(1).nullable(),
});

export const annotationSchema = z.discriminatedUnion('kind', [
  entityAnnotationSchema,
  figureAnnotationSchema,
  attributionAnnotationSchema,
]);
export type Annotation = z.infer<typeof annotationSchema>;
export type EntityAnnotation = z.infer<typeof entityAnnotationSchema>;
export type FigureAnnotation = z.infer<typeof figureAnnotationSchema>;
export type AttributionAnnotation = z.infer<typeof attributionAnnotationSchema>;

/** Every annotation record of one article, keyed by id: the document's `annotations` attribute. */
export const annotationMapSchema = plainRecordSchema(annotationIdSchema, annotationSchema, isAnnotationId, 'The annotation records');
export type AnnotationMap = Record<string, Annotation>;

/** The part of an annotation a mark covers: the tagged words, or an attribution's cue. */
export const annotationParts = ['content', 'cue'] as const;
export type AnnotationPart = (typeof annotationParts)[number];

/** What the highlight of an annotation shows, kept on its marks so colour needs no lookup. */
export function highlightLabel(annotation: Annotation): string {
  return annotation.kind === 'entity' ? annotation.entityType : annotation.kind;
}

/** Fields of a new figure before anything is known about its value. */
export function emptyFigureFields(): FigureFields {
  return { figureKind: null, value: null, qualifier: 'exactly', unit: '', currency: null, verification: 'unchecked', sourceNote: '' };
}

/** A fresh, collision-free annotation or entity id. */
export function newId(prefix: string): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
