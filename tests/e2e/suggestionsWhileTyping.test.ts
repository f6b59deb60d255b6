import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openImportedText, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// A long article: its suggestions take the pipeline long enough for the editor to type while they are computed.
describe('suggestions and typing', () => {
  let session: BrowserSession;
  let page: Page;
  // When each suggestion request and each pause reached the services (Date.now()).
  const asked: number[] = [];
  const pauses: { at: number; forMs: number }[] = [];

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    const paragraphs = Array.from({ length: 1500 }, (_, index) => `Report ${index}: Mayor Anna Berg told Reuters that ${index + 40} people left Millbrook on Monday.`);
    await openImportedText(session, `Harbour log\n\n${paragraphs.join('\n\n')}`);
    page.on('request', (request) => {
      if (request.url().endsWith('/api/suggestAnnotations')) asked.push(Date.now());
      if (request.url().endsWith('/api/pauseSuggestions')) pauses.push({ at: Date.now(), forMs: JSON.parse(request.postData() ?? '{}').forMs as number });
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  const typeSlowly = async (text: string): Promise<number> => {
    for (const key of text) {
      await page.keyboard.type(key);
      await page.waitForTimeout(120);
    }
    return Date.now();
  };
  const suggestionsAdded = () => expect.poll(() => page.locator('.notice-text').textContent(), { timeout: 60_000 }).toMatch(/^\d{1,3}(,\d{3})+ suggestions added\.$/);

  it('are asked for once the editor stops typing, and land on the text as typed', async () => {
    await placeCaret(page, 'Harbour log', 'after');
    await page.keyboard.press('Alt+Shift+U');
    await page.locator('.suggest-button', { hasText: 'Suggesting…' }).waitFor();
    const lastKey = await typeSlowly(' (draft)');
    await suggestionsAdded();
    expect(asked.length).toBe(1);
    expect(asked[0]!).toBeGreaterThan(lastKey);
    expect(await page.locator('.ProseMirror h1').textContent()).toBe('Harbour log (draft)');
    expect(await page.locator('.ProseMirror [data-ann-suggested="true"]').count()).toBeGreaterThan(100);
    await waitForSaved(page);
  });

  it('wait while the editor types once they are being computed (the editor asks the services to pause them)', async () => {
    await placeCaret(page, 'Harbour log (draft)', 'after');
    const askedBefore = asked.length;
    await page.keyboard.press('Alt+Shift+U');
    // Typing starts right after the request leaves, while the services compute.
    await expect.poll(() => asked.length, { timeout: 10_000, interval: 20 }).toBe(askedBefore + 1);
    const firstKey = Date.now();
    await typeSlowly(' v2');
    await expect.poll(() => page.locator('.notice-text').textContent(), { timeout: 60_000 }).toMatch(/^(No new suggestions\.|[\d,]+ suggestions? added\.)$/);
    const during = pauses.filter((pause) => pause.at >= firstKey);
    expect(during.length).toBeGreaterThanOrEqual(1);
    expect(during.every((pause) => pause.forMs > 0 && pause.forMs <= 5_000)).toBe(true);
    expect(await page.locator('.ProseMirror h1').textContent()).toBe('Harbour log (draft) v2');
    await waitForSaved(page);
  });
});
