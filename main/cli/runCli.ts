import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiResult, ArticleSummary } from '../../common/api';
import { dispatchApiCall } from '../services/apiDispatch';
import { openServices, type AppServices } from '../services/index';
import { defaultDatabasePath } from '../store/index';

/** Where the command line writes: results to `stdout`, messages to `stderr`. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

// Printed for --help and after a bad command line.
const cliUsage = `Usage:
  npm run --silent cli -- import FILE [FILE...] [--db DB]   import articles; prints each new article's id on its own line
  npm run --silent cli -- list [--db DB]                    one line per article: id, title and tag count, tab-separated

--db defaults to the desktop app's database: ${defaultDatabasePath()}`;

const exitOk = 0;
const exitFailed = 1;
const exitUsage = 2;

// npm runs scripts from the package folder; INIT_CWD is the folder the user typed the command in.
function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

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
      bytes = await readFile(path);
    } catch (error) {
      output.stderr(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
      exitCode = exitFailed;
      continue;
    }
    const result = await dispatchApiCall(services.handlers, 'importFile', { fileName: basename(path), bytesBase64: bytes.toString('base64') });
    if (result.ok) {
      output.stdout(`${(result.value as ArticleSummary).id}\n`);
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

const cliOptions = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

interface CommandLine {
  command: string | undefined;
  operands: string[];
  db: string | undefined;
  help: boolean;
}

function parseCommandLine(args: readonly string[]): CommandLine {
  const { values, positionals } = parseArgs({ args: [...args], options: cliOptions, allowPositionals: true });
  const [command, ...operands] = positionals;
  return { command, operands, db: values.db, help: values.help ?? false };
}

// What is wrong with a command line, or null when it can run.
function usageProblem({ command, operands }: CommandLine): string | null {
  if (command === undefined) return 'No command given.';
  if (command === 'import') return operands.length === 0 ? 'import needs at least one FILE.' : null;
  if (command === 'list') return operands.length > 0 ? `list takes no FILE (got "${operands[0]}").` : null;
  return `Unknown command "${command}".`;
}

/**
 * Runs one command line (`import FILE... [--db DB]` or `list [--db DB]`) over the services and returns the exit
 * code: 0 on success, 1 when something failed (each failure explained on stderr), 2 for a bad command line.
 * It never creates the demo article: only the app offers it.
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
  const { command, operands } = commandLine;

  const databasePath = commandLine.db ? userPath(commandLine.db) : defaultDatabasePath();
  let services: AppServices;
  try {
    services = openServices({ databasePath });
  } catch (error) {
    output.stderr(`Cannot open the database ${databasePath}: ${(error as Error).message}\n`);
    return exitFailed;
  }
  try {
    return command === 'import' ? await importFiles(services, operands, output) : await listArticles(services, output);
  } finally {
    services.close();
  }
}
