import { ApiError } from '../../common/api';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, type ImportedArticle } from '../../main/formats/importFile';
import { formatMegabytes } from '../../main/formats/shared/decodeText';
import { maxExpandedBytes } from '../../main/formats/shared/expansionLimits';
import { zipArchive } from '../support/zipWriter';

interface Block {
  type: string;
  text: string;
  credit: string;
}

async function importDocx(bytes: Uint8Array, fileName = 'story.docx'): Promise<{ article: ImportedArticle; blocks: Block[] }> {
  const article = await parseImportedFile(fileName, bytes);
  const blocks = articleText(parseArticleDocument(article.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
  return { article, blocks };
}

async function refusal(bytes: Uint8Array, fileName = 'story.docx'): Promise<ApiError> {
  const error = await parseImportedFile(fileName, bytes).catch((e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error;
}

async function wordFile(children: Paragraph[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));
}


const minimalDocumentXml = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>',
);

describe('Word import: structure', () => {
  it('maps title, headings, subtitle, paragraphs, lists and captions onto article blocks', async () => {
    const bytes = await wordFile(
      [
        new Paragraph({ text: 'Talks stall in the east', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'The siege enters its fourth week.', style: 'Subtitle' }),
        new Paragraph({ children: [new TextRun('Negotiators met on '), new TextRun({ text: 'Sunday', bold: true }), new TextRun('.')] }),
        new Paragraph({ text: 'What was agreed', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'A first point', bullet: { level: 0 } }),
        new Paragraph({ text: 'A second point', bullet: { level: 0 } }),
        new Paragraph({ text: 'Step one', numbering: { reference: 'steps', level: 0 } }),
        new Paragraph({ text: 'Step two', numbering: { reference: 'steps', level: 0 } }),
        new Paragraph({ text: 'Smoke rises over the town on Sunday. (AP)', style: 'Caption' }),
        new Paragraph({ text: 'Next steps', heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: 'Source: Wire agencies' }),
      ],
      {
        styles: {
          paragraphStyles: [
            { id: 'Caption', name: 'caption', basedOn: 'Normal', run: { italics: true } },
            { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal' },
          ],
        },
        numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
      },
    );
    const { article, blocks } = await importDocx(bytes);
    expect(article.title).toBe('Talks stall in the east');
    expect(article.source).toBe('Wire agencies');
    expect(article.warnings).toEqual([]);
    expect(blocks).toEqual([
      { type: 'headline', text: 'Talks stall in the east', credit: '' },
      { type: 'standfirst', text: 'The siege enters its fourth week.', credit: '' },
      { type: 'paragraph', text: 'Negotiators met on Sunday.', credit: '' },
      { type: 'subhead', text: 'What was agreed', credit: '' },
      { type: 'paragraph', text: '• A first point', credit: '' },
      { type: 'paragraph', text: '• A second point', credit: '' },
      { type: 'paragraph', text: '1. Step one', credit: '' },
      { type: 'paragraph', text: '2. Step two', credit: '' },
      { type: 'caption', text: 'Smoke rises over the town on Sunday.', credit: 'AP' },
      { type: 'subhead', text: 'Next steps', credit: '' },
      { type: 'credit', text: 'Source: Wire agencies', credit: '' },
    ]);
  });

  it('takes the first Heading 1 as the headline when there is no Title', async () => {
    const { article, blocks } = await importDocx(
      await wordFile([new Paragraph({ text: 'Headline here', heading: HeadingLevel.HEADING_1 }), new Paragraph({ text: 'Body.' }), new Paragraph({ text: 'Later', heading: HeadingLevel.HEADING_1 })]),
    );
    expect(article.title).toBe('Headline here');
    expect(blocks.slice(1).map((block) => block.type)).toEqual(['paragraph', 'subhead']);
  });
});

describe('Word import: what mammoth would merge silently is reported', () => {
  it('reports comments, with their author and words, and keeps them out of the copy', async () => {
    const bytes = await wordFile(
      [
        new Paragraph({ text: 'Talks stall', heading: HeadingLevel.TITLE }),
        new Paragraph({
          children: [new TextRun('About '), new CommentRangeStart(0), new TextRun('1,100'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun(' died.')],
        }),
      ],
      { comments: { children: [{ id: 0, author: 'Jo Editor', initials: 'JE', date: new Date('2024-01-01'), children: [new Paragraph({ children: [new TextRun('Check this figure')] })] }] } },
    );
    const { article, blocks } = await importDocx(bytes);
    expect(blocks[1]?.text).toBe('About 1,100 died.');
    expect(article.warnings).toEqual(['A Word comment by Jo Editor was not imported: "Check this figure".']);
  });

  it('reports tracked changes, imported as if accepted: insertions kept, deletions left out', async () => {
    const bytes = await wordFile([
      new Paragraph({ text: 'Talks stall', heading: HeadingLevel.TITLE }),
      new Paragraph({
        children: [
          new TextRun('Talks '),
          new InsertedTextRun({ text: 'resumed ', id: 1, author: 'Jo Editor', date: '2024-01-01T00:00:00Z' }),
          new DeletedTextRun({ text: 'collapsed ', id: 2, author: 'Jo Editor', date: '2024-01-01T00:00:00Z' }),
          new TextRun('on Sunday.'),
        ],
      }),
    ]);
    const { article, blocks } = await importDocx(bytes);
    expect(blocks[1]?.text).toBe('Talks resumed on Sunday.');
    expect(article.warnings).toHaveLength(1);
    expect(article.warnings?.[0]).toMatch(/^The Word document has tracked changes that were not accepted or rejected \(1 insertion, 1 deletion\); they were imported as if accepted/);
  });
});

describe('Word import: hostile and wrong files', () => {
  it('refuses a .docx that is not a zip archive', async () => {
    const error = await refusal(new TextEncoder().encode('Just some text saved with the wrong extension.'), 'notes.docx');
    expect(error.code).toBe('invalid_file');
    expect(error.message).toBe('"notes.docx" is not a real .docx: a .docx file is a zip archive, and this file is not one.');
  });

  it('names an old .doc or password-protected file for what it is', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(ole, 'old.docx')).message).toMatch(/^"old\.docx" is an old-format Word \(\.doc\) file or a password-protected document/);
  });

  it('refuses a zip archive that is not a Word document, and a truncated one', async () => {
    const notWord = zipArchive([{ name: 'hello.txt', data: Buffer.from('hello') }]);
    expect((await refusal(notWord)).message).toBe('"story.docx" is a zip archive but not a Word document (it has no word/document.xml).');
    const truncated = (await wordFile([new Paragraph({ text: 'Body.' })])).subarray(0, 200);
    expect((await refusal(truncated)).message).toMatch(/^"story\.docx" is not a readable zip archive \(/);
  });

  it('refuses a zip bomb whose entry is compressed far beyond any real document', async () => {
    const bomb = zipArchive([{ name: 'word/document.xml', data: minimalDocumentXml }, { name: 'word/media/zeros.bin', data: Buffer.alloc(10 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await refusal(bomb, 'bomb.docx');
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/^"bomb\.docx" holds a part \(word\/media\/zeros\.bin\) compressed \d+ to 1, far beyond real documents \(a "zip bomb"\)/);
  });

  it('refuses an archive that would expand past the limit on expanded content in total', async () => {
    const bomb = zipArchive([{ name: 'word/document.xml', data: minimalDocumentXml }, { name: 'word/media/big.bin', data: Buffer.alloc(maxExpandedBytes + 1024 * 1024) }]);
    expect((await refusal(bomb, 'big.docx')).message).toBe(`"big.docx" would expand to more than ${formatMegabytes(maxExpandedBytes)} when unzipped (a "zip bomb"), so it was not imported.`);
  });

  it('refuses an archive whose directory understates what an entry inflates to', async () => {
    const liar = zipArchive([{ name: 'word/document.xml', data: minimalDocumentXml }, { name: 'word/media/liar.bin', data: Buffer.alloc(2 * 1024 * 1024, 7), declaredSize: 1000 }]);
    expect((await refusal(liar)).message).toMatch(/has a part that does not unzip to its declared size \(word\/media\/liar\.bin/);
  });

  it('refuses an archive with more entries than any document has', async () => {
    const crowded = zipArchive(Array.from({ length: 1001 }, (_, index) => ({ name: `word/part${index}.xml`, data: Buffer.from('<a/>') })));
    expect((await refusal(crowded)).message).toMatch(/has 1001 entries, more than the 1000 a document can have/);
  });

  it('refuses a Word document whose XML declares entities', async () => {
    const entityXml = Buffer.from(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">]>${minimalDocumentXml.toString('utf8').replace(/^<\?xml[^>]*>/, '')}`);
    const error = await refusal(zipArchive([{ name: 'word/document.xml', data: entityXml }]));
    expect(error.message).toMatch(/declares XML entities/);
  });

  it('refuses a Word document that mammoth cannot read', async () => {
    const error = await refusal(zipArchive([{ name: 'word/document.xml', data: Buffer.from('not xml at all') }]));
    expect(error.message).toMatch(/^"story\.docx" could not be read as a Word document \(/);
  });

  it('reads a hand-made minimal archive, so the hostile cases differ only in what they break', async () => {
    const { blocks } = await importDocx(zipArchive([{ name: 'word/document.xml', data: minimalDocumentXml }]));
    expect(blocks.map((block) => block.text)).toEqual(['Hello', 'Hello']);
  });
});
