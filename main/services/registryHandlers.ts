import { newId } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import { distinctAliases } from '../../common/model/names';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { entityDetail } from './entityDetail';
import { mentionCount, relinkEntity } from './entityLinks';
import { mergeEntities, undoMerge } from './entityMerge';
import { checkedSourceProfile, entityNotFound } from './entityRegistry';

/** The registry-maintenance methods behind the registry view. */
export type RegistryHandlers = Pick<
  ApiHandlers,
  'getEntity' | 'createEntity' | 'updateEntity' | 'deleteEntity' | 'mergeEntities' | 'undoMerge' | 'entityTypeCounts'
>;

/**
 * The registry view's methods: an entity with its mentions, creating and editing entities, deleting one
 * (its mentions stay tagged, unlinked), merging two with undo, and counts per entity type. Names, aliases and
 * descriptions are stored as the text given (trimmed by the contract), never interpreted as markup.
 */
export function createRegistryHandlers(store: Store): RegistryHandlers {
  return {
    getEntity({ id }) {
      return entityDetail(store, id);
    },
    createEntity({ name, type, aliases, externalIds, description, sourceRole, selfDescribedGender }) {
      const now = new Date().toISOString();
      const entity: EntityRecord = {
        id: newId('ent'),
        name,
        type,
        aliases: distinctAliases(name, aliases ?? []),
        externalIds: externalIds ?? {},
        description: description ?? '',
        ...checkedSourceProfile(store, type, { sourceRole, selfDescribedGender }),
        createdAt: now,
        updatedAt: now,
      };
      store.transaction(() => store.entities.insert(entity));
      return entity;
    },
    updateEntity({ id, name, type, aliases, externalIds, description, sourceRole, selfDescribedGender }) {
      const now = new Date().toISOString();
      return store.transaction(() => {
        const current = store.entities.find(id);
        if (!current) throw entityNotFound();
        const nextName = name ?? current.name;
        const next: EntityRecord = {
          ...current,
          name: nextName,
          type: type ?? current.type,
          // Renaming an entity to one of its aliases drops that alias: a name is never its own alias.
          aliases: distinctAliases(nextName, aliases ?? current.aliases),
          externalIds: externalIds ?? current.externalIds,
          description: description ?? current.description,
          ...checkedSourceProfile(store, type ?? current.type, { sourceRole, selfDescribedGender }, current),
          updatedAt: now,
        };
        store.entities.update(next);
        // A mention's highlight and exported type come from its record, so a retyped entity retypes its mentions.
        if (next.type !== current.type) relinkEntity(store, id, { id, type: next.type }, now);
        return store.entities.find(id)!;
      });
    },
    deleteEntity({ id }) {
      const now = new Date().toISOString();
      return store.transaction(() => {
        const entity = store.entities.find(id);
        if (!entity) throw entityNotFound();
        const { links } = relinkEntity(store, id, { id: null }, now);
        store.entities.remove(id);
        // Kept with the links it had, so that restoring it from the trash relinks them.
        store.entityTrash.insert({ entity, unlinked: links, deletedAt: now });
        return { deleted: true as const, unlinkedMentions: mentionCount(links) };
      });
    },
    mergeEntities({ keepId, mergeId }) {
      return mergeEntities(store, keepId, mergeId, new Date().toISOString());
    },
    undoMerge({ undoToken }) {
      return undoMerge(store, undoToken, new Date().toISOString());
    },
    entityTypeCounts() {
      return store.entities.typeCounts();
    },
  };
}
