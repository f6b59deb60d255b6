import type { RevisionEntry, RevisionReason, RevisionSummary } from '../../common/api';
import type { AnnotatorDatabase } from './database';

/** One revision as written: who saved what and when, and the patch from the revision before. */
export interface RevisionWrite extends RevisionEntry {
  articleId: string;
  patchJson: string;
}

interface RevisionRow {
  revision: number;
  saved_at: string;
  saved_by: string;
  reason: RevisionReason;
  restored_from: number | null;
  summary_json: string;
}

function toEntry(row: RevisionRow): RevisionEntry {
  return {
    revision: row.revision,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    reason: row.reason,
    restoredFrom: row.restored_from,
    summary: JSON.parse(row.summary_json) as RevisionSummary,
  };
}

/** The revisions of every article and the whole-document snapshots they are rebuilt from. */
export function createRevisionsRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare(`
    INSERT INTO article_revisions (article_id, revision, saved_at, saved_by, reason, restored_from, summary_json, patch_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const listStatement = db.prepare(`
    SELECT revision, saved_at, saved_by, reason, restored_from, summary_json FROM article_revisions
    WHERE article_id = ? ORDER BY revision DESC LIMIT ?`);
  const patchesStatement = db.prepare(`
    SELECT patch_json FROM article_revisions WHERE article_id = ? AND revision > ? AND revision <= ? ORDER BY revision`).pluck();
  const findStatement = db.prepare(`
    SELECT revision, saved_at, saved_by, reason, restored_from, summary_json FROM article_revisions WHERE article_id = ? AND revision = ?`);
  const hasStatement = db.prepare('SELECT 1 FROM article_revisions WHERE article_id = ? AND revision = ?').pluck();
  const insertSnapshotStatement = db.prepare('INSERT OR REPLACE INTO article_snapshots (article_id, revision, doc_json) VALUES (?, ?, ?)');
  const snapshotStatement = db.prepare(`
    SELECT revision, doc_json AS docJson FROM article_snapshots WHERE article_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1`);

  return {
    /** Stores one revision. */
    insert(write: RevisionWrite): void {
      insertStatement.run(write.articleId, write.revision, write.savedAt, write.savedBy, write.reason, write.restoredFrom, JSON.stringify(write.summary), write.patchJson);
    },
    /** An article's revisions, newest first, at most `limit` of them. */
    list(articleId: string, limit: number): RevisionEntry[] {
      return (listStatement.all(articleId, limit) as RevisionRow[]).map(toEntry);
    },
    /** One revision's history entry, or undefined when it is not kept. */
    find(articleId: string, revision: number): RevisionEntry | undefined {
      const row = findStatement.get(articleId, revision) as RevisionRow | undefined;
      return row && toEntry(row);
    },
    /** Whether the revision is kept (revisions saved before history was kept are not). */
    has(articleId: string, revision: number): boolean {
      return hasStatement.get(articleId, revision) !== undefined;
    },
    /** The patches of revisions (after, upTo], in order. */
    patchesBetween(articleId: string, after: number, upTo: number): string[] {
      return patchesStatement.all(articleId, after, upTo) as string[];
    },
    /** Stores the whole document as it is at `revision`. */
    insertSnapshot(articleId: string, revision: number, docJson: string): void {
      insertSnapshotStatement.run(articleId, revision, docJson);
    },
    /** The newest snapshot at or before `revision`, or undefined when there is none. */
    snapshotAtOrBefore(articleId: string, revision: number): { revision: number; docJson: string } | undefined {
      return snapshotStatement.get(articleId, revision) as { revision: number; docJson: string } | undefined;
    },
  };
}

/** The revisions repository. */
export type RevisionsRepo = ReturnType<typeof createRevisionsRepo>;
