import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts the worker thread at `url` with `resourceLimits` (and `workerData`, what it reads as it starts). Run from source (tsx, tests), the worker is a .ts file
 * and needs the TypeScript loader registered inside it too; built, it is plain JavaScript beside the bundle.
 */
export function startWorkerThread(url: URL, resourceLimits: ResourceLimits, workerData?: unknown): Worker {
  return url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, resourceLimits, workerData })
    : new Worker(url, { resourceLimits, workerData });
}
