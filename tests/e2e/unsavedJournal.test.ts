import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoArticle, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// The journal in real Chromium with real IndexedDB: the host dies before a save lands, comes back with a new
// token on the same address, and the words typed meanwhile are replayed from the browser and saved.

/** Opens the demo article from the library after a reload, when the editor may not show at once. */
async function openDemoLibraryEntry(page: Page): Promise<void> {
  const openButton = page.getByRole('button', { name: /^Open Millbrook library/ });
  await openButton.or(page.locator('.editor-screen')).first().waitFor();
  if (await openButton.isVisible()) await openButton.click();
}

describe('the journal of unsaved work across a crash and restart of the host', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('replays words typed just before the host died, after a restart with a new token, and saves them', async () => {
    await openDemoArticle(page);
    const articleId = (await session.services.handlers.listArticles({})).find((article) => article.title.startsWith('Millbrook'))!.id;
    const before = await session.services.handlers.getArticle({ id: articleId });

    await placeCaret(page, 'Staff hope the wait was worth it.', 'after');
    await page.keyboard.type(' Journalled words.');
    // The host dies before the autosave's quiet time is over: the save cannot land.
    await session.stopHost();
    const status = page.getByRole('status', { name: 'Save status' });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Not saved.*kept here/);

    // Back on the same address with a new token: the old page's retries are refused, and the message says
    // where the work is rather than sending the editor away from it.
    await session.startHostOnSamePort();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/restarted.*kept in this browser/);
    expect((await session.services.handlers.getArticle({ id: articleId })).revision).toBe(before.revision);

    // Following the advice: the new address (its token), then the article.
    await page.goto(session.host.url);
    await openDemoArticle(page);
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Staff hope the wait was worth it. Journalled words.');
    await waitForSaved(page);
    const after = await session.services.handlers.getArticle({ id: articleId });
    expect(after.revision).toBe(before.revision + 1);
    expect(JSON.stringify(after.doc)).toContain('Staff hope the wait was worth it. Journalled words.');

    // Acknowledged, so the journal is empty: reopening shows no replay notice and saves nothing more.
    await page.reload();
    await openDemoArticle(page);
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Journalled words.');
    const entries = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('annotator-journal');
          request.onsuccess = () => {
            const count = request.result.transaction('unsaved').objectStore('unsaved').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(entries).toBe(0);
    expect((await session.services.handlers.getArticle({ id: articleId })).revision).toBe(after.revision);
  });

  it('offers a conflict when the article was saved elsewhere meanwhile, and keeping mine leaves theirs in the history', async () => {
    await openDemoArticle(page);
    const articleId = (await session.services.handlers.listArticles({})).find((article) => article.title.startsWith('Millbrook'))!.id;
    await placeCaret(page, 'Journalled words.', 'after');
    await page.keyboard.type(' Mine too.');
    await session.stopHost();
    const status = page.getByRole('status', { name: 'Save status' });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Not saved.*kept here/);

    // Another window saves a different change while this one's work waits in the journal.
    await session.startHostOnSamePort();
    const stored = await session.services.handlers.getArticle({ id: articleId });
    const theirs = JSON.parse(JSON.stringify(stored.doc).replace('Journalled words.', 'Journalled words. Theirs.'));
    const theirSave = await session.services.handlers.saveArticle({ id: articleId, baseRevision: stored.revision, doc: theirs });

    await page.goto(session.host.url);
    await openDemoLibraryEntry(page);
    const prompt = page.getByRole('alertdialog', { name: 'Unsaved changes from last time' });
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain(`revision ${theirSave.revision}`);
    // Nothing is applied or dropped before the editor chooses.
    expect((await session.services.handlers.getArticle({ id: articleId })).revision).toBe(theirSave.revision);
    await prompt.getByRole('button', { name: /^Keep mine/ }).click();
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Journalled words. Mine too.');
    await waitForSaved(page);
    const after = await session.services.handlers.getArticle({ id: articleId });
    expect(after.revision).toBe(theirSave.revision + 1);
    expect(JSON.stringify(after.doc)).toContain('Mine too.');
    expect(JSON.stringify(after.doc)).not.toContain('Theirs.');
    const theirRevision = await session.services.handlers.getRevision({ id: articleId, revision: theirSave.revision });
    expect(JSON.stringify(theirRevision.document)).toContain('Journalled words. Theirs.');
  });
});
