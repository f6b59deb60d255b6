import type { Annotation, EntityType } from './annotation';

/**
 * How an annotation record links to the desk's registry. A mention links to the entity it names; an
 * attribution links to the speaker it quotes and to the medium the words were given to. Services (merge,
 * delete, undo), importers, the store's rows and every exporter ask these functions, never the fields.
 */

/** The three ways a record can link to a registry entity. */
export const entityLinkFields = ['entity', 'speaker', 'medium'] as const;
export type EntityLinkField = (typeof entityLinkFields)[number];

/** The entity a record links to through `field`: an id, null when unlinked, undefined when it has no such link. */
export function linkedEntityOf(record: Annotation, field: EntityLinkField): string | null | undefined {
  switch (field) {
    case 'entity':
      return record.kind === 'entity' ? record.entityId : undefined;
    case 'speaker':
      return record.kind === 'attribution' && record.speaker?.type === 'entity' ? record.speaker.entityId : undefined;
    case 'medium':
      return record.kind === 'attribution' ? record.mediumEntityId : undefined;
  }
}

/** Every registry id a record links to, through any field, without repeats. */
export function linkedEntityIds(record: Annotation): string[] {
  const ids = new Set<string>();
  for (const field of entityLinkFields) {
    const id = linkedEntityOf(record, field);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** The entity a record is about: a mention's entity, or the speaker an attribution quotes (not its medium). */
export function subjectEntityOf(record: Annotation): string | null {
  return linkedEntityOf(record, 'entity') ?? linkedEntityOf(record, 'speaker') ?? null;
}

/** A copy of the record linking to `entityId` through `field`; a mention may also take another type. */
export function withEntityLink(record: Annotation, field: EntityLinkField, entityId: string | null, entityType?: EntityType): Annotation {
  if (field === 'entity' && record.kind === 'entity') return { ...record, entityId, entityType: entityType ?? record.entityType };
  if (field === 'speaker' && record.kind === 'attribution' && record.speaker?.type === 'entity') {
    return { ...record, speaker: { ...record.speaker, entityId } };
  }
  if (field === 'medium' && record.kind === 'attribution') return { ...record, mediumEntityId: entityId };
  return record;
}

/** The record with every registry link moved by `move` (an id to its new id, or null to unlink). */
export function withEntityLinksMoved(record: Annotation, move: (entityId: string) => string | null): Annotation {
  let result = record;
  for (const field of entityLinkFields) {
    const id = linkedEntityOf(result, field);
    if (!id) continue;
    const moved = move(id);
    if (moved !== id) result = withEntityLink(result, field, moved);
  }
  return result;
}
