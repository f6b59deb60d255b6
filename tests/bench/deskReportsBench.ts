/**
 * `npx tsx tests/bench/deskReportsBench.ts [library.sqlite]`: the desk's two reports (the sourcing audit and the
 * figures checklist) on the desk bench library (or the file given): the first call of each on freshly opened
 * services, then each report's service call and its route painted in headless Chromium through the loopback host,
 * medians of five rounds. Needs `npm run build` first. Works on a copy of the library, which is read-only for benches.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openServices, type AppServices } from '../../main/services/index';
import { startBrowserSession } from '../support/browserSession';
import { benchDeskShape, deskLibrary } from './deskLibrary';
import { median } from './stats';

const rounds = 5;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface ReportMeasure {
  label: string;
  service: (services: AppServices) => Promise<unknown>;
  hash: string;
  // A CSS selector that exists once the report is painted, and not before.
  painted: string;
}

const checklistPage = { selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 } as const;

const measures: ReportMeasure[] = [
  { label: 'sourcing audit (overview, charts)', service: async (services) => services.handlers.sourcingAudit({ selection: {} }), hash: '#/audit', painted: '.audit-view [role="tabpanel"] canvas' },
  { label: 'sourcing audit (speakers table)', service: async (services) => services.handlers.sourcingAudit({ selection: {} }), hash: '#/audit?tab=speakers', painted: '.audit-view [role="tabpanel"] table tbody tr' },
  {
    // A report kept until anything is written would paint from memory: a write after the timed call makes the
    // painted round compute it again.
    label: 'sourcing audit after a write',
    service: async (services) => {
      const audit = await services.handlers.sourcingAudit({ selection: {} });
      const preferences = await services.handlers.getPreferences({});
      await services.handlers.setPreferences({ suggestions: preferences.suggestions });
      return audit;
    },
    hash: '#/audit',
    painted: '.audit-view [role="tabpanel"] canvas',
  },
  { label: 'figures checklist (first page)', service: async (services) => services.handlers.figuresChecklist(checklistPage), hash: '#/figures', painted: '.figures-list[aria-busy="false"]' },
];

// Milliseconds from setting the hash to the frame painted after `painted` appears, measured inside the page.
async function timeRouteToPaint(page: Page, hash: string, painted: string): Promise<number> {
  return page.evaluate(
    async ({ hash, painted }) => {
      const start = performance.now();
      window.location.hash = hash;
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector(painted) ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - start;
    },
    { hash, painted },
  );
}

const source = process.argv[2] ?? (await deskLibrary(benchDeskShape, log)).databasePath;
const workDir = mkdtempSync(join(tmpdir(), 'desk-reports-bench-'));
const databasePath = join(workDir, 'desk.sqlite');
copyFileSync(source, databasePath);
try {
  // The first calls right after the services open, before any background warm-up ran.
  const services = openServices({ databasePath, userName: 'bench', seedDemo: false });
  let started = performance.now();
  await services.handlers.figuresChecklist(checklistPage);
  console.log(`figures checklist, first call on opened services: ${(performance.now() - started).toFixed(1)} ms`);
  started = performance.now();
  await services.handlers.sourcingAudit({ selection: {} });
  console.log(`sourcing audit, first call on opened services: ${(performance.now() - started).toFixed(1)} ms`);
  services.close();

  const session = await startBrowserSession({ databasePath });
  try {
    console.log(`\n${'report'.padEnd(34)}  ${'service'.padStart(8)}  ${'painted'.padStart(8)}   (medians of ${rounds}; ms)`);
    for (const measure of measures) {
      const service: number[] = [];
      const painted: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = performance.now();
        await measure.service(session.services);
        service.push(performance.now() - start);
        // Between rounds the page goes to the trash (an empty view), so every round paints from scratch.
        await session.page.evaluate(() => (window.location.hash = '#/trash'));
        await session.page.getByRole('heading', { name: /Trash/ }).first().waitFor();
        painted.push(await timeRouteToPaint(session.page, measure.hash, measure.painted));
      }
      console.log(`${measure.label.padEnd(34)}  ${median(service).toFixed(1).padStart(8)}  ${median(painted).toFixed(1).padStart(8)}`);
    }
  } finally {
    await session.close();
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
