import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bodySlices, sliceDocumentsFromChars } from '../../main/formats/docx/bodySlices';
import { parseDocx } from '../../main/formats/docx/reader';
import { wordDocumentXml, wordParagraph } from '../support/zipWriter';

/**
 * A long Word document is converted in slices of its body, each a document of its own, so that mammoth never
 * holds the whole document's DOM: the article read must be the one a conversion of the whole gives, and a
 * cut must fall only where mammoth starts afresh.
 */

// One entry of a zip archive, read from its local header (the docx package writes sizes there).
function zipEntry(archive: Buffer, name: string): Buffer {
  for (let at = 0; at + 30 < archive.length; ) {
    if (archive.readUInt32LE(at) !== 0x04034b50) break;
    const method = archive.readUInt16LE(at + 8);
    const compressed = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const extraLength = archive.readUInt32LE(at + 28) & 0xffff;
    const entryName = archive.toString('utf8', at + 30, at + 30 + nameLength);
    const dataStart = at + 30 + nameLength + extraLength;
    const data = archive.subarray(dataStart, dataStart + compressed);
    if (entryName === name) return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at = dataStart + compressed;
  }
  throw new Error(`${name} not found`);
}

// A long story as a newsroom writes it, repeated: headings, plain and bold text, bullets, a numbered list,
// captions and a table, so that slices are cut between all of them.
async function longWordFile(sections: number): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: 'The long record of the harbour', heading: HeadingLevel.TITLE })];
  for (let index = 0; index < sections; index++) {
    children.push(
      new Paragraph({ text: `Part ${index}: what the divers found`, heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun(`Divers counted ${index} shells near `), new TextRun({ text: 'Ras al-Bar', bold: true }), new TextRun(' on Tuesday.')] }),
      new Paragraph({ text: `First finding of part ${index}`, bullet: { level: 0 } }),
      new Paragraph({ text: `Second finding of part ${index}`, bullet: { level: 0 } }),
      new Paragraph({ text: `Step one of part ${index}`, numbering: { reference: 'steps', level: 0 } }),
      new Paragraph({ text: `Step two of part ${index}`, numbering: { reference: 'steps', level: 0 } }),
      new Paragraph({ text: `The shore at dawn, part ${index}. (AP)`, style: 'Caption' }),
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(`Cell ${index}`)] }), new TableCell({ children: [new Paragraph('40 🐚')] })] })] }),
      new Paragraph({ text: `وصل الوفد إلى دمشق صباح الأحد، الجزء ${index}.` }),
    );
  }
  return Packer.toBuffer(
    new Document({
      styles: { paragraphStyles: [{ id: 'Caption', name: 'caption', basedOn: 'Normal' }] },
      numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: 'start' }] }] },
      sections: [{ children }],
    }),
  );
}

describe('Word import: a long document in slices', () => {
  it('reads the same article slice by slice as converted whole, with the document cut many times', async () => {
    const bytes = await longWordFile(900);
    const documentXml = zipEntry(bytes, 'word/document.xml').toString('utf8');
    expect(documentXml.length).toBeGreaterThan(sliceDocumentsFromChars);
    const sliceChars = 64 * 1024;
    expect(bodySlices(documentXml, sliceChars)!.documents.length).toBeGreaterThan(10);

    const sliced = await parseDocx('"long.docx"', new Uint8Array(bytes), sliceChars);
    const whole = await parseDocx('"long.docx"', new Uint8Array(bytes), Number.POSITIVE_INFINITY);
    expect(sliced).toEqual(whole);
    expect(sliced.title).toBe('The long record of the harbour');
    expect(sliced.blocks.filter((block) => block.type === 'subhead')).toHaveLength(900);
    expect(sliced.blocks.filter((block) => block.type === 'caption')).toHaveLength(900);
    expect(sliced.blocks.map((block) => block.text)).toContain('2. Step two of part 899');
  }, 120_000);

  it('cuts only before plain paragraphs, and the slices hold the whole body once', () => {
    const paragraphs = Array.from({ length: 30_000 }, (_, index) =>
      index % 3 === 0 ? wordParagraph(`Heading ${index}`, 'Heading1') : index % 3 === 1 ? `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item ${index}</w:t></w:r></w:p>` : wordParagraph(`Plain ${index} <b> & 'quoted' "text"`),
    );
    const xml = wordDocumentXml(`${paragraphs.join('\n')}<w:sectPr/>`);
    const slices = bodySlices(xml, 32 * 1024)!;
    expect(slices.documents.length).toBeGreaterThan(20);
    const bodyOf = (document: string) => document.slice(document.indexOf('<w:body>') + '<w:body>'.length, document.lastIndexOf('</w:body>'));
    expect(slices.documents.map(bodyOf).join('')).toBe(bodyOf(xml));
    for (const document of slices.documents.slice(1)) expect(bodyOf(document)).toMatch(/^<w:p><w:r><w:t xml:space="preserve">Plain /);
    for (const document of slices.documents) expect(document.startsWith(xml.slice(0, xml.indexOf('<w:body>') + 8))).toBe(true);
  });

  it('converts whole a short document, one with notes or comments, and one the scan does not follow', () => {
    const long = (extra: string) => wordDocumentXml(Array.from({ length: 20_000 }, (_, index) => wordParagraph(`Plain paragraph ${index}.`)).join('') + extra);
    expect(bodySlices(long(''), 32 * 1024)?.documents.length).toBeGreaterThan(1);
    expect(bodySlices(wordDocumentXml(wordParagraph('Short.')), 16)).toBeNull();
    expect(bodySlices(long('<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'), 32 * 1024)).toBeNull();
    expect(bodySlices(long('<w:p><w:r><w:commentReference w:id="0"/></w:r></w:p>'), 32 * 1024)).toBeNull();
    expect(bodySlices(long('').replace('<w:document', '<!DOCTYPE w:document><w:document'), 32 * 1024)).toBeNull();
    expect(bodySlices(`${long('')}<w:p>`, 32 * 1024)).toBeNull();
  });
});
