import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportableArticle } from '../../main/formats/adapter';
import { exportText } from '../../main/formats/shared/exportText';
import { exportNitf, nitfNamespace } from '../../main/formats/nitf/writer';
import { xmlSafeText } from '../../main/formats/shared/xmlWriter';
import { exportArtifactsDir, makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';
import { codePointSlice, readNitf, validateNitf, type NitfReading } from '../support/validateNitf';

interface Exported {
  input: ExportableArticle;
  xml: string;
  warnings: string[];
  reading: NitfReading;
}

const fixtures: Record<'sample' | 'unicode' | 'markup', () => ExportableArticle> = {
  sample: taggedSample,
  unicode: unicodeArticle,
  markup: markupArticle,
};
const names = Object.keys(fixtures) as (keyof typeof fixtures)[];
const results = {} as Record<keyof typeof fixtures, Exported>;

beforeAll(() => {
  for (const name of names) {
    const input = fixtures[name]();
    const result = exportNitf(input);
    expect(result.files).toHaveLength(1);
    const xml = result.files[0]!.content;
    results[name] = { input, xml, warnings: result.warnings, reading: readNitf(xml) };
    // Kept for people to look at; the sample at the top, synthetic articles beside it.
    const folder = name === 'sample' ? exportArtifactsDir : path.join(exportArtifactsDir, 'synthetic');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, result.files[0]!.fileName), xml);
  }
});

