import { labels, type Annotation, type AttributionAnnotation, type EntityAnnotation, type FigureAnnotation } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { codePointsAfter, codePointsBefore, type ExportSpan, type ExportText } from '../shared/exportText';
import { figureSummary, speakerName } from '../../../common/model/fieldText';
import { annotationIri, entityIri, externalIdUrl, externalIds } from '../shared/iris';
import { hasRightToLeftText, newsroomKey, quoteContextLength, wadmContext, xsdDateTime } from './vocabulary';

/**
 * One annotation of ours as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/).
 *
 * - Targets: one SpecificResource per span of the article's plain text, each with a TextQuoteSelector
 *   (exact, and up to 32 code points of prefix and suffix) and a TextPositionSelector (code-point offsets),
 *   marked `newsroom:part` "content" or "cue"; a split quote simply has several content targets. A tag whose
 *   words were deleted targets the article's IRI (no selector) and says `newsroom:detached`.
 * - Bodies: TextualBodies with purpose `tagging` for the kind and the type ("entity" + "place", "figure" +
 *   "count", "attribution" + "direct"); SpecificResources with purpose `identifying` for the registry entity
 *   and each external id that has a URL (Wikidata, GeoNames, ...); a `describing` TextualBody with the fields
 *   in words; a `commenting` TextualBody with the editor's note.
 * - Every field, machine-readable, in `newsroom:` properties (see wadmVocabulary.ts).
 * - Motivation: `identifying` for a mention linked to the registry, `tagging` for an unlinked one,
 *   `describing` for figures and attributions.
 */

/** A JSON value as the export writes it. */
export type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object as the export writes it. */
export type JsonObject = { [key: string]: JsonValue };

/** What one annotation needs to know about its article. */
export interface WadmArticleContext {
  articleId: string;
  articleIri: string;
  exported: ExportText;
  entities: ReadonlyMap<string, EntityRecord>;
}

/** The name the export gives as the generator of every annotation. */
export const generatorName = 'Newsroom Annotator';

/** Builds the W3C annotation of one of our annotations. */
export function wadmAnnotation(annotation: Annotation, article: WadmArticleContext): JsonObject {
  const spans = article.exported.spansByAnnotation.get(annotation.id) ?? [];
  const created = xsdDateTime(annotation.createdAt);
  const modified = xsdDateTime(annotation.updatedAt);
  const json: JsonObject = {
    '@context': [...wadmContext],
    id: annotationIri(article.articleId, annotation.id),
    type: 'Annotation',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    ...(annotation.author.trim() ? { creator: { type: 'Person', name: annotation.author.trim() } } : {}),
    generator: { type: 'Software', name: generatorName },
    motivation: motivation(annotation),
    body: bodies(annotation, spans, article),
    // A tag whose words were deleted is about the article as a whole: its IRI, without a selector.
    target: spans.length > 0 ? spans.map((span) => spanTarget(span, article)) : article.articleIri,
    [newsroomKey('annotationId')]: annotation.id,
    [newsroomKey('kind')]: annotation.kind,
    [newsroomKey('status')]: annotation.status,
    [newsroomKey('quote')]: annotation.quote,
    ...(spans.length === 0 ? { [newsroomKey('detached')]: true } : {}),
    ...kindFields(annotation, article),
  };
  return json;
}

function motivation(annotation: Annotation): string {
  if (annotation.kind === 'entity') return annotation.entityId ? 'identifying' : 'tagging';
  return 'describing';
}

function spanTarget(span: ExportSpan, article: WadmArticleContext): JsonObject {
  const text = article.exported.text;
  const prefix = codePointsBefore(text, span.start, quoteContextLength);
  const suffix = codePointsAfter(text, span.end, quoteContextLength);
  return {
    type: 'SpecificResource',
    source: article.articleIri,
    selector: [
      { type: 'TextQuoteSelector', exact: span.text, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
      { type: 'TextPositionSelector', start: span.codePointStart, end: span.codePointEnd },
    ],
    [newsroomKey('part')]: span.part,
  };
}

function textualBody(purpose: string, value: string): JsonObject {
  return {
    type: 'TextualBody',
    purpose,
    value,
    format: 'text/plain',
    ...(hasRightToLeftText(value) ? { textDirection: 'auto' } : {}),
  };
}

function bodies(annotation: Annotation, spans: readonly ExportSpan[], article: WadmArticleContext): JsonObject[] {
  const list: JsonObject[] = [textualBody('tagging', annotation.kind)];
  const subtype = annotation.kind === 'entity' ? annotation.entityType : annotation.kind === 'figure' ? annotation.figure.figureKind : annotation.mode;
  if (subtype) list.push(textualBody('tagging', subtype));
  if (annotation.kind === 'entity' && annotation.entityId) {
    list.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(annotation.entityId) });
    for (const id of externalIds(article.entities.get(annotation.entityId)?.externalIds ?? {})) {
      const url = externalIdUrl(id);
      if (url) list.push({ type: 'SpecificResource', purpose: 'identifying', source: url });
    }
  }
  const description = describe(annotation, spans, article);
  if (description) list.push(textualBody('describing', description));
  if (spans.length === 0) list.push(textualBody('describing', `The tagged words were deleted from the article; they read: ${annotation.quote}`));
  if (annotation.note.trim()) list.push(textualBody('commenting', annotation.note));
  return list;
}

