/**
 * `npx tsx tests/bench/auditPaintProbe.ts [library.sqlite]`: where the audit's overview spends its time in the browser: the API
 * reply (resource timing) against the frame painted with the charts, on a copy of the desk bench library.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserSession } from '../support/browserSession';
import { benchDeskShape, deskLibrary } from './deskLibrary';

const source = process.argv[2] ?? (await deskLibrary(benchDeskShape, (line) => process.stderr.write(`${line}\n`))).databasePath;
const workDir = mkdtempSync(join(tmpdir(), 'audit-paint-probe-'));
const databasePath = join(workDir, 'desk.sqlite');
copyFileSync(source, databasePath);
const session = await startBrowserSession({ databasePath });
try {
  for (let round = 0; round < 5; round++) {
    await session.page.evaluate(() => (window.location.hash = '#/trash'));
    await session.page.getByRole('heading', { name: /Trash/ }).first().waitFor();
    const timing = await session.page.evaluate(async () => {
      performance.clearResourceTimings();
      const start = performance.now();
      window.location.hash = '#/audit';
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('.audit-view [role="tabpanel"] canvas') ? resolve() : requestAnimationFrame(check));
        check();
      });
      const inDom = performance.now() - start;
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const painted = performance.now() - start;
      const reply = performance.getEntriesByType('resource').find((entry) => entry.name.includes('sourcingAudit')) as PerformanceResourceTiming | undefined;
      return { requestStart: reply ? reply.startTime - start : -1, replyEnd: reply ? reply.responseEnd - start : -1, bytes: reply?.encodedBodySize ?? -1, inDom, painted };
    });
    console.log(Object.entries(timing).map(([key, value]) => `${key} ${value.toFixed(1)}`).join('  '));
  }
} finally {
  await session.close();
  rmSync(workDir, { recursive: true, force: true });
}
