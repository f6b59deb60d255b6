import { maxImportBytes } from '../../common/api';
import type { ExportFormatName } from '../../common/formats';
import type { Annotation, AnnotationMap } from '../../common/model/annotation';
import { parseArticleDocument } from '../../common/articleText';
import { jsonExportOf, stableJson } from '../../main/formats/json/writer';
import { docxArchive, docxPackageParts, wordDocumentXml, wordParagraph, zipArchive } from './zipWriter';

/**
 * A hostile corpus, generated at run time so nothing huge or dangerous is kept in the repository: every file
 * shape that has hung or killed the app, and the classics (billion laughs, XXE, zip bombs, truncated archives,
 * invalid encodings, huge and deep inputs, XSS payloads in every field). Each case says how it reaches the app
 * (a file import, pasted text, or a save of a document) and what must come of it. The corpus test
 * (tests/integration/hostileCorpus.test.ts) runs it through the services, the stress script
 * (tests/stress/run.ts) through the HTTP host.
 */

/** How a case reaches the services: an imported file, pasted text, or a save of a whole document. */
export type HostileInput =
  | { via: 'importFile'; fileName: string; bytes: Buffer }
  | { via: 'importText'; text: string; title?: string }
  // Saved over a fresh article the runner creates first, on its current revision.
  | { via: 'saveArticle'; doc: unknown };

/** What must come of a case. */
export type HostileExpectation =
  // Refused with this error code, the message matching `message` (and naming the file for file imports).
  | { outcome: 'refused'; code: 'invalid_file' | 'too_large' | 'invalid_argument'; message: RegExp }
  // Accepted, the stored plain text holding every string of `keeps` (the text it could read is never lost).
  | { outcome: 'accepted'; keeps?: readonly string[] }
  // Either way is fine as long as it is quick, clear and changes nothing on refusal.
  | { outcome: 'either' };

/** One hostile input: its name (unique), the family it belongs to, how to make it, and what must happen. */
export interface HostileCase {
  name: string;
  family: string;
  // Made on demand, so the corpus never holds its 150-odd files in memory at once.
  make: () => HostileInput;
  expect: HostileExpectation;
  // Export the accepted article too (under the same hang guard): in every format, or for the largest inputs
  // in the formats whose writers once failed on them (the stress script exports those in every format).
  exports?: 'all' | readonly ExportFormatName[];
}

/** Payloads that would run script if any export or view put them into markup unescaped. */
export const xssPayloads = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('xss')",
  '<iframe src="javascript:alert(1)"></iframe>',
  '</textarea></title><script>alert(2)</script>',
  '{{constructor.constructor("alert(3)")()}}',
  '<a href="javascript:alert(4)">click</a>',
] as const;

const megabyte = 1024 * 1024;
// The writers that went super-linear or overflowed on huge input (CoNLL, HTML) and the lossless one (JSON).
const heavyExports: readonly ExportFormatName[] = ['conll', 'html', 'json'];
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const file = (fileName: string, bytes: Buffer | string): HostileInput => ({ via: 'importFile', fileName, bytes: typeof bytes === 'string' ? utf8(bytes) : bytes });
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Copy that reads as an article, so a hostile part is the only thing wrong with a file.
const headline = 'Council approves new budget after long debate';
const paragraph = 'The city council voted on Tuesday to approve a budget of 4.2 million euros, said Mayor Anna Berg.';
const plainArticle = `${headline}\n\n${paragraph}\n`;

function words(count: number, separator = ' '): string {
  const vocabulary = ['council', 'budget', 'mayor', 'vote', 'city', 'street', 'school', 'report'];
  return Array.from({ length: count }, (_, index) => vocabulary[index % vocabulary.length]).join(separator);
}

function nitf(body: string, head = `<head><title>${headline}</title></head>`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<nitf>${head}<body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`;
}

function htmlPage(body: string, title = headline): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${headline}</h1>${body}</article></body></html>`;
}

