import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { userPath } from '../services/userPath';
import { openServices, type AppServices } from '../services/index';
import { defaultDatabasePath } from '../store/defaultDatabasePath';
import { startLoopbackHost, type LoopbackHost } from './loopbackHost';

/**
 * `npm run serve -- [--db FILE] [--port N]`: runs the app in a browser through the loopback host. The URL with
 * the token is printed on a line of its own, so scripts and tests can pick it out. `--renderer DIR` points at
 * another renderer build (used by tests).
 */

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function parseCommandLine(): { databasePath: string; port: number; rendererDir: string } {
  let values: { db?: string; port?: string; renderer?: string };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: npm run serve -- [--db FILE] [--port N]`, 2);
  }
  const port = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`, 2);
  return {
    // Relative to the folder npm was run from (INIT_CWD), as the CLI resolves them.
    databasePath: values.db ? userPath(values.db) : defaultDatabasePath(),
    port,
    rendererDir: values.renderer ? userPath(values.renderer) : join(projectRoot, 'out', 'renderer'),
  };
}

// The same address on every run when it is free: the browser keeps its journal of unsaved work per address
// (origin and port), so after a restart the editor finds what the old run had not saved.
const defaultPort = 5183;

async function main(): Promise<void> {
  const { databasePath, port, rendererDir } = parseCommandLine();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(
      `The renderer is not built: ${join(rendererDir, 'index.html')} is missing.\n` +
        'Build it with `npm run build` (or start with `npm run serve`, which builds it first).',
    );
  }

  let services: AppServices;
  try {
    services = openServices({ databasePath, seedDemo: true });
  } catch (error) {
    fail(`Cannot open the database ${databasePath}: ${(error as Error).message}`);
  }

  services.startBackups();
  let host: LoopbackHost;
  try {
    host = await startLoopbackHost({ services, port, rendererDir }).catch((error: NodeJS.ErrnoException) => {
      // The usual port taken (another run): any free one, which works but starts a journal of its own.
      if (port !== defaultPort || error.code !== 'EADDRINUSE') throw error;
      console.error(`Port ${defaultPort} is in use, so another one is used; unsaved work kept by a browser for port ${defaultPort} shows again there.`);
      return startLoopbackHost({ services, port: 0, rendererDir });
    });
  } catch (error) {
    services.close();
    fail(`Cannot start the server on 127.0.0.1 port ${port}: ${(error as Error).message}`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .catch(() => undefined)
      .finally(() => {
        // Closing the database checkpoints the WAL, so the file is whole when the process ends.
        services.close();
        process.stdout.write(`Stopped (${signal}).\n`);
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);

  process.stdout.write(
    `Newsroom Annotator is running. Open this address in a browser (it carries this run's access token):\n` +
      `${host.url}\n` +
      `Database: ${databasePath}\n` +
      'Press Ctrl+C to stop.\n',
  );
}

main().catch((error: unknown) => fail(`The server failed: ${(error as Error)?.stack ?? String(error)}`));
