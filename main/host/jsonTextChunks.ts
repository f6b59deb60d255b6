/**
 * JSON text written in pieces: the pieces of `jsonTextChunks(value)` joined are exactly `JSON.stringify(value)`,
 * but no piece holds more than about `maxPieceLength` characters of one string. A host that sends an export's
 * files this way never holds the escaped copy of the whole output, nor its UTF-8 bytes, beside the output
 * itself (for a 100,000-block article's JSON export, some 45 MB).
 */

/** How many characters of a long string one piece carries at most. */
export const maxPieceLength = 64 * 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// A string as JSON.stringify writes it, in slices that never part a surrogate pair: JSON.stringify escapes a
// lone half as \udxxx, where the whole pair is written as the character itself.
function* stringPieces(text: string): Generator<string> {
  if (text.length <= maxPieceLength) {
    yield JSON.stringify(text);
    return;
  }
  yield '"';
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + maxPieceLength);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    yield JSON.stringify(text.slice(start, end)).slice(1, -1);
    start = end;
  }
  yield '"';
}

// What JSON.stringify leaves out of an object, and writes as null in an array.
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * The JSON text of `value` in pieces. Meant for API answers, whose nesting this code fixes (an export is an
 * object holding a list of files): it recurses once per level of nesting. Values JSON.stringify would change
 * (a toJSON method, a Map, a number that is not finite) are written by JSON.stringify itself.
 */
export function* jsonTextChunks(value: unknown): Generator<string> {
  if (typeof value === 'string') {
    yield* stringPieces(value);
  } else if (Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) yield ',';
      const item: unknown = value[index];
      if (isSkipped(item)) yield 'null';
      else yield* jsonTextChunks(item);
    }
    yield ']';
  } else if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function' && Object.getPrototypeOf(value) === Object.prototype) {
    yield '{';
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (isSkipped(member)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonTextChunks(member);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}