const stamp = { status: 'accepted' as const, author: 'tester', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', note: '', quote: '' };

function entity(id: string, extra: Partial<Annotation> = {}): Annotation {
  return { ...stamp, id, kind: 'entity', entityType: 'person', entityId: null, ...extra } as Annotation;
}

interface JsonBlock {
  type?: string;
  text: string;
  // Annotation ids whose mark covers the whole block.
  marks?: readonly string[];
}

/** ProseMirror JSON of an article: a headline and blocks, each block's marks over all its text. */
export function documentJson(title: string, blocks: readonly JsonBlock[], annotations: Record<string, unknown>): unknown {
  const inline = (block: JsonBlock) =>
    block.text === ''
      ? []
      : [
          {
            type: 'text',
            text: block.text,
            ...(block.marks && block.marks.length > 0
              ? { marks: block.marks.map((id) => ({ type: 'annotation', attrs: { id, kind: 'entity', label: 'person', part: 'content' } })) }
              : {}),
          },
        ];
  return {
    type: 'doc',
    attrs: { annotations },
    content: [{ type: 'headline', content: inline({ text: title }) }, ...blocks.map((block) => ({ type: block.type ?? 'paragraph', content: inline(block) }))],
  };
}

const summary = {
  id: 'art_0123456789abcdef',
  title: headline,
  status: 'draft' as const,
  source: 'Wire',
  wordCount: 10,
  importedFrom: null,
  copyOf: null,
  tagCounts: { entity: 0, figure: 0, attribution: 0, needsReview: 0, suggested: 0 },
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

/** A JSON export this app would write for the document, through its own writer, so only the hostile part is wrong. */
function jsonExportFile(doc: unknown, title = headline): string {
  const checked = parseArticleDocument(doc);
  const annotations = checked.attrs.annotations as AnnotationMap;
  return stableJson(jsonExportOf({ article: { ...summary, title }, doc: checked, annotations, entities: new Map() }), [
    'format',
    'version',
    'article',
    'doc',
    'annotations',
    'entities',
    'text',
    'spans',
  ]);
}

/** A JSON export written by hand, for documents the app's own writer would never produce. */
function handWrittenJsonExport(doc: unknown, annotations: string, text = '', spans = '[]'): string {
  return `{"format":"newsroom-annotator","version":1,"article":${JSON.stringify(summary)},"doc":${JSON.stringify(doc)},"annotations":${annotations},"entities":[],"text":${JSON.stringify(text)},"spans":${spans}}`;
}

function manyMarksOnOneWord(count: number): { doc: unknown; ids: string[] } {
  const ids = Array.from({ length: count }, (_, index) => `ann_${String(index).padStart(6, '0')}`);
  const annotations = Object.fromEntries(ids.map((id) => [id, { ...entity(id), quote: 'Berg' }]));
  return { doc: documentJson(headline, [{ text: paragraph }, { text: 'Berg', marks: ids }], annotations), ids };
}

// A record map whose key cannot be a plain id: built as JSON text, since an object literal would not keep it.
function recordMapWithKey(key: string, record: Record<string, unknown>): string {
  return `{${JSON.stringify(key)}:${JSON.stringify(record)}}`;
}

function nitfWithRecord(annotations: string, bodyText = paragraph): string {
  const text = `${headline}\n\n${bodyText}`;
  const record = `{"version":1,"textLength":${[...text].length},"annotations":${annotations},"entities":[]}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns:na="urn:newsroom-annotator"><head><docdata><na:annotations format="application/json"><![CDATA[${record}]]></na:annotations></docdata></head>` +
    `<body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content><p>${escapeXml(bodyText)}</p></body.content></body></nitf>`
  );
}

const refusedFile = (message: RegExp, code: 'invalid_file' | 'too_large' = 'invalid_file'): HostileExpectation => ({ outcome: 'refused', code, message });
const refusedArgument = (message: RegExp): HostileExpectation => ({ outcome: 'refused', code: 'invalid_argument', message });
const accepted = (...keeps: string[]): HostileExpectation => ({ outcome: 'accepted', keeps });

function textCases(): HostileCase[] {
  const family = 'plain text and encodings';
  const invalidUtf8: Array<[string, number[]]> = [
    ['lone continuation byte', [0x80]],
    ['overlong slash', [0xc0, 0xaf]],
    ['truncated three-byte sequence', [0xe2, 0x82]],
    ['encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['0xFF byte', [0xff]],
    ['Latin-1 e-acute', [0xe9]],
  ];
  const cases: HostileCase[] = invalidUtf8.map(([label, bytes]) => ({
    name: `txt: invalid UTF-8 (${label})`,
    family,
    make: () => file('invalid.txt', Buffer.concat([utf8(`${headline}\n\n`), Buffer.from(bytes), utf8(paragraph)])),
    expect: refusedFile(/not valid UTF-8/),
  }));
  const utf16 = (text: string, littleEndian: boolean): Buffer => {
    const body = Buffer.from(text, 'utf16le');
    if (!littleEndian) body.swap16();
    return Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };
  cases.push(
    { name: 'txt: empty file', family, make: () => file('empty.txt', Buffer.alloc(0)), expect: refusedFile(/empty/) },
    { name: 'txt: only whitespace', family, make: () => file('blank.txt', ' \n\t\n   \r\n'), expect: refusedFile(/empty/) },
    { name: 'txt: only a byte-order mark', family, make: () => file('bom.txt', Buffer.from([0xef, 0xbb, 0xbf])), expect: refusedFile(/empty/) },
    { name: 'txt: NUL bytes', family, make: () => file('nul.txt', Buffer.concat([utf8(headline), Buffer.alloc(64)])), expect: refusedFile(/binary/) },
    { name: 'txt: control characters throughout', family, make: () => file('controls.txt', '\u0001\u0002\u0003\u0004\u0005\u0006'.repeat(2000)), expect: refusedFile(/binary|control/) },
    { name: 'txt: a PNG renamed', family, make: () => file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), expect: refusedFile(/PNG/) },
    { name: 'txt: a gzip renamed', family, make: () => file('archive.txt', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])), expect: refusedFile(/gzip/) },
    { name: 'txt: UTF-16LE article', family, make: () => file('utf16le.txt', utf16(plainArticle, true)), expect: accepted('Mayor Anna Berg') },
    { name: 'txt: UTF-16BE article', family, make: () => file('utf16be.txt', utf16(plainArticle, false)), expect: accepted('Mayor Anna Berg') },
    { name: 'txt: UTF-16 with an odd byte count', family, make: () => file('odd16.txt', Buffer.concat([utf16(plainArticle, true), Buffer.from([0x41])])), expect: refusedFile(/not valid UTF-16/) },
    { name: 'txt: UTF-16 with a lone surrogate', family, make: () => file('lone16.txt', Buffer.concat([utf16(headline, true), Buffer.from([0x00, 0xd8, 0x41, 0x00])])), expect: refusedFile(/not valid UTF-16/) },
    { name: 'txt: astral and right-to-left copy', family, make: () => file('astral.txt', `${headline} 🗳️\n\nقال المجلس 👩🏽‍⚖️ إن الميزانية 𝟜.𝟚 مليون. 会议通过了预算。\n`), expect: accepted('👩🏽‍⚖️', 'قال المجلس') },
    { name: 'txt: zero-width and bidi controls', family, make: () => file('bidi.txt', `${headline}\n\nThe \u202emayor\u202c said \u200b\u200d\u2066no\u2069.\n`), expect: accepted('mayor') },
    { name: 'txt: 5 MB single token', family, make: () => file('token.txt', 'a'.repeat(maxImportBytes - 16)), expect: { outcome: 'either' }, exports: heavyExports },
    { name: 'txt: 5 MB single line of words', family, make: () => file('line.txt', words(Math.floor((maxImportBytes - 64) / 7))), expect: { outcome: 'either' }, exports: heavyExports },
    { name: 'txt: 100,000 lines', family, make: () => file('lines.txt', `${headline}\n\n${Array.from({ length: 100_000 }, (_, index) => `Line ${index} of the budget.`).join('\n')}\n`), expect: accepted('Line 99999 of the budget.'), exports: heavyExports },
    { name: 'txt: 100,000 blank-line separated paragraphs', family, make: () => file('paragraphs.txt', Array.from({ length: 100_000 }, (_, index) => `Item ${index}.`).join('\n\n')), expect: accepted('Item 99999.'), exports: heavyExports },
    { name: 'txt: 40,000 words in one paragraph', family, make: () => file('paragraph.txt', `${headline}\n\n${words(40_000)}.`), expect: accepted('council budget mayor'), exports: heavyExports },
    { name: 'txt: one byte over the import limit', family, make: () => file('huge.txt', Buffer.alloc(maxImportBytes + 1, 0x61)), expect: refusedFile(/larger than the import limit/, 'too_large') },
    { name: 'txt: a 4 MB run of combining marks', family, make: () => file('zalgo.txt', `${headline}\n\nZ${'\u0301\u0302\u0303\u0304'.repeat(500_000)}\n`), expect: { outcome: 'either' }, exports: heavyExports },
    { name: 'txt: 300,000 sentence ends', family, make: () => file('dots.txt', `${headline}\n\n${'A. '.repeat(300_000)}`), expect: { outcome: 'either' }, exports: heavyExports },
    { name: 'txt: CR-only line ends', family, make: () => file('cr.txt', `${headline}\r\r${paragraph}\r`), expect: accepted('Mayor Anna Berg') },
    { name: 'pasted: 5 MB single token', family, make: () => ({ via: 'importText', text: 'b'.repeat(maxImportBytes - 16) }), expect: { outcome: 'either' } },
    { name: 'pasted: lone surrogates in text and title', family, make: () => ({ via: 'importText', text: `${headline}\n\nBroken \ud800 pair and \udfff here.`, title: `Title \udbff end` }), expect: { outcome: 'either' } },
    { name: 'pasted: NUL characters', family, make: () => ({ via: 'importText', text: `${headline}\u0000\u0000` }), expect: refusedFile(/binary/) },
  );
  return cases;
}

