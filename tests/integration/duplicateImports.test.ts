import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, DuplicateFound, ImportReply } from '../../common/api';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { openServices, type AppServices } from '../../main/services/index';
import { applyMigrations, loadMigrations } from '../../main/store/migrations';
import { importedArticle } from '../support/importedArticle';
import { makeTempDir, projectRoot } from './storeFixtures';

// Copy written for these tests; nothing here comes from a real article.
const story = [
  'Ferry service to Lark Island resumes',
  '',
  'The ferry between Portwick and Lark Island sailed again on Tuesday after a six-week repair of its',
  'landing ramp, the harbour board said.',
  '',
  'About 340 islanders depend on the crossing for work and school.',
].join('\n');
// The same story as a mail client re-wraps it and a person pastes it: other line breaks, other spacing.
const storyRewrapped = story.replace('sailed again on Tuesday after a six-week repair of its\nlanding', 'sailed again  on Tuesday after a six-week repair of its landing');
const otherStory = 'Library opens late on Thursdays\n\nThe Portwick library will stay open until nine on Thursdays from next month.';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite') });
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function importFile(fileName: string, text: string, onDuplicate?: 'ask' | 'copy'): Promise<ImportReply> {
  return services.handlers.importFile({ fileName, bytesBase64: Buffer.from(text).toString('base64'), onDuplicate });
}

function duplicateOf(reply: ImportReply): DuplicateFound {
  if (reply.outcome !== 'duplicate') throw new Error(`Expected a duplicate, got a new article ${reply.id}.`);
  return reply;
}

async function library(): Promise<ArticleSummary[]> {
  return services.handlers.listArticles({});
}

describe('importing text the library already holds', () => {
  it('stores nothing and names the existing article, whether the same file or the same text pasted comes again', async () => {
    const first = importedArticle(await importFile('ferry.txt', story));
    expect(first.importedFrom).toEqual({ kind: 'file', format: 'plaintext', fileName: 'ferry.txt' });
    expect(first.copyOf).toBeNull();

    const again = duplicateOf(await importFile('ferry.txt', story));
    expect(again.existing).toMatchObject({ id: first.id, title: 'Ferry service to Lark Island resumes' });
    const pasted = duplicateOf(await services.handlers.importText({ text: storyRewrapped }));
    expect(pasted.existing.id).toBe(first.id);
    // Another file name and another format holding the same words is the same story too.
    const asMarkdown = duplicateOf(await importFile('ferry.md', `# ${story}`));
    expect(asMarkdown.existing.id).toBe(first.id);

    expect((await library()).map((article) => article.id)).toEqual([first.id]);
    // Different words are a different story.
    expect(importedArticle(await importFile('library.txt', otherStory)).copyOf).toBeNull();
  });

  it('imports a copy when asked, numbered in arrival order and marked as a copy of the original', async () => {
    const original = importedArticle(await importFile('ferry.txt', story));
    const firstCopy = importedArticle(await importFile('ferry.txt', story, 'copy'));
    const secondCopy = importedArticle(await services.handlers.importText({ text: story, onDuplicate: 'copy' }));
    expect(firstCopy.id).not.toBe(original.id);
    expect(firstCopy.copyOf).toEqual({ originalId: original.id, originalTitle: original.title, copyNumber: 1 });
    expect(secondCopy.copyOf).toEqual({ originalId: original.id, originalTitle: original.title, copyNumber: 2 });
    expect(secondCopy.importedFrom).toEqual({ kind: 'pasted' });

    const listed = new Map((await library()).map((article) => [article.id, article]));
    expect(listed.get(original.id)?.copyOf).toBeNull();
    expect(listed.get(secondCopy.id)?.copyOf?.copyNumber).toBe(2);
    // A later question names the original, the earliest of them.
    expect(duplicateOf(await importFile('ferry.txt', story)).existing.id).toBe(original.id);

    // With the original gone, the first copy is the earliest arrival of that text and no longer a copy.
    await services.handlers.deleteArticle({ id: original.id });
    const afterDelete = new Map((await library()).map((article) => [article.id, article]));
    expect(afterDelete.get(firstCopy.id)?.copyOf).toBeNull();
    expect(afterDelete.get(secondCopy.id)?.copyOf).toEqual({ originalId: firstCopy.id, originalTitle: firstCopy.title, copyNumber: 1 });
  });

  it('still recognises a story after it was edited, since the fingerprint is of the text as it arrived', async () => {
    const original = importedArticle(await importFile('ferry.txt', story));
    const record = await services.handlers.getArticle({ id: original.id });
    const doc = parseArticleDocument(record.doc);
    const edited = doc.type.create(doc.attrs, doc.content.replaceChild(1, doc.child(1).type.create(null, doc.type.schema.text('An edited first paragraph.'))));
    await services.handlers.saveArticle({ id: original.id, baseRevision: record.revision, doc: edited.toJSON() });
    expect(duplicateOf(await importFile('ferry.txt', story)).existing.id).toBe(original.id);
  });
});

