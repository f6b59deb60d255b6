import type { SourceRole } from '../../common/model/sourceProfile';
import type { AnnotatorDatabase } from './database';

/** The desk's list of source roles (migration 8 seeds the starting list), in the order the registry offers them. */
export function createSourceRolesRepo(db: AnnotatorDatabase) {
  const listStatement = db.prepare('SELECT key, label FROM source_roles ORDER BY position, key');
  const findStatement = db.prepare('SELECT key, label FROM source_roles WHERE key = ?');
  const insertStatement = db.prepare('INSERT OR IGNORE INTO source_roles (key, label, position) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM source_roles))');
  return {
    /** Every role, the starting list first, then those the desk added in the order it added them. */
    list(): SourceRole[] {
      return listStatement.all() as SourceRole[];
    },
    /** The role stored under this key, or undefined. */
    find(key: string): SourceRole | undefined {
      return findStatement.get(key) as SourceRole | undefined;
    },
    /** Adds a role at the end of the list; a key already there is left as it is. */
    add(role: SourceRole): void {
      insertStatement.run(role.key, role.label);
    },
  };
}

/** The source roles repository. */
export type SourceRolesRepo = ReturnType<typeof createSourceRolesRepo>;
