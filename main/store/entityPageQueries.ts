import { entityTypes, type AnnotationStatus, type AttributionMode, type EntityType } from '../../common/model/annotation';
import type { CoMentionedEntity, EntityTagCounts, MentionDay } from '../../common/entityPage';
import type { ArticleRowCount } from './articleWindow';
import type { AnnotatorDatabase } from './database';
import { firstWordsSql, type TagPlace } from './tagPlace';


/** A mention row of an entity page, before its sentence is cut. */
export interface EntityMentionRow extends TagPlace {
  articleId: string;
  articleTitle: string;
  articleDate: string;
  annotationId: string;
  quote: string;
  status: AnnotationStatus;
}

/** A quote row of an entity page. */
export interface EntityQuoteRow {
  articleId: string;
  articleTitle: string;
  articleDate: string;
  annotationId: string;
  quote: string;
  mode: AttributionMode;
  medium: string;
  mediumEntityId: string | null;
  status: AnnotationStatus;
}

// The desk's tags linking to the entity, in articles outside the trash.
const deskTag = (kind: 'entity' | 'attribution') => `n.entity_id = @id AND n.kind = '${kind}' AND n.status != 'suggested' AND a.deleted_at IS NULL`;

// Types a desk added outside this version's list read as "other", as the registry reads them.
function asEntityType(type: string): EntityType {
  return (entityTypes as readonly string[]).includes(type) ? (type as EntityType) : 'other';
}

/**
 * The queries behind an entity page, each an indexed lookup on annotations.entity_id (mentions and attribution
 * speakers share the column) joined to the articles: counts, the entities mentioned in the same articles,
 * mentions per day, and pages of mentions and quotes ordered newest article first, then in text order.
 */
