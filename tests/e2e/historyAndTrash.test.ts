import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoArticle, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// Set to a folder to keep screenshots of the history and trash views (for looking at them by eye).
const screenshotDir = process.env.ANNOTATOR_SCREENSHOTS;


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
    expect(JSON.stringify((await session.services.handlers.getRevision({ id: articleId, revision: edited.revision })).document)).toContain('Added later.');
  });

  it('keeps deleted articles and registry entries in the trash, restores them, and empties it only when confirmed', async () => {
    const millbrook = (await session.services.handlers.listArticles({})).find((article) => article.title.startsWith('Millbrook'))!;
    // A registry entry with mentions, deleted elsewhere (the registry view), waits in the trash too.
    const entities = await session.services.handlers.listEntities({});
    const linked = entities.find((entity) => entity.mentionCount > 0)!;
    await session.services.handlers.deleteEntity({ id: linked.id });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: `Delete ${millbrook.title}` }).click();
    await page.getByRole('dialog', { name: 'Delete article?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.article-link').allTextContents()).not.toContain(millbrook.title);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Trash' }).click();
    const trash = page.getByRole('region', { name: 'Trash' });
    await trash.getByRole('table', { name: 'Deleted articles' }).getByText(millbrook.title).waitFor();
    await trash.getByRole('table', { name: 'Deleted registry entries' }).getByText(linked.name).waitFor();
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/trash.png` });

    // The entry first, while the article holding its mentions is still in the trash: they are relinked there.
    await trash.getByRole('button', { name: `Restore ${linked.name}` }).click();
    await expect.poll(() => trash.getByRole('status').textContent()).toContain(`“${linked.name}” is back in the registry; ${linked.mentionCount}`);
    await trash.getByRole('button', { name: `Restore ${millbrook.title}` }).click();
    await expect.poll(() => trash.getByRole('status').textContent()).toContain('is back in the library');
    const back = await session.services.handlers.getArticle({ id: millbrook.id });
    expect(back.tagCounts).toEqual(millbrook.tagCounts);
    // Both back: the entry's mentions in the article are linked to it again.
    expect((await session.services.handlers.listEntities({})).find((entity) => entity.id === linked.id)?.mentionCount).toBe(linked.mentionCount);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
    await expect.poll(() => page.locator('.article-link').allTextContents()).toContain(millbrook.title);

    // Emptying is final, so it asks; Cancel (the focused button) keeps everything.
    await page.getByRole('button', { name: `Delete ${millbrook.title}` }).click();
    await page.getByRole('dialog', { name: 'Delete article?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Trash' }).click();
    await trash.getByRole('button', { name: 'Empty trash…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.count()).toBe(0);
    expect((await session.services.handlers.listTrash({})).articles).toHaveLength(1);
    await trash.getByRole('button', { name: 'Empty trash…' }).click();
    await confirm.getByRole('button', { name: 'Empty trash' }).click();
    await expect.poll(() => trash.getByRole('status').textContent()).toContain('Trash emptied: 1 article');
    expect(await session.services.handlers.listTrash({})).toEqual({ articles: [], entities: [] });
    await expect(session.services.handlers.getArticle({ id: millbrook.id })).rejects.toThrow();
    await trash.getByText('The trash is empty').waitFor();
  });
});
