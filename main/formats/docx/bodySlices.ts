/**
 * A long Word document cut into documents of a few hundred KB of body each, which mammoth converts one at a
 * time. Mammoth holds a whole XML DOM of document.xml and its own tree of it at once: a 3.5 MB document of
 * 50,000 paragraphs needs over 160 MB of heap, and the import worker peaked at some 280 MB on top of the
 * host. The HTML of the slices, joined, is the HTML of the whole document because a cut is made only where
 * mammoth starts afresh: before a plain paragraph (no style, no numbering), which closes every list, quote or
 * table the paragraphs before it opened. A document whose notes or comments mammoth would gather at the end
 * is never cut, nor one whose XML the scan below does not follow; it is converted whole, as before.
 */

/** A document.xml cut at top-level body children: each slice is a whole document.xml holding some of them. */
export interface BodySlices {
  documents: string[];
}

// From this length a document.xml is cut; under it, it is converted whole, as a short article always was.
export const sliceDocumentsFromChars = 1024 * 1024;
// About how much body each slice holds: a slice's DOM in mammoth is some 40 times its XML.
export const bodySliceChars = 256 * 1024;

// Mammoth writes notes and comments after the body: in slices they would follow each slice instead.
const gatheredAtEnd = /<(?:[\w.-]+:)?(?:footnoteReference|endnoteReference|commentReference)[\s/>]/u;
// What makes a paragraph start something mammoth may continue from the one before (a style, numbering).
const continuingParagraph = /<(?:[\w.-]+:)?(?:pStyle|numPr)[\s/>]/u;
const plainParagraphStart = /^<(?:[\w.-]+:)?p[\s/>]/u;

interface BodyLayout {
  // Where the body's content starts and ends, and where each of its child elements starts.
  contentStart: number;
  contentEnd: number;
  childStarts: number[];
}

// The name of the tag that starts at `at` (after '<' or '</').
function tagName(xml: string, from: number): string {
  const match = /^[^\s/>]+/u.exec(xml.slice(from, from + 200));
  return match ? match[0] : '';
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

// The end of the tag starting at `at` ('>' included), with quoted attribute values skipped; -1 if unclosed.
function tagEnd(xml: string, at: number): number {
  let quote = '';
  for (let index = at + 1; index < xml.length; index++) {
    const character = xml[index]!;
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      return index + 1;
    }
  }
  return -1;
}

/**
 * Finds the body of a document.xml and where each of its child elements starts, by a scan of its tags that
 * keeps its own depth count; null for anything it does not follow (a DOCTYPE, an unclosed construct, a body
 * not directly inside the root), which is then converted whole.
 */
function bodyLayout(xml: string): BodyLayout | null {
  let depth = 0;
  let inBody = false;
  const layout: BodyLayout = { contentStart: -1, contentEnd: -1, childStarts: [] };
  let at = xml.indexOf('<');
  while (at >= 0) {
    let next: number;
    if (xml.startsWith('<!--', at)) {
      next = xml.indexOf('-->', at + 4) + 3;
    } else if (xml.startsWith('<![CDATA[', at)) {
      next = xml.indexOf(']]>', at + 9) + 3;
    } else if (xml.startsWith('<?', at)) {
      next = xml.indexOf('?>', at + 2) + 2;
    } else if (xml.startsWith('<!', at)) {
      return null;
    } else if (xml.startsWith('</', at)) {
      depth--;
      next = tagEnd(xml, at);
      if (inBody && depth === 1) {
        layout.contentEnd = at;
        inBody = false;
      }
    } else {
      next = tagEnd(xml, at);
      if (next < 0) return null;
      const selfClosing = xml[next - 2] === '/';
      if (inBody && depth === 2) layout.childStarts.push(at);
      if (depth === 1 && !selfClosing && localName(tagName(xml, at + 1)) === 'body') {
        if (layout.contentStart >= 0) return null;
        inBody = true;
        layout.contentStart = next;
      }
      if (!selfClosing) depth++;
    }
    if (next < at + 1 || depth < 0) return null;
    at = xml.indexOf('<', next);
  }
  return depth === 0 && layout.contentStart >= 0 && layout.contentEnd >= layout.contentStart ? layout : null;
}

/**
 * The document.xml cut into documents of about `sliceChars` of body each, or null when it is short (under
 * `fromChars`), holds notes or comments, or is not followed by the scan: the caller converts it whole.
 */
export function bodySlices(xml: string, sliceChars = bodySliceChars, fromChars = sliceDocumentsFromChars): BodySlices | null {
  if (xml.length < fromChars) return null;
  const layout = bodyLayout(xml);
  if (!layout || gatheredAtEnd.test(xml)) return null;
  const head = xml.slice(0, layout.contentStart);
  const tail = xml.slice(layout.contentEnd);
  const { childStarts, contentEnd } = layout;
  const documents: string[] = [];
  let sliceStart = layout.contentStart;
  for (let index = 0; index < childStarts.length; index++) {
    const start = childStarts[index]!;
    if (start - sliceStart < sliceChars) continue;
    const end = childStarts[index + 1] ?? contentEnd;
    const child = xml.slice(start, end);
    if (!plainParagraphStart.test(child) || continuingParagraph.test(child)) continue;
    documents.push(head + xml.slice(sliceStart, start) + tail);
    sliceStart = start;
  }
  documents.push(head + xml.slice(sliceStart, contentEnd) + tail);
  return { documents };
}
