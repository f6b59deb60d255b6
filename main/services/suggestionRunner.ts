import type { Worker } from 'node:worker_threads';
import type { SuggestionInput, SuggestionOptions, SuggestionResult } from '../../common/suggestions/types';
import { newPauseMemory, pauseFor, waitedMs } from './suggestionPause';
import { startWorkerThread } from './workerThread';

/** A request to the suggestion worker. */
export interface SuggestionRequest {
  requestId: number;
  input: SuggestionInput;
  options: SuggestionOptions;
}

/** What the suggestion worker is given as it starts. */
export interface SuggestionWorkerData {
  // Shared with the runner: see suggestionPause.ts.
  pauseMemory: SharedArrayBuffer;
  // How long one request may wait in all, in ms; past it the request is computed through any pause.
  maxPauseMs: number;
}

/** The worker's answer to one request. */
export type SuggestionResponse = { requestId: number; ok: true; result: SuggestionResult } | { requestId: number; ok: false; message: string };

/**
 * The bounds of the suggestion worker: the heap it may use (a worker past it is stopped by V8 alone, and only
 * the request it was working on fails; without a bound, a worker out of memory takes the whole process down),
 * how long one request may take by default before the worker is stopped and the request refused (time it
 * waits while the editor types does not count: see `pause`), and how long it may wait so in all. Its young
 * generation is 16 MB, as the import worker's: with 32 MB a 400,000-character article's request grew the host
 * by 160-170 MB, with 16 MB by 130-145 MB, in the same time.
 */
export const suggestionWorkerLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16, requestTimeoutMs: 120_000, maxPauseMs: 30_000 } as const;

/**
 * When the worker gives its memory back. From `largeRequestCharacters` a request leaves the worker's heap at over
 * 100 MB more than the model needs (the heap grows to what the request used and V8 keeps it), so a worker that
 * answered one is ended once it has been idle for `idleMsAfterLargeRequest`: the host gets that memory back, yet an
 * editor going on in the same long article (suggest on open, then again after an edit) does not pay for a new
 * worker and its model each time (about a second of both cores, which typing feels).
 */
export interface SuggestionWorkerLifetime {
  largeRequestCharacters: number;
  idleMsAfterLargeRequest: number;
}

const defaultWorkerLifetime: SuggestionWorkerLifetime = { largeRequestCharacters: 200_000, idleMsAfterLargeRequest: 60_000 };

/** Computes suggestions off the calling thread. */
export interface SuggestionRunner {
  /** Suggestions for `input`; refused when the worker runs out of its memory or takes longer than `timeoutMs`. */
  suggest(input: SuggestionInput, options?: SuggestionOptions, timeoutMs?: number): Promise<SuggestionResult>;
  /**
   * Has the request being computed wait at its next checkpoint for `forMs` from now (a later call extends it):
   * the editor is typing (see suggestionPause.ts). A request waits `maxPauseMs` in all at most.
   */
  pause(forMs: number): void;
  /**
   * Ends the worker at once when it has answered a large request and has nothing else to do, resolving once
   * its heap is given back; otherwise does nothing. An import calls it before it stores the article: the
   * worker's grown heap would otherwise stay through the store write, the largest step of an import.
   */
  releaseAfterLargeRequest(): Promise<void>;
  /** Stops the worker; pending requests are refused. */
  close(): Promise<void>;
  /** The thread id of the worker alive now, or null when none is: what the host holds in memory for suggestions. */
  runningThreadId(): number | null;
}

// Next to this file when run from source (tsx, tests); next to the bundle when built (electron-vite builds the worker
// as its own entry beside out/main/index.js, where this code is bundled).
function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./suggestionWorker.ts', import.meta.url) : new URL('./suggestionWorker.js', import.meta.url);
}

/**
 * Starts the suggestion worker on first use and hands it one request at a time. A worker that dies (a bug, or
 * memory) is started again on the next request; the request it was working on is refused with its reason.
 */
