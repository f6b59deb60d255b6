import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Whether Electron's binary is installed; then `npm start` would really open the app, so these tests skip. */
function electronBinaryPresent(): boolean {
  const pathFile = join(projectRoot, 'node_modules', 'electron', 'path.txt');
  return existsSync(pathFile) && existsSync(join(projectRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()));
}

const emptyCache = mkdtempSync(join(tmpdir(), 'annotator-electron-cache-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));

function runLauncher(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'main/launcher/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr });
    });
  });
}

describe.skipIf(electronBinaryPresent())('npm start without Electron', () => {
  it('stops with exit code 1 and names npm run serve when the download is switched off', async () => {
    const { code, stderr } = await runLauncher({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(code).toBe(1);
    expect(stderr).toContain("Electron's binary could not be found or downloaded");
    expect(stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(stderr).toContain('npm run serve');
  });

  it('stops with exit code 1 and names npm run serve when the download fails', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // An unreachable mirror and an empty cache make the download fail the same way with or without internet.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      npm_config_electron_mirror: 'http://127.0.0.1:9/',
      electron_config_cache: emptyCache,
    };
    delete env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
    const { code, stderr } = await runLauncher(env);
    expect(code).toBe(1);
    expect(stderr).toContain('The download failed');
    expect(stderr).toContain('npm run serve');
  });
});

describe('the build `npm start` runs', () => {
  const preloadBundle = join(projectRoot, 'out', 'preload', 'index.cjs');

  // A sandboxed preload can require only 'electron'; any other require (zod, via common/api) fails at start.
  it.skipIf(!existsSync(preloadBundle))('has a preload that requires nothing but electron', () => {
    const required = [...readFileSync(preloadBundle, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required.filter((name) => name !== 'electron')).toEqual([]);
  });
});
