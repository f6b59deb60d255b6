import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { exportFormatNames, maxImportBytes, type ApiResult, type ArticleSummary, type ExportFormatName, type ImportResult } from '../../common/api';
import { describeFile, importLimitMessage } from '../formats/shared/decodeText';
import { importFormats } from '../formats/importFile';
import { dispatchApiCall } from '../services/apiDispatch';
import { openServices, type AppServices } from '../services/index';
import { defaultDatabasePath } from '../store/index';
import { backupCommand, restoreCommand } from './backupCommands';
import type { CliOutput } from './cliOutput';
import { articleIdsOf, exportArticles } from './exportCommand';
import { suggestForArticles } from './suggestCommand';
import { userPath } from '../services/userPath';

export type { CliOutput } from './cliOutput';

// Printed for --help and after a bad command line.
const cliUsage = `Usage:
  npm run --silent cli -- import FILE [FILE...] [--db DB]   import articles; prints each new article's id on its own line
                                                            (text already in the library is imported as a copy, with a warning)
  npm run --silent cli -- list [--db DB]                    one line per article: id, title and tag count, tab-separated
  npm run --silent cli -- export (ID [ID...] | --all) --format FORMAT --out DIR [--include-suggestions] [--db DB]
                                                            export articles into DIR (created if needed; files of the
                                                            same name there are replaced); prints each written path.
                                                            Exports hold the editor's tags; --include-suggestions adds
                                                            the suggestions still waiting, with their status
  npm run --silent cli -- suggest (ID [ID...] | --all) [--db DB]
                                                            add suggestions (computed offline) to stored articles;
                                                            prints per article: id, then entities, figures and
                                                            attributions added, tab-separated
  npm run --silent cli -- backup --out FILE [--db DB]       an online backup of the database, checked with
                                                            PRAGMA integrity_check before it is kept
  npm run --silent cli -- restore --from FILE [--db DB]     replace the database with a checked backup (close the app
                                                            first); a copy of the current database is kept beside it

Import formats: ${importFormats.map((format) => `${format.label} (${format.extensions.map((ext) => `.${ext}`).join(', ')})`).join(', ')}.
Export formats: ${exportFormatNames.join(', ')}.
Warnings (what a file or format could not carry) go to stderr.
--db defaults to the desktop app's database: ${defaultDatabasePath()}`;

const exitOk = 0;
const exitFailed = 1;
const exitUsage = 2;

// Titles are free text; a tab or newline in one would break the one-line-per-article output.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function errorMessage(result: ApiResult<unknown>): string {
  return result.ok ? '' : result.error.message;
}

async function importFiles(services: AppServices, files: readonly string[], output: CliOutput): Promise<number> {
  let exitCode = exitOk;
  for (const file of files) {
    const path = userPath(file);
    let bytes: Buffer;
    try {
      // Checked before reading: a huge file, or a device or pipe that never ends, must not be read into memory.
      const info = await stat(path);
      if (!info.isFile()) {
        output.stderr(`${file}: not a regular file, so it was not imported.\n`);
        exitCode = exitFailed;
        continue;
      }
      if (info.size > maxImportBytes) {
        output.stderr(`${file}: ${importLimitMessage(describeFile(path), info.size)}\n`);
        exitCode = exitFailed;
        continue;
      }
      bytes = await readFile(path);
    } catch (error) {
      output.stderr(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
      exitCode = exitFailed;
      continue;
    }
    // A script cannot answer a question: text the library already holds is imported as a copy, and stderr says so.
    const result = await dispatchApiCall(services.handlers, 'importFile', { fileName: basename(path), bytesBase64: bytes.toString('base64'), onDuplicate: 'copy' });
    if (result.ok) {
      const imported = result.value as ImportResult;
      if (imported.copyOf) {
        const { originalId, originalTitle, copyNumber } = imported.copyOf;
        output.stderr(`${file}: warning: the library already holds this text as ${originalId} "${oneLine(originalTitle)}"; imported as copy ${copyNumber}.\n`);
      }
      for (const warning of imported.importWarnings ?? []) output.stderr(`${file}: warning: ${warning}\n`);
      output.stdout(`${imported.id}\n`);
    } else {
      output.stderr(`${file}: ${errorMessage(result)}\n`);
      exitCode = exitFailed;
    }
  }
  return exitCode;
}

async function listArticles(services: AppServices, output: CliOutput): Promise<number> {
  const result = await dispatchApiCall(services.handlers, 'listArticles', {});
  if (!result.ok) {
    output.stderr(`${errorMessage(result)}\n`);
    return exitFailed;
  }
  for (const article of result.value as ArticleSummary[]) {
    const { entity, figure, attribution } = article.tagCounts;
    output.stdout(`${article.id}\t${oneLine(article.title)}\t${entity + figure + attribution}\n`);
  }
  return exitOk;
}

const cliOptions = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  all: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  'include-suggestions': { type: 'boolean' },
  from: { type: 'string' },
} as const;

interface CommandLine {
  command: string | undefined;
  operands: string[];
  db: string | undefined;
  help: boolean;
  all: boolean;
  format: string | undefined;
  out: string | undefined;
  includeSuggestions: boolean;
  from: string | undefined;
}

