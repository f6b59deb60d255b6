import type { ArticleSelection } from '../../common/articleSelection';
import { searchTerms, type SearchTerm } from '../../common/searchQuery';

/** A selection as SQL: a condition on the articles table under the alias `a`, with its named parameters. */
export interface SelectionCondition {
  where: string;
  params: Record<string, string>;
}

/**
 * Turns what a user typed into FTS5 queries, one per term (see searchTerms): a phrase must occur as written, and a
 * term marked as a prefix also matches longer words starting with its last word. Every term is quoted, so nothing
 * typed can be read as FTS5 syntax. Empty when the text holds no word at all.
 */
export function articleSearchTerms(query: string): string[] {
  return searchTerms(query).map(ftsQuery);
}

function ftsQuery(term: SearchTerm): string {
  return `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`;
}

const staleWords = 'article_words_stale';

/** One FTS5 query that matches an article holding any of the terms, for ranking by relevance; null without terms. */
export function anySearchTerm(terms: readonly string[]): string | null {
  return terms.length === 0 ? null : terms.join(' OR ');
}

/**
 * The condition that picks the selected articles (never those in the trash). Built from the fields present, so
 * that SQLite plans each query for what it filters on; each search term is its own uncorrelated subquery, which
 * SQLite runs once. An article matches a word when its text holds it (article_words), and a phrase when one of its
 * blocks does (block_search).
 */
export function articleSelectionSql(selection: ArticleSelection): SelectionCondition {
  const conditions = ['a.deleted_at IS NULL'];
  const params: Record<string, string> = {};
  const add = (condition: string, name: string, value: string) => {
    conditions.push(condition);
    params[name] = value;
  };
  if (selection.status) add('a.status = @status', 'status', selection.status);
  if (selection.importedFrom) add('a.created_at >= @importedFrom', 'importedFrom', selection.importedFrom);
  if (selection.importedTo) add("a.created_at < date(@importedTo, '+1 day')", 'importedTo', selection.importedTo);
  if (selection.updatedFrom) add('a.updated_at >= @updatedFrom', 'updatedFrom', selection.updatedFrom);
  if (selection.updatedTo) add("a.updated_at < date(@updatedTo, '+1 day')", 'updatedTo', selection.updatedTo);
  // Suggestions are not the desk's tags: they count only when asked for by status.
  if (selection.entityId) add("a.id IN (SELECT n.article_id FROM annotations n WHERE n.entity_id = @entityId AND n.status != 'suggested')", 'entityId', selection.entityId);
  if (selection.tagKind || selection.tagStatus || selection.tagAuthor) {
    const tagConditions = [selection.tagStatus ? 't.status = @tagStatus' : "t.status != 'suggested'"];
    if (selection.tagStatus) params.tagStatus = selection.tagStatus;
    if (selection.tagKind) {
      tagConditions.push('t.kind = @tagKind');
      params.tagKind = selection.tagKind;
    }
    if (selection.tagAuthor) {
      // From the author's index (one range of it) rather than through every article's tags.
      tagConditions.push('t.author = @tagAuthor');
      params.tagAuthor = selection.tagAuthor;
      conditions.push(`a.id IN (SELECT t.article_id FROM annotations t WHERE ${tagConditions.join(' AND ')})`);
    } else {
      conditions.push(`EXISTS (SELECT 1 FROM annotations t WHERE t.article_id = a.id AND ${tagConditions.join(' AND ')})`);
    }
  }
  searchTerms(selection.query ?? '').forEach((term, index) => {
    const name = `term${index}`;
    params[name] = ftsQuery(term);
    const inBlocks = `SELECT rowid FROM block_search WHERE block_search MATCH @${name}`;
    if (term.words.length > 1) {
      // A phrase must not run from one paragraph into the next, so phrases are matched block by block.
      conditions.push(`a.id IN (SELECT b.article_id FROM article_blocks b WHERE b.id IN (${inBlocks}))`);
      return;
    }
    // A word: the article-level index, except for articles changed since it was written, read by their blocks.
    // The unary + keeps SQLite from pairing this list with another filter's list as one index key (for an entity's
    // 1,700 articles and a word's 10,000 that is 17 million lookups); it is checked per article instead.
    conditions.push(
      `+a.seq IN (SELECT rowid FROM article_words WHERE article_words MATCH @${name} UNION ALL SELECT seq FROM articles WHERE id IN (SELECT article_id FROM ${staleWords}))`,
      `(a.id NOT IN (SELECT article_id FROM ${staleWords}) OR a.id IN (SELECT b.article_id FROM article_blocks b WHERE b.article_id IN (SELECT article_id FROM ${staleWords}) AND b.id IN (${inBlocks})))`,
    );
  });
  return { where: conditions.join(' AND '), params };
}
