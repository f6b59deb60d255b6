import { useEffect, useState } from 'react';
import type { AnnotatorApi, ArticleSelection, LibrarySearchPage } from '../../../common/api';
import { libraryPageSize, type LibraryViewState } from './libraryViewState';

/** The page the library shows, whether a newer one is on its way, and the last error. */
export interface LibraryPageState {
  page: LibrarySearchPage | null;
  loading: boolean;
  error: string | null;
}

/**
 * Fetches the page of the selection the URL names, again whenever the selection, the order, the page or `reload`
 * changes. The previous page stays on screen while the next one loads (no flicker while typing), and an answer that
 * arrives after a newer request was made is dropped.
 */
export function useLibraryPage(api: AnnotatorApi, selection: ArticleSelection, view: LibraryViewState, reload: number): LibraryPageState {
  const [state, setState] = useState<LibraryPageState>({ page: null, loading: true, error: null });
  const { sort, direction, page } = view;
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    api
      .searchArticles({ selection, sort, direction, offset: (page - 1) * libraryPageSize, limit: libraryPageSize })
      .then(
        (result) => current && setState({ page: result, loading: false, error: null }),
        (error: Error) => current && setState((previous) => ({ ...previous, loading: false, error: error.message })),
      );
    return () => {
      current = false;
    };
  }, [api, selection, sort, direction, page, reload]);
  return state;
}
