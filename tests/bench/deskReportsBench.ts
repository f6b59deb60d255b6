/**
 * `npx tsx tests/bench/deskReportsBench.ts`: the desk's two reports (the sourcing audit and the figures checklist)
 * on the desk bench library: the checklist's first call on freshly opened services (cold), then each report's
 * service call and its route painted in headless Chromium through the loopback host (medians). Needs
 * `npm run build` first. Works on a copy of the library, which is read-only for benches.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../main/services/index';
import { benchDesk, printDeskTable, type DeskMeasure } from './deskBench';
import { benchDeskShape, deskLibrary } from './deskLibrary';

const log = (line: string) => process.stderr.write(`${line}\n`);

const measures: DeskMeasure[] = [
  {
    label: 'sourcing audit (overview, charts)',
    service: async (services) => services.handlers.sourcingAudit({ selection: {} }),
    hash: () => '#/audit',
    painted: '.audit-view [role="tabpanel"] canvas',
  },
  {
    label: 'sourcing audit (speakers table)',
    service: async (services) => services.handlers.sourcingAudit({ selection: {} }),
    hash: () => '#/audit?tab=speakers',
    painted: '.audit-view [role="tabpanel"] table tbody tr',
  },
  {
    // The audit is kept until anything is written: a write after the timed call makes the painted round count again.
    label: 'sourcing audit after a write',
    service: async (services) => {
      const audit = await services.handlers.sourcingAudit({ selection: {} });
      const preferences = await services.handlers.getPreferences({});
      await services.handlers.setPreferences({ suggestions: preferences.suggestions });
      return audit;
    },
    hash: () => '#/audit',
    painted: '.audit-view [role="tabpanel"] canvas',
  },
  {
    label: 'figures checklist (first page)',
    service: async (services) =>
      services.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 }),
    hash: () => '#/figures',
    painted: '.figures-list[aria-busy="false"]',
  },
];

const shared = await deskLibrary(benchDeskShape, log);
const workDir = mkdtempSync(join(tmpdir(), 'desk-reports-bench-'));
const databasePath = join(workDir, 'desk.sqlite');
copyFileSync(shared.databasePath, databasePath);
try {
  // Cold: the first checklist call right after the services open, before any background warm-up ran.
  const services = openServices({ databasePath, userName: 'bench', seedDemo: false });
  let started = performance.now();
  await services.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 });
  const coldChecklist = performance.now() - started;
  started = performance.now();
  await services.handlers.sourcingAudit({ selection: {} });
  const firstAudit = performance.now() - started;
  services.close();
  console.log(`figures checklist, first call on opened services: ${coldChecklist.toFixed(1)} ms`);
  console.log(`sourcing audit, first call on opened services: ${firstAudit.toFixed(1)} ms`);
  printDeskTable(await benchDesk(measures, log, { ...shared, databasePath }));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
