import { labels, type Annotation, type AttributionAnnotation, type FigureValue } from '../../common/annotation';
import type { EntityRecord } from '../../common/api';
import type { ExportableArticle } from './exporter';

/**
 * How annotation fields read as text in exports meant for people and spreadsheets (brat notes, CSV cells,
 * HTML attributes), written once so that every format words a value, a speaker or a link the same way.
 */

/** The finer type of an annotation: its entity type, its figure kind, or its attribution mode. */
export function annotationType(annotation: Annotation): string {
  switch (annotation.kind) {
    case 'entity':
      return annotation.entityType;
    case 'figure':
      return annotation.figure.figureKind ?? '';
    case 'attribution':
      return annotation.mode;
  }
}

/** A figure's normalised value as text: a number, a range "min..max", or an ISO date or duration. */
export function figureValueText(value: FigureValue | null): string {
  if (!value) return '';
  switch (value.type) {
    case 'number':
      return String(value.value);
    case 'range':
      return `${value.min}..${value.max}`;
    case 'date':
    case 'duration':
      return value.iso;
  }
}

/** The registry entry an id refers to, when the export carries it. */
export function entityById(input: ExportableArticle, entityId: string | null | undefined): EntityRecord | undefined {
  return entityId ? input.entities.get(entityId) : undefined;
}

/** The registry entry an annotation refers to: a mention's entity, or an attribution speaker's. */
export function referencedEntity(input: ExportableArticle, annotation: Annotation): EntityRecord | undefined {
  if (annotation.kind === 'entity') return entityById(input, annotation.entityId);
  if (annotation.kind === 'attribution' && annotation.speaker?.type === 'entity') return entityById(input, annotation.speaker.entityId);
  return undefined;
}

/** Who an attribution quotes, in words: the registry name, the name as tagged, or the anonymous description. */
export function speakerText(input: ExportableArticle, annotation: AttributionAnnotation): string {
  const speaker = annotation.speaker;
  if (!speaker) return '';
  if (speaker.type === 'anonymous') return speaker.description;
  return entityById(input, speaker.entityId)?.name ?? speaker.name;
}

/** A figure's qualifier as words ("about", "more than"); empty for "exactly", which says nothing. */
export function qualifierText(annotation: Annotation): string {
  if (annotation.kind !== 'figure' || annotation.figure.qualifier === 'exactly') return '';
  return labels[annotation.figure.qualifier];
}
