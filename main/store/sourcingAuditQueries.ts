import type { ArticleSelection } from '../../common/articleSelection';
import type { EntityType } from '../../common/model/annotation';
import { speakerGroupKey } from '../../common/model/sources';
import { articleSelectionSql } from './articleSelectionSql';
import type { AnnotatorDatabase } from './database';

// The attributions of some articles, with everything the audit counts them by; the services group them (a GROUP BY
// here would sort them all, at twice the cost). The record fields are the expressions of the index
// annotations_sourcing (migration 8), written exactly as there, so their values come from the index and no record
// is parsed. A speaker's key is the model's speakerGroupKey: a registry entity by its id in
// SQL, anything else through the function registered below.
function auditAttributionsSql(): string {
  const speakerType = `n.record_json ->> '$.speaker.type'`;
  const speakerText = `coalesce(n.record_json ->> '$.speaker.name', n.record_json ->> '$.speaker.description', '')`;
  return `
  SELECT n.article_id, n.status = 'suggested' AS suggested,
    CASE
      WHEN ${speakerType} IS NULL THEN NULL
      WHEN ${speakerType} = 'entity' AND n.entity_id IS NOT NULL THEN 'entity:' || n.entity_id
      ELSE sourcing_speaker_key(${speakerType}, ${speakerText})
    END AS speaker_key,
    ${speakerType} AS speaker_type, n.entity_id, ${speakerText} AS speaker_text,
    n.record_json ->> '$.mode' AS mode, n.medium_entity_id,
    coalesce(n.record_json ->> '$.medium', '') AS medium,
    coalesce(n.record_json ->> '$.speaker.anonymityReason', '') AS reason
  FROM annotations n INDEXED BY annotations_sourcing
  WHERE n.kind = 'attribution' AND n.article_id IN (SELECT value FROM json_each(?))`;
}

/** A selected article as the audit lists it, with what its attributions are at (its row and its revision). */
export interface AuditArticle {
  id: string;
  // An article deleted for good and imported again under the same id is a new row at revision 1, so the revision
  // alone would not tell it from the old one.
  version: string;
  title: string;
  createdAt: string;
}

/** One attribution (a suggestion or the desk's) with what the audit counts it by. */
export interface AuditAttribution {
  articleId: string;
  suggested: boolean;
  // Null for an attribution without a speaker.
  speakerKey: string | null;
  speakerType: 'entity' | 'anonymous' | null;
  entityId: string | null;
  // The speaker's name or description as written; empty when there is none.
  speakerText: string;
  mode: string | null;
  mediumEntityId: string | null;
  medium: string;
  reason: string;
}

/** What the audit shows of a registry entity that is quoted or named as a medium. */
export interface AuditEntity {
  name: string;
  type: EntityType;
  roleKey: string | null;
  roleLabel: string | null;
  gender: string;
}

type AttributionRow = [string, number, string | null, string | null, string | null, string, string | null, string | null, string, string];

/**
 * The sourcing audit's queries: the selected articles, their attributions grouped in SQL (the record fields read
 * from an index on their expressions), and the registry entities the audit names.
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
  const attributionsStatement = db.prepare(auditAttributionsSql()).raw(true);
  const entitiesStatement = db
    .prepare(
      `SELECT e.id, e.name, e.type, e.source_role, r.label, e.self_described_gender
      FROM entities e LEFT JOIN source_roles r ON r.key = e.source_role WHERE e.id IN (SELECT value FROM json_each(?))`,
    )
    .raw(true);
  // A selection's SQL depends on which of its fields are set, so statements are kept per text.
  const articleStatements = new Map<string, ReturnType<AnnotatorDatabase['prepare']>>();

  return {
    /** The articles `selection` picks (never those in the trash), with the version of their attributions. */
    articles(selection: ArticleSelection): AuditArticle[] {
      const { where, params } = articleSelectionSql(selection);
      const sql = `SELECT a.id, a.seq, a.revision, a.title, a.created_at FROM articles a WHERE ${where}`;
      let statement = articleStatements.get(sql);
      if (!statement) articleStatements.set(sql, (statement = db.prepare(sql).raw(true)));
      const rows = statement.all(params) as [string, number, number, string, string][];
      return rows.map(([id, seq, revision, title, createdAt]) => ({ id, version: `${seq}:${revision}`, title, createdAt }));
    },
    /** The attributions of these articles, suggestions included. */
    attributions(articleIds: readonly string[]): AuditAttribution[] {
      const rows = attributionsStatement.all(JSON.stringify(articleIds)) as AttributionRow[];
      return rows.map(([articleId, suggested, speakerKey, speakerType, entityId, speakerText, mode, mediumEntityId, medium, reason]) => ({
        articleId,
        suggested: suggested === 1,
        speakerKey,
        speakerType: speakerType === null ? null : speakerType === 'anonymous' ? 'anonymous' : 'entity',
        entityId,
        speakerText,
        mode,
        mediumEntityId,
        medium,
        reason,
      }));
    },
    /** These registry entities as the audit shows them, by id; ids not in the registry are left out. */
    entities(ids: readonly string[]): Map<string, AuditEntity> {
      const rows = entitiesStatement.all(JSON.stringify(ids)) as [string, string, EntityType, string | null, string | null, string][];
      return new Map(rows.map(([id, name, type, roleKey, roleLabel, gender]) => [id, { name, type, roleKey, roleLabel, gender }]));
    },
  };
}

/** The sourcing audit's queries over one connection. */
export type SourcingAuditQueries = ReturnType<typeof createSourcingAuditQueries>;
