import type { Checkpoint } from '../../common/suggestions/types';

/**
 * Suggestions wait while the editor types: on a machine with few cores the pipeline's work slows every key, even
 * at the lowest priority (measured on the benchmark article: keystroke p95 doubled beside a computation, and as
 * much beside a plain loop at nice 19), and waiting a moment costs the suggestions little. The runner and its
 * worker share two 64-bit integers: until when (ms since the epoch) the pipeline waits at its checkpoints, which
 * the runner writes; how long the request being computed has waited so far, which the worker writes.
 */
const untilSlot = 0;
const waitedSlot = 1;

/** The shared memory of one runner and its workers. */
export function newPauseMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** Has the pipeline wait at its next checkpoint until `forMs` from now (never shortening a longer wait). */
export function pauseFor(memory: SharedArrayBuffer, forMs: number): void {
  const slots = new BigInt64Array(memory);
  const until = BigInt(Date.now() + forMs);
  if (until > Atomics.load(slots, untilSlot)) Atomics.store(slots, untilSlot, until);
}

/** How long the request being computed has waited so far, in ms. */
export function waitedMs(memory: SharedArrayBuffer): number {
  return Number(Atomics.load(new BigInt64Array(memory), waitedSlot));
}

/**
 * The worker's checkpoint for one request: while paused, the thread sleeps; the request waits `maxPauseMs` in all
 * at most, then is computed through any pause.
 */
export function pauseCheckpoint(memory: SharedArrayBuffer, maxPauseMs: number): Checkpoint {
  const slots = new BigInt64Array(memory);
  // Nothing ever wakes it: waiting on it is sleeping for a while.
  const sleeper = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let waited = 0;
  Atomics.store(slots, waitedSlot, 0n);
  return () => {
    for (;;) {
      const ms = Math.min(Number(Atomics.load(slots, untilSlot)) - Date.now(), maxPauseMs - waited);
      if (ms <= 0) return;
      const started = Date.now();
      Atomics.wait(sleeper, 0, 0, ms);
      waited += Date.now() - started;
      Atomics.store(slots, waitedSlot, BigInt(waited));
    }
  };
}
