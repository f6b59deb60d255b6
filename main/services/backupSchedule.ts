import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupDatabase, type ConnectionOptions } from '../store/backup';
import type { AnnotatorDatabase } from '../store/index';

/** How many backups of each kind are kept. */
export const backupRetention = { daily: 7, weekly: 4 } as const;

// Checked hourly, so that a machine that slept through midnight still gets the day's backup soon after waking.
const checkEveryMs = 60 * 60 * 1000;

/** The folder beside the database where its backups go: `annotator.sqlite` -> `annotator.sqlite-backups/`. */
export function backupFolderOf(databasePath: string): string {
  return join(dirname(databasePath), `${basename(databasePath)}-backups`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), as YYYY-Www.
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// Names sort by date, so the newest are the last ones; older ones beyond `keep` are removed.
function prune(folder: string, prefix: string, keep: number): void {
  const names = readdirSync(folder).filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite')).sort();
  for (const name of names.slice(0, Math.max(0, names.length - keep))) rmSync(join(folder, name), { force: true });
}

/**
 * Writes today's backup of the database (replacing an earlier one of today), makes it this week's backup
 * when the week has none yet, and removes backups beyond the last 7 daily and 4 weekly ones. Every backup is
 * checked with `PRAGMA integrity_check` before it takes its place. Returns the path of today's backup.
 */
export async function runBackup(db: AnnotatorDatabase, databasePath: string, now: Date = new Date(), connection: ConnectionOptions = {}): Promise<string> {
  const folder = backupFolderOf(databasePath);
  mkdirSync(folder, { recursive: true });
  const daily = join(folder, `daily-${isoDay(now)}.sqlite`);
  await backupDatabase(db, daily, connection);
  const weekly = join(folder, `weekly-${isoWeek(now)}.sqlite`);
  if (!existsSync(weekly)) copyFileSync(daily, weekly);
  prune(folder, 'daily-', backupRetention.daily);
  prune(folder, 'weekly-', backupRetention.weekly);
  return daily;
}

/** A running backup schedule: stop it before closing the database. */
export interface BackupSchedule {
  stop(): void;
  // Settles when the backup in progress (if any) is done; for hosts that close right after stopping.
  idle(): Promise<void>;
}

/**
 * Backs the database up now and then whenever the day has no backup yet, checking hourly. The timer does not
 * keep the process alive. Failures are reported through `onError` and retried at the next check.
 */
export function startBackupSchedule(db: AnnotatorDatabase, databasePath: string, onError: (error: unknown) => void, connection: ConnectionOptions = {}): BackupSchedule {
  let running: Promise<void> = Promise.resolve();
  let lastDay: string | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || !db.open) return;
    const today = isoDay(new Date());
    if (today === lastDay) return;
    running = running
      .then(() => runBackup(db, databasePath, new Date(), connection))
      .then(() => {
        lastDay = today;
      })
      .catch((error: unknown) => {
        if (!stopped) onError(error);
      });
  };
  run();
  const timer = setInterval(run, checkEveryMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => running,
  };
}
