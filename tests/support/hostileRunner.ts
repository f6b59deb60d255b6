import type { ApiResult, ArticleRecord, ImportResult } from '../../common/api';
import { exportFormatNames } from '../../common/formats';
import { articleText, parseArticleDocument } from '../../common/articleText';
import type { HostileCase, HostileInput } from './hostileCorpus';

/**
 * Runs one hostile case against any host of the API (the services in process, or the HTTP host) and judges
 * the outcome against what the case expects: a refusal must be quick and clear and change nothing, an
 * accepted file must keep the text it could read and export safely, and nothing may ever be an internal error.
 */

/** Calls one API method, as a host of the contract would answer it. */
export type ApiCaller = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** What happened to one case, and what was wrong with it (empty when it behaved). */
export interface HostileResult {
  name: string;
  family: string;
  outcome: 'accepted' | 'refused';
  code?: string;
  message?: string;
  // Time of the import or save itself, and of everything (exports included), in milliseconds.
  callMs: number;
  totalMs: number;
  problems: string[];
}

const plainArticle = 'Saved article\n\nThe words a hostile save tries to replace.\n';

// A file name as a message should name it: no folders, no surrounding space.
function baseNameOf(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).trim();
}

// Elements that would run or load something if a payload had been written into a page unescaped.
const activeElements = new Set(['script', 'iframe', 'svg', 'img', 'object', 'embed', 'frame', 'base', 'form', 'math']);

/**
 * What in an exported HTML page could run script: active elements, event-handler attributes, javascript: URLs.
 * The exporter escapes < > " and & in text and attribute values, so every real tag is a match of the tag
 * pattern below and every attribute value is quoted; a payload that slipped through unescaped would show up.
 */
export function liveMarkupIn(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const name = tag[1]!.toLowerCase();
    if (activeElements.has(name)) found.push(`a <${name}> element`);
    for (const attribute of (tag[2] ?? '').matchAll(/([^\s=>"']+)(?:="([^"]*)")?/g)) {
      const attributeName = attribute[1]!.toLowerCase();
      const value = (attribute[2] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&colon;/g, ':').trim();
      if (attributeName.startsWith('on')) found.push(`an ${attributeName} attribute on <${name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attributeName) && /^javascript:/i.test(value)) found.push(`a javascript: URL in ${attributeName}`);
    }
  }
  return found;
}

function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

function toCall(input: HostileInput, articleId: string | null, revision: number): { method: string; args: unknown } {
  switch (input.via) {
    case 'importFile':
      // The corpus imports the same good text under many names: each is its own import, not a duplicate.
      return { method: 'importFile', args: { fileName: input.fileName, bytesBase64: input.bytes.toString('base64'), onDuplicate: 'copy' } };
    case 'importText':
      return { method: 'importText', args: input.title === undefined ? { text: input.text, onDuplicate: 'copy' } : { text: input.text, title: input.title, onDuplicate: 'copy' } };
    case 'saveArticle':
      return { method: 'saveArticle', args: { id: articleId, baseRevision: revision, doc: input.doc } };
  }
}

/**
 * Runs `hostile` through `call`. `snapshot` describes the database's content (any string that changes when
 * anything is stored), taken around the call to prove a refusal changed nothing. `exportEverything` exports
 * every accepted case that exports at all in every format, as the stress script does.
 */
export async function runHostileCase(call: ApiCaller, hostile: HostileCase, snapshot: () => Promise<string>, options: { exportEverything?: boolean } = {}): Promise<HostileResult> {
  const problems: string[] = [];
  const input = hostile.make();
  let articleId: string | null = null;
  let revision = 0;
  if (input.via === 'saveArticle') {
    const created = await call('importText', { text: plainArticle, onDuplicate: 'copy' });
    if (!created.ok) throw new Error(`Could not create the article a hostile save goes to: ${created.error.message}`);
    articleId = (created.value as ImportResult).id;
    revision = ((await call('getArticle', { id: articleId })) as { ok: true; value: ArticleRecord }).value.revision;
  }
  const { method, args } = toCall(input, articleId, revision);
  const before = await snapshot();
  const started = performance.now();
  const result = await call(method, args);
  const callMs = performance.now() - started;
  const expectation = hostile.expect;
  if (!result.ok) {
    const { code, message } = result.error;
    if (code === 'internal') problems.push(`an internal error instead of a clear refusal: ${message}`);
    if (/\n\s+at /.test(message)) problems.push('the message carries a stack trace');
    if (message.length > 700) problems.push(`the message is ${message.length} characters long`);
    if (expectation.outcome === 'accepted') problems.push(`refused (${code}: ${message}) where it should be accepted`);
    if (expectation.outcome === 'refused') {
      if (code !== expectation.code) problems.push(`refused as ${code}, expected ${expectation.code}: ${message}`);
      if (!expectation.message.test(message)) problems.push(`the message "${message}" does not match ${String(expectation.message)}`);
    }
    if (input.via === 'importFile') {
      const name = baseNameOf(input.fileName);
      const plain = name.length > 0 && name.length <= 60 && !/[\p{Cc}\p{Cf}]/u.test(name);
      if (plain && !message.includes(`"${name}"`)) problems.push(`the message does not name the file "${name}": ${message}`);
      // The ".txt  files are not a supported format" of a name with a trailing space.
      if (/ {2}/.test(message)) problems.push(`the message holds a run of spaces, likely from an untrimmed file name: ${message}`);
    }
    if ((await snapshot()) !== before) problems.push('the database changed although the input was refused');
    return { name: hostile.name, family: hostile.family, outcome: 'refused', code, message, callMs, totalMs: performance.now() - started, problems };
  }
  if (expectation.outcome === 'refused') problems.push(`accepted where it should be refused (${expectation.code})`);
  const id = input.via === 'saveArticle' ? articleId! : (result.value as ImportResult).id;
  const stored = await call('getArticle', { id });
  if (!stored.ok) {
    problems.push(`the accepted article cannot be read back: ${stored.error.message}`);
  } else {
    const record = stored.value as ArticleRecord;
    let text = '';
    try {
      text = articleText(parseArticleDocument(record.doc)).text;
    } catch (error) {
      problems.push(`the stored document does not check: ${(error as Error).message}`);
    }
    if (!isWellFormed(record.title) || !isWellFormed(text) || !isWellFormed(record.source)) problems.push('the stored title, source or text holds a lone surrogate');
    if (expectation.outcome === 'accepted') {
      for (const kept of expectation.keeps ?? []) {
        if (!text.includes(kept)) problems.push(`the stored text lost "${kept.slice(0, 60)}"`);
      }
    }
  }
  const formats = hostile.exports === undefined ? [] : hostile.exports === 'all' || options.exportEverything ? exportFormatNames : hostile.exports;
  if (stored.ok) {
    for (const format of formats) {
      const exported = await call('exportArticle', { id, format });
      if (!exported.ok) {
        problems.push(`the ${format} export failed: ${exported.error.code}: ${exported.error.message.slice(0, 300)}`);
        continue;
      }
      if (format !== 'html') continue;
      const files = (exported.value as { files: Array<{ content: string }> }).files;
      for (const exportedFile of files) {
        const live = liveMarkupIn(exportedFile.content);
        if (live.length > 0) problems.push(`the HTML export holds live markup: ${live.slice(0, 3).join(', ')}`);
      }
    }
  }
  return { name: hostile.name, family: hostile.family, outcome: 'accepted', callMs, totalMs: performance.now() - started, problems };
}
