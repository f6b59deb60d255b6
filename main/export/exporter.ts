import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { exportFormatNames, type ArticleSummary, type EntityRecord, type ExportFormatName } from '../../common/api';
import type { AnnotationMap } from '../../common/annotation';

/** Everything an exporter needs to know about one article: its summary, checked document and registry entries. */
export interface ExportableArticle {
  article: ArticleSummary;
  doc: ProseMirrorNode;
  annotations: AnnotationMap;
  // Registry entities referenced by the article's entity mentions and attribution speakers, by id.
  entities: ReadonlyMap<string, EntityRecord>;
}

/** One file an export writes. */
export interface ExportedFile {
  // A file name without folders: a safe slug of the title and id plus the format's extension.
  fileName: string;
  mimeType: string;
  content: string;
}

/** The result of exporting one article; warnings say what a format could not express, never silently. */
export interface ExportResult {
  files: ExportedFile[];
  warnings: string[];
}

/** The export formats: the contract's one list (common/api.ts), so the exporters, the app and the CLI agree. */
export const exportFormats = exportFormatNames;
/** One export format's name. */
export type ExportFormat = ExportFormatName;

/** One export format: a pure function from an article to files. */
export interface Exporter {
  format: ExportFormat;
  label: string;
  exportArticle(input: ExportableArticle): ExportResult;
}
