import { z } from './zodConfig';
import { annotationIdSchema, annotationKinds, entityTypes, figureKinds, verificationStatuses, type EntityType, type FigureFields, type VerificationStatus } from './model/annotation';
import type { FigureFlag } from './model/figureChecks';
import { maxSourceNoteLength } from './model/figureVerification';
import { documentPatchSchema } from './documentPatch';
import type { PackedDocument } from './packedDocument';
import { isExternalIdScheme, plainRecordSchema } from './recordKeys';
import type { ApiErrorCode, ApiErrorInfo, ApiResult } from './apiError';
import { exportFormatNames, type ExportedFile, type FormatName } from './formats';
import { blockTypeNames } from './schema';
import { articleStatuses, type ArticleStatus } from './articleStatus';
import { articleSelectionSchema } from './articleSelection';
import { suggestionKinds, type SuggestionKind, type SuggestionsFound } from './suggestions/types';
import { maxEntityPageRows, type EntityPageMention, type EntityPageQuote, type EntityPageSummary, type PageOf } from './entityPage';
import { maxReviewQueuePage, reviewQueueShows, type ReviewQueuePage } from './reviewQueue';
import type { SourcingAudit } from './model/sourcingAudit';
import type { SourceRole } from './model/sourceProfile';
import { backupFileNamePattern, type BackupEntry, type BackupListing, type BackupRestored } from './backups';
import { librarySearchSchema, type LibrarySortKey, type SearchSnippet, type SelectedEntity, type SortDirection, type TagAuthor } from './librarySearch';

export { ApiError, apiErrorCodes, type ApiErrorCode, type ApiErrorInfo, type ApiResult } from './apiError';

/**
 * The one contract between the renderer and the main-process services. `apiMethods` is the runtime table
 * (method name -> argument schema); `AnnotatorApi` is its typed face. Main registers one handler per
 * entry, the preload exposes one function per entry, and the loopback host serves one route per entry.
 * Adding a call means adding an entry here and a handler in main/services.
 */

export { articleStatuses, articleStatusLabels, type ArticleStatus } from './articleStatus';
export { articleSelectionSchema, selectableTagStatuses, type ArticleSelection, type SelectableTagStatus } from './articleSelection';

/** The source line of the demo article made on first start; the renderer opens that article for a new user. */
export const demoArticleSource = 'Newsroom Annotator demo (fictional story)';

export {
  exportFormatNames,
  importFormats,
  formatDescriptions,
  type ExportFormatName,
  type ExportedFile,
  type ImportFormat,
} from './formats';

/** The longest block text sent for suggestions, in UTF-16 units: the import limit's worth of text. */
export const maxSuggestionTextLength = 6 * 1024 * 1024;
// Where one kind's tags lie in the text sent for suggestions: [start, end) offsets (TaggedWords, common/model/suggestions.ts).
const taggedWordsSchema = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])).max(1_000_000);

/** The largest file or pasted text an import accepts, in bytes; the same limit everywhere. */
export const maxImportBytes = 5 * 1024 * 1024;

/** An article's tags by kind (the editor's, not suggestions), those needing review, and suggestions still waiting. */
export interface TagCounts {
  entity: number;
  figure: number;
  attribution: number;
  needsReview: number;
  suggested: number;
}

/** Where an imported article's text came from: a file read in one format, or text pasted into the app (read as plain text). */
export type ImportSource = { kind: 'file'; format: FormatName; fileName: string } | { kind: 'pasted' };

/**
 * Marks an article whose text, as it arrived, is the same as that of an article imported before it: the earliest
 * such article is the original, and each later one is its copy number 1, 2, ... in the order they arrived.
 */
export interface CopyOf {
  originalId: string;
  originalTitle: string;
  copyNumber: number;
}

/** An article as the library lists it. */
export interface ArticleSummary {
  id: string;
  title: string;
  status: ArticleStatus;
  source: string;
  // Null for articles made in the app (the demo) and for those imported before the app recorded this.
  importedFrom: ImportSource | null;
  // Null unless an article with the same text arrived before this one.
  copyOf: CopyOf | null;
  wordCount: number;
  tagCounts: TagCounts;
  createdAt: string;
  updatedAt: string;
}

