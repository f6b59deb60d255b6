import { closeSync, existsSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord, ArticleSummary, SaveResult } from '../../common/api';
import { runCli } from '../../main/cli/runCli';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { backupFolderOf, runBackup } from '../../main/services/backupSchedule';
import { openServices, type AppServices } from '../../main/services/index';
import { checkBackupFile } from '../../main/store/backup';
import { apiCalls, fileHash, makeTempDir, valueOf } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices | undefined;
const { call } = apiCalls(() => services!);
let databasePath: string;

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'desk.sqlite');
});
afterEach(() => {
  services?.close();
  services = undefined;
  temp.remove();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function titlesIn(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT title FROM articles WHERE deleted_at IS NULL ORDER BY title').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('automatic backups', () => {
  it('writes a checked backup beside the database when started, and keeps the last 7 daily and 4 weekly ones', async () => {
    services = openServices({ databasePath });
    await call<ArticleSummary>('importText', { text: 'Harbour reopens\n\nBoats returned on Monday.' });
    services.startBackups((error) => {
      throw error;
    });
    await services.stopBackups();
    const folder = backupFolderOf(databasePath);
    const [today] = readdirSync(folder).filter((name) => name.startsWith('daily-'));
    expect(today).toBe(`daily-${new Date().toISOString().slice(0, 10)}.sqlite`);
    expect(titlesIn(join(folder, today!))).toEqual(['Harbour reopens']);

    // Sixty days of backups, one a day: the rotation keeps a week of dailies and a month of weeklies.
    rmSync(folder, { recursive: true });
    const start = Date.UTC(2026, 0, 1, 9);
    for (let day = 0; day < 60; day++) await runBackup(services.db, databasePath, new Date(start + day * 86_400_000));
    const names = readdirSync(folder).sort();
    const dailies = names.filter((name) => name.startsWith('daily-'));
    const weeklies = names.filter((name) => name.startsWith('weekly-'));
    expect(dailies).toHaveLength(7);
    expect(dailies.at(-1)).toBe(`daily-${new Date(start + 59 * 86_400_000).toISOString().slice(0, 10)}.sqlite`);
    expect(weeklies).toEqual(['weekly-2026-W06.sqlite', 'weekly-2026-W07.sqlite', 'weekly-2026-W08.sqlite', 'weekly-2026-W09.sqlite']);
    expect(names.some((name) => name.endsWith('.partial'))).toBe(false);
    for (const name of [...dailies, ...weeklies]) expect(checkBackupFile(join(folder, name))).toBeGreaterThan(0);
  });
});

describe('backup and restore from the command line', () => {
  it('backs up, restores an earlier state keeping a copy of the current one, and refuses damaged or newer backups', async () => {
    services = openServices({ databasePath });
    const kept = await call<ArticleSummary>('importText', { text: 'Kept article\n\nIt is in the backup.' });
    services.close();
    services = undefined;
    const backup = join(temp.dir, 'backup.sqlite');
    const made = await cli(['backup', '--db', databasePath, '--out', backup]);
    expect(made).toMatchObject({ code: 0, stdout: `${backup}\n` });

    // After the backup: the kept article is deleted for good and another one arrives.
    services = openServices({ databasePath });
    await call('deleteArticle', { id: kept.id });
    await call('emptyTrash', {});
    await call<ArticleSummary>('importText', { text: 'Later article\n\nWritten after the backup.' });
    services.close();
    services = undefined;

    const restored = await cli(['restore', '--db', databasePath, '--from', backup]);
    expect(restored.code).toBe(0);
    expect(titlesIn(databasePath)).toEqual(['Kept article']);
    const copy = /kept at (.*)\.\n$/.exec(restored.stdout)![1]!;
    expect(titlesIn(copy)).toEqual(['Later article']);
    services = openServices({ databasePath });
    expect((await call<ArticleRecord>('getArticle', { id: kept.id })).title).toBe('Kept article');
    services.close();
    services = undefined;

    // A backup with a damaged page is refused, and the database stays as it was.
    const damaged = join(temp.dir, 'damaged.sqlite');
    expect((await cli(['backup', '--db', databasePath, '--out', damaged])).code).toBe(0);
    const handle = openSync(damaged, 'r+');
    writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(handle);
    const before = fileHash(databasePath);
    const refused = await cli(['restore', '--db', databasePath, '--from', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Not restored: .*damaged/);
    expect(refused.stderr).toContain('was left as it was');
    expect(fileHash(databasePath)).toBe(before);

    // So is a backup written by a newer version.
    const newer = join(temp.dir, 'newer.sqlite');
    expect((await cli(['backup', '--db', databasePath, '--out', newer])).code).toBe(0);
    const raw = new Database(newer);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', 'later')").run();
    raw.close();
    const tooNew = await cli(['restore', '--db', databasePath, '--from', newer]);
    expect(tooNew.code).toBe(1);
    expect(tooNew.stderr).toMatch(/newer version of Newsroom Annotator \(schema 999/);
    expect(fileHash(databasePath)).toBe(before);
    expect(await cli(['restore', '--db', databasePath])).toMatchObject({ code: 2, stderr: expect.stringContaining('restore needs --from FILE') });
    expect(existsSync(join(temp.dir, 'missing.sqlite'))).toBe(false);
    expect((await cli(['restore', '--db', databasePath, '--from', join(temp.dir, 'missing.sqlite')])).stderr).toMatch(/does not exist/);
  });
});

describe('a database another program holds', () => {
  it('waits for the lock without freezing the host, then saves', async () => {
    services = openServices({ databasePath });
    const summary = await call<ArticleSummary>('importText', { text: 'Busy test\n\nFirst words.' });
    const article = await call<ArticleRecord>('getArticle', { id: summary.id });
    const other = new Database(databasePath);
    other.exec('BEGIN IMMEDIATE');

    // The event loop's longest pause while the save waits for the other program's lock.
    let last = performance.now();
    let longestPause = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 5);
    const save = dispatchApiCall(services.handlers, 'saveArticle', { id: summary.id, baseRevision: article.revision, doc: article.doc });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    other.exec('COMMIT');
    other.close();
    const result = await save;
    clearInterval(ticker);
    expect(valueOf<SaveResult>(result).revision).toBe(article.revision + 1);
    // Each attempt may block for the short lock wait (50 ms); never for the whole time the lock was held.
    expect(longestPause).toBeLessThan(400);
  });
});
