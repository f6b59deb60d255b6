import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ApiError } from '../../common/api';
import { newId, type Annotation, type AnnotationMap } from '../../common/model/annotation';
import type { ArticleStatus, ArticleSummary, ImportSource, SaveResult } from '../../common/api';
import { annotationsOf, blockSeparator, checkedAnnotationMap } from '../../common/articleText';
import { checkedPackedBlock } from '../../common/packedDocument';
import type { DocumentPatch } from '../../common/documentPatch';
import { blockOrderMisfit } from '../../common/model/documentCheck';
import { packedJsonOfBlock, storedBlockOf, storedBlockOfChecked, type BlockSpan, type PlacedSpan, type RevisionReason, type RevisionSummary, type StoredBlock, type Store } from '../store/index';
import { annotationRow, planRecord } from './annotationRows';
import { countWords, untitledArticleTitle } from './articleDocument';
import { userNamePreference } from './preferenceHandlers';

/** What a new article is made of: a checked document and where it came from. */
export interface NewArticle {
  doc: ProseMirrorNode;
  source: string;
  // Where an imported article was read from; absent for an article made in the app.
  importedFrom?: ImportSource;
  // What an import of this app's own export keeps (see importHandlers.ts); the caller checks the id is free.
  kept?: { id?: string; status?: ArticleStatus; createdAt?: string; updatedAt?: string };
}

/** Why a save happens, as the article's history will show it. */
export interface RevisionCause {
  reason: RevisionReason;
  restoredFrom?: number;
}

/** The error for a save based on a revision that is no longer the stored one. */
export function revisionConflict(storedRevision: number, baseRevision: number): ApiError {
  return new ApiError(
    'conflict',
    `This article was saved elsewhere in the meantime (revision ${storedRevision}; this copy is based on revision ${baseRevision}). Reload it to continue from the latest version.`,
  );
}

/** The error for an article id that is not (or no longer) in the database. */
export function articleNotFound(): ApiError {
  return new ApiError('not_found', 'This article no longer exists; it may have been deleted.');
}

// Revisions are signed with the name annotations carry: the one the user chose, else the OS account's.
function editorName(store: Store): string {
  return store.preferences.get(userNamePreference) ?? '';
}

// A snapshot is due when the patches since the last one outweigh it (or 64 KB for small articles): rebuilding
// any revision then reads at most about twice a document's size, and snapshots at most double the storage.
const minimumSnapshotInterval = 64 * 1024;

// The whole document a revision is rebuilt from, packed as the store keeps it; written when a snapshot is due.
function takeSnapshot(store: Store, articleId: string, revision: number): void {
  const { packedJson } = store.articles.find(articleId)!;
  store.revisions.insertSnapshot(articleId, revision, packedJson);
  store.articles.snapshotTaken(articleId, packedJson.length);
}

// A patch as a revision keeps it: its blocks packed (under packedBlocks: revisions saved before the store kept
// blocks packed have ProseMirror JSON under blocks) and its records, joined without re-serialising.
function patchJson(from: number, to: number, blocks: readonly StoredBlock[], records: ReadonlyMap<string, string>, removed: readonly string[]): string {
  const recordMembers = [...records].map(([id, json]) => `${JSON.stringify(id)}:${json}`).join(',');
  return `{"from":${from},"to":${to},"packedBlocks":[${blocks.map(packedJsonOfBlock).join(',')}],"records":{${recordMembers}},"removedRecordIds":${JSON.stringify(removed)}}`;
}

// The blocks a save sends, packed (common/packedDocument.ts), checked as checkedPackedBlock checks any packed
// block; whether their spans' records exist is checked with the records.
function checkedBlocks(blocks: readonly unknown[], from: number): StoredBlock[] {
  return blocks.map((json, index) => {
    try {
      return storedBlockOfChecked(checkedPackedBlock(json));
    } catch (error) {
      throw new ApiError('invalid_argument', `Block ${from + index} does not fit the article schema: ${(error as Error).message}`);
    }
  });
}

