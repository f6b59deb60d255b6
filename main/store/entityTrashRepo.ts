import type { EntityRecord } from '../../common/api';
import type { AnnotatorDatabase } from './database';
import type { MovedLink } from './entityMergesRepo';

/** A deleted registry entity as the trash keeps it: the entity and the links its deletion removed. */
export interface TrashedEntity {
  entity: EntityRecord;
  unlinked: MovedLink[];
  deletedAt: string;
}

/** The trash of registry entities. */
export function createEntityTrashRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare('INSERT OR REPLACE INTO entity_trash (entity_id, entity_json, unlinked_json, deleted_at) VALUES (?, ?, ?, ?)');
  const findStatement = db.prepare('SELECT entity_json, unlinked_json, deleted_at FROM entity_trash WHERE entity_id = ?').raw();
  const listStatement = db.prepare('SELECT entity_json, unlinked_json, deleted_at FROM entity_trash ORDER BY deleted_at DESC, entity_id').raw();
  const removeStatement = db.prepare('DELETE FROM entity_trash WHERE entity_id = ?');
  const emptyStatement = db.prepare('DELETE FROM entity_trash');

  const toTrashed = ([entityJson, unlinkedJson, deletedAt]: [string, string, string]): TrashedEntity => ({
    entity: JSON.parse(entityJson) as EntityRecord,
    unlinked: JSON.parse(unlinkedJson) as MovedLink[],
    deletedAt,
  });

  return {
    /** Keeps a deleted entity and the links its deletion removed. */
    insert(trashed: TrashedEntity): void {
      insertStatement.run(trashed.entity.id, JSON.stringify(trashed.entity), JSON.stringify(trashed.unlinked), trashed.deletedAt);
    },
    /** The trashed entity with this id, or undefined. */
    find(entityId: string): TrashedEntity | undefined {
      const row = findStatement.get(entityId) as [string, string, string] | undefined;
      return row && toTrashed(row);
    },
    /** Every trashed entity, most recently deleted first. */
    list(): TrashedEntity[] {
      return (listStatement.all() as [string, string, string][]).map(toTrashed);
    },
    /** Forgets one trashed entity; false when it was not there. */
    remove(entityId: string): boolean {
      return removeStatement.run(entityId).changes === 1;
    },
    /** Forgets every trashed entity; returns how many. */
    empty(): number {
      return emptyStatement.run().changes;
    },
  };
}

/** The entity trash repository. */
export type EntityTrashRepo = ReturnType<typeof createEntityTrashRepo>;
