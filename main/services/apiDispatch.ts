import {
  apiMethods,
  type ApiErrorCode,
  type ApiMethodName,
  type ApiOutput,
  type ApiParsedInput,
  type ApiResult,
  ApiError,
} from '../../common/api';
import { wellFormedJson } from '../../common/wellFormedText';

/** One handler per contract method; every host (IPC, loopback HTTP) serves the same handlers. */
export type ApiHandlers = {
  [M in ApiMethodName]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

function isApiMethodName(name: string): name is ApiMethodName {
  return Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/**
 * Validates a call that crossed the process boundary and runs its handler. Never throws: unknown methods,
 * bad arguments and failures all come back as typed errors, so a bad call cannot crash the host.
 */
export async function dispatchApiCall(
  handlers: ApiHandlers,
  methodName: string,
  rawInput: unknown,
  logInternalError: (error: unknown) => void = (error) => console.error(error),
): Promise<ApiResult<unknown>> {
  if (!isApiMethodName(methodName)) {
    return { ok: false, error: { code: 'invalid_argument', message: `Unknown method "${methodName}".` } };
  }
  const parsed = apiMethods[methodName].input.safeParse(wellFormedJson(rawInput ?? {}));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid_argument', message: `${issue?.message ?? 'Invalid argument'}${where}` } };
  }
  try {
    const handler = handlers[methodName] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    // Another program holding the database is a passing condition, not a bug: callers retry.
    if ((error as { code?: unknown })?.code === 'SQLITE_BUSY') {
      return { ok: false, error: { code: 'internal', message: 'The database is busy: another program is using it' } };
    }
    logInternalError(error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` } };
  }
}
