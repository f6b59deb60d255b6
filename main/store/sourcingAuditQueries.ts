import type { ArticleSelection } from '../../common/articleSelection';
import type { EntityType } from '../../common/model/annotation';
import { speakerGroupKey } from '../../common/model/sources';
import { auditListLimits, type SourcingAuditGroups } from '../../common/model/sourcingAudit';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';

// The selected articles' attributions, read once: SQLite materialises this once per statement and every facet below
// groups it. The record fields are the expressions of the index annotations_sourcing (migration 8), written exactly as
// there, so their values come from the index and no record is parsed; the index drives (INDEXED BY, and CROSS JOIN
// fixes the order) and each row's article is looked up by id. A speaker's key is the model's speakerGroupKey: a
// registry entity by its id in SQL, anything else through the function registered below.
function scopedAttributions(where: string): string {
  const speakerType = `n.record_json ->> '$.speaker.type'`;
  const speakerText = `coalesce(n.record_json ->> '$.speaker.name', n.record_json ->> '$.speaker.description', '')`;
  return `
  WITH scoped AS MATERIALIZED (
    SELECT n.article_id, n.status = 'suggested' AS suggested, n.entity_id, n.medium_entity_id,
      n.record_json ->> '$.mode' AS mode,
      ${speakerType} AS speaker_type,
      CASE
        WHEN ${speakerType} IS NULL THEN NULL
        WHEN ${speakerType} = 'entity' AND n.entity_id IS NOT NULL THEN 'entity:' || n.entity_id
        ELSE sourcing_speaker_key(${speakerType}, ${speakerText})
      END AS speaker_key,
      ${speakerText} AS speaker_text,
      coalesce(n.record_json ->> '$.speaker.anonymityReason', '') AS reason,
      coalesce(n.record_json ->> '$.medium', '') AS medium
    FROM annotations n INDEXED BY annotations_sourcing CROSS JOIN articles a ON a.id = n.article_id
    WHERE n.kind = 'attribution' AND ${where}
  )`;
}

// The first articles of one of the audit's lists, in the model's order (foldSourcingAudit sorts them alike: by the
// list's measure, then newest first), so that only those cross to JavaScript whatever the size of the selection.
function articleListSql(list: string, condition: string, measure: string, limit: number = auditListLimits.articles): string {
  return `SELECT '${list}', p.article_id, NULL, NULL, a.title, NULL, NULL, NULL, NULL, NULL, a.created_at, p.n, p.sources, p.named, p.anonymous, NULL
    FROM per_article p JOIN articles a ON a.id = p.article_id WHERE p.n > 0 AND ${condition}
    ORDER BY ${measure}, a.created_at DESC, p.article_id LIMIT ${limit}`;
}

// Every facet in one statement, told apart by the first column. Per-article counts are grouped once (the totals and
// months are summed from them); speakers are grouped before they meet the registry, so each join runs once per
// speaker, not once per quote.
function auditStatementSql(where: string): string {
  return `${scopedAttributions(where)},
  per_article AS MATERIALIZED (
    SELECT article_id, sum(NOT suggested) AS n, sum(suggested) AS waiting,
      sum(NOT suggested AND speaker_type = 'entity') AS named, sum(NOT suggested AND speaker_type = 'anonymous') AS anonymous,
      sum(NOT suggested AND mode = 'direct') AS direct, sum(NOT suggested AND mode = 'indirect') AS indirect,
      sum(NOT suggested AND mode = 'partial') AS partial,
      count(DISTINCT CASE WHEN NOT suggested THEN speaker_key END) AS sources
    FROM scoped GROUP BY article_id
  ),
  speakers AS (
    SELECT speaker_key, speaker_type, entity_id, min(speaker_text) AS speaker_text, count(*) AS n,
      sum(mode = 'direct') AS direct, sum(mode = 'indirect') AS indirect, sum(mode = 'partial') AS partial,
      count(DISTINCT article_id) AS articles, max(article_id) AS some_article
    FROM scoped WHERE NOT suggested AND speaker_key IS NOT NULL GROUP BY speaker_key
  )
  SELECT 'speaker', s.speaker_key, s.speaker_type, s.entity_id, s.speaker_text, e.name, e.type, e.source_role, r.label,
    e.self_described_gender, s.some_article, s.n, s.articles, s.direct, s.indirect, s.partial
  FROM speakers s LEFT JOIN entities e ON e.id = s.entity_id AND s.speaker_type = 'entity' LEFT JOIN source_roles r ON r.key = e.source_role
  UNION ALL
  SELECT * FROM (${articleListSql('single', 'p.sources = 1', 'p.n DESC')})
  UNION ALL
  SELECT * FROM (${articleListSql('anonymous', 'p.anonymous > p.named', '(p.anonymous - p.named) DESC')})
  UNION ALL
  SELECT * FROM (${articleListSql('most', 'TRUE', 'p.n DESC', auditListLimits.mostQuoting)})
  UNION ALL
  SELECT 'articles', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), sum(p.sources = 1), sum(p.anonymous > p.named), NULL, NULL
  FROM per_article p WHERE p.n > 0
  UNION ALL
  SELECT 'month', substr(a.created_at, 1, 7), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, sum(p.n), NULL,
    sum(p.named), sum(p.anonymous), sum(p.n - p.named - p.anonymous)
  FROM per_article p JOIN articles a ON a.id = p.article_id WHERE p.n > 0 GROUP BY substr(a.created_at, 1, 7)
  UNION ALL
  SELECT 'totals', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, coalesce(sum(n), 0), coalesce(sum(waiting), 0),
    coalesce(sum(direct), 0), coalesce(sum(indirect), 0), coalesce(sum(partial), 0)
  FROM per_article
  UNION ALL
  SELECT 'medium', NULL, NULL, c.medium_entity_id, c.medium, e.name, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL
  FROM scoped c LEFT JOIN entities e ON e.id = c.medium_entity_id
  WHERE NOT c.suggested AND (c.medium_entity_id IS NOT NULL OR c.medium != '')
  GROUP BY c.medium_entity_id, c.medium
  UNION ALL
  SELECT 'reason', NULL, NULL, NULL, reason, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL
  FROM scoped WHERE NOT suggested AND speaker_type = 'anonymous' AND reason != ''
  GROUP BY reason`;
}

