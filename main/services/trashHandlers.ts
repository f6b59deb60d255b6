import { ApiError } from '../../common/api';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { articleNotFound } from './articleWriter';
import { mentionCount, restoreLinks } from './entityLinks';

function notInTrash(what: string): ApiError {
  return new ApiError('not_found', `This ${what} is not in the trash; it may have been restored already, or the trash was emptied.`);
}

/**
 * The trash: deleting an article or a registry entity moves it here, restoring brings it back with its tags
 * and links, and only emptying the trash deletes for good.
 */
export function createTrashHandlers(store: Store): Pick<ApiHandlers, 'deleteArticle' | 'listTrash' | 'restoreArticle' | 'restoreEntity' | 'emptyTrash'> {
  return {
    deleteArticle({ id }) {
      if (!store.articles.trash(id, new Date().toISOString())) throw articleNotFound();
      return { deleted: true };
    },
    listTrash() {
      return store.read(() => ({
        articles: store.articles.trashed(),
        entities: store.entityTrash.list().map(({ entity, unlinked, deletedAt }) => ({ entity, unlinkedMentions: mentionCount(unlinked), deletedAt })),
      }));
    },
    restoreArticle({ id }) {
      return store.transaction(() => {
        if (!store.articles.untrash(id)) throw notInTrash('article');
        return store.articles.summary(id)!;
      });
    },
    restoreEntity({ id }) {
      const now = new Date().toISOString();
      return store.transaction(() => {
        const trashed = store.entityTrash.find(id);
        if (!trashed) throw notInTrash('entity');
        if (store.entities.find(id)) throw new ApiError('conflict', 'An entity with this id is in the registry again, so the deleted one cannot come back.');
        store.entities.insert({ ...trashed.entity, updatedAt: now });
        // Only links still unlinked come back: an editor may have linked a mention elsewhere since.
        const { links } = restoreLinks(store, trashed.unlinked, null, id, now);
        store.entityTrash.remove(id);
        return { restored: store.entities.find(id)!, relinkedMentions: mentionCount(links) };
      });
    },
    emptyTrash() {
      return store.transaction(() => ({ articles: store.articles.emptyTrash(), entities: store.entityTrash.empty() }));
    },
  };
}
