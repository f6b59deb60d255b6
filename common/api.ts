import { z } from 'zod';
import { entityTypes, type EntityType } from './annotation';
import { documentPatchSchema } from './documentPatch';
import { isExternalIdScheme, plainRecordSchema } from './recordKeys';
import type { ApiErrorCode, ApiErrorInfo, ApiResult } from './apiError';
import { exportFormatNames, type ExportedFile } from './formats';

export { ApiError, apiErrorCodes, type ApiErrorCode, type ApiErrorInfo, type ApiResult } from './apiError';

/**
 * The one contract between the renderer and the main-process services. `apiMethods` is the runtime table
 * (method name -> argument schema); `AnnotatorApi` is its typed face. Main registers one handler per
 * entry, the preload exposes one function per entry, and the loopback host serves one route per entry.
 * Adding a call means adding an entry here and a handler in main/services.
 */

export const articleStatuses = ['draft', 'in_review', 'done'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusLabels: Record<ArticleStatus, string> = { draft: 'Draft', in_review: 'In review', done: 'Done' };

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

/** The largest file or pasted text an import accepts, in bytes; the same limit everywhere. */
export const maxImportBytes = 5 * 1024 * 1024;

export interface TagCounts {
  entity: number;
  figure: number;
  attribution: number;
  needsReview: number;
}

/** An article as the library lists it. */
export interface ArticleSummary {
  id: string;
  title: string;
  status: ArticleStatus;
  source: string;
  wordCount: number;
  tagCounts: TagCounts;
  createdAt: string;
  updatedAt: string;
}

/** What an import returns: the new article, and what the reader could not carry over (Word comments, tracked changes, ...). */
export interface ImportResult extends ArticleSummary {
  // Present only when there is something a person should know; each is one sentence.
  importWarnings?: string[];
}

/** An article as the editor opens it: the ProseMirror document JSON and the revision it saves against. */
export interface ArticleRecord extends ArticleSummary {
  doc: unknown;
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

export interface ResolvedEntity {
  entity: EntityRecord;
  // How the name was matched in the registry, or null when a new entity was created.
  matchedBy: 'name' | 'alias' | null;
}

export interface Preferences {
  userName: string;
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
};
const title = z.string().trim().min(1, 'A title cannot be empty.').max(500);

/** Declares one method: its argument schema, and (as a type only) what it returns. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

export const apiMethods = {
  listArticles: method<ArticleSummary[]>()(
    z.object({ query: z.string().max(500).optional(), status: z.enum(articleStatuses).optional() }),
  ),
  getArticle: method<ArticleRecord>()(
    z.object({ id })),
  importFile: method<ImportResult>()(
    z.object({
      fileName: z.string().min(1).max(1000),
      // Base64 keeps the contract plain JSON for both IPC and HTTP; the service enforces the byte limit.
      bytesBase64: z.string().max(Math.ceil((maxImportBytes * 4) / 3) + 16, 'The file is larger than the import limit.'),
    }),
  ),
  importText: method<ImportResult>()(
    z.object({ text: z.string().max(maxImportBytes, 'The text is larger than the import limit.'), title: z.string().max(500).optional() }),
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
  deleteArticle: method<{ deleted: true }>()(
    z.object({ id })),
  resolveEntity: method<ResolvedEntity>()(
    z.object({ name: z.string().trim().min(1).max(500), type: z.enum(entityTypes) }),
  ),
  listEntities: method<EntityWithCounts[]>()(
    z.object({ query: z.string().max(500).optional(), type: z.enum(entityTypes).optional(), limit: z.number().int().min(1).max(10_000).optional() }),
  ),
  getEntity: method<EntityDetail>()(z.object({ id })),
  createEntity: method<EntityRecord>()(
    z.object({ ...entityFields, aliases: entityFields.aliases.optional(), externalIds: externalIds.optional(), description: entityFields.description.optional() }),
  ),
  updateEntity: method<EntityRecord>()(z.object({ id, ...entityFields }).partial().required({ id: true })),
  // Deleting an entity that still has mentions unlinks them (they stay tagged); the caller confirms first.
  deleteEntity: method<{ deleted: true; unlinkedMentions: number }>()(z.object({ id })),
  mergeEntities: method<EntityMergeResult>()(z.object({ keepId: id, mergeId: id })),
  undoMerge: method<{ restored: EntityRecord }>()(z.object({ undoToken: z.string().min(1).max(200) })),
  entityTypeCounts: method<EntityTypeCount[]>()(z.object({})),
  exportArticle: method<ArticleExport>()(z.object({ id, format: z.enum(exportFormatNames) })),
  getPreferences: method<Preferences>()(
    z.object({})),
  setPreferences: method<Preferences>()(
    z.object({ userName: z.string().trim().min(1).max(200) }),
  ),
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

export const menuCommands = ['import-file', 'paste-article', 'show-library', 'show-registry', 'article-imported'] as const;
export type MenuCommand = { type: (typeof menuCommands)[number]; articleId?: string };
