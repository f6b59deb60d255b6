import { ApiError } from '../../common/api';
import type { ApiHandlers, ApiJsonHandlers } from './apiDispatch';

/**
 * How long one statement may wait for another program's lock inside SQLite. better-sqlite3 is synchronous, so
 * this wait blocks the whole host (and its health check); it is kept short, and longer waits happen between
 * attempts, below, where the event loop runs.
 */
export const lockWaitPerAttemptMs = 50;

// Pauses between attempts, growing; about 15 s in all before the caller is told the database is busy.
const retryDelaysMs = [10, 25, 50, 100, 200, 300, 500, 500, 750, 1000, 1000, 1500, 2000, 2000, 2500, 2500];

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a handler again while another program holds the database's lock, yielding to the event loop between
 * attempts. Retrying is sound because a failed attempt wrote nothing: every write runs in one immediate
 * transaction, which takes the lock before its first write and rolls back whole when it cannot.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const delay = retryDelaysMs[retry];
      if (delay === undefined) throw new ApiError('internal', 'The database is busy: another program has held it for too long. Your change was not saved; try again.');
      await sleep(delay);
    }
  }
}

/** The same handlers, each retried while the database is busy. */
export function withBusyRetry<Handlers extends Partial<ApiHandlers> | ApiJsonHandlers>(handlers: Handlers): Handlers {
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    wrapped[name] = (input: unknown) => retryWhileBusy(() => handler(input));
  }
  return wrapped as Handlers;
}
