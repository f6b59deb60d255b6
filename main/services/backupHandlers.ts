import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../common/api';
import { backupKindOf, type BackupCheck, type BackupEntry, type BackupKind } from '../../common/backups';
import { backupDatabase, checkBackupFile, restoreIntoOpenDatabase, UnusableBackupError, type ConnectionOptions } from '../store/backup';
import type { AnnotatorDatabase } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { backupFolderOf } from './backupSchedule';

/** How many backups taken by hand, and kept by restores, stay beside the database; older ones are removed. */
export const keptBackupsByHand = 10;

// A time as a file name can hold it and as names sort: 2026-11-30T02-30-00-123Z.
function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

// The oldest backups of one kind beyond `keep` are removed; names of one kind sort by time.
function pruneKind(folder: string, kind: BackupKind, keep: number): void {
  const names = readdirSync(folder).filter((name) => backupKindOf(name) === kind).sort();
  for (const name of names.slice(0, Math.max(0, names.length - keep))) rmSync(join(folder, name), { force: true });
}

// A problem as the editor reads it: the backup's name rather than the whole path of its folder.
function problemOf(error: unknown, path: string, name: string): string {
  return (error as Error).message.split(path).join(name);
}

/**
 * The backup handlers: list the backups beside the database (each checked with SQLite's integrity check),
 * take one now, and restore one while the app runs. A restore first backs up the database as it is (kept as a
 * "before-restore" backup, so that the restore can itself be undone), checks the chosen backup, then copies
 * it into the open database with SQLite's backup API: the services keep their connection and see the
 * restored content at once. Backups and restores run one at a time.
 */
export function createBackupHandlers(
  db: AnnotatorDatabase,
  databasePath: string,
  connection: ConnectionOptions = {},
): Pick<ApiHandlers, 'listBackups' | 'backUpNow' | 'restoreBackup'> {
  const folder = backupFolderOf(databasePath);
  // Checking a large backup reads all of it; a file that has not changed since it was checked keeps its answer.
  const checked = new Map<string, BackupCheck>();
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const entryOf = (name: string, kind: BackupKind): BackupEntry => {
    const path = join(folder, name);
    const stats = statSync(path);
    const key = `${name}|${stats.mtimeMs}|${stats.size}`;
    let check = checked.get(key);
    if (!check) {
      try {
        checkBackupFile(path, connection);
        check = { usable: true };
      } catch (error) {
        if (!(error instanceof UnusableBackupError)) throw error;
        check = { usable: false, problem: problemOf(error, path, name) };
      }
      checked.set(key, check);
    }
    return { name, kind, takenAt: stats.mtime.toISOString(), bytes: stats.size, check };
  };

  const takeBackup = async (kind: 'manual' | 'before-restore'): Promise<BackupEntry> => {
    mkdirSync(folder, { recursive: true });
    const name = `${kind}-${fileStamp(new Date())}.sqlite`;
    await backupDatabase(db, join(folder, name), connection);
    pruneKind(folder, kind, keptBackupsByHand);
    return entryOf(name, kind);
  };

  return {
    listBackups() {
      const names = existsSync(folder) ? readdirSync(folder) : [];
      const backups = names.flatMap((name) => {
        const kind = backupKindOf(name);
        return kind ? [entryOf(name, kind)] : [];
      });
      backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
      return { folder, backups };
    },
    backUpNow: () => oneAtATime(() => takeBackup('manual')),
    restoreBackup: ({ name }) =>
      oneAtATime(async () => {
        const kind = backupKindOf(name);
        const path = join(folder, name);
        if (!kind || !existsSync(path)) throw new ApiError('not_found', `There is no backup named ${name}; it may have been removed as newer backups were taken.`);
        try {
          checkBackupFile(path, connection);
        } catch (error) {
          if (!(error instanceof UnusableBackupError)) throw error;
          throw new ApiError('invalid_file', `The backup ${name} cannot be restored: ${problemOf(error, path, name)} Nothing was changed.`);
        }
        const keptAs = await takeBackup('before-restore');
        try {
          await restoreIntoOpenDatabase(db, databasePath, path, connection);
        } catch (error) {
          throw new ApiError('internal', `The restore of ${name} failed: ${(error as Error).message} The database as it was before is kept as the backup ${keptAs.name}.`);
        }
        return { restored: entryOf(name, kind), keptAs };
      }),
  };
}
