import { createAnnotationsRepo, type AnnotationsRepo } from './annotationsRepo';
import { createArticlesRepo, type ArticlesRepo } from './articlesRepo';
import type { AnnotatorDatabase } from './database';
import { createEntitiesRepo, type EntitiesRepo } from './entitiesRepo';
import { createPreferencesRepo, type PreferencesRepo } from './preferencesRepo';

export { openDatabase, type AnnotatorDatabase } from './database';
export { defaultDatabasePath } from './defaultDatabasePath';
export { IncompatibleDatabaseError } from './migrations';
export type { AnnotationRow, StoredAnnotationState } from './annotationsRepo';

/** Every repository over one connection, and a way to run several of their calls as one transaction. */
export interface Store {
  db: AnnotatorDatabase;
  articles: ArticlesRepo;
  annotations: AnnotationsRepo;
  entities: EntitiesRepo;
  preferences: PreferencesRepo;
  /** Runs `work` in one immediate transaction (a savepoint when nested): all of its writes or none. */
  transaction<T>(work: () => T): T;
}

/** Prepares every repository's statements over an open, migrated database. */
export function createStore(db: AnnotatorDatabase): Store {
  return {
    db,
    articles: createArticlesRepo(db),
    annotations: createAnnotationsRepo(db),
    entities: createEntitiesRepo(db),
    preferences: createPreferencesRepo(db),
    transaction: (work) => (db.inTransaction ? db.transaction(work)() : db.transaction(work).immediate()),
  };
}
