import { ApiError } from '../../common/api';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap } from '../../common/model/annotation';
import type { DuplicateChoice, ImportReply, ImportSource } from '../../common/api';
import { annotationsOf, articleText, headlineOf, parseArticleDocument } from '../../common/articleText';
import { importFormatOf } from '../../common/formats';
import { parsePastedText, type ImportedArticle, type ImportedArticleOrigin } from '../formats/importFile';
import type { Store } from '../store/index';
import { type ApiHandlers } from './apiDispatch';
import { withHeadline } from './articleDocument';
import { createArticle, type NewArticle } from './articleWriter';
import { registerImportedEntities, relinkImportedRecords } from './importedEntities';
import { collectAfterLargeCall } from './heapCollection';
import { createImportReader, type ImportReader } from './importReader';
import { suggestionPreferencesOf } from './preferenceHandlers';
import { suggestionsFor } from './suggestionHandlers';
import type { SuggestionRunner } from './suggestionRunner';
import { withPlacedAnnotations } from '../../common/model/suggestions';

// A plain character class: a pattern of repeated groups overflows the stack on a 7 MB string.
const base64Characters = /^[A-Za-z0-9+/]*={0,2}$/;

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && base64Characters.test(text);
}

// How long suggestions on import may take before the article is imported without them: well inside the time
// an import of the largest accepted file may take.
const importSuggestionTimeoutMs = 15_000;
/**
 * The largest article suggested on import: 1,000,000 UTF-16 units (some 150,000 words) or 5,000 blocks, both
 * past any real article. Prose of that length costs the worker some 50 MB; what grows past them is a file of
 * many tiny blocks ("Para 1." fifty thousand times), which yields two suggestions a block, and placing and
 * storing a hundred thousand suggested tags held the host at over 1 GB (issue 9's memory bar).
 */
export const maxSuggestedOnImport = { characters: 1_000_000, blocks: 5_000 } as const;

// Why suggestions on import are skipped for an article of this size, as the import's warning says it; null
// when they run.
function tooLargeToSuggest(characters: number, blocks: number): string | null {
  const limit = (count: number, of: number, unit: string) => `the article has ${count.toLocaleString('en')} ${unit}, and suggestions on import stop at ${of.toLocaleString('en')}`;
  if (characters > maxSuggestedOnImport.characters) return limit(characters, maxSuggestedOnImport.characters, 'characters');
  if (blocks > maxSuggestedOnImport.blocks) return limit(blocks, maxSuggestedOnImport.blocks, 'blocks (paragraphs, headings, captions)');
  return null;
}

// Ids this app writes look like art_0123abcd…; a kept id is held to plain characters, whatever a file says.
const keepableArticleId = /^[A-Za-z0-9_.:-]{1,100}$/;

function isTimestamp(text: string | undefined): text is string {
  return text !== undefined && !Number.isNaN(Date.parse(text));
}

// What of the exported article's identity a new article keeps: its id when no article has it (else a new one,
// said in a warning), and its status and valid timestamps. Runs inside the import's transaction.
function keptIdentity(store: Store, origin: ImportedArticleOrigin, warnings: string[]): NonNullable<NewArticle['kept']> {
  const kept: NonNullable<NewArticle['kept']> = {
    status: origin.status,
    createdAt: isTimestamp(origin.createdAt) ? origin.createdAt : undefined,
    updatedAt: isTimestamp(origin.updatedAt) ? origin.updatedAt : undefined,
  };
  if (!keepableArticleId.test(origin.id)) return kept;
  if (!store.articles.exists(origin.id)) return { ...kept, id: origin.id };
  warnings.push(`An article with the id ${origin.id} is already in the database, so the imported copy was given a new id.`);
  return kept;
}

// The same document holding other annotation records; the marks keep their ids, so nothing else changes.
function withRecords(doc: ProseMirrorNode, records: AnnotationMap): ProseMirrorNode {
  return doc.type.create({ ...doc.attrs, annotations: records }, doc.content, doc.marks);
}

/** An imported article whose document is checked: the reader's JSON of it is not kept. */
interface CheckedImport extends Omit<ImportedArticle, 'doc'> {
  doc: ProseMirrorNode;
}

// The importer proposes a title; it becomes the headline when the document has none, since title = headline.
// The reader's JSON is as large as the document itself (some 80 MB for 250,000 blocks): it is let go here,
// rather than held through the suggestions and the store write.
function checkedImport({ doc: json, ...imported }: ImportedArticle): CheckedImport {
  const doc = parseArticleDocument(json);
  return { ...imported, doc: !headlineOf(doc) && imported.title.trim() ? withHeadline(doc, imported.title) : doc };
}

