import {
  emptyFigureFields,
  type Annotation,
  type AnnotationMap,
  type FigureFields,
  type FigureKind,
} from '../../../common/model/annotation';
import { proposedFigureFields, type GivenFigureValues } from '../../../common/model/figureReader';
import type { XmlElement } from '../shared/safeXml';
import { entityTypeByElement, quoteElementName } from './vocabulary';

/**
 * NITF's inline tags as annotation records: person, org, location and event become entity mentions;
 * num, money and chron become figures; q becomes a direct-quote attribution. Imported tags are accepted
 * (the sending desk tagged them) and authored by "import".
 */


// Who imported records name as their author.
const importAuthor = 'import';

// A number attribute as NITF writes it (`value="1100"`); anything else is not a value.
function numberAttribute(text: string | undefined): number | undefined {
  const number = text !== undefined && /^\s*-?\d+(?:\.\d+)?\s*$/u.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

// What the element's own attributes say of its value; the model's one figure reader fills in the rest from the words.
function givenValues(element: XmlElement): GivenFigureValues {
  const attributes = element.attributes;
  if (element.name === 'chron') return { iso: attributes.norm };
  const unit = attributes.units ?? attributes.unit;
  const separators = { thousandsSeparator: attributes['thousands-ch'], decimalSeparator: attributes['decimal-ch'] };
  if (element.name === 'money') {
    const currency = /^[A-Z]{3}$/u.test(attributes.unit ?? '') ? attributes.unit : undefined;
    return { value: numberAttribute(attributes.value), currency, unit: currency ? undefined : unit, ...separators };
  }
  return { value: numberAttribute(attributes.value), unit, ...separators };
}

const kindByElement: Record<string, FigureKind> = { chron: 'date', money: 'money', num: 'count' };

function figureFields(element: XmlElement, quote: string): { figure: FigureFields; note: string } {
  const figure = proposedFigureFields(quote, emptyFigureFields(), givenValues(element));
  figure.figureKind ??= kindByElement[element.name] ?? 'count';
  figure.unit = figure.unit.slice(0, 500);
  const norm = element.attributes.norm;
  // A norm the reader could not use is kept for the editor rather than dropped.
  const note = element.name === 'chron' && norm && figure.value === null ? `NITF norm: ${norm}`.slice(0, 10_000) : '';
  return { figure, note };
}

/**
 * The annotation record for one NITF inline element covering `quote`. Entity identifiers (idsrc, value)
 * go into the note, since linking to the desk's registry happens after import.
 */
export function annotationFromNitf(element: XmlElement, id: string, quote: string, now: string): Annotation {
  const base = { id, status: 'accepted' as const, author: importAuthor, createdAt: now, updatedAt: now, note: '', quote: quote.slice(0, 100_000) };
  const entityType = entityTypeByElement.get(element.name);
  if (entityType) {
    const { idsrc, value } = element.attributes;
    const note = value ? `${idsrc ? `${idsrc}: ` : 'Identifier: '}${value}`.slice(0, 10_000) : '';
    return { ...base, kind: 'entity', entityType, entityId: null, note };
  }
  if (element.name === quoteElementName) {
    const name = element.attributes['quote-source']?.trim().slice(0, 500);
    return { ...base, kind: 'attribution', mode: 'direct', speaker: name ? { type: 'entity', entityId: null, name, mentionId: null } : null, medium: '', mediumEntityId: null };
  }
  return { ...base, kind: 'figure', ...figureFields(element, quote) };
}

/** Links each quote's named speaker to the person or organisation mention with the same words, if any. */
export function linkQuoteSpeakers(annotations: AnnotationMap): void {
  const records = Object.values(annotations);
  // The first person or organisation mention of each name, looked up once per quote: a file with thousands
  // of quotes and names must not compare every quote with every name.
  const mentionByName = new Map<string, string>();
  for (const record of records) {
    if (record.kind === 'entity' && (record.entityType === 'person' || record.entityType === 'organisation') && !mentionByName.has(record.quote)) {
      mentionByName.set(record.quote, record.id);
    }
  }
  for (const record of records) {
    if (record.kind !== 'attribution' || record.speaker?.type !== 'entity') continue;
    const mentionId = mentionByName.get(record.speaker.name);
    if (mentionId) record.speaker = { ...record.speaker, mentionId };
  }
}