// The run of blocks must leave a document the schema accepts: only the block types are needed for that.
function checkBlockOrder(types: readonly string[]): void {
  const misfit = blockOrderMisfit(types);
  if (misfit === null) return;
  if (misfit < types.length) throw new ApiError('invalid_argument', `The document does not fit the article schema: a ${types[misfit]} block cannot stand there.`);
  throw new ApiError('invalid_argument', 'The document does not fit the article schema: it needs a headline and at least one block after it.');
}

// The words of an annotation's content spans in document order, joined as common/articleText.ts joins them.
function quoteOf(spans: readonly PlacedSpan[]): string {
  return spans
    .filter(({ span }) => span.part === 'content')
    .sort((a, b) => a.position - b.position || a.span.start - b.span.start)
    .map(({ span, blockText }) => blockText.slice(span.start, span.end))
    .join(' … ');
}

/** A document change ready to store: the blocks [from, to) replaced by `blocks` (checked), and changed and removed records. */
interface BlockChange {
  from: number;
  to: number;
  blocks: StoredBlock[];
  records: Record<string, unknown>;
  removedRecordIds: string[];
}

/**
 * Stores a change on top of `baseRevision` inside the caller's transaction, touching only what it names:
 * the replaced blocks and their spans and search index, the annotation rows whose record or words changed,
 * the article row, and one revision row with the change. Checks what the checked blocks leave (the records
 * sent and the ones their spans refer to, and that the block order still fits the schema). Blocks are kept
 * packed, as the editor opens them: no ProseMirror JSON is read or written for their tags.
 */
