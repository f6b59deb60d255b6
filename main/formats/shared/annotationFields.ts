import { subjectEntityOf } from '../../../common/model/entityLinks';
import type { Annotation, AttributionAnnotation } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import type { ExportableArticle } from '../adapter';
import { speakerName } from '../../../common/model/fieldText';

/**
 * Annotation fields that need the registry or a finer type, as the annotation-centred exports (brat, CSV,
 * HTML) word them; plain field wording (values, figures, anonymous speakers) lives in fieldText.ts.
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

/** The registry entry an id refers to, when the export carries it. */
export function entityById(input: ExportableArticle, entityId: string | null | undefined): EntityRecord | undefined {
  return entityId ? input.entities.get(entityId) : undefined;
}

/** The registry entry an annotation refers to: a mention's entity, or an attribution speaker's. */
export function referencedEntity(input: ExportableArticle, annotation: Annotation): EntityRecord | undefined {
  return entityById(input, subjectEntityOf(annotation));
}

/** Who an attribution quotes, in words: the registry's current name when linked, else the name or description as tagged. */
export function speakerText(input: ExportableArticle, annotation: AttributionAnnotation): string {
  const speaker = annotation.speaker;
  const entity = speaker?.type === 'entity' ? entityById(input, speaker.entityId) : undefined;
  return entity?.name ?? speakerName(speaker);
}

/** The medium an attribution's words were given to: as tagged, else its registry entity's name. */
export function mediumText(input: ExportableArticle, annotation: AttributionAnnotation): string {
  return annotation.medium || (entityById(input, annotation.mediumEntityId)?.name ?? '');
}
