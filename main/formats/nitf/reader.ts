import { ApiError } from '../../../common/api';
import { newId } from '../../../common/model/annotation';
import { emptyDraft, type DraftArticle, type DraftBlock, type DraftMark } from '../shared/articleDraft';
import { parseCreditLine } from '../shared/copyConventions';
import { annotationFromNitf, linkQuoteSpeakers } from './inlineReader';
import { annotationElementNames } from './vocabulary';
import { readNitfRecord } from './recordReader';
import { assertImportedTagCount } from '../shared/expansionLimits';
import { childElements, parseUntrustedXml, xmlText, type XmlElement, type XmlNode } from '../shared/safeXml';

/**
 * NITF (IPTC News Industry Text Format) articles: hedline/hl1 is the headline, dateline a dateline, abstract the standfirst,
 * body.content's paragraphs, hl2 subheads and media captions (credited by media-producer) the body, and
 * body.end's tagline the credit. Inline tags become annotations (see nitfAnnotations.ts).
 */

/**
 * Text of one block being read, as pieces joined once at the end (a string grown and inspected at every tag
 * is flattened again each time: 200,000 tags in one paragraph took minutes), with the inline tags met so
 * far as pending spans.
 */
interface InlineText {
  pieces: string[];
  length: number;
  endsWithSpace: boolean;
  pending: Array<{ start: number; end: number; element: XmlElement }>;
}

function inlineText(prefix: string): InlineText {
  return { pieces: [prefix], length: prefix.length, endsWithSpace: prefix.endsWith(' '), pending: [] };
}

interface NitfReader {
  draft: DraftArticle & { annotations: NonNullable<DraftArticle['annotations']> };
  now: string;
  headTitle: string;
}

// XML whitespace collapses to one space, never at the start of a block.
function appendText(inline: InlineText, raw: string): void {
  const collapsed = raw.replace(/[ \t\r\n]+/gu, ' ');
  const text = inline.length === 0 || inline.endsWithSpace ? collapsed.replace(/^ /u, '') : collapsed;
  if (text === '') return;
  inline.pieces.push(text);
  inline.length += text.length;
  inline.endsWithSpace = text.endsWith(' ');
}

function readInline(nodes: readonly XmlNode[], inline: InlineText): void {
  for (const node of nodes) {
    if (typeof node === 'string') appendText(inline, node);
    else if (node.name === 'br' || node.name === 'p') {
      // Paragraphs inside a caption or abstract run on, separated by a space.
      appendText(inline, ' ');
      readInline(node.children, inline);
    } else if (annotationElementNames.has(node.name)) {
      const start = inline.length;
      readInline(node.children, inline);
      inline.pending.push({ start, end: inline.length, element: node });
    } else readInline(node.children, inline);
  }
}

// Turns pending spans into annotation records, trimming them to the words they cover.
function finishInline(inline: InlineText, reader: NitfReader): { text: string; marks: DraftMark[] } {
  const text = inline.pieces.join('').trimEnd();
  const marks: DraftMark[] = [];
  for (const span of inline.pending) {
    let start = Math.min(span.start, text.length);
    let end = Math.min(span.end, text.length);
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (start === end) continue;
    const id = newId('ann');
    reader.draft.annotations[id] = annotationFromNitf(span.element, id, text.slice(start, end), reader.now);
    marks.push({ start, end, annotationId: id });
  }
  return { text, marks };
}

function pushBlock(reader: NitfReader, type: DraftBlock['type'], nodes: readonly XmlNode[], prefix = '', credit?: string): void {
  const inline = inlineText(prefix);
  readInline(nodes, inline);
  const { text, marks } = finishInline(inline, reader);
  if (text.length > prefix.length) reader.draft.blocks.push({ type, text, marks, ...(type === 'caption' ? { credit: credit ?? '' } : {}) });
}

function oneLine(node: XmlNode): string {
  return xmlText(node).replace(/\s+/gu, ' ').trim();
}

function readMedia(media: XmlElement, reader: NitfReader): void {
  const credit = childElements(media, 'media-producer').map(oneLine).filter(Boolean).join(', ');
  for (const caption of childElements(media, 'media-caption')) pushBlock(reader, 'caption', caption.children, '', credit);
}

