import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../common/api';
import { parseImportedFile } from '../formats/importFile';
import type { ImportReadRequest, ImportReadResponse } from './importReader';

/**
 * The worker thread that reads imported files (see importReader.ts): a reader's working memory (mammoth's
 * model of a Word file, markdown-it's tokens, an XML tree) lives and dies in this thread's own heap, which the
 * host lets go of when the thread ends, and a long read never holds up the thread that answers saves.
 */
parentPort?.on('message', (request: ImportReadRequest) => void answer(request));

async function answer(request: ImportReadRequest): Promise<void> {
  let response: ImportReadResponse;
  try {
    // As JSON text: one flat string crosses the thread boundary, and keys such as an own "__proto__" arrive as
    // they left, for the checks that follow to see.
    response = { requestId: request.requestId, ok: true, articleJson: JSON.stringify(await parseImportedFile(request.fileName, request.bytes)) };
  } catch (error) {
    response =
      error instanceof ApiError
        ? { requestId: request.requestId, ok: false, refusal: { code: error.code, message: error.message } }
        : { requestId: request.requestId, ok: false, failure: (error as Error)?.message ?? String(error) };
  }
  reply(response);
}

function reply(response: ImportReadResponse): void {
  parentPort!.postMessage(response);
}