function parseCommandLine(args: readonly string[]): CommandLine {
  const { values, positionals } = parseArgs({ args: [...args], options: cliOptions, allowPositionals: true });
  const [command, ...operands] = positionals;
  return {
    command,
    operands,
    db: values.db,
    help: values.help ?? false,
    all: values.all ?? false,
    format: values.format,
    out: values.out,
    includeSuggestions: values['include-suggestions'] ?? false,
    from: values.from,
  };
}

function isExportFormat(format: string): format is ExportFormatName {
  return (exportFormatNames as readonly string[]).includes(format);
}

function exportUsageProblem({ operands, all, format, out }: CommandLine): string | null {
  if (all === (operands.length > 0)) return all ? 'export takes either article ids or --all, not both.' : 'export needs an article ID or --all.';
  if (format === undefined) return `export needs --format (one of ${exportFormatNames.join(', ')}).`;
  if (!isExportFormat(format)) return `Unknown export format "${format}"; the formats are ${exportFormatNames.join(', ')}.`;
  return out === undefined || out === '' ? 'export needs --out DIR, the folder to write into.' : null;
}

// What is wrong with a command line, or null when it can run.
function usageProblem(commandLine: CommandLine): string | null {
  const { command, operands } = commandLine;
  if (command === undefined) return 'No command given.';
  if (command === 'export') return exportUsageProblem(commandLine);
  if (command === 'backup') return commandLine.out ? (operands.length > 0 ? `backup takes no operand (got "${operands[0]}").` : null) : 'backup needs --out FILE.';
  if (command === 'restore') return commandLine.from ? (operands.length > 0 ? `restore takes no operand (got "${operands[0]}").` : null) : 'restore needs --from FILE, the backup to restore.';
  if (commandLine.from !== undefined) return '--from is an option of restore only.';
  if (command === 'suggest') {
    if (commandLine.format !== undefined || commandLine.out !== undefined || commandLine.includeSuggestions) return 'suggest takes article ids or --all, and --db.';
    return commandLine.all === (operands.length > 0) ? (commandLine.all ? 'suggest takes either article ids or --all, not both.' : 'suggest needs an article ID or --all.') : null;
  }
  const exportOnly = commandLine.all
    ? '--all'
    : commandLine.format !== undefined
      ? '--format'
      : commandLine.out !== undefined
        ? '--out'
        : commandLine.includeSuggestions
          ? '--include-suggestions'
          : null;
  if ((command === 'import' || command === 'list') && exportOnly) return `${exportOnly} is an option of export only.`;
  if (command === 'import') return operands.length === 0 ? 'import needs at least one FILE.' : null;
  if (command === 'list') return operands.length > 0 ? `list takes no FILE (got "${operands[0]}").` : null;
  return `Unknown command "${command}".`;
}

async function runCommand(services: AppServices, commandLine: CommandLine, output: CliOutput): Promise<number> {
  const { command, operands } = commandLine;
  if (command === 'import') return importFiles(services, operands, output);
  if (command === 'list') return listArticles(services, output);
  if (command === 'suggest') return suggestForArticles(services, commandLine.all ? 'all' : operands, output);
  const request = {
    articleIds: commandLine.all ? ('all' as const) : operands,
    format: commandLine.format as ExportFormatName,
    outDir: userPath(commandLine.out!),
    includeSuggestions: commandLine.includeSuggestions,
  };
  return (await exportArticles(services, request, output)) ? exitOk : exitFailed;
}

/**
 * Runs one command line (`import FILE... [--db DB]`, `list [--db DB]` or `export (ID...|--all) --format F --out DIR
 * [--db DB]`) over the services and returns the exit code: 0 on success, 1 when something failed (each failure
 * explained on stderr, the rest still done), 2 for a bad command line. It never creates the demo article: only
 * the app offers it.
 */
export async function runCli(args: readonly string[], output: CliOutput): Promise<number> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(args);
  } catch (error) {
    output.stderr(`${(error as Error).message}\n\n${cliUsage}\n`);
    return exitUsage;
  }
  if (commandLine.help) {
    output.stdout(`${cliUsage}\n`);
    return exitOk;
  }
  const problem = usageProblem(commandLine);
  if (problem) {
    output.stderr(`${problem}\n\n${cliUsage}\n`);
    return exitUsage;
  }
  const databasePath = commandLine.db ? userPath(commandLine.db) : defaultDatabasePath();
  // Backup and restore work on the database file itself, without the services over it.
  if (commandLine.command === 'backup') return backupCommand(databasePath, userPath(commandLine.out!), output);
  if (commandLine.command === 'restore') return restoreCommand(databasePath, userPath(commandLine.from!), output);
  let services: AppServices;
  try {
    services = openServices({ databasePath });
  } catch (error) {
    output.stderr(`Cannot open the database ${databasePath}: ${(error as Error).message}\n`);
    return exitFailed;
  }
  try {
    return await runCommand(services, commandLine, output);
  } finally {
    services.close();
  }
}
