import { ApiError } from '../../../common/api';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { maxMarkupDepth, maxXmlElements } from './expansionLimits';

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

/**
 * The stretches of `xml` that are markup: everything outside comments and CDATA sections, as [start, end)
 * offsets. `<!ENTITY` quoted in a comment or in CDATA text declares nothing. One scan with indexOf, so a file
 * full of unclosed comments costs no more than one read.
 */
function markupRanges(xml: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<!', at);
    if (open < 0) break;
    const closer = xml.startsWith('<!--', open) ? '-->' : xml.startsWith('<![CDATA[', open) ? ']]>' : null;
    if (!closer) {
      at = open + 2;
      continue;
    }
    ranges.push([from, open]);
    const close = xml.indexOf(closer, open + 4);
    from = close < 0 ? xml.length : close + closer.length;
    at = from;
  }
  if (from < xml.length) ranges.push([from, xml.length]);
  return ranges;
}

// The offset of the first match of `pattern` in the markup of `xml` (outside comments and CDATA), or -1.
function searchMarkup(xml: string, ranges: ReadonlyArray<[number, number]>, pattern: RegExp, after = 0): number {
  for (const [start, end] of ranges) {
    if (end <= after) continue;
    const from = Math.max(start, after);
    const found = xml.slice(from, end).search(pattern);
    if (found >= 0) return from + found;
  }
  return -1;
}

/** Refuses entity declarations and DOCTYPE internal subsets; returns the XML with a bare DOCTYPE removed. */
export function withoutUnsafeDoctype(what: string, xml: string): string {
  const ranges = markupRanges(xml);
  if (searchMarkup(xml, ranges, /<!ENTITY/iu) >= 0) {
    throw new ApiError(
      'invalid_file',
      `${what} declares XML entities (<!ENTITY …>), which can expand without bound (the "billion laughs" attack) or read other files, so it was not imported.`,
    );
  }
  const at = searchMarkup(xml, ranges, /<!DOCTYPE/iu);
  if (at < 0) return xml;
  const doctype = bareDoctype.exec(xml.slice(at, at + 2000));
  if (!doctype || searchMarkup(xml, ranges, /<!DOCTYPE/iu, at + doctype[0].length) >= 0) {
    throw new ApiError(
      'invalid_file',
      `${what} has a DOCTYPE with its own declarations, which can define expanding or external entities, so it was not imported.`,
    );
  }
  return xml.slice(0, at) + xml.slice(at + doctype[0].length);
}

/** One tag of an XML document's markup: where it is, and whether it opens, closes or is an empty element. */
interface XmlTag {
  start: number;
  end: number;
  kind: 'open' | 'close' | 'empty';
}

/**
 * The element tags of `xml` in order, outside comments and CDATA (processing instructions and declarations
 * are skipped). A tag ends at the first '>' outside a quoted attribute value. One linear scan.
 */
function* xmlTags(xml: string): Generator<XmlTag> {
  for (const [rangeStart, rangeEnd] of markupRanges(xml)) {
    let at = xml.indexOf('<', rangeStart);
    while (at >= 0 && at < rangeEnd) {
      const next = xml.charCodeAt(at + 1);
      let end = at + 1;
      let quote = 0;
      for (; end < rangeEnd; end++) {
        const code = xml.charCodeAt(end);
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === 0x22 || code === 0x27) quote = code;
        else if (code === 0x3e) break;
      }
      // '<?' and '<!' are not elements.
      if (next !== 0x3f && next !== 0x21) {
        const kind = next === 0x2f ? 'close' : xml.charCodeAt(end - 1) === 0x2f ? 'empty' : 'open';
        yield { start: at, end: end + 1, kind };
      }
      at = xml.indexOf('<', end + 1);
    }
  }
}

/**
 * Refuses XML whose parsed tree would be too large for memory (more than maxXmlElements elements), counted
 * in its markup before any parser builds a tree. With `maxDepth`, also refuses elements nested deeper than
 * that, for readers (mammoth) that recurse and cannot be handed a flattened copy.
 */
export function assertXmlWithinLimits(what: string, xml: string, maxDepth = Number.POSITIVE_INFINITY): void {
  let elements = 0;
  let depth = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'close') {
      depth--;
      continue;
    }
    if (++elements > maxXmlElements) {
      throw new ApiError(
        'invalid_file',
        `${what} holds more than ${maxXmlElements.toLocaleString('en')} XML elements, more than an article's markup ever needs and more than can be read safely, so it was not imported.`,
      );
    }
    if (tag.kind === 'open' && ++depth > maxDepth) {
      throw new ApiError('invalid_file', `${what} nests XML elements more than ${maxDepth} deep, far deeper than any real document, so it was not imported.`);
    }
  }
}

