import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportableArticle } from '../../main/formats/adapter';
import { exportText } from '../../main/formats/shared/exportText';
import { exportWadm } from '../../main/formats/wadm/writer';
import { newsroomVocabulary } from '../../main/formats/wadm/vocabulary';
import { exportArtifactsDir, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';
import { codePointSlice } from '../support/validateNitf';
import { compactKeys, expandOffline, loadWadmAssertions, unexpectedExpandedKeys, wadmFailures, type WadmAssertion } from '../support/validateWadm';

// Loose views of the exported JSON, enough for the checks below.
interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface Target {
  source: string;
  selector: Selector[];
  'newsroom:part': 'content' | 'cue';
}
interface Body {
  type: string;
  purpose: string;
  value?: string;
  source?: string;
  textDirection?: string;
}
interface WebAnnotation {
  id: string;
  motivation: string;
  created: string;
  modified: string;
  body: Body[];
  target: Target[] | string;
  'newsroom:annotationId': string;
  [key: string]: unknown;
}
interface Collection {
  id: string;
  type: string;
  total: number;
  'newsroom:article': { 'newsroom:text': string; 'newsroom:textLength': number };
  first: { type: string; items: WebAnnotation[] };
}

interface Exported {
  input: ExportableArticle;
  content: string;
  collection: Collection;
  warnings: string[];
}

const fixtures: Record<'sample' | 'unicode' | 'markup', () => ExportableArticle> = {
  sample: taggedSample,
  unicode: unicodeArticle,
  markup: markupArticle,
};
const names = Object.keys(fixtures) as (keyof typeof fixtures)[];
const results = {} as Record<keyof typeof fixtures, Exported>;
let assertions: WadmAssertion[] = [];
// Namespaces every expanded key must fall in: the W3C and other public vocabularies of anno.jsonld, and ours.
const allowedNamespaces = ['http://www.w3.org/', 'http://purl.org/dc/', 'http://xmlns.com/foaf/0.1/', newsroomVocabulary];
const motivations = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];

const annotationOf = (name: keyof typeof fixtures, id: string) => results[name].collection.first.items.find((item) => item['newsroom:annotationId'] === id)!;
const targetsOf = (annotation: WebAnnotation) => (typeof annotation.target === 'string' ? [] : annotation.target);
const selectorOf = (target: Target, type: string) => target.selector.find((selector) => selector.type === type)!;

beforeAll(() => {
  assertions = loadWadmAssertions();
  for (const name of names) {
    const input = fixtures[name]();
    const result = exportWadm(input);
    expect(result.files).toHaveLength(1);
    const content = result.files[0]!.content;
    results[name] = { input, content, collection: JSON.parse(content) as Collection, warnings: result.warnings };
    const folder = name === 'sample' ? exportArtifactsDir : path.join(exportArtifactsDir, 'synthetic');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, result.files[0]!.fileName), content);
  }
});