export function createEntityPageQueries(db: AnnotatorDatabase) {
  const countsStatement = db.prepare(`
    SELECT
      count(*) FILTER (WHERE n.kind = 'entity' AND n.status != 'suggested') AS mentions,
      count(DISTINCT CASE WHEN n.kind = 'entity' AND n.status != 'suggested' THEN n.article_id END) AS mentionArticles,
      count(*) FILTER (WHERE n.kind = 'entity' AND n.status = 'suggested') AS suggestedMentions,
      count(*) FILTER (WHERE n.kind = 'attribution' AND n.status != 'suggested') AS quotes,
      count(DISTINCT CASE WHEN n.kind = 'attribution' AND n.status != 'suggested' THEN n.article_id END) AS quoteArticles,
      count(*) FILTER (WHERE n.kind = 'attribution' AND n.status = 'suggested') AS suggestedQuotes
    FROM annotations n JOIN articles a ON a.id = n.article_id
    WHERE n.entity_id = @id AND n.kind IN ('entity', 'attribution') AND a.deleted_at IS NULL`);
  // Entities are counted by id and only the first few are looked up by name: thousands may share an article
  // with a much-mentioned entity. Ties at the cut are broken by id, then the page orders the few by name.
  const coMentionedStatement = db.prepare(`
    WITH shared AS (SELECT DISTINCT n.article_id FROM annotations n JOIN articles a ON a.id = n.article_id WHERE ${deskTag('entity')}),
    counted AS (
      SELECT o.entity_id, count(DISTINCT o.article_id) AS articles, count(*) AS mentions
      FROM shared JOIN annotations o ON o.article_id = shared.article_id AND o.kind = 'entity'
      WHERE o.status != 'suggested' AND o.entity_id != @id
      GROUP BY o.entity_id),
    ranked AS (SELECT entity_id, articles, mentions, count(*) OVER () AS total FROM counted ORDER BY articles DESC, mentions DESC, entity_id LIMIT @limit)
    SELECT r.entity_id AS entityId, e.name, e.type, r.articles, r.mentions, r.total
    FROM ranked r JOIN entities e ON e.id = r.entity_id
    ORDER BY r.articles DESC, r.mentions DESC, e.name_key, e.id`);
  const daysStatement = db.prepare(`
    SELECT substr(a.created_at, 1, 10) AS day, count(*) AS mentions, count(DISTINCT n.article_id) AS articles
    FROM annotations n JOIN articles a ON a.id = n.article_id
    WHERE ${deskTag('entity')}
    GROUP BY day ORDER BY day`);
  // Newest article first, as the library lists them.
  const taggedArticlesSql = (kind: 'entity' | 'attribution') => `
    SELECT n.article_id AS articleId, count(*) AS rows
    FROM annotations n JOIN articles a ON a.id = n.article_id
    WHERE ${deskTag(kind)}
    GROUP BY n.article_id ORDER BY max(a.created_at) DESC, max(a.seq) DESC`;
  const mentionArticlesStatement = db.prepare(taggedArticlesSql('entity'));
  const quoteArticlesStatement = db.prepare(taggedArticlesSql('attribution'));
  // In both lists CROSS JOIN keeps the page's few articles as the outer loop; left to itself SQLite may start
  // from the index of every tag of the entity instead.
  const words = firstWordsSql('n', 'b');
  const mentionsStatement = db.prepare(`
    SELECT n.article_id, a.title, a.created_at, n.id, n.quote, n.status, ${words.start} AS start_offset, ${words.end} AS end_offset, b.plain_text AS block_text
    FROM json_each(@ids) j CROSS JOIN annotations n ON n.article_id = j.value JOIN articles a ON a.id = n.article_id
    ${words.join}
    WHERE n.entity_id = @id AND n.kind = 'entity' AND n.status != 'suggested'
    ORDER BY j.key, b.position IS NULL, b.position, start_offset, n.id`);
  const quotesStatement = db.prepare(`
    SELECT n.article_id, a.title, a.created_at, n.id, n.quote, n.status, n.medium_entity_id,
      json_extract(n.record_json, '$.mode') AS mode,
      coalesce(me.name, json_extract(n.record_json, '$.medium'), '') AS medium
    FROM json_each(@ids) j CROSS JOIN annotations n ON n.article_id = j.value JOIN articles a ON a.id = n.article_id
    LEFT JOIN entities me ON me.id = n.medium_entity_id
    ${words.join}
    WHERE n.entity_id = @id AND n.kind = 'attribution' AND n.status != 'suggested'
    ORDER BY j.key, b.position IS NULL, b.position, ${words.start}, n.id`);

  return {
    /** The entity's mentions and quotes (as speaker) across the desk, with the articles that hold them. */
    counts(id: string): EntityTagCounts {
      return countsStatement.get({ id }) as EntityTagCounts;
    },
    /** The entities mentioned most in the articles that mention this one (by articles shared, then mentions), and how many in all. */
    coMentioned(id: string, limit: number): { entities: CoMentionedEntity[]; total: number } {
      const rows = coMentionedStatement.all({ id, limit }) as (CoMentionedEntity & { total: number })[];
      return { entities: rows.map(({ total: _total, ...entity }) => ({ ...entity, type: asEntityType(entity.type) })), total: rows[0]?.total ?? 0 };
    },
    /** The entity's mentions per day of article date (UTC), oldest first. */
    mentionDays(id: string): MentionDay[] {
      return daysStatement.all({ id }) as MentionDay[];
    },
    /** The articles that mention the entity, newest first, with how many mentions each holds. */
    mentionArticles(id: string): ArticleRowCount[] {
      return mentionArticlesStatement.all({ id }) as ArticleRowCount[];
    },
    /** The entity's mentions in the given articles, article by article in the order given, each in text order. */
    mentions(id: string, articleIds: readonly string[]): EntityMentionRow[] {
      if (articleIds.length === 0) return [];
      const rows = mentionsStatement.all({ id, ids: JSON.stringify(articleIds) }) as {
        article_id: string;
        title: string;
        created_at: string;
        id: string;
        quote: string;
        status: AnnotationStatus;
        start_offset: number | null;
        end_offset: number | null;
        block_text: string | null;
      }[];
      return rows.map((row) => ({
        articleId: row.article_id,
        articleTitle: row.title,
        articleDate: row.created_at,
        annotationId: row.id,
        quote: row.quote,
        status: row.status,
        // A damaged row's spans place no tag (see firstWordsSql).
        blockText: row.start_offset === null ? null : row.block_text,
        start: row.start_offset ?? -1,
        end: row.end_offset ?? -1,
      }));
    },
    /** The articles that quote the entity, newest first, with how many of its quotes each holds. */
    quoteArticles(id: string): ArticleRowCount[] {
      return quoteArticlesStatement.all({ id }) as ArticleRowCount[];
    },
    /** The attributions whose speaker is the entity in the given articles, article by article in the order given, each in text order. */
    quotes(id: string, articleIds: readonly string[]): EntityQuoteRow[] {
      if (articleIds.length === 0) return [];
      const rows = quotesStatement.all({ id, ids: JSON.stringify(articleIds) }) as {
        article_id: string;
        title: string;
        created_at: string;
        id: string;
        quote: string;
        status: AnnotationStatus;
        medium_entity_id: string | null;
        mode: AttributionMode;
        medium: string;
      }[];
      return rows.map((row) => ({
        articleId: row.article_id,
        articleTitle: row.title,
        articleDate: row.created_at,
        annotationId: row.id,
        quote: row.quote,
        mode: row.mode,
        medium: row.medium,
        mediumEntityId: row.medium_entity_id,
        status: row.status,
      }));
    },
  };
}

/** The entity page's queries over one database. */
export type EntityPageQueries = ReturnType<typeof createEntityPageQueries>;
