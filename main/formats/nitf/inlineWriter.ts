import type { Annotation, FigureAnnotation } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { speakerName } from '../../../common/model/fieldText';
import { externalIds, type ExternalId } from '../shared/iris';
import { xmlElement, type XmlAttributeValue, type XmlElement } from '../shared/xmlWriter';
import { entityElementByType, quoteElementName } from './vocabulary';

/**
 * How each annotation becomes an NITF 3.6 inline element, and which inline elements may hold others.
 * Checked against nitf-3-6.xsd: only `q` takes enriched text (any inline element); `person`, `org`,
 * `location`, `event` and `classifier` hold text plus `alt-code` (and a few parts we do not use);
 * `num` holds text plus fraction parts; `money` and `chron` hold text only.
 */

/** The namespace of our own attributes and records inside NITF (NITF allows other namespaces everywhere). */
export const annotatorNamespace = 'urn:newsroom-annotator:nitf:1';
/** The prefix bound to `annotatorNamespace` on the root element. */
export const annotatorPrefix = 'na';

/** The NITF element an annotation's content spans are written as, with its attributes and leading children. */
export interface NitfInlineTag {
  name: string;
  attributes: Record<string, XmlAttributeValue>;
  // Children written before the tagged text (alt-code elements carry no text, so the text is unchanged).
  leading: XmlElement[];
}

/** Whether the NITF element `outer` may hold the inline element `inner`; only `q` holds other inline tags. */
export function nitfCanContain(outer: NitfInlineTag, _inner: NitfInlineTag): boolean {
  return outer.name === quoteElementName;
}

/** The inline tag of an annotation's content spans. Every annotation has one; cues have none (see nitf.ts). */
export function nitfInlineTag(annotation: Annotation, entities: ReadonlyMap<string, EntityRecord>): NitfInlineTag {
  const marker = { [`${annotatorPrefix}:ann`]: annotation.id };
  switch (annotation.kind) {
    case 'entity': {
      const name = entityElementByType[annotation.entityType];
      const ids = annotation.entityId ? externalIds(entities.get(annotation.entityId)?.externalIds ?? {}) : [];
      return { name, attributes: { ...marker, ...entityIdAttributes(name, ids[0]) }, leading: ids.slice(name === 'location' ? 0 : 1).map(altCode) };
    }
    case 'figure':
      return { ...figureTag(annotation), leading: [] };
    case 'attribution':
      return { name: quoteElementName, attributes: { ...marker, class: annotation.mode, 'quote-source': speakerName(annotation.speaker) || undefined }, leading: [] };
  }

  function figureTag(figure: FigureAnnotation): Omit<NitfInlineTag, 'leading'> {
    const { figureKind, value, unit, currency } = figure.figure;
    if (figureKind === 'money') return { name: 'money', attributes: { ...marker, unit: currency ?? undefined } };
    // NITF prefers basic date-times (YYYYMMDDTHHMMSS-HHMM), which would claim a time and zone the copy does not
    // give; the ISO 8601 value as tagged (2017-04-06, 2016-12, 2004/2009, 06:00, P3W) is what `norm` carries instead.
    if (value && value.type !== 'number' && value.type !== 'range') return { name: 'chron', attributes: { ...marker, norm: value.iso } };
    if (figureKind === 'date' || figureKind === 'duration') return { name: 'chron', attributes: marker };
    const units = unit.trim() || (figureKind === 'percent' ? 'percent' : undefined);
    return { name: 'num', attributes: { ...marker, units } };
  }
}

/** The first external id goes in the element's own attributes; `location` names them differently. */
function entityIdAttributes(name: string, id: ExternalId | undefined): Record<string, XmlAttributeValue> {
  if (name === 'location') return {};
  const base = name === 'classifier' ? { type: 'other' } : {};
  return id ? { ...base, idsrc: id.scheme, value: id.value } : base;
}

function altCode(id: ExternalId): XmlElement {
  return xmlElement('alt-code', { idsrc: id.scheme, value: id.value });
}
