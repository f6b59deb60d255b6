import type { CliOutput } from './cliOutput';
import type { ArticleExport, ArticleSummary, ExportFormatName } from '../../common/api';
import { dispatchApiCall } from '../services/apiDispatch';
import type { AppServices } from '../services/index';
import { prepareOutputFolder, writeExportedFile } from './exportFiles';

/**
 * `export (ID...|--all) --format FORMAT --out DIR`: exports each article through the same `exportArticle` call
 * the app makes, writes its files into DIR and prints each written path on its own line. One article that
 * fails (missing, damaged, a file that cannot be written) is reported on stderr and the rest still export.
 */


/** What to export: the articles (their ids, or every article), the format and the folder. */
export interface ExportRequest {
  articleIds: readonly string[] | 'all';
  format: ExportFormatName;
  outDir: string;
  includeSuggestions?: boolean;
}

// Files every article of a format shares (brat's annotation.conf): written once per run.
const sharedFileNames: ReadonlySet<string> = new Set(['annotation.conf']);

/** The ids a command names, or every article's; a string says why the articles could not be listed. */
export async function articleIdsOf(services: AppServices, request: Pick<ExportRequest, 'articleIds'>): Promise<string[] | string> {
  if (request.articleIds !== 'all') return [...request.articleIds];
  const listed = await dispatchApiCall(services.handlers, 'listArticles', {});
  return listed.ok ? (listed.value as ArticleSummary[]).map((article) => article.id) : listed.error.message;
}

/** Runs the export and resolves with true when every article and every file was written. */
export async function exportArticles(services: AppServices, request: ExportRequest, output: CliOutput): Promise<boolean> {
  let folder: string;
  try {
    folder = await prepareOutputFolder(request.outDir);
  } catch (error) {
    output.stderr(`Cannot create the output folder ${request.outDir}: ${(error as Error).message}\n`);
    return false;
  }
  const ids = await articleIdsOf(services, request);
  if (typeof ids === 'string') {
    output.stderr(`Cannot list the articles: ${ids}\n`);
    return false;
  }
  let allWritten = true;
  const written = new Set<string>();
  for (const id of ids) {
    const result = await dispatchApiCall(services.handlers, 'exportArticle', { id, format: request.format, includeSuggestions: request.includeSuggestions ?? false }, () => undefined);
    if (!result.ok) {
      output.stderr(`${id}: ${result.error.message}\n`);
      allWritten = false;
      continue;
    }
    const exported = result.value as ArticleExport;
    for (const warning of exported.warnings) output.stderr(`${id}: warning: ${warning}\n`);
    for (const file of exported.files) {
      if (sharedFileNames.has(file.fileName) && written.has(file.fileName)) continue;
      try {
        const path = await writeExportedFile(folder, file.fileName, file.content);
        written.add(file.fileName);
        output.stdout(`${path}\n`);
      } catch (error) {
        output.stderr(`${id}: cannot write ${file.fileName}: ${(error as Error).message}\n`);
        allWritten = false;
      }
    }
  }
  return allWritten;
}
