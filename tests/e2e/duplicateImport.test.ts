import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../support/browserSession';

// A story written for this test.
const ferryStory = [
  'Ferry returns to Lark Island',
  'PORTWICK, March 11 (Reuters) - The Lark Spirit ferry sailed from Portwick again on Tuesday after six weeks of repairs, the harbour board said.',
  'About 340 islanders rely on the crossing to reach work and school on the mainland.',
].join('\n\n');
const ferryFile = { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(ferryStory) };
const headline = 'Ferry returns to Lark Island';

describe('importing the same file twice', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  const showLibrary = () => page.getByRole('button', { name: 'Library', exact: true }).click();
  const importFerry = () => page.getByLabel('Files to import').setInputFiles(ferryFile);
  const rows = () => page.locator('.library-table tbody tr');
  const duplicateDialog = () => page.getByRole('dialog', { name: `Already in the library: ${headline}` });

  it('imports the file once and lists it with its source and format', async () => {
    await importFerry();
    await page.locator('.ProseMirror').waitFor();
    // The dateline opens the copy as a dateline, not as the standfirst.
    expect(await page.locator('.ProseMirror .block-dateline').textContent()).toBe('PORTWICK, March 11 (Reuters)');
    await showLibrary();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Source' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Format' }).count()).toBe(1);
    expect(await rows().first().locator('.article-format').textContent()).toBe('Plain textferry.txt');
    expect(await rows().first().locator('.copy-marker').count()).toBe(0);
  });

  it('asks the second time, with the focus on Open it, and Escape leaves the library as it was', async () => {
    await importFerry();
    const dialog = duplicateDialog();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('ferry.txt has the same text as');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open it');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rows().count()).toBe(1);
    expect(await session.services.handlers.listArticles({})).toHaveLength(1);
  });

  it('imports a copy from the keyboard, opens it, and the library marks it as the copy', async () => {
    await importFerry();
    await duplicateDialog().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import a copy');
    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror').waitFor();
    await showLibrary();
    await expect.poll(() => rows().count()).toBe(2);
    const marker = page.locator('.copy-marker');
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('title')).toBe(`Copy 1 of “${headline}”: the same text was imported before.`);
    const [original, copy] = [...(await session.services.handlers.listArticles({}))].reverse();
    expect(copy!.copyOf).toMatchObject({ originalId: original!.id, copyNumber: 1 });
    expect(await page.locator(`tr[data-article-id="${copy!.id}"] .copy-marker`).count()).toBe(1);
  });

  it('opens the article already in the library with Enter', async () => {
    // The copy gets a title of its own, so the editor shows which of the two was opened.
    const [, copy] = [...(await session.services.handlers.listArticles({}))].reverse();
    await session.services.handlers.renameArticle({ id: copy!.id, title: 'Ferry returns (second desk)' });
    await importFerry();
    await duplicateDialog().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror').waitFor();
    expect(await page.locator('.ProseMirror .block-headline').textContent()).toBe(headline);
    expect(await session.services.handlers.listArticles({})).toHaveLength(2);
  });

  it('asks about pasted text the library already holds too', async () => {
    await showLibrary();
    await page.getByRole('button', { name: 'Paste article…' }).click();
    const paste = page.getByRole('dialog', { name: 'Paste an article' });
    // Re-wrapped as a mail client would: the same words are the same story.
    await paste.getByLabel('Article text').fill(ferryStory.replace('after six weeks', 'after six\nweeks'));
    await paste.getByRole('button', { name: 'Create article' }).click();
    const dialog = duplicateDialog();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('The pasted text has the same text as');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await session.services.handlers.listArticles({})).toHaveLength(2);
  });

  it('in a batch, imports the new files, counts the duplicate and asks about it', async () => {
    await showLibrary();
    await page.getByLabel('Files to import').setInputFiles([
      ferryFile,
      { name: 'pier.txt', mimeType: 'text/plain', buffer: Buffer.from('Pier reopens\n\nThe Lark Island pier reopened on Wednesday after the storm.') },
    ]);
    const dialog = page.getByRole('dialog', { name: /^Already in the library/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('ferry.txt has the same text as');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.import-summary').textContent()).toContain('Imported 1 article; 1 already in the library.');
    await expect.poll(() => rows().count()).toBe(3);
  });
});
