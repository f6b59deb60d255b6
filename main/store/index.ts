import { createAnnotationsRepo, type AnnotationsRepo } from './annotationsRepo';
import { createArticlesRepo, type ArticlesRepo } from './articlesRepo';
import type { AnnotatorDatabase } from './database';
import { createEntitiesRepo, type EntitiesRepo } from './entitiesRepo';
import { createEntityMergesRepo, type EntityMergesRepo } from './entityMergesRepo';
import { createPreferencesRepo, type PreferencesRepo } from './preferencesRepo';
import { createSuggestionRejectionsRepo, type SuggestionRejectionsRepo } from './suggestionRejectionsRepo';

export { openDatabase, type AnnotatorDatabase, type OpenDatabaseOptions } from './database';
export { defaultDatabasePath } from './defaultDatabasePath';
export { IncompatibleDatabaseError } from './migrations';
export type { AnnotationRow, StoredAnnotationState } from './annotationsRepo';
export type { MentioningArticle, StoredMention } from './entitiesRepo';
export type { EntityLinkField, EntityMergeRecord, MovedLink } from './entityMergesRepo';

/** Every repository over one connection, and a way to run several of their calls as one transaction. */
export interface Store {
  db: AnnotatorDatabase;
  articles: ArticlesRepo;
  annotations: AnnotationsRepo;
  entities: EntitiesRepo;
  entityMerges: EntityMergesRepo;
  preferences: PreferencesRepo;
  suggestionRejections: SuggestionRejectionsRepo;
  /** Runs `work` in one immediate transaction (a savepoint when nested): all of its writes or none. */
  transaction<T>(work: () => T): T;
  /** Runs `work` in one deferred transaction, so that its several reads see the file in one state. */
  read<T>(work: () => T): T;
}

/** Prepares every repository's statements over an open, migrated database. */
export function createStore(db: AnnotatorDatabase): Store {
  return {
    db,
    articles: createArticlesRepo(db),
    annotations: createAnnotationsRepo(db),
    entities: createEntitiesRepo(db),
    entityMerges: createEntityMergesRepo(db),
    preferences: createPreferencesRepo(db),
    suggestionRejections: createSuggestionRejectionsRepo(db),
    transaction: (work) => (db.inTransaction ? db.transaction(work)() : db.transaction(work).immediate()),
    read: (work) => (db.inTransaction ? work() : db.transaction(work).deferred()),
  };
}