/** What an import returns: the new article, and what the reader could not carry over (Word comments, tracked changes, ...). */
export interface ImportResult extends ArticleSummary {
  outcome: 'imported';
  // Present only when there is something a person should know; each is one sentence.
  importWarnings?: string[];
}

/** What an import asked to stop at a duplicate returns instead: the article the library already holds with the same text. */
export interface DuplicateFound {
  outcome: 'duplicate';
  existing: ArticleSummary;
}

/** Either the new article or, when the text is already in the library and the caller asked to be told, that article. */
export type ImportReply = ImportResult | DuplicateFound;

/**
 * What an import does when the library already holds the same text: 'ask' stores nothing and replies with
 * the article already there (the default), 'copy' imports the text again as a copy.
 */
export const duplicateChoices = ['ask', 'copy'] as const;
/** One of `duplicateChoices`. */
export type DuplicateChoice = (typeof duplicateChoices)[number];

/** An article as the editor opens it: the ProseMirror document JSON and the revision it saves against. */
export interface ArticleRecord extends ArticleSummary {
  doc: unknown;
  revision: number;
}

/** An article as the editor opens it: the document packed (common/packedDocument.ts) and the revision it saves against. */
export interface OpenedArticle extends ArticleSummary {
  document: PackedDocument;
  revision: number;
}

/** A canonical entity in the desk's registry, shared by every article. */
export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  externalIds: Record<string, string>;
  description: string;
  // The source role's key (see listSourceRoles) of a person or organisation; null when none is recorded.
  // Absent means not recorded too: exchange formats never carry these fields (they stay on the desk), and
  // records kept from before the registry had them lack them. The registry's own answers always hold both.
  sourceRole?: string | null;
  // A person's gender as they describe themselves; empty when not recorded. Never inferred.
  selfDescribedGender?: string;
  createdAt: string;
  updatedAt: string;
}

export interface EntityWithCounts extends EntityRecord {
  mentionCount: number;
  articleCount: number;
}

export interface SaveResult {
  revision: number;
  updatedAt: string;
  title: string;
}

/** Why a revision was saved, as an article's history names it. */
export type RevisionReason = 'created' | 'saved' | 'restored' | 'renamed' | 'registry' | 'migrated';

/** What one save changed, counted for the history list. */
export interface RevisionSummary {
  // Blocks replaced, and blocks written in their place.
  removedBlocks: number;
  addedBlocks: number;
  changedRecords: number;
  removedRecords: number;
  wordCountDelta: number;
}

/** One revision as an article's history lists it: who saved, when, why and what changed. */
export interface RevisionEntry {
  revision: number;
  savedAt: string;
  // The user name set in the preferences when it was saved; empty when none was set.
  savedBy: string;
  reason: RevisionReason;
  // The revision this one brought back, when it is a restore.
  restoredFrom: number | null;
  summary: RevisionSummary;
}

/** One revision's whole document (text and tags), for comparing with the current one. */
export interface ArticleRevision extends RevisionEntry {
  articleId: string;
  // Packed, as an article is opened.
  document: PackedDocument;
}

/** An article in the trash. */
export interface TrashedArticleSummary extends ArticleSummary {
  deletedAt: string;
}

/** A registry entity in the trash, and how many links restoring it would bring back. */
export interface TrashedEntitySummary {
  entity: EntityRecord;
  unlinkedMentions: number;
  deletedAt: string;
}

/** Everything in the trash. */
export interface TrashContents {
  articles: TrashedArticleSummary[];
  entities: TrashedEntitySummary[];
}

export interface ResolvedEntity {
  entity: EntityRecord;
  // How the name was matched in the registry, or null when a new entity was created.
  matchedBy: 'name' | 'alias' | null;
}

/** When the app computes suggestions by itself, and of which kinds; on demand they can always be asked for. */
export interface SuggestionPreferences {
  onImport: boolean;
  onOpen: boolean;
  kinds: SuggestionKind[];
}

export interface Preferences {
  userName: string;
  suggestions: SuggestionPreferences;
}

/**
 * Suggestions for an article as the editor's text stands: the pipeline's answer (offsets into the text the
 * blocks make, joined as articleText joins them; that text, the caller's own, is not sent back) and the
 * rejection keys the editor gave for this article.
 */
export interface ArticleSuggestions {
  result: SuggestionsFound;
  rejectedKeys: string[];
}

