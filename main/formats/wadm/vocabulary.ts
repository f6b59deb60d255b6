/**
 * The JSON-LD vocabulary of our W3C Web Annotation export. Everything the W3C model names uses its own
 * terms from http://www.w3.org/ns/anno.jsonld; our extra fields (figure values, attribution speakers,
 * registry entities, status) are keys with the prefix `newsroom:`, declared in a second, inline context,
 * so every key expands to an absolute IRI and nothing is dropped by a JSON-LD processor.
 */

/** The W3C annotation context; every annotation names it (assertion 3.1). */
export const annoContextUrl = 'http://www.w3.org/ns/anno.jsonld';

/** The namespace our `newsroom:` keys expand into. It ends with "#" so JSON-LD 1.1 accepts it as a prefix. */
export const newsroomVocabulary = 'urn:newsroom-annotator:vocab#';

/** The prefix of our keys. */
export const newsroomPrefix = 'newsroom';

/** The `@context` of the collection and of every annotation. */
export const wadmContext: readonly [string, Readonly<Record<string, string>>] = [annoContextUrl, { [newsroomPrefix]: newsroomVocabulary }];

/** The key of one of our extension properties: `newsroom:<name>`. */
export function newsroomKey<Name extends string>(name: Name): `newsroom:${Name}` {
  return `${newsroomPrefix}:${name}`;
}

/** The media type of the export, with the profile the W3C model asks servers to use. */
export const wadmMediaType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** How many code points of context a TextQuoteSelector's prefix and suffix carry. */
export const quoteContextLength = 32;

// Arabic, Hebrew, Syriac, Thaana, NKo and their presentation forms.
const rightToLeftChars = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;

/** Whether a text holds right-to-left script, so a body says `textDirection: auto` for renderers. */
export function hasRightToLeftText(text: string): boolean {
  return rightToLeftChars.test(text);
}

/** A timestamp as xsd:dateTime in UTC without fractional seconds, or null when it is not a date. */
export function xsdDateTime(isoTimestamp: string): string | null {
  const time = Date.parse(isoTimestamp);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
