import { useEffect, useState } from 'react';
import type { PageOf } from '../../../common/entityPage';

/** A page of a long list as a view holds it: the rows once loaded, the error if the load failed. */
export interface PagedRows<Row> {
  page: PageOf<Row> | null;
  error: string | null;
  offset: number;
  setOffset: (offset: number) => void;
}

/** Loads the page of a list at an offset, again whenever the offset or the loader changes; stale answers are dropped. */
export function usePagedRows<Row>(load: (offset: number) => Promise<PageOf<Row>>): PagedRows<Row> {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<PageOf<Row> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    setError(null);
    load(offset).then(
      (loaded) => !stale && setPage(loaded),
      (failure: Error) => !stale && setError(failure.message),
    );
    return () => {
      stale = true;
    };
  }, [load, offset]);
  return { page, error, offset, setOffset };
}
