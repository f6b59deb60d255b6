import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationMap } from '../../common/model/annotation';
import type { ArticleExport, ArticleRecord, ArticleSuggestions, SuggestionCounts } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { rejectionKey, rejectionKeyOf, withoutAnnotations } from '../../common/model/suggestions';
import { parseJsonExport } from '../../main/formats/exportArticle';
import { runCli } from '../../main/cli/runCli';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { importedArticle } from '../support/importedArticle';
import { sampleArticlePath } from '../support/taggedSample';
import { apiCalls, makeTempDir } from './storeFixtures';

/** Suggestions through the services: a real SQLite file, the real worker thread, the sample article. */

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call } = apiCalls(() => services);
let databasePath: string;

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'suggestions.sqlite');
  services = openServices({ databasePath });
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function importSample(): Promise<string> {
  const bytesBase64 = readFileSync(sampleArticlePath).toString('base64');
  return importedArticle(await call('importFile', { fileName: 'ghouta-evacuation.txt', bytesBase64 })).id;
}

async function recordsOf(id: string): Promise<Annotation[]> {
  const article = await call<ArticleRecord>('getArticle', { id });
  return Object.values(parseArticleDocument(article.doc).attrs.annotations as AnnotationMap);
}

const suggested = (records: Annotation[]) => records.filter((record) => record.status === 'suggested');

describe('suggestions on import', () => {
  it('fills the sample with suggested entities, figures and attributions, counted apart from tags', async () => {
    const id = await importSample();
    const records = suggested(await recordsOf(id));
    const entity = (words: string) => records.find((record) => record.kind === 'entity' && record.quote === words);
    expect(entity('Rami Abdel Rahman')).toMatchObject({ entityType: 'person', author: 'suggestions' });
    expect(entity('Douma')).toMatchObject({ entityType: 'place' });
    expect(records.find((record) => record.kind === 'figure' && record.quote.startsWith('400,000'))).toMatchObject({
      figure: { value: { type: 'number', value: 400000 } },
    });
    const alwan = records.find((record) => record.kind === 'attribution' && record.speaker?.type === 'entity' && record.speaker.name === 'Wael Alwan');
    expect(alwan).toBeDefined();
    const summary = await call<ArticleRecord>('getArticle', { id });
    expect(summary.tagCounts).toMatchObject({ entity: 0, figure: 0, attribution: 0, suggested: records.length });
  });

  it('skips them, and says so, for an article of more blocks than suggestions on import take, keeping all its text', async () => {
    // 5,001 paragraphs of "Para N." in 34,000 characters: far under the character limit, over the block limit.
    const paragraphs = Array.from({ length: 5_001 }, (_, index) => `Para ${index}.`);
    const reply = await call<{ id: string; importWarnings?: string[] }>('importText', { text: `Many small paragraphs\n\n${paragraphs.join('\n\n')}` });
    expect(reply.importWarnings).toEqual([
      'No tags were suggested: the article has 5,002 blocks (paragraphs, headings, captions), and suggestions on import stop at 5,000. Ask for them in the editor.',
    ]);
    expect(await recordsOf(reply.id)).toEqual([]);
    const stored = await call<ArticleRecord>('getArticle', { id: reply.id });
    const text = parseArticleDocument(stored.doc).textContent;
    expect(text).toContain('Para 0.');
    expect(text).toContain('Para 5000.');
  });

  it('imports with no suggestion when the desk switched them off', async () => {
    await call('setPreferences', { suggestions: { onImport: false, onOpen: true, kinds: ['entity'] } });
    const id = await importSample();
    expect(await recordsOf(id)).toEqual([]);
  });
});