function storeChange(store: Store, id: string, baseRevision: number, change: BlockChange, now: string, cause: RevisionCause): SaveResult {
  const storedRevision = store.articles.revision(id);
  if (storedRevision === undefined) throw articleNotFound();
  if (storedRevision !== baseRevision) throw revisionConflict(storedRevision, baseRevision);
  const { from, to } = change;
  // The replaced blocks and their neighbours, read from the block order index without reading the whole order.
  const windowStart = Math.max(0, from - 1);
  const window = from <= to ? store.blocks.window(id, windowStart, to + 1) : { ids: [], positions: [] };
  const required = to - windowStart;
  if (from > to || window.ids.length < required) {
    throw new ApiError('invalid_argument', `The change does not fit the stored article (blocks ${from}–${to} of ${store.blocks.order(id).ids.length}).`);
  }
  const inWindow = (index: number) => index - windowStart;
  const replacedIds = window.ids.slice(inWindow(from), inWindow(to));
  const removed = new Set(change.removedRecordIds);
  const sentRecords: Record<string, unknown> = {};
  for (const [recordId, record] of Object.entries(change.records)) if (!removed.has(recordId)) sentRecords[recordId] = record;

  const newBlocks = change.blocks;
  // Checked as the records of any received document are; stored as sent, as theirs are.
  checkedAnnotationMap(sentRecords);

  // Which annotations this change can touch, and which of them the store holds: those with words in the
  // replaced blocks (a span's annotation row must exist), and any other the new spans name or the change
  // removes, looked up.
  const markedIds = new Set<string>();
  for (const block of newBlocks) for (const span of block.spans) markedIds.add(span.annotationId);
  const replaced = store.blocks.byIds(replacedIds);
  const spannedIds = new Set<string>();
  for (const block of replaced) for (const span of block.spans) spannedIds.add(span.annotationId);
  const affected = new Set<string>([...markedIds, ...Object.keys(sentRecords), ...spannedIds]);
  for (const recordId of removed) affected.delete(recordId);
  const lookedUp = [...markedIds, ...removed].filter((recordId) => !spannedIds.has(recordId));
  const storedIds = new Set([...spannedIds, ...store.annotations.statesOf(id, lookedUp).keys()]);
  const missing = [...markedIds].filter((recordId) => !Object.hasOwn(sentRecords, recordId) && !(storedIds.has(recordId) && !removed.has(recordId)));
  if (missing.length > 0) throw new ApiError('invalid_argument', `Marks refer to annotations that do not exist: ${missing.slice(0, 5).join(', ')}`);
  // Blocks replaced by blocks of the same types leave a document the schema accepted; anything else is
  // checked against the whole order of types.
  const sameTypes = replaced.length === newBlocks.length && replaced.every((block, index) => block.type === newBlocks[index]!.type);
  if (!sameTypes) {
    const types = store.blocks.order(id).types;
    types.splice(from, to - from, ...newBlocks.map((block) => block.type));
    checkBlockOrder(types);
  }
  const stillMarked = store.blocks.spansOutside(id, [...removed], replacedIds);
  if (stillMarked.length > 0) {
    throw new ApiError('invalid_argument', `Marks refer to annotations that do not exist: ${[...new Set(stillMarked.map(({ span }) => span.annotationId))].slice(0, 5).join(', ')}`);
  }
  const unknownRemoved = [...removed].filter((recordId) => !storedIds.has(recordId));
  if (unknownRemoved.length > 0) throw new ApiError('invalid_argument', `No stored annotation to remove: ${unknownRemoved.slice(0, 5).join(', ')}`);

  // The first replaced blocks are rewritten in their rows, one new block each, keeping their positions; the
  // new blocks beyond them go between the last of those (or the block before the run) and the block after
  // the run, so no other block row is rewritten.
  const rewritten = Math.min(replacedIds.length, newBlocks.length);
  const lowerIndex = from + rewritten - 1;
  const after = window.positions[inWindow(to)];
  let rewrittenPositions = replaced.slice(0, rewritten).map((block) => block.position);
  let insertedPositions = positionsBetween(lowerIndex >= 0 ? window.positions[inWindow(lowerIndex)] : undefined, after, newBlocks.length - rewritten);
  if (!insertedPositions) {
    // Renumbering gives every block its index as its position.
    store.blocks.renumber(id);
    rewrittenPositions = rewrittenPositions.map((_, index) => from + index);
    insertedPositions = positionsBetween(lowerIndex >= 0 ? lowerIndex : undefined, after === undefined ? undefined : to, newBlocks.length - rewritten)!;
  }
  const newPositions = [...rewrittenPositions, ...insertedPositions];

  // A stored annotation not sent whose words in the run read the same after the change keeps its row as it
  // is: typing beside tags, the common save, then reads none of their other spans.
  const wordsBefore = wordsInRun(replaced);
  const wordsAfter = wordsInRun(newBlocks);
  const affectedIds = [...affected].filter(
    (recordId) => !storedIds.has(recordId) || Object.hasOwn(sentRecords, recordId) || !sameWords(wordsBefore.get(recordId), wordsAfter.get(recordId)),
  );
  const stored = store.annotations.statesOf(id, affectedIds);

  // Where every affected annotation's words are after the change: spans kept outside the run, and the new ones.
  const spans = new Map<string, PlacedSpan[]>(affectedIds.map((recordId) => [recordId, []]));
  for (const entry of store.blocks.spansOutside(id, affectedIds, replacedIds)) spans.get(entry.span.annotationId)!.push(entry);
  newBlocks.forEach((block, index) => {
    for (const span of block.spans) spans.get(span.annotationId)?.push({ span, position: newPositions[index]!, blockText: block.text });
  });

  const writtenRecords = new Map<string, string>();
  for (const recordId of affectedIds) {
    const previous = stored.get(recordId);
    const recordSpans = spans.get(recordId)!;
    const hasWords = recordSpans.some(({ span }) => span.part === 'content');
    if (previous && hasWords && !Object.hasOwn(sentRecords, recordId)) {
      // A stored record not sent, still on words: only its quote can change (the words in the edited blocks).
      const quote = quoteOf(recordSpans);
      if (quote !== previous.quote) store.annotations.setQuote(id, recordId, quote);
      continue;
    }
    const record = (sentRecords[recordId] ?? JSON.parse(previous!.recordJson)) as Annotation;
    const planned = planRecord(record, hasWords ? quoteOf(recordSpans) : null, previous);
    if (planned.recordJson !== previous?.recordJson) {
      store.annotations.upsert(annotationRow(id, planned));
      writtenRecords.set(recordId, planned.recordJson);
    } else if (planned.quote !== previous.quote) {
      store.annotations.setQuote(id, recordId, planned.quote);
    }
  }

  for (let index = 0; index < rewritten; index++) store.blocks.rewrite(id, replaced[index]!, newBlocks[index]!);
  store.blocks.remove(replacedIds.slice(rewritten));
  for (let index = rewritten; index < newBlocks.length; index++) store.blocks.insert(id, newPositions[index]!, newBlocks[index]!);
  for (const recordId of removed) store.annotations.remove(id, recordId);

  const wordCountDelta = countWords(newBlocks.map((block) => block.text).join(blockSeparator)) - countWords(replaced.map((block) => block.text).join(blockSeparator));
  const headline = from === 0 && newBlocks[0]?.type === 'headline' ? newBlocks[0].text.trim() || untitledArticleTitle : null;
  const patch = patchJson(from, to, newBlocks, writtenRecords, [...removed]);
  const { revision, title } = store.articles.advance({ id, baseRevision, title: headline, wordCountDelta, patchBytes: patch.length, updatedAt: now })!;
  const summary: RevisionSummary = {
    removedBlocks: to - from,
    addedBlocks: newBlocks.length,
    changedRecords: writtenRecords.size,
    removedRecords: removed.size,
    wordCountDelta,
  };
  store.revisions.insert({ articleId: id, revision, savedAt: now, savedBy: editorName(store), reason: cause.reason, restoredFrom: cause.restoredFrom ?? null, summary, patchJson: patch });
  const sinceSnapshot = store.articles.snapshotState(id)!;
  if (sinceSnapshot.patchBytes >= Math.max(sinceSnapshot.snapshotBytes, minimumSnapshotInterval)) takeSnapshot(store, id, revision);
  return { revision, updatedAt: now, title };
}

