import { withEntityLinksMoved } from '../../common/model/entityLinks';
import type { Annotation, AnnotationMap } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import { distinctAliases } from '../../common/model/names';
import type { Store } from '../store/index';

/**
 * Registry entities that arrive with an imported article (this app's JSON export, or an NITF export with its
 * record). Each is matched to this desk's registry the way tagging matches a name: the same id is the same
 * entity; otherwise an entity of the same type whose name or alias matches is taken; otherwise the entity is
 * added with its exported id, names, external ids and timestamps. Existing entities are never changed.
 */

/** How the imported entities were linked: exported ids that now mean another registry id, and what to tell the user. */
export interface ImportedEntityLinks {
  relinked: ReadonlyMap<string, string>;
  warnings: string[];
}

/** Adds or matches every imported entity. Must run inside a store transaction, with the article's insert. */
export function registerImportedEntities(store: Store, entities: readonly EntityRecord[]): ImportedEntityLinks {
  const relinked = new Map<string, string>();
  const warnings: string[] = [];
  for (const entity of entities) {
    if (store.entities.find(entity.id)) continue;
    const name = entity.name.replace(/\s+/g, ' ').trim();
    // The registry refuses blank names; the records keep their link, which then points at no entity.
    if (!name) continue;
    const byName = store.entities.findByName(entity.type, name);
    const match = byName ?? store.entities.findByAlias(entity.type, name);
    if (match) {
      relinked.set(entity.id, match.id);
      const how = byName ? 'entity of the same name' : `"${match.name}", which has this name as an alias`;
      warnings.push(`The ${entity.type} "${name}" in the file was linked to the registry's ${how}.`);
      continue;
    }
    // Kept as exported (an export of this registry already has distinct aliases), so a re-export is the same.
    store.entities.insert({ ...entity, aliases: distinctAliases(entity.name, entity.aliases) });
  }
  return { relinked, warnings };
}

/** The annotation records with their links moved to the registry ids the import matched. */
export function relinkImportedRecords(records: AnnotationMap, relinked: ReadonlyMap<string, string>): AnnotationMap {
  return Object.fromEntries(Object.entries(records).map(([id, record]) => [id, withEntityLinksMoved(record, (entityId) => relinked.get(entityId) ?? entityId)]));
}
