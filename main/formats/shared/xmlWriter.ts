/**
 * A small XML writer for exports. It escapes every text and attribute value, replaces characters XML 1.0
 * cannot carry, and indents only elements that hold elements, never mixed content, so the text a reader
 * gets back is exactly the text written. (fast-xml-parser's builder neither protects CR from end-of-line
 * normalisation nor removes forbidden characters, hence this writer.)
 */

/** An attribute value; null and undefined mean "leave the attribute out". */
export type XmlAttributeValue = string | number | null | undefined;

/** An element to write. */
export interface XmlElement {
  name: string;
  attributes: ReadonlyArray<readonly [string, XmlAttributeValue]>;
  children: XmlNode[];
}

/** A node to write: an element or a run of text. */
export type XmlNode = XmlElement | string;

/** Builds an element; attributes keep the order given, which keeps output stable. */
export function xmlElement(name: string, attributes: Record<string, XmlAttributeValue> = {}, children: XmlNode[] = []): XmlElement {
  return { name, attributes: Object.entries(attributes), children };
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Everything else,
// including a surrogate without its partner, is forbidden even as a character reference.
const forbiddenXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The character written in place of one XML cannot carry. */
export const xmlReplacementChar = '\uFFFD';

/**
 * Replaces each character XML 1.0 forbids with U+FFFD. The replacement is one for one (one code point, one
 * UTF-16 unit each way), so offsets computed on the original text stay valid for the written text.
 */
export function xmlSafeText(text: string): string {
  return text.replace(forbiddenXmlChars, xmlReplacementChar);
}

/** Escapes text content. CR is written as a reference, or a reader's end-of-line handling would drop it. */
export function escapeXmlText(text: string): string {
  return xmlSafeText(text).replace(/[&<>\r]/g, (char) => textEscapes[char]!);
}

/** Escapes an attribute value; tab, LF and CR are references, or attribute normalisation turns them into spaces. */
export function escapeXmlAttribute(value: string): string {
  return xmlSafeText(value).replace(/[&<>"'\t\n\r]/g, (char) => attributeEscapes[char]!);
}

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const attributeEscapes: Record<string, string> = {
  ...textEscapes,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

const xmlName = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

/** Options of `serializeXml`. */
export interface SerializeOptions {
  // Elements whose children are only elements: these are indented; all others are written as they are.
  containers: ReadonlySet<string>;
}

/** Writes a whole document: the XML declaration and the root element, ending with a newline. */
export function serializeXml(root: XmlElement, options: SerializeOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement(root, options, 0)}\n`;
}

function writeElement(element: XmlElement, options: SerializeOptions, depth: number): string {
  if (!xmlName.test(element.name)) throw new Error(`Not an XML name: ${element.name}`);
  let start = `<${element.name}`;
  for (const [name, value] of element.attributes) {
    if (value === null || value === undefined) continue;
    if (!xmlName.test(name)) throw new Error(`Not an XML attribute name: ${name}`);
    start += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  const children = element.children.filter((child) => child !== '');
  if (children.length === 0) return `${start}/>`;
  if (options.containers.has(element.name)) {
    const indent = '  '.repeat(depth + 1);
    const inner = children.map((child) => {
      if (typeof child === 'string') throw new Error(`Text inside the element-only <${element.name}>.`);
      return `\n${indent}${writeElement(child, options, depth + 1)}`;
    });
    return `${start}>${inner.join('')}\n${'  '.repeat(depth)}</${element.name}>`;
  }
  const inner = children.map((child) => (typeof child === 'string' ? escapeXmlText(child) : writeElement(child, options, depth + 1)));
  return `${start}>${inner.join('')}</${element.name}>`;
}
