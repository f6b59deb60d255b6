import type { RegistryName } from '../../common/suggestions/types';
import { entityTypes, type AnnotationStatus, type EntityType } from '../../common/model/annotation';
import type { EntityRecord, EntityTypeCount, EntityWithCounts } from '../../common/api';
import { entityLookupKey } from '../../common/model/names';
import { sourceFieldsOf, sourceProfileFor } from '../../common/model/sourceProfile';
import { articleTextLayout } from './articleTextLayout';
import type { AnnotatorDatabase } from './database';
import { firstWordsSql } from './tagPlace';

/** Which entities the registry lists. */
export interface EntityFilter {
  query?: string;
  type?: EntityType;
  limit: number;
}

/** One mention of an entity as stored: where it is and the words it covers. */
export interface StoredMention {
  articleId: string;
  annotationId: string;
  quote: string;
  // UTF-16 offsets of the first content span in the article's plain text; -1 when the mention lost its words.
  start: number;
  end: number;
  status: AnnotationStatus;
  // The block that holds the first content span: its text, and where it starts in the article's plain text.
  // Null when the mention lost its words.
  block: { text: string; start: number } | null;
}

/** An article that mentions an entity. */
export interface MentioningArticle {
  id: string;
  title: string;
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  description: string;
  external_ids_json: string;
  aliases_json: string;
  source_role: string | null;
  self_described_gender: string;
  created_at: string;
  updated_at: string;
}

interface EntityRowWithCounts extends EntityRow {
  mention_count: number;
  article_count: number;
}

interface MentionRow {
  article_id: string;
  id: string;
  quote: string;
  // The first content span: its block's position and offsets in that block; null when the mention has no words.
  position: number | null;
  start_offset: number | null;
  end_offset: number | null;
  status: AnnotationStatus;
  block_text: string | null;
  // 1 when the block is the article's first, which starts at offset 0 without reading the blocks before it.
  first_block: number | null;
}

// Types added by a desk outside this version's list read as "other" rather than breaking the contract.
function asEntityType(type: string): EntityType {
  return (entityTypes as readonly string[]).includes(type) ? (type as EntityType) : 'other';
}

