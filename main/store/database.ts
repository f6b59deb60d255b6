import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, IncompatibleDatabaseError, loadMigrations } from './migrations';

/** An open connection to the app's SQLite file. */
export type AnnotatorDatabase = Database.Database;

/** How to open the database file. */
export interface OpenDatabaseOptions {
  // A better-sqlite3 addon built for the running ABI: Electron's main process needs one built for Electron,
  // while tests and the CLI run on Node and use the build in node_modules.
  nativeBinding?: string;
  // How long one statement waits for another connection's lock; migrations at start-up may pass longer.
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite file at `path` and brings its schema up to date. A file this version
 * must not touch (newer schema, another program's database, not SQLite) is refused with an
 * IncompatibleDatabaseError and left byte-for-byte as it was.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): AnnotatorDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Connection settings, not file writes: safe before the version check.
    db.pragma('foreign_keys = ON');
    // Opening waits as long as it must: another process may be migrating the same file.
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, loadMigrations());
    // Switching to WAL rewrites the file header, so it waits until the migrations have accepted the file.
    db.pragma('journal_mode = WAL');
    // Then short: better-sqlite3 blocks the event loop while SQLite waits for a lock, so the services retry
    // busy calls between turns of the event loop instead (main/services/busyRetry.ts).
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 50}`);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new IncompatibleDatabaseError('not_sqlite', `${path} is not a SQLite database, so Newsroom Annotator cannot open it. The file was left unchanged.`);
    }
    throw error;
  }
}
