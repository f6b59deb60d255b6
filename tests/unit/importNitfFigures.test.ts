import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FigureAnnotation } from '../../common/model/annotation';
import { annotationsOf, parseArticleDocument } from '../../common/articleText';
import { parseFigure, proposedFigureFields } from '../../common/model/figureReader';
import { parseImportedFile } from '../../main/formats/importFile';

/**
 * One figure reader for every path: a wire service's NITF with the same words as an editor's tag gives the same
 * figure. The examples are every phrase the figure reader's own tests name, read from that test file, so an
 * example added there is checked here too.
 */

const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const nitf = (paragraphs: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="${nitfNamespace}"><head><title>Figures</title></head><body><body.content>${paragraphs
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('')}</body.content></body></nitf>`;

async function importedFigures(xml: string): Promise<FigureAnnotation[]> {
  const article = await parseImportedFile('wire.xml', new TextEncoder().encode(xml));
  const records = Object.values(annotationsOf(parseArticleDocument(article.doc)));
  return records.filter((record): record is FigureAnnotation => record.kind === 'figure');
}

// The first text of each example row ("['400,000', …]") and of each direct call in the figure reader's tests.
function figureTestExamples(): string[] {
  const source = readFileSync(new URL('./figureParse.test.ts', import.meta.url), 'utf8');
  const rows = [...source.matchAll(/^\s*\[\s*'((?:[^'\\]|\\.)*)'\s*,/gmu), ...source.matchAll(/(?:expectReading|expectNotUnderstood|parseFigure|readFigure)\('((?:[^'\\]|\\.)*)'/gu)];
  return [...new Set(rows.map((match) => match[1]!.replace(/\\'/g, "'")))].filter((text) => text.trim() !== '');
}

// The element a wire service would put the words in, by what they are.
function elementFor(text: string): string {
  const kind = parseFigure(text).figureKind;
  return kind === 'money' ? 'money' : kind === 'date' || kind === 'duration' ? 'chron' : 'num';
}

describe('figures read from NITF', () => {
  const examples = figureTestExamples();

  it('finds the figure reader tests’ examples', () => {
    expect(examples.length).toBeGreaterThan(150);
    expect(examples).toContain('more than 1,100');
  });

  it('gives every example the same fields through NITF import as through the editor', async () => {
    const figures = await importedFigures(nitf(examples.map((text) => `<${elementFor(text)}>${escapeXml(text)}</${elementFor(text)}>`)));
    expect(figures).toHaveLength(examples.length);
    const mismatches = figures.flatMap((record, index) => {
      const text = examples[index]!;
      const editor = proposedFigureFields(text);
      const imported = record.figure;
      // An element says what it holds even where the words alone do not (a bare "Sunday" in <chron> is a date).
      const same =
        JSON.stringify([imported.value, imported.qualifier, imported.unit, imported.currency]) ===
          JSON.stringify([editor.value, editor.qualifier, editor.unit, editor.currency]) &&
        (editor.figureKind === null || imported.figureKind === editor.figureKind);
      return same ? [] : [{ text, editor, imported }];
    });
    expect(mismatches).toEqual([]);
  });

  it('reads money with suffixes, figures in words and qualifiers as the editor does', async () => {
    const figures = await importedFigures(nitf(['<money>£3.5m</money>', '<num>two</num>', '<money>$1.5bn</money>', '<num>more than 1,100</num>']));
    expect(figures.map((record) => [record.figure.value, record.figure.currency, record.figure.qualifier])).toEqual([
      [{ type: 'number', value: 3_500_000 }, 'GBP', 'exactly'],
      [{ type: 'number', value: 2 }, null, 'exactly'],
      [{ type: 'number', value: 1_500_000_000 }, 'USD', 'exactly'],
      [{ type: 'number', value: 1100 }, null, 'more_than'],
    ]);
  });

  it('lets the element’s own attributes win, and the words fill in the rest', async () => {
    const figures = await importedFigures(
      nitf([
        '<num units="civilians" thousands-ch="." decimal-ch=",">1.100,5</num>',
        '<money unit="EUR">about 422,000</money>',
        '<chron norm="20180311T0600">Sunday</chron>',
        '<num units="percent">12.5</num>',
      ]),
    );
    expect(figures.map((record) => record.figure)).toMatchObject([
      { figureKind: 'count', value: { type: 'number', value: 1100.5 }, unit: 'civilians' },
      { figureKind: 'money', value: { type: 'number', value: 422_000 }, currency: 'EUR', qualifier: 'about' },
      { figureKind: 'date', value: { type: 'date', iso: '2018-03-11' } },
      { figureKind: 'percent', value: { type: 'number', value: 12.5 } },
    ]);
  });
});
