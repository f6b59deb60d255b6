import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap, run after a large import or export is done with its data.
 *
 * Why: V8 sets how far the old generation may grow before its next full collection from what was alive at
 * the last one. After a large import that last one ran while the article's document was still alive, so the
 * heap was allowed to double from there, and the garbage of the next large call piled up on top of that: in
 * the stress host an export of a 100,000-block article started from 370 MB that were mostly dead and peaked
 * 50-130 MB higher. Collecting once the call's data is dead resets that allowance to what stays alive (some
 * 30-60 MB) and hands the dead pages back, for some 30-80 ms after a call of seconds. Node offers no
 * collection without `--expose-gc`; the flag is set only for the moment it takes to fetch V8's `gc` from a new
 * context (as jest's leak detector does), so no other code sees a `gc` global.
 */

let collect: (() => void) | null = null;

function fullCollection(): () => void {
  // A process started with --expose-gc (a profiling run) has it already, and keeps the flag as it was.
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (!collect && typeof exposed === 'function') collect = exposed;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    try {
      collect = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  return collect;
}

/**
 * From what size (a file's bytes, a document's size or its stored JSON's length) a call is large enough to be
 * collected around: the size from which the import worker is ended after a file too. Such calls take a second
 * or more; the collection some tens of milliseconds.
 */
export const collectAfterSize = 256 * 1024;

/** Collects this thread's heap when `size` (of a call's input or output) is at least `collectAfterSize`. */
export function collectAfterLargeCall(size: number): void {
  if (size >= collectAfterSize) fullCollection()();
}
