import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { highlightColours, highlightRgba } from '../../common/highlightColours';
import { exportFormatNames } from '../../common/formats';
import { articleSchema, blockTypeNames } from '../../common/schema';
import { formatAdapters } from '../../main/formats/index';
import { parseImportedFile, type ImportedArticle } from '../../main/formats/importFile';
import { exportNitf } from '../../main/formats/nitf/writer';
import { splitDateline } from '../../main/formats/shared/copyConventions';
import { makeArticle } from '../support/taggedSample';
import { readNitf, validateNitf } from '../support/validateNitf';

// Every text here was written for these tests: a made-up ferry story in a made-up town.

interface Block {
  type: string;
  text: string;
  credit: string;
}

function blocksOf(article: ImportedArticle): Block[] {
  return articleText(parseArticleDocument(article.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
}

async function imported(fileName: string, text: string): Promise<{ article: ImportedArticle; blocks: Block[] }> {
  const article = await parseImportedFile(fileName, new TextEncoder().encode(text));
  return { article, blocks: blocksOf(article) };
}

const lede = 'The Lark Spirit ferry sailed from Portwick again on Tuesday after six weeks of repairs to its landing ramp, the harbour board said.';
const second = 'About 340 islanders rely on the crossing to reach work, school and the clinic on the mainland, the island council said.';

describe('the dateline block', () => {
  it('is a block of the schema, listed in blockTypeNames in the schema\'s order', () => {
    expect(Object.keys(articleSchema.nodes).filter((name) => name !== 'doc' && name !== 'text')).toEqual([...blockTypeNames]);
    expect(articleSchema.nodes.dateline?.isInGroup('block')).toBe(true);
  });
});

describe('reading a dateline', () => {
  it('reads dates on a line of their own and wire datelines, and drops the dash after a wire dateline', () => {
    expect(splitDateline('Sunday, August 2, 2015')).toEqual({ dateline: 'Sunday, August 2, 2015', rest: '' });
    expect(splitDateline('2 August 2015')).toEqual({ dateline: '2 August 2015', rest: '' });
    expect(splitDateline('Updated: Tue 4 Aug 2015 14.30 BST')).toEqual({ dateline: 'Updated: Tue 4 Aug 2015 14.30 BST', rest: '' });
    expect(splitDateline('PORTWICK, March 11 (Reuters) -')).toEqual({ dateline: 'PORTWICK, March 11 (Reuters)', rest: '' });
    expect(splitDateline(`PORTWICK, March 11 (Reuters) - ${lede}`)).toEqual({ dateline: 'PORTWICK, March 11 (Reuters)', rest: lede });
    expect(splitDateline(`LARK ISLAND, Westshire (AP) — ${lede}`)).toEqual({ dateline: 'LARK ISLAND, Westshire (AP)', rest: lede });
    expect(splitDateline(`PORTWICK, Aug. 2 – ${lede}`)).toEqual({ dateline: 'PORTWICK, Aug. 2', rest: lede });
  });

  it('does not take capitals, dates inside sentences or ordinary openings for a dateline', () => {
    expect(splitDateline(`BREAKING NEWS - ${lede}`)).toBeNull();
    expect(splitDateline('March 11 was the day the ferry stopped, and nobody on the island has forgotten it.')).toBeNull();
    expect(splitDateline(lede)).toBeNull();
    expect(splitDateline('NATO said on Sunday, August 2, that the exercise would go ahead.')).toBeNull();
  });
});

describe('plain text: datelines, captions and sources', () => {
  it('makes a date under the headline a dateline, and the next paragraph the standfirst', async () => {
    const { article, blocks } = await imported('ferry.txt', `Ferry returns to Lark Island\n\nSunday, August 2, 2015\n\n${lede}\n\n${second}`);
    expect(article.title).toBe('Ferry returns to Lark Island');
    expect(blocks.slice(1).map((block) => [block.type, block.text])).toEqual([
      ['dateline', 'Sunday, August 2, 2015'],
      ['standfirst', lede],
      ['paragraph', second],
    ]);
  });

  it('keeps the headline first when the date stands above it', async () => {
    const { article, blocks } = await imported('ferry.txt', `Sunday, August 2, 2015\n\nFerry returns to Lark Island\n\n${lede}\n\n${second}`);
    expect(article.title).toBe('Ferry returns to Lark Island');
    expect(blocks.map((block) => block.type)).toEqual(['headline', 'dateline', 'standfirst', 'paragraph']);
  });

  it('splits a wire dateline from the first paragraph, also after a byline', async () => {
    const { blocks } = await imported('ferry.txt', `Ferry returns to Lark Island\n\nBy Ann Lee\n\nPORTWICK, March 11 (Reuters) - ${lede}\n\n${second}`);
    expect(blocks.slice(1).map((block) => [block.type, block.text])).toEqual([
      ['credit', 'By Ann Lee'],
      ['dateline', 'PORTWICK, March 11 (Reuters)'],
      ['standfirst', lede],
      ['paragraph', second],
    ]);
  });

  it('leaves a date deeper in the copy alone', async () => {
    const { blocks } = await imported('ferry.txt', `Ferry returns to Lark Island\n\n${lede}\n\n${second}\n\nSunday, August 2, 2015\n\n${lede}`);
    expect(blocks.map((block) => block.type)).not.toContain('dateline');
  });

  it('reads "Photo:" and "Image:" lines as captions with their credits, without the label', async () => {
    const text = [
      'Ferry returns to Lark Island',
      lede,
      'Photo: The Lark Spirit leaves Portwick harbour on Tuesday. (Reuters/Ann Lee)',
      'Image: Islanders wait on the pier at Lark Island. Credit: Westshire Harbour Board',
      'Image: A gull on the rebuilt ramp',
      second,
    ].join('\n\n');
    const { blocks } = await imported('ferry.txt', text);
    expect(blocks.filter((block) => block.type === 'caption')).toEqual([
      { type: 'caption', text: 'The Lark Spirit leaves Portwick harbour on Tuesday.', credit: 'Reuters/Ann Lee' },
      { type: 'caption', text: 'Islanders wait on the pier at Lark Island.', credit: 'Westshire Harbour Board' },
      { type: 'caption', text: 'A gull on the rebuilt ramp', credit: '' },
    ]);
    expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', text: second, credit: '' });
  });

  it('makes a closing Sources section credit lines, and does not take them for the article source', async () => {
    const text = `Ferry returns to Lark Island\n\n${lede}\n\n${second}\n\nSources\n\nWestshire Harbour Board annual report 2015\n\n- Lark Island Council minutes, June 2015`;
    const { article, blocks } = await imported('ferry.txt', text);
    expect(blocks.slice(-3)).toEqual([
      { type: 'credit', text: 'Sources', credit: '' },
      { type: 'credit', text: 'Westshire Harbour Board annual report 2015', credit: '' },
      { type: 'credit', text: 'Lark Island Council minutes, June 2015', credit: '' },
    ]);
    expect(blocks.filter((block) => block.type === 'paragraph').map((block) => block.text)).toEqual([second]);
    expect(article.source).toBe('');
  });

  it('keeps a "Sources" subhead in the middle of the copy a subhead', async () => {
    const text = `Ferry returns to Lark Island\n\n${lede}\n\nSources\n\n${second} ${'The board gave no date for the second ferry, which is still in dry dock at Portwick.'.repeat(3)}`;
    const { blocks } = await imported('ferry.txt', text);
    expect(blocks.find((block) => block.text === 'Sources')?.type).toBe('subhead');
  });
});

describe('Markdown and HTML: the same conventions', () => {
  it('reads a Markdown dateline, an "Image:" caption and a Sources list', async () => {
    const text = `# Ferry returns to Lark Island\n\nPORTWICK, March 11 (Reuters) - ${lede}\n\nImage: Islanders wait on the pier. (Westshire Harbour Board)\n\n${second}\n\n## Sources\n\n- Westshire Harbour Board annual report 2015\n- Lark Island Council minutes\n`;
    const { blocks } = await imported('ferry.md', text);
    expect(blocks.slice(1).map((block) => [block.type, block.text, block.credit])).toEqual([
      ['dateline', 'PORTWICK, March 11 (Reuters)', ''],
      ['paragraph', lede, ''],
      ['caption', 'Islanders wait on the pier.', 'Westshire Harbour Board'],
      ['paragraph', second, ''],
      ['credit', 'Sources', ''],
      ['credit', 'Westshire Harbour Board annual report 2015', ''],
      ['credit', 'Lark Island Council minutes', ''],
    ]);
  });

  it('reads an HTML page: a dateline paragraph by its class or its words, and a sources list', async () => {
    const page = `<html><body><article><h1>Ferry returns</h1><p class="dateline">Sunday, August 2, 2015</p><p>${lede}</p>
      <h2>Sources</h2><ul><li>Westshire Harbour Board</li><li>Lark Island Council</li></ul></article></body></html>`;
    const { blocks } = await imported('ferry.html', page);
    expect(blocks.map((block) => block.type)).toEqual(['headline', 'dateline', 'paragraph', 'credit', 'credit', 'credit']);
    expect(blocks.slice(-2).map((block) => block.text)).toEqual(['Westshire Harbour Board', 'Lark Island Council']);
    const byWords = await imported('ferry.html', `<article><h1>Ferry returns</h1><p>LARK ISLAND (AP) — ${lede}</p></article>`);
    expect(byWords.blocks.slice(1).map((block) => [block.type, block.text])).toEqual([
      ['dateline', 'LARK ISLAND (AP)'],
      ['paragraph', lede],
    ]);
  });
});

describe('Word: a paragraph in the Dateline style', () => {
  it('is a dateline even when its words do not look like one', async () => {
    const word = new Document({
      styles: { paragraphStyles: [{ id: 'Dateline', name: 'Dateline', basedOn: 'Normal' }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Ferry returns', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Lark Island, in the spring', style: 'Dateline' }),
            new Paragraph({ text: lede }),
          ],
        },
      ],
    });
    const article = await parseImportedFile('ferry.docx', new Uint8Array(await Packer.toBuffer(word)));
    expect(blocksOf(article).map((block) => [block.type, block.text])).toEqual([
      ['headline', 'Ferry returns'],
      ['dateline', 'Lark Island, in the spring'],
      ['paragraph', lede],
    ]);
  });
});

