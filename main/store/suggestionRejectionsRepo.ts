import type { EntityType } from '../../common/model/annotation';
import { entityLookupKey } from '../../common/model/names';
import type { RejectedName } from '../../common/suggestions/types';
import type { AnnotatorDatabase } from './database';

/** The suggestions editors rejected: per article by rejection key, and per name and entity type across the desk. */
export function createSuggestionRejectionsRepo(db: AnnotatorDatabase) {
  const keysStatement = db.prepare('SELECT rejection_key FROM suggestion_rejections WHERE article_id = ?').pluck();
  const addKeyStatement = db.prepare('INSERT OR IGNORE INTO suggestion_rejections (article_id, rejection_key) VALUES (?, ?)');
  const namesStatement = db.prepare('SELECT name, entity_type AS entityType, count FROM rejected_names');
  const countNameStatement = db.prepare(
    `INSERT INTO rejected_names (name_key, entity_type, name, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (name_key, entity_type) DO UPDATE SET count = count + 1`,
  );

  return {
    /** The rejection keys of one article. */
    keysOf(articleId: string): string[] {
      return keysStatement.all(articleId) as string[];
    },
    /** Remembers one rejected suggestion of an article; the same key twice is kept once. */
    addKey(articleId: string, key: string): void {
      addKeyStatement.run(articleId, key);
    },
    /** Every name rejected as a type, with how many times. */
    rejectedNames(): RejectedName[] {
      return namesStatement.all() as RejectedName[];
    },
    /** Counts one more rejection of `name` as `entityType`. */
    countRejectedName(name: string, entityType: EntityType): void {
      countNameStatement.run(entityLookupKey(name), entityType, name);
    },
  };
}

/** The suggestion rejections repository. */
export type SuggestionRejectionsRepo = ReturnType<typeof createSuggestionRejectionsRepo>;
