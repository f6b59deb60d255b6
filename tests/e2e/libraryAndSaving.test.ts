import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

describe('a new user: demo article, library, imports and a save that fails and recovers', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens the tagged demo article on the first start', async () => {
    await page.locator('.ProseMirror').waitFor();
    expect(await page.locator('.editor-title').textContent()).toMatch(/Millbrook/);
    expect(await page.locator('.ProseMirror [data-ann-id]').count()).toBeGreaterThan(10);
    for (const label of ['person', 'organisation', 'place', 'figure', 'attribution']) {
      expect(await page.locator(`.ProseMirror [data-ann-label="${label}"]`).count(), label).toBeGreaterThan(0);
    }
  });

  it('imports dropped files one by one and reports the one that fails, without stopping the rest', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Council votes on budget\n\nThe council voted on Tuesday.\n\nIt was close.'], 'budget.txt', { type: 'text/plain' }));
      transfer.items.add(new File([new Uint8Array([0, 159, 146, 150, 0, 1, 2])], 'broken.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['# Floods recede\n\nWater levels fell overnight.'], 'floods.md', { type: 'text/markdown' }));
      return transfer;
    });
    await page.dispatchEvent('.library', 'drop', { dataTransfer });
    const summary = page.locator('.import-summary');
    await expect.poll(() => summary.textContent()).toContain('Imported 2 articles; 1 failed');
    expect(await summary.textContent()).toMatch(/broken\.txt.*(binary|UTF-8)/);
    await expect.poll(() => page.locator('.library-table tbody tr').count()).toBe(3);
  });

  it('renames and deletes articles from the library, asking before deleting', async () => {
    await page.getByRole('button', { name: 'Rename Council votes on budget' }).click();
    const title = page.getByRole('dialog', { name: 'Rename article' }).getByLabel('Title');
    await title.fill('Council passes budget');
    await title.press('Enter');
    await expect.poll(() => page.locator('.article-link').allTextContents()).toContain('Council passes budget');
    await page.getByRole('button', { name: 'Delete Floods recede' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete article?' });
    // Enter alone keeps the article: Cancel has the focus.
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await page.locator('.article-link').allTextContents()).toContain('Floods recede');
    await page.getByRole('button', { name: 'Delete Floods recede' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.article-link').allTextContents()).not.toContain('Floods recede');
  });

  it('keeps typing when a save fails, says so, and saves once the store is free again', async () => {
    await page.getByRole('button', { name: 'Open Council passes budget' }).click();
    await page.locator('.ProseMirror').waitFor();
    // Another program holds the database: every save now fails after the busy timeout.
    const blocker = new Database(session.databasePath);
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await placeCaret(page, 'It was close.', 'after');
      await page.keyboard.type(' Very close.');
      const status = page.getByRole('status', { name: 'Save status' });
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/Not saved.*kept here/);
      expect(await page.locator('.ProseMirror').textContent()).toContain('It was close. Very close.');
    } finally {
      blocker.exec('COMMIT');
      blocker.close();
    }
    await waitForSaved(page);
    // The reload comes back to the same article (the URL names it), with the text that was saved.
    await page.reload();
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('It was close. Very close.');
  });
});