describe('a dateline in the exports', () => {
  const article = () =>
    makeArticle(
      [
        { type: 'headline', text: 'Ferry returns to Lark Island' },
        { type: 'dateline', text: 'PORTWICK, March 11 (Reuters)' },
        { type: 'standfirst', text: lede },
        { type: 'paragraph', text: second },
        { type: 'dateline', text: 'LARK ISLAND, March 12' },
      ],
      [
        { id: 'pl_portwick', kind: 'entity', entityType: 'place', text: 'PORTWICK', entityId: null },
        { id: 'org_reuters', kind: 'entity', entityType: 'organisation', text: 'Reuters', entityId: null },
      ],
    );

  it('writes NITF with the leading dateline in body.head, valid against the schema, and reads it back', async () => {
    const input = article();
    const result = exportNitf(input);
    const xml = result.files[0]!.content;
    const validation = validateNitf(xml);
    expect(validation.output).not.toMatch(/fails to validate|error/i);
    expect(validation.valid).toBe(true);
    expect(xml).toMatch(/<\/hedline>\s*<dateline><location na:ann="pl_portwick">PORTWICK<\/location>, March 11 \(Reuters\)<\/dateline>\s*<abstract>/);
    // A dateline holds places and dates only: the organisation stays in the record, and the export says so.
    expect(xml).not.toMatch(/<org[^>]*org_reuters/);
    expect(result.warnings.join(' ')).toMatch(/org_reuters/);
    expect(xml).toMatch(/<p class="dateline">LARK ISLAND, March 12<\/p>/);
    expect(readNitf(xml).text).toBe(articleText(input.doc).text);

    const back = blocksOf((await imported('ferry.nitf.xml', xml)).article);
    expect(back.map((block) => block.type)).toEqual(['headline', 'dateline', 'standfirst', 'paragraph', 'dateline']);
  });

  it('reads the dateline of a wire service NITF without our record, with the place in it tagged', async () => {
    const wire = `<?xml version="1.0"?><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head><title>Ferry returns</title></head>
      <body><body.head><hedline><hl1>Ferry returns to Lark Island</hl1></hedline><byline>By Ann Lee</byline>
      <dateline><location>PORTWICK</location>, <story.date norm="20150311T000000Z">March 11</story.date> (Reuters)</dateline></body.head>
      <body.content><p>${lede}</p></body.content></body></nitf>`;
    expect(validateNitf(wire).valid).toBe(true);
    const { article: read, blocks } = await imported('wire.xml', wire);
    expect(blocks.slice(1, 2)).toEqual([{ type: 'dateline', text: 'PORTWICK, March 11 (Reuters)', credit: '' }]);
    const records = Object.values((parseArticleDocument(read.doc).attrs.annotations ?? {}) as Record<string, { kind: string; quote: string }>);
    expect(records.map((record) => [record.kind, record.quote])).toEqual([['entity', 'PORTWICK']]);
  });

  it('keeps the dateline as text in every other format', () => {
    const input = article();
    for (const format of exportFormatNames.filter((name) => name !== 'nitf')) {
      const files = formatAdapters[format].writer!.write(input).files;
      const content = files.map((file) => file.content).join('\n');
      // Every format carries the tagged place in the dateline; the text formats carry the dateline whole.
      expect(content, format).toContain('PORTWICK');
      if (format === 'html' || format === 'json' || format === 'brat') expect(content, format).toContain('LARK ISLAND, March 12');
    }
    const html = formatAdapters.html.writer!.write(input).files[0]!.content;
    expect(html).toMatch(/<p class="dateline" data-block="dateline"[^>]*>/);
  });
});

describe('the HTML export in the editor\'s colours', () => {
  it('colours each kind of tag from the one table the editor uses', () => {
    const html = formatAdapters.html.writer!.write(makeArticle([{ type: 'paragraph', text: lede }], [])).files[0]!.content;
    for (const name of ['person', 'organisation', 'place', 'event', 'other', 'figure'] as const) {
      const colour = highlightColours[name];
      expect(html).toContain(`.ann-${name} { background: ${highlightRgba(name, colour.tint)}; box-shadow: inset 0 -2px ${highlightRgba(name, colour.line)}; }`);
    }
    expect(html).toContain(`text-decoration: underline dotted ${highlightRgba('cue', 1)} 2px`);
    expect(html).toContain(`.ann-attribution { background: ${highlightRgba('attribution', highlightColours.attribution.tint)}`);
  });
});
