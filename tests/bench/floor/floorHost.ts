/**
 * Builds the plain-ProseMirror floor page with vite at bench time, writes the generated articles beside it
 * as JSON, and serves it from a child process of its own (so the floor has a resident memory to compare).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

const floorSource = dirname(fileURLToPath(import.meta.url));

/** The floor page served on loopback: its address, the server's resident memory, and how to stop it. */
export interface FloorHost {
  url: string;
  // Resident memory of the floor's server process, in bytes.
  residentBytes(): number;
  close(): void;
}

/** Reads a process's resident set size from /proc (Linux), in bytes. */
export function residentBytesOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Builds the floor page, writes each named article as `<name>.json` and starts its server. */
export async function startFloorHost(articles: Record<string, ProseMirrorNode>): Promise<FloorHost> {
  const outDir = mkdtempSync(join(tmpdir(), 'annotator-floor-'));
  await build({ root: floorSource, configFile: false, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: false, minify: true } });
  for (const [name, doc] of Object.entries(articles)) writeFileSync(join(outDir, `${name}.json`), JSON.stringify(doc.toJSON()));
  const server: ChildProcess = spawn(process.execPath, [join(floorSource, 'floorServer.mjs'), outDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`floor server exited (${code})`)));
    createInterface({ input: server.stdout! }).once('line', resolve);
  });
  return {
    url: `http://127.0.0.1:${port.trim()}/`,
    residentBytes: () => residentBytesOf(server.pid!),
    close() {
      server.kill();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
