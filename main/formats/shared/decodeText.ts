import { maxImportBytes, ApiError } from '../../../common/api';

/**
 * Turning the bytes of an imported file into text, refusing what is not text. A file that is binary, in
 * another encoding or too large is stopped here with a message that says so, so no importer ever sees
 * mojibake or has to guard its own size.
 */

// Control characters and the invisible marks that reorder text (a name ending "\u202Etxt.exe" shows as
// "exe.txt"): a message shows them as U+FFFD, so it reads as the name really is.
const unshowable = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// Names longer than this are shortened in messages, keeping their end, where the extension is.
const maxShownName = 80;

/**
 * How messages name a file: its name without folders and surrounding spaces, in quotes, with control and
 * bidi characters shown as U+FFFD and a very long name shortened around an ellipsis.
 */
export function describeFile(fileName: string): string {
  const baseName = (fileName.split(/[\\/]/).pop() ?? fileName).trim();
  const shown = (baseName || fileName.trim()).replace(unshowable, '\uFFFD');
  const characters = [...shown];
  const short = characters.length <= maxShownName ? shown : `${characters.slice(0, maxShownName - 21).join('')}…${characters.slice(-20).join('')}`;
  return `"${short}"`;
}

/** A byte count as people read it in messages: "5 MB", "7.3 MB", rounded up so nothing over a limit reads as equal to it. */
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The message for input over the import limit; `what` names it ("notes.txt"). */
export function importLimitMessage(what: string, byteLength: number): string {
  return `${what} is ${formatMegabytes(byteLength)}, larger than the import limit of ${formatMegabytes(maxImportBytes)}.`;
}

/** Refuses input over the import limit before any work is spent on it; `what` names it ("notes.txt"). */
export function assertWithinImportLimit(what: string, byteLength: number): void {
  if (byteLength > maxImportBytes) throw new ApiError('too_large', importLimitMessage(what, byteLength));
}

// Signatures of the binary files people most often pick by mistake, so the message can name them.
const binarySignatures: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a zip archive (for example a .docx)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old-format Office file (.doc) or a password-protected document' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
];

/** What kind of known binary file the bytes start like, or null when they match no known signature. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  const match = binarySignatures.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte));
  return match?.kind ?? null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function decodeStrict(what: string, bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    // The decoder consumes a byte-order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const name = encoding.toUpperCase();
    const hint = encoding === 'utf-8' ? ' It may be in another encoding (such as Windows-1252 or Latin-1); save it as UTF-8 and import it again.' : '';
    throw new ApiError('invalid_file', `${what} is not valid ${name} text, so it was not imported.${hint}`);
  }
}

// C0 controls other than tab, line feed, carriage return and form feed, plus DEL: never part of real copy.
const strayControlPattern = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Checks text that is about to be imported, from a file or pasted: it must not be empty or binary.
 * Returns the text with the few stray control characters that real copy sometimes carries removed.
 */
export function checkImportedText(what: string, text: string): string {
  if (text.includes('\u0000')) {
    throw new ApiError('invalid_file', `${what} looks like a binary file, not text (it contains NUL bytes), so it was not imported.`);
  }
  const controls = text.match(strayControlPattern)?.length ?? 0;
  // A few stray controls (a DOS end-of-file mark, a pasted escape) are noise; many mean binary data.
  if (controls > Math.max(4, text.length / 100)) {
    throw new ApiError('invalid_file', `${what} looks like a binary file, not text (it is full of control characters), so it was not imported.`);
  }
  if (text.trim() === '') {
    throw new ApiError('invalid_file', `${what} is empty${text.length > 0 ? ' (it holds only whitespace)' : ''}, so there is nothing to import.`);
  }
  return controls > 0 ? text.replace(strayControlPattern, '') : text;
}

/**
 * Decodes an imported file as text: UTF-8 (a byte-order mark is dropped), or UTF-16 when a byte-order mark
 * says so. Refuses files over the limit, empty files, binary files and bytes that are not valid in the
 * encoding, with a message naming the file and the problem.
 */
export function decodeText(fileName: string, bytes: Uint8Array): string {
  const what = describeFile(fileName);
  assertWithinImportLimit(what, bytes.byteLength);
  if (bytes.byteLength === 0) throw new ApiError('invalid_file', `${what} is empty (0 bytes), so there is nothing to import.`);
  const binaryKind = sniffBinaryKind(bytes);
  if (binaryKind) throw new ApiError('invalid_file', `${what} is ${binaryKind}, not text, so it was not imported.`);
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = decodeStrict(what, bytes, 'utf-16le');
  else if (startsWith(bytes, [0xfe, 0xff])) text = decodeStrict(what, bytes, 'utf-16be');
  else {
    // Checked before decoding: a NUL byte is valid UTF-8 but says "binary", the more useful message.
    if (bytes.includes(0)) {
      throw new ApiError('invalid_file', `${what} looks like a binary file, not text (it contains NUL bytes), so it was not imported.`);
    }
    text = decodeStrict(what, bytes, 'utf-8');
  }
  return checkImportedText(what, text);
}
