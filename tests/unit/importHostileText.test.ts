import { describe, expect, it } from 'vitest';
import { maxImportBytes, ApiError } from '../../common/api';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { importFormats, parseImportedFile, parsePastedText } from '../../main/formats/importFile';

const article = 'Talks stall\n\nNegotiators met on Sunday, officials said.\n\nThey will meet again.';

async function refusal(run: () => unknown): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('The import was expected to be refused.');
}

async function textsOf(fileName: string, bytes: Uint8Array): Promise<string[]> {
  const imported = await parseImportedFile(fileName, bytes);
  return articleText(parseArticleDocument(imported.doc)).blocks.map((block) => block.text);
}

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const littleEndian = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return endian === 'le' ? littleEndian : littleEndian.swap16();
}

describe('refused text files', () => {
  it('refuses an empty file and a whitespace-only file, naming the file', async () => {
    const empty = await refusal(() => parseImportedFile('/home/desk/empty.txt', new Uint8Array()));
    expect(empty.code).toBe('invalid_file');
    expect(empty.message).toBe('"empty.txt" is empty (0 bytes), so there is nothing to import.');
    const blank = await refusal(() => parseImportedFile('blank.txt', new TextEncoder().encode(' \n\t\r\n \u00a0\n')));
    expect(blank.message).toMatch(/^"blank\.txt" is empty \(it holds only whitespace\)/);
  });

  it('refuses binary files: known signatures by name, NUL bytes, and text full of control characters', async () => {
    const png = await refusal(() => parseImportedFile('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])));
    expect(png.message).toMatch(/^"photo\.txt" is a PNG image, not text/);
    const pdf = await refusal(() => parseImportedFile('report.txt', new TextEncoder().encode('%PDF-1.7\nrest of file')));
    expect(pdf.message).toMatch(/is a PDF document, not text/);
    // Invalid UTF-8 as well: the NUL byte, not the encoding, is what the message must name.
    const nul = await refusal(() => parseImportedFile('data.txt', Uint8Array.from([0x41, 0x42, 0x00, 0xc3, 0x28])));
    expect(nul.message).toMatch(/^"data\.txt" looks like a binary file, not text \(it contains NUL bytes\)/);
    const controls = await refusal(() => parseImportedFile('dump.txt', Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41))));
    expect(controls.message).toMatch(/full of control characters/);
  });

  it('refuses text that is not valid UTF-8 instead of importing mojibake', async () => {
    // "café" saved as Latin-1: the é is a lone 0xE9 byte.
    const latin1 = Uint8Array.from([...new TextEncoder().encode('Talks in the caf'), 0xe9, 0x0a]);
    const error = await refusal(() => parseImportedFile('latin1.txt', latin1));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/^"latin1\.txt" is not valid UTF-8 text, so it was not imported\./);
    expect(error.message).toMatch(/save it as UTF-8/);
  });

  it('refuses a file over the import limit with too_large, stating the limit in MB, before reading it', async () => {
    const big = new Uint8Array(maxImportBytes + 1).fill(0x41);
    for (const name of ['big.txt', 'big.docx', 'big.xml', 'big.png']) {
      const error = await refusal(() => parseImportedFile(name, big));
      expect(error.code).toBe('too_large');
      expect(error.message).toBe(`"${name}" is 5.1 MB, larger than the import limit of 5 MB.`);
    }
    const atLimit = new Uint8Array(maxImportBytes).fill(0x41);
    await expect(parseImportedFile('exact.txt', atLimit)).resolves.toMatchObject({ source: '' });
  });

  it('refuses pasted text that is empty, binary or too large', async () => {
    expect((await refusal(() => parsePastedText('   \n\n'))).message).toMatch(/^The pasted text is empty/);
    expect((await refusal(() => parsePastedText('a\u0000b'))).message).toMatch(/^The pasted text looks like a binary file/);
    const tooLarge = await refusal(() => parsePastedText('é'.repeat(maxImportBytes / 2 + 1)));
    expect(tooLarge.code).toBe('too_large');
    expect(tooLarge.message).toMatch(/^The pasted text is .* MB, larger than the import limit of 5 MB\.$/);
  });
});

describe('accepted encodings', () => {
  it('decodes UTF-16 with a byte-order mark, little- and big-endian, astral characters included', async () => {
    const text = 'Café talks 🕊️\n\nنص عربي قصير في الفقرة.';
    for (const endian of ['le', 'be'] as const) {
      expect(await textsOf(`utf16${endian}.txt`, utf16(text, endian))).toEqual(['Café talks 🕊️', 'نص عربي قصير في الفقرة.']);
    }
  });

  it('refuses UTF-16 that is cut in the middle of a character', async () => {
    const broken = utf16('Talks', 'le').slice(0, -1);
    expect((await refusal(() => parseImportedFile('cut.txt', broken))).message).toMatch(/is not valid UTF-16LE text/);
  });

  it('drops a UTF-8 byte-order mark and stray control characters such as a DOS end-of-file mark', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${article}\u001a`);
    const texts = await textsOf('dos.txt', bytes);
    expect(texts[0]).toBe('Talks stall');
    expect(texts[texts.length - 1]).toBe('They will meet again.');
  });
});

describe('formats chosen by extension', () => {
  it('refuses an unknown format, listing the supported ones and naming what the file looks like', async () => {
    const png = await refusal(() => parseImportedFile('photo.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])));
    expect(png.code).toBe('invalid_file');
    expect(png.message).toMatch(/^"photo\.png" cannot be imported: \.png files are not a supported format\. It looks like a PNG image\./);
    for (const format of importFormats) for (const extension of format.extensions) expect(png.message).toContain(`.${extension}`);
    const bare = await refusal(() => parseImportedFile('README', new TextEncoder().encode(article)));
    expect(bare.message).toMatch(/files without an extension are not a supported format\. Supported formats: Plain text \(\.txt, \.text\)/);
  });

  it('reads extensions case-insensitively', async () => {
    expect(await textsOf('ARTICLE.TXT', new TextEncoder().encode(article))).toHaveLength(3);
  });

  it('reads .json only as this app\'s own JSON export, refusing other JSON and broken JSON by name', async () => {
    const other = await refusal(() => parseImportedFile('export.json', new TextEncoder().encode('{}')));
    expect(other.code).toBe('invalid_file');
    expect(other.message).toBe('"export.json" cannot be imported: the file is not a Newsroom Annotator JSON export (its "format" is not "newsroom-annotator").');
    const broken = await refusal(() => parseImportedFile('broken.json', new TextEncoder().encode('{"format": ')));
    expect(broken.message).toMatch(/^"broken\.json" cannot be imported: the file is not valid JSON: /);
  });
});
