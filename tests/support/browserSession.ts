import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openServices, type AppServices } from '../../main/services/index';
import { startLoopbackHost, type LoopbackHost } from '../../main/host/loopbackHost';
import { suggestionKinds } from '../../common/suggestions/types';
import { requireBrowserExecutable } from './browserExecutable';
import { importedArticle } from './importedArticle';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedRoot = resolve(projectRoot, '../shared');
export const sampleArticlePath = join(sharedRoot, 'samples', 'ghouta-evacuation.txt');
const rendererDir = join(projectRoot, 'out', 'renderer');

/** The flags headless Chromium needs here (no sandbox as root, no background traffic); the browser is found by `requireBrowserExecutable`. */
export const chromiumLaunchOptions = {
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The real renderer in headless Chromium, talking to real services on a real SQLite file via the loopback host. */
export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  services: AppServices;
  host: LoopbackHost;
  databasePath: string;
  // Stops the services and host and starts them again on the same database: the app closed and reopened.
  restartApp(): Promise<void>;
  // Stops the host and the services (a crash of the host, as the page sees it).
  stopHost(): Promise<void>;
  // Starts services and a host on the same database and port, with a new token; the page is left as it is.
  startHostOnSamePort(): Promise<void>;
  close(): Promise<void>;
}

/** Starts services on a fresh database (or `databasePath`), the loopback host and Chromium, and opens the app. */
export async function startBrowserSession(
  options: {
    seedDemo?: boolean;
    databasePath?: string;
    viewport?: { width: number; height: number };
    // Suggestions on import and on open, as a new desk has them. Off unless asked for: tests of tagging by hand
    // expect only the tags they make.
    suggestions?: boolean;
  } = {},
): Promise<BrowserSession> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The renderer is not built: run `npx electron-vite build` (npm test does it first).');
  // Before anything starts, so a machine without a browser fails with the one line that says what to install.
  const executablePath = requireBrowserExecutable();
  const workDir = mkdtempSync(join(tmpdir(), 'annotator-e2e-'));
  const databasePath = options.databasePath ?? join(workDir, 'annotator.sqlite');
  let services = openServices({ databasePath, userName: 'e2e editor', seedDemo: options.seedDemo ?? false });
  const suggestions = options.suggestions ?? false;
  await services.handlers.setPreferences({ suggestions: { onImport: suggestions, onOpen: suggestions, kinds: [...suggestionKinds] } });
  let host = await startLoopbackHost({ services, rendererDir });
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    ...chromiumLaunchOptions,
    executablePath,
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  // tsx (used by the benchmark) compiles with keepNames, which wraps functions sent to page.evaluate in __name().
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(host.url);
  const session: BrowserSession = {
    page,
    context,
    get services() {
      return services;
    },
    get host() {
      return host;
    },
    databasePath,
    async restartApp() {
      await host.close();
      services.close();
      services = openServices({ databasePath, userName: 'e2e editor', seedDemo: options.seedDemo ?? false });
      host = await startLoopbackHost({ services, rendererDir });
      await page.goto(host.url);
    },
    async stopHost() {
      await host.close();
      services.close();
    },
    async startHostOnSamePort() {
      services = openServices({ databasePath, userName: 'e2e editor', seedDemo: options.seedDemo ?? false });
      host = await startLoopbackHost({ services, rendererDir, port: host.port });
    },
    async close() {
      await context.close();
      await host.close();
      services.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Imports the sample article through the library's file input, as an editor would, and waits for the editor. */
export async function importSampleArticle(page: Page): Promise<void> {
  await page.getByLabel('Files to import').setInputFiles(sampleArticlePath);
  await page.locator('.ProseMirror').waitFor();
}

/** Imports `text` through the services (a long article in a moment) and opens it from the library, as an editor would. */
export async function openImportedText(session: BrowserSession, text: string): Promise<void> {
  const summary = importedArticle(await session.services.handlers.importText({ text, onDuplicate: 'copy' }));
  await session.page.goto(session.host.url);
  await session.page.locator(`tr[data-article-id="${summary.id}"] .article-link`).click();
  await session.page.locator('.ProseMirror p').first().waitFor();
}

/**
 * Selects `text` (its `occurrence`-th appearance) inside the editor with a real DOM selection. Text out of
 * sight is scrolled to first, as an editor would, and selected once the editor has painted it editable.
 */
export async function selectTextInEditor(page: Page, text: string, occurrence = 0): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const found = await selectTextInEditorOnce(page, text, occurrence, attempt === 0);
    if (found === 'ok') break;
    if (found !== 'not painted yet' || attempt > 50) throw new Error(found);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  // ProseMirror reads DOM selection changes asynchronously.
  await page.waitForTimeout(60);
}

function selectTextInEditorOnce(page: Page, text: string, occurrence: number, scrollFirst: boolean): Promise<string> {
  return page.evaluate(
    ({ text, occurrence, scrollFirst }) => {
      const root = document.querySelector('.ProseMirror');
      if (!root) return 'no editor';
      // Walk text nodes, building the editor's text with offsets, to find matches across tag boundaries.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: all.length });
        all += (node as Text).data;
      }
      let index = -1;
      for (let seen = 0; seen <= occurrence; seen++) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return `"${text}" not found`;
      }
      const locate = (offset: number, preferEnd: boolean) => {
        for (const entry of nodes) {
          const end = entry.start + entry.node.data.length;
          if (offset < end || (preferEnd && offset === end)) return { node: entry.node, offset: offset - entry.start };
        }
        const last = nodes[nodes.length - 1]!;
        return { node: last.node, offset: last.node.data.length };
      };
      const start = locate(index, false);
      const end = locate(index + text.length, true);
      const block = start.node.parentElement!;
      const box = block.getBoundingClientRect();
      if (scrollFirst && (box.bottom < 0 || box.top > window.innerHeight)) block.scrollIntoView({ block: 'center' });
      // Far from the viewport the editor draws text plain and not editable, until it has painted it.
      if (!block.isContentEditable) return 'not painted yet';
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection()!;
      (root as HTMLElement).focus();
      selection.removeAllRanges();
      selection.addRange(range);
      return 'ok';
    },
    { text, occurrence, scrollFirst },
  );
}

