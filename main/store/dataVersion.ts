import type { AnnotatorDatabase } from './database';

/**
 * A value that changes whenever anything in the database changes: SQLite's data_version moves with each commit
 * of another connection (the suggestion worker, another process), and total_changes() with each row this
 * connection writes. Equal values mean nothing was written between the two reads, so a report computed at one
 * is still true at the other. Read it in the same transaction as the report.
 */
export function createDataVersion(db: AnnotatorDatabase): () => string {
  const statement = db.prepare('SELECT total_changes()').pluck();
  return () => `${db.pragma('data_version', { simple: true }) as number}:${statement.get() as number}`;
}