/** What suggest commands added to stored articles, per kind. */
export interface SuggestionCounts {
  articleId: string;
  entity: number;
  figure: number;
  attribution: number;
}

/** One mention of a registry entity, with the sentence around it, for the registry view. */
export interface EntityMention {
  articleId: string;
  articleTitle: string;
  annotationId: string;
  // The mention's words and the sentence that holds them, as plain text.
  text: string;
  sentence: string;
  // UTF-16 offset of the mention in the article's plain text, for ordering and jumping to it.
  start: number;
  status: AnnotationStatusName;
}
type AnnotationStatusName = 'accepted' | 'needs_review' | 'suggested';

/** An entity with every mention of it across the desk's articles. */
export interface EntityDetail extends EntityWithCounts {
  mentions: EntityMention[];
}

/** What a merge did, and the token that undoes it. */
export interface EntityMergeResult {
  entity: EntityRecord;
  movedMentions: number;
  changedArticleIds: string[];
  undoToken: string;
}

/** Entities of each type and how many articles mention them, for the registry view. */
export interface EntityTypeCount {
  type: EntityType;
  entities: number;
  articles: number;
}

/** The files one article exports to in one format. */
export interface ArticleExport {
  articleId: string;
  files: ExportedFile[];
  warnings: string[];
}

export type { SourcingAudit } from './model/sourcingAudit';
export type { SourceRole } from './model/sourceProfile';
// ---- Figures checklist (issue 10): every figure of the desk's articles a fact-checker still has to look at.

/** Which verifications the checklist lists: "open" is the work left, unchecked and disputed figures. */
export const figureChecklistVerifications = ['open', 'unchecked', 'disputed', 'verified', 'all'] as const;
/** One of `figureChecklistVerifications`. */
export type FigureChecklistVerification = (typeof figureChecklistVerifications)[number];
/** The orders of the checklist: by article (its import date), title, kind, value, verification, or last change. */
export const figureChecklistOrders = ['article', 'title', 'kind', 'value', 'verification', 'changed'] as const;
/** One of `figureChecklistOrders`. */
export type FigureChecklistOrder = (typeof figureChecklistOrders)[number];

/** A figure's sentence, with where the figure's words are in it (UTF-16 offsets), so they can be marked. */
export interface FigureSentence {
  text: string;
  start: number;
  end: number;
}

/** One figure as the checklist shows it: its words in their sentence, its fields, its article and its flags. */
export interface FigureChecklistRow {
  articleId: string;
  articleTitle: string;
  articleStatus: ArticleStatus;
  articleCreatedAt: string;
  // The revision the row was read at: a verdict is given on top of it.
  articleRevision: number;
  annotationId: string;
  status: 'accepted' | 'needs_review';
  quote: string;
  figure: FigureFields;
  // Null when the figure has lost its words.
  sentence: FigureSentence | null;
  flags: FigureFlag[];
}

/** One page of the checklist, the number of figures it pages through, and the counts its filters show. */
export interface FigureChecklist {
  rows: FigureChecklistRow[];
  total: number;
  page: number;
  pageSize: number;
  // The desk's figures in the selection (and of the chosen kind, flagged only when asked) by verification.
  byVerification: Record<VerificationStatus, number>;
  // Flagged figures among those the verification and kind filters select.
  flagged: number;
  // Figure suggestions still waiting in the selection: not the desk's yet, so not listed.
  suggestionsWaiting: number;
}

const id = z.string().min(1).max(100);
// External identifiers are keyed by scheme; a Wikidata QID must look like one.
const externalIds = plainRecordSchema(z.string().trim().min(1).max(50), z.string().trim().min(1).max(500), isExternalIdScheme, 'The external ids')
  .refine((ids) => ids.wikidata === undefined || /^Q[1-9][0-9]*$/.test(ids.wikidata), 'A Wikidata id looks like Q42.');
const entityFields = {
  name: z.string().trim().min(1, 'An entity needs a name.').max(500),
  type: z.enum(entityTypes),
  aliases: z.array(z.string().trim().min(1).max(500)).max(200),
  externalIds,
  description: z.string().max(5000),
  sourceRole: z.string().trim().min(1).max(100).nullable(),
  selfDescribedGender: z.string().trim().max(200),
};
const title = z.string().trim().min(1, 'A title cannot be empty.').max(500);