type FacetRow = [
  facet: 'speaker' | 'single' | 'anonymous' | 'most' | 'articles' | 'month' | 'totals' | 'medium' | 'reason',
  key: string | null,
  type: string | null,
  entityId: string | null,
  text: string | null,
  entityName: string | null,
  entityType: string | null,
  roleKey: string | null,
  roleLabel: string | null,
  gender: string | null,
  stamp: string | null,
  n: number,
  m: number | null,
  x: number | null,
  y: number | null,
  z: number | null,
];

/**
 * The sourcing audit's queries: the selected articles' attributions aggregated in SQL (the record fields read from
 * an index on their expressions, GROUP BY), to the groups common/model/sourcingAudit.ts folds into the report.
 */
export function createSourcingAuditQueries(db: AnnotatorDatabase) {
  // Anonymous descriptions and names not in the registry repeat across articles: each distinct one is keyed once.
  const keys = new Map<string, string>();
  db.function('sourcing_speaker_key', { deterministic: true }, (type: unknown, text: unknown) => {
    const kind = type === 'anonymous' ? 'anonymous' : 'entity';
    const memo = `${kind}:${String(text)}`;
    let key = keys.get(memo);
    if (key === undefined) {
      if (keys.size > 100_000) keys.clear();
      key = speakerGroupKey(kind, null, String(text));
      keys.set(memo, key);
    }
    return key;
  });
  // A selection's SQL depends on which of its fields are set, so statements are kept per text.
  const statements = new Map<string, ReturnType<AnnotatorDatabase['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  return {
    /** The groups of one audit of the articles `selection` picks (never those in the trash). */
    groups(selection: ArticleSelection): SourcingAuditGroups {
      const { where, params } = articleSelectionSql(selection);
      const articleCount = (prepared(`SELECT count(*) AS n FROM articles a WHERE ${where}`).get(params) as { n: number }).n;
      const rows = prepared(auditStatementSql(where)).raw(true).all(params) as FacetRow[];
      const groups: SourcingAuditGroups = {
        articleCount,
        suggestionsWaiting: 0,
        totals: { attributions: 0, modes: { direct: 0, indirect: 0, partial: 0 } },
        speakers: [],
        articlesWithQuotes: 0,
        singleSource: { count: 0, articles: [] },
        anonymousOutnumberNamed: { count: 0, articles: [] },
        mostQuoting: [],
        media: [],
        anonymityReasons: [],
        months: [],
      };
      for (const [facet, key, type, entityId, text, entityName, entityType, roleKey, roleLabel, gender, stamp, n, m, x, y, z] of rows) {
        if (facet === 'speaker') {
          groups.speakers.push({
            key: key!,
            speakerType: type === 'anonymous' ? 'anonymous' : 'named',
            entityId,
            text: text ?? '',
            entityName,
            entityType: entityType as EntityType | null,
            roleKey,
            roleLabel,
            gender: gender ?? '',
            count: n,
            articleCount: m ?? 0,
            quotingArticleId: stamp!,
            modes: { direct: x ?? 0, indirect: y ?? 0, partial: z ?? 0 },
          });
        } else if (facet === 'single' || facet === 'anonymous' || facet === 'most') {
          const row = { articleId: key!, title: text ?? '', createdAt: stamp ?? '', attributions: n, sources: m ?? 0, named: x ?? 0, anonymous: y ?? 0 };
          (facet === 'single' ? groups.singleSource.articles : facet === 'anonymous' ? groups.anonymousOutnumberNamed.articles : groups.mostQuoting).push(row);
        } else if (facet === 'articles') {
          groups.articlesWithQuotes = n;
          groups.singleSource.count = m ?? 0;
          groups.anonymousOutnumberNamed.count = x ?? 0;
        } else if (facet === 'month') {
          groups.months.push({ month: key ?? '', named: x ?? 0, anonymous: y ?? 0, unattributed: z ?? 0 });
        } else if (facet === 'totals') {
          groups.totals = { attributions: n, modes: { direct: x ?? 0, indirect: y ?? 0, partial: z ?? 0 } };
          groups.suggestionsWaiting = m ?? 0;
        } else if (facet === 'medium') groups.media.push({ entityId, entityName, text: text ?? '', count: n });
        else groups.anonymityReasons.push({ entityId: null, entityName: null, text: text ?? '', count: n });
      }
      return groups;
    },
  };
}

/** The sourcing audit's queries over one connection. */
export type SourcingAuditQueries = ReturnType<typeof createSourcingAuditQueries>;
