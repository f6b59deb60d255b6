import type { ArticleSelection } from '../../common/articleSelection';
import { effectiveSort, type LibrarySortKey, type SortDirection, type TagAuthor } from '../../common/librarySearch';
import { anySearchTerm, articleSearchTerms, articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';

/** What the store answers for one page of the library: the page's article ids in order, and the whole result's size. */
export interface LibraryPageIds {
  total: number;
  ids: string[];
  sort: LibrarySortKey;
  direction: SortDirection;
}

/** Which page of which selection, in which order. */
export interface LibraryPageQuery {
  selection: ArticleSelection;
  sort?: LibrarySortKey;
  direction?: SortDirection;
  offset: number;
  limit: number;
}

// The desk's tags are those that are not suggestions; the counts read the (article_id, kind, status) index alone.
const tagCount = (condition: string) => `(SELECT count(*) FROM annotations t WHERE t.article_id = a.id AND ${condition})`;

// What each column sorts by; `relevance` is the article's BM25 score in the article-level word index (lower is better).
const sortExpressions: Record<LibrarySortKey, string> = {
  relevance: 'r.score',
  title: 'a.title COLLATE NOCASE',
  status: "CASE a.status WHEN 'draft' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END",
  imported: 'a.created_at',
  updated: 'a.updated_at',
  words: 'a.word_count',
  tags: tagCount("t.status != 'suggested'"),
  needsReview: tagCount("t.status = 'needs_review'"),
  suggestions: tagCount("t.status = 'suggested'"),
};

function orderClause(sort: LibrarySortKey, direction: SortDirection): string {
  // BM25 scores are lower for better matches, so "most relevant first" is ascending.
  const ascending = sort === 'relevance' ? direction === 'desc' : direction === 'asc';
  const order = ascending ? 'ASC' : 'DESC';
  // Equal keys keep a stable order (newest import first), so paging never shows an article twice.
  return `ORDER BY ${sortExpressions[sort]} ${order} NULLS LAST, a.created_at DESC, a.seq DESC`;
}

/**
 * The library's search over the store: pages of a selection in any column's order, counts of the whole result,
 * and the names recorded on the desk's tags. Statements are prepared once per shape of selection (which fields
 * it sets, how many words), since each shape is its own query plan.
 */
export function createLibrarySearch(db: AnnotatorDatabase) {
  const statements = new Map<string, ReturnType<AnnotatorDatabase['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // Shapes are few (fields set, number of words); the bound only guards against an unusual caller.
      if (statements.size > 500) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // Skips from one author to the next along their index (a handful of seeks, however many tags), keeping those with
  // a tag of the desk's (not a suggestion) in an article outside the trash.
  const authorsStatement = db.prepare(`
    WITH RECURSIVE names(name) AS (
      SELECT min(author) FROM annotations
      UNION ALL
      SELECT (SELECT min(author) FROM annotations WHERE author > names.name) FROM names WHERE names.name IS NOT NULL)
    SELECT name FROM names
    WHERE name IS NOT NULL AND name != '' AND EXISTS (
      SELECT 1 FROM annotations t JOIN articles a ON a.id = t.article_id
      WHERE t.author = names.name AND t.status != 'suggested' AND a.deleted_at IS NULL)
    ORDER BY name COLLATE NOCASE`).pluck();
  // The selection's condition, and the relevance ranking joined in when the order needs it.
  function selectionQuery(selection: ArticleSelection, needsRank: boolean) {
    const { where, params } = articleSelectionSql(selection);
    const match = anySearchTerm(articleSearchTerms(selection.query ?? ''));
    if (!needsRank || match === null) return { from: `articles a WHERE ${where}`, prefix: '', params };
    // The hidden `rank` column (BM25) of the article-level index, read once into a table: joined directly, SQLite
    // would run the full-text query again for every article. An article changed since it was indexed has no rank
    // and comes after those that do.
    const ranked = 'WITH ranked AS MATERIALIZED (SELECT rowid AS seq, rank AS score FROM article_words WHERE article_words MATCH @anyTerm) ';
    return { from: `articles a LEFT JOIN ranked r ON r.seq = a.seq WHERE ${where}`, prefix: ranked, params: { ...params, anyTerm: match } };
  }

  return {
    /** One page of the selected articles' ids in the asked order (or the default one), and how many there are in all. */
    page(query: LibraryPageQuery): LibraryPageIds {
      const hasWords = articleSearchTerms(query.selection.query ?? '').length > 0;
      const { sort, direction } = effectiveSort(hasWords, query.sort, query.direction);
      // Two queries rather than count(*) OVER (), which would sort every matching article to return fifty.
      const total = this.count(query.selection);
      const paged = selectionQuery(query.selection, sort === 'relevance');
      const ids =
        total === 0 || query.offset >= total
          ? []
          : (prepared(`${paged.prefix}SELECT a.id FROM ${paged.from} ${orderClause(sort, direction)} LIMIT @limit OFFSET @offset`)
              .pluck()
              .all({ ...paged.params, limit: query.limit, offset: query.offset }) as string[]);
      return { total, ids, sort, direction };
    },
    /** How many articles the selection holds. */
    count(selection: ArticleSelection): number {
      const { from, params } = selectionQuery(selection, false);
      return prepared(`SELECT count(*) FROM ${from}`).pluck().get(params) as number;
    },
    /** Every selected article's id, in the library's default order: what "export all matching" exports. */
    allIds(selection: ArticleSelection): string[] {
      const { from, params } = selectionQuery(selection, false);
      return prepared(`SELECT a.id FROM ${from} ORDER BY a.created_at DESC, a.seq DESC`).pluck().all(params) as string[];
    },
    /** The names recorded on the desk's tags in articles outside the trash, in alphabetical order. */
    tagAuthors(): TagAuthor[] {
      return (authorsStatement.all() as string[]).map((name) => ({ name }));
    },
  };
}

/** The library's search over one database. */
export type LibrarySearch = ReturnType<typeof createLibrarySearch>;