function markdownCases(): HostileCase[] {
  const family = 'markdown';
  return [
    { name: 'md: blockquotes nested 10,000 deep', family, make: () => file('quotes.md', `# ${headline}\n\n${'>'.repeat(10_000)} Deep words survive.\n`), expect: accepted('Deep words survive.') },
    { name: 'md: blockquotes nested 100,000 deep', family, make: () => file('quotes100k.md', `${'> '.repeat(100_000)}Deepest words survive.\n`), expect: accepted('Deepest words survive.') },
    { name: 'md: lists nested 10,000 deep', family, make: () => file('lists.md', `# ${headline}\n\n${Array.from({ length: 10_000 }, (_, depth) => `${'  '.repeat(Math.min(depth, 3))}- item ${depth}`).join('\n')}\n`), expect: accepted('item 9999') },
    { name: 'md: list markers 10,000 deep on one line', family, make: () => file('listline.md', `${'- '.repeat(10_000)}Listed words survive.\n`), expect: accepted('Listed words survive.') },
    { name: 'md: emphasis nested 50,000 deep', family, make: () => file('emphasis.md', `# ${headline}\n\n${'*'.repeat(50_000)}Emphatic words${'*'.repeat(50_000)}\n`), expect: accepted('Emphatic words') },
    { name: 'md: 100,000 unclosed brackets', family, make: () => file('brackets.md', `# ${headline}\n\n${'['.repeat(100_000)}Bracketed words\n`), expect: accepted('Bracketed words') },
    { name: 'md: 100,000 link reference definitions', family, make: () => file('refs.md', `# ${headline}\n\n${Array.from({ length: 100_000 }, (_, index) => `[r${index}]: http://x/${index}`).join('\n')}\n\nBody [r1] text.\n`), expect: accepted('Body') },
    { name: 'md: a 2 MB table', family, make: () => file('table.md', `# ${headline}\n\n| a | b |\n|---|---|\n${'| cell | cell |\n'.repeat(125_000)}`), expect: accepted('cell') },
    { name: 'md: backticks 100,000 long', family, make: () => file('ticks.md', `# ${headline}\n\nSome ${'`'.repeat(100_000)} code words\n`), expect: accepted('code words') },
    { name: 'md: 50,000 code spans opened', family, make: () => file('spans.md', `# ${headline}\n\n${'`a '.repeat(50_000)}span words\n`), expect: accepted('span words') },
    { name: 'md: lists nested 500 deep by indentation', family, make: () => file('indented.md', `# ${headline}\n\n${Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')}\n`), expect: accepted('level 0', 'level 499') },
    { name: 'md: raw HTML nested 50,000 deep', family, make: () => file('rawhtml.md', `# ${headline}\n\n${'<div>'.repeat(50_000)}Raw words survive.${'</div>'.repeat(50_000)}\n`), expect: accepted('Raw words survive.') },
    ...xssPayloads.map((payload, index) => ({
      name: `md: XSS payload ${index + 1} in heading, text, link and image`,
      family,
      make: () => file(`xss${index}.md`, `# ${payload}\n\nText ${payload} here. [${payload}](${payload}) ![${payload}](x.png "${payload}")\n\n${payload}\n`),
      expect: { outcome: 'either' } as const,
      exports: 'all' as const,
    })),
  ];
}

function htmlCases(): HostileCase[] {
  const family = 'html';
  return [
    { name: 'html: divs nested 100,000 deep', family, make: () => file('deep.html', htmlPage(`${'<div>'.repeat(100_000)}<p>Deep paragraph survives.</p>${'</div>'.repeat(100_000)}`)), expect: accepted('Deep paragraph survives.') },
    { name: 'html: unclosed divs 200,000 deep', family, make: () => file('unclosed.html', `<title>${headline}</title>${'<div>'.repeat(200_000)}Unclosed words survive.`), expect: accepted('Unclosed words survive.') },
    { name: 'html: inline tags nested 100,000 deep', family, make: () => file('spans.html', htmlPage(`<p>${'<span><b>'.repeat(50_000)}Inline words survive.${'</b></span>'.repeat(50_000)}</p>`)), expect: accepted('Inline words survive.') },
    { name: 'html: lists nested 50,000 deep', family, make: () => file('lists.html', htmlPage(`${'<ul><li>'.repeat(50_000)}Listed item survives.${'</li></ul>'.repeat(50_000)}`)), expect: accepted('Listed item survives.') },
    { name: 'html: 100,000 unclosed paragraphs', family, make: () => file('paragraphs.html', htmlPage(Array.from({ length: 100_000 }, (_, index) => `<p>Para ${index}`).join(''))), expect: accepted('Para 99999'), exports: heavyExports },
    { name: 'html: a 4.9 MB text node', family, make: () => file('textnode.html', htmlPage(`<p>${words(700_000)}</p>`)), expect: accepted('council budget'), exports: heavyExports },
    { name: 'html: 100,000 articles', family, make: () => file('articles.html', `<title>${headline}</title>${'<article><p>Story.</p></article>'.repeat(100_000)}`), expect: accepted('Story.') },
    { name: 'html: an unclosed comment', family, make: () => file('comment.html', `<h1>${headline}</h1><p>Visible words.</p><!-- ${'x'.repeat(1_000_000)}`), expect: accepted('Visible words.') },
    { name: 'html: a huge attribute', family, make: () => file('attribute.html', htmlPage(`<p class="${'a'.repeat(3_000_000)}">Attribute words survive.</p>`)), expect: accepted('Attribute words survive.') },
    { name: 'html: ENTITY declarations', family, make: () => file('entities.html', `<!DOCTYPE html [<!ENTITY a "${'x'.repeat(100)}">]><h1>${headline}</h1><p>&a;&a;&a; words</p>`), expect: accepted('words') },
    { name: 'html: 200,000 line breaks', family, make: () => file('breaks.html', htmlPage(`<p>${'word<br>'.repeat(200_000)}</p>`)), expect: accepted('word'), exports: heavyExports },
    { name: 'html: scripts, styles, frames and handlers', family, make: () => file('active.html', htmlPage(`<script>alert(1)</script><style>p{}</style><iframe src="http://x"></iframe><p onclick="alert(1)">Safe words.</p><object data="x"></object><svg onload="alert(1)"><text>svg</text></svg>`)), expect: accepted('Safe words.'), exports: 'all' as const },
    { name: 'html: meta refresh and base href', family, make: () => file('meta.html', `<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">${htmlPage('<p>Meta words.</p>')}`), expect: accepted('Meta words.') },
    { name: 'html: not HTML at all (binary)', family, make: () => file('binary.html', Buffer.concat([utf8('<p>'), Buffer.from([0, 1, 2, 3, 0, 0])])), expect: refusedFile(/binary/) },
    { name: 'html: no text at all', family, make: () => file('empty.html', '<html><body><div></div><script>x</script></body></html>'), expect: refusedFile(/no article text/) },
    ...xssPayloads.map((payload, index) => ({
      name: `html: XSS payload ${index + 1} escaped in every field`,
      family,
      make: () => file(`xss${index}.html`, `<title>${escapeXml(payload)}</title><h1>${escapeXml(payload)}</h1><p class="standfirst">${escapeXml(payload)}</p><p>${escapeXml(payload)}</p><figure><figcaption data-credit="${escapeXml(payload)}">${escapeXml(payload)}</figcaption></figure><p class="credit">${escapeXml(payload)}</p>`),
      expect: accepted(payload),
      exports: 'all' as const,
    })),
  ];
}

function xmlCases(): HostileCase[] {
  const family = 'nitf and xml';
  const billionLaughs =
    '<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`).join('') +
    ']>\n<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>';
  return [
    { name: 'nitf: billion laughs', family, make: () => file('laughs.xml', billionLaughs), expect: refusedFile(/ENTITY|entities/) },
    { name: 'nitf: quadratic blow-up', family, make: () => file('quadratic.xml', `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "${'a'.repeat(50_000)}">]><nitf><body><body.content><p>${'&a;'.repeat(50_000)}</p></body.content></body></nitf>`), expect: refusedFile(/ENTITY|entities/) },
    { name: 'nitf: XXE reading /etc/passwd', family, make: () => file('xxe.xml', '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>'), expect: refusedFile(/ENTITY|entities/) },
    { name: 'nitf: XXE through a parameter entity', family, make: () => file('xxe-param.xml', '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]><nitf><body><body.content><p>x</p></body.content></body></nitf>'), expect: refusedFile(/ENTITY|DOCTYPE/) },
    { name: 'nitf: DOCTYPE with an internal subset but no entity', family, make: () => file('subset.xml', `<?xml version="1.0"?><!DOCTYPE nitf [<!ELEMENT nitf ANY>]>${nitf(`<p>${paragraph}</p>`).replace(/^<\?xml[^>]*>\n/, '')}`), expect: refusedFile(/DOCTYPE/) },
    { name: 'nitf: external DTD only (harmless)', family, make: () => file('dtd.xml', nitf(`<p>${paragraph}</p>`).replace('<nitf>', '<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\n<nitf>')), expect: accepted('Mayor Anna Berg') },
    { name: 'nitf: <!ENTITY only inside a comment', family, make: () => file('entity-comment.xml', nitf(`<!-- how not to write it: <!ENTITY x "y"> --><p>${paragraph}</p>`)), expect: accepted('Mayor Anna Berg') },
    { name: 'nitf: <!ENTITY only inside CDATA', family, make: () => file('entity-cdata.xml', nitf(`<p><![CDATA[The text <!ENTITY x "y"> is quoted.]]></p><p>${paragraph}</p>`)), expect: accepted('<!ENTITY x "y">', 'Mayor Anna Berg') },
    { name: 'nitf: <!DOCTYPE text only inside CDATA', family, make: () => file('doctype-cdata.xml', nitf(`<p><![CDATA[Quoting <!DOCTYPE html [ in copy.]]></p><p>${paragraph}</p>`)), expect: accepted('<!DOCTYPE html [', 'Mayor Anna Berg') },
    { name: 'nitf: elements nested 100,000 deep', family, make: () => file('deep.xml', nitf(`<p>${'<em>'.repeat(100_000)}Deep words survive.${'</em>'.repeat(100_000)}</p>`)), expect: accepted('Deep words survive.') },
    { name: 'nitf: blocks nested 100,000 deep', family, make: () => file('deepblocks.xml', nitf(`${'<block>'.repeat(100_000)}<p>Deep block survives.</p>${'</block>'.repeat(100_000)}`)), expect: accepted('Deep block survives.') },
    { name: 'nitf: inline tags nested 50,000 deep', family, make: () => file('deeptags.xml', nitf(`<p>${'<person>'.repeat(50_000)}Nested Name${'</person>'.repeat(50_000)}</p>`)), expect: { outcome: 'either' } },
    { name: 'nitf: 200,000 inline tags in one paragraph', family, make: () => file('tags.xml', nitf(`<p>${'<person>Anna</person> '.repeat(200_000)}</p>`)), expect: refusedFile(/holds 200,000 tags, more than the 50,000/, 'too_large') },
    { name: 'nitf: 50,000 quotes and 50,000 names', family, make: () => file('quotes.xml', nitf(`<p>${'<person>Anna Berg</person> said <q quote-source="Anna Berg">yes</q>. '.repeat(50_000)}</p>`)), expect: refusedFile(/holds 100,000 tags/, 'too_large') },
    { name: 'nitf: 20,000 quotes and 20,000 names', family, make: () => file('quotes.xml', nitf(`<p>${'<person>Anna Berg</person> said <q quote-source="Anna Berg">yes</q>. '.repeat(20_000)}</p>`)), expect: accepted('Anna Berg said yes.') },
    { name: 'nitf: 100,000 paragraphs', family, make: () => file('paragraphs.xml', nitf(Array.from({ length: 100_000 }, (_, index) => `<p>Para ${index}.</p>`).join(''))), expect: accepted('Para 99999.'), exports: heavyExports },
    { name: 'nitf: 500,000 empty elements', family, make: () => file('empties.xml', nitf(`<p>Empty words.</p>${'<x/>'.repeat(500_000)}`)), expect: { outcome: 'either' } },
    { name: 'nitf: a 4.9 MB text node', family, make: () => file('textnode.xml', nitf(`<p>${words(700_000)}</p>`)), expect: accepted('council budget'), exports: heavyExports },
    { name: 'nitf: a huge attribute', family, make: () => file('attribute.xml', nitf(`<p><person value="${'v'.repeat(3_000_000)}">Anna Berg</person> spoke.</p>`)), expect: accepted('Anna Berg spoke.') },
    { name: 'nitf: 100,000 attributes on one element', family, make: () => file('attributes.xml', nitf(`<p ${Array.from({ length: 100_000 }, (_, index) => `a${index}="x"`).join(' ')}>Attributed words.</p>`)), expect: { outcome: 'either' } },
    { name: 'nitf: malformed (unclosed)', family, make: () => file('unclosed.xml', '<?xml version="1.0"?><nitf><body><body.content><p>Unclosed'), expect: refusedFile(/not well-formed|could not be read/) },
    { name: 'nitf: truncated in a tag', family, make: () => file('truncated.xml', nitf(`<p>${paragraph}</p>`).slice(0, 150)), expect: refusedFile(/not well-formed|could not be read/) },
    { name: 'nitf: root is not nitf', family, make: () => file('other.xml', '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>'), expect: refusedFile(/not NITF/) },
    { name: 'nitf: declared ISO-8859-1 with Latin-1 bytes', family, make: () => file('latin1.xml', Buffer.concat([utf8('<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.content><p>Caf'), Buffer.from([0xe9]), utf8('</p></body.content></body></nitf>')])), expect: refusedFile(/not valid UTF-8/) },
    { name: 'nitf: UTF-16 with a byte-order mark', family, make: () => file('utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(nitf(`<p>${paragraph}</p>`), 'utf16le')])), expect: accepted('Mayor Anna Berg') },
    { name: 'nitf: character references to surrogates and NUL', family, make: () => file('charrefs.xml', nitf('<p>Bad &#xD800; and &#0; and &#x110000; refs.</p>')), expect: { outcome: 'either' } },
    { name: 'nitf: processing instructions and comments everywhere', family, make: () => file('pis.xml', nitf(`<?php system('id'); ?><!-- c --><p>PI <?x y?>words.</p>`)), expect: accepted('words.') },
    { name: 'nitf: CDATA holding a script', family, make: () => file('cdata.xml', nitf('<p><![CDATA[<script>alert(1)</script>]]> text.</p>')), expect: accepted('<script>alert(1)</script>'), exports: 'all' as const },
    { name: 'nitf: record under a __proto__ id', family, make: () => file('proto-record.xml', nitfWithRecord(`[{"id":"__proto__","kind":"entity","entityType":"alien","note":"${'n'.repeat(20_000)}","spans":[]}]`)), expect: { outcome: 'either' } },
    { name: 'nitf: record ids constructor and toString', family, make: () => file('ctor-record.xml', nitfWithRecord(`[${['constructor', 'toString'].map((id) => JSON.stringify({ ...entity(id), quote: 'Anna Berg', spans: [{ part: 'content', start: headline.length + 2 + paragraph.indexOf('Anna Berg'), end: headline.length + 2 + paragraph.indexOf('Anna Berg') + 9, text: 'Anna Berg' }] })).join(',')}]`)), expect: { outcome: 'either' } },
    {
      name: 'nitf: record of 8,000 annotations',
      family,
      make: () => {
        const body = words(8_000);
        const offset = headline.length + 2;
        const records = body.split(' ').map((word, index) => {
          const start = offset + index * 7 + (index > 0 ? 0 : 0);
          return { ...entity(`ann_${index}`), quote: word, spans: [{ part: 'content', start, end: start + word.length, text: word }] };
        });
        // Word positions: every vocabulary word is 4 to 6 letters, so compute them from the text itself.
        let cursor = offset;
        for (const [index, word] of body.split(' ').entries()) {
          records[index]!.spans[0] = { part: 'content', start: cursor, end: cursor + word.length, text: word };
          cursor += word.length + 1;
        }
        return file('record8000.xml', nitfWithRecord(JSON.stringify(records), body));
      },
      expect: accepted('council budget'),
      exports: heavyExports,
    },
    ...xssPayloads.map((payload, index) => ({
      name: `nitf: XSS payload ${index + 1} in every field`,
      family,
      make: () =>
        file(
          `xss${index}.xml`,
          `<?xml version="1.0"?><nitf><head><title>${escapeXml(payload)}</title></head><body><body.head><hedline><hl1>${escapeXml(payload)}</hl1></hedline><byline>${escapeXml(payload)}</byline><abstract><p>${escapeXml(payload)}</p></abstract></body.head><body.content>` +
            `<p><person value="${escapeXml(payload)}" idsrc="${escapeXml(payload)}">${escapeXml(payload)}</person> said <q quote-source="${escapeXml(payload)}">${escapeXml(payload)}</q> about <money unit="${escapeXml(payload)}">${escapeXml(payload)}</money> <num units="${escapeXml(payload)}">5</num>.</p>` +
            `<media><media-caption>${escapeXml(payload)}</media-caption><media-producer>${escapeXml(payload)}</media-producer></media></body.content><body.end><tagline>${escapeXml(payload)}</tagline></body.end></body></nitf>`,
        ),
      expect: accepted(payload),
      exports: 'all' as const,
    })),
  ];
}

function docxCases(): HostileCase[] {
  const family = 'docx and zip';
  const article = wordParagraph(headline, 'Title') + wordParagraph(paragraph);
  const bigXml = (megabytes: number): string => wordParagraph('x'.repeat(megabytes * megabyte));
  return [
    { name: 'docx: a small real document', family, make: () => file('real.docx', docxArchive(article)), expect: accepted('Mayor Anna Berg'), exports: 'all' as const },
    { name: 'docx: zip bomb (one part of 1 GB claimed, 1000:1)', family, make: () => file('bomb.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.alloc(20 * megabyte, 0x20), declaredSize: 1024 * megabyte }])), expect: refusedFile(/zip bomb|expand|unzip/) },
    { name: 'docx: zip bomb (200 MB of spaces, honest sizes)', family, make: () => file('spaces.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.alloc(200 * megabyte, 0x20) }])), expect: refusedFile(/zip bomb|expand/) },
    { name: 'docx: document.xml expanding to 48 MB at 18:1', family, make: () => file('expands.docx', docxArchive(Array.from({ length: 48 }, (_, index) => wordParagraph(words(130_000).slice(0, megabyte - 80) + index)).join(''))), expect: refusedFile(/expand|larger|limit/) },
    { name: 'docx: lying directory (declares 1 KB, inflates to 30 MB)', family, make: () => file('liar.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.from(wordDocumentXml(bigXml(30))), declaredSize: 1024 }])), expect: refusedFile(/declared size|zip bomb|expand|unzip/) },
    { name: 'docx: many parts summing past the limit', family, make: () => file('parts.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.from(wordDocumentXml(article)) }, ...Array.from({ length: 40 }, (_, index) => ({ name: `word/media/part${index}.xml`, data: Buffer.alloc(2 * megabyte, 0x41) }))])), expect: refusedFile(/expand|zip bomb/) },
    { name: 'docx: 2,000 entries', family, make: () => file('entries.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.from(wordDocumentXml(article)) }, ...Array.from({ length: 2000 }, (_, index) => ({ name: `x/${index}.txt`, data: Buffer.from('x') }))])), expect: refusedFile(/entries/) },
    { name: 'docx: truncated archive', family, make: () => file('truncated.docx', docxArchive(article).subarray(0, 400)), expect: refusedFile(/zip|Word|unzip/) },
    { name: 'docx: archive cut before its directory', family, make: () => { const whole = docxArchive(article); return file('nodirectory.docx', whole.subarray(0, whole.length - 60)); }, expect: refusedFile(/zip|Word|unzip/) },
    { name: 'docx: corrupt deflate stream', family, make: () => { const whole = Buffer.from(docxArchive(article + article + article)); whole.fill(0xaa, 700, 760); return file('corrupt.docx', whole); }, expect: refusedFile(/zip|Word|unzip|declared/) },
    { name: 'docx: encrypted flag', family, make: () => file('encrypted.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: Buffer.from(wordDocumentXml(article)), encryptedFlag: true }])), expect: refusedFile(/encrypted/) },
    { name: 'docx: zip without word/document.xml', family, make: () => file('noword.docx', zipArchive(docxPackageParts())), expect: refusedFile(/not a Word document/) },
    { name: 'docx: empty zip', family, make: () => file('emptyzip.docx', zipArchive([])), expect: refusedFile(/zip|Word/) },
    { name: 'docx: not a zip at all', family, make: () => file('text.docx', plainArticle), expect: refusedFile(/not a real \.docx/) },
    { name: 'docx: an old .doc renamed', family, make: () => file('old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), expect: refusedFile(/old-format/) },
    { name: 'docx: billion laughs in document.xml', family, make: () => file('laughs.docx', zipArchive([...docxPackageParts(), { name: 'word/document.xml', data: utf8(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${wordDocumentXml(wordParagraph('&b;')).replace(/^<\?xml[^>]*>\n/, '')}`) }])), expect: refusedFile(/ENTITY|entities/) },
    { name: 'docx: XXE in the comments part', family, make: () => file('xxe.docx', docxArchive(article, [{ name: 'word/comments.xml', data: utf8('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:comments xmlns:w="x"><w:comment><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>') }])), expect: refusedFile(/ENTITY|entities/) },
    { name: 'docx: elements nested 40,000 deep', family, make: () => file('deep.docx', docxArchive(`${wordParagraph(headline, 'Title')}<w:p><w:r><w:t>Deep run survives.</w:t></w:r>${'<w:sdt><w:sdtContent>'.repeat(20_000)}<w:r><w:t>Inner.</w:t></w:r>${'</w:sdtContent></w:sdt>'.repeat(20_000)}</w:p>`)), expect: refusedFile(/nests XML elements more than/) },
    { name: 'docx: 50,000 paragraphs', family, make: () => file('paragraphs.docx', docxArchive(Array.from({ length: 50_000 }, (_, index) => wordParagraph(`Para ${index}.`)).join(''))), expect: accepted('Para 49999.'), exports: heavyExports },
    { name: 'docx: path traversal entry names', family, make: () => file('traversal.docx', docxArchive(article, [{ name: '../../../../tmp/evil.txt', data: utf8('evil') }, { name: '/etc/evil.xml', data: utf8('<x/>') }])), expect: { outcome: 'either' } },
    { name: 'docx: a zip inside the zip', family, make: () => file('nested.docx', docxArchive(article, [{ name: 'word/embeddings/inner.zip', data: zipArchive([{ name: 'big.bin', data: Buffer.alloc(10 * megabyte) }]), method: 'store' }])), expect: accepted('Mayor Anna Berg') },
    ...xssPayloads.map((payload, index) => ({
      name: `docx: XSS payload ${index + 1} in title, text and comment`,
      family,
      make: () =>
        file(
          `xss${index}.docx`,
          docxArchive(wordParagraph(payload, 'Title') + wordParagraph(payload, 'Subtitle') + wordParagraph(`${payload} in text`) + wordParagraph(payload, 'Caption'), [
            { name: 'word/comments.xml', data: utf8(`<?xml version="1.0"?><w:comments xmlns:w="x"><w:comment w:author="${escapeXml(payload)}"><w:p><w:r><w:t>${escapeXml(payload)}</w:t></w:r></w:p></w:comment></w:comments>`) },
          ]),
        ),
      expect: accepted(`${payload} in text`),
      exports: 'all' as const,
    })),
  ];
}

function jsonCases(): HostileCase[] {
  const family = 'json export and saved documents';
  const validRecord = { ...entity('ann_valid'), quote: 'Anna Berg' };
  const docWith = (key: string) => documentJson(headline, [{ text: paragraph }], {});
  const hostileKeyRecord = (key: string) => ({ ...entity(key), entityType: 'alien', note: 'n'.repeat(20_000) });
  const badIds = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'ann with spaces', '<script>alert(1)</script>', 'x'.repeat(101), '', 'ann\u0000nul', 'ann\ud800', '../../etc/passwd'];
  const cases: HostileCase[] = [];
  for (const key of ['__proto__', 'constructor', 'toString']) {
    cases.push(
      {
        name: `json: annotation map under a ${key} key`,
        family,
        make: () => file(`key-${key}.json`, handWrittenJsonExport(docWith(key), recordMapWithKey(key, hostileKeyRecord(key)))),
        expect: refusedFile(/annotation|id/),
      },
      {
        name: `save: annotation map under a ${key} key`,
        family,
        make: () => ({ via: 'saveArticle', doc: JSON.parse(`{"type":"doc","attrs":{"annotations":${recordMapWithKey(key, hostileKeyRecord(key))}},"content":${JSON.stringify((docWith(key) as { content: unknown }).content)}}`) as unknown }),
        expect: refusedArgument(/annotation|id/),
      },
      {
        name: `save: annotation map under a ${key} key without kind`,
        family,
        make: () => ({ via: 'saveArticle', doc: JSON.parse(`{"type":"doc","attrs":{"annotations":${recordMapWithKey(key, { id: key })}},"content":${JSON.stringify((docWith(key) as { content: unknown }).content)}}`) as unknown }),
        expect: refusedArgument(/annotation|id/),
      },
    );
  }
  for (const id of badIds) {
    cases.push({
      name: `save: a mark and record with the id ${JSON.stringify(id.slice(0, 30))}`,
      family,
      make: () => ({ via: 'saveArticle', doc: documentJson(headline, [{ text: 'Anna Berg', marks: [id] }], { [id]: { ...entity(id), quote: 'Anna Berg' } }) }),
      expect: refusedArgument(/id|annotation|schema/),
    });
    cases.push({
      name: `save: a mark with the id ${JSON.stringify(id.slice(0, 30))} and no record`,
      family,
      make: () => ({ via: 'saveArticle', doc: documentJson(headline, [{ text: 'Anna Berg', marks: [id] }], { ann_valid: validRecord }) }),
      expect: refusedArgument(/id|annotation|schema|exist/),
    });
  }
  cases.push(
    { name: 'save: 20,000 marks on one word', family, make: () => ({ via: 'saveArticle', doc: manyMarksOnOneWord(20_000).doc }), expect: accepted('Berg'), exports: heavyExports },
    { name: 'json: 4,000 marks on one word (all a file under the limit holds)', family, make: () => file('marks4000.json', jsonExportFile(manyMarksOnOneWord(4_000).doc)), expect: accepted('Berg'), exports: heavyExports },
    { name: 'save: a lone surrogate in the headline', family, make: () => ({ via: 'saveArticle', doc: documentJson(`Broken \ud800 headline`, [{ text: paragraph }], {}) }), expect: { outcome: 'either' } },
    { name: 'save: a lone surrogate in a record note', family, make: () => ({ via: 'saveArticle', doc: documentJson(headline, [{ text: 'Anna Berg', marks: ['ann_valid'] }], { ann_valid: { ...validRecord, note: 'half \udc00 pair' } }) }), expect: { outcome: 'either' } },
    { name: 'json: a lone surrogate escaped in the title', family, make: () => file('surrogate.json', handWrittenJsonExport(documentJson('Broken \ud800 title', [{ text: paragraph }], {}), '{}', `Broken \ud800 title\n\n${paragraph}`)), expect: { outcome: 'either' } },
    { name: 'json: JSON nested 100,000 deep', family, make: () => file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), expect: refusedFile(/not a Newsroom Annotator|not valid JSON/) },
    { name: 'json: objects nested 100,000 deep', family, make: () => file('deepobjects.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), expect: refusedFile(/not a Newsroom Annotator|not valid JSON/) },
    {
      name: 'json: a document nested 100,000 deep',
      family,
      // Written as text: JSON.stringify itself overflows the stack on a value this deep.
      make: () => file('deepdoc.json', handWrittenJsonExport({ placeholder: true }, '{}').replace('{"placeholder":true}', `${'{"type":"doc","content":['.repeat(100_000)}${']}'.repeat(100_000)}`)),
      expect: refusedFile(/invalid|nest/),
    },
    {
      name: 'save: a document nested 100,000 deep',
      family,
      make: () => ({ via: 'saveArticle', doc: JSON.parse(`${'{"type":"doc","content":['.repeat(100_000)}${']}'.repeat(100_000)}`) as unknown }),
      expect: refusedArgument(/nest/),
    },
    { name: 'json: truncated', family, make: () => file('truncated.json', jsonExportFile(documentJson(headline, [{ text: paragraph }], {})).slice(0, 200)), expect: refusedFile(/not valid JSON/) },
    { name: 'json: a record with an alien entity type', family, make: () => file('alien.json', handWrittenJsonExport(documentJson(headline, [{ text: 'Anna Berg', marks: ['ann_valid'] }], { ann_valid: { ...validRecord, entityType: 'alien' } }), JSON.stringify({ ann_valid: { ...validRecord, entityType: 'alien' } }))), expect: refusedFile(/entityType|invalid/) },
    { name: 'json: a 2 MB text node (twice in the file)', family, make: () => file('textnode.json', jsonExportFile(documentJson(headline, [{ text: words(300_000) }], {}))), expect: accepted('council budget'), exports: heavyExports },
    { name: 'json: 20,000 blocks', family, make: () => file('blocks.json', jsonExportFile(documentJson(headline, Array.from({ length: 20_000 }, (_, index) => ({ text: `Block ${index}.` })), {}))), expect: accepted('Block 19999.'), exports: heavyExports },
    { name: 'json: a mark whose attributes are objects', family, make: () => file('markattrs.json', handWrittenJsonExport({ type: 'doc', attrs: { annotations: {} }, content: [{ type: 'headline', content: [{ type: 'text', text: 'x', marks: [{ type: 'annotation', attrs: { id: { toString: 1 }, kind: [], label: null, part: 'content' } }] }] }, { type: 'paragraph', content: [{ type: 'text', text: 'y' }] }] }, '{}')), expect: refusedFile(/invalid|attributes/) },
    { name: 'json: an entity with __proto__ external ids', family, make: () => file('entityproto.json', handWrittenJsonExport(documentJson(headline, [{ text: paragraph }], {}), '{}', `${headline}\n\n${paragraph}`).replace('"entities":[]', `"entities":[{"id":"ent_1","name":"Anna","type":"person","aliases":[],"externalIds":{"__proto__":{"polluted":"yes"}},"description":"","createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z"}]`)), expect: refusedFile(/invalid|external/) },
    ...xssPayloads.map((payload, index) => {
      const record = { ...entity('ann_x'), quote: payload, note: payload, author: payload.slice(0, 200) };
      return {
        name: `json: XSS payload ${index + 1} in every field`,
        family,
        make: () => file(`xss${index}.json`, jsonExportFile(documentJson(payload, [{ text: payload, marks: ['ann_x'] }, { type: 'caption', text: payload }], { ann_x: record }), payload)),
        expect: accepted(payload),
        exports: 'all' as const,
      };
    }),
  );
  return cases;
}

function fileNameCases(): HostileCase[] {
  const family = 'file names';
  const names = [
    ['trailing space', 'notes.txt '],
    ['leading and trailing spaces', '   report.md   '],
    ['unknown extension with trailing space', 'scan.pdf  '],
    ['900 characters', `${'n'.repeat(900)}.txt`],
    ['newlines and controls', 'bad\nname\r\u0007.txt'],
    ['path traversal', '../../../etc/passwd.txt'],
    ['Windows path', 'C:\\Users\\me\\Desktop\\story.txt'],
    ['right-to-left override', 'invoice\u202etxt.exe.txt'],
    ['XSS payload', '<img src=x onerror=alert(1)>.txt'],
    ['no extension', 'README'],
    ['only an extension', '.txt'],
    ['astral characters', '🗞️ story 📰.txt'],
  ] as const;
  return names.flatMap(([label, fileName]) => [
    { name: `name: ${label} (good file)`, family, make: () => file(fileName, plainArticle), expect: { outcome: 'either' } as const },
    { name: `name: ${label} (empty file)`, family, make: () => file(fileName, Buffer.alloc(0)), expect: { outcome: 'refused', code: 'invalid_file', message: /empty|not a supported format/ } as const },
  ]);
}

/** The whole corpus, every case with a unique name. */
export function hostileCorpus(): HostileCase[] {
  const cases = [...textCases(), ...markdownCases(), ...htmlCases(), ...xmlCases(), ...docxCases(), ...jsonCases(), ...fileNameCases()];
  const names = new Set<string>();
  for (const hostile of cases) {
    if (names.has(hostile.name)) throw new Error(`Two hostile cases are named "${hostile.name}".`);
    names.add(hostile.name);
  }
  return cases;
}
