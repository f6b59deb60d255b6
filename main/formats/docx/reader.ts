import { ApiError } from '../../../common/api';
import mammoth from 'mammoth';
import type { DraftArticle } from '../shared/articleDraft';
import { parseHtml } from '../html/reader';
import { assertXmlWithinLimits, parseUntrustedXml, withoutUnsafeDoctype, xmlText, type XmlElement, type XmlNode } from '../shared/safeXml';
import { maxMarkupDepth } from '../shared/expansionLimits';
import { docxZipLimits, readGuardedZip } from '../shared/zipGuard';
import { bodySliceChars, bodySlices } from './bodySlices';

/**
 * Word (.docx) articles. The archive is checked by the zip guard before mammoth sees it; mammoth turns
 * the document into HTML, which the HTML reader reads (headings, paragraphs, lists, captions). What
 * mammoth passes over silently is reported as a warning instead: comments are not imported, and tracked
 * changes come through as if accepted, so an editor must know they were there.
 */

// Word's built-in styles that map onto article blocks; headings and lists are in mammoth's defaults.
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  // Not built in, but newsroom templates name the style for the place and date line so.
  "p[style-name='Dateline'] => p.dateline:fresh",
  // Style names match case-insensitively: Word names its built-in caption style "caption".
  "p[style-name='Caption'] => figcaption:fresh",
];

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function elementsNamed(node: XmlNode, name: string): XmlElement[] {
  if (typeof node === 'string') return [];
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => elementsNamed(child, name))];
}

// Word keeps comments in their own part; each becomes one line of the warning.
function commentWarnings(what: string, commentsXml: Buffer | undefined): string[] {
  if (!commentsXml) return [];
  const comments = elementsNamed(parseUntrustedXml(what, commentsXml.toString('utf8')), 'comment');
  return comments.map((comment) => {
    const text = elementsNamed(comment, 't').map(xmlText).join('').replace(/\s+/gu, ' ').trim();
    const author = comment.attributes.author ? ` by ${comment.attributes.author}` : '';
    return `A Word comment${author} was not imported: "${text}".`;
  });
}

function count(xml: string, element: string): number {
  // The name must end at the tag's edge, so <w:ins …> counts and <w:insideH> does not.
  return xml.match(new RegExp(`<w:${element}[\\s/>]`, 'gu'))?.length ?? 0;
}

function trackedChangesWarning(documentXml: string): string[] {
  const insertions = count(documentXml, 'ins') + count(documentXml, 'moveTo');
  const deletions = count(documentXml, 'del') + count(documentXml, 'moveFrom');
  if (insertions + deletions === 0) return [];
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `The Word document has tracked changes that were not accepted or rejected (${plural(insertions, 'insertion')}, ${plural(deletions, 'deletion')}); ` +
      'they were imported as if accepted: inserted text kept, deleted text left out. Check the copy against the Word file.',
  ];
}

// Mammoth reports every paragraph style it has no mapping for; the importer flattens styles on purpose.
function isStyleNotice(message: string): boolean {
  return /^Unrecognised (?:paragraph|run|table) style/u.test(message);
}

// Images are not imported, so they are not encoded for nothing; linked files are never read.
const conversionOptions = { styleMap, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) };

