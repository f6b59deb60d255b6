import type { Annotation, AnnotationPart } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { annotatorPrefix } from './inlineWriter';
import { xmlElement, type XmlElement } from '../shared/xmlWriter';

/**
 * The machine-readable record an NITF export carries in head/docdata, so that nothing NITF's inline tags
 * cannot say is lost: every annotation's full record (kind, fields, status, note, speaker), every span with
 * its code-point offsets and whether it is also written inline, and the registry entities referred to.
 *
 * It is one `na:annotations` element (namespace `urn:newsroom-annotator:nitf:1`; docdata admits elements of
 * other namespaces) whose text is JSON of `NitfRecord`.
 */

/** The version of the record format; bump it when its shape changes. */
export const nitfRecordVersion = 1;

/** Why a span is not written as an inline element. */
export type NitfSpanOmission =
  // It crosses an element already written (neither contains the other).
  | 'crossing'
  // It would sit inside an element that holds only text (a place inside an `org`, a date inside an `event`),
  // or that holds no element of its kind (a person in a `dateline`, which holds only places and dates).
  | 'nesting'
  // It is an attribution's cue; NITF has no element for a reporting verb.
  | 'cue';

/** One span of an annotation in the record. */
export interface NitfRecordSpan {
  part: AnnotationPart;
  // Code-point offsets into the plain text described by `NitfRecord.offsets`.
  start: number;
  end: number;
  text: string;
  // The inline element the span is written as, or null when it is only recorded here.
  inline: string | null;
  omitted?: NitfSpanOmission;
}

/** One annotation in the record: the annotation as the app stores it, plus its spans. */
export type NitfRecordAnnotation = Annotation & { spans: NitfRecordSpan[] };

/** The whole record. */
export interface NitfRecord {
  version: number;
  offsets: string;
  textLength: number;
  annotations: NitfRecordAnnotation[];
  entities: EntityRecord[];
}

/** What `NitfRecord.offsets` says, for people reading the file. */
export const nitfOffsetsDescription =
  'Unicode code points of the plain text: the text of hl1, abstract paragraphs, body.content paragraphs, hl2, ' +
  'media-caption and tagline in document order, joined by a blank line (two LF); media-producer credits are not part of it.';

/** The docdata element carrying `record` as JSON text. */
export function nitfRecordElement(record: NitfRecord): XmlElement {
  return xmlElement(`${annotatorPrefix}:annotations`, { format: 'application/json', version: record.version }, [jsonForXml(record)]);
}

/**
 * JSON that survives being XML text unchanged: JSON.stringify already escapes C0 controls and lone surrogates;
 * U+FFFE and U+FFFF, which XML forbids, are escaped here so the JSON keeps the exact original strings.
 */
function jsonForXml(value: unknown): string {
  return JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}
