/** How many rows of a list one article holds, with the article's place in the list's order. */
export interface ArticleRowCount {
  articleId: string;
  rows: number;
}

/** The articles a page of a list falls in, and how many rows of the first of them come before the page. */
export interface ArticleWindow {
  articleIds: string[];
  skip: number;
}

/**
 * The articles that hold rows [offset, offset + limit) of a list ordered article by article. Long lists across
 * articles are paged this way so that ordering inside an article (by the words' place in the text, which costs a
 * lookup per row) is done only for the articles on the page, never for the whole list.
 */
export function articleWindow(counts: readonly ArticleRowCount[], offset: number, limit: number): ArticleWindow {
  const articleIds: string[] = [];
  let before = 0;
  let skip = 0;
  for (const { articleId, rows } of counts) {
    const after = before + rows;
    if (after > offset && before < offset + limit) {
      if (articleIds.length === 0) skip = offset - before;
      articleIds.push(articleId);
    }
    if (after >= offset + limit) break;
    before = after;
  }
  return { articleIds, skip };
}
