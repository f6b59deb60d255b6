import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoArticle, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

/**
 * File > Restore from backup in the browser (reached from the Trash view there): back up now, change and
 * delete an article, restore the backup from the dialog, and find the earlier state; the replaced database
 * is kept as a backup of its own.
 */
describe('backups in the browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  const views = () => page.getByRole('navigation', { name: 'Views' });
  const openBackups = async () => {
    await views().getByRole('button', { name: 'Trash' }).click();
    // From the keyboard: the button takes the focus and Enter opens the dialog.
    await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Backups…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    await dialog.waitFor();
    return dialog;
  };

  it('backs up, then restores the backup after an article was edited and deleted, and shows the earlier state', async () => {
    await openDemoArticle(page);
    await placeCaret(page, 'Staff hope the wait was worth it.', 'after');
    await page.keyboard.type(' Typed before the backup.');
    await waitForSaved(page);

    let dialog = await openBackups();
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Backed up: .*checked/);
    const backupRow = dialog.getByRole('row').filter({ hasText: 'Taken by hand' });
    await backupRow.waitFor();
    expect(await backupRow.textContent()).toContain('OK');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // After the backup: more words typed, then the article deleted and the trash emptied.
    await views().getByRole('button', { name: 'Library' }).click();
    await openDemoArticle(page);
    await placeCaret(page, 'Typed before the backup.', 'after');
    await page.keyboard.type(' Typed after the backup.');
    await waitForSaved(page);
    const millbrook = (await session.services.handlers.listArticles({})).find((article) => article.title.startsWith('Millbrook'))!;
    expect(JSON.stringify((await session.services.handlers.getArticle({ id: millbrook.id })).doc)).toContain('Typed after the backup.');
    await views().getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: `Delete ${millbrook.title}` }).click();
    await page.getByRole('dialog', { name: 'Delete article?' }).getByRole('button', { name: 'Delete' }).click();
    await session.services.handlers.emptyTrash({});
    await expect.poll(() => page.locator('.article-link').allTextContents()).not.toContain(millbrook.title);

    dialog = await openBackups();
    await dialog.getByRole('row').filter({ hasText: 'Taken by hand' }).getByRole('button', { name: /^Restore the backup taken/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/will be replaced by the backup taken .*backed up first/s);
    // Cancel has the focus: Enter alone replaces nothing.
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await session.services.handlers.listArticles({})).not.toContainEqual(expect.objectContaining({ id: millbrook.id }));

    await dialog.getByRole('row').filter({ hasText: 'Taken by hand' }).getByRole('button', { name: /^Restore the backup taken/ }).click();
    await confirm.getByRole('button', { name: 'Replace with this backup' }).click();
    // The page reloads with the restored database and says what happened and how to undo it.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Restored the backup taken' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Restored the backup taken' }).textContent()).toContain('Before a restore');
    await expect.poll(() => page.locator('.article-link').allTextContents()).toContain(millbrook.title);
    await openDemoArticle(page);
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Typed before the backup.');
    expect(await page.locator('.ProseMirror').textContent()).not.toContain('Typed after the backup.');

    // The database as it was before the restore is one more backup, and restoring it would undo the restore.
    const listing = await session.services.handlers.listBackups({});
    expect(listing.backups.map((backup) => [backup.kind, backup.check.usable])).toContainEqual(['before-restore', true]);
  });
});
