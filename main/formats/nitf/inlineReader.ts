import {
  emptyFigureFields,
  type Annotation,
  type AnnotationMap,
  type FigureFields,
} from '../../../common/annotation';
import type { XmlElement } from '../shared/safeXml';
import { entityTypeByElement, quoteElementName } from './vocabulary';

/**
 * NITF's inline tags as annotation records: person, org, location and event become entity mentions;
 * num, money and chron become figures; q becomes a direct-quote attribution. Imported tags are accepted
 * (the sending desk tagged them) and authored by "import".
 */


// Who imported records name as their author.
const importAuthor = 'import';

// The figure when the text is a plain number ("1,100", "3.5", "$400"), using NITF's separator attributes.
function plainNumber(text: string, thousandsSeparator = ',', decimalSeparator = '.'): number | null {
  const core = text.replace(/^[^\d-]+|[^\d]+$/gu, '').split(thousandsSeparator).join('').replace(decimalSeparator, '.');
  return /^-?\d+(?:\.\d+)?$/u.test(core) ? Number(core) : null;
}

// NITF's chron@norm is ISO 8601, sometimes in basic form (20180311) or with a time after the date.
function isoDateOf(norm: string): string | null {
  const date = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:$|T)/u.exec(norm.trim());
  if (!date) return null;
  const [, year, month, day] = date;
  if ((month && (Number(month) < 1 || Number(month) > 12)) || (day && (Number(day) < 1 || Number(day) > 31))) return null;
  return [year, month, day].filter(Boolean).join('-');
}

function figureFields(element: XmlElement, quote: string): { figure: FigureFields; note: string } {
  const attributes = element.attributes;
  const figure = emptyFigureFields();
  let note = '';
  if (element.name === 'chron') {
    const iso = attributes.norm ? isoDateOf(attributes.norm) : null;
    figure.figureKind = 'date';
    figure.value = iso ? { type: 'date', iso } : null;
    if (attributes.norm && !iso) note = `NITF norm: ${attributes.norm}`;
  } else if (element.name === 'money') {
    const unit = attributes.unit ?? '';
    figure.figureKind = 'money';
    figure.currency = /^[A-Z]{3}$/u.test(unit) ? unit : null;
    figure.unit = figure.currency ? '' : unit.slice(0, 500);
    const amount = plainNumber(quote);
    figure.value = amount === null ? null : { type: 'number', value: amount };
  } else {
    const units = attributes.units ?? '';
    figure.figureKind = /^(?:%|percent|per ?cent|pct)$/iu.test(units) ? 'percent' : 'count';
    figure.unit = units.slice(0, 500);
    const amount = plainNumber(quote, attributes['thousands-ch'], attributes['decimal-ch']);
    figure.value = amount === null ? null : { type: 'number', value: amount };
  }
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
