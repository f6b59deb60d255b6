import { closeSync, copyFileSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord, ArticleSummary, ImportResult, SaveResult, TrashContents } from '../../common/api';
import type { BackupEntry, BackupListing, BackupRestored } from '../../common/backups';
import { backupFolderOf, runBackup } from '../../main/services/backupSchedule';
import { openServices, type AppServices } from '../../main/services/index';
import { apiCalls, fileHash, makeTempDir } from './storeFixtures';

/**
 * File > Restore from backup, through the services on a real SQLite file: backups listed with their check,
 * "Back up now", and a restore while the services keep running (same handlers, same connection), which keeps
 * the replaced database as a backup of its own so that the restore can be undone.
 */

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call, callError } = apiCalls(() => services);
let databasePath: string;

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'desk.sqlite');
  services = openServices({ databasePath, userName: 'night editor' });
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function titles(): Promise<string[]> {
  return (await call<ArticleSummary[]>('listArticles', {})).map((article) => article.title).sort();
}

describe('restoring a backup in the running app', () => {
  it('brings back the state of a backup taken by hand, keeps the replaced database as a backup, and can undo the restore', async () => {
    const kept = await call<ImportResult>('importText', { text: 'Harbour reopens 🚢\n\nBoats returned on Monday.' });
    const deleted = await call<ImportResult>('importText', { text: 'Council vote\n\nالمجلس صوّت on Tuesday.' });
    const taken = await call<BackupEntry>('backUpNow', {});
    expect(taken).toMatchObject({ kind: 'manual', check: { usable: true } });
    expect(taken.name).toMatch(/^manual-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/);
    expect(taken.bytes).toBeGreaterThan(0);

    // After the backup: an article renamed, one deleted for good, one imported.
    await call('renameArticle', { id: kept.id, title: 'Harbour renamed' });
    await call('deleteArticle', { id: deleted.id });
    await call('emptyTrash', {});
    await call<ImportResult>('importText', { text: 'Later story\n\nWritten after the backup.' });
    expect(await titles()).toEqual(['Harbour renamed', 'Later story']);

    const restored = await call<BackupRestored>('restoreBackup', { name: taken.name });
    expect(restored.restored.name).toBe(taken.name);
    expect(restored.keptAs).toMatchObject({ kind: 'before-restore', check: { usable: true } });
    // The same services, without reopening, now read the backup's state.
    expect(await titles()).toEqual(['Council vote', 'Harbour reopens 🚢']);
    const back = await call<ArticleRecord>('getArticle', { id: deleted.id });
    expect(back.title).toBe('Council vote');
    // And keep writing to it: a save on the restored revision, an import, the trash.
    const saved = await call<SaveResult>('saveArticle', { id: back.id, baseRevision: back.revision, doc: back.doc });
    expect(saved.revision).toBe(back.revision + 1);
    await call<ImportResult>('importText', { text: 'After the restore\n\nNew copy.' });
    expect((await call<TrashContents>('listTrash', {})).articles).toEqual([]);

    const listing = await call<BackupListing>('listBackups', {});
    expect(listing.folder).toBe(backupFolderOf(databasePath));
    expect(listing.backups.map((backup) => backup.name).sort()).toEqual([restored.keptAs.name, taken.name].sort());
    expect(listing.backups.every((backup) => backup.check.usable)).toBe(true);

    // Undoing the restore: the backup the restore kept holds the state just before it.
    await call<BackupRestored>('restoreBackup', { name: restored.keptAs.name });
    expect(await titles()).toEqual(['Harbour renamed', 'Later story']);
    expect((await call<BackupListing>('listBackups', {})).backups.filter((backup) => backup.kind === 'before-restore')).toHaveLength(2);
    const db = new Database(databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('lists the automatic daily and weekly backups with the manual ones, newest first', async () => {
    await call<ImportResult>('importText', { text: 'Daily story\n\nOne paragraph.' });
    await runBackup(services.db, databasePath, new Date(Date.UTC(2026, 10, 20, 9)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const manual = await call<BackupEntry>('backUpNow', {});
    const { backups } = await call<BackupListing>('listBackups', {});
    expect(backups.map((backup) => [backup.kind, backup.check.usable])).toEqual([
      ['manual', true],
      ...(backups[1]!.kind === 'daily' ? [['daily', true], ['weekly', true]] : [['weekly', true], ['daily', true]]),
    ]);
    expect(backups[0]!.name).toBe(manual.name);
    expect(backups.map((backup) => backup.name)).toContain('daily-2026-11-20.sqlite');
  });

  it('refuses a damaged backup, a name outside the backup folder and a missing backup, and changes nothing', async () => {
    await call<ImportResult>('importText', { text: 'Only story\n\nIt must survive.' });
    const taken = await call<BackupEntry>('backUpNow', {});
    const folder = backupFolderOf(databasePath);
    const damagedName = 'manual-damaged.sqlite';
    copyFileSync(join(folder, taken.name), join(folder, damagedName));
    const handle = openSync(join(folder, damagedName), 'r+');
    writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(handle);

    const listed = (await call<BackupListing>('listBackups', {})).backups.find((backup) => backup.name === damagedName);
    expect(listed?.check).toMatchObject({ usable: false, problem: expect.stringMatching(/damaged|malformed/) });
    expect(listed!.check.usable === false && listed!.check.problem).not.toContain(folder);

    await call<ImportResult>('importText', { text: 'Second story\n\nAlso must survive.' });
    const before = await titles();
    const refused = await callError('restoreBackup', { name: damagedName });
    expect(refused.code).toBe('invalid_file');
    expect(refused.message).toMatch(/cannot be restored.*Nothing was changed\./);
    expect(await titles()).toEqual(before);
    expect((await call<BackupListing>('listBackups', {})).backups.some((backup) => backup.kind === 'before-restore')).toBe(false);

    const hash = fileHash(databasePath);
    for (const name of ['../desk.sqlite', 'desk.sqlite', 'manual-x.sqlite/../../desk', 'daily-2026-01-01.sqlite.partial']) {
      expect(await callError('restoreBackup', { name })).toMatchObject({ code: 'invalid_argument' });
    }
    expect(await callError('restoreBackup', { name: 'daily-1999-01-01.sqlite' })).toMatchObject({ code: 'not_found' });
    expect(fileHash(databasePath)).toBe(hash);
    expect(await titles()).toEqual(before);
  });
});