/** Declares one method: its argument schema, and (as a type only) what it returns. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

// The library's search (issue 10): its request and page types live in common/librarySearch.ts.
export {
  librarySortKeys,
  sortDirections,
  type LibrarySearchRequest,
  type LibrarySortKey,
  type SearchSnippet,
  type SelectedEntity,
  type SortDirection,
  type TagAuthor,
  type TextSegment,
} from './librarySearch';

/** An article in a search result: the library's summary and, when the search has words, where they match. */
export interface ArticleSearchHit extends ArticleSummary {
  snippets: SearchSnippet[];
}

/** One page of the library's search, with the number of articles in the whole result and the order it used. */
export interface LibrarySearchPage {
  total: number;
  offset: number;
  articles: ArticleSearchHit[];
  sort: LibrarySortKey;
  direction: SortDirection;
  // Present when the selection names an entity: the entity, or null when no registry entity has that id.
  entity?: SelectedEntity | null;
}

export const apiMethods = {
  listArticles: method<ArticleSummary[]>()(articleSelectionSchema),
  getArticle: method<ArticleRecord>()(
    z.object({ id })),
  openArticle: method<OpenedArticle>()(
    z.object({ id })),
  importFile: method<ImportReply>()(
    z.object({
      fileName: z.string().min(1).max(1000),
      // Base64 keeps the contract plain JSON for both IPC and HTTP; the service enforces the byte limit.
      bytesBase64: z.string().max(Math.ceil((maxImportBytes * 4) / 3) + 16, 'The file is larger than the import limit.'),
      onDuplicate: z.enum(duplicateChoices).optional(),
    }),
  ),
  importText: method<ImportReply>()(
    z.object({
      text: z.string().max(maxImportBytes, 'The text is larger than the import limit.'),
      title: z.string().max(500).optional(),
      onDuplicate: z.enum(duplicateChoices).optional(),
    }),
  ),
  // The whole document, or (for an editor that saved before) only what changed since its last save.
  saveArticle: method<SaveResult>()(
    z
      .object({ id, baseRevision: z.number().int().nonnegative(), doc: z.unknown().optional(), patch: documentPatchSchema.optional() })
      .refine((input) => (input.doc === undefined) !== (input.patch === undefined), 'Send either the document or a patch.'),
  ),
  renameArticle: method<ArticleSummary>()(
    z.object({ id, title })),
  setArticleStatus: method<ArticleSummary>()(
    z.object({ id, status: z.enum(articleStatuses) }),
  ),
  // Deleting moves the article to the trash, from which restoreArticle brings it back with its tags and links.
  deleteArticle: method<{ deleted: true }>()(
    z.object({ id })),
  // An article's history, newest first.
  listRevisions: method<RevisionEntry[]>()(
    z.object({ id, limit: z.number().int().min(1).max(10_000).optional() })),
  getRevision: method<ArticleRevision>()(
    z.object({ id, revision: z.number().int().min(1) })),
  // Stores the document of an earlier revision as the next one (so a restore is itself undoable), on top of
  // `baseRevision` like any save: a newer revision saved meanwhile is a conflict, never overwritten.
  restoreRevision: method<SaveResult>()(
    z.object({ id, revision: z.number().int().min(1), baseRevision: z.number().int().min(1) })),
  listTrash: method<TrashContents>()(z.object({})),
  restoreArticle: method<ArticleSummary>()(z.object({ id })),
  restoreEntity: method<{ restored: EntityRecord; relinkedMentions: number }>()(z.object({ id })),
  // Deletes for good what the trash holds; nothing else ever does.
  emptyTrash: method<{ articles: number; entities: number }>()(z.object({})),
  resolveEntity: method<ResolvedEntity>()(
    z.object({ name: z.string().trim().min(1).max(500), type: z.enum(entityTypes) }),
  ),
  listEntities: method<EntityWithCounts[]>()(
    z.object({ query: z.string().max(500).optional(), type: z.enum(entityTypes).optional(), limit: z.number().int().min(1).max(10_000).optional() }),
  ),
  getEntity: method<EntityDetail>()(z.object({ id })),
  createEntity: method<EntityRecord>()(
    z.object({
      ...entityFields,
      aliases: entityFields.aliases.optional(),
      externalIds: externalIds.optional(),
      description: entityFields.description.optional(),
      sourceRole: entityFields.sourceRole.optional(),
      selfDescribedGender: entityFields.selfDescribedGender.optional(),
    }),
  ),
  updateEntity: method<EntityRecord>()(z.object({ id, ...entityFields }).partial().required({ id: true })),
  // Deleting an entity that still has mentions unlinks them (they stay tagged) and moves it to the trash, from
  // which restoreEntity brings it back and relinks them.
  deleteEntity: method<{ deleted: true; unlinkedMentions: number }>()(z.object({ id })),
  mergeEntities: method<EntityMergeResult>()(z.object({ keepId: id, mergeId: id })),
  undoMerge: method<{ restored: EntityRecord }>()(z.object({ undoToken: z.string().min(1).max(200) })),
  entityTypeCounts: method<EntityTypeCount[]>()(z.object({})),
  // Exports hold the editor's tags; suggestions still waiting go along only when asked for, with their status.
  exportArticle: method<ArticleExport>()(z.object({ id, format: z.enum(exportFormatNames), includeSuggestions: z.boolean().default(false) })),
  getPreferences: method<Preferences>()(
    z.object({})),
  setPreferences: method<Preferences>()(
    z.object({
      userName: z.string().trim().min(1).max(200).optional(),
      suggestions: z.object({ onImport: z.boolean(), onOpen: z.boolean(), kinds: z.array(z.enum(suggestionKinds)).max(3) }).optional(),
    }),
  ),
  // Computed off the caller's thread (a worker in main), on the text the editor sends, so edits made meanwhile can be
  // mapped; the desk's registry and past rejections are read from the store.
  suggestAnnotations: method<ArticleSuggestions>()(
    z.object({
      articleId: id,
      blocks: z.array(z.object({ text: z.string().max(maxSuggestionTextLength), type: z.enum(blockTypeNames) })).max(100_000),
      kinds: z.array(z.enum(suggestionKinds)).max(3).optional(),
      // The words the editor's tags cover in that text, by kind: the answer leaves out what they already cover.
      tagged: z.object({ entity: taggedWordsSchema, figure: taggedWordsSchema, attribution: taggedWordsSchema }).partial().optional(),
    }),
  ),
  // The editor is typing: suggestions being computed wait for `forMs` from now (a keystroke's work must not share
  // the machine with the pipeline's). Sent again while typing goes on; computing resumes once it stops.
  pauseSuggestions: method<void>()(z.object({ forMs: z.number().int().min(1).max(5_000) })),
  // Remembers rejected suggestions: per article (they do not come back) and per name and type across the desk
  // (a name rejected as a type three times is no longer suggested as that type).
  rejectSuggestions: method<void>()(
    z.object({
      articleId: id,
      rejections: z
        .array(z.object({ key: z.string().min(1).max(2000), name: z.string().max(500), entityType: z.enum(entityTypes).nullable() }))
        .max(10_000),
    }),
  ),
  // Adds suggestions to stored articles (the command line's `suggest`, and import when the preference says so).
  addSuggestions: method<SuggestionCounts[]>()(
    z.object({ articleIds: z.array(id).max(100_000), kinds: z.array(z.enum(suggestionKinds)).max(3).optional() }),
  ),
  // ---- Entity pages and the review queue (issue 10). ----
  // An entity page's record, counts, entities mentioned with it and timeline; its long lists come a page at a time.
  getEntityPage: method<EntityPageSummary & { entity: EntityRecord }>()(z.object({ id })),
  listEntityMentions: method<PageOf<EntityPageMention>>()(
    z.object({ id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(maxEntityPageRows).default(50) }),
  ),
  // Attributions whose speaker is the entity.
  listEntityQuotes: method<PageOf<EntityPageQuote>>()(
    z.object({ id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(maxEntityPageRows).default(50) }),
  ),
  // Tags needing review and suggestions waiting across the selected articles, grouped by article, a page at a time.
  listReviewQueue: method<ReviewQueuePage>()(
    z.object({
      selection: articleSelectionSchema.default({}),
      show: z.enum(reviewQueueShows).default('both'),
      kind: z.enum(annotationKinds).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(maxReviewQueuePage).default(100),
    }),
  ),
  // Sourcing audit (issue 10): who the selected articles quote, and the desk's list of source roles.
  sourcingAudit: method<SourcingAudit>()(z.object({ selection: articleSelectionSchema.default({}) })),
  listSourceRoles: method<SourceRole[]>()(z.object({})),
  // Adds a role to the desk's list (a label that compares equal to one already there adds nothing); returns the list.
  addSourceRole: method<SourceRole[]>()(z.object({ label: z.string().trim().min(1, 'A role needs a name.').max(100) })),
  // ---- Figures checklist (issue 10).
  // A page of the desk's figures in the selection, filtered and sorted, with their sentences and arithmetic flags.
  figuresChecklist: method<FigureChecklist>()(
    z.object({
      selection: articleSelectionSchema.default({}),
      figureKind: z.enum(figureKinds).optional(),
      verification: z.enum(figureChecklistVerifications).default('open'),
      flaggedOnly: z.boolean().default(false),
      order: z.enum(figureChecklistOrders).default('article'),
      descending: z.boolean().default(true),
      page: z.number().int().min(0).max(1_000_000).default(0),
      pageSize: z.number().int().min(1).max(500).default(50),
    }),
  ),
  // A fact-checker's verdict on one figure, saved as a new revision of its article on top of `baseRevision`
  // (the revision the checklist row was read at); a conflict only when a later revision changed that figure.
  setFigureVerification: method<FigureChecklistRow>()(
    z.object({
      articleId: id,
      annotationId: annotationIdSchema,
      baseRevision: z.number().int().min(1),
      verification: z.enum(verificationStatuses),
      sourceNote: z.string().max(maxSourceNoteLength),
    }),
  ),
  // Backups beside the database (the automatic daily and weekly ones and those taken by hand), newest first,
  // each with what SQLite's integrity check found in it.
  listBackups: method<BackupListing>()(z.object({})),
  // Writes a backup of the database now, checked before it is kept.
  backUpNow: method<BackupEntry>()(z.object({})),
  // Replaces the database with a checked backup while the app runs; a backup of the database as it was is
  // taken first, so the restore can itself be undone by restoring that one.
  restoreBackup: method<BackupRestored>()(z.object({ name: z.string().regex(backupFileNamePattern, 'Not the name of a backup.') })),
  // The library (issue 10): one page of the selected articles in a column's order, with excerpts where the words
  // match and the size of the whole result; the names on the desk's tags (the author filter); every selected
  // article's id (exporting all that match).
  searchArticles: method<LibrarySearchPage>()(librarySearchSchema),
  listTagAuthors: method<TagAuthor[]>()(z.object({})),
  matchingArticleIds: method<string[]>()(z.object({ selection: articleSelectionSchema.default({}) })),
};

