import { librarySortKeys, sortDirections, type LibrarySortKey, type SortDirection } from '../../../common/api';

/** Articles on one page of the library. */
export const libraryPageSize = 50;

/**
 * What the library keeps in the URL beside the selection: the column it sorts by and in which direction (absent:
 * the search's default order) and the page, counted from 1. Values that do not parse (an old or hand-edited URL)
 * read as absent.
 */
export interface LibraryViewState {
  sort?: LibrarySortKey;
  direction?: SortDirection;
  page: number;
}

/** The library's view state from a route's `view`. */
export function libraryViewState(view: Readonly<Record<string, string>>): LibraryViewState {
  const sort = (librarySortKeys as readonly string[]).includes(view.sort ?? '') ? (view.sort as LibrarySortKey) : undefined;
  const direction = (sortDirections as readonly string[]).includes(view.dir ?? '') ? (view.dir as SortDirection) : undefined;
  const page = /^[1-9]\d{0,6}$/.test(view.page ?? '') ? Number(view.page) : 1;
  return { sort, direction, page };
}

/** The route's `view` for a view state; the first page and the default order leave nothing in the URL. */
export function libraryViewOf(state: LibraryViewState): Record<string, string> {
  const view: Record<string, string> = {};
  if (state.sort) view.sort = state.sort;
  if (state.direction) view.dir = state.direction;
  if (state.page > 1) view.page = String(state.page);
  return view;
}

/** "1–50 of 10,000 articles", or what an empty result is. */
export function resultRangeText(offset: number, shown: number, total: number, format: Intl.NumberFormat): string {
  if (total === 0) return 'No articles';
  const noun = total === 1 ? 'article' : 'articles';
  return `${format.format(offset + 1)}–${format.format(offset + shown)} of ${format.format(total)} ${noun}`;
}
