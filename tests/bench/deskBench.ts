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
  service: (services: AppServices, library: DeskLibrary) => unknown;
  // The view's URL hash, and CSS selectors that all match once its results are painted (and not before).
  hash: (library: DeskLibrary) => string;
  painted: string[];
  // Where the round starts (default: the trash, an empty view, so the view paints from scratch), and what shows it
  // is there. A search starts in the library, as an editor types one there.
  from?: { hash: string; painted: string[] };
  // A selector whose text must change from what the starting view showed (a result count), and not say "Searching".
  textChanges?: string;
}

/** A desk figure: the median of the service call and of the route painted in the browser. */
export interface DeskFigure {
  label: string;
  serviceMs: number;
  paintedMs: number;
}

// Milliseconds from setting the hash to the frame painted after every `painted` selector matches, measured in the page.
async function timeRouteToPaint(page: Page, hash: string, painted: string[], textChanges?: string): Promise<number> {
  return page.evaluate(
    async ({ hash, painted, textChanges }) => {
      const textNow = () => (textChanges ? document.querySelector(textChanges)?.textContent ?? '' : '');
      const textBefore = textNow();
      const start = performance.now();
      window.location.hash = hash;
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`${painted.join(', ')} not painted within 60 s`)), 60_000);
        const check = () => {
          const text = textNow();
          const changed = !textChanges || (text !== textBefore && !text.includes('Searching'));
          if (!changed || !painted.every((selector) => document.querySelector(selector))) return requestAnimationFrame(check);
          clearTimeout(timeout);
          resolve();
        };
        check();
      });
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - start;
    },
    { hash, painted, textChanges: textChanges ?? null },
  );
}

/**
 * The desk's views on a generated library of 10,000 articles (800 words, 30 tags each) and 20,000 entities: each
 * view's service call in Node and its route painted in headless Chromium through the loopback host, medians of
 * five rounds. Each round starts from another view (the trash, an empty one, so the view paints from scratch; the
 * library for a search), so every round paints its result anew.
 */
export async function benchDesk(measures: DeskMeasure[], log: (line: string) => void): Promise<DeskFigure[]> {
  log(`Building or reusing the desk library (${benchDeskShape.articles.toLocaleString('en')} articles, ${benchDeskShape.entities.toLocaleString('en')} entities)...`);
  const library = await deskLibrary(benchDeskShape, log);
  const session = await startBrowserSession({ databasePath: library.databasePath });
  session.page.setDefaultTimeout(120_000);
  try {
    const figures: DeskFigure[] = [];
    for (const measure of measures) {
      const service: number[] = [];
      const painted: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        await measure.service(session.services, library);
        service.push(performance.now() - started);
        const from = measure.from ?? { hash: '#/trash', painted: ['.trash'] };
        await session.page.evaluate(async (hash) => {
          window.location.hash = hash;
          // Two frames, so the view has started loading what the new address asks for before it is waited on.
          for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
        }, from.hash);
        await session.page.waitForFunction(
          (selectors) => selectors.every((selector) => document.querySelector(selector)) && !document.querySelector('.result-range')?.textContent?.includes('Searching'),
          from.painted,
        );
        painted.push(await timeRouteToPaint(session.page, measure.hash(library), measure.painted, measure.textChanges));
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

const hub = (library: DeskLibrary) => encodeURIComponent(library.hubEntityId);
// Every article listed, its first page painted: where an editor starts a search.
const inTheLibrary = { hash: '#/library', painted: ['.library-table tbody tr'] };

/** The desk figures: a search filtered by entity, the audit, the checklist, an entity page, the review queue. */
export const deskMeasures: DeskMeasure[] = [
  {
    label: 'library: articles mentioning one entity (2,000)',
    service: (services, library) => services.handlers.searchArticles({ selection: { entityId: library.hubEntityId }, offset: 0, limit: 50 }),
    hash: (library) => `#/library?entityId=${hub(library)}`,
    painted: ['.library-table tbody tr'],
    from: inTheLibrary,
    textChanges: '.result-range',
  },
  {
    label: 'library: a word in 1 article in 100, with excerpts',
    service: (services, library) => services.handlers.searchArticles({ selection: { query: library.rareWord }, offset: 0, limit: 50 }),
    hash: (library) => `#/library?query=${library.rareWord}`,
    painted: ['.library-table tbody tr mark'],
    from: inTheLibrary,
    textChanges: '.result-range',
  },
  {
    label: 'sourcing audit of every article',
    service: (services) => services.handlers.sourcingAudit({ selection: {} }),
    hash: () => '#/audit',
    painted: ['.audit-chart canvas'],
  },
  {
    label: 'figures checklist of every article',
    service: (services) => services.handlers.figuresChecklist({ selection: {}, verification: 'open', flaggedOnly: false, order: 'article', descending: true, page: 0, pageSize: 50 }),
    hash: () => '#/figures',
    painted: ['.figures-list[aria-busy="false"] tr.figure-row'],
  },
  {
    label: 'entity page, 2,000 mentions',
    service: async (services, library) =>
      Promise.all([
        services.handlers.getEntityPage({ id: library.hubEntityId }),
        services.handlers.listEntityMentions({ id: library.hubEntityId, offset: 0, limit: 50 }),
        services.handlers.listEntityQuotes({ id: library.hubEntityId, offset: 0, limit: 50 }),
      ]),
    hash: (library) => `#/entity/${hub(library)}`,
    painted: ['.entity-page:not([aria-busy]) .timeline-table', '.co-mentions', '.mention-sentence'],
  },
  {
    label: 'review queue of every article',
    service: (services) => services.handlers.listReviewQueue({ selection: {}, show: 'both', offset: 0, limit: 100 }),
    hash: () => '#/review',
    painted: ['.review-item', '.review-summary'],
  },
];
