import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openImportedText, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// A long article: its suggestions take the pipeline long enough for the editor to type while they are computed.
describe('suggestions computed while the editor types', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    const paragraphs = Array.from({ length: 1500 }, (_, index) => `Report ${index}: Mayor Anna Berg told Reuters that ${index + 40} people left Millbrook on Monday.`);
    await openImportedText(session, `Harbour log\n\n${paragraphs.join('\n\n')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('wait while keys arrive (the editor asks the services to pause them), then land on the text as typed', async () => {
    const pauses: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/pauseSuggestions')) pauses.push(JSON.parse(request.postData() ?? '{}').forMs as number);
    });
    await placeCaret(page, 'Harbour log', 'after');
    await page.keyboard.press('Alt+Shift+U');
    await page.locator('.suggest-button', { hasText: 'Suggesting…' }).waitFor();
    for (const key of ' (draft)') {
      await page.keyboard.type(key);
      await page.waitForTimeout(120);
    }
    // Typing lasted about a second: the editor asked for a pause at its first key and again while it went on.
    expect(pauses.length).toBeGreaterThanOrEqual(2);
    expect(pauses.every((forMs) => forMs > 0 && forMs <= 5_000)).toBe(true);
    await expect.poll(() => page.locator('.notice-text').textContent(), { timeout: 60_000 }).toMatch(/^\d+ suggestions added\.$/);
    expect(await page.locator('.ProseMirror h1').textContent()).toBe('Harbour log (draft)');
    expect(await page.locator('.ProseMirror [data-ann-suggested="true"]').count()).toBeGreaterThan(100);
    await waitForSaved(page);
  });
});