/**
 * Well-formed XML with the tags of elements nested deeper than maxMarkupDepth removed (their text stays, in
 * order). The parser builds a path string for every element as long as its nesting is deep, which made
 * 100,000 nested elements take minutes; flattened first, no reader ever sees such depth.
 */
function flattenDeepXml(xml: string): string {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let depth = 0;
  for (const tag of xmlTags(xml)) {
    const tooDeep = tag.kind === 'close' ? depth > maxMarkupDepth : depth >= maxMarkupDepth;
    if (tag.kind === 'open') depth++;
    else if (tag.kind === 'close') depth--;
    if (!tooDeep) continue;
    pieces.push(xml.slice(copiedUpTo, tag.start));
    copiedUpTo = tag.end;
  }
  if (copiedUpTo === 0) return xml;
  pieces.push(xml.slice(copiedUpTo));
  return pieces.join('');
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
  // Documents are flattened to maxMarkupDepth before the parser sees them (see flattenDeepXml).
  maxNestedTags: maxMarkupDepth + 1,
});

type OrderedItem = Record<string, unknown>;
// What a converted item of the parser's output is replaced with (see toNodes).
const released: OrderedItem = {};

// The element name of a parsed item (its one key besides ':@'), or undefined for text.
function itemName(item: OrderedItem): string | undefined {
  for (const key in item) if (key !== ':@') return key;
  return undefined;
}

/**
 * Turns the parser's ordered items into our tree (consuming them), with a stack instead of recursion. Elements nested deeper
 * than maxMarkupDepth are flattened: their children go to the element at that depth, so their text stays, in
 * order, and nothing reading the tree recurses deeper than that.
 */
function toNodes(items: OrderedItem[]): XmlNode[] {
  const root: XmlNode[] = [];
  // Each frame: the items still to convert, where their nodes go, whether they are CDATA, and their depth.
  const stack: Array<{ items: OrderedItem[]; next: number; into: XmlNode[]; literal: boolean; depth: number }> = [
    { items, next: 0, into: root, literal: false, depth: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.next]!;
    // The parser's item is let go once converted, so its tree and ours are not both whole in memory at once.
    frame.items[frame.next++] = released;
    if (item === released) continue;
    if ('#text' in item) {
      frame.into.push(frame.literal ? String(item['#text']) : decodeEntities(String(item['#text'])));
      continue;
    }
    const name = itemName(item);
    if (name === undefined) continue;
    const children = (item[name] ?? []) as OrderedItem[];
    // CDATA is literal text: no entity in it is decoded.
    if (name === '#cdata') {
      stack.push({ items: children, next: 0, into: frame.into, literal: true, depth: frame.depth });
      continue;
    }
    if (frame.depth >= maxMarkupDepth) {
      stack.push({ items: children, next: 0, into: frame.into, literal: false, depth: frame.depth });
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>)) attributes[key] = decodeEntities(String(value));
    const element: XmlElement = { name, attributes, children: [] };
    frame.into.push(element);
    stack.push({ items: children, next: 0, into: element.children, literal: false, depth: frame.depth + 1 });
  }
  return root;
}

/**
 * Parses untrusted XML into a tree and returns its root element. Refuses entity declarations, DOCTYPE
 * internal subsets and malformed XML with an 'invalid_file' ApiError naming `what` and the problem.
 */
export function parseUntrustedXml(what: string, xml: string): XmlElement {
  const safe = withoutUnsafeDoctype(what, xml);
  assertXmlWithinLimits(what, safe);
  const validation = XMLValidator.validate(safe);
  if (validation !== true) {
    const { line, col } = validation.err;
    const msg = validation.err.msg.replace(/\s+/gu, ' ');
    throw new ApiError('invalid_file', `${what} is not well-formed XML (line ${line}, column ${col}: ${msg}), so it was not imported.`);
  }
  let items: OrderedItem[];
  try {
    items = parser.parse(flattenDeepXml(safe)) as OrderedItem[];
  } catch (error) {
    throw new ApiError('invalid_file', `${what} could not be read as XML (${(error as Error).message}), so it was not imported.`);
  }
  const root = toNodes(items).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new ApiError('invalid_file', `${what} holds no XML element, so it was not imported.`);
  return root;
}

/** All the text inside a node, in document order (walked without recursion). */
export function xmlText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  const pieces: string[] = [];
  const pending: XmlNode[] = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') pieces.push(next);
    else for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index]!);
  }
  return pieces.join('');
}

/** The child elements of an element with a given local name. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}
