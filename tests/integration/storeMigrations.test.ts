import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticlesRepo } from '../../main/store/articlesRepo';
import { defaultDatabasePath } from '../../main/store/defaultDatabasePath';
import { openDatabase, type AnnotatorDatabase } from '../../main/store/database';
import { applyMigrations, IncompatibleDatabaseError, loadMigrations, type Migration } from '../../main/store/migrations';
import { findMigrationsDirectory, migrationsDirectoryCandidates } from '../../main/store/migrationsDirectory';
import { fileHash, makeTempDir, projectRoot } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let open: AnnotatorDatabase[];

beforeEach(() => {
  temp = makeTempDir();
  open = [];
});
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  temp.remove();
});

function track(db: AnnotatorDatabase): AnnotatorDatabase {
  open.push(db);
  return db;
}

function recordedVersions(db: AnnotatorDatabase): { version: number; name: string; applied_at: string }[] {
  return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as never;
}

function tableNames(db: AnnotatorDatabase): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
}

const known = loadMigrations();
const newest = known[known.length - 1]!.version;

describe('openDatabase on an empty folder', () => {
  it('creates the file, applies and records every migration, and turns on WAL and foreign keys', () => {
    const path = join(temp.dir, 'nested', 'folder', 'annotator.sqlite');
    const db = track(openDatabase(path));

    expect(recordedVersions(db).map(({ version, name }) => ({ version, name }))).toEqual(known.map(({ version, name }) => ({ version, name })));
    expect(tableNames(db)).toEqual(expect.arrayContaining(['articles', 'article_blocks', 'annotations', 'annotation_blocks', 'article_revisions', 'article_snapshots', 'entities', 'entity_aliases', 'entity_trash', 'preferences', 'schema_migrations', 'block_search']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(() => db.prepare("INSERT INTO annotations (article_id, id, kind, status, label, quote, record_json, author, created_at, updated_at) VALUES ('no-such-article', 'a', 'entity', 'accepted', 'person', '', '{}', '', '', '')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO articles (id, title, status, created_at, updated_at) VALUES ('a', 't', 'published', '', '')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO article_blocks (article_id, position, type, block_json, plain_text) VALUES ('no-such-article', 0, 'paragraph', '{}', '')").run()).toThrow(/FOREIGN KEY/);
  });

  it('applies nothing the second time it opens the same file', () => {
    const path = join(temp.dir, 'annotator.sqlite');
    const first = openDatabase(path);
    const before = recordedVersions(first);
    first.close();
    const db = track(openDatabase(path));
    expect(recordedVersions(db)).toEqual(before);
  });
});

describe('upgrading an older database', () => {
  it('applies only the missing migrations and keeps (and indexes) the data already there', () => {
    const path = join(temp.dir, 'old.sqlite');
    const old = new Database(path);
    expect(applyMigrations(old, known.slice(0, 1))).toEqual([1]);
    old.prepare(
      "INSERT INTO articles (id, title, doc_json, plain_text, word_count, created_at, updated_at) VALUES ('art_old', 'Harbour dredging resumes', ?, 'Harbour dredging resumes\n\nDredgers returned to the harbour mouth on Monday.', 11, '2023-05-01T00:00:00Z', '2023-05-01T00:00:00Z')",
    ).run(JSON.stringify({ type: 'doc', content: [
      { type: 'headline', content: [{ type: 'text', text: 'Harbour dredging resumes' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Dredgers returned to the harbour mouth on Monday.' }] },
    ] }));
    old.close();

    const db = track(openDatabase(path));
    const versions = recordedVersions(db);
    expect(versions.map((entry) => entry.version)).toEqual(known.map((migration) => migration.version));
    expect(newest).toBeGreaterThan(1);
    const articles = createArticlesRepo(db);
    expect(articles.list({ query: 'dredg' }).map((article) => article.id)).toEqual(['art_old']);
    expect(articles.list({ query: 'harbour monday' }).map((article) => article.id)).toEqual(['art_old']);
    expect(articles.list({ query: 'airport' })).toEqual([]);
  });

  it('rolls every migration of a run back when one fails, leaving the version where it was', () => {
    const path = join(temp.dir, 'broken.sqlite');
    const db = track(new Database(path));
    const broken: Migration[] = [...known, { version: newest + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => applyMigrations(db, broken)).toThrow(/migration .*_broken failed: no such table/);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('refusing a database this version must not touch', () => {
  function expectRefused(path: string, reason: string, message: RegExp): void {
    const hash = fileHash(path);
    const files = readdirSync(temp.dir).sort();
    let error: unknown;
    try {
      track(openDatabase(path));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IncompatibleDatabaseError);
    expect((error as IncompatibleDatabaseError).reason).toBe(reason);
    expect((error as Error).message).toMatch(message);
    expect(fileHash(path)).toBe(hash);
    expect(readdirSync(temp.dir).sort()).toEqual(files);
  }

  it('refuses a database written by a newer version and leaves its bytes untouched', () => {
    const path = join(temp.dir, 'newer.sqlite');
    const db = openDatabase(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future', '2030-01-01T00:00:00Z')").run(newest + 7);
    db.close();
    expectRefused(
      path,
      'newer',
      new RegExp(`^This database was written by a newer version of Newsroom Annotator \\(schema ${newest + 7}; this version knows up to ${newest}\\)\\. `),
    );
  });

  it('refuses a newer database still in rollback-journal mode without switching it to WAL', () => {
    const path = join(temp.dir, 'newer-rollback.sqlite');
    const db = new Database(path);
    applyMigrations(db, known);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future', '2030-01-01T00:00:00Z')").run(newest + 1);
    db.close();
    expectRefused(path, 'newer', /newer version/);
  });

  it('refuses a database whose recorded migrations are not the ones this version knows', () => {
    const path = join(temp.dir, 'forked.sqlite');
    const db = openDatabase(path);
    db.prepare('UPDATE schema_migrations SET name = ? WHERE version = 1').run('someone_elses_init');
    db.close();
    expectRefused(path, 'out_of_sync', /records migration 1 "someone_elses_init"/);
  });

  it("refuses another program's SQLite database", () => {
    const path = join(temp.dir, 'other-app.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    expectRefused(path, 'foreign', /another program/);
  });

  it('refuses a file that is not SQLite at all', () => {
    const path = join(temp.dir, 'notes.sqlite');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    expectRefused(path, 'not_sqlite', /is not a SQLite database/);
  });
});

describe('finding the migration files', () => {
  const sourceDirectory = join(projectRoot, 'main', 'store', 'migrations');

  it('finds them next to the store sources, as tsx and vitest run them', () => {
    expect(findMigrationsDirectory(pathToFileURL(join(projectRoot, 'main', 'store', 'database.ts')).href)).toBe(sourceDirectory);
    expect(findMigrationsDirectory()).toBe(sourceDirectory);
  });

  it('finds them from the Electron bundle at out/main/index.js by walking up to the project folder', () => {
    const bundleUrl = pathToFileURL(join(projectRoot, 'out', 'main', 'index.js')).href;
    expect(migrationsDirectoryCandidates(bundleUrl)[0]).toBe(join(projectRoot, 'out', 'main', 'migrations'));
    expect(findMigrationsDirectory(bundleUrl)).toBe(sourceDirectory);
  });

  it('finds them in another installed copy of the app, and says where it looked when they are missing', () => {
    const app = join(temp.dir, 'app');
    mkdirSync(join(app, 'main', 'store', 'migrations'), { recursive: true });
    writeFileSync(join(app, 'main', 'store', 'migrations', '0001_init.sql'), 'CREATE TABLE t (x);');
    expect(findMigrationsDirectory(pathToFileURL(join(app, 'out', 'main', 'chunks', 'store.js')).href)).toBe(join(app, 'main', 'store', 'migrations'));
    expect(() => findMigrationsDirectory(pathToFileURL(join(temp.dir, 'elsewhere', 'index.js')).href)).toThrow(/migrations were not found: no 0001_init\.sql next to/);
  });

  it('reads the files in version order and rejects a gap in the numbering', () => {
    expect(known.map((migration) => migration.version)).toEqual(known.map((_, index) => index + 1));
    expect(known[0]).toMatchObject({ version: 1, name: 'init' });
    const gappy = join(temp.dir, 'gappy');
    mkdirSync(gappy);
    writeFileSync(join(gappy, '0001_init.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(gappy, '0003_later.sql'), 'CREATE TABLE c (x);');
    writeFileSync(join(gappy, 'README.md'), 'not a migration');
    expect(() => loadMigrations(gappy)).toThrow(/without gaps or repeats; found 3 at position 2/);
  });
});

describe('defaultDatabasePath', () => {
  it('is the per-OS user-data folder Electron uses for "Newsroom Annotator"', () => {
    expect(defaultDatabasePath('linux', {}, '/home/ana')).toBe('/home/ana/.config/Newsroom Annotator/annotator.sqlite');
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '/srv/config' }, '/home/ana')).toBe('/srv/config/Newsroom Annotator/annotator.sqlite');
    expect(defaultDatabasePath('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Newsroom Annotator/annotator.sqlite');
    expect(defaultDatabasePath('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Newsroom Annotator\\annotator.sqlite',
    );
    expect(defaultDatabasePath('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Newsroom Annotator\\annotator.sqlite');
  });
});
