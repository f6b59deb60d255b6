import type { Annotation } from '../../../common/model/annotation';
import type { FormatWriter, ExportableArticle, ExportResult } from '../adapter';
import { exportText, spansByBlock, type ExportSpan, type ExportText } from '../shared/exportText';
import { exportFileName } from '../shared/fileNames';
import { nestInline, type InlineNode, type InlineSpan } from '../shared/inlineNesting';
import { annotatorNamespace, annotatorPrefix, nitfCanContain, nitfInlineTag, type NitfInlineTag } from './inlineWriter';
import { nitfOffsetsDescription, nitfRecordElement, nitfRecordVersion, type NitfRecord, type NitfRecordAnnotation, type NitfRecordSpan } from './recordWriter';
import { serializeXml, xmlElement, xmlSafeText, type XmlElement, type XmlNode } from '../shared/xmlWriter';

/**
 * NITF 3.6 export (IPTC News Industry Text Format), valid against nitf-3-6.xsd.
 *
 * Structure: head (title; docdata with doc-id, date.issue, date.release once the article is done, and our
 * record), body.head (hedline/hl1 from the headline, byline from the article's source when known, dateline from
 * the datelines that follow the headline, abstract from the standfirst that follows them),
 * body.content (p for paragraphs, hl2 for subheads, media with media-caption and media-producer for captions;
 * datelines, standfirsts and credits elsewhere become p with class "dateline" / "standfirst" / "credit", so the
 * document order is kept), body.end (tagline from a credit that ends the article).
 *
 * Inline tags: entities as person / org / location / event / classifier (type "other"), with idsrc and value
 * from the registry's first external id and alt-code for the others; figures as num (units) / money (unit =
 * currency) / chron (norm = ISO 8601 date or duration); attribution content as q (quote-source = speaker,
 * class = mode). Every inline element carries `na:ann` = the annotation id.
 *
 * Nesting rule (quoted in the README): NITF lets only `q` hold other inline tags, and markup cannot express
 * spans that cross. Spans are placed outermost first (earlier start, then longer; an attribution before an
 * entity or figure of the same extent). A span is written inline when it lies wholly inside every element
 * open at its start and its parent is a `q` (or it has no parent). Otherwise — it crosses a span already
 * written, or it would sit inside a text-only element such as a place inside an `org` or a date inside an
 * `event` — the outer element is kept and the span is not written inline. Attribution cues have no NITF
 * element and are never inline. Nothing is lost: head/docdata/na:annotations holds, as JSON, every
 * annotation's full record and every span with code-point offsets into the plain text, each marked with the
 * element it is written as or why it is not (see nitfRecord.ts). A re-importer takes spans and fields from
 * the record and checks them against the text, which the inline markup reproduces exactly.
 */

/** The NITF 3.6 namespace; a document without it fails validation. */
export const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/';

/** The NITF exporter: one `.nitf.xml` file per article. */
export const nitfWriter: FormatWriter = {
  write: exportNitf,
};

// Elements that hold only elements; everything else is mixed content and written without added whitespace.
const containerElements = new Set(['nitf', 'head', 'docdata', 'body', 'body.head', 'hedline', 'abstract', 'body.content', 'media', 'body.end']);

// A dateline in body.head holds text, places and dates only (nitf-3-6.xsd); other blocks take any inline element.
type BlockContext = 'enriched' | 'dateline';
const datelineInlineElements = new Set(['location']);

interface InlineValue {
  tag: NitfInlineTag;
  span: ExportSpan;
}

