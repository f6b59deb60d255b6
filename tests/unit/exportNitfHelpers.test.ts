import { describe, expect, it } from 'vitest';
import { codePointsAfter, codePointsBefore } from '../../main/formats/shared/exportText';
import { exportFileName, exportFileStem, maxFileStemLength, slugify } from '../../main/formats/shared/fileNames';
import { nestInline, type InlineNode } from '../../main/formats/shared/inlineNesting';
import { annotationIri, articleIri, externalIdUrl, externalIds } from '../../main/formats/shared/iris';
import { escapeXmlAttribute, escapeXmlText, serializeXml, xmlElement, xmlSafeText } from '../../main/formats/shared/xmlWriter';
import { checkWellFormed } from '../support/validateNitf';

/** The shared pieces the NITF exporter is built from, which the other exporters reuse. */

describe('export file names', () => {
  it('slugs titles to ASCII lowercase and hyphens, folding accents', () => {
    expect(slugify('Café au lait: “Zoë” & co.')).toBe('cafe-au-lait-zoe-co');
    expect(slugify('  --Hello__World--  ')).toBe('hello-world');
    expect(slugify('قال المتحدث 👩‍⚕️')).toBe('');
  });

  it('is never empty, has no separators or dots, stays within the length limit', () => {
    const hostile = ['', '../../etc/passwd', 'C:\\Windows\\system32', 'قال المتحدث', '👩‍⚕️𠮷', 'CON', 'x'.repeat(500), 'a/b\\c:d*e?f"g<h>i|j'];
    for (const title of hostile) {
      for (const id of ['art_1', 'ART/../2', '', 'x'.repeat(100), 'con']) {
        const stem = exportFileStem(title, id);
        expect(stem).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
        expect(stem.length).toBeLessThanOrEqual(maxFileStemLength);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
      }
    }
    expect(exportFileStem('', 'art_1')).toBe('article-art_1');
    expect(exportFileStem('CON', '')).toBe('article-con');
  });

  it('keeps distinct ids distinct, even when the id had to change', () => {
    expect(exportFileStem('Same title', 'art_1')).not.toBe(exportFileStem('Same title', 'art_2'));
    expect(exportFileStem('Same title', 'ART_1')).not.toBe(exportFileStem('Same title', 'art_1'));
    expect(exportFileStem('Same', `${'x'.repeat(60)}a`)).not.toBe(exportFileStem('Same', `${'x'.repeat(60)}b`));
    expect(exportFileStem('A very long title '.repeat(10), 'art_42')).toMatch(/-art_42$/);
  });

  it('adds the extension', () => {
    expect(exportFileName('Ghouta', 'art_1', 'nitf.xml')).toBe('ghouta-art_1.nitf.xml');
    expect(exportFileName('Ghouta', 'art_1', '.JSONLD')).toBe('ghouta-art_1.jsonld');
  });
});

describe('inline nesting', () => {
  const shape = (nodes: InlineNode<string>[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : `[${node.value}:${shape(node.children)}]`)).join('');

  it('nests contained spans and keeps the text whole', () => {
    const nested = nestInline('a quote with Name inside', [
      { start: 2, end: 24, value: 'q' },
      { start: 13, end: 17, value: 'person' },
    ]);
    expect(shape(nested.nodes)).toBe('a [q:quote with [person:Name] inside]');
    expect(nested.unplaced).toEqual([]);
  });

  it('keeps the span that starts first when two cross, and reports the other', () => {
    const nested = nestInline('abcdefgh', [
      { start: 4, end: 8, value: 'B' },
      { start: 0, end: 6, value: 'A' },
    ]);
    expect(shape(nested.nodes)).toBe('[A:abcdef]gh');
    expect(nested.unplaced).toEqual([{ start: 4, end: 8, value: 'B', reason: 'crossing' }]);
  });

  it('splits a crossing span at the element end when asked', () => {
    const nested = nestInline('abcdefgh', [{ start: 0, end: 6, value: 'A' }, { start: 4, end: 8, value: 'B' }], { crossing: 'split' });
    expect(shape(nested.nodes)).toBe('[A:abcd[B:ef]][B:gh]');
    expect(nested.unplaced).toEqual([]);
    expect(nested.split).toEqual([{ start: 4, end: 8, value: 'B' }]);
  });

  it('leaves out a span its parent cannot hold, keeping the outer one', () => {
    const nested = nestInline('Centre of Syria', [
      { start: 10, end: 15, value: 'place' },
      { start: 0, end: 15, value: 'org' },
    ], { canContain: (outer) => outer === 'q' });
    expect(shape(nested.nodes)).toBe('[org:Centre of Syria]');
    expect(nested.unplaced).toEqual([{ start: 10, end: 15, value: 'place', reason: 'nesting' }]);
  });

  it('puts the first-listed of two equal spans outside, and ignores empty spans', () => {
    const nested = nestInline('same', [{ start: 0, end: 4, value: 'q' }, { start: 0, end: 4, value: 'num' }, { start: 2, end: 2, value: 'empty' }]);
    expect(shape(nested.nodes)).toBe('[q:[num:same]]');
  });
});