describe('a database from before fingerprints (version 0003)', () => {
  it('gets the fingerprints of its articles filled at start-up, and their format left unrecorded', async () => {
    services.close();
    const path = join(temp.dir, 'old.sqlite');
    const old = new Database(path);
    applyMigrations(old, loadMigrations().slice(0, 3));
    const insert = old.prepare(
      "INSERT INTO articles (id, title, doc_json, plain_text, word_count, created_at, updated_at) VALUES (?, 'Ferry service to Lark Island resumes', ?, ?, 30, ?, ?)",
    );
    // What the 0003 app stored for the story: its document and its plain text (blocks joined by a blank line).
    const scratch = openServices({ databasePath: join(temp.dir, 'scratch.sqlite') });
    const imported = importedArticle(await scratch.handlers.importFile({ fileName: 'ferry.txt', bytesBase64: Buffer.from(story).toString('base64') }));
    const stored = await scratch.handlers.getArticle({ id: imported.id });
    const plainText = articleText(parseArticleDocument(stored.doc)).text;
    scratch.close();
    insert.run('art_old_a', JSON.stringify(stored.doc), plainText, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    insert.run('art_old_b', JSON.stringify(stored.doc), plainText, '2020-01-02T00:00:00Z', '2020-01-02T00:00:00Z');
    old.close();

    services = openServices({ databasePath: path });
    const fingerprints = services.db.prepare('SELECT content_fingerprint FROM articles ORDER BY seq').pluck().all() as string[];
    expect(fingerprints).toHaveLength(2);
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{64}$/);
    const listed = new Map((await library()).map((article) => [article.id, article]));
    expect(listed.get('art_old_a')).toMatchObject({ importedFrom: null, copyOf: null });
    // Two older imports of one story: the later is now named as the copy it always was.
    expect(listed.get('art_old_b')).toMatchObject({ importedFrom: null, copyOf: { originalId: 'art_old_a', copyNumber: 1 } });
    expect(duplicateOf(await importFile('ferry.txt', story)).existing.id).toBe('art_old_a');
  });
});

describe('the command line', () => {
  it('imports the same file twice, the second time as a copy with a warning line naming the original', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['main/cli/index.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });
    const db = join(temp.dir, 'cli.sqlite');
    const file = join(temp.dir, 'ferry.txt');
    writeFileSync(file, story);
    const first = await run(['import', file, '--db', db]);
    expect(first.stderr).toBe('');
    const second = await run(['import', file, '--db', db]);
    const firstId = first.stdout.trim();
    const secondId = second.stdout.trim();
    expect(secondId).toMatch(/^art_[0-9a-f]{16}$/);
    expect(secondId).not.toBe(firstId);
    expect(second.stderr).toBe(`${file}: warning: the library already holds this text as ${firstId} "Ferry service to Lark Island resumes"; imported as copy 1.\n`);
  });
});
