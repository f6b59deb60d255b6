import type { EntityType } from '../../../common/model/annotation';

/**
 * NITF's inline vocabulary as this app uses it, once for the reader and the writer: which element an entity
 * type is written as and read from, and which elements carry figures and quotes.
 */

/** The element each entity type is written as. */
export const entityElementByType: Record<EntityType, string> = {
  person: 'person',
  organisation: 'org',
  place: 'location',
  event: 'event',
  // NITF has no generic named-entity element; `classifier` (type, idsrc, value) is its closest fit.
  other: 'classifier',
};

/**
 * The entity type each element is read as. `classifier` is left out: other desks use it for subject codes,
 * not names, so only our own record (not the inline tag) brings an "other" mention back.
 */
export const entityTypeByElement: ReadonlyMap<string, EntityType> = new Map(
  Object.entries(entityElementByType)
    .filter(([, element]) => element !== 'classifier')
    .map(([type, element]) => [element, type as EntityType]),
);

/** The elements that carry figures: counts and amounts, money, and dates or durations. */
export const figureElementNames = ['num', 'money', 'chron'] as const;

/** The element that carries a direct quote. */
export const quoteElementName = 'q';

/** Every NITF inline element that carries an annotation when read. */
export const annotationElementNames: ReadonlySet<string> = new Set([...entityTypeByElement.keys(), ...figureElementNames, quoteElementName]);