describe('suggestions added again, and rejections', () => {
  it('never duplicates a suggestion or brings back a rejected one', async () => {
    const id = await importSample();
    const first = suggested(await recordsOf(id));
    const doumas = first.filter((record) => record.kind === 'entity' && record.quote === 'Douma');
    expect(doumas.length).toBeGreaterThan(1);
    await call('rejectSuggestions', { articleId: id, rejections: [{ key: rejectionKeyOf(doumas[0]!), name: 'Douma', entityType: 'place' }] });
    // The editor rejected every "Douma" (they share the words) and saved the article without them.
    const stored = await call<ArticleRecord>('getArticle', { id });
    const rejectedDoc = withoutAnnotations(parseArticleDocument(stored.doc), new Set(doumas.map((record) => record.id)));
    await call('saveArticle', { id, baseRevision: stored.revision, doc: rejectedDoc.toJSON() });
    const counts = await call<SuggestionCounts[]>('addSuggestions', { articleIds: [id] });
    expect(counts).toEqual([{ articleId: id, entity: 0, figure: 0, attribution: 0 }]);
    const after = suggested(await recordsOf(id));
    expect(after).toHaveLength(first.length - doumas.length);
    expect(after.some((record) => record.quote === 'Douma' && record.kind === 'entity')).toBe(false);
  });

  it('tells the editor which suggestions of the article were rejected', async () => {
    const id = await importSample();
    const key = rejectionKey('figure', '400,000');
    await call('rejectSuggestions', { articleId: id, rejections: [{ key, name: '400,000', entityType: null }] });
    const answer = await call<ArticleSuggestions>('suggestAnnotations', { articleId: id, blocks: [{ text: 'More than 400,000 people live in Douma.', type: 'paragraph' }] });
    expect(answer.rejectedKeys).toEqual([key]);
    expect(answer.result.figures.map((figure) => figure.text)).toContain('More than 400,000');
  });

  it('answers without what the editor\'s tags already cover, when it sends their words', async () => {
    const id = await importSample();
    const text = 'More than 400,000 people live in Douma, Rami Abdel Rahman said.';
    const blocks = [{ text, type: 'paragraph' }];
    const full = (await call<ArticleSuggestions>('suggestAnnotations', { articleId: id, blocks })).result;
    // The offsets refer to the text sent: it does not come back.
    expect(Object.keys(full).sort()).toEqual(['attributions', 'entities', 'figures']);
    const douma = full.entities.find((entity) => entity.text === 'Douma')!;
    const figure = full.figures.find((found) => found.text.includes('400,000'))!;
    expect(douma).toBeDefined();
    expect(figure).toBeDefined();
    // "Douma" tagged as an entity and the number's first word as a figure: both go; the speaker's name stays.
    const tagged = { entity: [[douma.start, douma.end]], figure: [[figure.start, figure.start + 4]] };
    const answer = (await call<ArticleSuggestions>('suggestAnnotations', { articleId: id, blocks, tagged })).result;
    expect(answer.entities.map((entity) => entity.text)).toEqual(full.entities.filter((entity) => entity !== douma).map((entity) => entity.text));
    expect(answer.entities.map((entity) => entity.text)).toContain('Rami Abdel Rahman');
    expect(answer.figures).toEqual(full.figures.filter((found) => found !== figure));
    expect(answer.attributions).toEqual(full.attributions);
    const refused = await dispatchApiCall(services.handlers, 'suggestAnnotations', { articleId: id, blocks, tagged: { entity: [[-1, 3]] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('stops suggesting a name as a type once editors rejected it as that type three times', async () => {
    const id = await importSample();
    const blocks = [{ text: 'Officials in Zarqa Province said the road was closed.', type: 'paragraph' }];
    const typeOf = async () =>
      (await call<ArticleSuggestions>('suggestAnnotations', { articleId: id, blocks, kinds: ['entity'] })).result.entities.find((entity) => entity.text.startsWith('Zarqa'));
    const before = await typeOf();
    expect(before).toBeDefined();
    for (let i = 0; i < 3; i++) {
      await call('rejectSuggestions', { articleId: id, rejections: [{ key: rejectionKey('entity', before!.text, before!.entityType), name: before!.text, entityType: before!.entityType }] });
    }
    const after = await typeOf();
    expect(after?.entityType).not.toBe(before!.entityType);
  });

  it('refuses suggestions for an article that does not exist', async () => {
    const result = await dispatchApiCall(services.handlers, 'suggestAnnotations', { articleId: 'art_missing', blocks: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('exports and the command line', () => {
  it('exports accepted tags only unless suggestions are asked for', async () => {
    const id = await importSample();
    const plain = await call<ArticleExport>('exportArticle', { id, format: 'json' });
    expect(Object.keys(parseJsonExport(plain.files[0]!.content).annotations)).toEqual([]);
    const withSuggestions = await call<ArticleExport>('exportArticle', { id, format: 'json', includeSuggestions: true });
    const records = Object.values(parseJsonExport(withSuggestions.files[0]!.content).annotations);
    expect(records.length).toBeGreaterThan(20);
    expect(records.every((record) => record.status === 'suggested')).toBe(true);
  });

  it('suggest adds suggestions to stored articles and prints what it added per article', async () => {
    await call('setPreferences', { suggestions: { onImport: false, onOpen: false, kinds: [] } });
    const id = await importSample();
    services.close();
    const out: string[] = [];
    const err: string[] = [];
    const exitCode = await runCli(['suggest', '--all', '--db', databasePath], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
    expect(err.join('')).toBe('');
    expect(exitCode).toBe(0);
    const line = out.join('').trim();
    const match = /^(\S+)\tentities (\d+)\tfigures (\d+)\tattributions (\d+)$/u.exec(line);
    expect(match?.[1]).toBe(id);
    expect(Number(match![2])).toBeGreaterThan(10);
    expect(Number(match![3])).toBeGreaterThan(5);
    expect(Number(match![4])).toBeGreaterThan(2);
    services = openServices({ databasePath });
    expect(suggested(await recordsOf(id))).toHaveLength(Number(match![2]) + Number(match![3]) + Number(match![4]));
    const again: string[] = [];
    services.close();
    await runCli(['suggest', id, '--db', databasePath], { stdout: (text) => again.push(text), stderr: () => {} });
    expect(again.join('').trim()).toBe(`${id}\tentities 0\tfigures 0\tattributions 0`);
    services = openServices({ databasePath });
  });
});