describe('NITF 3.6 export', () => {
  it.each(names)('%s validates against the official nitf-3-6.xsd with xmllint', (name) => {
    const validation = validateNitf(results[name].xml);
    expect(validation.output).toMatch(/validates/);
    expect(validation.valid).toBe(true);
  });

  it('the validator really checks: no namespace, or an element where the XSD forbids it, fails', () => {
    const { xml } = results.sample;
    expect(validateNitf(xml.replace(` xmlns="${nitfNamespace}"`, '')).valid).toBe(false);
    expect(validateNitf(xml.replace('<location na:ann="pl_syria_in_org"', '<location')).valid).toBe(true);
    const locationInsideOrg = xml.replace(/(<org [^>]*>)(Russian Centre)/, '$1<location>x</location>$2');
    expect(locationInsideOrg).not.toBe(xml);
    expect(validateNitf(locationInsideOrg).valid).toBe(false);
  });

  it.each(names)('%s reads back as the same plain text, block by block', (name) => {
    const { input, reading } = results[name];
    const exported = exportText(input);
    // Characters XML cannot carry are replaced one for one, so only those may differ.
    expect(reading.text).toBe(xmlSafeText(exported.text));
    expect(reading.blocks.map((block) => block.text)).toEqual(exported.blocks.map((block) => xmlSafeText(block.text)));
    expect(reading.title).toBe(xmlSafeText(input.article.title));
  });

  it.each(names)('%s records every annotation with all its fields and every span at its code-point offsets', (name) => {
    const { input, reading } = results[name];
    const exported = exportText(input);
    const record = reading.record!;
    expect(record.version).toBe(1);
    expect(record.textLength).toBe(Array.from(reading.text).length);
    expect(record.annotations.map((annotation) => annotation.id).sort()).toEqual(Object.keys(input.annotations).sort());
    for (const recorded of record.annotations) {
      const { spans, ...fields } = recorded;
      expect(fields).toEqual(input.annotations[recorded.id]);
      const expected = exported.spansByAnnotation.get(recorded.id) ?? [];
      expect(spans.map((span) => [span.part, span.start, span.end])).toEqual(expected.map((span) => [span.part, span.codePointStart, span.codePointEnd]));
      for (const span of spans) expect(codePointSlice(reading.text, span.start, span.end)).toBe(span.text);
    }
    expect(record.entities.map((entity) => entity.id).sort()).toEqual([...input.entities.keys()].sort());
  });

  it.each(names)('%s: the inline tags are exactly the recorded spans marked inline, and the rest say why not', (name) => {
    const { reading } = results[name];
    const recordInline = reading.record!.annotations.flatMap((annotation) =>
      annotation.spans.filter((span) => span.inline !== null).map((span) => `${annotation.id} ${span.inline} ${span.start}-${span.end}`),
    );
    const markup = reading.inline.map((tag) => `${tag.annotationId} ${tag.element} ${tag.start}-${tag.end}`);
    expect(markup.sort()).toEqual(recordInline.sort());
    for (const annotation of reading.record!.annotations) {
      for (const span of annotation.spans) {
        if (span.inline !== null) expect(span.omitted).toBeUndefined();
        else expect(span.omitted).toEqual(span.part === 'cue' ? 'cue' : expect.stringMatching(/^(crossing|nesting)$/));
      }
    }
  });

  it('keeps the outer tag where the XSD forbids nesting, and records the inner one', () => {
    const { reading, warnings } = results.sample;
    const omitted = (id: string) => reading.record!.annotations.find((annotation) => annotation.id === id)!.spans[0]!;
    // A place inside an organisation's name, a date inside an event: org and event hold only text.
    expect(omitted('pl_syria_in_org')).toMatchObject({ inline: null, omitted: 'nesting', text: 'Syria' });
    expect(omitted('fig_april_2017')).toMatchObject({ inline: null, omitted: 'nesting', text: 'April 6, 2017' });
    expect(reading.inline.find((tag) => tag.annotationId === 'o_rccwp')).toMatchObject({ element: 'org', text: "Russian Centre for Reconciliation of Syria's Warring Parties" });
    expect(reading.inline.find((tag) => tag.annotationId === 'ev_missile_strike')).toMatchObject({ element: 'event' });
    // Names and figures inside a quote nest for real: q holds any inline element.
    const quote = reading.inline.find((tag) => tag.annotationId === 'att_zolotukhin_52')!;
    const inside = reading.inline.filter((tag) => tag.start >= quote.start && tag.end <= quote.end && tag !== quote);
    expect(inside.map((tag) => tag.annotationId).sort()).toEqual(['fig_26', 'fig_52', 'pl_ghouta_zolotukhin']);
    expect(warnings.join('\n')).toMatch(/pl_syria_in_org.*fig_april_2017|fig_april_2017.*pl_syria_in_org/);
  });

  it('records spans that cross instead of nesting, keeping the one that starts first', () => {
    const { reading, warnings } = results.markup;
    const spanOf = (id: string) => reading.record!.annotations.find((annotation) => annotation.id === id)!.spans[0]!;
    expect(spanOf('m_hurt').inline).toBe('q');
    expect(spanOf('m_red_crescent')).toMatchObject({ inline: null, omitted: 'crossing', text: 'Red Crescent Hospital' });
    // Once the crossing span is out, the square no longer crosses anything and is written.
    expect(spanOf('m_square').inline).toBe('location');
    expect(warnings.join('\n')).toMatch(/m_red_crescent/);
  });

  it('writes a split quote as one q per piece and records its cues', () => {
    const { reading } = results.unicode;
    const pieces = reading.inline.filter((tag) => tag.annotationId === 'u_split_quote');
    expect(pieces.map((tag) => tag.text)).toEqual(['We will stay 💪,', 'until the last family leaves 🏠.']);
    expect(pieces.every((tag) => tag.element === 'q' && tag.attributes['quote-source'] === 'Zoe\u0308 A\u030Angstro\u0308m')).toBe(true);
    const cue = reading.record!.annotations.find((annotation) => annotation.id === 'u_split_quote')!.spans.find((span) => span.part === 'cue');
    expect(cue).toMatchObject({ text: 'said', inline: null, omitted: 'cue' });
  });

  it('keeps a tag whose words were deleted in the record, with a warning', () => {
    const { reading, warnings } = results.sample;
    const detached = reading.record!.annotations.find((annotation) => annotation.id === 'o_ahrar_deleted')!;
    expect(detached).toMatchObject({ status: 'needs_review', quote: 'Ahrar al Sham', spans: [] });
    expect(warnings.join('\n')).toMatch(/o_ahrar_deleted/);
  });

  it('maps every kind to its NITF element with ids, units, norms and quote sources', () => {
    const { reading } = results.sample;
    const tag = (id: string) => reading.inline.find((candidate) => candidate.annotationId === id)!;
    expect(tag('p_alwan')).toMatchObject({ element: 'person', text: 'Wael Alwan' });
    expect(tag('o_reuters_1')).toMatchObject({ element: 'org', attributes: expect.objectContaining({ idsrc: 'wikidata', value: 'Q130879' }) });
    expect(tag('pl_damascus_1')).toMatchObject({ element: 'location', text: 'Damascus' });
    expect(results.sample.xml).toMatch(/<location na:ann="pl_damascus_1"><alt-code idsrc="wikidata" value="Q3766"\/><alt-code idsrc="geonames" value="170654"\/>Damascus<\/location>/);
    expect(tag('ev_missile_strike').element).toBe('event');
    expect(tag('oth_sarin')).toMatchObject({ element: 'classifier', attributes: expect.objectContaining({ type: 'other' }) });
    expect(tag('fig_400000')).toMatchObject({ element: 'num', attributes: expect.objectContaining({ units: 'civilians trapped in the siege' }) });
    expect(tag('fig_december_2016')).toMatchObject({ element: 'chron', attributes: expect.objectContaining({ norm: '2016-12' }) });
    expect(tag('fig_fourth_week')).toMatchObject({ element: 'chron', attributes: expect.objectContaining({ norm: 'P3W' }) });
    expect(tag('att_alwan')).toMatchObject({
      element: 'q',
      text: 'There are no direct or indirect negotiations with the Russian enemy or its allies',
      attributes: expect.objectContaining({ 'quote-source': 'Wael Alwan', class: 'direct' }),
    });
    expect(tag('att_committee').attributes['quote-source']).toBe('a member of the committee');
    expect(results.unicode.reading.inline.find((candidate) => candidate.annotationId === 'u_money')).toMatchObject({ element: 'money', attributes: expect.objectContaining({ unit: 'EUR' }) });
  });

  it('places the blocks: hedline, abstract, hl2, media with caption and producer, tagline', () => {
    const { reading, xml, input } = results.sample;
    expect(reading.blocks[0]).toEqual({ element: 'hl1', text: input.article.title });
    expect(reading.blocks[1]!.element).toBe('p');
    expect(xml).toMatch(/<abstract>\s*<p>As Syrian regime/);
    expect(reading.blocks.filter((block) => block.element === 'hl2')).toHaveLength(6);
    expect(reading.blocks.filter((block) => block.element === 'media-caption')).toHaveLength(1);
    expect(xml).toMatch(/<\/media-caption>\s*<media-producer>AP<\/media-producer>/);
    expect(reading.blocks.at(-1)).toEqual({ element: 'tagline', text: 'Source: TRTWorld and agencies' });
    expect(xml).toMatch(/<\/hedline>\s*<byline>TRTWorld and agencies<\/byline>\s*<abstract>/);
    expect(xml).toMatch(/<doc-id regsrc="newsroom-annotator" id-string="art_ghouta_2018"\/>/);
    expect(xml).toMatch(/<date.issue norm="20180311T080000Z"\/>/);
    // Released only once the article is done.
    expect(xml).not.toMatch(/date.release/);
    const done = exportNitf({ ...input, article: { ...input.article, status: 'done' } }).files[0]!.content;
    expect(done).toMatch(/<date.release norm="20180311T101500Z"\/>/);
  });

  it('keeps document order for blocks in unusual places, and stays valid', () => {
    const input = makeArticle(
      [
        { type: 'headline', text: '' },
        { type: 'paragraph', text: 'First paragraph before any standfirst.' },
        { type: 'standfirst', text: 'A standfirst in the middle.' },
        { type: 'credit', text: 'A credit in the middle' },
        { type: 'paragraph', text: '' },
        { type: 'caption', text: 'A caption without credit' },
        { type: 'credit', text: 'Closing credit one' },
        { type: 'credit', text: 'Closing credit two' },
      ],
      [{ id: 'x_place', kind: 'entity', entityType: 'place', text: 'middle', occurrence: 1 }],
      { status: 'done' },
    );
    const xml = exportNitf(input).files[0]!.content;
    expect(validateNitf(xml).valid).toBe(true);
    const reading = readNitf(xml);
    expect(reading.text).toBe(exportText(input).text);
    expect(reading.blocks.map((block) => block.element)).toEqual(['hl1', 'p', 'p', 'p', 'p', 'media-caption', 'p', 'tagline']);
    expect(xml).toMatch(/<p class="standfirst">A standfirst in the middle.<\/p>\s*<p class="credit">A credit in the <location na:ann="x_place">middle<\/location><\/p>/);
    expect(xml).not.toMatch(/<abstract>|<media-producer>/);
    expect(xml).toMatch(/<date.release norm="20180311T101500Z"\/>/);
  });

  it('counts offsets in code points on astral, combining, right-to-left, CRLF and NBSP text', () => {
    const { reading, input } = results.unicode;
    const exported = exportText(input);
    const byId = new Map(reading.record!.annotations.map((annotation) => [annotation.id, annotation]));
    for (const [id, spans] of exported.spansByAnnotation) {
      for (const [index, span] of spans.entries()) {
        const recorded = byId.get(id)!.spans[index]!;
        expect(codePointSlice(reading.text, recorded.start, recorded.end)).toBe(span.text);
      }
    }
    const yoshinoya = byId.get('u_yoshinoya')!.spans[0]!;
    expect(yoshinoya.text).toBe('𠮷野家');
    expect(yoshinoya.end - yoshinoya.start).toBe(3);
    // The same span in UTF-16 sits further along: astral characters before it count twice there.
    expect(exported.spansByAnnotation.get('u_yoshinoya')![0]!.start).toBeGreaterThan(yoshinoya.start);
    expect(byId.get('u_who')!.spans[0]!.text).toBe('World Health\r\nOrganization');
    expect(byId.get('u_1200')!.spans[0]!.text).toBe('1,200\u00a0patients');
    expect(byId.get('u_msf')!.spans[0]!.text).toBe('Me\u0301decins Sans Frontie\u0300res');
    expect(byId.get('u_arabic_quote')!.spans.map((span) => span.text)).toEqual(['قال', '٣٠٠ مدني غادروا دوما يوم الأحد']);
    expect(reading.text).toContain('\r\n');
  });

  it('escapes markup everywhere and replaces characters XML 1.0 forbids', () => {
    const { reading, xml, input } = results.markup;
    expect(xml).not.toMatch(/<b>|<script>/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(reading.title).toBe(`Fish & "Chips" <b>not bold</b> ]]> 'quoted'`);
    expect(reading.blocks[1]!.text).toBe('Bell\uFFFD and NUL\uFFFD and \uFFFD and a lone \uFFFD surrogate near Damascus.');
    const quote = reading.inline.find((tag) => tag.annotationId === 'm_hurt')!;
    expect(quote.attributes['quote-source']).toBe(`O'Brien & "Sons" <Ltd>`);
    // The record keeps the original strings exactly, control characters included (JSON escapes them).
    const fish = reading.record!.annotations.find((annotation) => annotation.id === 'm_fish')!;
    expect(fish.note).toBe(input.annotations.m_fish!.note);
    const hurt = reading.record!.annotations.find((annotation) => annotation.id === 'm_hurt')!;
    expect(hurt).toMatchObject({ speaker: { anonymityReason: 'not authorised\tto speak\r\n' } });
    expect(reading.record!.annotations.find((annotation) => annotation.id === 'm_lone')!.quote).toBe('lone \uD800 surrogate');
  });

  it('names the file by a safe slug of title and id', () => {
    expect(exportNitf(results.sample.input).files[0]).toMatchObject({
      fileName: 'eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.nitf.xml',
      mimeType: 'application/xml',
    });
    expect(exportNitf(results.markup.input).files[0]!.fileName).toMatch(/^[a-z0-9_-]+\.nitf\.xml$/);
  });

  it('is deterministic: exporting twice gives the same bytes', () => {
    expect(exportNitf(taggedSample()).files[0]!.content).toBe(results.sample.xml);
  });
});
