import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightsWithLabel, openImportedText, selectTextInEditor, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// A name found hundreds of times: the dialog lists a page of them, and still tags every chosen one.
describe('tag all occurrences of a common name', () => {
  let session: BrowserSession;
  let page: Page;
  const found = 420;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    const paragraphs = Array.from({ length: found }, (_, index) => `Report ${index}: the ferry reached Port Sefton before noon.`);
    await openImportedText(session, `Harbour log\n\n${paragraphs.join('\n\n')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the first 300, lists the rest on request with the focus where they begin, and tags them all', async () => {
    await selectTextInEditor(page, 'Port Sefton');
    await page.keyboard.press('Alt+Shift+L');
    await expect.poll(async () => (await highlightsWithLabel(page, 'place')).size).toBe(1);
    await page.keyboard.press('Alt+Shift+G');
    const dialog = page.getByRole('dialog', { name: /Tag all occurrences/ });
    await dialog.waitFor();
    const items = dialog.getByRole('list', { name: 'Occurrences' }).getByRole('listitem');
    expect(await items.count()).toBe(300);
    expect(await dialog.locator('.dialog-hint').textContent()).toMatch(new RegExp(`${found} found\\. ${found - 1} not yet tagged\\. The first 300 are listed`));
    const confirm = dialog.getByRole('button', { name: `Tag ${found - 1} occurrences` });
    expect(await confirm.isEnabled()).toBe(true);

    await dialog.getByRole('button', { name: `List all ${found}` }).click();
    expect(await items.count()).toBe(found);
    // The keyboard carries on from the first occurrence just listed.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent)).toContain('Report 300:');
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: `Tag ${found - 2} occurrences` }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForSaved(page);
    const stored = (await session.services.handlers.listArticles({})).find((article) => article.title === 'Harbour log')!;
    const record = await session.services.handlers.getArticle({ id: stored.id });
    const places = Object.values((record.doc as { attrs: { annotations: Record<string, { kind: string }> } }).attrs.annotations).filter((annotation) => annotation.kind === 'entity');
    expect(places).toHaveLength(found - 1);
  });
});
