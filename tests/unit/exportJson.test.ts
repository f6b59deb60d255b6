import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsOf, articleText, parseArticleDocument } from '../../common/articleText';
import { wellFormedJson } from '../../common/wellFormedText';
import { exportFormatNames, formatNames } from '../../common/formats';
import type { ExportableArticle } from '../../main/formats/adapter';
import { exportArticle } from '../../main/formats/exportArticle';
import { formatAdapters } from '../../main/formats/index';
import { InvalidJsonExportError, jsonWriter, parseJsonExport, stableJson, type JsonExport } from '../../main/formats/json/writer';
import { exportArtifactsDir, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

function exportJson(article: ExportableArticle): string {
  return jsonWriter.write(article).files[0]!.content;
}

/** Builds the exporter's input from what parseJsonExport returns, as an import would store it. */
function reimported(content: string): ExportableArticle {
  const parsed = parseJsonExport(content);
  return { article: { ...parsed.article, importedFrom: null, copyOf: null }, doc: parsed.doc, annotations: parsed.annotations, entities: new Map(parsed.entities.map((entity) => [entity.id, entity])) };
}

/** The file edited as an object and written back, to make invalid files. */
function edited(content: string, edit: (file: JsonExport & Record<string, unknown>) => void): string {
  const file = JSON.parse(content) as JsonExport & Record<string, unknown>;
  edit(file);
  return JSON.stringify(file);
}

const articles: Array<[string, () => ExportableArticle]> = [
  ['the sample article', taggedSample],
  ['emoji, astral, combining, Arabic, CRLF and NBSP text', unicodeArticle],
  ['markup characters, controls and crossing tags', markupArticle],
];

describe('JSON export', () => {
  it.each(articles)('round-trips %s byte for byte: export, import, export', (_name, make) => {
    // What the app stores holds no lone surrogate (common/wellFormedText.ts repairs them where text comes in),
    // so the round trip starts from the fixture as the store would hold it.
    const raw = make();
    const stored = parseArticleDocument(wellFormedJson(raw.doc.toJSON()));
    const article = { ...raw, doc: stored, annotations: annotationsOf(stored) };
    const first = exportJson(article);
    const second = exportJson(reimported(first));
    expect(second).toBe(first);
    expect(exportJson(reimported(second))).toBe(first);
  });

  it('writes the versioned model with stable key order, 2-space indent and a final newline', () => {
    const article = taggedSample();
    const result = jsonWriter.write(article);
    const content = result.files[0]!.content;
    expect(result.files[0]!.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.json');
    expect(result.files[0]!.mimeType).toBe('application/json');
    expect(content.startsWith('{\n  "format": "newsroom-annotator",\n  "version": 1,\n  "article": {\n')).toBe(true);
    expect(content.endsWith('}\n')).toBe(true);
    const file = JSON.parse(content) as JsonExport;
    expect(Object.keys(file)).toEqual(['format', 'version', 'article', 'doc', 'annotations', 'entities', 'text', 'spans']);
    // Formatted exactly as JSON.stringify with a 2-space indent would format the same object.
    expect(content).toBe(`${JSON.stringify(file, null, 2)}\n`);
    // The library's view of where the article came from stays in the library.
    const { importedFrom: _importedFrom, copyOf: _copyOf, ...summary } = article.article;
    expect(file.article).toEqual(summary);
    expect(Object.keys(file.annotations).sort()).toEqual(Object.keys(article.annotations).sort());
    // The deleted tag is kept with the text it last covered.
    expect(file.annotations.o_ahrar_deleted!.quote).toBe('Ahrar al Sham');
    expect(file.entities.map((entity) => entity.id)).toEqual([...article.entities.keys()].sort());
    expect(file.text).toBe(articleText(article.doc).text);
    mkdirSync(exportArtifactsDir, { recursive: true });
    writeFileSync(path.join(exportArtifactsDir, result.files[0]!.fileName), content);
  });

  it('does not depend on the order records and entities were built in', () => {
    const article = unicodeArticle();
    const reversedAnnotations = Object.fromEntries(Object.entries(article.annotations).reverse());
    const reversed: ExportableArticle = { ...article, annotations: reversedAnnotations, entities: new Map([...article.entities].reverse()) };
    expect(exportJson(reversed)).toBe(exportJson(article));
    expect(exportJson(article)).toBe(exportJson(unicodeArticle()));
  });

  it.each(articles)('gives code-point offsets whose text is each span of %s', (_name, make) => {
    const article = make();
    const file = JSON.parse(exportJson(article)) as JsonExport;
    const codePoints = Array.from(file.text);
    const spans = articleText(article.doc).spans;
    for (const span of file.spans) expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
    for (const [id, list] of spans) {
      const written = file.spans.filter((span) => span.annotationId === id).map((span) => `${span.part}:${span.text}`);
      expect(written.sort()).toEqual(list.map((span) => `${span.part}:${file.text.slice(span.start, span.end)}`).sort());
    }
    // Lone surrogates survive as escapes, so even they round-trip.
    if (make === markupArticle) expect(exportJson(article)).toContain('\\ud800');
  });

  it('writes keys sorted, integer-like keys first, as JSON.stringify would format them', () => {
    const value = { b: [1, { z: null, a: 'x' }], a: {}, '10': [], '9': true, c: undefined };
    expect(stableJson(value)).toBe('{\n  "9": true,\n  "10": [],\n  "a": {},\n  "b": [\n    1,\n    {\n      "a": "x",\n      "z": null\n    }\n  ]\n}\n');
    expect(JSON.parse(stableJson(value))).toEqual({ b: [1, { z: null, a: 'x' }], a: {}, '10': [], '9': true });
  });
});

describe('parseJsonExport', () => {
  const good = exportJson(taggedSample());

  it('returns the article summary, checked document, annotations and entities', () => {
    const parsed = parseJsonExport(`\uFEFF${good}`);
    expect(parsed.article.id).toBe('art_ghouta_2018');
    expect(parsed.doc.firstChild!.textContent).toBe('Eastern Ghouta town weighs evacuation offer as assault grinds on');
    expect(Object.keys(parsed.annotations)).toHaveLength(Object.keys(taggedSample().annotations).length);
    expect(parsed.entities.find((entity) => entity.id === 'ent_afp')!.externalIds).toEqual({ wikidata: 'Q40464' });
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['text that is not JSON', '{"format": ', /not valid JSON/],
    ['JSON of another format', JSON.stringify({ format: 'other', version: 1 }), /not a Newsroom Annotator JSON export/],
    ['an array', '[]', /not a Newsroom Annotator JSON export/],
    ['a file from a newer version', edited(good, (file) => void ((file as { version: number }).version = 2)), /newer version .*format version 2/],
    ['a record with an unknown status', edited(good, (file) => void ((file.annotations.p_mattis as { status: string }).status = 'maybe')), /annotations\.p_mattis\.status/],
    ['an entity with an unknown type', edited(good, (file) => void ((file.entities[0] as { type: string }).type = 'planet')), /entities\.0\.type/],
    ['a document that does not fit the schema', edited(good, (file) => void ((file.doc as { content: unknown[] }).content = [])), /document is invalid/],
    [
      'annotations that differ from the document',
      edited(good, (file) => void (file.annotations.p_mattis!.note = 'changed')),
      /"annotations" differ from the annotation records in its document/,
    ],
    ['text that is not the document text', edited(good, (file) => void (file.text = `${file.text} `)), /"text" is not the plain text/],
    ['a moved span', edited(good, (file) => void (file.spans[0]!.start += 1)), /"spans" do not match/],
    ['a duplicated entity', edited(good, (file) => void file.entities.push(file.entities[0]!)), /appears twice/],
  ];
  it.each(refusals)('refuses %s with a clear message', (_name, content, message) => {
    expect(() => parseJsonExport(content)).toThrow(InvalidJsonExportError);
    expect(() => parseJsonExport(content)).toThrow(message);
  });
});

describe('the format adapters', () => {
  it('has one adapter per format, named for it, with a writer exactly for the export formats', () => {
    for (const name of formatNames) {
      expect(formatAdapters[name].name).toBe(name);
      expect(formatAdapters[name].writer !== undefined).toBe((exportFormatNames as readonly string[]).includes(name));
    }
  });

  it('exports the sample in every export format under the same file stem', () => {
    const article = taggedSample();
    for (const format of exportFormatNames) {
      const result = exportArticle(format, article);
      expect(result.files.length).toBeGreaterThan(0);
      expect(result.files[0]!.fileName.startsWith('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.')).toBe(true);
    }
    expect(() => exportArticle('pdf' as never, article)).toThrow(/cannot be exported as pdf/);
  });
});
