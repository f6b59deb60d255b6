import type { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../../common/api';
import type { ImportedArticle } from '../formats/importFile';
import { describeFile } from '../formats/shared/decodeText';
import { startWorkerThread } from './workerThread';

/** A file for the import worker to read. */
export interface ImportReadRequest {
  requestId: number;
  fileName: string;
  bytes: Uint8Array;
}

/** The import worker's answer: the article as JSON text, the reader's refusal, or a failure (a bug). */
export type ImportReadResponse =
  | { requestId: number; ok: true; articleJson: string }
  | { requestId: number; ok: false; refusal: { code: ApiErrorCode; message: string } }
  | { requestId: number; ok: false; failure: string };

/**
 * The bounds of the import worker. Its heap: every file of the hostile corpus reads in under 256 MB (the
 * 50,000-paragraph .docx, whose conversion took the host's heap past 500 MB, peaks at some 290 MB here,
 * thread included), and a file that needs more is refused rather than growing the host. How long one read
 * may take. And from what size of a file, or of the article read from it, a worker is ended as soon as it is
 * done, so that its heap goes back to the system at once (a 200 KB .docx of 50,000 paragraphs reads into a
 * 3 MB article, and its worker held some 80 MB more for `idleMs`, through the store write and the exports
 * that followed); smaller reads share a worker that ends after a short idle time.
 */
export const importWorkerLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16, readTimeoutMs: 120_000, endAfterBytes: 256 * 1024, idleMs: 10_000 } as const;

/** The bounds an import reader works within (tests give smaller ones). */
export type ImportWorkerLimits = { readonly [K in keyof typeof importWorkerLimits]: number };

/** Reads imported files off the calling thread. */
export interface ImportReader {
  /** The article `parseImportedFile` reads from the file; its refusals are the same ApiErrors. */
  read(fileName: string, bytes: Uint8Array): Promise<ImportedArticle>;
  /** Ends the worker; reads under way are refused. */
  close(): Promise<void>;
  /** The thread id of the worker alive now, or null when none is: what the host holds in memory for reading. */
  runningThreadId(): number | null;
}

// Next to this file when run from source (tsx, tests); next to the bundle when built (electron-vite builds the
// worker as its own entry beside out/main/index.js, where this code is bundled).
function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./importWorker.ts', import.meta.url) : new URL('./importWorker.js', import.meta.url);
}

/**
 * Starts the import worker on first use and hands it the files to read. A worker that runs out of its memory
 * or time is ended, and the file it was reading refused with the reason; the next read starts a new one.
 */
export function createImportReader(workerUrl: URL = defaultWorkerUrl(), limits: ImportWorkerLimits = importWorkerLimits): ImportReader {
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextRequestId = 1;
  const pending = new Map<number, { fileName: string; resolve(articleJson: string): void; reject(error: Error): void }>();

  // Resolves once the thread has stopped and its heap is gone.
  const end = (running: Worker): Promise<void> => {
    if (worker === running) worker = null;
    return running.terminate().then(
      () => undefined,
      () => undefined,
    );
  };
  const failAll = (error: (fileName: string) => Error) => {
    for (const { fileName, reject } of pending.values()) reject(error(fileName));
    pending.clear();
  };

  const started = (): Worker => {
    clearTimeout(idleTimer);
    if (worker) return worker;
    const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb } = limits;
    const resourceLimits = { maxOldGenerationSizeMb, maxYoungGenerationSizeMb };
    const created = startWorkerThread(workerUrl, resourceLimits);
    created.on('message', (response: ImportReadResponse) => {
      const waiting = pending.get(response.requestId);
      if (!waiting) return;
      pending.delete(response.requestId);
      if (response.ok) waiting.resolve(response.articleJson);
      else if ('refusal' in response) waiting.reject(new ApiError(response.refusal.code, response.refusal.message));
      else waiting.reject(new Error(response.failure));
    });
    // A worker ended on purpose was replaced first: its late events must not fail the reads of the next one.
    created.on('error', (error) => {
      if (worker !== created) return;
      worker = null;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failAll((fileName) =>
        outOfMemory
          ? new ApiError('too_large', `${describeFile(fileName)} needs more memory to read than an import may use (${maxOldGenerationSizeMb} MB); split it into smaller files.`)
          : new Error(`The import worker stopped: ${error.message}`),
      );
    });
    created.on('exit', () => {
      if (worker !== created) return;
      worker = null;
      failAll(() => new Error('The import worker stopped.'));
    });
    worker = created;
    return created;
  };

  // Once nothing is left to read: the worker of a large file or article ends now (resolving when it has), else
  // after a short idle time. `bytes` is the larger of the two.
  const settled = (running: Worker, bytes: number): Promise<void> => {
    if (pending.size > 0 || worker !== running) return Promise.resolve();
    running.unref();
    if (bytes >= limits.endAfterBytes) return end(running);
    idleTimer = setTimeout(() => pending.size === 0 && void end(running), limits.idleMs).unref();
    return Promise.resolve();
  };

  return {
    read(fileName, bytes) {
      return new Promise<ImportedArticle>((resolve, reject) => {
        const requestId = nextRequestId++;
        const running = started();
        // A read past its time ends the worker (a reader cannot be interrupted otherwise).
        const timer = setTimeout(() => {
          if (!pending.has(requestId)) return;
          failAll((name) => new ApiError('too_large', `${describeFile(name)} took longer than ${Math.round(limits.readTimeoutMs / 1000)} s to read and was not imported.`));
          void end(running);
        }, limits.readTimeoutMs);
        timer.unref();
        const finish = (articleLength = 0) => {
          clearTimeout(timer);
          return settled(running, Math.max(bytes.byteLength, articleLength));
        };
        pending.set(requestId, {
          fileName,
          // The article's JSON is parsed only once a large file's worker has ended: the worker's heap and the
          // parsed article are never both held.
          resolve: (articleJson) =>
            void finish(articleJson.length).then(() => {
              try {
                resolve(JSON.parse(articleJson) as ImportedArticle);
              } catch (error) {
                reject(error as Error);
              }
            }),
          reject: (error) => {
            void finish();
            reject(error);
          },
        });
        // Held while it reads, let go when idle: an idle worker must not keep a command-line run alive.
        running.ref();
        const request: ImportReadRequest = { requestId, fileName, bytes };
        running.postMessage(request);
      });
    },
    async close() {
      clearTimeout(idleTimer);
      const running = worker;
      worker = null;
      failAll(() => new Error('The import worker was closed.'));
      if (running) await running.terminate();
    },
    runningThreadId: () => worker?.threadId ?? null,
  };
}
