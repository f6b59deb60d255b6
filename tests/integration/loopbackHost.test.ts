import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../main/host/loopbackHost';
import { contentSecurityPolicy } from '../../common/contentSecurityPolicy';
import { openServices, type AppServices } from '../../main/services/index';
import { dispatchApiCallAsJson } from '../../main/services/apiDispatch';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const strictPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends one request with full control of the path and headers (fetch would normalise or refuse them), on a
 * connection of its own: a kept-alive one could be closed by the host while this process, which runs the host
 * too, is busy in a long synchronous call, and then be reused for the next request (ECONNRESET).
 */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, agent: false, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let workDir: string;
let rendererDir: string;
let services: AppServices;
let host: LoopbackHost;

function callApi(method: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'annotator-host-'));
  // A stand-in renderer build, so these tests do not depend on electron-vite having run.
  rendererDir = join(workDir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom Annotator</title><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(workDir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(workDir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  services = openServices({ databasePath: join(workDir, 'annotator.sqlite'), seedDemo: false });
  host = await startLoopbackHost({ services, port: 0, rendererDir });
});

afterAll(async () => {
  await host?.close();
  services?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('loopback host', () => {
  it('listens on 127.0.0.1 and puts the token in the URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers /healthz without a token', async () => {
    const response = await send(host.port, { path: '/healthz' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('ok');
  });

  it('serves index.html with the strict security headers', async () => {
    const response = await send(host.port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<div id="root">');
    expect(contentSecurityPolicy).toBe(strictPolicy);
    expect(response.headers['content-security-policy']).toBe(strictPolicy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types and never lists folders', async () => {
    expect((await send(host.port, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send(host.port, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(host.port, { path: '/assets/' })).status).toBe(404);
    expect((await send(host.port, { path: '/assets' })).status).toBe(404);
    expect((await send(host.port, { path: '/missing.js' })).status).toBe(404);
    const head = await send(host.port, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(join(workDir, 'secret.txt'))}`,
      '/assets/link.txt',
      '/%00',
    ]) {
      const response = await send(host.port, { path });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('TOP SECRET');
    }
  });

  it('requires the token for API calls', async () => {
    const body = JSON.stringify({});
    const json = { 'Content-Type': 'application/json' };
    const missing = await send(host.port, { method: 'POST', path: '/api/listArticles', headers: json, body });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    for (const token of ['wrong', `${host.token.slice(0, -1)}x`, `${host.token}x`]) {
      const wrong = await send(host.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, Authorization: `Bearer ${token}` }, body });
      expect(wrong.status).toBe(401);
    }
    const query = await send(host.port, { method: 'POST', path: `/api/listArticles?token=${host.token}`, headers: json, body });
    expect(query.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const page = await send(host.port, { path: '/', headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(421);
      const api = await callApi('listArticles', {}, { Host: hostHeader });
      expect(api.status, hostHeader).toBe(421);
    }
    expect((await send(host.port, { path: '/healthz', headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin and accepts its own', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      const response = await callApi('listArticles', {}, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      expect((await callApi('listArticles', {}, { Origin: origin })).status, origin).toBe(200);
    }
  });

  it('runs real API calls against the services', async () => {
    const listed = await callApi('listArticles', {});
    expect(listed.status).toBe(200);
    expect(listed.headers['content-type']).toBe('application/json; charset=utf-8');
    const before = JSON.parse(listed.body) as { ok: true; value: Array<{ id: string }> };
    expect(before.ok).toBe(true);
    expect(Array.isArray(before.value)).toBe(true);

    const imported = JSON.parse((await callApi('importText', { text: 'Hello from the loopback host.\n\nA second paragraph.' })).body);
    expect(imported).toMatchObject({ ok: true, value: { id: expect.any(String) } });
    const after = JSON.parse((await callApi('listArticles', {})).body) as { ok: true; value: Array<{ id: string }> };
    expect(after.value.map((article) => article.id)).toContain(imported.value.id);
  });

  it('sends a large export in pieces whose text is byte for byte the whole answer', async () => {
    // 40,000 paragraphs with quotes, astral and right-to-left characters: several MB of HTML and JSON to escape.
    const text = `A long article\n\n${Array.from({ length: 40_000 }, (_, index) => `Paragraph ${index} says "مرحبا" 😀 & <b>.`).join('\n\n')}`;
    const imported = JSON.parse((await callApi('importText', { text, onDuplicate: 'copy' })).body) as { value: { id: string } };
    for (const format of ['html', 'json', 'conll'] as const) {
      const input = { id: imported.value.id, format };
      const answer = await callApi('exportArticle', input);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      // Written in pieces, so sent without a length; the same text as the services' own answer, written whole.
      expect(answer.headers['transfer-encoding']).toBe('chunked');
      expect(answer.body).toBe(await dispatchApiCallAsJson(services.handlers, services.jsonHandlers, 'exportArticle', input));
      expect(answer.body.length).toBeGreaterThan(1_000_000);
    }
    const missing = await callApi('exportArticle', { id: 'art_missing', format: 'html' });
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 60_000);

  it('answers bad calls with typed errors and keeps running', async () => {
    const unknown = JSON.parse((await callApi('dropAllTables', {})).body);
    expect(unknown).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('Unknown method') } });
    const proto = JSON.parse((await callApi('__proto__', {})).body);
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const badArgument = JSON.parse((await callApi('getArticle', { id: 42 })).body);
    expect(badArgument).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const missingArticle = JSON.parse((await callApi('getArticle', { id: 'no-such-article' })).body);
    expect(missingArticle.ok).toBe(false);

    const auth = { Authorization: `Bearer ${host.token}` };
    const notJson = await send(host.port, { method: 'POST', path: '/api/listArticles', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{not json' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const form = await send(host.port, { method: 'POST', path: '/api/listArticles', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const tooLarge = await send(host.port, {
      method: 'POST',
      path: '/api/importText',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: Buffer.alloc(12 * 1024 * 1024, 'a'),
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect((await send(host.port, { method: 'PUT', path: '/api/listArticles' })).status).toBe(405);
    expect((await send(host.port, { method: 'DELETE', path: '/' })).status).toBe(405);
    expect((await send(host.port, { method: 'GET', path: '/api/listArticles' })).status).toBe(405);
    expect((await send(host.port, { method: 'POST', path: '/api/a/b', headers: auth })).status).toBe(404);

    expect((await callApi('listArticles', {})).status).toBe(200);
  });
});

/**
 * Runs `serve` through tsx directly (not npx), so that signals reach the server process itself. `initCwd` is
 * the folder npm would report as the one the user ran it from.
 */
function startServe(args: string[], initCwd = projectRoot) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/serveCommand.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, INIT_CWD: initCwd },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolvePromise) => child.on('exit', (code) => resolvePromise(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm run serve', () => {
  it('prints the URL with its token on a line of its own and stops cleanly on SIGTERM', async () => {
    const databasePath = join(workDir, 'serve.sqlite');
    const serve = startServe(['--db', databasePath, '--port', '0', '--renderer', rendererDir]);
    const deadline = Date.now() + 30_000;
    let urlLine: string | undefined;
    while (!urlLine && Date.now() < deadline) {
      urlLine = serve.output().stdout.split('\n').find((line) => line.startsWith('http://127.0.0.1:'));
      if (!urlLine) await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    }
    expect(urlLine, serve.output().stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const url = new URL(urlLine!);
    const health = await send(Number(url.port), { path: '/healthz' });
    expect(health.body).toBe('ok');
    const listed = await fetch(new URL('/api/listArticles', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(((await listed.json()) as { ok: boolean }).ok).toBe(true);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(existsSync(databasePath)).toBe(true);
  });

  it('resolves a relative --db and --renderer against the folder npm was run from (INIT_CWD), as the CLI does', async () => {
    const serve = startServe(['--db', 'relative.sqlite', '--port', '0', '--renderer', 'renderer'], workDir);
    const deadline = Date.now() + 30_000;
    let databaseLine: string | undefined;
    while (!databaseLine && Date.now() < deadline) {
      databaseLine = serve.output().stdout.split('\n').find((line) => line.startsWith('Database: '));
      if (!databaseLine) await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    }
    expect(databaseLine, serve.output().stderr).toBe(`Database: ${join(workDir, 'relative.sqlite')}`);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(existsSync(join(workDir, 'relative.sqlite'))).toBe(true);
    expect(existsSync(join(projectRoot, 'relative.sqlite'))).toBe(false);
  });

  it('stops with a clear message when the renderer is not built', async () => {
    const serve = startServe(['--db', join(workDir, 'unbuilt.sqlite'), '--renderer', join(workDir, 'no-such-build')]);
    expect(await serve.exited).toBe(1);
    expect(serve.output().stderr).toContain('The renderer is not built');
    expect(serve.output().stderr).toContain('npm run build');
  });

  it('refuses a bad port with a usage message', async () => {
    const serve = startServe(['--port', 'eighty', '--renderer', rendererDir]);
    expect(await serve.exited).toBe(2);
    expect(serve.output().stderr).toContain('--port');
  });
});
