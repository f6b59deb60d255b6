import { existsSync } from 'node:fs';
import { backupDatabase, checkBackupFile, keepCopyOfDatabase, restoreDatabase } from '../store/backup';
import { openDatabase } from '../store/index';
import type { CliOutput } from './cliOutput';

/** `backup --db DB --out FILE`: an online backup of the database, checked before it is kept. Returns the exit code. */
export async function backupCommand(databasePath: string, outPath: string, output: CliOutput): Promise<number> {
  if (!existsSync(databasePath)) {
    output.stderr(`There is no database at ${databasePath} to back up.\n`);
    return 1;
  }
  let db;
  try {
    db = openDatabase(databasePath);
  } catch (error) {
    output.stderr(`Cannot open the database ${databasePath}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    await backupDatabase(db, outPath);
    output.stdout(`${outPath}\n`);
    return 0;
  } catch (error) {
    output.stderr(`The backup to ${outPath} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}

// A name for the copy of the current database that a restore keeps, unique to the second.
function keptCopyPath(databasePath: string, now: Date): string {
  return `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/**
 * `restore --db DB --from FILE`: replaces the database with a checked backup, keeping a copy of the current
 * database beside it first. A damaged backup, or one from a newer version, is refused and nothing changes.
 * Run it while the app is closed: an open app would go on with the database it had read.
 */
export async function restoreCommand(databasePath: string, backupPath: string, output: CliOutput, now: Date = new Date()): Promise<number> {
  const kept = keptCopyPath(databasePath, now);
  try {
    checkBackupFile(backupPath);
  } catch (error) {
    output.stderr(`Not restored: ${(error as Error).message}\nThe database ${databasePath} was left as it was.\n`);
    return 1;
  }
  const hadDatabase = existsSync(databasePath);
  try {
    if (hadDatabase) await keepCopyOfDatabase(databasePath, kept);
    await restoreDatabase(databasePath, backupPath);
  } catch (error) {
    output.stderr(`The restore failed: ${(error as Error).message}\n${hadDatabase ? `The previous database is kept at ${kept}.` : ''}\n`);
    return 1;
  }
  try {
    // Brings an older backup's schema up to date, as opening it in the app would.
    openDatabase(databasePath).close();
  } catch (error) {
    output.stderr(`Restored, but the restored database cannot be opened: ${(error as Error).message}\nThe previous database is kept at ${kept}.\n`);
    return 1;
  }
  output.stdout(`Restored ${databasePath} from ${backupPath}; ${hadDatabase ? `the previous database is kept at ${kept}` : 'there was no database before'}.\n`);
  return 0;
}