function readBlocks(nodes: readonly XmlNode[], reader: NitfReader): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (node.trim()) pushBlock(reader, 'paragraph', [node]);
      continue;
    }
    switch (node.name) {
      case 'head':
        reader.headTitle = childElements(node, 'title').map(oneLine)[0] ?? '';
        break;
      case 'hl1':
        if (reader.draft.title === null) {
          const inline = inlineText('');
          readInline(node.children, inline);
          const { text, marks } = finishInline(inline, reader);
          reader.draft.title = text || null;
          reader.draft.titleMarks = marks;
        } else pushBlock(reader, 'subhead', node.children);
        break;
      case 'hl2':
        pushBlock(reader, 'subhead', node.children);
        break;
      case 'abstract': {
        const paragraphs = childElements(node, 'p');
        if (paragraphs.length > 0) paragraphs.forEach((paragraph) => pushBlock(reader, 'standfirst', paragraph.children));
        else pushBlock(reader, 'standfirst', node.children);
        break;
      }
      case 'byline':
        reader.draft.source ||= oneLine(node).replace(/^by\s+/iu, '');
        break;
      case 'tagline':
        pushBlock(reader, 'credit', node.children);
        reader.draft.source ||= parseCreditLine(oneLine(node)) ?? oneLine(node);
        break;
      case 'media':
        readMedia(node, reader);
        break;
      case 'media-caption':
        pushBlock(reader, 'caption', node.children);
        break;
      case 'ol':
      case 'ul':
        childElements(node, 'li').forEach((item, index) => pushBlock(reader, 'paragraph', item.children, node.name === 'ol' ? `${index + 1}. ` : '• '));
        break;
      case 'dateline':
        pushBlock(reader, 'dateline', node.children);
        break;
      case 'p':
        pushBlock(reader, node.attributes.class === 'dateline' ? 'dateline' : 'paragraph', node.children);
        break;
      case 'pre':
      case 'td':
      case 'th':
        pushBlock(reader, 'paragraph', node.children);
        break;
      // Metadata a reader of the article does not see as copy.
      case 'distributor':
      case 'series':
      case 'rights':
      case 'media-reference':
      case 'media-metadata':
      case 'media-object':
      case 'media-producer':
        break;
      default:
        readBlocks(node.children, reader);
    }
  }
}

// How many inline tags the document holds (an upper bound of the records it makes: empty tags make none).
function annotationElementCount(root: XmlElement): number {
  let count = 0;
  const pending: XmlNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (typeof node === 'string') continue;
    if (annotationElementNames.has(node.name)) count++;
    for (const child of node.children) pending.push(child);
  }
  return count;
}

/**
 * Reads an NITF document. An export of this app is read back from the record it carries, losslessly (see
 * nitfRecordReader.ts); any other NITF has its inline tags read as annotations. Refuses XML that is
 * malformed, declares entities, or is not NITF, with an 'invalid_file' ApiError naming `what`.
 */
export function parseNitf(what: string, xml: string): DraftArticle {
  const root = parseUntrustedXml(what, xml);
  if (root.name !== 'nitf') {
    throw new ApiError('invalid_file', `${what} is XML but not NITF: its root element is <${root.name}>, where an NITF document has <nitf>.`);
  }
  const recorded = readNitfRecord(root);
  if (recorded.kind === 'draft') return recorded.draft;
  const reader: NitfReader = { draft: { ...emptyDraft(), annotations: {} }, now: new Date().toISOString(), headTitle: '' };
  if (recorded.kind === 'unusable') {
    reader.draft.warnings.push(
      `${what} carries a Newsroom Annotator record of its tags that could not be used (${recorded.problem}); its inline NITF tags were read instead, so fields and spans NITF cannot express are missing.`,
    );
  }
  // Counted before any record is built: 200,000 tags, refused in the end, took a gigabyte to build.
  assertImportedTagCount(what, annotationElementCount(root));
  readBlocks(root.children, reader);
  if (reader.draft.title === null && reader.headTitle) reader.draft.title = reader.headTitle;
  linkQuoteSpeakers(reader.draft.annotations);
  return reader.draft;
}
