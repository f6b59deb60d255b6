import { entityTypes, type EntityType } from '../../common/annotation';
import type { EntityRecord, EntityWithCounts } from '../../common/api';
import type { AnnotatorDatabase } from './database';

// How names are compared in the registry: Unicode-normalised, case-folded, whitespace collapsed, typographic
// apostrophes made plain, so "O’Brien  " and "o'brien" are the same name.
function entityLookupKey(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Which entities the registry lists. */
export interface EntityFilter {
  query?: string;
  limit: number;
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  description: string;
  external_ids_json: string;
  aliases_json: string;
  created_at: string;
  updated_at: string;
}

interface EntityRowWithCounts extends EntityRow {
  mention_count: number;
  article_count: number;
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const entityColumns = `
  e.id, e.name, e.type, e.description, e.external_ids_json, e.created_at, e.updated_at,
  (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY rowid)) AS aliases_json`;

// LIKE patterns are built from user text, so its wildcards are escaped.
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The entity registry (entities and their aliases), behind prepared statements. */
export function createEntitiesRepo(db: AnnotatorDatabase) {
  const byNameStatement = db.prepare(`SELECT ${entityColumns} FROM entities e WHERE e.type = ? AND e.name_key = ? ORDER BY e.created_at, e.rowid LIMIT 1`);
  const byAliasStatement = db.prepare(`
    SELECT ${entityColumns} FROM entities e
    WHERE e.type = ? AND e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = ?)
    ORDER BY e.created_at, e.rowid LIMIT 1`);
  const insertStatement = db.prepare(`
    INSERT INTO entities (id, name, name_key, type, description, external_ids_json, created_at, updated_at)
    VALUES (@id, @name, @nameKey, @type, @description, @externalIdsJson, @createdAt, @updatedAt)`);
  const insertAliasStatement = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)');
  const listStatement = db.prepare(`
    SELECT ${entityColumns},
      (SELECT count(*) FROM annotations WHERE entity_id = e.id AND kind = 'entity') AS mention_count,
      (SELECT count(DISTINCT article_id) FROM annotations WHERE entity_id = e.id AND kind = 'entity') AS article_count
    FROM entities e
    WHERE @pattern IS NULL
       OR e.name_key LIKE @pattern ESCAPE '\\'
       OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key LIKE @pattern ESCAPE '\\')
    ORDER BY e.name_key, e.id
    LIMIT @limit`);

  return {
    /** The oldest entity of this type whose canonical name matches, ignoring case and spacing. */
    findByName(type: EntityType, name: string): EntityRecord | undefined {
      const row = byNameStatement.get(type, entityLookupKey(name)) as EntityRow | undefined;
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
        createdAt: entity.createdAt,
        updatedAt: entity.updatedAt,
      });
      for (const alias of entity.aliases) insertAliasStatement.run(entity.id, alias, entityLookupKey(alias));
    },
    /** Entities whose name or an alias contains the query, by name, with how often and where they are mentioned. */
    list(filter: EntityFilter): EntityWithCounts[] {
      const key = filter.query ? entityLookupKey(filter.query) : '';
      const rows = listStatement.all({ pattern: key ? containsPattern(key) : null, limit: filter.limit }) as EntityRowWithCounts[];
      return rows.map((row) => ({ ...toEntity(row), mentionCount: row.mention_count, articleCount: row.article_count }));
    },
  };
}

/** The entities repository. */
export type EntitiesRepo = ReturnType<typeof createEntitiesRepo>;
