import { describe, expect, it } from 'vitest';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, type ImportedArticle } from '../../main/formats/importFile';
import { parseMarkdown } from '../../main/formats/markdown/reader';

interface Block {
  type: string;
  text: string;
  credit: string;
}

async function importMarkdown(markdown: string): Promise<{ article: ImportedArticle; blocks: Block[] }> {
  const article = await parseImportedFile('article.md', new TextEncoder().encode(markdown));
  const blocks = articleText(parseArticleDocument(article.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
  return { article, blocks };
}

describe('Markdown import', () => {
  it('maps headings, paragraphs, lone images, lists and the closing credit onto article blocks', async () => {
    const { article, blocks } = await importMarkdown(
      [
        '# Talks *stall* in the east',
        '',
        'Negotiators met on **Sunday** in the [town hall](https://example.org),',
        'officials said, using `code`.',
        '',
        '## What was agreed',
        '',
        '![Smoke rises over the town on Sunday. (Reuters)](smoke.jpg)',
        '',
        '![alt text](photo.jpg "Negotiators arrive at the hall.")',
        '',
        '- first point',
        '- second point',
        '',
        '3. third',
        '4. fourth',
        '',
        '> A quoted paragraph.',
        '',
        '# A second level-one heading',
        '',
        'Source: Wire agencies',
      ].join('\n'),
    );
    expect(article.title).toBe('Talks stall in the east');
    expect(article.source).toBe('Wire agencies');
    expect(blocks).toEqual([
      { type: 'headline', text: 'Talks stall in the east', credit: '' },
      { type: 'paragraph', text: 'Negotiators met on Sunday in the town hall, officials said, using code.', credit: '' },
      { type: 'subhead', text: 'What was agreed', credit: '' },
      { type: 'caption', text: 'Smoke rises over the town on Sunday.', credit: 'Reuters' },
      { type: 'caption', text: 'Negotiators arrive at the hall.', credit: '' },
      { type: 'paragraph', text: '• first point', credit: '' },
      { type: 'paragraph', text: '• second point', credit: '' },
      { type: 'paragraph', text: '3. third', credit: '' },
      { type: 'paragraph', text: '4. fourth', credit: '' },
      { type: 'paragraph', text: 'A quoted paragraph.', credit: '' },
      { type: 'subhead', text: 'A second level-one heading', credit: '' },
      { type: 'credit', text: 'Source: Wire agencies', credit: '' },
    ]);
  });

  it('keeps an image inside running text out of the copy, rather than making it a caption', async () => {
    const { blocks } = await importMarkdown('# T\n\nBefore ![icon](i.png) after.');
    expect(blocks[1]).toEqual({ type: 'paragraph', text: 'Before after.', credit: '' });
  });

  it('sanitises raw HTML: scripts and handlers vanish, its text stays', async () => {
    const { article, blocks } = await importMarkdown('# T\n\n<script>alert(1)</script>\n\n<div onclick="steal()">Raw <b>HTML</b> block</div>\n\nText with <img src=x onerror="alert(2)"> inline tag.');
    const json = JSON.stringify(article.doc);
    expect(json).not.toMatch(/alert|steal|onclick|onerror|<img/);
    expect(blocks.slice(1).map((block) => block.text)).toEqual(['Raw HTML block', 'Text with inline tag.']);
  });

  it('reads fenced code as paragraphs and proposes a title when there is no level-one heading', async () => {
    const { article, blocks } = await importMarkdown('## Only a subhead\n\nNegotiators met on Sunday, officials said.\n\n```\nline one\nline two\n\nline three\n```');
    expect(article.title).toBe('Negotiators met on Sunday, officials said');
    expect(blocks.slice(1).map((block) => block.text)).toEqual(['Only a subhead', 'Negotiators met on Sunday, officials said.', 'line one line two', 'line three']);
  });

  it('reads a text window by window into the same article as one reading of the whole, tables cut between rows', () => {
    // Every kind of block, a table long enough to be cut several times, a lazy line after a table, and links
    // to reference definitions further down the text (a window must still resolve them).
    const text = [
      '# Council approves budget',
      '',
      'The mayor, quoted in [the minutes][minutes], said the vote\r\nwas close. See [the annex].',
      '',
      '| District | Funds |',
      '|---|---:|',
      ...Array.from({ length: 9 }, (_, row) => `| North ${row} | ${row * 1000} |`),
      'lazy line',
      '',
      '- first item',
      '- second item',
      '  continued',
      '',
      '1. one',
      '2. two',
      '',
      '> a quotation',
      '> that goes on',
      '',
      '```',
      'fenced code',
      '',
      'after a blank line',
      '```',
      '',
      'Setext subhead',
      '--------------',
      '',
      '![A photo caption](photo.jpg "The council chamber")',
      '',
      '<div>Raw <b>HTML</b> block</div>',
      '',
      '[minutes]: http://example.org/minutes',
      '[the annex]: http://example.org/annex',
      '',
      'Credit: Staff reporter',
    ].join('\n');
    const whole = parseMarkdown(text, Number.POSITIVE_INFINITY);
    expect(whole.blocks.map((block) => block.text)).toContain('North 8');
    expect(whole.blocks.map((block) => block.text).join(' ')).toContain('quoted in the minutes, said');
    for (const windowLines of [1, 2, 3, 5, 8]) expect(parseMarkdown(text, windowLines)).toEqual(whole);
  });
});
