import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * xmllint from npm (xmllint-wasm: libxml2 compiled to WebAssembly), callable synchronously, so that tests need
 * no system `xmllint` and keep their plain `expect(validate(xml).valid)` shape. xmllint-wasm only answers
 * through a Promise; one worker thread runs it while the caller waits on a shared flag.
 */

/** A file in xmllint's in-memory file system: its name there (includes resolve against it) and its text. */
export interface XmllintFile {
  fileName: string;
  contents: string;
}

/**
 * One xmllint run: `xml` checked against `schema` (the main XSD, with the files it imports or includes in
 * `preload`), or for well-formedness alone when `schema` is empty.
 */
export interface XmllintRequest {
  xml: XmllintFile;
  schema: XmllintFile[];
  preload: XmllintFile[];
}

/** xmllint's verdict and what it printed (errors with line numbers, or "FILE validates"). */
export interface XmllintVerdict {
  valid: boolean;
  output: string;
}

type WorkerReply = { id: number; valid: boolean; output: string } | { id: number; failure: string };

interface XmllintThread {
  worker: Worker;
  replies: MessagePort;
  signal: Int32Array;
}

// A validation of a large export takes well under a second; a minute means the worker is stuck.
const replyTimeoutMs = 60_000;
let thread: XmllintThread | undefined;
let lastRequestId = 0;

function xmllintThread(): XmllintThread {
  if (thread) return thread;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./xmllintWorker.mjs', import.meta.url), { workerData: { signal, replies: port2 }, transferList: [port2] });
  // The worker must never keep a test process alive once its tests are done.
  worker.unref();
  thread = { worker, replies: port1, signal };
  return thread;
}

/** Runs xmllint on `request` and returns its verdict; throws when xmllint itself fails (a broken schema, no memory). */
export function runXmllint(request: XmllintRequest): XmllintVerdict {
  const { worker, replies, signal } = xmllintThread();
  const id = ++lastRequestId;
  worker.postMessage({ id, ...request });
  const deadline = Date.now() + replyTimeoutMs;
  for (;;) {
    // Cleared before looking, so a reply that lands after the look still wakes the wait below.
    Atomics.store(signal, 0, 0);
    const message = receiveMessageOnPort(replies);
    if (message) {
      const reply = message.message as WorkerReply;
      // A reply to an earlier request that timed out is stale: drop it and keep waiting for ours.
      if (reply.id !== id) continue;
      if ('failure' in reply) throw new Error(`xmllint-wasm failed: ${reply.failure}`);
      return { valid: reply.valid, output: reply.output };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`xmllint-wasm gave no answer within ${replyTimeoutMs / 1000} s`);
    Atomics.wait(signal, 0, 0, remaining);
  }
}
