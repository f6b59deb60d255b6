import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { registerStoreFunctions } from './contentFingerprint';
import { migrationSteps as knownSteps, type MigrationStep } from './migrationSteps';
import { findMigrationsDirectory } from './migrationsDirectory';

/** One numbered schema change, read from `NNNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Why a database file was refused; the file is left as it was. */
export type IncompatibleReason = 'newer' | 'out_of_sync' | 'foreign' | 'not_sqlite';

/** A database this version must not touch: written by a newer version, by another program, or not SQLite at all. */
export class IncompatibleDatabaseError extends Error {
  override name = 'IncompatibleDatabaseError';
  constructor(
    readonly reason: IncompatibleReason,
    message: string,
  ) {
    super(message);
  }
}

const migrationFilePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads the migration files of a folder in version order; numbers must run 1, 2, 3... without gaps. */
export function loadMigrations(directory: string = findMigrationsDirectory()): Migration[] {
  const migrations = readdirSync(directory)
    .map((fileName) => ({ fileName, match: migrationFilePattern.exec(fileName) }))
    .filter((entry): entry is { fileName: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ fileName, match }) => ({
      version: Number(match[1]),
      name: match[2]!,
      sql: readFileSync(join(directory, fileName), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`The migrations in ${directory} must be numbered 0001, 0002, ... without gaps or repeats; found ${migration.version} at position ${index + 1}.`);
    }
  });
  if (migrations.length === 0) throw new Error(`No migration files (NNNN_name.sql) in ${directory}.`);
  return migrations;
}

interface RecordedMigration {
  version: number;
  name: string;
}

// Runs inside the migration transaction, before anything is written, so a refused file stays as it was.
function recordedMigrations(db: Database, known: readonly Migration[]): RecordedMigration[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) {
    const objects = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (objects.n > 0) {
      throw new IncompatibleDatabaseError(
        'foreign',
        'This file is a SQLite database of another program (it has tables but no schema_migrations), so Newsroom Annotator will not write to it. The file was left unchanged.',
      );
    }
    return [];
  }
  const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as RecordedMigration[];
  const newestKnown = known[known.length - 1]?.version ?? 0;
  const newestRecorded = recorded[recorded.length - 1]?.version ?? 0;
  if (newestRecorded > newestKnown) {
    throw new IncompatibleDatabaseError(
      'newer',
      `This database was written by a newer version of Newsroom Annotator (schema ${newestRecorded}; this version knows up to ${newestKnown}). ` +
        'Update Newsroom Annotator to open it, or choose another database file. The file was left unchanged.',
    );
  }
  recorded.forEach((entry, index) => {
    const migration = known[index];
    if (entry.version !== index + 1 || !migration || migration.name !== entry.name) {
      throw new IncompatibleDatabaseError(
        'out_of_sync',
        `This database records migration ${entry.version} "${entry.name}", which this version of Newsroom Annotator knows ` +
          `${migration && entry.version === index + 1 ? `as "${migration.name}"` : 'nothing about'}. The file was left unchanged.`,
      );
    }
  });
  return recorded;
}

/**
 * Brings a database up to the newest known schema in one immediate transaction: either every pending
 * migration is applied and recorded in schema_migrations, or none is. Refuses, before writing anything,
 * a database from a newer version, one whose recorded migrations differ from ours, and another program's
 * database. Returns the versions it applied.
 */
export function applyMigrations(
  db: Database,
  migrations: readonly Migration[],
  now: () => string = () => new Date().toISOString(),
  steps: Readonly<Record<number, MigrationStep>> = knownSteps,
): number[] {
  // Migrations may call the store's own SQL functions (0004 fills content fingerprints).
  registerStoreFunctions(db);
  const migrate = db.transaction(() => {
    const recorded = recordedMigrations(db, migrations);
    const pending = migrations.slice(recorded.length);
    if (pending.length === 0) return [];
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
        steps[migration.version]?.(db, now());
      } catch (error) {
        throw new Error(`Database migration ${String(migration.version).padStart(4, '0')}_${migration.name} failed: ${(error as Error).message}`);
      }
      record.run(migration.version, migration.name, now());
    }
    return pending.map((migration) => migration.version);
  });
  // Immediate: two processes opening an old file at once must not both start migrating it.
  return migrate.immediate();
}