/** The fields of an annotation in words, for people reading the annotation in another tool. */
function describe(annotation: Annotation, spans: readonly ExportSpan[], article: WadmArticleContext): string {
  switch (annotation.kind) {
    case 'entity': {
      const entity = annotation.entityId ? article.entities.get(annotation.entityId) : undefined;
      return entity ? `${labels[entity.type]}: ${entity.name}${entity.description.trim() ? ` (${entity.description.trim()})` : ''}` : '';
    }
    case 'figure': {
      const { figure } = annotation;
      const summary = figureSummary(figure);
      const source = figure.sourceNote.trim() ? ` (${figure.sourceNote.trim()})` : '';
      return `${summary ? `Figure: ${summary}. ` : ''}Verification: ${figure.verification}${source}.`;
    }
    case 'attribution': {
      const parts = [`${annotation.mode[0]!.toUpperCase()}${annotation.mode.slice(1)} attribution`];
      const speaker = annotation.speaker;
      if (speaker?.type === 'entity') parts.push(`speaker: ${speakerName(speaker)}`);
      if (speaker?.type === 'anonymous') {
        parts.push(`anonymous speaker: ${speakerName(speaker)}${speaker.anonymityReason.trim() ? ` (${speaker.anonymityReason.trim()})` : ''}`);
      }
      if (annotation.medium.trim()) parts.push(`medium: ${annotation.medium.trim()}`);
      const cues = spans.filter((span) => span.part === 'cue').map((span) => span.text);
      if (cues.length > 0) parts.push(`cue: ${cues.join(' … ')}`);
      return parts.join('; ');
    }
  }
}

function kindFields(annotation: Annotation, article: WadmArticleContext): JsonObject {
  switch (annotation.kind) {
    case 'entity':
      return entityFields(annotation);
    case 'figure':
      return { [newsroomKey('figure')]: figureFields(annotation) };
    case 'attribution':
      return { [newsroomKey('attribution')]: attributionFields(annotation, article) };
  }
}

function entityFields(annotation: EntityAnnotation): JsonObject {
  return {
    [newsroomKey('entityType')]: annotation.entityType,
    ...(annotation.entityId ? { [newsroomKey('entity')]: { id: entityIri(annotation.entityId) } } : {}),
  };
}

function figureFields(annotation: FigureAnnotation): JsonObject {
  const { figureKind, value, qualifier, unit, currency, verification, sourceNote } = annotation.figure;
  const valueFields: JsonObject = !value
    ? {}
    : value.type === 'number'
      ? { [newsroomKey('valueType')]: 'number', [newsroomKey('value')]: value.value }
      : value.type === 'range'
        ? { [newsroomKey('valueType')]: 'range', [newsroomKey('min')]: value.min, [newsroomKey('max')]: value.max }
        : { [newsroomKey('valueType')]: value.type, [newsroomKey('value')]: value.iso };
  return {
    ...(figureKind ? { [newsroomKey('figureKind')]: figureKind } : {}),
    ...valueFields,
    [newsroomKey('qualifier')]: qualifier,
    [newsroomKey('unit')]: unit,
    ...(currency ? { [newsroomKey('currency')]: currency } : {}),
    [newsroomKey('verification')]: verification,
    [newsroomKey('sourceNote')]: sourceNote,
  };
}

function attributionFields(annotation: AttributionAnnotation, article: WadmArticleContext): JsonObject {
  const { speaker } = annotation;
  const speakerFields: JsonObject | null = !speaker
    ? null
    : speaker.type === 'entity'
      ? {
          [newsroomKey('speakerType')]: 'entity',
          [newsroomKey('name')]: speaker.name,
          ...(speaker.entityId ? { [newsroomKey('entity')]: { id: entityIri(speaker.entityId) } } : {}),
          ...(speaker.mentionId ? { [newsroomKey('mention')]: { id: annotationIri(article.articleId, speaker.mentionId) } } : {}),
        }
      : {
          [newsroomKey('speakerType')]: 'anonymous',
          [newsroomKey('description')]: speaker.description,
          [newsroomKey('anonymityReason')]: speaker.anonymityReason,
        };
  return {
    [newsroomKey('mode')]: annotation.mode,
    ...(speakerFields ? { [newsroomKey('speaker')]: speakerFields } : {}),
    [newsroomKey('medium')]: annotation.medium,
    ...(annotation.mediumEntityId ? { [newsroomKey('mediumEntity')]: { id: entityIri(annotation.mediumEntityId) } } : {}),
  };
}