/** Puts the caret right before (or after) `text` in the editor. */
export async function placeCaret(page: Page, text: string, where: 'before' | 'after', occurrence = 0): Promise<void> {
  await selectTextInEditor(page, text, occurrence);
  await page.keyboard.press(where === 'before' ? 'ArrowLeft' : 'ArrowRight');
  await page.waitForTimeout(30);
}

/** The texts of every highlight of one annotation id, as the page shows them. */
export async function highlightTexts(page: Page, annotationId: string): Promise<string> {
  return page.evaluate((id) => [...document.querySelectorAll(`.ProseMirror [data-ann-id="${id}"][data-ann-part="content"]`)].map((el) => el.textContent).join(''), annotationId);
}

/** The words of the tag the editor shows selected (outlined, in the inspector); '' when none is. */
export async function selectedTagText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const id = document.querySelector<HTMLElement>('.ProseMirror')?.dataset.selectedAnnotation;
    return id ? [...document.querySelectorAll(`.ProseMirror [data-ann-id="${id}"][data-ann-part="content"]`)].map((el) => el.textContent).join('') : '';
  });
}

/** Ids of the annotations the page highlights with `label`, and the words each covers. */
export async function highlightsWithLabel(page: Page, label: string): Promise<Map<string, string>> {
  const pairs = await page.evaluate((label) => {
    const byId = new Map<string, string>();
    for (const el of document.querySelectorAll<HTMLElement>(`.ProseMirror [data-ann-label="${label}"][data-ann-part="content"]`)) {
      byId.set(el.dataset.annId!, (byId.get(el.dataset.annId!) ?? '') + el.textContent);
    }
    return [...byId.entries()];
  }, label);
  return new Map(pairs);
}

/** Waits until the save indicator says everything is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.getByRole('status', { name: 'Save status' }).filter({ hasText: /^Saved/ }).waitFor({ timeout: 15_000 });
}

/** Opens the demo article (Millbrook library), from the library or as the first start opens it by itself. */
export async function openDemoArticle(page: Page): Promise<void> {
  const openButton = page.getByRole('button', { name: /^Open Millbrook library/ });
  await page.locator('.ProseMirror').or(openButton).first().waitFor();
  if (await openButton.isVisible()) await openButton.click();
  await page.locator('.ProseMirror').waitFor();
}
