import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ApiError, type ApiErrorInfo, type ArticleStatus, type ArticleSummary, type EntityRecord, type ExportFormatName, type ExportedFile } from '../../common/api';
import type { FormatName } from '../../common/formats';

export type { ExportedFile } from '../../common/api';
import type { AnnotationMap } from '../../common/model/annotation';

/** Everything an exporter needs to know about one article: its summary, checked document and registry entries. */
export interface ExportableArticle {
  article: ArticleSummary;
  doc: ProseMirrorNode;
  annotations: AnnotationMap;
  // Registry entities referenced by the article's entity mentions and attribution speakers, by id.
  entities: ReadonlyMap<string, EntityRecord>;
}

/** The result of exporting one article; warnings say what a format could not express, never silently. */
export interface ExportResult {
  files: ExportedFile[];
  warnings: string[];
}

/** One export format's name. */
export type ExportFormat = ExportFormatName;

/** An article read from a file or pasted text, ready to be stored. */
export interface ImportedArticle {
  // The headline's text: the source's own, or one proposed from its opening when it has none.
  title: string;
  // Who the article is from (byline, agency or source line) as the copy says, or '' when it does not.
  source: string;
  // ProseMirror JSON of the article, valid for articleSchema (check it with parseArticleDocument).
  doc: unknown;
  // What the reader could not carry over and a person should know: Word comments, tracked changes.
  warnings?: string[];
  // From this app's own exports (JSON, NITF with its record): the registry entities the annotations link to,
  // and the article's identity, which the import keeps where the database allows.
  entities?: EntityRecord[];
  origin?: ImportedArticleOrigin;
}

/**
 * What this app's own export says about the article itself. The id is kept when the database has no article
 * with it; the other fields are kept as they are, so that exporting the import again gives the same file.
 */
export interface ImportedArticleOrigin {
  id: string;
  status?: ArticleStatus;
  createdAt?: string;
  updatedAt?: string;
}

/** A file handed to a reader: its name (for messages) and its bytes, already within the import limit. */
export interface FileToRead {
  fileName: string;
  bytes: Uint8Array;
}

/** What a reader gives: the article, or why the file was refused, as a value rather than an exception. */
export type ReadResult = { ok: true; article: ImportedArticle } | { ok: false; error: ApiErrorInfo };

/** The reading side of a format. */
export interface FormatReader {
  read(file: FileToRead): Promise<ReadResult>;
}

/** The writing side of a format: a pure function from an article to files. */
export interface FormatWriter {
  write(article: ExportableArticle): ExportResult;
}

/**
 * One file format behind one interface: its reader, its writer, or both. Its label and extensions are in
 * common/formats.ts, where the renderer reads them too.
 */
export interface FormatAdapter {
  name: FormatName;
  reader?: FormatReader;
  writer?: FormatWriter;
}

/**
 * Runs a reader's work and turns the refusals it throws deep inside (an ApiError naming the file and the
 * problem) into the error value the adapter interface promises; anything else is a bug and propagates.
 */
export async function readingResult(read: () => ImportedArticle | Promise<ImportedArticle>): Promise<ReadResult> {
  try {
    return { ok: true, article: await read() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}
