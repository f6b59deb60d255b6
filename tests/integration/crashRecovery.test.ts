import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCrashLoop } from '../support/crashLoop';
import { makeTempDir } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('killing the process that saves', () => {
  it('loses no acknowledged save or import over 10 kills with SIGKILL, and the database stays intact', async () => {
    const result = await runCrashLoop({ databasePath: join(temp.dir, 'crash.sqlite'), kills: 10 });
    expect(result.kills).toBe(10);
    // The kills must have landed while work was going on, or the test proves nothing.
    expect(result.acknowledgedSaves).toBeGreaterThan(50);
    expect(result.acknowledgedImports).toBeGreaterThan(10);
    expect(result.lost).toEqual([]);
  }, 300_000);
});
