import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small zip writer for hostile test archives: unlike a library it lets an entry lie about its size, skip
 * compression, claim encryption or be cut short, which is what zip bombs and broken uploads do.
 */

/** One entry of a test archive, and how it may misrepresent itself. */
export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  // Stored entries are written as they are; deflated ones are compressed with zlib.
  method?: 'deflate' | 'store';
  // The uncompressed size the headers claim, when it should differ from the truth.
  declaredSize?: number;
  // Sets the "encrypted" flag without encrypting anything.
  encryptedFlag?: boolean;
}

/** The bytes of a zip archive holding `entries`, in order. */
export function zipArchive(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 'deflate';
    const body = method === 'deflate' ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.encryptedFlag ? 0x1 : 0) | 0x800;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal Word document.xml around the given body XML (paragraphs as <w:p> elements). */
export function wordDocumentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${wordNamespace}"><w:body>${bodyXml}</w:body></w:document>`;
}

/** One Word paragraph holding `text` (escaped), optionally in a named paragraph style. */
export function wordParagraph(text: string, style?: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${escaped}</w:t></w:r></w:p>`;
}

/** The parts every .docx has besides its document: content types and the package relationships. */
export function docxPackageParts(): ZipEntrySpec[] {
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
  ];
}

/** A whole .docx whose document body is `bodyXml`, plus any extra parts. */
export function docxArchive(bodyXml: string, extra: readonly ZipEntrySpec[] = []): Buffer {
  return zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.from(wordDocumentXml(bodyXml)) }, ...extra]);
}
