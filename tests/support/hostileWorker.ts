import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices } from '../../main/services/index';
import type { AnnotatorDatabase } from '../../main/store/index';
import { suggestionKinds } from '../../common/suggestions/types';
import { hostileCorpus } from './hostileCorpus';
import { runHostileCase } from './hostileRunner';

/**
 * The child process of the hostile corpus test: opens the services on the database named by the first
 * argument and runs the corpus from the case index in the second, one JSON line per event on stdout, so the
 * parent can time each case, kill a hung child, and carry on after a crash with the next case.
 *
 * Usage: tsx tests/support/hostileWorker.ts <database path> <first case index>
 * (environment: HOSTILE_SUGGESTIONS=on for suggestions on import, HOSTILE_ONLY=3,17,40 for some cases only)
 */

/** One line the worker writes: a case starting, or its result with the process's memory after it. */
export type WorkerEvent =
  | { type: 'start'; index: number; name: string }
  | { type: 'result'; index: number; result: import('./hostileRunner').HostileResult; rssMb: number; peakRssMb: number }
  | { type: 'done' };

// Every table's row count and every article's revision: any stored change alters it.
function databaseSnapshot(db: AnnotatorDatabase): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts = tables.map((table) => `${table}=${String(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get())}`);
  const revisions = db.prepare("SELECT group_concat(id || ':' || revision, ',') FROM (SELECT id, revision FROM articles ORDER BY id)").pluck().get();
  return `${counts.join(' ')} ${String(revisions)}`;
}

function emit(event: WorkerEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const [databasePath, first] = process.argv.slice(2);
  if (!databasePath) throw new Error('Usage: hostileWorker.ts <database path> <first case index>');
  const services = openServices({ databasePath, userName: 'hostile tester' });
  // The corpus is about the readers and the store, so suggestions on import are off unless the guard asks for
  // them (HOSTILE_SUGGESTIONS=on), to prove the suggestion pipeline bounded on the same files.
  const suggestions = process.env.HOSTILE_SUGGESTIONS === 'on';
  await services.handlers.setPreferences({ suggestions: { onImport: suggestions, onOpen: false, kinds: suggestions ? [...suggestionKinds] : [] } });
  // HOSTILE_ONLY: the case indexes to run, comma-separated; all of them without it.
  const only = process.env.HOSTILE_ONLY ? new Set(process.env.HOSTILE_ONLY.split(',').map(Number)) : null;
  const call = (method: string, input: unknown) => dispatchApiCall(services.handlers, method, input, () => undefined);
  const snapshot = async () => databaseSnapshot(services.db);
  const corpus = hostileCorpus();
  for (let index = Number(first ?? 0); index < corpus.length; index++) {
    if (only && !only.has(index)) continue;
    const hostile = corpus[index]!;
    emit({ type: 'start', index, name: hostile.name });
    const result = await runHostileCase(call, hostile, snapshot);
    const memory = process.memoryUsage();
    emit({ type: 'result', index, result, rssMb: Math.round(memory.rss / 1048576), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  }
  services.close();
  emit({ type: 'done' });
}

await main();
