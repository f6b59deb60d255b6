import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord, ArticleRevision } from '../../common/api';
import { openServices } from '../../main/services/index';

/** What the crash loop found: how many kills, acknowledged calls, and any that were lost. */
export interface CrashLoopResult {
  kills: number;
  acknowledgedSaves: number;
  acknowledgedImports: number;
  // One sentence per acknowledged call missing after a kill, or per failed integrity check.
  lost: string[];
}

/** How to run the crash loop. */
export interface CrashLoopOptions {
  databasePath: string;
  kills: number;
  // The kill comes at a random moment this long after the worker is ready.
  minRunMs?: number;
  maxRunMs?: number;
  onKill?: (kill: number, acknowledged: number) => void;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const worker = join(projectRoot, 'tests', 'support', 'crashWorker.ts');

interface Acknowledged {
  lines: string[];
}

// Starts the worker, waits until it is ready, lets it work for a random time and kills it with SIGKILL.
function runAndKill(databasePath: string, run: string, runMs: number): Promise<Acknowledged> {
  return new Promise((resolvePromise, reject) => {
    // Node itself with tsx's loader, not the tsx command: that one runs the script in a child process, which a
    // SIGKILL of the command would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', worker, '--db', databasePath, '--run', run], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: Acknowledged = { lines: [] };
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') killTimer ??= setTimeout(() => child.kill('SIGKILL'), runMs);
        else if (line) acknowledged.lines.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`The crash worker ended by itself (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`));
    });
  });
}

// Opens the database as the next start of the app would and checks every acknowledged call is there.
async function verify(databasePath: string, lines: readonly string[]): Promise<string[]> {
  const lost: string[] = [];
  const services = openServices({ databasePath });
  try {
    const integrity = services.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') lost.push(`integrity_check: ${String(integrity)}`);
    for (const line of lines) {
      const [kind, id, third, fourth] = line.split(' ');
      try {
        if (kind === 'import') {
          const article = (await services.handlers.getArticle({ id: id! })) as ArticleRecord;
          if (!JSON.stringify(article.doc).includes(third!)) lost.push(`import ${id} lost its text ${third}`);
        } else {
          const revision = Number(third);
          const stored = (await services.handlers.getRevision({ id: id!, revision })) as ArticleRevision;
          if (!JSON.stringify(stored.document).includes(fourth!)) lost.push(`save ${id} revision ${revision} lost ${fourth}`);
        }
      } catch (error) {
        lost.push(`${line}: ${(error as Error).message}`);
      }
    }
  } finally {
    services.close();
  }
  return lost;
}

/**
 * Kills a process that is saving and importing through the services (tests/support/crashWorker.ts) with
 * SIGKILL at random moments, `kills` times on the same database, and after each kill checks that every save
 * and import it acknowledged is stored (each save's revision holds its words) and that SQLite's integrity
 * check passes. Used by the crash test in npm test and by the stress run.
 */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const result: CrashLoopResult = { kills: 0, acknowledgedSaves: 0, acknowledgedImports: 0, lost: [] };
  const minRunMs = options.minRunMs ?? 150;
  const maxRunMs = options.maxRunMs ?? 1200;
  for (let kill = 1; kill <= options.kills; kill++) {
    const runMs = minRunMs + Math.random() * (maxRunMs - minRunMs);
    const { lines } = await runAndKill(options.databasePath, `k${kill}`, runMs);
    result.kills += 1;
    result.acknowledgedSaves += lines.filter((line) => line.startsWith('save ')).length;
    result.acknowledgedImports += lines.filter((line) => line.startsWith('import ')).length;
    result.lost.push(...(await verify(options.databasePath, lines)));
    options.onKill?.(kill, lines.length);
  }
  return result;
}
