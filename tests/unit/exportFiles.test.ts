import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnsafeFileNameError, writeExportedFile, writtenSliceLength } from '../../main/cli/exportFiles';

/** Exported files written a slice at a time: the same bytes as the whole text encoded at once, in the folder only. */

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'annotator-export-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeExportedFile', () => {
  it('writes a large text as the UTF-8 of the whole, with surrogate pairs across every slice boundary kept whole', async () => {
    // An emoji straddles the first boundary, right-to-left script and more emoji run past the next ones.
    const content = `${'a'.repeat(writtenSliceLength - 1)}😀${'مرحبا 😀 "x"\n'.repeat(250_000)}end`;
    const path = await writeExportedFile(folder, 'big.json', content);
    expect(path).toBe(join(folder, 'big.json'));
    expect(readFileSync(path).equals(Buffer.from(content, 'utf8'))).toBe(true);
    // Only the file itself is left: no temporary file beside it.
    expect(readdirSync(folder)).toEqual(['big.json']);
  });

  it('replaces a symbolic link planted under the name instead of writing through it, and refuses names outside the folder', async () => {
    const outside = join(folder, '..', `outside-${Date.now()}.txt`);
    writeFileSync(outside, 'untouched');
    try {
      symlinkSync(outside, join(folder, 'planted.txt'));
      await writeExportedFile(folder, 'planted.txt', 'exported');
      expect(lstatSync(join(folder, 'planted.txt')).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(folder, 'planted.txt'), 'utf8')).toBe('exported');
      expect(readFileSync(outside, 'utf8')).toBe('untouched');
      await expect(writeExportedFile(folder, '../escape.txt', 'x')).rejects.toBeInstanceOf(UnsafeFileNameError);
    } finally {
      rmSync(outside, { force: true });
    }
  });
});