/** Exports one article as an NITF 3.6 document, with warnings for spans only the record carries. */
export function exportNitf(input: ExportableArticle): ExportResult {
  const { xml, omittedSpans, exported } = buildNitf(input);
  const warnings: string[] = [];
  if (omittedSpans.length > 0) {
    const ids = [...new Set(omittedSpans.map((span) => span.annotationId))];
    warnings.push(
      `NITF cannot nest ${omittedSpans.length} tag span(s) the way the article does (they cross another tag, sit inside a tag that holds only text, or sit in a dateline, which holds only places and dates); ` +
        `they are kept in the record in head/docdata: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}.`,
    );
  }
  if (exported.detached.length > 0) {
    warnings.push(`${exported.detached.length} annotation(s) no longer cover any text (flagged for review); NITF keeps them in the record only: ${exported.detached.map((record) => record.id).join(', ')}.`);
  }
  if (exported.orphanMarkIds.length > 0) {
    warnings.push(`Tags without an annotation record were left out: ${exported.orphanMarkIds.join(', ')}.`);
  }
  return {
    files: [{ fileName: exportFileName(input.article.title, input.article.id, 'nitf.xml'), mimeType: 'application/xml', content: xml }],
    warnings,
  };
}

/** The NITF document of an article and the content spans it could not write inline. */
export function buildNitf(input: ExportableArticle): { xml: string; omittedSpans: ExportSpan[]; exported: ExportText } {
  const exported = exportText(input);
  const tags = new Map<string, NitfInlineTag>(exported.annotations.map((record) => [record.id, nitfInlineTag(record, input.entities)]));
  const inlineElementOf = new Map<ExportSpan, string>();
  const omissions = new Map<ExportSpan, NitfRecordSpan['omitted']>();

  const blockSpans = spansByBlock(exported);

  const inlineContent = (blockIndex: number, context: BlockContext = 'enriched'): XmlNode[] => {
    const block = exported.blocks[blockIndex]!;
    const candidates: InlineSpan<InlineValue>[] = [];
    for (const span of blockSpans[blockIndex]!) {
      const tag = tags.get(span.annotationId)!;
      if (span.part === 'cue') omissions.set(span, 'cue');
      else if (context === 'dateline' && !datelineInlineElements.has(tag.name)) omissions.set(span, 'nesting');
      else candidates.push({ start: span.start - block.start, end: span.end - block.start, value: { tag: tags.get(span.annotationId)!, span } });
    }
    // Of two spans with the same extent, the q goes outside: it is the only element that can hold the other.
    candidates.sort((a, b) => Number(b.value.tag.name === 'q') - Number(a.value.tag.name === 'q'));
    const nested = nestInline(block.text, candidates, { canContain: (outer, inner) => nitfCanContain(outer.tag, inner.tag) });
    for (const left of nested.unplaced) omissions.set(left.value.span, left.reason);
    return toXml(nested.nodes, inlineElementOf);
  };

  const body = nitfBody(exported, input.article.source, inlineContent);
  const omittedSpans = exported.spans.filter((span) => span.part === 'content' && omissions.has(span));
  const record: NitfRecord = {
    version: nitfRecordVersion,
    offsets: nitfOffsetsDescription,
    textLength: exported.codePointLength,
    annotations: exported.annotations.map((annotation) => recordAnnotation(annotation, exported, inlineElementOf, omissions)),
    entities: [...input.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  const root = xmlElement(
    'nitf',
    { xmlns: nitfNamespace, [`xmlns:${annotatorPrefix}`]: annotatorNamespace, version: '-//IPTC//DTD NITF 3.6//EN' },
    [nitfHead(input, nitfRecordElement(record)), body],
  );
  return { xml: serializeXml(root, { containers: containerElements }), omittedSpans, exported };
}

function toXml(nodes: InlineNode<InlineValue>[], inlineElementOf: Map<ExportSpan, string>): XmlNode[] {
  return nodes.map((node) => {
    if (node.type === 'text') return node.text;
    inlineElementOf.set(node.value.span, node.value.tag.name);
    return xmlElement(node.value.tag.name, node.value.tag.attributes, [...node.value.tag.leading, ...toXml(node.children, inlineElementOf)]);
  });
}

function recordAnnotation(
  annotation: Annotation,
  exported: ExportText,
  inlineElementOf: ReadonlyMap<ExportSpan, string>,
  omissions: ReadonlyMap<ExportSpan, NitfRecordSpan['omitted']>,
): NitfRecordAnnotation {
  const spans = (exported.spansByAnnotation.get(annotation.id) ?? []).map((span): NitfRecordSpan => {
    const omitted = omissions.get(span);
    return {
      part: span.part,
      start: span.codePointStart,
      end: span.codePointEnd,
      text: xmlSafeText(span.text),
      inline: inlineElementOf.get(span) ?? null,
      ...(omitted ? { omitted } : {}),
    };
  });
  return { ...annotation, spans };
}

function nitfHead(input: ExportableArticle, record: XmlElement): XmlElement {
  const { article } = input;
  const issued = nitfDateTime(article.createdAt);
  const released = article.status === 'done' ? nitfDateTime(article.updatedAt) : null;
  return xmlElement('head', {}, [
    xmlElement('title', {}, [article.title]),
    xmlElement('docdata', {}, [
      xmlElement('doc-id', { regsrc: 'newsroom-annotator', 'id-string': article.id }),
      ...(issued ? [xmlElement('date.issue', { norm: issued })] : []),
      ...(released ? [xmlElement('date.release', { norm: released })] : []),
      record,
    ]),
  ]);
}

/** Places the blocks: headline, byline and a leading standfirst in body.head, a final credit in body.end. */
function nitfBody(exported: ExportText, source: string, inlineContent: (blockIndex: number, context?: BlockContext) => XmlNode[]): XmlElement {
  const blocks = exported.blocks;
  const head: XmlElement[] = [];
  const content: XmlElement[] = [];
  const abstract: XmlElement[] = [];
  let end: XmlElement | null = null;
  let index = 0;
  if (blocks[0]?.type === 'headline') {
    head.push(xmlElement('hedline', {}, [xmlElement('hl1', {}, inlineContent(0))]));
    index = 1;
  }
  // Who the article is from, as the copy says; metadata, not part of the plain text.
  if (source.trim()) head.push(xmlElement('byline', {}, [source.trim()]));
  // The schema orders body.head as hedline, byline, dateline, abstract: the copy's own order when datelines lead.
  for (; index < blocks.length && blocks[index]!.type === 'dateline'; index++) head.push(xmlElement('dateline', {}, inlineContent(index, 'dateline')));
  for (; index < blocks.length && blocks[index]!.type === 'standfirst'; index++) abstract.push(xmlElement('p', {}, inlineContent(index)));
  const lastIndex = blocks.length - 1;
  const tagline = lastIndex >= index && blocks[lastIndex]!.type === 'credit' ? lastIndex : -1;
  for (; index < blocks.length; index++) {
    if (index === tagline) {
      end = xmlElement('tagline', {}, inlineContent(index));
      continue;
    }
    const block = blocks[index]!;
    switch (block.type) {
      case 'subhead':
        content.push(xmlElement('hl2', {}, inlineContent(index)));
        break;
      case 'caption':
        content.push(
          xmlElement('media', { 'media-type': 'image' }, [
            // The schema requires a media reference; the article has the caption but not the picture.
            xmlElement('media-reference'),
            xmlElement('media-caption', {}, inlineContent(index)),
            ...(block.credit.trim() ? [xmlElement('media-producer', {}, [block.credit])] : []),
          ]),
        );
        break;
      case 'dateline':
      case 'standfirst':
      case 'credit':
      case 'headline':
        content.push(xmlElement('p', { class: block.type }, inlineContent(index)));
        break;
      case 'paragraph':
        content.push(xmlElement('p', {}, inlineContent(index)));
        break;
    }
  }
  if (abstract.length > 0) head.push(xmlElement('abstract', {}, abstract));
  return xmlElement('body', {}, [
    ...(head.length > 0 ? [xmlElement('body.head', {}, head)] : []),
    ...(content.length > 0 ? [xmlElement('body.content', {}, content)] : []),
    ...(end ? [xmlElement('body.end', {}, [end])] : []),
  ]);
}

/** An ISO timestamp in NITF's basic form (YYYYMMDDTHHMMSSZ), or null when it is not a date. */
export function nitfDateTime(isoTimestamp: string): string | null {
  const time = Date.parse(isoTimestamp);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
