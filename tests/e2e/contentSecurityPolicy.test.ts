import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// The app's strict CSP forbids eval; a library that probes for it (zod does, unless jitless) makes Chromium
// report a violation on every page, which buries real ones. The page must load and work without any.
// Chromium fires `securitypolicyviolation` in the page for every violation, including ones whose error the
// script catches; it no longer logs them to the console that playwright or the DevTools Log domain see (they go
// to the DevTools Issues panel), so the event is what this test listens to.
describe('the app under its Content-Security-Policy', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
    await session.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
    });
    // Loaded again at the library, so the listener sees the page from its first script on (a new user's first
    // start may have moved to the demo article, which a plain reload would keep).
    await page.goto(`${session.host.url.split('#')[0]}#/library`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists, opens, edits and saves an article without a single CSP violation', async () => {
    await page.locator('.library-table .article-link').first().click();
    await page.locator('.ProseMirror').waitFor();
    await placeCaret(page, 'Millbrook', 'before');
    await page.keyboard.type('The ');
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.library-table tbody tr').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
