import { ApiError } from '../../common/api';
import { newId } from '../../common/model/annotation';
import type { EntityMergeResult, EntityRecord } from '../../common/api';
import { distinctAliases, entityLookupKey } from '../../common/model/names';
import type { Store } from '../store/index';
import { mentionCount, relinkEntity, restoreLinks } from './entityLinks';
import { entityNotFound } from './entityRegistry';

/**
 * Merges entity `mergeId` into `keepId` in one transaction: every mention, quoted speaker and medium of the
 * merged entity links to the kept one (and takes its type), the kept entity gains the merged one's name and
 * aliases as aliases and its external ids for schemes it has none of, and the merged entity is deleted.
 * Everything needed to undo it is recorded under the returned token.
 */
export function mergeEntities(store: Store, keepId: string, mergeId: string, now: string): EntityMergeResult {
  if (keepId === mergeId) throw new ApiError('invalid_argument', 'An entity cannot be merged into itself.');
  return store.transaction(() => {
    const keep = store.entities.find(keepId);
    const merged = store.entities.find(mergeId);
    if (!keep || !merged) throw entityNotFound();
    // Links move before the merged entity goes: its rows are how the articles that mention it are found.
    const { links, changedArticleIds } = relinkEntity(store, mergeId, { id: keepId, type: keep.type }, now);
    const known = new Set([keep.name, ...keep.aliases].map(entityLookupKey));
    const addedAliases = distinctAliases(keep.name, [merged.name, ...merged.aliases]).filter((alias) => !known.has(entityLookupKey(alias)));
    const addedExternalIds = Object.fromEntries(Object.entries(merged.externalIds).filter(([scheme]) => keep.externalIds[scheme] === undefined));
    store.entities.update({
      ...keep,
      aliases: [...keep.aliases, ...addedAliases],
      externalIds: { ...keep.externalIds, ...addedExternalIds },
      updatedAt: now,
    });
    store.entities.remove(mergeId);
    const undoToken = newId('merge');
    store.entityMerges.insert({ token: undoToken, keepId, keepName: keep.name, merged, addedAliases, addedExternalIds, movedLinks: links, mergedAt: now });
    return { entity: store.entities.find(keepId)!, movedMentions: mentionCount(links), changedArticleIds, undoToken };
  });
}

/**
 * Undoes a merge in one transaction: the merged entity comes back exactly as it was (id, names, aliases,
 * external ids, dates), the links the merge moved point at it again where they still point at the kept
 * entity, and the kept entity loses the aliases and external ids the merge gave it. A token works once, and
 * a merge whose kept entity has since been deleted or merged away is refused with the reason.
 */
export function undoMerge(store: Store, undoToken: string, now: string): { restored: EntityRecord } {
  return store.transaction(() => {
    const merge = store.entityMerges.find(undoToken);
    if (!merge) throw new ApiError('not_found', 'There is no merge to undo with this token.');
    const what = `The merge of “${merge.merged.name}” into “${merge.keepName}”`;
    if (merge.undoneAt) throw new ApiError('conflict', `${what} has already been undone.`);
    const keep = store.entities.find(merge.keepId);
    if (!keep) {
      throw new ApiError('conflict', `${what} cannot be undone: “${merge.keepName}” has since been deleted or merged into another entity.`);
    }
    if (store.entities.find(merge.merged.id)) throw new ApiError('conflict', `${what} cannot be undone: “${merge.merged.name}” is in the registry again.`);

    store.entities.insert(merge.merged);
    const addedKeys = new Set(merge.addedAliases.map(entityLookupKey));
    // An external id the user has changed since the merge is theirs now, and stays.
    const externalIds = Object.fromEntries(Object.entries(keep.externalIds).filter(([scheme, value]) => merge.addedExternalIds[scheme] !== value));
    store.entities.update({ ...keep, aliases: keep.aliases.filter((alias) => !addedKeys.has(entityLookupKey(alias))), externalIds, updatedAt: now });
    restoreLinks(store, merge.movedLinks, merge.keepId, merge.merged.id, now);
    store.entityMerges.markUndone(undoToken, now);
    return { restored: store.entities.find(merge.merged.id)! };
  });
}
