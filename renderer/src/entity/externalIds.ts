/** An external identifier as the entity page shows it: the scheme's name, the id, and the address it stands for. */
export interface ExternalIdView {
  scheme: string;
  label: string;
  value: string;
  // The page the id names, shown as text to copy: the app itself never goes online.
  address: string | null;
}

const schemeLabels: Record<string, string> = { wikidata: 'Wikidata', viaf: 'VIAF', isni: 'ISNI', orcid: 'ORCID', geonames: 'GeoNames' };

/** The external ids of an entity, in scheme order, with the address of each where one is known or the id is one. */
export function externalIdViews(externalIds: Record<string, string>): ExternalIdView[] {
  return Object.entries(externalIds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scheme, value]) => ({
      scheme,
      label: schemeLabels[scheme] ?? scheme,
      value,
      address: /^https?:\/\//i.test(value) ? value : scheme === 'wikidata' && /^Q[1-9][0-9]*$/.test(value) ? `https://www.wikidata.org/wiki/${value}` : null,
    }));
}
