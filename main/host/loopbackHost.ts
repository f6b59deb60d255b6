import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { maxImportBytes, type ApiErrorCode, type ApiResult } from '../../common/api';
import { dispatchApiCall, dispatchApiCallAsJson, type ApiHandlers, type ApiJsonHandlers } from '../services/apiDispatch';
import { contentSecurityPolicy } from '../../common/contentSecurityPolicy';
import { jsonTextChunks } from './jsonTextChunks';

/**
 * The loopback host: the built renderer and the same services the Electron window uses, served over HTTP on
 * 127.0.0.1 only, so the real app runs in a browser (end-to-end tests, machines without Electron). Every API
 * call needs the per-run token; the Host and Origin checks stop other web pages from reaching it through DNS
 * rebinding or cross-site requests.
 */

/** The largest request body accepted: a base64-encoded file at the import limit, plus room for JSON and documents. */
export const maxRequestBytes = Math.ceil((maxImportBytes * 4) / 3) + 2 * 1024 * 1024;

/** What the host needs from the services: only the handlers; opening and closing them is the caller's job. */
export interface HostedServices {
  handlers: ApiHandlers;
  jsonHandlers: ApiJsonHandlers;
}

/** Options for {@link startLoopbackHost}. */
export interface LoopbackHostOptions {
  services: HostedServices;
  /** The port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The built renderer (out/renderer), served as static files. */
  rendererDir: string;
}

/** A running loopback host. */
export interface LoopbackHost {
  /** The address to open, carrying the token in its `token` query parameter. */
  url: string;
  port: number;
  token: string;
  /** Stops listening and drops open connections; the services stay open. */
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const apiPathPattern = /^\/api\/([A-Za-z0-9_]{1,100})$/;

/** Compares two secrets in time independent of where they differ; hashing first hides their lengths too. */
function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendJson(response: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function sendError(response: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

// How much JSON text is gathered before it is written to the socket.
const chunkedWriteLength = 256 * 1024;

// Resolves when the response's socket can take more, or has closed (a client that went away never drains).
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolveWait) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolveWait();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Sends an API answer as JSON text written piece by piece (see jsonTextChunks.ts), waiting for the socket
 * to drain between pieces: an export's files are sent without an escaped copy of them in memory. The pieces
 * joined are the text `sendJson` would send.
 */
async function sendJsonInChunks(response: ServerResponse, result: ApiResult<unknown>): Promise<void> {
  response.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  if (response.req.method === 'HEAD') {
    response.end();
    return;
  }
  let gathered = '';
  for (const piece of jsonTextChunks(result)) {
    gathered += piece;
    if (gathered.length < chunkedWriteLength) continue;
    const flushed = response.write(gathered);
    gathered = '';
    if (!flushed) await drainedOrClosed(response);
    if (response.destroyed) return;
  }
  response.end(gathered);
}

/** Reads a request body up to `limit` bytes; resolves null when it is larger. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      resolvePromise(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Starts the loopback host on 127.0.0.1 and resolves once it listens. The token is fresh for every run and
 * appears only in the returned URL; requests are accepted only from the app's own origin.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  // Resolving symlinks once lets the traversal check compare real paths.
  const rendererRoot = await realpath(resolve(options.rendererDir));
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request.');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request.');
      return;
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const notFound = () => send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    const candidate = resolve(rendererRoot, relative);
    const inside = (path: string) => path.startsWith(rendererRoot + sep);
    if (!inside(candidate)) return notFound();
    let filePath: string;
    let size: number;
    try {
      // The real path is checked again so that a symlink cannot point outside the renderer folder.
      filePath = await realpath(candidate);
      const info = await stat(filePath);
      // Folders are never listed.
      if (!inside(filePath) || !info.isFile()) return notFound();
      size = info.size;
    } catch {
      return notFound();
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size),
      // The renderer is rebuilt between runs; always revalidating keeps a stale bundle from loading.
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(filePath)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, methodName: string): Promise<void> {
    const authorization = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(authorization);
    if (!match?.[1] || !secretsEqual(match[1], token)) {
      sendError(response, 401, 'invalid_argument', 'Missing or wrong token: open the address printed by `npm run serve`, with its token.');
      return;
    }
    // A cross-site form cannot send JSON, so insisting on it closes one more door.
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendError(response, 415, 'invalid_argument', 'API requests must be JSON (Content-Type: application/json).');
      return;
    }
    const body = await readBody(request, maxRequestBytes);
    if (body === null) {
      sendError(response, 413, 'too_large', 'The request is larger than the import limit.');
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(response, 400, 'invalid_argument', 'The request body is not valid JSON.');
      return;
    }
    // Typed failures are answers, not transport errors: they travel with status 200 like any ApiResult.
    const { handlers, jsonHandlers } = options.services;
    // The export route: an export's files are the largest answer the app gives, so they go out in pieces.
    if (methodName === 'exportArticle') {
      await sendJsonInChunks(response, await dispatchApiCall(handlers, methodName, input));
      return;
    }
    send(response, 200, 'application/json; charset=utf-8', await dispatchApiCallAsJson(handlers, jsonHandlers, methodName, input));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding defence: a hostile page that resolves its own name to 127.0.0.1 still sends its own Host.
    const host = request.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(response, 421, 'text/plain; charset=utf-8', 'Misdirected request.');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      send(response, 403, 'text/plain; charset=utf-8', 'Forbidden origin.');
      return;
    }
    const method = request.method ?? '';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.', { Allow: 'GET, HEAD, POST' });
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', `http://${host}`).pathname;
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request.');
      return;
    }
    if (pathname === '/healthz' && method !== 'POST') {
      send(response, 200, 'text/plain; charset=utf-8', 'ok');
      return;
    }
    if (pathname.startsWith('/api/')) {
      const apiMatch = apiPathPattern.exec(pathname);
      if (method !== 'POST') {
        send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.', { Allow: 'POST' });
        return;
      }
      if (!apiMatch?.[1]) {
        sendError(response, 404, 'invalid_argument', 'Unknown API path.');
        return;
      }
      await serveApi(request, response, apiMatch[1]);
      return;
    }
    if (method === 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    await serveStatic(request, response, pathname);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendError(response, 500, 'internal', 'The server failed to answer.');
      else response.destroy();
    });
  });
  // Slow or stalled clients must not hold a connection open forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}
