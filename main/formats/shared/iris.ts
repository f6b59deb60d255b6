/**
 * Identifiers exports give to articles, annotations and entities, and links for registry external ids.
 * Ids are stable (derived from the app's own ids, never random), so exporting twice gives identical files.
 */

const namespace = 'urn:newsroom-annotator';

/** The IRI of an article: the `source` every W3C annotation targets. */
export function articleIri(articleId: string): string {
  return `${namespace}:article:${urnPart(articleId)}`;
}

/** The IRI of one annotation of an article. */
export function annotationIri(articleId: string, annotationId: string): string {
  return `${articleIri(articleId)}:annotation:${urnPart(annotationId)}`;
}

/** The IRI of a registry entity, shared by every article that mentions it. */
export function entityIri(entityId: string): string {
  return `${namespace}:entity:${urnPart(entityId)}`;
}

// URN parts are percent-encoded so ids with any characters stay one valid IRI segment.
function urnPart(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A registry external id: its scheme ("wikidata", "geonames", ...) and value. */
export interface ExternalId {
  scheme: string;
  value: string;
}

// Wikidata's canonical concept URIs are http, not https (https://www.wikidata.org/wiki/Wikidata:Identifiers).
const externalIdTemplates: Record<string, { pattern: RegExp; url: (value: string) => string }> = {
  wikidata: { pattern: /^Q[1-9][0-9]*$/, url: (value) => `http://www.wikidata.org/entity/${value}` },
  geonames: { pattern: /^[1-9][0-9]*$/, url: (value) => `https://sws.geonames.org/${value}/` },
  viaf: { pattern: /^[1-9][0-9]*$/, url: (value) => `http://viaf.org/viaf/${value}` },
};

/** Preferred schemes first: the one a format with room for a single id should carry. */
const schemePreference = ['wikidata', 'geonames', 'viaf'];

/** An entity's external ids in a stable order: known schemes by preference, then the rest by name. */
export function externalIds(ids: Readonly<Record<string, string>>): ExternalId[] {
  const rank = (scheme: string) => {
    const index = schemePreference.indexOf(scheme.toLowerCase());
    return index < 0 ? schemePreference.length : index;
  };
  return Object.entries(ids)
    .filter(([scheme, value]) => scheme.trim() !== '' && value.trim() !== '')
    .map(([scheme, value]) => ({ scheme: scheme.trim(), value: value.trim() }))
    .sort((a, b) => rank(a.scheme) - rank(b.scheme) || (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0));
}

/**
 * A dereferenceable URL for an external id, or null when there is none: known schemes use their canonical
 * URI template, and a value that already is an absolute http(s) URL is used as it is.
 */
export function externalIdUrl(id: ExternalId): string | null {
  const template = externalIdTemplates[id.scheme.toLowerCase()];
  if (template) return template.pattern.test(id.value) ? template.url(id.value) : null;
  return isHttpUrl(id.value) ? new URL(id.value).href : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
