import { createAnnotationsRepo, type AnnotationsRepo } from './annotationsRepo';
import { createArticleBlocksRepo, type ArticleBlocksRepo } from './articleBlocksRepo';
import { createArticlesRepo, type ArticlesRepo } from './articlesRepo';
import type { AnnotatorDatabase } from './database';
import { createEntitiesRepo, type EntitiesRepo } from './entitiesRepo';
import { createEntityMergesRepo, type EntityMergesRepo } from './entityMergesRepo';
import { createEntityTrashRepo, type EntityTrashRepo } from './entityTrashRepo';
import { createPreferencesRepo, type PreferencesRepo } from './preferencesRepo';
import { createSuggestionRejectionsRepo, type SuggestionRejectionsRepo } from './suggestionRejectionsRepo';
import { createRevisionsRepo, type RevisionsRepo } from './revisionsRepo';

export { openDatabase, type AnnotatorDatabase, type OpenDatabaseOptions } from './database';
export { defaultDatabasePath } from './defaultDatabasePath';
export { IncompatibleDatabaseError } from './migrations';
export { listAnnotations } from './annotationListing';
export { packedJsonOfBlock, storedBlockOf, storedBlockOfChecked, type BlockSpan, type PlacedSpan, type StoredBlock } from './blockText';
export type { AnnotationRow, ListedAnnotation, StoredAnnotationState } from './annotationsRepo';
export type { BlockRow } from './articleBlocksRepo';
export type { MentioningArticle, StoredMention } from './entitiesRepo';
export type { EntityLinkField, EntityMergeRecord, MovedLink } from './entityMergesRepo';
export type { TrashedEntity } from './entityTrashRepo';
export type { RevisionEntry, RevisionReason, RevisionSummary } from '../../common/api';

/** Every repository over one connection, and a way to run several of their calls as one transaction. */
export interface Store {
  db: AnnotatorDatabase;
  articles: ArticlesRepo;
  blocks: ArticleBlocksRepo;
  annotations: AnnotationsRepo;
  revisions: RevisionsRepo;
  entities: EntitiesRepo;
  entityMerges: EntityMergesRepo;
  entityTrash: EntityTrashRepo;
  preferences: PreferencesRepo;
  suggestionRejections: SuggestionRejectionsRepo;
  /** Runs `work` in one immediate transaction (a savepoint when nested): all of its writes or none. */
  transaction<T>(work: () => T): T;
  /** Runs `work` in one deferred transaction, so that its several reads see the file in one state. */
  read<T>(work: () => T): T;
}

/** What a store falls back to: preference values for keys the user never set (the user name, from the OS). */
export interface StoreDefaults {
  preferences?: Readonly<Record<string, string>>;
}

/** Prepares every repository's statements over an open, migrated database. */
export function createStore(db: AnnotatorDatabase, defaults: StoreDefaults = {}): Store {
  return {
    db,
    articles: createArticlesRepo(db),
    blocks: createArticleBlocksRepo(db),
    annotations: createAnnotationsRepo(db),
    revisions: createRevisionsRepo(db),
    entities: createEntitiesRepo(db),
    entityMerges: createEntityMergesRepo(db),
    entityTrash: createEntityTrashRepo(db),
    preferences: createPreferencesRepo(db, defaults.preferences),
    suggestionRejections: createSuggestionRejectionsRepo(db),
    transaction: (work) => (db.inTransaction ? db.transaction(work)() : db.transaction(work).immediate()),
    read: (work) => (db.inTransaction ? work() : db.transaction(work).deferred()),
  };
}