// Each annotation's words in a run of blocks, part and text, in the order the store keeps its spans.
function wordsInRun(blocks: readonly { text: string; spans: readonly BlockSpan[] }[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const block of blocks) {
    for (const span of block.spans) {
      const list = words.get(span.annotationId) ?? [];
      list.push(span.part, block.text.slice(span.start, span.end));
      words.set(span.annotationId, list);
    }
  }
  return words;
}

function sameWords(before: readonly string[] | undefined, after: readonly string[] | undefined): boolean {
  return before !== undefined && after !== undefined && before.length === after.length && before.every((word, index) => word === after[index]);
}

/**
 * Positions for `count` blocks strictly between `before` and `after` (either may be missing at an end),
 * evenly spread; null when floating point leaves no room, and the article's blocks must be renumbered.
 */
export function positionsBetween(before: number | undefined, after: number | undefined, count: number): number[] | null {
  const low = before ?? (after === undefined ? -1 : after - count - 1);
  const high = after ?? low + count + 1;
  const positions: number[] = [];
  let previous = low;
  for (let index = 1; index <= count; index++) {
    const position = low + ((high - low) * index) / (count + 1);
    if (!(position > previous) || !(position < high)) return null;
    positions.push(position);
    previous = position;
  }
  return positions;
}

/**
 * Stores a patch (the blocks and records an editor changed since its last save) on top of `baseRevision`,
 * in one transaction, as the next revision. A stale revision is a conflict: another window or process saved
 * first, and nothing is written.
 */
export function saveArticlePatch(store: Store, id: string, baseRevision: number, patch: DocumentPatch, now: string, cause: RevisionCause = { reason: 'saved' }): SaveResult {
  // The blocks are checked before the write transaction, like a whole document received.
  const blocks = checkedBlocks(patch.blocks, patch.from);
  return store.transaction(() => storeChange(store, id, baseRevision, { ...patch, blocks }, now, cause));
}

