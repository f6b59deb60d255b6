import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, parsePastedText, type ImportedArticle } from '../../main/formats/importFile';
import { maxProposedTitleLength } from '../../main/formats/shared/copyConventions';

// Third-party text: read from the shared folder, never copied into the project.
const sampleBytes = readFileSync(new URL('../../../shared/samples/ghouta-evacuation.txt', import.meta.url));
const sampleText = sampleBytes.toString('utf8');
const sampleLines = sampleText.split('\n').map((line) => line.trim()).filter(Boolean);

interface Block {
  type: string;
  text: string;
  credit: string;
}

function blocksOf(article: ImportedArticle): Block[] {
  return articleText(parseArticleDocument(article.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
}

function importText(text: string): Promise<ImportedArticle> {
  return parseImportedFile('article.txt', new TextEncoder().encode(text));
}

async function blocksOfText(text: string): Promise<Block[]> {
  return blocksOf(await importText(text));
}

const long = (words: string): string => `${words} ${'and then the talks went on for many more hours'.repeat(3)}.`;

describe('plain text import of the sample article', () => {
  it('reads the standfirst, one credited caption, the subheads, every paragraph and the closing credit', async () => {
    const article = await parseImportedFile('ghouta-evacuation.txt', sampleBytes);
    const blocks = blocksOf(article);
    const body = blocks.slice(1);
    expect(blocks[0]).toEqual({ type: 'headline', text: article.title, credit: '' });
    expect(body[0]).toEqual({ type: 'standfirst', text: sampleLines[0], credit: '' });

    const captions = body.filter((block) => block.type === 'caption');
    expect(captions).toHaveLength(1);
    expect(captions[0]?.credit).toBe('AP');
    expect(captions[0]?.text).toBe(sampleLines[1]);
    expect(sampleLines[2]).toBe(`${sampleLines[1]} (AP)`);

    const subheads = body.filter((block) => block.type === 'subhead').map((block) => block.text);
    expect(subheads).toHaveLength(6);
    expect(subheads).toContain('Discussion over proposed reconciliation');
    // The sample's line ends in a no-break space, which must not survive.
    expect(subheads).toContain('Russian role in talks');

    expect(body[body.length - 1]).toEqual({ type: 'credit', text: 'Source: TRTWorld and agencies', credit: '' });
    expect(article.source).toBe('TRTWorld and agencies');
    expect(body.filter((block) => block.type === 'paragraph')).toHaveLength(43);
    expect(article.warnings).toEqual([]);
    expect(parseArticleDocument(article.doc).attrs.annotations).toEqual({});
  });

  it('keeps every line of the copy, in order, with the credited caption line folded into the caption', async () => {
    const body = blocksOf(await parseImportedFile('ghouta-evacuation.txt', sampleBytes)).slice(1);
    const expected = sampleLines.filter((_, index) => index !== 2).map((line) => line.trim());
    expect(body.map((block) => block.text)).toEqual(expected);
  });

  it('proposes a title from the standfirst: its longest opening clause that fits, cut at a word boundary', async () => {
    const { title } = await parseImportedFile('ghouta-evacuation.txt', sampleBytes);
    const standfirst = sampleLines[0] as string;
    expect(title.length).toBeGreaterThan(30);
    expect(title.length).toBeLessThanOrEqual(maxProposedTitleLength);
    expect(standfirst.startsWith(title)).toBe(true);
    expect(standfirst[title.length]).toBe(',');
    expect(title.startsWith('As Syrian regime')).toBe(true);
  });

  it('reads the same structure from Windows line ends, a byte-order mark, or pasted text', async () => {
    const original = blocksOf(await parseImportedFile('ghouta-evacuation.txt', sampleBytes));
    const windows = `\uFEFF${sampleText.replace(/\n/g, '\r\n')}`;
    expect(blocksOf(await importText(windows))).toEqual(original);
    expect(blocksOf(await importText(sampleText.replace(/\n/g, '\r')))).toEqual(original);
    expect(blocksOf(parsePastedText(sampleText))).toEqual(original);
  });
});

describe('plain text headlines', () => {
  it('takes a short unpunctuated first line followed by a blank line as the headline', async () => {
    const article = await importText('Evacuation talks stall in the east\n\nThe talks broke down on Sunday. Both sides blamed each other.\n\nMore talks are planned.');
    expect(article.title).toBe('Evacuation talks stall in the east');
    expect(blocksOf(article).map((block) => block.type)).toEqual(['headline', 'standfirst', 'paragraph']);
    expect(blocksOf(article)[1]?.text).toBe('The talks broke down on Sunday. Both sides blamed each other.');
  });

  it('accepts a headline that asks a question', async () => {
    const article = await importText('Is the siege ending?\n\nNegotiators met on Sunday to discuss the evacuation.');
    expect(article.title).toBe('Is the siege ending?');
  });

  it('does not take a first line that ends like a sentence as the headline, and proposes one', async () => {
    const article = await importText('Talks resumed on Sunday.\n\nBoth sides met in the town hall for several hours.');
    const blocks = blocksOf(article);
    expect(blocks[1]).toEqual({ type: 'standfirst', text: 'Talks resumed on Sunday.', credit: '' });
    expect(article.title).toBe('Talks resumed on Sunday');
  });

  it('does not take a lone short line as the headline when no text follows it', async () => {
    const article = await importText('Just one line');
    expect(blocksOf(article).map((block) => block.type)).toEqual(['headline', 'standfirst']);
    expect(article.title).toBe('Just one line');
  });

  it('cuts a long proposed title without clauses at a word boundary and marks the cut', async () => {
    const sentence = 'Negotiators from both sides met again in the town hall on Sunday morning to discuss a partial evacuation of the wounded and the sick';
    const { title } = await importText(`${sentence}.\n\nA second paragraph follows here.`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(maxProposedTitleLength);
    const words = title.slice(0, -1);
    expect(sentence.startsWith(words)).toBe(true);
    expect(sentence[words.length]).toBe(' ');
  });

  it('uses a pasted title as the headline and does not repeat a first line that says the same', () => {
    const article = parsePastedText('Ceasefire holds\n\nThe ceasefire held overnight, officials said.', 'Ceasefire holds');
    expect(blocksOf(article).map((block) => block.text)).toEqual(['Ceasefire holds', 'The ceasefire held overnight, officials said.']);
    const other = parsePastedText('The ceasefire held overnight, officials said.', 'My own title');
    expect(other.title).toBe('My own title');
    expect(blocksOf(other)[1]?.type).toBe('standfirst');
  });
});

describe('plain text subheads', () => {
  it('reads a short line without final punctuation between paragraphs as a subhead, trimming trailing whitespace', async () => {
    const blocks = await blocksOfText(`${long('First')}\n\nTalks in the capital \u00a0\t\n\n${long('Second')}`);
    expect(blocks[2]).toEqual({ type: 'subhead', text: 'Talks in the capital', credit: '' });
  });

  it('reads short lines that end like sentences, long lines and lowercase fragments as paragraphs', async () => {
    const blocks = await blocksOfText(
      `${long('First')}\n\nThe talks failed.\n\n${'Many words without any final punctuation at all in this rather long line of text'}\n\nand a fragment\n\n${long('Last')}`,
    );
    expect(blocks.slice(2, 5).map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('reads subheads in scripts without letter case, such as Arabic', async () => {
    const blocks = await blocksOfText('هذه فقرة أولى طويلة بما يكفي لتكون مقدمة المقال.\n\nعنوان فرعي قصير\n\nهذه فقرة ثانية من المقال، وهي تنتهي بنقطة.\n\nهل انتهت المفاوضات؟\n\nفقرة أخيرة.');
    expect(blocks.map((block) => block.type)).toEqual(['headline', 'standfirst', 'subhead', 'paragraph', 'paragraph', 'paragraph']);
  });
});

describe('plain text captions', () => {
  const caption = 'This photo released on Sunday shows negotiators arriving at the town hall in the east.';

  it('reads a caption repeated on the next line with an agency credit as one credited caption', async () => {
    const blocks = await blocksOfText(`${long('Opening')}\n\n${caption}\n${caption} (AFP)\n\n${long('Body')}`);
    expect(blocks.filter((block) => block.type === 'caption')).toEqual([{ type: 'caption', text: caption, credit: 'AFP' }]);
    expect(blocks).toHaveLength(4);
  });

  it('reads the pair as one caption also when a blank line separates the two', async () => {
    const blocks = await blocksOfText(`${long('Opening')}\n\n${caption}\n\n${caption} Photo: Jane Doe\n\n${long('Body')}`);
    expect(blocks[2]).toEqual({ type: 'caption', text: caption, credit: 'Jane Doe' });
    expect(blocks).toHaveLength(4);
  });

  it('reads a hard-wrapped caption pair as one caption', async () => {
    const wrapped = 'A man walks past a destroyed building in the eastern town\nof Douma on Sunday morning after a night of heavy shelling.';
    const paragraph = 'The shelling continued through the night, residents said, and\nmany families spent the hours in basements under the town.';
    const blocks = await blocksOfText(`${paragraph}\n\n${wrapped}\n${wrapped} (AP)\n\n${paragraph}`);
    expect(blocks[2]).toEqual({ type: 'caption', text: wrapped.replace('\n', ' '), credit: 'AP' });
    expect(blocks[1]?.text).toBe(paragraph.replace('\n', ' '));
  });

  it('keeps two different lines, or one line said twice without a credit, as separate paragraphs', async () => {
    const line = 'The committee met again on Sunday to consider the offer.';
    const blocks = await blocksOfText(`${long('Opening')}\n\n${line}\n${line}\n\n${line}\nThe committee will meet again on Monday.`);
    expect(blocks.slice(2).map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('reads a single labelled or credited caption line as a caption', async () => {
    const blocks = await blocksOfText(
      `${long('Opening')}\n\nPhoto: Smoke rises over the eastern suburbs on Sunday.\n\nIn this picture taken on Sunday, smoke rises over the town. (Reuters)\n\n${long('Body')}`,
    );
    // The label marks the line as a caption; it is not part of the caption's words.
    expect(blocks[2]).toEqual({ type: 'caption', text: 'Smoke rises over the eastern suburbs on Sunday.', credit: '' });
    expect(blocks[3]).toEqual({ type: 'caption', text: 'In this picture taken on Sunday, smoke rises over the town.', credit: 'Reuters' });
  });

  it('does not read a paragraph that merely mentions a photo as a caption', async () => {
    const blocks = await blocksOfText(`${long('Opening')}\n\nThis photo has been widely shared on social media since Saturday.\n\n${long('Body')}`);
    expect(blocks[2]?.type).toBe('paragraph');
  });
});

describe('plain text credits and bylines', () => {
  it('reads closing source and reporting lines as credits, and names the source', async () => {
    const article = await importText(`${long('Opening')}\n\n${long('Body')}\n\nSource: Wire agencies\n\nAdditional reporting by Jane Doe`);
    const blocks = blocksOf(article);
    expect(blocks.slice(-2).map((block) => block.type)).toEqual(['credit', 'credit']);
    expect(article.source).toBe('Wire agencies');
  });

  it('reads a last short line as a credit, since a subhead never closes an article', async () => {
    const article = await importText(`${long('Opening')}\n\n${long('Body')}\n\n— Reuters`);
    expect(blocksOf(article).pop()).toEqual({ type: 'credit', text: '— Reuters', credit: '' });
    expect(article.source).toBe('Reuters');
  });

  it('does not read a sentence about sources in the body as a credit', async () => {
    const blocks = await blocksOfText(`${long('Opening')}\n\nSources said the talks would resume on Monday in the capital.\n\n${long('Body')}`);
    expect(blocks[2]?.type).toBe('paragraph');
  });

  it('reads a byline at the top as a credit and the source', async () => {
    const article = await importText(`Talks stall\n\nBy Jane Doe, Reuters\n\n${long('Opening')}`);
    expect(blocksOf(article).map((block) => block.type)).toEqual(['headline', 'credit', 'standfirst']);
    expect(article.source).toBe('Jane Doe, Reuters');
  });
});

describe('plain text lines and whitespace', () => {
  it('joins hard-wrapped lines into paragraphs, keeping hyphenated compounds whole', async () => {
    const text = [
      'The delegation from the eastern enclave met the negotiators on Sunday',
      'morning to discuss a partial evacuation of the wounded from the',
      'opposition-',
      'held town, a member of the committee told reporters.',
      '',
      'Residents said the shelling had stopped for the first time in a week,',
      'but few people dared to leave the basements where they had sheltered.',
    ].join('\n');
    const blocks = await blocksOfText(text);
    expect(blocks.slice(1).map((block) => block.text)).toEqual([
      'The delegation from the eastern enclave met the negotiators on Sunday morning to discuss a partial evacuation of the wounded from the opposition-held town, a member of the committee told reporters.',
      'Residents said the shelling had stopped for the first time in a week, but few people dared to leave the basements where they had sheltered.',
    ]);
  });

  it('reads long lines separated by single line breaks as separate paragraphs', async () => {
    const first = long('The first paragraph of the copy');
    const second = long('The second paragraph of the copy');
    const blocks = await blocksOfText(`${first}\n${second}`);
    expect(blocks.slice(1).map((block) => block.text)).toEqual([first, second]);
  });

  it('joins a line broken in mid-sentence before a lowercase word', async () => {
    const blocks = await blocksOfText(`${long('Opening')}\n\nA member of the committee told\nreporters that the meeting had ended.`);
    expect(blocks[2]?.text).toBe('A member of the committee told reporters that the meeting had ended.');
  });

  it('collapses runs of blank and whitespace-only lines and trims every line', async () => {
    const blocks = await blocksOfText(`   ${long('Opening')}   \n\n \t \n\n\n\n  ${long('Body')}\t`);
    expect(blocks.slice(1).map((block) => block.text)).toEqual([long('Opening'), long('Body')]);
  });
});
