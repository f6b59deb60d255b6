import { ApiError } from './apiError';
import { z } from './zodConfig';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { annotationIdSchema, isAnnotationId, type AnnotationMap } from './model/annotation';
import { plainRecordSchema } from './recordKeys';
import { packedBlockOf, type PackedBlock, type PackedDocument } from './packedDocument';

/**
 * A save of a long article sends only what changed since the last save: the run of top-level blocks that
 * differ, packed as the editor opened them (common/packedDocument.ts: text and spans, no marks), and the
 * annotation records that changed or went away. Serialising and sending a 100,000-word article on every save
 * would stall typing for half a second each time.
 */
export const documentPatchSchema = z.object({
  // The blocks [from, to) of the stored document are replaced by `blocks`, packed (checked by the store).
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  blocks: z.array(z.unknown()).max(1_000_000),
  records: plainRecordSchema(annotationIdSchema, z.unknown(), isAnnotationId, 'The patch\'s annotation records'),
  removedRecordIds: z.array(annotationIdSchema),
});
export type DocumentPatch = z.infer<typeof documentPatchSchema>;

/** What an editor last saved: the document and the records, to diff the next save against. */
export interface SavedDocument {
  doc: ProseMirrorNode;
  records: AnnotationMap;
}

/**
 * The patch from `saved` to the current document and records. ProseMirror shares unchanged blocks between
 * versions of a document, so comparing blocks by identity from both ends finds the changed run at once.
 */
export function documentPatchSince(saved: SavedDocument, doc: ProseMirrorNode, records: AnnotationMap): DocumentPatch {
  let from = 0;
  const shortest = Math.min(saved.doc.childCount, doc.childCount);
  while (from < shortest && saved.doc.child(from) === doc.child(from)) from++;
  let savedEnd = saved.doc.childCount;
  let end = doc.childCount;
  while (savedEnd > from && end > from && saved.doc.child(savedEnd - 1) === doc.child(end - 1)) {
    savedEnd--;
    end--;
  }
  const blocks: PackedBlock[] = [];
  for (let index = from; index < end; index++) blocks.push(packedBlockOf(doc.child(index)));
  const changed: Record<string, unknown> = {};
  for (const [id, record] of Object.entries(records)) if (saved.records[id] !== record) changed[id] = record;
  const removedRecordIds = Object.keys(saved.records).filter((id) => !(id in records));
  return { from, to: savedEnd, blocks, records: changed, removedRecordIds };
}

/** Applies a patch to a packed document, returning a new one (its blocks to be checked like any received). */
export function applyDocumentPatch(stored: PackedDocument, patch: DocumentPatch): PackedDocument {
  if (patch.from > patch.to || patch.to > stored.blocks.length) {
    throw new ApiError('invalid_argument', `The change does not fit the stored article (blocks ${patch.from}–${patch.to} of ${stored.blocks.length}).`);
  }
  const records = { ...stored.records, ...(patch.records as AnnotationMap) };
  for (const id of patch.removedRecordIds) delete records[id];
  return { records, blocks: [...stored.blocks.slice(0, patch.from), ...(patch.blocks as PackedBlock[]), ...stored.blocks.slice(patch.to)] };
}
