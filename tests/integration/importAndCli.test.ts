import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxImportBytes, type ArticleRecord, type ArticleSummary } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { runCli } from '../../main/cli/runCli';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { makeTempDir, projectRoot, valueOf } from './storeFixtures';

const samplePath = join(projectRoot, '..', 'shared', 'samples', 'ghouta-evacuation.txt');
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('importing through the services', () => {
  let services: AppServices;
  beforeEach(() => {
    services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
  });
  afterEach(() => services.close());

  const errorOf = async (method: string, input: unknown) => {
    const result = await dispatchApiCall(services.handlers, method, input, () => undefined);
    return result.ok ? null : result.error;
  };

  it('refuses files and text over the import limit before reading them, and stores nothing', async () => {
    const tooLarge = Buffer.alloc(maxImportBytes + 1, 'a').toString('base64');
    expect(await errorOf('importFile', { fileName: 'huge.txt', bytesBase64: tooLarge })).toMatchObject({
      code: 'too_large',
      message: '"huge.txt" is 5.1 MB, larger than the import limit of 5 MB.',
    });
    // Under the limit in characters, over it in UTF-8 bytes.
    expect(await errorOf('importText', { text: 'é'.repeat(maxImportBytes / 2 + 1) })).toMatchObject({ code: 'too_large' });
    expect(await errorOf('importFile', { fileName: 'x.txt', bytesBase64: 'not base64!' })).toMatchObject({ code: 'invalid_argument' });
    expect(valueOf<ArticleSummary[]>(await dispatchApiCall(services.handlers, 'listArticles', {}))).toEqual([]);
  });

  it('stores an imported file as a draft whose title is its headline', async () => {
    const bytesBase64 = readFileSync(samplePath).toString('base64');
    const summary = valueOf<ArticleSummary>(await dispatchApiCall(services.handlers, 'importFile', { fileName: 'ghouta-evacuation.txt', bytesBase64 }));
    const article = valueOf<ArticleRecord>(await dispatchApiCall(services.handlers, 'getArticle', { id: summary.id }));
    expect(article).toMatchObject({ status: 'draft', revision: 1 });
    expect(article.wordCount).toBeGreaterThan(500);
    expect(parseArticleDocument(article.doc).firstChild!.textContent).toBe(summary.title);
    expect(summary.title.length).toBeGreaterThan(0);
  });
});

describe('the command-line tool', () => {
  const run = (args: string[]) =>
    promisify(execFile)(tsx, ['main/cli/index.ts', ...args], { cwd: projectRoot, encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('imports a file, printing only the new id, then lists it with its title and tag count', async () => {
    const db = join(temp.dir, 'cli.sqlite');
    const imported = await run(['import', samplePath, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^art_[0-9a-f]{16}\n$/);
    const id = imported.stdout.trim();

    const listed = await run(['list', '--db', db]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const [listedId, title, tagCount] = lines[0]!.split('\t');
    expect(listedId).toBe(id);
    expect(title!.length).toBeGreaterThan(0);
    expect(tagCount).toBe('0');

    // The app's services read what the CLI wrote, and the CLI created no demo article.
    const services = openServices({ databasePath: db });
    try {
      expect(valueOf<ArticleSummary[]>(await dispatchApiCall(services.handlers, 'listArticles', {})).map((article) => [article.id, article.title])).toEqual([[id, title]]);
    } finally {
      services.close();
    }
  });

  it('reports bad command lines with the usage text and a non-zero exit code', async () => {
    const db = join(temp.dir, 'x.sqlite');
    const [noCommand, unknown, noFile, badOption] = await Promise.all([
      run([]),
      run(['publish', '--db', db]),
      run(['import', '--db', db]),
      run(['list', '--frobnicate']),
    ]);
    expect(noCommand).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/No command given\.[\s\S]*Usage:/) });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "publish"/) });
    expect(noFile).toMatchObject({ code: 2, stderr: expect.stringMatching(/import needs at least one FILE/) });
    expect(badOption).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--frobnicate'[\s\S]*Usage:/) });
  });

  it('explains each file it cannot import on stderr, imports the others and exits with 1', async () => {
    const db = join(temp.dir, 'cli.sqlite');
    const result = await run(['import', join(temp.dir, 'missing.txt'), samplePath, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing\.txt: cannot read the file \(ENOENT\)/);
    expect(result.stdout).toMatch(/^art_[0-9a-f]{16}\n$/);
  });

  it('refuses a pipe or an oversized file without reading it, and imports the rest', async () => {
    const db = join(temp.dir, 'cli.sqlite');
    // A pipe with no writer never ends: reading it first would hang the command for good.
    const pipe = join(temp.dir, 'endless.txt');
    execFileSync('mkfifo', [pipe]);
    const big = join(temp.dir, 'big.txt');
    writeFileSync(big, 'a'.repeat(maxImportBytes + 1));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCli(['import', pipe, big, samplePath, '--db', db], {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
    });
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/endless\.txt: not a regular file/);
    expect(stderr.join('')).toMatch(/big\.txt: "big\.txt" is 5\.1 MB, larger than the import limit of 5 MB/);
    expect(stdout.join('')).toMatch(/^art_[0-9a-f]{16}\n$/);
  }, 10_000);

  it('refuses a database from a newer version with the message and leaves it alone', async () => {
    const db = join(temp.dir, 'newer.sqlite');
    const services = openServices({ databasePath: db });
    services.db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'later')").run();
    services.close();
    const before = readFileSync(db);
    const result = await run(['list', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/This database was written by a newer version of Newsroom Annotator \(schema 999; this version knows up to \d+\)/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
