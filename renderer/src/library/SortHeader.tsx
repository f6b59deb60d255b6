import type { LibrarySortKey, SortDirection } from '../../../common/api';

interface SortHeaderProps {
  column: LibrarySortKey;
  label: string;
  title?: string;
  // The order the shown page is in.
  sort: LibrarySortKey;
  direction: SortDirection;
  onSort: (column: LibrarySortKey) => void;
}

/** A column header that sorts by its column, and says (to screen readers too) when the table is sorted by it. */
export function SortHeader({ column, label, title, sort, direction, onSort }: SortHeaderProps) {
  const current = sort === column;
  return (
    <th scope="col" aria-sort={current ? (direction === 'asc' ? 'ascending' : 'descending') : undefined} title={title}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {current ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}
