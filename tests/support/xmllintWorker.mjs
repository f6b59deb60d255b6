// The worker behind tests/support/xmllintSync.ts: runs xmllint-wasm (libxml2 compiled to WebAssembly) for a
// caller that waits synchronously. Every reply goes to the `replies` port, then wakes the caller through the
// shared `signal`; a failure is a reply too, because a caller blocked in Atomics.wait cannot see 'error' events.
import { parentPort, workerData } from 'node:worker_threads';

const { signal, replies } = workerData;

parentPort.on('message', async (request) => {
  let reply;
  try {
    const { validateXML } = (await import('xmllint-wasm')).default;
    const result = await validateXML({ xml: [request.xml], schema: request.schema, preload: request.preload });
    reply = { id: request.id, valid: result.valid, output: result.rawOutput.trim() };
  } catch (error) {
    reply = { id: request.id, failure: error instanceof Error ? error.message : String(error) };
  }
  replies.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
