import { z } from '../../../common/zodConfig';
import { annotationSchema, type AnnotationMap } from '../../../common/model/annotation';
import { blockSeparator } from '../../../common/articleText';
import { wellFormedJson } from '../../../common/wellFormedText';
import { codePointLength, utf16OffsetTable } from '../../../common/offsets';
import type { BlockTypeName } from '../../../common/schema';
import { entityRecordSchema } from '../json/writer';
import { nitfRecordVersion } from './recordWriter';
import type { DraftArticle, DraftBlock, DraftMark } from '../shared/articleDraft';
import type { ImportedArticleOrigin } from '../adapter';
import { childElements, xmlText, type XmlElement, type XmlNode } from '../shared/safeXml';

/**
 * Reading back an NITF file this app exported, losslessly. The export carries in head/docdata a record
 * (main/export/nitfRecord.ts) of every annotation's full fields and every span as code-point offsets into the
 * plain text of the body, because NITF's inline tags cannot say everything (crossing spans, cues, figure and
 * speaker fields). When the record is there and agrees with the body's text, the article is rebuilt from it
 * exactly; the inline tags are then only a rendering of it. A record that does not agree (the copy was
 * edited in another system) is not trusted: the caller reads the inline tags instead and says so.
 */

/** The outcome: no record (a third party's NITF), a record that could not be used and why, or the draft. */
export type NitfRecordReading = { kind: 'none' } | { kind: 'unusable'; problem: string } | { kind: 'draft'; draft: DraftArticle };

// The application's own marker in doc-id, which says the id-string is one of our article ids.
const ownRegistry = 'newsroom-annotator';