export type ApiMethodName = keyof typeof apiMethods;
export const apiMethodNames = Object.keys(apiMethods) as ApiMethodName[];

export type ApiInput<M extends ApiMethodName> = z.input<(typeof apiMethods)[M]['input']>;
export type ApiParsedInput<M extends ApiMethodName> = z.output<(typeof apiMethods)[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = (typeof apiMethods)[M]['output'];

/** The typed API as the renderer calls it: each method resolves with its value or rejects with an ApiError. */
export type AnnotatorApi = { [M in ApiMethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** The raw bridge the preload exposes: each method resolves with an ApiResult envelope. */
export type AnnotatorBridge = { [M in ApiMethodName]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>> } & {
  // Commands chosen in the native application menu (File > Open, Undo, ...), forwarded to the renderer.
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  // Called when the window is about to close; main waits (up to a few seconds) until `flush` settles.
  onFlushRequest(flush: () => Promise<void> | void): () => void;
};

/** The IPC channel names shared by the Electron main process and the preload; nothing else uses IPC. */
export const ipcChannels = {
  // One invoke channel per method: `api:listArticles`, ...
  apiPrefix: 'api:',
  menuCommand: 'menu-command',
  flushRequest: 'flush-request',
  flushDone: 'flush-done',
} as const;

export const menuCommands = ['import-file', 'paste-article', 'show-library', 'show-registry', 'article-imported', 'suggest-annotations', 'show-backups'] as const;
export type MenuCommand = { type: (typeof menuCommands)[number]; articleId?: string };
