/**
 * The crash loop as a stress run: `npx tsx tests/support/crashStress.ts [KILLS]` (100 by default) kills the
 * saving and importing worker that many times on one database and prints the counts. Exits 1 if anything
 * acknowledged was lost or the database failed its integrity check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashLoop } from './crashLoop';

const kills = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'annotator-crash-stress-'));
try {
  const started = Date.now();
  const result = await runCrashLoop({
    databasePath: join(dir, 'crash.sqlite'),
    kills,
    onKill: (kill, acknowledged) => process.stderr.write(`kill ${kill}/${kills}: ${acknowledged} acknowledged calls\n`),
  });
  console.log(`kills: ${result.kills}`);
  console.log(`acknowledged saves: ${result.acknowledgedSaves}`);
  console.log(`acknowledged imports: ${result.acknowledgedImports}`);
  console.log(`lost: ${result.lost.length}`);
  for (const problem of result.lost.slice(0, 20)) console.log(`  ${problem}`);
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = result.lost.length > 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