// The change from the stored document to `doc`: the run of blocks whose packed form differs (compared from
// both ends), and the records whose JSON differs or that went away.
function changeTo(store: Store, id: string, doc: ProseMirrorNode): BlockChange {
  const storedBlocks = store.blocks.packedJsonOf(id);
  const blocks: StoredBlock[] = [];
  const packed: string[] = [];
  doc.forEach((block) => {
    const stored = storedBlockOf(block);
    blocks.push(stored);
    packed.push(packedJsonOfBlock(stored));
  });
  let from = 0;
  const shortest = Math.min(storedBlocks.length, packed.length);
  while (from < shortest && storedBlocks[from] === packed[from]) from++;
  let storedEnd = storedBlocks.length;
  let end = packed.length;
  while (storedEnd > from && end > from && storedBlocks[storedEnd - 1] === packed[end - 1]) {
    storedEnd--;
    end--;
  }
  const storedRecords = new Map(store.annotations.recordsOf(id));
  const records: Record<string, unknown> = {};
  const current = annotationsOf(doc);
  for (const [recordId, record] of Object.entries(current)) {
    if (storedRecords.get(recordId) !== JSON.stringify(record)) records[recordId] = record;
  }
  const removedRecordIds = [...storedRecords.keys()].filter((recordId) => !Object.hasOwn(current, recordId));
  return { from, to: storedEnd, blocks: blocks.slice(from, end), records, removedRecordIds };
}

/**
 * Stores a whole document on top of `baseRevision`, in one transaction: it is compared with the stored one
 * and only the difference is written, as the next revision. A stale revision is a conflict.
 */
export function saveArticleDocument(store: Store, id: string, baseRevision: number, doc: ProseMirrorNode, now: string, cause: RevisionCause = { reason: 'saved' }): SaveResult {
  return store.transaction(() => {
    const storedRevision = store.articles.revision(id);
    if (storedRevision === undefined) throw articleNotFound();
    if (storedRevision !== baseRevision) throw revisionConflict(storedRevision, baseRevision);
    return storeChange(store, id, baseRevision, changeTo(store, id, doc), now, cause);
  });
}

/**
 * Stores a new article at revision 1 with its blocks, spans and annotation rows, in one transaction, and its
 * snapshot: the packed document read back from the rows, as every later revision is rebuilt from it.
 */
export function createArticle(store: Store, article: NewArticle, now: string): ArticleSummary {
  const id = article.kept?.id ?? newId('art');
  const blocks: StoredBlock[] = [];
  article.doc.forEach((block) => blocks.push(storedBlockOf(block)));
  const spansByRecord = spansByRecordOf(blocks);
  const records: AnnotationMap = annotationsOf(article.doc);
  const headline = article.doc.firstChild?.type.name === 'headline' ? article.doc.firstChild.textContent.trim() : '';
  const plainText = blocks.map((block) => block.text).join(blockSeparator);
  return store.transaction(() => {
    store.articles.insert({
      id,
      title: headline || untitledArticleTitle,
      status: article.kept?.status ?? 'draft',
      source: article.source,
      importedFrom: article.importedFrom ?? null,
      plainText,
      wordCount: countWords(plainText),
      createdAt: article.kept?.createdAt ?? now,
      updatedAt: article.kept?.updatedAt ?? now,
    });
    const recordEntries = Object.entries(records);
    for (const [recordId, record] of recordEntries) {
      const recordSpans = spansByRecord.get(recordId) ?? [];
      const hasWords = recordSpans.some(({ span }) => span.part === 'content');
      store.annotations.upsert(annotationRow(id, planRecord(record, hasWords ? quoteOf(recordSpans) : null, undefined)));
    }
    blocks.forEach((block, index) => store.blocks.insert(id, index, block));
    const summary: RevisionSummary = { removedBlocks: 0, addedBlocks: blocks.length, changedRecords: recordEntries.length, removedRecords: 0, wordCountDelta: 0 };
    store.revisions.insert({ articleId: id, revision: 1, savedAt: now, savedBy: editorName(store), reason: 'created', restoredFrom: null, summary, patchJson: '{}' });
    takeSnapshot(store, id, 1);
    return store.articles.summary(id)!;
  });
}

// Each record's spans in document order, with the block they are in: what its quote is read from.
function spansByRecordOf(blocks: readonly StoredBlock[]): Map<string, PlacedSpan[]> {
  const spansByRecord = new Map<string, PlacedSpan[]>();
  blocks.forEach((block, index) => {
    for (const span of block.spans) {
      const entry = { span, position: index, blockText: block.text };
      const recordSpans = spansByRecord.get(span.annotationId);
      // Appended in place: copying the list for each span made a tag with many spans quadratic to store.
      if (recordSpans) recordSpans.push(entry);
      else spansByRecord.set(span.annotationId, [entry]);
    }
  });
  return spansByRecord;
}