function toEntity(row: EntityRow): EntityRecord {
  return {
    id: row.id,
    name: row.name,
    type: asEntityType(row.type),
    aliases: JSON.parse(row.aliases_json) as string[],
    externalIds: JSON.parse(row.external_ids_json) as Record<string, string>,
    description: row.description,
    ...sourceFieldsOf(asEntityType(row.type), { sourceRole: row.source_role, selfDescribedGender: row.self_described_gender }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const entityColumns = `
  e.id, e.name, e.type, e.description, e.external_ids_json, e.source_role, e.self_described_gender, e.created_at, e.updated_at,
  (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY rowid)) AS aliases_json`;

// Attribution speakers share the entity_id column, so mentions are the rows of kind 'entity' only.
// Articles in the trash keep their links (restoring them brings the links back) but count for nothing.
const notTrashed = 'article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)';
const countColumns = `
  (SELECT count(*) FROM annotations WHERE entity_id = e.id AND kind = 'entity' AND ${notTrashed}) AS mention_count,
  (SELECT count(DISTINCT article_id) FROM annotations WHERE entity_id = e.id AND kind = 'entity' AND ${notTrashed}) AS article_count`;

function withCounts(row: EntityRowWithCounts): EntityWithCounts {
  return { ...toEntity(row), mentionCount: row.mention_count, articleCount: row.article_count };
}

// Records kept from before migration 8 (in the trash, in a merge's undo record) lack the source fields.
function storedSourceProfile(entity: EntityRecord): { sourceRole: string | null; selfDescribedGender: string } {
  const profile = sourceProfileFor(entity.type, { sourceRole: entity.sourceRole ?? null, selfDescribedGender: entity.selfDescribedGender ?? '' });
  return { sourceRole: profile.sourceRole, selfDescribedGender: profile.selfDescribedGender };
}

// LIKE patterns are built from user text, so its wildcards are escaped.
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The entity registry (entities and their aliases), behind prepared statements. */
export function createEntitiesRepo(db: AnnotatorDatabase) {
  // Several entities may share a name; the one spelled exactly as asked wins, then the oldest.
  const byNameStatement = db.prepare(`
    SELECT ${entityColumns} FROM entities e WHERE e.type = @type AND e.name_key = @key
    ORDER BY e.name = @name DESC, e.created_at, e.rowid LIMIT 1`);
  const byAliasStatement = db.prepare(`
    SELECT ${entityColumns} FROM entities e
    WHERE e.type = ? AND e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = ?)
    ORDER BY e.created_at, e.rowid LIMIT 1`);
  const insertStatement = db.prepare(`
    INSERT INTO entities (id, name, name_key, type, description, external_ids_json, source_role, self_described_gender, created_at, updated_at)
    VALUES (@id, @name, @nameKey, @type, @description, @externalIdsJson, @sourceRole, @selfDescribedGender, @createdAt, @updatedAt)`);
  const insertAliasStatement = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)');
  const updateStatement = db.prepare(`
    UPDATE entities SET name = @name, name_key = @nameKey, type = @type, description = @description,
      external_ids_json = @externalIdsJson, source_role = @sourceRole, self_described_gender = @selfDescribedGender, updated_at = @updatedAt
    WHERE id = @id`);
  const removeAliasesStatement = db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?');
  const removeStatement = db.prepare('DELETE FROM entities WHERE id = ?');
  const findStatement = db.prepare(`SELECT ${entityColumns} FROM entities e WHERE e.id = ?`);
  const findWithCountsStatement = db.prepare(`SELECT ${entityColumns}, ${countColumns} FROM entities e WHERE e.id = ?`);
  const listStatement = db.prepare(`
    SELECT ${entityColumns}, ${countColumns}
    FROM entities e
    WHERE (@type IS NULL OR e.type = @type)
      AND (@pattern IS NULL
        OR e.name_key LIKE @pattern ESCAPE '\\'
        OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key LIKE @pattern ESCAPE '\\'))
    ORDER BY e.name_key, e.id
    LIMIT @limit`);
  // Types a desk added outside this version's list count as "other", as asEntityType reads them.
  const typeExpression = `CASE WHEN e.type IN (SELECT value FROM json_each(@knownTypes)) THEN e.type ELSE 'other' END`;
  const entitiesPerTypeStatement = db.prepare(`SELECT ${typeExpression} AS type, count(*) AS n FROM entities e GROUP BY 1`);
  const articlesPerTypeStatement = db.prepare(`
    SELECT ${typeExpression} AS type, count(DISTINCT a.article_id) AS n
    FROM annotations a JOIN entities e ON e.id = a.entity_id
    WHERE a.kind = 'entity' AND a.${notTrashed}
    GROUP BY 1`);
  // Newest article first, as the library lists them; mentions in text order, those without words last.
  const mentionWords = firstWordsSql('m', 'b');
  const mentionsStatement = db.prepare(`
    SELECT m.article_id, m.id, m.quote, m.status, b.position, ${mentionWords.start} AS start_offset, ${mentionWords.end} AS end_offset, b.plain_text AS block_text,
      b.position = (SELECT min(position) FROM article_blocks WHERE article_id = m.article_id) AS first_block
    FROM annotations m JOIN articles ar ON ar.id = m.article_id
    ${mentionWords.join}
    WHERE m.entity_id = ? AND m.kind = 'entity' AND ar.deleted_at IS NULL
    ORDER BY ar.created_at DESC, ar.seq DESC, b.position IS NULL, b.position, start_offset, m.id`);
  // One row per article, however many mentions it holds.
  const mentioningArticlesStatement = db.prepare(`
    SELECT id, title FROM articles
    WHERE deleted_at IS NULL AND id IN (SELECT article_id FROM annotations WHERE entity_id = ? AND kind = 'entity')`);
  const blockTextsStatement = db.prepare('SELECT position, plain_text FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  // The article's text, and where the block at each stored position starts in it.
  const layoutOf = (articleId: string) => {
    const rows = blockTextsStatement.all(articleId) as [number, string][];
    const layout = articleTextLayout(rows.map(([, text]) => text));
    return { text: layout.text, startAt: new Map(rows.map(([position], index) => [position, layout.blockStarts[index]!])) };
  };

  function insertAliases(entityId: string, aliases: readonly string[]): void {
    for (const alias of aliases) insertAliasStatement.run(entityId, alias, entityLookupKey(alias));
  }

  const registryNamesStatement = db.prepare(
    `SELECT e.id AS entityId, e.name, e.type,
       (SELECT json_group_array(alias) FROM entity_aliases WHERE entity_id = e.id) AS aliases_json
     FROM entities e`,
  );

  return {
    /** An entity of this type whose canonical name matches, ignoring case and spacing: one spelled exactly so, else the oldest. */
    findByName(type: EntityType, name: string): EntityRecord | undefined {
      const row = byNameStatement.get({ type, key: entityLookupKey(name), name: name.replace(/\s+/g, ' ').trim() }) as EntityRow | undefined;
      return row && toEntity(row);
    },
    /** The oldest entity of this type with a matching alias, ignoring case and spacing. */
    findByAlias(type: EntityType, name: string): EntityRecord | undefined {
      const row = byAliasStatement.get(type, entityLookupKey(name)) as EntityRow | undefined;
      return row && toEntity(row);
    },
    /** Stores a new entity and its aliases; an alias that compares equal to an earlier one is skipped. */
    insert(entity: EntityRecord): void {
      insertStatement.run({
        id: entity.id,
        name: entity.name,
        nameKey: entityLookupKey(entity.name),
        type: entity.type,
        description: entity.description,
        externalIdsJson: JSON.stringify(entity.externalIds),
        ...storedSourceProfile(entity),
        createdAt: entity.createdAt,
        updatedAt: entity.updatedAt,
      });
      insertAliases(entity.id, entity.aliases);
    },
    /** Rewrites an entity's fields and replaces its aliases with `entity.aliases`, in their order. */
    update(entity: EntityRecord): void {
      updateStatement.run({
        id: entity.id,
        name: entity.name,
        nameKey: entityLookupKey(entity.name),
        type: entity.type,
        description: entity.description,
        externalIdsJson: JSON.stringify(entity.externalIds),
        ...storedSourceProfile(entity),
        updatedAt: entity.updatedAt,
      });
      removeAliasesStatement.run(entity.id);
      insertAliases(entity.id, entity.aliases);
    },
    /**
     * Deletes an entity and its aliases. Rows still linking to it lose the link, but the records in the documents
     * do not: callers unlink or relink the records first (main/services/entityLinks.ts).
     */
    remove(id: string): boolean {
      return removeStatement.run(id).changes === 1;
    },
    /** The entity with this id, or undefined. */
    find(id: string): EntityRecord | undefined {
      const row = findStatement.get(id) as EntityRow | undefined;
      return row && toEntity(row);
    },
    /** The entity with this id and its mention counts, or undefined. */
    findWithCounts(id: string): EntityWithCounts | undefined {
      const row = findWithCountsStatement.get(id) as EntityRowWithCounts | undefined;
      return row && withCounts(row);
    },
    /** Entities whose name or an alias contains the query, by name, with how often and where they are mentioned. */
    list(filter: EntityFilter): EntityWithCounts[] {
      const key = filter.query ? entityLookupKey(filter.query) : '';
      const rows = listStatement.all({ type: filter.type ?? null, pattern: key ? containsPattern(key) : null, limit: filter.limit }) as EntityRowWithCounts[];
      return rows.map(withCounts);
    },
    /** For every entity type, in the contract's order: its entities and the distinct articles that mention any of them. */
    typeCounts(): EntityTypeCount[] {
      const knownTypes = JSON.stringify(entityTypes);
      const tally = (rows: { type: EntityType; n: number }[]) => new Map(rows.map((row) => [row.type, row.n]));
      const entities = tally(entitiesPerTypeStatement.all({ knownTypes }) as { type: EntityType; n: number }[]);
      const articles = tally(articlesPerTypeStatement.all({ knownTypes }) as { type: EntityType; n: number }[]);
      return entityTypes.map((type) => ({ type, entities: entities.get(type) ?? 0, articles: articles.get(type) ?? 0 }));
    },
    /** Every mention of an entity (attribution speakers excluded), newest article first, in text order. */
    mentions(entityId: string): StoredMention[] {
      // An article's block layout is read only for a mention past its first block (a headline mention needs none).
      const layouts = new Map<string, ReturnType<typeof layoutOf>>();
      return (mentionsStatement.all(entityId) as MentionRow[]).map((row) => {
        const mention = { articleId: row.article_id, annotationId: row.id, quote: row.quote, status: row.status };
        if (row.position === null || row.start_offset === null || row.end_offset === null || row.block_text === null) return { ...mention, start: -1, end: -1, block: null };
        let blockStart = 0;
        if (!row.first_block) {
          const layout = layouts.get(row.article_id) ?? layoutOf(row.article_id);
          layouts.set(row.article_id, layout);
          blockStart = layout.startAt.get(row.position)!;
        }
        return { ...mention, start: blockStart + row.start_offset, end: blockStart + row.end_offset, block: { text: row.block_text, start: blockStart } };
      });
    },
    /** Every entity's id, type, name and aliases: the registry as a gazetteer for suggestions. */
    registryNames(): RegistryName[] {
      return (registryNamesStatement.all() as { entityId: string; name: string; type: EntityType; aliases_json: string }[]).map((row) => ({
        entityId: row.entityId,
        name: row.name,
        type: row.type,
        aliases: JSON.parse(row.aliases_json) as string[],
      }));
    },
    /** The articles that mention an entity, each once. */
    mentioningArticles(entityId: string): MentioningArticle[] {
      return mentioningArticlesStatement.all(entityId) as MentioningArticle[];
    },
  };
}

/** The entities repository. */
export type EntitiesRepo = ReturnType<typeof createEntitiesRepo>;
