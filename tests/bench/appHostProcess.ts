/**
 * The app's loopback host in a process of its own, run as `npm run serve` runs it (tsx), on the bench's
 * database: its resident memory with an article open is the services' and the host's alone, not the bench
 * process's, which also holds the generated articles and drives Chromium.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { residentBytesOf } from './floor/floorHost';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The host's address (with its token), its resident memory, and how to stop it. */
export interface AppHostProcess {
  url: string;
  // Resident memory of the host's process, in bytes.
  residentBytes(): number;
  close(): Promise<void>;
}

/** Starts the host on `databasePath` (which another process may have open: SQLite in WAL mode) on a free port. */
export async function startAppHostProcess(databasePath: string): Promise<AppHostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'main/host/serveCommand.ts'), '--db', databasePath, '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, INIT_CWD: projectRoot },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error('The app host exited before printing its address.')));
    // The address is printed on a line of its own (serveCommand.ts).
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('http://127.0.0.1:')) resolveUrl(line.trim());
    });
  });
  return {
    url,
    residentBytes: () => residentBytesOf(child.pid!),
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
