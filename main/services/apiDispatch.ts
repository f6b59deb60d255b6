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
import type { JsonTextOf } from './jsonText';

/** One handler per contract method; every host (IPC, loopback HTTP) serves the same handlers. */
export type ApiHandlers = {
  [M in ApiMethodName]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/**
 * Handlers that answer with their value already written as JSON text, for the hosts, which send text anyway.
 * Only methods whose answer holds a large stored document have one (see jsonText.ts); every other method is
 * written from its ordinary handler's value.
 */
export type ApiJsonHandlers = {
  [M in ApiMethodName]?: (input: ApiParsedInput<M>) => JsonTextOf<ApiOutput<M>> | Promise<JsonTextOf<ApiOutput<M>>>;
};

function isApiMethodName(name: string): name is ApiMethodName {
  return Object.prototype.hasOwnProperty.call(apiMethods, name);
}

// What running a validated call gave: a value, or JSON text already written.
type Answer = { value: unknown } | { json: string };

/**
 * Validates a call that crossed the process boundary and runs it. Never throws: unknown methods, bad
 * arguments and failures all come back as typed errors, so a bad call cannot crash the host.
 */
async function runApiCall(
  methodName: string,
  rawInput: unknown,
  answer: (methodName: ApiMethodName, input: unknown) => Promise<Answer>,
  logInternalError: (error: unknown) => void,
): Promise<ApiResult<never> | Answer> {
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
    return await answer(methodName, parsed.data);
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

function callHandler(handlers: ApiHandlers, methodName: ApiMethodName, input: unknown): unknown {
  return (handlers[methodName] as (input: unknown) => unknown)(input);
}

/** Validates and runs one call, answering with its result as a value (for callers in this process). */
export async function dispatchApiCall(
  handlers: ApiHandlers,
  methodName: string,
  rawInput: unknown,
  logInternalError: (error: unknown) => void = (error) => console.error(error),
): Promise<ApiResult<unknown>> {
  const outcome = await runApiCall(methodName, rawInput, async (name, input) => ({ value: await callHandler(handlers, name, input) }), logInternalError);
  return 'value' in outcome ? { ok: true, value: outcome.value } : (outcome as ApiResult<never>);
}

/**
 * Validates and runs one call, answering with its result written as JSON text, as the hosts send it. A method
 * with a JSON handler answers through it, so its stored document is spliced in rather than parsed and written
 * again.
 */
export async function dispatchApiCallAsJson(
  handlers: ApiHandlers,
  jsonHandlers: ApiJsonHandlers,
  methodName: string,
  rawInput: unknown,
  logInternalError: (error: unknown) => void = (error) => console.error(error),
): Promise<string> {
  const outcome = await runApiCall(
    methodName,
    rawInput,
    async (name, input) => {
      const jsonHandler = jsonHandlers[name] as ((input: unknown) => string | Promise<string>) | undefined;
      return jsonHandler ? { json: await jsonHandler(input) } : { value: await callHandler(handlers, name, input) };
    },
    logInternalError,
  );
  if ('json' in outcome) return `{"ok":true,"value":${outcome.json}}`;
  if ('value' in outcome) return JSON.stringify({ ok: true, value: outcome.value });
  return JSON.stringify(outcome);
}
