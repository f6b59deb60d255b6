import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api';
import { parseImportedFile } from '../../main/formats/importFile';
import { createImportReader, importWorkerLimits, type ImportReader } from '../../main/services/importReader';
import { sampleArticlePath } from '../support/taggedSample';

/** The import worker: the same article or refusal as reading in the calling thread, and a bounded heap. */

let reader: ImportReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
});

const sample = readFileSync(sampleArticlePath);

describe('reading imported files in the import worker', () => {
  it('gives the article the readers give in the calling thread', async () => {
    reader = createImportReader();
    const markdown = new TextEncoder().encode('# Council approves budget\n\n| District | Funds |\n|---|---|\n| North | 4.2 million |\n\nSaid [the mayor][m].\n\n[m]: http://example.org\n');
    expect(await reader.read('ghouta.txt', sample)).toEqual(await parseImportedFile('ghouta.txt', sample));
    expect(await reader.read('budget.md', markdown)).toEqual(await parseImportedFile('budget.md', markdown));
  });

  it('refuses what the readers refuse, with their code and message', async () => {
    reader = createImportReader();
    const refusal = await reader.read('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])).catch((error: unknown) => error);
    const direct = await parseImportedFile('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: (direct as ApiError).code, message: (direct as ApiError).message });
  });

  it('refuses a file that needs more memory than the worker may use, names it, and reads the next file in a new worker', async () => {
    reader = createImportReader(undefined, { ...importWorkerLimits, maxOldGenerationSizeMb: 64 });
    // 125,000 table rows: a million markdown-it tokens in the reader's windows, and 250,000 blocks to build.
    const table = new TextEncoder().encode(`# Table\n\n| a | b |\n|---|---|\n${'| cell | cell |\n'.repeat(125_000)}`);
    const refusal = await reader.read('table.md', table).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: 'too_large', message: expect.stringMatching(/^"table\.md" needs more memory to read than an import may use \(64 MB\)/) });
    expect((await reader.read('ghouta.txt', sample)).title).toMatch(/eastern Ghouta/);
  }, 60_000);
  it('ends the worker at once after a small file that reads into a large article, and keeps it after a small one', async () => {
    reader = createImportReader(undefined, { ...importWorkerLimits, endAfterBytes: 20_000, idleMs: 60_000 });
    const note = new TextEncoder().encode('# Council note\n\nThe council meets on Monday.\n');
    expect((await reader.read('note.md', note)).title).toBe('Council note');
    const first = reader.runningThreadId();
    expect(first).not.toBeNull();
    // Under 2 KB on disk, over 20,000 characters as an article: 1,000 one-letter paragraphs.
    const expanding = new TextEncoder().encode(`# Many paragraphs\n\n${'a\n\n'.repeat(1_000)}`);
    expect(expanding.byteLength).toBeLessThan(20_000);
    const article = await reader.read('many.md', expanding);
    expect(JSON.stringify(article).length).toBeGreaterThan(20_000);
    expect((article.doc as { content: unknown[] }).content).toHaveLength(1_001);
    expect(reader.runningThreadId()).toBeNull();
    // The next read starts a new worker, which stays after a small article.
    expect((await reader.read('note.md', note)).title).toBe('Council note');
    const next = reader.runningThreadId();
    expect(next).not.toBeNull();
    expect(next).not.toBe(first);
  });
});
