import { z } from './zodConfig';
import { articleSelectionSchema } from './articleSelection';
import type { EntityType } from './model/annotation';

/**
 * The library's paged search: which articles of a selection to show, in which order, and what comes back (one page
 * of articles, each with the places its text matches the query, and the size of the whole result).
 */

/** The columns the library sorts by; `relevance` orders by how well the articles match the query words. */
export const librarySortKeys = ['relevance', 'title', 'status', 'imported', 'updated', 'words', 'tags', 'needsReview', 'suggestions'] as const;
export type LibrarySortKey = (typeof librarySortKeys)[number];

/** Ascending or descending. */
export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/** The most articles one page may hold. */
export const maxLibraryPageSize = 200;

/** A library search request as the API validates it. */
export const librarySearchSchema = z.object({
  selection: articleSelectionSchema.default({}),
  // Without a sort, a search with words orders by relevance and any other by import date, newest first.
  sort: z.enum(librarySortKeys).optional(),
  direction: z.enum(sortDirections).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(maxLibraryPageSize).default(50),
});

/** A request for one page of the library; see librarySearchSchema. */
export type LibrarySearchRequest = z.input<typeof librarySearchSchema>;

/**
 * A run of text from an article, marked when it is words the query matched. The renderer shows marked runs
 * highlighted; the text is the store's, never markup.
 */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** One excerpt of an article around words the query matched, as segments; `leading`/`trailing` say text was cut. */
export interface SearchSnippet {
  segments: TextSegment[];
  leading: boolean;
  trailing: boolean;
}

/** The registry entity a selection filters on, named for the filter's chip. */
export interface SelectedEntity {
  id: string;
  name: string;
  type: EntityType;
}

/** Someone whose name is recorded on the desk's tags (not suggestions). */
export interface TagAuthor {
  name: string;
}

/** The order a search uses when the request names none, or names one it cannot use. */
export function effectiveSort(hasQueryWords: boolean, sort?: LibrarySortKey, direction?: SortDirection): { sort: LibrarySortKey; direction: SortDirection } {
  // Relevance means nothing without words to match.
  const chosen = sort === 'relevance' && !hasQueryWords ? undefined : sort;
  const resolved = chosen ?? (hasQueryWords ? 'relevance' : 'imported');
  return { sort: resolved, direction: direction ?? defaultDirection[resolved] };
}

/** The direction a column sorts in when first chosen: text A to Z, dates and counts largest first. */
export const defaultDirection: Record<LibrarySortKey, SortDirection> = {
  relevance: 'desc',
  title: 'asc',
  status: 'asc',
  imported: 'desc',
  updated: 'desc',
  words: 'desc',
  tags: 'desc',
  needsReview: 'desc',
  suggestions: 'desc',
};