// An export of this app brings its entities and identity too: they are stored with the article, all or nothing.
// Text the library already holds is stored only when the caller asked for a copy; otherwise the reply names the
// article already there. The check and the write share one transaction, so two imports cannot both pass it.
async function storeImported(
  store: Store,
  runner: SuggestionRunner,
  imported: CheckedImport,
  importedFrom: ImportSource,
  onDuplicate: DuplicateChoice,
): Promise<ImportReply> {
  let doc = imported.doc;
  const plainText = articleText(doc).text;
  // Asked before any work on suggestions; asked again inside the transaction, where the answer holds.
  const known = onDuplicate === 'ask' ? store.articles.findSameText(plainText) : undefined;
  if (known) return { outcome: 'duplicate', existing: known };
  const preferences = suggestionPreferencesOf(store);
  const suggestionWarnings: string[] = [];
  // Suggestions are computed before the write transaction: the worker's time holds no lock. This app's own
  // lossless exports come back exactly as they left, so they get none. They never change the text.
  const skipped = tooLargeToSuggest(plainText.length, doc.childCount);
  if (preferences.onImport && preferences.kinds.length > 0 && !imported.origin && skipped) {
    suggestionWarnings.push(`No tags were suggested: ${skipped}. Ask for them in the editor.`);
  } else if (preferences.onImport && preferences.kinds.length > 0 && !imported.origin) {
    try {
      doc = withPlacedAnnotations(doc, await suggestionsFor(store, runner, null, doc, preferences.kinds, importSuggestionTimeoutMs));
    } catch (error) {
      // Suggestions are a help, not the import: an article too big or too odd for them is imported without.
      suggestionWarnings.push(`No tags were suggested: ${(error as Error).message.replace(/^Suggestions failed: /, '')}. The article was imported without suggestions.`);
    }
    // A large article's suggestions grew the worker's heap by 100 MB or more: it is given back before the store
    // write rather than held through it (an editor who asks for suggestions next pays a new worker's start).
    await runner.releaseAfterLargeRequest();
  }
  // What reading, checking and suggesting a large article left is dead now: collected before the store
  // write, the import's largest step, so that its garbage does not pile up on theirs.
  collectAfterLargeCall(doc.nodeSize);
  const now = new Date().toISOString();
  return store.transaction(() => {
    const existing = onDuplicate === 'ask' ? store.articles.findSameText(plainText) : undefined;
    if (existing) return { outcome: 'duplicate', existing };
    const warnings = [...(imported.warnings ?? []), ...suggestionWarnings];
    const links = registerImportedEntities(store, imported.entities ?? []);
    warnings.push(...links.warnings);
    const linked = links.relinked.size > 0 ? withRecords(doc, relinkImportedRecords(annotationsOf(doc), links.relinked)) : doc;
    const kept = imported.origin ? keptIdentity(store, imported.origin, warnings) : undefined;
    const summary = { ...createArticle(store, { doc: linked, source: imported.source, importedFrom, kept }, now), outcome: 'imported' as const };
    return warnings.length > 0 ? { ...summary, importWarnings: warnings } : summary;
  });
}

// A renderer sends a bare name, but a host may send a path; only the name is the file's to show.
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

/**
 * The import methods: a file sent as base64, or pasted text; the importer enforces the size limit first. Files
 * are read by `reader`, in a worker thread of their own (see importReader.ts).
 */
export function createImportHandlers(store: Store, runner: SuggestionRunner, reader: ImportReader = createImportReader()): Pick<ApiHandlers, 'importFile' | 'importText'> {
  // Reads, checks and stores one file; the caller collects the heap once this has returned and its data is dead.
  async function importOneFile(fileName: string, bytes: Buffer, onDuplicate: DuplicateChoice): Promise<{ reply: ImportReply; size: number }> {
    const imported = checkedImport(await reader.read(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    // The reader was chosen by this very extension, so the format is known once parsing succeeded.
    const format = importFormatOf(fileName)!;
    const size = Math.max(bytes.byteLength, imported.doc.nodeSize);
    return { reply: await storeImported(store, runner, imported, { kind: 'file', format, fileName: baseName(fileName) }, onDuplicate), size };
  }
  return {
    async importFile({ fileName, bytesBase64, onDuplicate = 'ask' }) {
      if (!isBase64(bytesBase64)) throw new ApiError('invalid_argument', 'The file contents did not arrive as base64.');
      const bytes = Buffer.from(bytesBase64, 'base64');
      // What earlier calls left is collected first, so this one's garbage is not let pile up on theirs.
      collectAfterLargeCall(bytes.byteLength);
      const { reply, size } = await importOneFile(fileName, bytes, onDuplicate);
      collectAfterLargeCall(size);
      return reply;
    },
    importText({ text, title, onDuplicate = 'ask' }) {
      return storeImported(store, runner, checkedImport(parsePastedText(text, title)), { kind: 'pasted' }, onDuplicate);
    },
  };
}
