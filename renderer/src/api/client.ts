import {
  ApiError,
  apiErrorCodes,
  apiMethodNames,
  type AnnotatorApi,
  type AnnotatorBridge,
  type ApiMethodName,
  type ApiResult,
  type MenuCommand,
} from '../../../common/api';

/**
 * The renderer's one way to reach the services. Inside Electron it calls the preload bridge (`window.annotator`);
 * in a browser served by the loopback host it POSTs to `/api/<method>` with the run's token. Either way a call
 * resolves with its value or rejects with an ApiError.
 */

const tokenStorageKey = 'annotator.token';
let cachedToken: string | null | undefined;

/** Reads the token from the page address once, keeps it for reloads and takes it out of the visible URL. */
function loopbackToken(): string | null {
  if (cachedToken !== undefined) return cachedToken;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(tokenStorageKey, fromUrl);
    } catch {
      // Storage can be disabled; the token then lasts as long as this page.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    cachedToken = fromUrl;
    return cachedToken;
  }
  try {
    cachedToken = sessionStorage.getItem(tokenStorageKey);
  } catch {
    cachedToken = null;
  }
  return cachedToken;
}

/** What a call answered with "wrong token" says: the host restarted, and where the unsaved work is. */
export const restartedHostMessage =
  'The app server was restarted, so this page’s key no longer works. Your unsaved changes are kept in this browser: open the new address printed by `npm run serve` and open the article again to have them restored';

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (record.ok === true) return 'value' in record;
  return (
    record.ok === false &&
    typeof record.error?.message === 'string' &&
    (apiErrorCodes as readonly unknown[]).includes(record.error.code)
  );
}

/** Calls one method over HTTP; transport failures come back as envelopes too, so callers handle one shape. */
async function postApi(methodName: ApiMethodName, input: unknown): Promise<ApiResult<unknown>> {
  const token = loopbackToken();
  let response: Response;
  try {
    response = await fetch(`/api/${methodName}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Cannot reach the app server. Is `npm run serve` still running?' } };
  }
  const body: unknown = await response.json().catch(() => null);
  // A restarted host has a new token. Its own advice (open the printed address) is right, and nothing is lost
  // by following it: the unsaved work stays in this browser's journal and is replayed when the article opens.
  if (response.status === 401) return { ok: false, error: { code: 'internal', message: restartedHostMessage } };
  if (isApiResult(body)) return body;
  return { ok: false, error: { code: 'internal', message: `The app server answered with HTTP ${response.status}.` } };
}

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}

/** The preload bridge when the renderer runs inside Electron, else undefined. */
function electronBridge(): AnnotatorBridge | undefined {
  return window.annotator;
}

/**
 * Creates the typed API: one async function per contract method. It uses the Electron bridge when present and
 * the loopback host's HTTP routes otherwise.
 */
export function createApiClient(): AnnotatorApi {
  const bridge = electronBridge();
  // Taking the token out of the address at once keeps it out of bookmarks and screenshots.
  if (!bridge) loopbackToken();
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of apiMethodNames) {
    client[name] = bridge
      ? async (input) => unwrap(await (bridge[name] as (input: unknown) => Promise<ApiResult<unknown>>)(input))
      : async (input) => unwrap(await postApi(name, input));
  }
  return client as AnnotatorApi;
}

/**
 * Listens for commands from the native application menu and returns a function that stops listening. In a
 * browser there is no such menu, so it does nothing.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return electronBridge()?.onMenuCommand(listener) ?? (() => {});
}

/**
 * Registers the function that saves pending work when the Electron window closes; returns a function that
 * unregisters it. In a browser it does nothing: there the renderer must flush on `pagehide` itself.
 */
export function onFlushRequest(flush: () => Promise<void> | void): () => void {
  return electronBridge()?.onFlushRequest(flush) ?? (() => {});
}
