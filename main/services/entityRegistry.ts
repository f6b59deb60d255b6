import { ApiError } from '../../common/api';
import { newId, type EntityType } from '../../common/model/annotation';
import type { EntityRecord, ResolvedEntity } from '../../common/api';
import { sourceFieldsOf, type SourceProfile } from '../../common/model/sourceProfile';
import { createSourceRolesRepo } from '../store/sourceRolesRepo';
import type { Store } from '../store/index';
import { type ApiHandlers } from './apiDispatch';

/** How many entities the registry lists when the caller names no limit: the contract's maximum. */
const defaultEntityListLimit = 10_000;

/** The error for an entity id that is not (or no longer) in the registry. */
export function entityNotFound(): ApiError {
  return new ApiError('not_found', 'This entity is no longer in the registry; it may have been deleted or merged into another.');
}

/**
 * The source fields an entity of `type` keeps after a create or an update: those given, else those it had, and only
 * those its type takes. A role must be one of the desk's roles (listSourceRoles).
 */
export function checkedSourceProfile(store: Store, type: EntityType, given: Partial<SourceProfile>, current?: EntityRecord): Partial<SourceProfile> {
  const sourceRole = given.sourceRole !== undefined ? given.sourceRole : (current?.sourceRole ?? null);
  if (sourceRole !== null && given.sourceRole !== undefined && !createSourceRolesRepo(store.db).find(sourceRole)) {
    throw new ApiError('invalid_argument', `"${sourceRole}" is not one of the desk's source roles; add it in the registry first.`);
  }
  return sourceFieldsOf(type, { sourceRole, selfDescribedGender: given.selfDescribedGender ?? current?.selfDescribedGender ?? '' });
}

// The registry entity a name refers to: an entity of the same type whose canonical name or one of whose
// aliases matches (ignoring case and spacing), else a new entity with that name. One transaction, so two
// windows tagging the same new name create one entity.
function resolveEntityName(store: Store, name: string, type: EntityType, now: string): ResolvedEntity {
  return store.transaction(() => {
    const byName = store.entities.findByName(type, name);
    if (byName) return { entity: byName, matchedBy: 'name' as const };
    const byAlias = store.entities.findByAlias(type, name);
    if (byAlias) return { entity: byAlias, matchedBy: 'alias' as const };
    const entity = {
      id: newId('ent'),
      name: name.replace(/\s+/g, ' ').trim(),
      type,
      aliases: [],
      externalIds: {},
      description: '',
      ...sourceFieldsOf(type, { sourceRole: null, selfDescribedGender: '' }),
      createdAt: now,
      updatedAt: now,
    };
    store.entities.insert(entity);
    return { entity, matchedBy: null };
  });
}

/** The registry methods: resolve a tagged name to an entity, and list entities with their mention counts. */
export function createEntityHandlers(store: Store): Pick<ApiHandlers, 'resolveEntity' | 'listEntities'> {
  return {
    resolveEntity({ name, type }) {
      return resolveEntityName(store, name, type, new Date().toISOString());
    },
    listEntities({ query, type, limit }) {
      return store.entities.list({ query, type, limit: limit ?? defaultEntityListLimit });
    },
  };
}
