import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnnotatorDatabase } from './database';
import { applyMigrations, loadMigrations } from './migrations';

/**
 * How this process opens further connections: the native addon its own connection uses. The Electron main
 * process runs an addon built for Electron's ABI, which the default (built for Node, for the tests) is not.
 */
export interface ConnectionOptions {
  nativeBinding?: string;
}

function openConnection(path: string, connection: ConnectionOptions, readonly: boolean): Database.Database {
  return new Database(path, { fileMustExist: true, ...(readonly ? { readonly } : {}), ...(connection.nativeBinding ? { nativeBinding: connection.nativeBinding } : {}) });
}

/** Why a backup file cannot be used. */
export class UnusableBackupError extends Error {
  override name = 'UnusableBackupError';
}

/**
 * Checks a database file as a backup: SQLite can read it, `PRAGMA integrity_check` finds nothing wrong, and
 * its schema is one this version knows (not newer). Returns the schema version it records.
 */
export function checkBackupFile(path: string, connection: ConnectionOptions = {}): number {
  if (!existsSync(path)) throw new UnusableBackupError(`${path} does not exist.`);
  let db: Database.Database;
  try {
    db = openConnection(path, connection, true);
  } catch (error) {
    throw new UnusableBackupError(`${path} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let problems: { integrity_check: string }[];
    try {
      problems = db.pragma('integrity_check') as { integrity_check: string }[];
    } catch (error) {
      throw new UnusableBackupError(`${path} is damaged or not a Newsroom Annotator database: ${(error as Error).message}`);
    }
    const first = problems[0]?.integrity_check;
    if (first !== 'ok') throw new UnusableBackupError(`${path} is damaged: SQLite's integrity check says "${first ?? 'nothing'}". It was not used.`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasMigrations) throw new UnusableBackupError(`${path} is not a Newsroom Annotator database (it records no schema version).`);
    const version = (db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    const known = loadMigrations();
    const newest = known[known.length - 1]!.version;
    if (version > newest) {
      throw new UnusableBackupError(`${path} was written by a newer version of Newsroom Annotator (schema ${version}; this version knows up to ${newest}). Update the app to restore it.`);
    }
    return version;
  } finally {
    db.close();
  }
}

/**
 * Writes an online backup of an open database to `destination` (SQLite's backup API copies pages in steps
 * and yields between them, so the host keeps answering), checks it, and only then moves it into place: a
 * backup that fails its check never replaces a good one.
 */
export async function backupDatabase(db: AnnotatorDatabase, destination: string, connection: ConnectionOptions = {}): Promise<void> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    // A backup is one self-contained file: out of WAL mode, it needs no -wal or -shm file beside it.
    const copy = openConnection(partial, connection, false);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkBackupFile(partial, connection);
    renameSync(partial, destination);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  }
}

/**
 * Keeps a copy of the database at `databasePath` at `keepAt`: through SQLite's backup API when SQLite can read
 * it (the copy then includes what is still in the write-ahead log), else the file's bytes as they are.
 */
export async function keepCopyOfDatabase(databasePath: string, keepAt: string): Promise<void> {
  try {
    const current = new Database(databasePath, { fileMustExist: true });
    try {
      await current.backup(keepAt);
    } finally {
      current.close();
    }
  } catch {
    copyFileSync(databasePath, keepAt);
    for (const suffix of ['-wal', '-shm']) if (existsSync(databasePath + suffix)) copyFileSync(databasePath + suffix, keepAt + suffix);
  }
}

/**
 * Replaces the database at `databasePath` with the backup at `backupPath`, which must pass checkBackupFile.
 * The copy goes through SQLite's backup API into the live file, so it respects other connections' locks and
 * leaves no stale write-ahead log behind; a file SQLite cannot write into (damaged) is replaced instead.
 */
export async function restoreDatabase(databasePath: string, backupPath: string): Promise<void> {
  checkBackupFile(backupPath);
  const source = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    try {
      await source.backup(databasePath);
    } catch {
      for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
      await source.backup(databasePath);
    }
  } finally {
    source.close();
  }
}

/**
 * Replaces the content of the database that `db` has open with the backup at `backupPath`, while `db` stays
 * open: SQLite's backup API run in reverse, from the backup into the live file, in one step, so no other call
 * can write between its pages. `db` sees the restored content at its next statement (SQLite notices the
 * changed file and prepares its statements again); a backup from an older version is then migrated on `db`
 * itself. The backup must pass checkBackupFile first, which this does.
 */
export async function restoreIntoOpenDatabase(db: AnnotatorDatabase, databasePath: string, backupPath: string, connection: ConnectionOptions = {}): Promise<void> {
  checkBackupFile(backupPath, connection);
  const source = openConnection(backupPath, connection, true);
  try {
    // The first step only measures; returning the largest step size copies everything in the second.
    await source.backup(databasePath, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  applyMigrations(db, loadMigrations());
}