describe('XML writer', () => {
  it('escapes text and attributes, protecting CR, tab and LF from normalisation', () => {
    expect(escapeXmlText('a < b & c > d\r\n"\'')).toBe('a &lt; b &amp; c &gt; d&#13;\n"\'');
    expect(escapeXmlAttribute('a<b&"c\'\t\n\r')).toBe('a&lt;b&amp;&quot;c&apos;&#9;&#10;&#13;');
  });

  it('replaces characters XML 1.0 forbids one for one, keeping pairs and allowed controls', () => {
    const text = 'ok\t\n\r \u0000\u0007\u001F\uFFFE\uFFFF\uD800x\uDC00 😀 \uE000';
    const safe = xmlSafeText(text);
    expect(safe).toBe('ok\t\n\r \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD 😀 \uE000');
    expect(safe.length).toBe(text.length);
  });

  it('indents element-only containers and never mixed content, and refuses bad names', () => {
    const xml = serializeXml(
      xmlElement('root', { a: 'x', skip: null }, [xmlElement('p', {}, ['one ', xmlElement('b', {}, ['two']), ' three']), xmlElement('empty')]),
      { containers: new Set(['root']) },
    );
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<root a="x">\n  <p>one <b>two</b> three</p>\n  <empty/>\n</root>\n');
    expect(() => serializeXml(xmlElement('bad name'), { containers: new Set() })).toThrow();
    expect(() => serializeXml(xmlElement('ok', { 'bad"attr': '1' }), { containers: new Set() })).toThrow();
  });

  it('writes what xmllint accepts as well-formed for hostile text', () => {
    const hostile = 'Bell\u0007 <tag> & "q" \'a\' ]]> \uD800 \r\n end';
    const xml = serializeXml(xmlElement('doc', { note: hostile }, [hostile]), { containers: new Set() });
    expect(checkWellFormed(xml)).toEqual({ valid: true, output: '' });
    expect(checkWellFormed('<doc>\u0007</doc>').valid).toBe(false);
  });
});

describe('identifiers and context', () => {
  it('makes stable, valid URNs from any id', () => {
    expect(articleIri('art_1')).toBe('urn:newsroom-annotator:article:art_1');
    expect(annotationIri('a b/c', "x'y")).toBe('urn:newsroom-annotator:article:a%20b%2Fc:annotation:x%27y');
  });

  it('orders external ids by preference and links known schemes and URLs only', () => {
    const ids = externalIds({ website: 'https://example.org/x', geonames: '170654', wikidata: 'Q3766', empty: ' ' });
    expect(ids.map((id) => id.scheme)).toEqual(['wikidata', 'geonames', 'website']);
    expect(ids.map(externalIdUrl)).toEqual(['http://www.wikidata.org/entity/Q3766', 'https://sws.geonames.org/170654/', 'https://example.org/x']);
    expect(externalIdUrl({ scheme: 'wikidata', value: 'not a qid' })).toBeNull();
    expect(externalIdUrl({ scheme: 'isni', value: '0000 0001' })).toBeNull();
    expect(externalIdUrl({ scheme: 'x', value: 'javascript:alert(1)' })).toBeNull();
  });

  it('takes quote context by code points without splitting surrogate pairs', () => {
    const text = 'a😀b𠮷c';
    expect(codePointsBefore(text, text.indexOf('c'), 2)).toBe('b𠮷');
    expect(codePointsAfter(text, 1, 2)).toBe('😀b');
    expect(codePointsBefore(text, 3, 10)).toBe('a😀');
  });
});
