import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import {
  exportFormatNames,
  maxImportBytes,
  type ApiErrorInfo,
  type ApiInput,
  type ApiMethodName,
  type ApiOutput,
  type ArticleExport,
    type ExportFormatName,
  type ImportResult,
} from '../../common/api';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { jsonWriter, parseJsonExport } from '../../main/formats/json/writer';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { linkedEntityOf } from '../../common/model/entityLinks';
import { relinkImportedRecords } from '../../main/services/importedEntities';
import { openServices, type AppServices } from '../../main/services/index';
import { readBrat } from '../support/bratReader';
import { checkConll } from '../support/conllCheck';
import { parseCsvObjects } from '../support/csvParse';
import { entityRecord, exportArtifactsDir, makeArticle, sampleArticlePath, sampleEntities, sampleHeadline, sampleTags } from '../support/taggedSample';
import { codePointSlice, readNitf, validateNitf } from '../support/validateNitf';
import { loadWadmAssertions, wadmFailures } from '../support/validateWadm';
import { makeTempDir, projectRoot, valueOf } from './storeFixtures';
import { importedArticle } from '../support/importedArticle';

/**
 * Export and import through the services and the command line, on real SQLite files: the sample article
 * imported from ../shared and tagged, exported to every format and checked with each standard's validator;
 * the JSON and NITF round trips; batch export from the CLI; and hostile files refused without a trace.
 */

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const artifactsDir = join(exportArtifactsDir, 'services');

let temp: ReturnType<typeof makeTempDir>;
const opened: AppServices[] = [];

beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => {
  for (const services of opened) services.close();
  temp.remove();
});

/** A fresh database in the temp folder, closed after the tests. */
function freshServices(name: string): AppServices {
  const services = openServices({ databasePath: join(temp.dir, `${name}.sqlite`) });
  opened.push(services);
  return services;
}

async function call<M extends ApiMethodName>(services: AppServices, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return valueOf<ApiOutput<M>>(await dispatchApiCall(services.handlers, method, input, () => undefined));
}

