import { ApiError, type ApiErrorCode, type ArticleSummary, type EntityRecord, type ExportFormatName } from '../../common/api';
import type { ExportResult } from '../formats/exportArticle';
import { startWorkerThread } from './workerThread';

/** One stored article to export in a worker: its summary, its stored document as the store wrote it, and how. */
export interface ExportJob {
  article: ArticleSummary;
  docJson: string;
  format: ExportFormatName;
  includeSuggestions: boolean;
}

/** What the host sends the export worker: the job, then the registry entities it asked for. */
export type ExportWorkerMessage = { kind: 'job'; job: ExportJob } | { kind: 'entities'; entities: EntityRecord[] };

/** What the export worker answers: the entity ids it needs, then the files, a refusal, or a failure (a bug). */
export type ExportWorkerReply =
  | { kind: 'entities-wanted'; ids: string[] }
  | ({ kind: 'exported' } & ExportResult)
  | { kind: 'refused'; refusal: { code: ApiErrorCode; message: string } }
  | { kind: 'failed'; failure: string };

/**
 * The bounds of an export worker. From what stored document size (UTF-16 units of its JSON) an export runs in a
 * worker: below it, the export is quick and small, and a thread would cost more than it saves. Its heap: a
 * young generation of a few MB keeps the garbage a writer makes from growing the process by a hundred MB
 * before it is collected (the 100,000-block exports peaked 100-150 MB higher on the host's own heap), and the
 * old generation is room for the largest accepted article's document, writer data and output. How long it may
 * take.
 */
export const exportWorkerLimits = { fromDocumentLength: 1_000_000, maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 6, timeoutMs: 120_000 } as const;

/** The bounds an export runs within (tests give smaller ones). */
export type ExportWorkerLimits = { readonly [K in keyof typeof exportWorkerLimits]: number };

// Next to this file when run from source (tsx, tests); next to the bundle when built (electron-vite builds the
// worker as its own entry beside out/main/index.js).
function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./exportWorker.ts', import.meta.url) : new URL('./exportWorker.js', import.meta.url);
}

/**
 * Exports one stored article in a worker thread of its own, which ends with the export, so its heap goes back
 * to the system at once. `findEntity` looks up the registry entities the worker asks for. A worker that runs
 * out of memory or time is ended and the export refused with the reason.
 */
export function exportInWorker(
  job: ExportJob,
  findEntity: (id: string) => EntityRecord | undefined,
  limits: ExportWorkerLimits = exportWorkerLimits,
  workerUrl: URL = defaultWorkerUrl(),
): Promise<ExportResult> {
  const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb } = limits;
  const worker = startWorkerThread(workerUrl, { maxOldGenerationSizeMb, maxYoungGenerationSizeMb });
  const what = `The ${job.format} export of "${job.article.title}"`;
  return new Promise<ExportResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new ApiError('too_large', `${what} took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped.`))), limits.timeoutMs);
    worker.on('message', (message: ExportWorkerReply) => {
      switch (message.kind) {
        case 'entities-wanted': {
          const entities = message.ids.map(findEntity).filter((entity): entity is EntityRecord => entity !== undefined);
          const reply: ExportWorkerMessage = { kind: 'entities', entities };
          worker.postMessage(reply);
          return;
        }
        case 'exported':
          return settle(() => resolve({ files: message.files, warnings: message.warnings }));
        case 'refused':
          return settle(() => reject(new ApiError(message.refusal.code, message.refusal.message)));
        case 'failed':
          return settle(() => reject(new Error(message.failure)));
      }
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() =>
        reject(outOfMemory ? new ApiError('too_large', `${what} needs more memory than an export may use (${maxOldGenerationSizeMb} MB).`) : new Error(`The export worker stopped: ${error.message}`)),
      );
    });
    worker.on('exit', () => settle(() => reject(new Error('The export worker stopped.'))));
    const start: ExportWorkerMessage = { kind: 'job', job };
    worker.postMessage(start);
  });
}
