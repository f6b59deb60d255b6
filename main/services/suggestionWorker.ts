import { parentPort } from 'node:worker_threads';
import { suggestAnnotations } from '../../common/suggestions/index';
import type { SuggestionRequest, SuggestionResponse } from './suggestionRunner';

/**
 * The worker thread that computes suggestions, so that a long article never holds up the thread that answers
 * saves and the health check. It loads the language model once and answers one request at a time.
 */
parentPort?.on('message', (request: SuggestionRequest) => {
  let response: SuggestionResponse;
  try {
    response = { requestId: request.requestId, ok: true, result: suggestAnnotations(request.input, request.options) };
  } catch (error) {
    response = { requestId: request.requestId, ok: false, message: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(response);
});