const recordSpanSchema = z.object({
  part: z.enum(['content', 'cue']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
const recordSchema = z.object({
  version: z.number().int().positive(),
  textLength: z.number().int().nonnegative(),
  // Checked one by one below, so a problem names the annotation.
  annotations: z.array(z.object({ id: z.unknown(), spans: z.array(recordSpanSchema) }).loose()),
  entities: z.array(entityRecordSchema),
});
type RecordSpan = z.infer<typeof recordSpanSchema>;

/** A block read literally: whitespace, line ends and all, as the exporter wrote it. */
interface LiteralBlock {
  type: BlockTypeName;
  text: string;
  credit?: string;
}

class UnusableRecord extends Error {}

function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

function onlyWhitespace(nodes: readonly XmlNode[]): boolean {
  return nodes.every((node) => typeof node !== 'string' || node.trim() === '');
}

// The body as the exporter lays it out (see main/export/nitf.ts); anything else means another system changed it.
function literalBlocks(body: XmlElement): { blocks: LiteralBlock[]; byline: string } {
  const blocks: LiteralBlock[] = [];
  let byline = '';
  const unexpected = (node: XmlElement) => new UnusableRecord(`its body holds <${node.name}> where this app's export never writes one`);
  if (!onlyWhitespace(body.children)) throw new UnusableRecord('its body holds text outside any block');
  for (const part of elementChildren(body)) {
    if (!onlyWhitespace(part.children)) throw new UnusableRecord(`its <${part.name}> holds text outside any block`);
    for (const node of elementChildren(part)) {
      switch (`${part.name}/${node.name}`) {
        case 'body.head/hedline':
          for (const hl of elementChildren(node)) {
            if (hl.name !== 'hl1') throw unexpected(hl);
            blocks.push({ type: 'headline', text: xmlText(hl) });
          }
          break;
        case 'body.head/byline':
          byline = xmlText(node).trim();
          break;
        case 'body.head/dateline':
          blocks.push({ type: 'dateline', text: xmlText(node) });
          break;
        case 'body.head/abstract':
          for (const paragraph of elementChildren(node)) {
            if (paragraph.name !== 'p') throw unexpected(paragraph);
            blocks.push({ type: 'standfirst', text: xmlText(paragraph) });
          }
          break;
        case 'body.content/p': {
          const type = node.attributes.class === 'dateline' || node.attributes.class === 'standfirst' || node.attributes.class === 'credit' ? node.attributes.class : 'paragraph';
          blocks.push({ type, text: xmlText(node) });
          break;
        }
        case 'body.content/hl2':
          blocks.push({ type: 'subhead', text: xmlText(node) });
          break;
        case 'body.content/media': {
          const captions = childElements(node, 'media-caption');
          if (captions.length !== 1) throw new UnusableRecord('a <media> element does not hold exactly one caption');
          blocks.push({ type: 'caption', text: xmlText(captions[0]!), credit: childElements(node, 'media-producer').map(xmlText).join('') });
          break;
        }
        case 'body.end/tagline':
          blocks.push({ type: 'credit', text: xmlText(node) });
          break;
        default:
          throw unexpected(node);
      }
    }
  }
  if (blocks[0]?.type !== 'headline' || blocks.slice(1).some((block) => block.type === 'headline')) {
    throw new UnusableRecord('its body does not start with the one headline (hedline/hl1) every export has');
  }
  return { blocks, byline };
}

// NITF's basic date-time (20180311T080000Z) as the ISO form the app stores, or undefined.
function isoFromNitf(norm: string | undefined): string | undefined {
  const parts = norm ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(norm) : null;
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second] = parts;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

// The article's own id and dates, when the file says it came from this app: date.release is only written
// once an article is done, so it brings the status back too.
function originOf(docdata: XmlElement): ImportedArticleOrigin | undefined {
  const docId = childElements(docdata, 'doc-id')[0];
  if (!docId || docId.attributes.regsrc !== ownRegistry || !docId.attributes['id-string']) return undefined;
  const createdAt = isoFromNitf(childElements(docdata, 'date.issue')[0]?.attributes.norm);
  const releasedAt = isoFromNitf(childElements(docdata, 'date.release')[0]?.attributes.norm);
  return {
    id: docId.attributes['id-string'],
    ...(releasedAt ? { status: 'done' as const } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(releasedAt ? { updatedAt: releasedAt } : {}),
  };
}

function parseRecord(element: XmlElement): z.infer<typeof recordSchema> {
  let json: unknown;
  try {
    json = wellFormedJson(JSON.parse(xmlText(element)));
  } catch (error) {
    throw new UnusableRecord(`its record is not valid JSON (${(error as Error).message})`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > nitfRecordVersion) {
    throw new UnusableRecord(`its record was written by a newer version of Newsroom Annotator (record version ${version}; this version reads ${nitfRecordVersion})`);
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnusableRecord(`its record is invalid at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  return parsed.data;
}

// Places every recorded span in its block, checking that the words at its offsets are the words recorded.
function placeSpans(record: z.infer<typeof recordSchema>, blocks: readonly LiteralBlock[]): { annotations: AnnotationMap; marks: DraftMark[][] } {
  const text = blocks.map((block) => block.text).join(blockSeparator);
  if (codePointLength(text) !== record.textLength) {
    throw new UnusableRecord(`its text is ${codePointLength(text)} characters long where the record says ${record.textLength}`);
  }
  const starts: number[] = [];
  blocks.reduce((start, block) => (starts.push(start), start + block.text.length + blockSeparator.length), 0);
  const toUtf16 = utf16OffsetTable(text);
  const annotations: AnnotationMap = {};
  const marks: DraftMark[][] = blocks.map(() => []);
  for (const item of record.annotations) {
    const parsed = annotationSchema.safeParse(item);
    if (!parsed.success) throw new UnusableRecord(`its record has an invalid annotation ${String(item.id)} (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    const annotation = parsed.data;
    if (annotations[annotation.id]) throw new UnusableRecord(`its record lists the annotation ${annotation.id} twice`);
    annotations[annotation.id] = annotation;
    for (const span of item.spans as RecordSpan[]) {
      const start = toUtf16(span.start);
      const end = toUtf16(span.end);
      const blockIndex = starts.findLastIndex((blockStart) => blockStart <= start);
      const block = blocks[blockIndex];
      const inBlock = block !== undefined && end <= starts[blockIndex]! + block.text.length;
      if (span.end > record.textLength || end <= start || !inBlock || text.slice(start, end) !== span.text) {
        throw new UnusableRecord(`the words at the recorded offsets of annotation ${annotation.id} are not the words it recorded`);
      }
      marks[blockIndex]!.push({ start: start - starts[blockIndex]!, end: end - starts[blockIndex]!, annotationId: annotation.id, part: span.part });
    }
  }
  return { annotations, marks };
}

/**
 * Looks for this app's record in an NITF document (root element `nitf`) and, when there is one that agrees
 * with the body, returns the article it describes as a lossless draft: the same blocks, annotation records
 * (ids, fields, authors, timestamps), spans including cues, registry entities and article identity.
 */
export function readNitfRecord(root: XmlElement): NitfRecordReading {
  const docdata = childElements(root, 'head').flatMap((head) => childElements(head, 'docdata'))[0];
  // The record is `na:annotations`; the XML reader drops namespace prefixes, so its JSON format attribute marks it.
  const recordElement = docdata && childElements(docdata, 'annotations').find((element) => element.attributes.format === 'application/json');
  if (!docdata || !recordElement) return { kind: 'none' };
  try {
    const record = parseRecord(recordElement);
    const body = childElements(root, 'body')[0];
    if (!body) throw new UnusableRecord('it has no body');
    const { blocks, byline } = literalBlocks(body);
    const { annotations, marks } = placeSpans(record, blocks);
    const [headline, ...rest] = blocks;
    const origin = originOf(docdata);
    const draft: DraftArticle = {
      title: headline!.text,
      titleMarks: marks[0],
      blocks: rest.map((block, index): DraftBlock => ({
        type: block.type as DraftBlock['type'],
        text: block.text,
        marks: marks[index + 1],
        ...(block.type === 'caption' ? { credit: block.credit ?? '' } : {}),
      })),
      source: byline,
      warnings: [],
      annotations,
      entities: record.entities,
      ...(origin ? { origin } : {}),
      lossless: true,
    };
    return { kind: 'draft', draft };
  } catch (error) {
    if (error instanceof UnusableRecord) return { kind: 'unusable', problem: error.message };
    throw error;
  }
}
