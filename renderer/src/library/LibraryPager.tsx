import type { LibrarySortKey } from '../../../common/api';
import { libraryPageSize, resultRangeText } from './libraryViewState';

interface LibraryPagerProps {
  total: number;
  offset: number;
  shown: number;
  loading: boolean;
  // Offered while searching words in another order, to go back to the best matches first.
  sort: LibrarySortKey;
  searching: boolean;
  onSortByRelevance: () => void;
  onPage: (page: number) => void;
}

const numbers = new Intl.NumberFormat();

/** "1–50 of 10,000 articles", whether a search is running, and the buttons to the previous and next pages. */
export function LibraryPager({ total, offset, shown, loading, sort, searching, onSortByRelevance, onPage }: LibraryPagerProps) {
  const page = Math.floor(offset / libraryPageSize) + 1;
  const pages = Math.max(1, Math.ceil(total / libraryPageSize));
  return (
    <div className="library-pager">
      <p className="result-range" role="status" aria-live="polite">
        {resultRangeText(offset, shown, total, numbers)}
        {loading && <span className="muted"> · Searching…</span>}
      </p>
      {searching && sort !== 'relevance' && (
        <button type="button" className="link-button" onClick={onSortByRelevance}>
          Best matches first
        </button>
      )}
      <span className="toolbar-gap" />
      {pages > 1 && (
        <nav aria-label="Pages" className="pager-buttons">
          <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            Previous page
          </button>
          <span>
            Page {numbers.format(page)} of {numbers.format(pages)}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
