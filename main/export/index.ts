import { bratExporter } from './brat';
import { conllExporter } from './conll';
import { csvExporter } from './csv';
import type { ExportableArticle, ExportFormat, ExportResult, Exporter } from './exporter';
import { htmlExporter } from './html';
import { jsonExporter } from './json';
import { nitfExporter } from './nitf';
import { wadmExporter } from './wadm';

/**
 * Every export format behind the one Exporter interface. The app's File > Export, the browser host's
 * download and the command line all export through `exportArticle`, so a format added here is everywhere.
 */

/** The exporter of each format. */
export const exporters: Record<ExportFormat, Exporter> = {
  nitf: nitfExporter,
  wadm: wadmExporter,
  brat: bratExporter,
  conll: conllExporter,
  json: jsonExporter,
  csv: csvExporter,
  html: htmlExporter,
};

/** Exports one article in one format: the files to write and what the format could not express. */
export function exportArticle(format: ExportFormat, input: ExportableArticle): ExportResult {
  const exporter = exporters[format];
  if (!exporter) throw new Error(`Unknown export format: ${String(format)}.`);
  return exporter.exportArticle(input);
}

export type { ExportableArticle, ExportedFile, ExportFormat, ExportResult, Exporter } from './exporter';
export { exportFormats } from './exporter';
export { InvalidJsonExportError, parseJsonExport, type ParsedJsonExport } from './json';
