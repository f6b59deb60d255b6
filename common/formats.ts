/**
 * The file formats the app reads and writes, described once: the name each adapter is known by, the one label
 * people see in menus, dialogs and messages, and the file extensions an import recognises it by.
 * Main's format adapters (main/formats/<name>/) and the renderer's dialogs both read this table.
 */

export const formatNames = ['plaintext', 'markdown', 'html', 'docx', 'nitf', 'json', 'wadm', 'brat', 'conll', 'csv'] as const;
export type FormatName = (typeof formatNames)[number];

/** What people are told about one format, and the extensions that select its reader. */
export interface FormatDescription {
  label: string;
  // Empty for formats the app writes but does not read.
  importExtensions: readonly string[];
}

export const formatDescriptions: Record<FormatName, FormatDescription> = {
  plaintext: { label: 'Plain text', importExtensions: ['txt', 'text'] },
  markdown: { label: 'Markdown', importExtensions: ['md', 'markdown'] },
  html: { label: 'HTML', importExtensions: ['html', 'htm', 'xhtml'] },
  docx: { label: 'Word', importExtensions: ['docx'] },
  nitf: { label: 'NITF 3.6 (XML)', importExtensions: ['xml', 'nitf'] },
  json: { label: 'Newsroom Annotator JSON (full model)', importExtensions: ['json'] },
  wadm: { label: 'W3C Web Annotation (JSON-LD)', importExtensions: [] },
  brat: { label: 'brat standoff (.txt + .ann)', importExtensions: [] },
  conll: { label: 'CoNLL IOB2 (entities)', importExtensions: [] },
  csv: { label: 'CSV (one row per tag)', importExtensions: [] },
};

/** The formats an export can be written in, in the order menus list them. */
export const exportFormatNames = ['nitf', 'wadm', 'brat', 'conll', 'json', 'csv', 'html'] as const satisfies readonly FormatName[];
export type ExportFormatName = (typeof exportFormatNames)[number];

/** A format the importer reads, with the extensions that select it (for dialogs and dropped folders). */
export interface ImportFormat {
  name: FormatName;
  label: string;
  extensions: readonly string[];
}

/** Every format the importer reads, in the order messages and file dialogs list them. */
export const importFormats: readonly ImportFormat[] = formatNames
  .filter((name) => formatDescriptions[name].importExtensions.length > 0)
  .map((name) => ({ name, label: formatDescriptions[name].label, extensions: formatDescriptions[name].importExtensions }));

/** The import format a file name selects by its extension, if any. */
export function importFormatOf(fileName: string): FormatName | undefined {
  const extension = fileExtension(fileName);
  return importFormats.find((format) => format.extensions.includes(extension))?.name;
}

/** A file name's extension in lower case, without the dot; '' when it has none. */
export function fileExtension(fileName: string): string {
  const baseName = (fileName.split(/[\\/]/).pop() ?? '').trim();
  const dot = baseName.lastIndexOf('.');
  return dot > 0 ? baseName.slice(dot + 1).toLowerCase() : '';
}

/** One file an export writes: a file name without folders, its MIME type and its text. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}
