import { parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';
import { suggestAnnotations } from '../../common/suggestions/index';
import type { SuggestionRequest, SuggestionResponse, SuggestionWorkerData } from './suggestionRunner';
import { pauseCheckpoint } from './suggestionPause';

/**
 * The worker thread that computes suggestions, so that a long article never holds up the thread that answers
 * saves and the health check. It loads the language model once and answers one request at a time.
 */

// How much lower than the app's other threads suggestions run: a nice value, 0 being the default and 19 the lowest.
const suggestionThreadNiceness = 10;

// Suggestions are background work: on a machine with few cores, typing and painting come first. Linux keeps a
// nice value per thread, so this lowers this thread alone; elsewhere the call would lower the whole process
// (the Electron main process), so it is left out.
if (process.platform === 'linux') {
  try {
    setPriority(suggestionThreadNiceness);
  } catch {
    // A sandbox may refuse it: suggestions then run at the app's priority, as before.
  }
}

const { pauseMemory, maxPauseMs } = workerData as SuggestionWorkerData;

parentPort?.on('message', (request: SuggestionRequest) => {
  let response: SuggestionResponse;
  try {
    response = { requestId: request.requestId, ok: true, result: suggestAnnotations(request.input, request.options, pauseCheckpoint(pauseMemory, maxPauseMs)) };
  } catch (error) {
    response = { requestId: request.requestId, ok: false, message: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(response);
});
