import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { HostileResult } from './hostileRunner';
import type { WorkerEvent } from './hostileWorker';

/**
 * Runs the hostile corpus in a child process (hostileWorker.ts) under a hang guard: a case that takes longer
 * than `perCaseMs` has its process killed, one whose process dies (out of memory, a native crash) is
 * recorded as a crash, and in both cases a new process carries on with the next case on the same database.
 * The child's heap is capped, so a file that would take hundreds of megabytes shows as a crash here rather
 * than as a slow machine.
 */

/** How one case ended: its result, or why it has none. */
export type GuardedOutcome =
  | { kind: 'result'; result: HostileResult; rssMb: number; peakRssMb: number }
  | { kind: 'hung'; name: string; afterMs: number }
  | { kind: 'crashed'; name: string; exit: string };

/** Options of a guarded run. */
export interface GuardOptions {
  projectRoot: string;
  databasePath: string;
  caseCount: number;
  perCaseMs: number;
  // V8's old-space cap of the child, in MB.
  heapLimitMb: number;
  onOutcome?: (index: number, outcome: GuardedOutcome) => void;
  // Suggestions on import (all kinds) for every case; off by default.
  suggestions?: boolean;
  // Only these case indexes; every case without it.
  only?: readonly number[];
}

// Runs the worker from case `first` until it finishes, hangs or dies; resolves with the index to go on from.
function runWorker(options: GuardOptions, first: number, outcomes: Map<number, GuardedOutcome>): Promise<number> {
  return new Promise((resolve) => {
    // Node itself with tsx as a loader, not the tsx command, which would run the worker as a grandchild that
    // a kill of its parent leaves running.
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapLimitMb}`, '--import', 'tsx', 'tests/support/hostileWorker.ts', options.databasePath, String(first)], {
      cwd: options.projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOSTILE_SUGGESTIONS: options.suggestions ? 'on' : 'off', HOSTILE_ONLY: options.only ? options.only.join(',') : '' },
    });
    let current: { index: number; name: string; started: number } | null = null;
    let next = first;
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    const record = (index: number, outcome: GuardedOutcome) => {
      outcomes.set(index, outcome);
      options.onOutcome?.(index, outcome);
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: WorkerEvent;
      try {
        event = JSON.parse(line) as WorkerEvent;
      } catch {
        return;
      }
      if (event.type === 'start') {
        current = { index: event.index, name: event.name, started: performance.now() };
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!current) return;
          record(current.index, { kind: 'hung', name: current.name, afterMs: performance.now() - current.started });
          next = current.index + 1;
          current = null;
          child.kill('SIGKILL');
        }, options.perCaseMs);
      } else if (event.type === 'result') {
        clearTimeout(timer);
        record(event.index, { kind: 'result', result: event.result, rssMb: event.rssMb, peakRssMb: event.peakRssMb });
        next = event.index + 1;
        current = null;
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const unfinished = current as { index: number; name: string } | null;
      if (unfinished) {
        record(unfinished.index, { kind: 'crashed', name: unfinished.name, exit: `${signal ?? `exit code ${code}`}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
        next = unfinished.index + 1;
      }
      resolve(next);
    });
  });
}

/** Runs every case of the corpus under the guard and returns each one's outcome by index. */
export async function runGuardedCorpus(options: GuardOptions): Promise<Map<number, GuardedOutcome>> {
  const outcomes = new Map<number, GuardedOutcome>();
  let next = 0;
  const last = options.only ? Math.max(-1, ...options.only) : options.caseCount - 1;
  while (next <= last) {
    const resumeAt = await runWorker(options, next, outcomes);
    // A worker that ended without getting anywhere (it could not even start) must not loop forever.
    next = resumeAt > next ? resumeAt : next + 1;
  }
  return outcomes;
}
