import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../support/hostileCorpus';
import { runGuardedCorpus, type GuardedOutcome } from '../support/hostileGuard';
import { expectHandledInTime } from '../support/hostileExpectations';
import { makeTempDir, projectRoot } from './storeFixtures';

/**
 * The hostile corpus (tests/support/hostileCorpus.ts) through the services on a real SQLite file, in a child
 * process under a hang guard: every case must end well within 30 s, without killing the process (its heap is
 * capped at 1 GB, so memory blow-ups count as crashes), with the outcome the case expects, a clear message on
 * refusal and nothing stored by a refusal. Each case is its own test, so a failure names the file.
 */

const corpus = hostileCorpus();
// A generous guard: only a pathological case gets near it, even on a busy machine.
const perCaseMs = 30_000;
let temp: ReturnType<typeof makeTempDir>;
let outcomes: Map<number, GuardedOutcome>;

beforeAll(async () => {
  temp = makeTempDir();
  // HOSTILE_LOG names a file to follow the run in, one line per case, as it goes.
  const log = process.env.HOSTILE_LOG;
  outcomes = await runGuardedCorpus({
    projectRoot,
    databasePath: join(temp.dir, 'hostile.sqlite'),
    caseCount: corpus.length,
    perCaseMs,
    heapLimitMb: 1024,
    onOutcome: log ? (index, outcome) => appendFileSync(log, `${index} ${JSON.stringify(outcome).slice(0, 600)}\n`) : undefined,
  });
}, 30 * 60_000);

afterAll(() => temp?.remove());

describe('the hostile corpus through the services', () => {
  it('holds at least 150 generated files and inputs, every family of attack among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((hostile) => hostile.family)).size).toBeGreaterThanOrEqual(7);
  });

  it.each(corpus.map((hostile, index) => [hostile.name, index] as const))('%s', (_name, index) => {
    expectHandledInTime(outcomes.get(index), perCaseMs);
  });
});
