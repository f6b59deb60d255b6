import type { ArticleSearchHit } from '../../common/api';
import type { Store } from '../store/index';
import { createLibrarySearch } from '../store/librarySearch';
import { createArticleWordsRefresh } from '../store/articleWords';
import { searchTerms } from '../../common/searchQuery';
import { searchExcerpts } from './searchExcerpts';
import type { ApiHandlers } from './apiDispatch';

/** The library's search methods. */
export type LibrarySearchHandlers = Pick<ApiHandlers, 'searchArticles' | 'listTagAuthors' | 'matchingArticleIds'>;

/**
 * The library's paged search: the page's ids come from one query in the store, then each of the (at most a page
 * of) articles is summarised and given its excerpts, all in one read so the count and the rows agree.
 */
export function createLibrarySearchHandlers(store: Store): LibrarySearchHandlers {
  const search = createLibrarySearch(store.db);
  // Articles saved since the last search are re-indexed first, so the search reads the fast article-level index.
  const refreshWords = createArticleWordsRefresh(store.db);
  // The headline is the title the list already shows, so excerpts come from the other blocks.
  const bodyTexts = (articleId: string, title: string) => {
    const texts = store.blocks.texts(articleId).map(([, text]) => text);
    return texts[0]?.trim() === title ? texts.slice(1) : texts;
  };
  return {
    searchArticles({ selection, sort, direction, offset, limit }) {
      if (selection.query) refreshWords();
      return store.read(() => {
        const page = search.page({ selection, sort, direction, offset, limit });
        const terms = searchTerms(selection.query ?? '');
        const articles = page.ids.flatMap((id): ArticleSearchHit[] => {
          const summary = store.articles.summary(id);
          return summary ? [{ ...summary, snippets: terms.length === 0 ? [] : searchExcerpts(bodyTexts(id, summary.title), terms) }] : [];
        });
        const entity = selection.entityId === undefined ? undefined : store.entities.find(selection.entityId);
        return {
          total: page.total,
          offset,
          articles,
          sort: page.sort,
          direction: page.direction,
          ...(selection.entityId === undefined ? {} : { entity: entity ? { id: entity.id, name: entity.name, type: entity.type } : null }),
        };
      });
    },
    listTagAuthors() {
      return search.tagAuthors();
    },
    matchingArticleIds({ selection }) {
      if (selection.query) refreshWords();
      return search.allIds(selection);
    },
  };
}
