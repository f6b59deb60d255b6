import type { ArticleSelection } from '../../common/articleSelection';
import type { EntityType } from '../../common/model/annotation';
import type { AuditMonthRow, SourcingAuditGroups, SpeakerGroup, TextGroup } from '../../common/model/sourcingAudit';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';

// The selected articles' attributions, each record read once: SQLite materialises this once per statement and
// every facet below groups it, so the JSON of 100,000 records is parsed once, not once per facet.
function scopedAttributions(where: string): string {
  return `
  WITH scoped AS MATERIALIZED (
    SELECT n.article_id, n.status = 'suggested' AS suggested, n.entity_id, n.medium_entity_id,
      substr(a.created_at, 1, 7) AS month,
      n.record_json ->> '$.mode' AS mode,
      n.record_json ->> '$.speaker.type' AS speaker_type,
      coalesce(n.record_json ->> '$.speaker.name', n.record_json ->> '$.speaker.description', '') AS speaker_text,
      coalesce(n.record_json ->> '$.speaker.anonymityReason', '') AS reason,
      coalesce(n.record_json ->> '$.medium', '') AS medium
    FROM articles a JOIN annotations n ON n.article_id = a.id AND n.kind = 'attribution'
    WHERE ${where}
  ),
  counted AS (SELECT * FROM scoped WHERE NOT suggested)`;
}

const modeSums = `sum(mode = 'direct') AS direct, sum(mode = 'indirect') AS indirect, sum(mode = 'partial') AS partial`;

// Every facet in one statement (one scan of the records), told apart by the `facet` column.
function auditStatementSql(where: string): string {
  return `${scopedAttributions(where)}
  SELECT 'speaker' AS facet, c.article_id AS a, c.speaker_type AS b, c.entity_id AS c, c.speaker_text AS d,
    e.name AS e, e.type AS f, e.source_role AS g, r.label AS h, e.self_described_gender AS i,
    count(*) AS n, ${modeSums}
  FROM counted c LEFT JOIN entities e ON e.id = c.entity_id AND c.speaker_type = 'entity'
  LEFT JOIN source_roles r ON r.key = e.source_role
  GROUP BY c.article_id, c.speaker_type, c.entity_id, c.speaker_text
  UNION ALL
  SELECT 'medium', NULL, NULL, c.medium_entity_id, c.medium, e.name, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL
  FROM counted c LEFT JOIN entities e ON e.id = c.medium_entity_id
  WHERE c.medium_entity_id IS NOT NULL OR c.medium != ''
  GROUP BY c.medium_entity_id, c.medium
  UNION ALL
  SELECT 'reason', NULL, NULL, NULL, reason, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL
  FROM counted WHERE speaker_type = 'anonymous' AND reason != ''
  GROUP BY reason
  UNION ALL
  SELECT 'month', month, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*),
    sum(speaker_type = 'entity'), sum(speaker_type = 'anonymous'), sum(speaker_type IS NULL)
  FROM counted GROUP BY month
  UNION ALL
  SELECT 'waiting', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL
  FROM scoped WHERE suggested`;
}

type FacetRow = [
  facet: 'speaker' | 'medium' | 'reason' | 'month' | 'waiting',
  a: string | null,
  b: string | null,
  c: string | null,
  d: string | null,
  e: string | null,
  f: string | null,
  g: string | null,
  h: string | null,
  i: string | null,
  n: number,
  direct: number | null,
  indirect: number | null,
  partial: number | null,
];

/**
 * The sourcing audit's queries: the selected articles' attributions aggregated in SQL (json_extract over the
 * records, GROUP BY), to the groups common/model/sourcingAudit.ts folds into the report.
 */
export function createSourcingAuditQueries(db: AnnotatorDatabase) {
  // A selection's SQL depends on which of its fields are set, so statements are kept per text.
  const statements = new Map<string, ReturnType<AnnotatorDatabase['prepare']>>();
  const prepared = (sql: string, raw = false) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (raw) statement.raw();
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    /** The groups of one audit of the articles `selection` picks (never those in the trash). */
    groups(selection: ArticleSelection): SourcingAuditGroups {
      const { where, params } = articleSelectionSql(selection);
      const articleCount = (prepared(`SELECT count(*) AS n FROM articles a WHERE ${where}`).get(params) as { n: number }).n;
      const rows = prepared(auditStatementSql(where), true).all(params) as FacetRow[];
      const speakers: SpeakerGroup[] = [];
      const media: TextGroup[] = [];
      const anonymityReasons: TextGroup[] = [];
      const months: AuditMonthRow[] = [];
      let suggestionsWaiting = 0;
      for (const [facet, a, b, c, d, e, f, g, h, i, n, direct, indirect, partial] of rows) {
        if (facet === 'speaker') {
          speakers.push({
            articleId: a!,
            speakerType: b === 'entity' || b === 'anonymous' ? b : null,
            entityId: c,
            text: d ?? '',
            entityName: e,
            entityType: f as EntityType | null,
            roleKey: g,
            roleLabel: h,
            gender: i ?? '',
            count: n,
            modes: { direct: direct ?? 0, indirect: indirect ?? 0, partial: partial ?? 0 },
          });
        } else if (facet === 'medium') media.push({ entityId: c, entityName: e, text: d ?? '', count: n });
        else if (facet === 'reason') anonymityReasons.push({ entityId: null, entityName: null, text: d ?? '', count: n });
        else if (facet === 'month') months.push({ month: a ?? '', named: direct ?? 0, anonymous: indirect ?? 0, unattributed: partial ?? 0 });
        else suggestionsWaiting = n;
      }
      const articleIds = [...new Set(speakers.map((group) => group.articleId))];
      const articles = prepared(`SELECT id AS articleId, title, created_at AS createdAt FROM articles WHERE id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(articleIds),
      ) as SourcingAuditGroups['articles'];
      return { articleCount, suggestionsWaiting, speakers, media, anonymityReasons, months, articles };
    },
  };
}

/** The sourcing audit's queries over one connection. */
export type SourcingAuditQueries = ReturnType<typeof createSourcingAuditQueries>;