describe('W3C Web Annotation export', () => {
  it('loads every MUST assertion of the W3C test suite', () => {
    expect(assertions.length).toBe(54);
  });

  it('the assertions really check: a broken annotation fails them', () => {
    const broken = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'not a uri', type: 'Annotation', body: 'urn:x:y', bodyValue: 'text', target: 5, created: 'yesterday' };
    const failed = wadmFailures(broken, assertions).map((failure) => failure.file);
    expect(failed).toEqual(expect.arrayContaining([
      'annotations/3.1-annotationIdValidated.json',
      'annotations/3.2-targetObjectsRecognized.json',
      'annotations/3.2.5-notBodyBodyValue.json',
      'annotations/3.3.1-annotationCreatedValidated.json',
    ]));
    const sample = results.sample.collection.first.items[0]!;
    expect(wadmFailures({ ...sample, '@context': 'http://example.org/context.jsonld' }, assertions).map((failure) => failure.file)).toEqual(['annotations/3.1-annotationContextValidated.json']);
  });

  it.each(names)('%s: every annotation passes every MUST assertion', (name) => {
    const items = results[name].collection.first.items;
    expect(items.length).toBeGreaterThan(0);
    const failures = items.flatMap((item) => wadmFailures(item, assertions).map((failure) => `${item.id}: ${failure.file} ${failure.details}`));
    expect(failures).toEqual([]);
  });

  it.each(names)('%s expands against the local anno.jsonld in safe mode, every key to an IRI', async (name) => {
    const { collection, content } = results[name];
    const { expanded, events } = await expandOffline(collection);
    expect(events).toEqual([]);
    expect(unexpectedExpandedKeys(expanded, allowedNamespaces)).toEqual([]);
    // Every one of our keys used in the file shows up expanded in our namespace.
    const ours = [...compactKeys(collection)].filter((key) => key.startsWith('newsroom:')).map((key) => key.replace('newsroom:', newsroomVocabulary));
    const expandedText = JSON.stringify(expanded);
    for (const iri of ours) expect(expandedText).toContain(`"${iri}"`);
    // Each annotation also stands alone.
    for (const item of collection.first.items.slice(0, 5)) await expandOffline(item);
    expect(content).not.toMatch(/"newsroom:[^"]*":\s*null/);
  });

  it('the expansion check really checks: undefined terms and prefixes are caught', async () => {
    const item = results.sample.collection.first.items[0]!;
    await expect(expandOffline({ ...item, colour: 'red' })).rejects.toThrow();
    const { expanded } = await expandOffline({ ...item, 'undeclared:colour': 'red' });
    expect(unexpectedExpandedKeys(expanded, allowedNamespaces)).toEqual(['undeclared:colour']);
  });

  it.each(names)('%s: position selectors slice the exported plain text by code points to exactly the quote', (name) => {
    const { input, collection } = results[name];
    const text = exportText(input).text;
    expect(collection['newsroom:article']['newsroom:text']).toBe(text);
    expect(collection['newsroom:article']['newsroom:textLength']).toBe(Array.from(text).length);
    let checked = 0;
    for (const item of collection.first.items) {
      for (const target of targetsOf(item)) {
        const quote = selectorOf(target, 'TextQuoteSelector');
        const position = selectorOf(target, 'TextPositionSelector');
        expect(codePointSlice(text, position.start!, position.end!)).toBe(quote.exact);
        // Prefix and suffix are the (up to) 32 code points either side.
        expect(quote.prefix ?? '').toBe(codePointSlice(text, Math.max(0, position.start! - 32), position.start!));
        expect(quote.suffix ?? '').toBe(codePointSlice(text, position.end!, position.end! + 32));
        checked += 1;
      }
    }
    expect(checked).toBe(exportText(input).spans.length);
  });

  it.each(names)('%s: every annotation is exported once, with one target per span', (name) => {
    const { input, collection } = results[name];
    const exported = exportText(input);
    const items = collection.first.items;
    expect(collection.total).toBe(items.length);
    expect(items.map((item) => item['newsroom:annotationId']).sort()).toEqual(Object.keys(input.annotations).sort());
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    for (const item of items) {
      const spans = exported.spansByAnnotation.get(item['newsroom:annotationId']) ?? [];
      expect(targetsOf(item).map((target) => target['newsroom:part'])).toEqual(spans.map((span) => span.part));
      expect(motivations).toContain(item.motivation);
      expect(item.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('identifies linked entities with the registry and their external ids', () => {
    const damascus = annotationOf('sample', 'pl_damascus_1');
    expect(damascus.motivation).toBe('identifying');
    expect(damascus.body.filter((body) => body.purpose === 'tagging').map((body) => body.value)).toEqual(['entity', 'place']);
    expect(damascus.body.filter((body) => body.purpose === 'identifying').map((body) => body.source)).toEqual([
      'urn:newsroom-annotator:entity:ent_damascus',
      'http://www.wikidata.org/entity/Q3766',
      'https://sws.geonames.org/170654/',
    ]);
    const interfax = annotationOf('sample', 'o_interfax_1');
    expect(interfax.body.filter((body) => body.purpose === 'identifying').map((body) => body.source)).toContain('https://www.interfax.com/');
    const mudeira = annotationOf('sample', 'pl_mudeira');
    expect(mudeira.motivation).toBe('tagging');
    expect(mudeira.body.some((body) => body.purpose === 'identifying')).toBe(false);
  });

  it('carries figure and attribution fields, machine-readable and in words', () => {
    const figure = annotationOf('sample', 'fig_1100');
    expect(figure['newsroom:figure']).toEqual({
      'newsroom:figureKind': 'count',
      'newsroom:valueType': 'number',
      'newsroom:value': 1100,
      'newsroom:qualifier': 'more_than',
      'newsroom:unit': 'civilians killed',
      'newsroom:verification': 'disputed',
      'newsroom:sourceNote': 'SOHR count; not independently verified',
    });
    expect(figure.body.find((body) => body.purpose === 'describing')!.value).toMatch(/more than 1100 civilians killed.*disputed/);
    expect(annotationOf('sample', 'fig_december_2016')['newsroom:figure']).toMatchObject({ 'newsroom:valueType': 'date', 'newsroom:value': '2016-12' });

    const quote = annotationOf('sample', 'att_alwan');
    expect(quote['newsroom:attribution']).toEqual({
      'newsroom:mode': 'direct',
      'newsroom:speaker': {
        'newsroom:speakerType': 'entity',
        'newsroom:name': 'Wael Alwan',
        'newsroom:entity': { id: 'urn:newsroom-annotator:entity:ent_alwan' },
        'newsroom:mention': { id: annotationOf('sample', 'p_alwan').id },
      },
      'newsroom:medium': '',
    });
    expect(targetsOf(quote).map((target) => selectorOf(target, 'TextQuoteSelector').exact)).toEqual([
      'There are no direct or indirect negotiations with the Russian enemy or its allies',
      'said',
    ]);
    const anonymous = annotationOf('sample', 'att_committee');
    expect(anonymous['newsroom:attribution']).toMatchObject({
      'newsroom:mode': 'indirect',
      'newsroom:speaker': { 'newsroom:speakerType': 'anonymous', 'newsroom:description': 'a member of the committee', 'newsroom:anonymityReason': 'speaking on condition of anonymity' },
      'newsroom:medium': 'AFP',
      'newsroom:mediumEntity': { id: 'urn:newsroom-annotator:entity:ent_afp' },
    });
    expect(anonymous.body.find((body) => body.purpose === 'describing')!.value).toBe(
      'Indirect attribution; anonymous speaker: a member of the committee (speaking on condition of anonymity); medium: AFP; cue: told AFP',
    );
    const note = annotationOf('sample', 'o_fsa').body.find((body) => body.purpose === 'commenting');
    expect(note?.value).toMatch(/^Umbrella of factions/);
  });

  it('gives a split quote one target per piece, and marks right-to-left bodies', () => {
    const split = annotationOf('unicode', 'u_split_quote');
    expect(targetsOf(split).map((target) => [target['newsroom:part'], selectorOf(target, 'TextQuoteSelector').exact])).toEqual([
      ['content', 'We will stay 💪,'],
      ['cue', 'said'],
      ['content', 'until the last family leaves 🏠.'],
    ]);
    const arabic = annotationOf('unicode', 'u_arabic_quote');
    expect(arabic.body.find((body) => body.purpose === 'describing')).toMatchObject({ textDirection: 'auto' });
    expect(annotationOf('unicode', 'u_arabic_spokesman').body.find((body) => body.purpose === 'commenting')).toMatchObject({ textDirection: 'auto' });
  });

  it('keeps a tag whose words were deleted, targeting the article as a whole, with a warning', () => {
    const detached = annotationOf('sample', 'o_ahrar_deleted');
    expect(detached.target).toBe('urn:newsroom-annotator:article:art_ghouta_2018');
    expect(detached['newsroom:detached']).toBe(true);
    expect(detached['newsroom:quote']).toBe('Ahrar al Sham');
    expect(results.sample.warnings.join('\n')).toMatch(/o_ahrar_deleted/);
  });

  it('writes one .jsonld file per article, named by a safe slug, the same bytes every time', () => {
    const file = exportWadm(taggedSample()).files[0]!;
    expect(file.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.jsonld');
    expect(file.mimeType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(file.content).toBe(results.sample.content);
    expect(results.sample.collection).toMatchObject({ type: 'AnnotationCollection', first: { type: 'AnnotationPage' } });
    expect(exportWadm(results.markup.input).files[0]!.fileName).toMatch(/^[a-z0-9_-]+\.jsonld$/);
  });
});