async function failure(services: AppServices, method: ApiMethodName, input: unknown): Promise<ApiErrorInfo> {
  const result = await dispatchApiCall(services.handlers, method, input, () => undefined);
  if (result.ok) throw new Error(`Expected ${method} to fail, it returned ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

function importBytes(services: AppServices, fileName: string, bytes: Uint8Array | string): Promise<ImportResult> {
  // Round trips import the same file more than once on purpose.
  return call(services, 'importFile', { fileName, bytesBase64: Buffer.from(bytes).toString('base64'), onDuplicate: 'copy' }).then(importedArticle);
}

// These round trips check every record, so the sample's waiting suggestion goes along too.
async function exportOne(services: AppServices, id: string, format: ExportFormatName): Promise<ArticleExport> {
  return call(services, 'exportArticle', { id, format, includeSuggestions: true });
}

async function exportedText(services: AppServices, id: string, format: ExportFormatName): Promise<string> {
  const { files } = await exportOne(services, id, format);
  expect(files).toHaveLength(1);
  return files[0]!.content;
}

/**
 * Imports the sample from ../shared as the app does, then tags it as an editor would: the fixture's tags
 * (tests/support/taggedSample.ts) placed on the imported blocks under the fixture's headline, linked to
 * registry entities created through the services, saved, and marked done.
 */
async function storeTaggedSample(services: AppServices): Promise<{ id: string; annotations: AnnotationMap }> {
  const imported = await importBytes(services, 'ghouta-evacuation.txt', readFileSync(sampleArticlePath));
  const record = await call(services, 'getArticle', { id: imported.id });
  const blocks = articleText(parseArticleDocument(record.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
  blocks[0]!.text = sampleHeadline;
  const registryIds = new Map<string, string>();
  for (const { id, name, type, aliases, externalIds, description } of sampleEntities()) {
    registryIds.set(id, (await call(services, 'createEntity', { name, type, aliases, externalIds, description })).id);
  }
  const tagged = makeArticle(blocks, sampleTags());
  const annotations = relinkImportedRecords(tagged.annotations, registryIds);
  const doc = { ...(tagged.doc.toJSON() as Record<string, unknown>), attrs: { annotations } };
  await call(services, 'saveArticle', { id: imported.id, baseRevision: record.revision, doc });
  await call(services, 'setArticleStatus', { id: imported.id, status: 'done' });
  return { id: imported.id, annotations };
}

function keepArtifacts(result: ArticleExport, folder = artifactsDir): void {
  mkdirSync(folder, { recursive: true });
  for (const file of result.files) writeFileSync(join(folder, file.fileName), file.content);
}

describe('exporting a stored article through the services', () => {
  let services: AppServices;
  let sample: { id: string; annotations: AnnotationMap };
  const results = {} as Record<ExportFormatName, ArticleExport>;

  beforeAll(async () => {
    services = freshServices('export');
    sample = await storeTaggedSample(services);
    for (const format of exportFormatNames) {
      results[format] = await exportOne(services, sample.id, format);
      keepArtifacts(results[format]);
    }
  });

  it('exports every format under the same safe file stem, with the article id', () => {
    for (const format of exportFormatNames) {
      const result = results[format];
      expect(result.articleId).toBe(sample.id);
      expect(result.files.length).toBeGreaterThan(0);
      for (const file of result.files) {
        expect(file.fileName).toMatch(/^(annotation\.conf|eastern-ghouta-town-weighs-[a-z0-9-]+-art_[0-9a-f]{16}\.[a-z.]+)$/);
        expect(file.content.length).toBeGreaterThan(0);
      }
    }
  });

  it('hands the exporters every registry entity the records link to: mentions, speakers and media', () => {
    const { entities, annotations } = parseJsonExport(results.json.files[0]!.content);
    const linked = new Set(Object.values(annotations).flatMap((record) => (['entity', 'speaker', 'medium'] as const).map((field) => linkedEntityOf(record, field))).filter((id): id is string => Boolean(id)));
    expect(linked.size).toBe(sampleEntities().length);
    expect(entities.map((entity) => entity.id).sort()).toEqual([...linked].sort());
    expect(entities.find((entity) => entity.name === 'Damascus')).toMatchObject({ type: 'place', externalIds: { wikidata: 'Q3766', geonames: '170654' } });
  });

  it('NITF validates against the NITF 3.6 XSD and records every annotation', () => {
    const xml = results.nitf.files[0]!.content;
    const validation = validateNitf(xml);
    expect(validation.output).not.toMatch(/error/i);
    expect(validation.valid).toBe(true);
    const reading = readNitf(xml);
    expect(reading.record?.annotations.map((annotation) => annotation.id).sort()).toEqual(Object.keys(sample.annotations).sort());
    for (const tag of reading.inline) expect(codePointSlice(reading.text, tag.start, tag.end)).toBe(tag.text);
    expect(xml).toMatch(/<date\.release norm="\d{8}T\d{6}Z"\/>/);
  });

  it('W3C Web Annotation passes every MUST assertion of the W3C test suite', () => {
    const assertions = loadWadmAssertions();
    const collection = JSON.parse(results.wadm.files[0]!.content) as { first: { items: { id: string }[] } };
    // Every annotation, the one whose words were deleted included (it targets the article without selectors).
    expect(collection.first.items.length).toBe(Object.keys(sample.annotations).length);
    const failures = collection.first.items.flatMap((item) => wadmFailures(item, assertions).map((failed) => `${item.id}: ${failed.file}`));
    expect(failures).toEqual([]);
  });

  it('brat, CoNLL, CSV, HTML and JSON read back with their own readers', () => {
    const [txt, ann, conf] = results.brat.files;
    const brat = readBrat(txt!.content, ann!.content);
    expect(brat.errors).toEqual([]);
    expect(brat.textBound.size).toBeGreaterThan(50);
    for (const bound of brat.textBound.values()) expect(bound.spans.map(([start, end]) => codePointSlice(brat.text, start, end)).join(' ')).toBe(bound.text);
    expect(conf!.fileName).toBe('annotation.conf');

    const conll = checkConll(results.conll.files[0]!.content);
    expect(conll.errors).toEqual([]);
    expect(conll.chunks.length).toBeGreaterThan(30);

    const rows = parseCsvObjects(results.csv.files[0]!.content);
    expect(rows.map((row) => row.annotation_id).sort()).toEqual(Object.keys(sample.annotations).sort());

    const html = results.html.files[0]!.content;
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/<script/i);

    expect(Object.keys(parseJsonExport(results.json.files[0]!.content).annotations).sort()).toEqual(Object.keys(sample.annotations).sort());
  });

  it('leaves waiting suggestions out unless asked for, and keeps every accepted tag', async () => {
    const suggested = Object.values(sample.annotations).filter((record) => record.status === 'suggested').map((record) => record.id);
    expect(suggested.length).toBeGreaterThan(0);
    const plain = await call(services, 'exportArticle', { id: sample.id, format: 'json' });
    const plainIds = Object.keys(parseJsonExport(plain.files[0]!.content).annotations).sort();
    expect(plainIds).toEqual(Object.keys(sample.annotations).filter((id) => !suggested.includes(id)).sort());
    const withSuggestions = parseJsonExport(results.json.files[0]!.content).annotations;
    for (const id of suggested) expect(withSuggestions[id]!.status).toBe('suggested');
  });

  it('refuses a missing article with not_found, an unknown format with invalid_argument, and a damaged document by name', async () => {
    expect(await failure(services, 'exportArticle', { id: 'art_missing', format: 'nitf' })).toMatchObject({ code: 'not_found' });
    expect(await failure(services, 'exportArticle', { id: sample.id, format: 'docx' })).toMatchObject({ code: 'invalid_argument' });
    const broken = await importBytes(services, 'broken.txt', 'A short article.\n\nThat will be damaged.');
    services.db.prepare("UPDATE article_blocks SET type = 'nonsense' WHERE article_id = ? AND position = 1").run(broken.id);
    const error = await failure(services, 'exportArticle', { id: broken.id, format: 'json' });
    expect(error.code).toBe('internal');
    expect(error.message).toContain(`(${broken.id}) is damaged and cannot be exported`);
  });
});

describe('round trips', () => {
  let source: AppServices;
  let sample: { id: string; annotations: AnnotationMap };
  let json: string;
  let nitf: string;

  beforeAll(async () => {
    source = freshServices('round-trip-source');
    sample = await storeTaggedSample(source);
    json = await exportedText(source, sample.id, 'json');
    nitf = await exportedText(source, sample.id, 'nitf');
  });

  it('JSON into another database: the same article id, entities and bytes when exported again', async () => {
    const target = freshServices('json-target');
    const imported = await importBytes(target, 'ghouta.json', json);
    expect(imported.id).toBe(sample.id);
    expect(imported.importWarnings).toBeUndefined();
    expect(imported).toMatchObject({ status: 'done', tagCounts: (await call(source, 'getArticle', { id: sample.id })).tagCounts });
    expect(await exportedText(target, sample.id, 'json')).toBe(json);
    const sourceEntities = (await call(source, 'listEntities', {})).map(({ id, name }) => [id, name]);
    expect((await call(target, 'listEntities', {})).map(({ id, name }) => [id, name])).toEqual(sourceEntities);
  });

  it('JSON into the same database: only the article id differs, and the registry gains no duplicates', async () => {
    const entitiesBefore = (await call(source, 'listEntities', {})).length;
    const imported = await importBytes(source, 'ghouta.json', json);
    expect(imported.id).not.toBe(sample.id);
    expect(imported.importWarnings).toEqual([`An article with the id ${sample.id} is already in the database, so the imported copy was given a new id.`]);
    const again = await exportedText(source, imported.id, 'json');
    expect(again).not.toBe(json);
    expect(again.replaceAll(imported.id, sample.id)).toBe(json);
    expect(await call(source, 'listEntities', {})).toHaveLength(entitiesBefore);
  });

  it('JSON into a database that knows an entity by name: mentions link to it, with a note', async () => {
    const target = freshServices('json-matching');
    const damascus = await call(target, 'createEntity', { name: 'damascus', type: 'place' });
    const imported = await importBytes(target, 'ghouta.json', json);
    expect(imported.importWarnings).toEqual(['The place "Damascus" in the file was linked to the registry\'s entity of the same name.']);
    const exported = parseJsonExport(await exportedText(target, imported.id, 'json'));
    const mentions = Object.values(exported.annotations).filter((record) => record.kind === 'entity' && record.quote === 'Damascus');
    expect(mentions.length).toBe(4);
    for (const mention of mentions) expect(mention).toMatchObject({ entityId: damascus.id });
    expect(exported.entities.filter((entity) => entity.type === 'place' && entity.name.toLowerCase() === 'damascus')).toEqual([damascus]);
    expect((await call(target, 'listEntities', { query: 'damascus' })).map((entity) => entity.id)).toEqual([damascus.id]);
  });

  it('NITF into another database: every annotation, field, span and entity comes back, and the export is the same', async () => {
    const target = freshServices('nitf-target');
    const imported = await importBytes(target, 'ghouta.nitf.xml', nitf);
    expect(imported.importWarnings).toBeUndefined();
    const original = await call(source, 'getArticle', { id: sample.id });
    expect(imported).toMatchObject({ id: sample.id, status: 'done', title: sampleHeadline, source: original.source, tagCounts: original.tagCounts });
    expect(await exportedText(target, sample.id, 'nitf')).toBe(nitf);

    // Beyond the NITF bytes: the model itself, which the JSON export shows whole.
    const before = parseJsonExport(json);
    const after = parseJsonExport(await exportedText(target, sample.id, 'json'));
    expect(after.annotations).toEqual(before.annotations);
    expect(after.entities).toEqual(before.entities);
    expect(articleText(after.doc).text).toBe(articleText(before.doc).text);
    expect(articleText(after.doc).blocks).toEqual(articleText(before.doc).blocks);
    expect(articleText(after.doc).spans).toEqual(articleText(before.doc).spans);
    // NITF dates (date.issue, and date.release of a done article) have whole seconds.
    const wholeSeconds = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
    expect(after.article).toEqual({ ...before.article, createdAt: wholeSeconds(before.article.createdAt), updatedAt: wholeSeconds(before.article.updatedAt) });
  });

  it('NITF into the same database: only the doc-id and the file name differ', async () => {
    const imported = await importBytes(source, 'ghouta.nitf.xml', nitf);
    expect(imported.id).not.toBe(sample.id);
    const { files } = await exportOne(source, imported.id, 'nitf');
    expect(files[0]!.content.replaceAll(imported.id, sample.id)).toBe(nitf);
  });

  it('NITF from another system (no record) is read from its inline tags', async () => {
    const target = freshServices('nitf-third-party');
    const thirdParty = nitf.replace(/<na:annotations[^>]*>[\s\S]*?<\/na:annotations>/, '');
    expect(thirdParty).not.toContain('na:annotations');
    const imported = await importBytes(target, 'wire.xml', thirdParty);
    expect(imported.importWarnings).toBeUndefined();
    const annotations = Object.values(parseArticleDocument((await call(target, 'getArticle', { id: imported.id })).doc).attrs.annotations as AnnotationMap);
    // Inline tags carry the kinds, not our ids, fields or cues; no registry links either. Suggestions fill in
    // around them (on import by default) and never stand on a tag of the same kind.
    const tagged = annotations.filter((record) => record.status !== 'suggested');
    expect(tagged.length).toBeGreaterThan(40);
    expect(tagged.every((record) => record.author === 'import')).toBe(true);
    expect(annotations.filter((record) => record.status === 'suggested').every((record) => record.author === 'suggestions')).toBe(true);
    expect(tagged.filter((record) => record.kind === 'attribution').length).toBeGreaterThan(5);
    expect(imported.id).not.toBe(sample.id);
  });

  it('NITF whose text was edited elsewhere: the record is not trusted, the inline tags are read, and the user is told', async () => {
    const target = freshServices('nitf-edited');
    const edited = nitf.replace('fought fierce battles', 'fought battles');
    const imported = await importBytes(target, 'edited.xml', edited);
    expect(imported.importWarnings).toHaveLength(1);
    expect(imported.importWarnings![0]).toMatch(/^"edited\.xml" carries a Newsroom Annotator record of its tags that could not be used \(its text is \d+ characters long where the record says \d+\); its inline NITF tags were read instead/);
    expect(imported.tagCounts.entity).toBeGreaterThan(30);
  });
});

describe('hostile and wrong files through the services', () => {
  let services: AppServices;
  beforeAll(() => {
    services = freshServices('hostile');
  });

  const minimalDocumentXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>';

  async function zipOf(entries: Record<string, Uint8Array | string>): Promise<Uint8Array> {
    const zip = new JSZip();
    for (const [name, data] of Object.entries(entries)) zip.file(name, data, { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    return zip.generateAsync({ type: 'uint8array' });
  }

  const cases: Array<[string, string, () => Promise<Uint8Array | string> | Uint8Array | string, ApiErrorInfo['code'], RegExp]> = [
    [
      'billion laughs',
      'laughs.xml',
      () => `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><nitf><body><body.content><p>&lol2;</p></body.content></body></nitf>`,
      'invalid_file',
      /^"laughs\.xml" declares XML entities .*"billion laughs"/,
    ],
    [
      'an external entity',
      'secret.nitf',
      () => `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&secret;</p></body.content></body></nitf>`,
      'invalid_file',
      /^"secret\.nitf" declares XML entities/,
    ],
    [
      'an external entity inside a Word file',
      'entity.docx',
      () => zipOf({ 'word/document.xml': minimalDocumentXml.replace('<w:document', '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document') }),
      'invalid_file',
      /declares XML entities/,
    ],
    [
      'a zip bomb',
      'bomb.docx',
      () => zipOf({ 'word/document.xml': minimalDocumentXml, 'word/media/zeros.bin': new Uint8Array(20 * 1024 * 1024) }),
      'invalid_file',
      /^"bomb\.docx" .*\(a "zip bomb"\)/,
    ],
    ['a .docx that is not a zip', 'notes.docx', () => 'Plain words saved under the wrong name.', 'invalid_file', /^"notes\.docx" is not a real \.docx: a \.docx file is a zip archive, and this file is not one\.$/],
    ['malformed XML', 'broken.xml', () => '<nitf><body><body.content><p>Unclosed</body.content></body></nitf>', 'invalid_file', /^"broken\.xml" is not well-formed XML \(line \d+, column \d+: /],
    ['XML that is not NITF', 'feed.xml', () => '<rss><channel><title>x</title></channel></rss>', 'invalid_file', /^"feed\.xml" is XML but not NITF: its root element is <rss>/],
    ['an oversize file', 'huge.txt', () => new Uint8Array(maxImportBytes + 1).fill(0x61), 'too_large', /^"huge\.txt" is 5\.1 MB, larger than the import limit of 5 MB\.$/],
    ['an unknown format', 'photo.png', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'invalid_file', /^"photo\.png" cannot be imported: \.png files are not a supported format\. It looks like a PNG image\./],
    ['JSON that is not our export', 'data.json', () => '{"rows": [1, 2, 3]}', 'invalid_file', /^"data\.json" cannot be imported: the file is not a Newsroom Annotator JSON export/],
    [
      'our JSON export with a hand-edited offset',
      'edited.json',
      () => {
        const article = makeArticle([{ type: 'paragraph', text: 'Rami Abdel Rahman spoke in Damascus.' }], [{ kind: 'entity', entityType: 'place', text: 'Damascus', entityId: 'ent_x' }], {
          entities: [entityRecord('ent_x', 'Damascus', 'place')],
        });
        const exported = JSON.parse(jsonWriter.write(article).files[0]!.content) as { spans: { start: number }[] };
        exported.spans[0]!.start += 1;
        return JSON.stringify(exported);
      },
      'invalid_file',
      /^"edited\.json" cannot be imported: the export's "spans" do not match the annotation marks of its document\.$/,
    ],
  ];

  it.each(cases)('%s is refused with a clear message and leaves nothing behind', async (_name, fileName, bytes, code, message) => {
    const error = await failure(services, 'importFile', { fileName, bytesBase64: Buffer.from(await bytes()).toString('base64') });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await call(services, 'listArticles', {})).toEqual([]);
    expect(await call(services, 'listEntities', {})).toEqual([]);
  });

  it('reports what a Word file could not carry over, and imports the rest', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        comments: { children: [{ id: 0, author: 'Jo Editor', initials: 'JE', date: new Date('2024-01-01'), children: [new Paragraph({ children: [new TextRun('Check this figure')] })] }] },
        sections: [
          {
            children: [
              new Paragraph({ text: 'Talks stall', heading: HeadingLevel.TITLE }),
              new Paragraph({ children: [new TextRun('About '), new CommentRangeStart(0), new TextRun('1,100'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun(' died.')] }),
            ],
          },
        ],
      }),
    );
    const commented = freshServices('docx-warnings');
    const imported = await importBytes(commented, 'commented.docx', docx);
    expect(imported.title).toBe('Talks stall');
    expect(imported.importWarnings).toEqual(['A Word comment by Jo Editor was not imported: "Check this figure".']);
    // Pasted text and plain files have nothing to report, and say nothing.
    expect(importedArticle(await call(commented, 'importText', { text: 'Nothing to report here.' })).importWarnings).toBeUndefined();
  });
});

describe('the command line', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(tsx, ['main/cli/index.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  const lines = (text: string) => text.split('\n').filter(Boolean);

  let db: string;
  let sampleId: string;
  let otherId: string;

  beforeAll(async () => {
    db = join(temp.dir, 'cli.sqlite');
    const services = openServices({ databasePath: db });
    try {
      sampleId = (await storeTaggedSample(services)).id;
      otherId = (await importBytes(services, 'short.txt', 'Aid reaches Douma\n\nA convoy of 40 trucks reached Douma on Monday, the Red Crescent said.')).id;
    } finally {
      services.close();
    }
  });

  it('exports every article to NITF, one valid file per article, printing each path and the warnings', async () => {
    const out = join(temp.dir, 'out-nitf', 'nested');
    const result = await run(['export', '--all', '--format', 'nitf', '--db', db, '--out', out]);
    expect(result.code).toBe(0);
    const written = lines(result.stdout);
    expect(written).toHaveLength(2);
    expect(written.some((path) => path.endsWith(`-${sampleId}.nitf.xml`))).toBe(true);
    expect(written.some((path) => path.endsWith(`-${otherId}.nitf.xml`))).toBe(true);
    for (const path of written) {
      expect(dirname(path)).toBe(out);
      expect(validateNitf(readFileSync(path, 'utf8')).valid).toBe(true);
    }
    expect(result.stderr).toMatch(new RegExp(`^${sampleId}: warning: NITF cannot nest`, 'm'));
  });

  it('writes the brat pair of every article and one annotation.conf', async () => {
    const out = join(temp.dir, 'out-brat');
    const result = await run(['export', '--all', '--format', 'brat', '--db', db, '--out', out]);
    expect(result.code).toBe(0);
    const names = lines(result.stdout).map((path) => path.slice(out.length + 1));
    expect(names.filter((name) => name === 'annotation.conf')).toHaveLength(1);
    expect(names.filter((name) => name.endsWith('.txt'))).toHaveLength(2);
    expect(names.filter((name) => name.endsWith('.ann'))).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual([...names].sort());
  });

  it('goes on past an article that cannot be exported and exits with 1', async () => {
    const damagedDb = join(temp.dir, 'cli-damaged.sqlite');
    const services = openServices({ databasePath: damagedDb });
    let damagedId: string;
    let goodId: string;
    try {
      damagedId = (await importBytes(services, 'damaged.txt', 'A damaged article\n\nIts stored document will be broken.')).id;
      goodId = (await importBytes(services, 'good.txt', 'A good article\n\nIt exports.')).id;
    } finally {
      services.close();
    }
    // Damaged straight in SQLite, as a disk fault or another program might.
    const raw = new Database(damagedDb);
    raw.prepare('UPDATE article_blocks SET packed_spans = ? WHERE article_id = ? AND position = 1').run('[[0,', damagedId);
    raw.close();

    const out = join(temp.dir, 'out-damaged');
    const result = await run(['export', '--all', '--format', 'json', '--db', damagedDb, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${damagedId}: The stored document of "A damaged article" \\(${damagedId}\\) is damaged and cannot be exported`, 'm'));
    expect(lines(result.stdout)).toHaveLength(1);
    expect(lines(result.stdout)[0]).toMatch(new RegExp(`a-good-article-${goodId}\\.json$`));
    expect(parseJsonExport(readFileSync(lines(result.stdout)[0]!, 'utf8')).article.id).toBe(goodId);

    const missing = await run(['export', 'art_missing', goodId, '--format', 'csv', '--db', damagedDb, '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^art_missing: This article no longer exists/m);
    expect(lines(missing.stdout)).toHaveLength(1);
  });

  it('writes only inside the output folder, whatever the title, and replaces a planted link instead of following it', async () => {
    const services = openServices({ databasePath: db });
    try {
      await call(services, 'renameArticle', { id: otherId, title: '../../../../tmp/escape/..\\evil' });
    } finally {
      services.close();
    }
    const out = join(temp.dir, 'out-safe');
    const first = await run(['export', otherId, '--format', 'html', '--db', db, '--out', out]);
    expect(first.code).toBe(0);
    const [path] = lines(first.stdout);
    expect(dirname(path!)).toBe(out);
    expect(path).toMatch(/\/tmp-escape-evil-art_[0-9a-f]{16}\.html$/);

    const outside = join(temp.dir, 'outside.txt');
    writeFileSync(outside, 'must not change');
    rmSync(path!);
    symlinkSync(outside, path!);
    const second = await run(['export', otherId, '--format', 'html', '--db', db, '--out', out]);
    expect(second.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('must not change');
    expect(lstatSync(path!).isSymbolicLink()).toBe(false);
    expect(readFileSync(path!, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('resolves relative --db and --out against the folder npm was run from (INIT_CWD)', async () => {
    const here = join(temp.dir, 'user-folder');
    mkdirSync(here, { recursive: true });
    const imported = await run(['import', sampleArticlePath, '--db', 'relative.sqlite'], { INIT_CWD: here });
    expect(imported.code).toBe(0);
    const result = await run(['export', '--all', '--format', 'csv', '--db', 'relative.sqlite', '--out', 'exports'], { INIT_CWD: here });
    expect(result.code).toBe(0);
    expect(existsSync(join(here, 'relative.sqlite'))).toBe(true);
    expect(dirname(lines(result.stdout)[0]!)).toBe(join(here, 'exports'));
  });

  it('imports every import format in one call, printing one id per file and warnings on stderr', async () => {
    const folder = join(temp.dir, 'to-import');
    mkdirSync(folder, { recursive: true });
    const source = openServices({ databasePath: db });
    try {
      writeFileSync(join(folder, 'ghouta.json'), await exportedText(source, sampleId, 'json'));
      writeFileSync(join(folder, 'ghouta.nitf.xml'), await exportedText(source, sampleId, 'nitf'));
    } finally {
      source.close();
    }
    writeFileSync(join(folder, 'notes.md'), '# Convoy delayed\n\nThe convoy **waited** at the checkpoint.\n');
    writeFileSync(join(folder, 'page.html'), '<html><body><article><h1>Border reopens</h1><p onclick="x()">Trucks crossed.<script>alert(1)</script></p></article></body></html>');
    writeFileSync(
      join(folder, 'memo.docx'),
      await Packer.toBuffer(
        new Document({
          comments: { children: [{ id: 0, author: 'Sub', initials: 'S', date: new Date('2024-01-01'), children: [new Paragraph({ children: [new TextRun('Source?')] })] }] },
          sections: [{ children: [new Paragraph({ text: 'Memo', heading: HeadingLevel.TITLE }), new Paragraph({ children: [new CommentRangeStart(0), new TextRun('Two dead.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] })] }],
        }),
      ),
    );
    const files = ['notes.md', 'page.html', 'memo.docx', 'ghouta.nitf.xml', 'ghouta.json'].map((name) => join(folder, name));
    const target = join(temp.dir, 'cli-import.sqlite');
    const result = await run(['import', sampleArticlePath, ...files, '--db', target]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(6);
    // The JSON and the NITF export are the same article: the second is imported as a copy, with everything but its id.
    expect(lines(result.stderr)).toEqual([
      `${join(folder, 'memo.docx')}: warning: A Word comment by Sub was not imported: "Source?".`,
      expect.stringMatching(new RegExp(`^${join(folder, 'ghouta.json')}: warning: the library already holds this text as art_[0-9a-f]{16} "${sampleHeadline}"; imported as copy 1\\.$`)),
      expect.stringMatching(new RegExp(`^${join(folder, 'ghouta.json')}: warning: An article with the id ${sampleId} is already in the database, so the imported copy was given a new id\\.$`)),
    ]);
    const listed = lines((await run(['list', '--db', target])).stdout);
    expect(listed).toHaveLength(6);
    expect(listed.filter((line) => line.includes(sampleHeadline))).toHaveLength(2);
  });

  it('explains a bad export command line with the usage text and exit code 2', async () => {
    const cases = await Promise.all([
      run(['export', '--format', 'nitf', '--out', 'x', '--db', db]),
      run(['export', '--all', '--out', 'x', '--db', db]),
      run(['export', '--all', '--format', 'pdf', '--out', 'x', '--db', db]),
      run(['export', sampleId, '--all', '--format', 'nitf', '--out', 'x', '--db', db]),
      run(['export', '--all', '--format', 'nitf', '--db', db]),
      run(['list', '--all', '--db', db]),
    ]);
    const messages = [/export needs an article ID or --all\./, /export needs --format \(one of nitf, wadm, brat, conll, json, csv, html\)/, /Unknown export format "pdf"/, /either article ids or --all, not both/, /export needs --out DIR/, /--all is an option of export only/];
    cases.forEach((result, index) => {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(messages[index]!);
      expect(result.stderr).toMatch(/Usage:/);
    });
  });
});
