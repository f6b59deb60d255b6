/**
 * Backups of the desk's database as the app lists them: the files beside the database that the automatic
 * schedule, "Back up now" and every restore write. Shared by the services (which write and check them) and the
 * renderer (which lists them and restores one).
 */

/**
 * Why a backup was written: the automatic daily and weekly ones, one taken on request ("Back up now"), and
 * the copy of the database a restore keeps before replacing it (so that a restore can itself be undone).
 */
export const backupKinds = ['daily', 'weekly', 'manual', 'before-restore'] as const;
/** One of `backupKinds`. */
export type BackupKind = (typeof backupKinds)[number];

/** How each kind is named to the editor. */
export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  manual: 'Taken by hand',
  'before-restore': 'Before a restore',
};

/**
 * A backup's file name: its kind, then a date or time made of digits, letters and dashes. Only such names are
 * ever listed or restored, so a name from the renderer can never point outside the backup folder.
 */
export const backupFileNamePattern = /^(daily|weekly|manual|before-restore)-[0-9A-Za-z-]{1,40}\.sqlite$/;

/** The kind a backup file name says, or null for a file that is not a backup. */
export function backupKindOf(fileName: string): BackupKind | null {
  const match = backupFileNamePattern.exec(fileName);
  return match ? (match[1] as BackupKind) : null;
}

/** What SQLite's `integrity_check` (and the schema version check) found in a backup. */
export type BackupCheck = { usable: true } | { usable: false; problem: string };

/** One backup beside the database. */
export interface BackupEntry {
  // The file name inside the backup folder: what restoreBackup takes.
  name: string;
  kind: BackupKind;
  // When the file was written (its modification time), as an ISO date.
  takenAt: string;
  bytes: number;
  check: BackupCheck;
}

/** What a restore did: the backup now in use, and the backup of the replaced database it took first. */
export interface BackupRestored {
  restored: BackupEntry;
  keptAs: BackupEntry;
}

/** The backups beside the database, newest first, and where they are (for the editor's information). */
export interface BackupListing {
  folder: string;
  backups: BackupEntry[];
}
