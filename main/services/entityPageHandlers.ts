import { mentionTimeline, type EntityPageMention, type EntityPageQuote } from '../../common/entityPage';
import type { Store } from '../store/index';
import { createEntityPageQueries } from '../store/entityPageQueries';
import type { ApiHandlers } from './apiDispatch';
import { entityNotFound } from './entityRegistry';
import { articleWindow, type ArticleRowCount } from '../store/articleWindow';
import { sentenceCutter } from './tagSentence';

/** The entity page's methods. */
export type EntityPageHandlers = Pick<ApiHandlers, 'getEntityPage' | 'listEntityMentions' | 'listEntityQuotes'>;

const totalRows = (articles: readonly ArticleRowCount[]) => articles.reduce((sum, article) => sum + article.rows, 0);

// The entities mentioned with this one that the page lists by name; the page gives the count of the rest.
const coMentionedShown = 15;

/**
 * An entity page: the entity's record and counts, the entities mentioned in the same articles, a timeline of its
 * mentions by article date, and pages of its mentions (with their sentences) and of what it is quoted as saying.
 * Each list is read a page at a time, so an entity with thousands of mentions costs the same as one with fifty.
 */
export function createEntityPageHandlers(store: Store): EntityPageHandlers {
  const queries = createEntityPageQueries(store.db);
  const entityOf = (id: string) => {
    const entity = store.entities.find(id);
    if (!entity) throw entityNotFound();
    return entity;
  };
  return {
    getEntityPage({ id }) {
      return store.read(() => {
        const entity = entityOf(id);
        const coMentioned = queries.coMentioned(id, coMentionedShown);
        return {
          entity,
          ...queries.counts(id),
          coMentioned: coMentioned.entities,
          coMentionedTotal: coMentioned.total,
          timeline: mentionTimeline(queries.mentionDays(id)),
        };
      });
    },
    listEntityMentions({ id, offset, limit }) {
      return store.read(() => {
        entityOf(id);
        const articles = queries.mentionArticles(id);
        const inArticle = new Map(articles.map((article) => [article.articleId, article.rows]));
        const window = articleWindow(articles, offset, limit);
        const sentenceOf = sentenceCutter();
        const rows = queries
          .mentions(id, window.articleIds)
          .slice(window.skip, window.skip + limit)
          .map(
            (row): EntityPageMention => ({
              articleId: row.articleId,
              articleTitle: row.articleTitle,
              articleDate: row.articleDate,
              articleMentions: inArticle.get(row.articleId)!,
              annotationId: row.annotationId,
              text: row.quote,
              sentence: sentenceOf(row),
              status: row.status,
            }),
          );
        return { total: totalRows(articles), articles: articles.length, offset, rows };
      });
    },
    listEntityQuotes({ id, offset, limit }) {
      return store.read(() => {
        entityOf(id);
        const articles = queries.quoteArticles(id);
        const window = articleWindow(articles, offset, limit);
        const rows = queries
          .quotes(id, window.articleIds)
          .slice(window.skip, window.skip + limit)
          .map(
            (row): EntityPageQuote => ({
              articleId: row.articleId,
              articleTitle: row.articleTitle,
              articleDate: row.articleDate,
              annotationId: row.annotationId,
              words: row.quote,
              mode: row.mode,
              medium: row.medium,
              mediumEntityId: row.mediumEntityId,
              status: row.status,
            }),
          );
        return { total: totalRows(articles), articles: articles.length, offset, rows };
      });
    },
  };
}
