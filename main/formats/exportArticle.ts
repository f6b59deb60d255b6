import { ApiError } from '../../common/api';
import type { ExportableArticle, ExportFormat, ExportResult } from './adapter';
import { formatAdapters } from './index';

/**
 * Exporting one article through its format's writer. The app's File > Export, the browser host's download and
 * the command line all export through `exportArticle`, so they write the same bytes.
 */

/** Exports one article in one format: the files to write and what the format could not express. */
export function exportArticle(format: ExportFormat, input: ExportableArticle): ExportResult {
  const writer = formatAdapters[format]?.writer;
  if (!writer) throw new ApiError('invalid_argument', `Articles cannot be exported as ${String(format)}.`);
  return writer.write(input);
}

export type { ExportableArticle, ExportedFile, ExportFormat, ExportResult } from './adapter';
export { InvalidJsonExportError, parseJsonExport, type ParsedJsonExport } from './json/writer';
