import { describe, expect, it } from 'vitest';
import { jsonTextChunks, maxPieceLength } from '../../main/host/jsonTextChunks';

/** JSON text in pieces: joined, the pieces are JSON.stringify's text, and no piece carries a whole long string. */

function joined(value: unknown): { text: string; longest: number } {
  let text = '';
  let longest = 0;
  for (const piece of jsonTextChunks(value)) {
    text += piece;
    longest = Math.max(longest, piece.length);
  }
  return { text, longest };
}

describe('jsonTextChunks', () => {
  it('writes what JSON.stringify writes, for the shapes of API answers', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5e-7,
      Number.NaN,
      true,
      '',
      'plain',
      'quotes " and \\ backslashes, \n\t\u0000\u001f controls, \u2028, 😀 and a lone \ud83d half',
      [],
      [1, undefined, () => 1, 'x', null],
      {},
      { ok: true, value: { articleId: 'art_1', files: [{ fileName: 'a.json', mimeType: 'application/json', content: '{\n  "a": 1\n}\n' }], warnings: ['w'] } },
      { skipped: undefined, fn: () => 1, kept: 1, nested: { deeper: [{ date: new Date(0) }] }, map: new Map([[1, 2]]) },
      Object.assign(Object.create(null) as object, { attrs: 'null prototype' }),
    ];
    for (const value of values) expect(joined(value).text).toBe(JSON.stringify(value));
  });

  it('cuts a long string into pieces without parting a surrogate pair, and joins to the same text', () => {
    // Astral characters at every alignment across the piece boundaries, escapes and right-to-left script.
    const content = `${'a'.repeat(maxPieceLength - 1)}😀${'"\n'.repeat(maxPieceLength)}${'مرحبا 😀 '.repeat(30_000)}\ude00 end`;
    const value = { ok: true, value: { files: [{ fileName: 'big.html', content }, { fileName: 'second', content: content.slice(1) }] } };
    const { text, longest } = joined(value);
    expect(text).toBe(JSON.stringify(value));
    expect(JSON.parse(text)).toEqual(value);
    // An escaped character takes at most six (\u0000); the string alone is several times longer than any piece.
    expect(longest).toBeLessThanOrEqual(6 * maxPieceLength);
    expect(longest).toBeLessThan(content.length / 3);
  });
});
