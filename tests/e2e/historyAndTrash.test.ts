import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// Set to a folder to keep screenshots of the history and trash views (for looking at them by eye).
const screenshotDir = process.env.ANNOTATOR_SCREENSHOTS;

async function openDemoArticle(page: Page): Promise<void> {
  const openButton = page.getByRole('button', { name: /^Open Millbrook library/ });
  await page.locator('.ProseMirror').or(openButton).first().waitFor();
  if (await openButton.isVisible()) await openButton.click();
  await page.locator('.ProseMirror').waitFor();
}

describe('history and trash in the browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows who saved when, compares a revision with the current text, and restores it as a new revision', async () => {
    await openDemoArticle(page);
    const articleId = (await session.services.handlers.listArticles({})).find((article) => article.title.startsWith('Millbrook'))!.id;
    const first = await session.services.handlers.getArticle({ id: articleId });
    await placeCaret(page, 'Staff hope the wait was worth it.', 'after');
    await page.keyboard.type(' Added later.');
    await waitForSaved(page);
    const edited = await session.services.handlers.getArticle({ id: articleId });
    expect(edited.revision).toBeGreaterThan(first.revision);

    // By keyboard from the text.
    await page.keyboard.press('Alt+Shift+H');
    const history = page.getByRole('dialog', { name: 'History' });
    await history.waitFor();
    const revisions = history.getByRole('list', { name: 'Revisions' }).getByRole('button');
    await expect.poll(() => revisions.count()).toBeGreaterThanOrEqual(2);
    expect(await history.getByRole('button', { name: `Revision ${edited.revision}` }).textContent()).toContain('by e2e editor');

    await history.getByRole('button', { name: `Revision ${first.revision}` }).click();
    const comparison = history.getByRole('region', { name: 'Comparison' });
    await expect.poll(() => comparison.locator('.history-added').textContent()).toContain('Staff hope the wait was worth it. Added later.');
    expect(await comparison.locator('.history-removed').textContent()).toContain('Staff hope the wait was worth it.');
    expect(await comparison.locator('.history-removed').textContent()).not.toContain('Added later.');
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/history.png` });

    await history.getByRole('button', { name: `Restore revision ${first.revision}` }).click();
    await history.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ProseMirror').textContent()).not.toContain('Added later.');
    expect(await page.locator('.ProseMirror').textContent()).toContain('Staff hope the wait was worth it.');
    const restored = await session.services.handlers.getArticle({ id: articleId });
    expect(restored.revision).toBe(edited.revision + 1);
    expect(JSON.stringify(restored.doc)).not.toContain('Added later.');
    // The restore is itself a revision, and the edited text is still one step away.
    const entries = await session.services.handlers.listRevisions({ id: articleId });
    expect(entries.find((entry) => entry.revision === restored.revision)).toMatchObject({ reason: 'restored', restoredFrom: first.revision });
    expect(JSON.stringify((await session.services.handlers.getRevision({ id: articleId, revision: edited.revision })).doc)).toContain('Added later.');
  });
});
