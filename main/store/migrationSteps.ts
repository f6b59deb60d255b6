import { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Database } from 'better-sqlite3';
import { articleSchema } from '../../common/schema';
import { storedBlockOf, type StoredBlock } from './blockText';

/**
 * Work a migration cannot do in SQL, run right after that migration's file in the same transaction. Keyed by
 * migration version. A step must read only what its own and earlier migrations define, since later ones may
 * drop it.
 */
export type MigrationStep = (db: Database, now: string) => void;

// A stored document that is not JSON or no longer fits the schema stays damaged, visibly: one block that
// fails the schema check names the problem when the article is opened or exported, as before the migration.
function damagedBlock(docJson: string, reason: string): StoredBlock {
  return { type: 'damaged', json: JSON.stringify({ type: 'damaged', reason, stored: docJson.slice(0, 100_000) }), attrsJson: null, text: '', spans: [], packedSpans: null };
}

function blocksOfStoredDocument(docJson: string): StoredBlock[] {
  try {
    const json = JSON.parse(docJson) as { content?: unknown };
    const content = Array.isArray(json.content) ? json.content : [];
    return content.map((block) => storedBlockOf(ProseMirrorNode.fromJSON(articleSchema, block)));
  } catch (error) {
    return [damagedBlock(docJson, (error as Error).message)];
  }
}

// Migration 6: every article's whole document becomes blocks and per-block spans, and the revision it is at
// becomes the first kept revision, with a snapshot to rebuild it from.
function splitDocumentsIntoBlocks(db: Database, now: string): void {
  const articles = db.prepare('SELECT id, doc_json, revision, updated_at FROM articles').all() as { id: string; doc_json: string; revision: number; updated_at: string }[];
  const annotationIds = db.prepare('SELECT id FROM annotations WHERE article_id = ?').pluck();
  const insertBlock = db.prepare('INSERT INTO article_blocks (article_id, position, type, block_json, plain_text) VALUES (?, ?, ?, ?, ?)');
  const insertSpan = db.prepare('INSERT INTO annotation_spans (article_id, annotation_id, block_id, start_offset, end_offset, part) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSnapshot = db.prepare('INSERT INTO article_snapshots (article_id, revision, doc_json) VALUES (?, ?, ?)');
  const setSnapshotBytes = db.prepare('UPDATE articles SET snapshot_bytes = ? WHERE id = ?');
  const insertRevision = db.prepare(`
    INSERT INTO article_revisions (article_id, revision, saved_at, saved_by, reason, restored_from, summary_json, patch_json)
    VALUES (?, ?, ?, '', 'migrated', NULL, '{"removedBlocks":0,"addedBlocks":0,"changedRecords":0,"removedRecords":0,"wordCountDelta":0}', '{}')`);
  for (const article of articles) {
    const known = new Set(annotationIds.all(article.id) as string[]);
    blocksOfStoredDocument(article.doc_json).forEach((block, position) => {
      const blockId = insertBlock.run(article.id, position, block.type, block.json, block.text).lastInsertRowid;
      for (const span of block.spans) {
        if (known.has(span.annotationId)) insertSpan.run(article.id, span.annotationId, blockId, span.start, span.end, span.part);
      }
    });
    insertSnapshot.run(article.id, article.revision, article.doc_json);
    setSnapshotBytes.run(article.doc_json.length, article.id);
    insertRevision.run(article.id, article.revision, article.updated_at || now);
  }
}

/** The steps in code, by the migration version they follow. */
export const migrationSteps: Readonly<Record<number, MigrationStep>> = {
  6: splitDocumentsIntoBlocks,
};
