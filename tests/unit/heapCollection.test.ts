import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectAfterLargeCall, collectAfterSize } from '../../main/services/heapCollection';

/** The collection after a large call: dead objects are gone at once, and no gc global is left behind. */

// Some 60 MB of objects that are dead as soon as this returns.
function makeGarbage(): number {
  let rows = 0;
  for (let batch = 0; batch < 20; batch++) {
    const held = Array.from({ length: 50_000 }, (_, index) => ({ index, text: `row ${index} of batch ${batch}` }));
    rows += held.length;
  }
  return rows;
}

describe('collectAfterLargeCall', () => {
  it('collects the dead objects of a large call, and leaves no gc global behind', () => {
    collectAfterLargeCall(collectAfterSize);
    const settled = getHeapStatistics().used_heap_size;
    expect(makeGarbage()).toBe(1_000_000);
    collectAfterLargeCall(collectAfterSize);
    // Everything makeGarbage built is gone (a young-generation collection alone would leave the promoted part).
    expect(getHeapStatistics().used_heap_size).toBeLessThan(settled + 5 * 1024 * 1024);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

});
