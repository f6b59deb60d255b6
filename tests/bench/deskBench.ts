import type { Page } from 'playwright-core';
import type { AppServices } from '../../main/services/index';
import { startBrowserSession } from '../support/browserSession';
import { deskLibrary, benchDeskShape, type DeskLibrary } from './deskLibrary';
import { median } from './stats';

const rounds = 5;

/** One desk view as the bench opens it: its service call in Node, and its route painted in the browser. */
export interface DeskMeasure {
  label: string;
  // The service call behind the view, timed in Node on the same database.
  service: (services: AppServices, library: DeskLibrary) => Promise<unknown>;
  // The view's URL hash, and a CSS selector that exists once its results are painted (and not before).
  hash: (library: DeskLibrary) => string;
  painted: string;
}

/** A desk figure: the median of the service call and of the route painted in the browser. */
export interface DeskFigure {
  label: string;
  serviceMs: number;
  paintedMs: number;
}

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

/**
 * The desk's views on a generated library of 10,000 articles (800 words, 30 tags each) and 20,000 entities: each
 * view's service call in Node and its route painted in headless Chromium through the loopback host, medians of
 * five rounds. Between rounds the page goes to the trash (an empty view), so every round paints from scratch.
 */
export async function benchDesk(measures: DeskMeasure[], log: (line: string) => void, given?: DeskLibrary): Promise<DeskFigure[]> {
  log(`Building or reusing the desk library (${benchDeskShape.articles.toLocaleString('en')} articles, ${benchDeskShape.entities.toLocaleString('en')} entities)...`);
  // A copy of the library can be given, since a session writes to its database (preferences at least).
  const library = given ?? (await deskLibrary(benchDeskShape, log));
  const session = await startBrowserSession({ databasePath: library.databasePath });
  try {
    const figures: DeskFigure[] = [];
    for (const measure of measures) {
      const service: number[] = [];
      const painted: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        await measure.service(session.services, library);
        service.push(performance.now() - started);
        await session.page.evaluate(() => {
          window.location.hash = '#/trash';
        });
        await session.page.getByRole('heading', { name: /Trash/ }).first().waitFor();
        painted.push(await timeRouteToPaint(session.page, measure.hash(library), measure.painted));
      }
      figures.push({ label: measure.label, serviceMs: median(service), paintedMs: median(painted) });
    }
    return figures;
  } finally {
    await session.close();
  }
}

/** Prints the desk figures as a table. */
export function printDeskTable(figures: DeskFigure[]): void {
  const width = Math.max(...figures.map((figure) => figure.label.length));
  console.log(`\nThe desk's views: ${benchDeskShape.articles.toLocaleString('en')} articles, ${benchDeskShape.entities.toLocaleString('en')} entities (medians of ${rounds}; ms)`);
  console.log(`${'view'.padEnd(width)}  ${'service'.padStart(8)}  ${'painted'.padStart(8)}`);
  for (const figure of figures) console.log(`${figure.label.padEnd(width)}  ${figure.serviceMs.toFixed(1).padStart(8)}  ${figure.paintedMs.toFixed(1).padStart(8)}`);
}
