import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { codePointOffsetTable } from '../../common/offsets';
import type { NitfRecord } from '../../main/formats/nitf/recordWriter';
import { sharedRoot } from './taggedSample';
import { runXmllint, type XmllintFile } from './xmllintSync';

/**
 * NITF checks for tests: validation with xmllint (libxml2 in WebAssembly, from npm) against the official NITF
 * 3.6 XSD in ../shared, and a small reader that gets back what an importer would see (the plain text, the
 * inline tags with their offsets, and our record), to prove an export re-imports with the same text and spans.
 */

/** The NITF 3.6 schema. */
export const nitfXsdPath = path.join(sharedRoot, 'standards', 'nitf', 'nitf-3-6.xsd');

/** The outcome of schema validation: xmllint's verdict and what it printed. */
export interface XmlValidation {
  valid: boolean;
  output: string;
}

/** The name the document has in xmllint's messages ("nitf.xml:12: ... Schemas validity error ..."). */
export const validatedFileName = 'nitf.xml';

/** Validates an XML document against the NITF 3.6 XSD (or the XSD at `schemaPath`) with xmllint-wasm. */
export function validateNitf(xml: string, schemaPath: string = nitfXsdPath): XmlValidation {
  const [schema, ...preload] = schemaFiles(schemaPath);
  return runXmllint({ xml: { fileName: validatedFileName, contents: xml }, schema: [schema!], preload });
}

/** Checks that a document is well-formed XML (no schema), with xmllint-wasm. */
export function checkWellFormed(xml: string): XmlValidation {
  return runXmllint({ xml: { fileName: validatedFileName, contents: xml }, schema: [], preload: [] });
}

const schemaFilesByPath = new Map<string, XmllintFile[]>();

/**
 * The XSD at `schemaPath` first, then every file it imports or includes, named by their paths relative to its
 * folder: xmllint-wasm reads nothing from disk, so they go into its in-memory file system where the
 * `schemaLocation`s point.
 */
export function schemaFiles(schemaPath: string): XmllintFile[] {
  const cached = schemaFilesByPath.get(schemaPath);
  if (cached) return cached;
  const folder = path.dirname(schemaPath);
  const files: XmllintFile[] = [];
  const pending = [path.basename(schemaPath)];
  const seen = new Set(pending);
  while (pending.length > 0) {
    const fileName = pending.shift()!;
    const contents = readFileSync(path.join(folder, fileName), 'utf8');
    files.push({ fileName, contents });
    for (const [, location] of contents.matchAll(/<(?:\w+:)?(?:import|include|redefine)\b[^>]*\bschemaLocation="([^"]+)"/g)) {
      const referenced = path.posix.normalize(path.posix.join(path.posix.dirname(fileName), location!));
      if (referenced.startsWith('..') || /^[a-z]+:/i.test(location!)) {
        throw new Error(`${fileName} refers to ${location}, outside its folder: xmllint-wasm cannot load it`);
      }
      if (!seen.has(referenced)) {
        seen.add(referenced);
        pending.push(referenced);
      }
    }
  }
  schemaFilesByPath.set(schemaPath, files);
  return files;
}

/** One NITF inline element carrying `na:ann`, with code-point offsets into the read plain text. */
export interface NitfInlineTagRead {
  annotationId: string;
  element: string;
  attributes: Record<string, string>;
  start: number;
  end: number;
  text: string;
}

/** What a reader gets back from an NITF export. */
export interface NitfReading {
  title: string;
  // Each text block in document order: the element it came from and its text.
  blocks: { element: string; text: string }[];
  // The blocks joined by a blank line: the plain text the record's offsets count.
  text: string;
  inline: NitfInlineTagRead[];
  record: NitfRecord | null;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // fast-xml-parser decodes numeric character references (&#13;) only with this on.
  htmlEntities: true,
});

const blockElements = new Set(['hl1', 'dateline', 'p', 'hl2', 'media-caption', 'tagline']);
// Element-only wrappers a reader walks through to reach text blocks; media-producer (a caption's credit)
// and media-reference hold no article text.
const wrapperElements = new Set(['nitf', 'body', 'body.head', 'hedline', 'abstract', 'body.content', 'media', 'body.end']);

/** Reads an NITF export the way an importer would. */
export function readNitf(xml: string): NitfReading {
  const document = parser.parse(xml) as OrderedNode[];
  const blocks: { element: string; text: string }[] = [];
  const inlineUtf16: Omit<NitfInlineTagRead, 'text'>[] = [];
  let text = '';
  let title = '';
  let record: NitfRecord | null = null;

  const readInline = (nodes: OrderedNode[]): void => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === '#text') {
        text += String(node['#text']);
        continue;
      }
      const attributes = attributesOf(node);
      const start = text.length;
      readInline(childrenOf(node));
      if (attributes['na:ann']) inlineUtf16.push({ annotationId: attributes['na:ann'], element: name, attributes, start, end: text.length });
    }
  };
  const walk = (nodes: OrderedNode[]): void => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'head') {
        const head = childrenOf(node);
        title = textOf(head.find((child) => nameOf(child) === 'title'));
        const docdata = head.find((child) => nameOf(child) === 'docdata');
        const recordNode = docdata && childrenOf(docdata).find((child) => nameOf(child) === 'na:annotations');
        if (recordNode) record = JSON.parse(textOf(recordNode)) as NitfRecord;
      } else if (blockElements.has(name)) {
        if (blocks.length > 0) text += '\n\n';
        const start = text.length;
        readInline(childrenOf(node));
        blocks.push({ element: name, text: text.slice(start) });
      } else if (wrapperElements.has(name)) {
        walk(childrenOf(node));
      }
    }
  };
  walk(document);

  const toCodePoint = codePointOffsetTable(text);
  const inline = inlineUtf16.map((tag) => ({ ...tag, start: toCodePoint(tag.start), end: toCodePoint(tag.end), text: text.slice(tag.start, tag.end) }));
  return { title, blocks, text, inline, record };
}

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function attributesOf(node: OrderedNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

function textOf(node: OrderedNode | undefined): string {
  if (!node) return '';
  return childrenOf(node)
    .map((child) => (nameOf(child) === '#text' ? String(child['#text']) : textOf(child)))
    .join('');
}

/** The slice of `text` between two code-point offsets. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
