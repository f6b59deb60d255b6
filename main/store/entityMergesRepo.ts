import type { EntityType } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import type { AnnotatorDatabase } from './database';

import type { EntityLinkField } from '../../common/model/entityLinks';

// Which registry link of a record a merge moved is the model's EntityLinkField; the store re-exports it.
export type { EntityLinkField } from '../../common/model/entityLinks';

/** One annotation link a merge re-pointed, with what it must get back when the merge is undone. */
export interface MovedLink {
  articleId: string;
  annotationId: string;
  field: EntityLinkField;
  // A mention's type before the merge, when the merge changed it to the kept entity's type.
  entityType?: EntityType;
}

/** What a merge did, kept so that it can be undone. */
export interface EntityMergeRecord {
  token: string;
  keepId: string;
  keepName: string;
  merged: EntityRecord;
  addedAliases: string[];
  addedExternalIds: Record<string, string>;
  movedLinks: MovedLink[];
  mergedAt: string;
  undoneAt: string | null;
}

interface MergeRow {
  token: string;
  keep_id: string;
  keep_name: string;
  merged_json: string;
  added_aliases_json: string;
  added_external_ids_json: string;
  moved_links_json: string;
  merged_at: string;
  undone_at: string | null;
}

/** The record of entity merges, behind prepared statements. */
export function createEntityMergesRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare(`
    INSERT INTO entity_merges (token, keep_id, keep_name, merged_json, added_aliases_json, added_external_ids_json,
                               moved_links_json, merged_at, undone_at)
    VALUES (@token, @keepId, @keepName, @mergedJson, @addedAliasesJson, @addedExternalIdsJson, @movedLinksJson, @mergedAt, NULL)`);
  const findStatement = db.prepare('SELECT * FROM entity_merges WHERE token = ?');
  const markUndoneStatement = db.prepare('UPDATE entity_merges SET undone_at = ? WHERE token = ? AND undone_at IS NULL');

  return {
    /** Records a merge that has just been made. */
    insert(merge: Omit<EntityMergeRecord, 'undoneAt'>): void {
      insertStatement.run({
        token: merge.token,
        keepId: merge.keepId,
        keepName: merge.keepName,
        mergedJson: JSON.stringify(merge.merged),
        addedAliasesJson: JSON.stringify(merge.addedAliases),
        addedExternalIdsJson: JSON.stringify(merge.addedExternalIds),
        movedLinksJson: JSON.stringify(merge.movedLinks),
        mergedAt: merge.mergedAt,
      });
    },
    /** The merge an undo token names, or undefined for a token never handed out. */
    find(token: string): EntityMergeRecord | undefined {
      const row = findStatement.get(token) as MergeRow | undefined;
      return (
        row && {
          token: row.token,
          keepId: row.keep_id,
          keepName: row.keep_name,
          merged: JSON.parse(row.merged_json) as EntityRecord,
          addedAliases: JSON.parse(row.added_aliases_json) as string[],
          addedExternalIds: JSON.parse(row.added_external_ids_json) as Record<string, string>,
          movedLinks: JSON.parse(row.moved_links_json) as MovedLink[],
          mergedAt: row.merged_at,
          undoneAt: row.undone_at,
        }
      );
    },
    /** Marks a merge undone; false when it already was, so that a token works once. */
    markUndone(token: string, undoneAt: string): boolean {
      return markUndoneStatement.run(undoneAt, token).changes === 1;
    },
  };
}

/** The entity merges repository. */
export type EntityMergesRepo = ReturnType<typeof createEntityMergesRepo>;
