import { ApiError } from '../../../common/api';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Parsing XML that comes from outside (NITF files, the parts of a .docx) without its dangerous features.
 * Entity declarations are refused before any parser sees the text: they are how the "billion laughs"
 * attack expands a few bytes into gigabytes and how external entities read other files. A bare DOCTYPE
 * that only names an external DTD, as many NITF feeds carry, is harmless because nothing is ever fetched,
 * so it is dropped. Entities are then decoded here (the five predefined ones and character references),
 * never by the parser.
 */

/** An XML element with its local name (namespace prefixes dropped) and decoded attributes. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** A node of a parsed XML tree: an element, or decoded text. */
export type XmlNode = XmlElement | string;

const quoted = `(?:"[^"]*"|'[^']*')`;
const bareDoctype = new RegExp(`^<!DOCTYPE\\s+[^\\s[>]+(?:\\s+(?:SYSTEM\\s+${quoted}|PUBLIC\\s+${quoted}\\s+${quoted}))?\\s*>`, 'iu');

/** Refuses entity declarations and DOCTYPE internal subsets; returns the XML with a bare DOCTYPE removed. */
export function withoutUnsafeDoctype(what: string, xml: string): string {
  if (/<!ENTITY/iu.test(xml)) {
    throw new ApiError(
      'invalid_file',
      `${what} declares XML entities (<!ENTITY …>), which can expand without bound (the "billion laughs" attack) or read other files, so it was not imported.`,
    );
  }
  const at = xml.search(/<!DOCTYPE/iu);
  if (at < 0) return xml;
  const doctype = bareDoctype.exec(xml.slice(at));
  if (!doctype || /<!DOCTYPE/iu.test(xml.slice(at + doctype[0].length))) {
    throw new ApiError(
      'invalid_file',
      `${what} has a DOCTYPE with its own declarations, which can define expanding or external entities, so it was not imported.`,
    );
  }
  return xml.slice(0, at) + xml.slice(at + doctype[0].length);
}

const predefinedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : entity;
    }
    return predefinedEntities[name] ?? entity;
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: '#cdata',
});

type OrderedItem = Record<string, unknown>;

function toNodes(items: readonly OrderedItem[], literal = false): XmlNode[] {
  return items.flatMap((item): XmlNode[] => {
    if ('#text' in item) return [literal ? String(item['#text']) : decodeEntities(String(item['#text']))];
    const name = Object.keys(item).find((key) => key !== ':@');
    if (name === undefined) return [];
    const children = item[name] as OrderedItem[];
    // CDATA is literal text: no entity in it is decoded.
    if (name === '#cdata') return toNodes(children, true);
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>)) attributes[key] = decodeEntities(String(value));
    return [{ name, attributes, children: toNodes(children) }];
  });
}

/**
 * Parses untrusted XML into a tree and returns its root element. Refuses entity declarations, DOCTYPE
 * internal subsets and malformed XML with an 'invalid_file' ApiError naming `what` and the problem.
 */
export function parseUntrustedXml(what: string, xml: string): XmlElement {
  const safe = withoutUnsafeDoctype(what, xml);
  const validation = XMLValidator.validate(safe);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new ApiError('invalid_file', `${what} is not well-formed XML (line ${line}, column ${col}: ${msg}), so it was not imported.`);
  }
  let items: OrderedItem[];
  try {
    items = parser.parse(safe) as OrderedItem[];
  } catch (error) {
    throw new ApiError('invalid_file', `${what} could not be read as XML (${(error as Error).message}), so it was not imported.`);
  }
  const root = toNodes(items).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new ApiError('invalid_file', `${what} holds no XML element, so it was not imported.`);
  return root;
}

/** All the text inside a node, in document order. */
export function xmlText(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(xmlText).join('');
}

/** The child elements of an element with a given local name. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}
