import { expect } from 'vitest';
import type { GuardedOutcome } from './hostileGuard';

/** A hostile case passed: it ran, its process neither hung nor died, it broke none of its checks, and it took under `perCaseMs`. */
export function expectHandledInTime(outcome: GuardedOutcome | undefined, perCaseMs: number): void {
  expect(outcome, 'the case never ran').toBeDefined();
  if (outcome!.kind === 'hung') expect.fail(`still running after ${Math.round(outcome!.afterMs / 1000)} s, so its process was killed`);
  if (outcome!.kind === 'crashed') expect.fail(`the process died (${outcome!.exit})`);
  const { result } = outcome as Extract<GuardedOutcome, { kind: 'result' }>;
  expect(result.problems).toEqual([]);
  expect(result.totalMs).toBeLessThan(perCaseMs);
}