export function createSuggestionRunner(
  workerUrl: URL = defaultWorkerUrl(),
  lifetime: SuggestionWorkerLifetime = defaultWorkerLifetime,
  bounds: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number; maxPauseMs: number } = suggestionWorkerLimits,
): SuggestionRunner {
  const pauseMemory = newPauseMemory();
  const workerData: SuggestionWorkerData = { pauseMemory, maxPauseMs: bounds.maxPauseMs };
  let worker: Worker | null = null;
  let nextRequestId = 1;
  const pending = new Map<number, { resolve(result: SuggestionResult): void; reject(error: Error): void }>();
  let idleEnd: ReturnType<typeof setTimeout> | null = null;
  // Whether the running worker was given a large request since it started: its heap stays grown until it ends,
  // whatever smaller requests follow, so it is ended once idle after any request.
  let servedLarge = false;

  const cancelIdleEnd = () => {
    if (idleEnd) clearTimeout(idleEnd);
    idleEnd = null;
  };
  const endWhenIdle = (idle: Worker) => {
    cancelIdleEnd();
    idleEnd = setTimeout(() => {
      idleEnd = null;
      if (worker !== idle || pending.size > 0) return;
      worker = null;
      void idle.terminate();
    }, lifetime.idleMsAfterLargeRequest);
    // A command-line run must not wait for it.
    idleEnd.unref();
  };

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const started = (): Worker => {
    if (worker) return worker;
    const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb } = bounds;
    const resourceLimits = { maxOldGenerationSizeMb, maxYoungGenerationSizeMb };
    const created = startWorkerThread(workerUrl, resourceLimits, workerData);
    servedLarge = false;
    created.on('message', (response: SuggestionResponse) => {
      const waiting = pending.get(response.requestId);
      if (!waiting) return;
      pending.delete(response.requestId);
      if (pending.size === 0) created.unref();
      if (pending.size === 0 && servedLarge && worker === created) endWhenIdle(created);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new Error(`Suggestions failed: ${response.message}`));
    });
    // A worker stopped on purpose (past its time, or closed) was replaced first and its requests failed then:
    // its late events must not fail the requests of the worker that replaced it.
    created.on('error', (error) => {
      if (worker !== created) return;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failAll(new Error(outOfMemory ? `the text needs more memory than suggestions may use (${maxOldGenerationSizeMb} MB)` : `The suggestion worker stopped: ${error.message}`));
    });
    created.on('exit', () => {
      if (worker !== created) return;
      worker = null;
      failAll(new Error('The suggestion worker stopped.'));
    });
    worker = created;
    return created;
  };

  return {
    suggest(input, options = {}, timeoutMs = suggestionWorkerLimits.requestTimeoutMs) {
      return new Promise<SuggestionResult>((resolve, reject) => {
        const requestId = nextRequestId++;
        cancelIdleEnd();
        const running = started();
        // A request past its time stops the worker (the pipeline cannot be interrupted otherwise); the next
        // request starts a new one. Time it spent waiting for the editor to stop typing does not count.
        let timer: ReturnType<typeof setTimeout>;
        const expireAfter = (ms: number, waitedBefore: number) => {
          timer = setTimeout(() => {
            if (!pending.has(requestId)) return;
            const waited = waitedMs(pauseMemory);
            if (waited > waitedBefore) return expireAfter(waited - waitedBefore, waited);
            failAll(new Error(`suggestions took longer than ${Math.round(timeoutMs / 1000)} s and were stopped`));
            if (worker === running) worker = null;
            void running.terminate();
          }, ms);
          timer.unref();
        };
        expireAfter(timeoutMs, 0);
        const characters = input.blocks.reduce((sum, block) => sum + block.text.length, 0);
        if (characters >= lifetime.largeRequestCharacters) servedLarge = true;
        pending.set(requestId, {
          resolve: (result) => {
            clearTimeout(timer);
            resolve(result);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        const request: SuggestionRequest = { requestId, input, options };
        // Held while it works, let go when idle: an idle worker must not keep a command-line run alive.
        running.ref();
        running.postMessage(request);
      });
    },
    pause: (forMs) => pauseFor(pauseMemory, forMs),
    async releaseAfterLargeRequest() {
      const idle = worker;
      if (!idle || !servedLarge || pending.size > 0) return;
      cancelIdleEnd();
      worker = null;
      await idle.terminate().catch(() => undefined);
    },
    async close() {
      cancelIdleEnd();
      const running = worker;
      worker = null;
      failAll(new Error('The suggestion worker was closed.'));
      if (running) await running.terminate();
    },
    runningThreadId: () => worker?.threadId ?? null,
  };
}
