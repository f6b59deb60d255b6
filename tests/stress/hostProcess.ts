import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLoopbackHost } from '../../main/host/loopbackHost';
import { openServices } from '../../main/services/index';
import { suggestionKinds } from '../../common/suggestions/types';

/**
 * The loopback host as the stress script runs it: its own process over the services on the database named by
 * the first argument, with a stand-in renderer (the stress script only calls the API), printing one JSON line
 * with its port and token once it listens. The stress script watches its memory and notices when it dies.
 *
 * Usage: tsx tests/stress/hostProcess.ts <database path> <work folder> [on|off: suggestions on import, on by default]
 */

const [databasePath, workDir, suggestionsArgument = 'on'] = process.argv.slice(2);
if (!databasePath || !workDir) throw new Error('Usage: hostProcess.ts <database path> <work folder> [on|off]');
const rendererDir = join(workDir, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Newsroom Annotator</title>');
const services = openServices({ databasePath, userName: 'stress tester' });
// Suggestions on import (every kind), as a new desk has them, unless the stress run was asked for them off.
const suggestions = suggestionsArgument === 'on';
await services.handlers.setPreferences({ suggestions: { onImport: suggestions, onOpen: false, kinds: suggestions ? [...suggestionKinds] : [] } });
const host = await startLoopbackHost({ services, port: 0, rendererDir });
process.stdout.write(`${JSON.stringify({ port: host.port, token: host.token, pid: process.pid })}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => {
    services.close();
    process.exit(0);
  });
});