// The package's main document is word/document.xml (the part this reader checks and cuts), as Word writes it.
function mainDocumentIsWordDocument(parts: ReadonlyMap<string, Buffer>): boolean {
  const rels = parts.get('_rels/.rels')?.toString('utf8') ?? '';
  const targets = [...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((match) => match[0]).filter((tag) => /Type="[^"]*\/officeDocument"/u.test(tag));
  return targets.length > 0 && targets.every((tag) => /Target="\/?word\/document\.xml"/u.test(tag));
}

// Mammoth's view of the archive (its `file` input, read through unzip.js): the parts the zip guard inflated,
// with document.xml replaced by one slice of it.
function archiveWithDocument(parts: ReadonlyMap<string, Buffer>, documentXml: string) {
  return {
    exists: (name: string) => parts.has(name),
    read: async (name: string, encoding?: string): Promise<string | Uint8Array> => {
      if (name === 'word/document.xml') return encoding ? documentXml : new TextEncoder().encode(documentXml);
      const part = parts.get(name);
      if (!part) throw new Error(`the archive has no ${name}`);
      return encoding ? new TextDecoder(encoding).decode(part) : part;
    },
  };
}

// The document as HTML: converted whole, or, when it is long, slice by slice (see bodySlices.ts), each
// slice's DOM let go before the next is read.
async function convertedToHtml(bytes: Uint8Array, parts: ReadonlyMap<string, Buffer>, documentXml: Buffer, sliceChars: number): Promise<{ value: string; messages: { message: string }[] }> {
  const whole = () => mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, conversionOptions);
  // A UTF-8 document.xml only (a byte-order mark is dropped, as mammoth's own decoding drops it).
  const text = documentXml.toString('utf8').replace(/^\uFEFF/u, '');
  const slices = text.startsWith('<') && mainDocumentIsWordDocument(parts) ? bodySlices(text, sliceChars) : null;
  if (!slices || slices.documents.length < 2) return whole();
  const html: string[] = [];
  const messages: { message: string }[] = [];
  for (const slice of slices.documents) {
    // `file` is the input unzip.js takes besides `path` and `buffer`; mammoth's typings leave it out.
    const input = { file: archiveWithDocument(parts, slice) } as unknown as { buffer: Buffer };
    const converted = await mammoth.convertToHtml(input, conversionOptions);
    html.push(converted.value);
    messages.push(...converted.messages);
  }
  return { value: html.join(''), messages };
}

/**
 * Reads a .docx: refuses files that are not zip archives (naming old .doc and protected files), zip bombs,
 * archives without a Word document and XML parts declaring entities; returns the article with warnings
 * for comments, tracked changes and anything else mammoth could not convert. A long document is converted
 * in slices of about `sliceChars` of its XML (tests give smaller ones).
 */
export async function parseDocx(what: string, bytes: Uint8Array, sliceChars = bodySliceChars): Promise<DraftArticle> {
  if (startsWith(bytes, oleSignature)) {
    throw new ApiError('invalid_file', `${what} is an old-format Word (.doc) file or a password-protected document, not a .docx; save it from Word as an unprotected .docx and import that.`);
  }
  if (!startsWith(bytes, zipSignature)) {
    throw new ApiError('invalid_file', `${what} is not a real .docx: a .docx file is a zip archive, and this file is not one.`);
  }
  const parts = await readGuardedZip(what, bytes, docxZipLimits, (name) => /\.(?:xml|rels)$/u.test(name));
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new ApiError('invalid_file', `${what} is a zip archive but not a Word document (it has no word/document.xml).`);
  // Mammoth's XML reader must never meet an entity declaration, nor more elements than can be held in memory,
  // nor nesting deeper than its recursion survives.
  for (const [, part] of parts) assertXmlWithinLimits(what, withoutUnsafeDoctype(what, part.toString('utf8')), maxMarkupDepth);
  let converted: { value: string; messages: { message: string }[] };
  try {
    converted = await convertedToHtml(bytes, parts, documentXml, sliceChars);
  } catch (error) {
    throw new ApiError('invalid_file', `${what} could not be read as a Word document (${(error as Error).message}).`);
  }
  const draft = parseHtml(converted.value);
  const conversionNotices = converted.messages.map((message) => message.message).filter((message) => !isStyleNotice(message));
  draft.warnings.push(
    ...commentWarnings(what, parts.get('word/comments.xml')),
    ...trackedChangesWarning(documentXml.toString('utf8')),
    ...[...new Set(conversionNotices)].map((message) => `Word conversion: ${message}`),
  );
  return draft;
}
