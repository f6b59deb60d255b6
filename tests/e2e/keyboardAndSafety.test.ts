import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightsWithLabel, placeCaret, selectTextInEditor, startBrowserSession, waitForSaved, importSampleArticle, type BrowserSession } from '../support/browserSession';

const quote = 'There are no direct or indirect negotiations with the Russian enemy or its allies';

/** The accessible label of the focused element, or its tag name; "article text" for the editor. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    if (element.classList.contains('ProseMirror')) return 'article text';
    return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
  });
}

/** The words of every highlight with `label`, sorted. */
async function highlightsOf(page: Page, label: string): Promise<string[]> {
  return [...(await highlightsWithLabel(page, label)).values()].sort();
}

describe('keyboard access and safety of the work in the editor', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    await importSampleArticle(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('puts the caret in the text when an article opens, so the first key typed goes into it', async () => {
    expect(await focused(page)).toBe('article text');
    const headline = page.locator('.ProseMirror > :first-child');
    const before = (await headline.textContent()) ?? '';
    await page.keyboard.type('Q');
    await expect.poll(() => headline.textContent()).toBe(`Q${before}`);
    await page.keyboard.press('Backspace');
    await expect.poll(() => headline.textContent()).toBe(before);
    await waitForSaved(page);
  });

  it('keeps the focus in the inspector when Tab commits a field, and undo shows the old value', async () => {
    await selectTextInEditor(page, '400,000');
    await page.keyboard.press('Alt+Shift+F');
    const unit = page.getByLabel('Unit', { exact: true });
    await unit.waitFor();
    await unit.focus();
    await page.keyboard.type('people');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Verification');
    // Arrow keys change a select at once; the focus must stay on it for the next key.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Verification', { exact: true }).inputValue()).toBe('verified');
    expect(await focused(page)).toBe('Verification');
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => unit.inputValue()).toBe('');
  });

  it('gives the keyboard back to the text after the speaker is picked, or the picker is left with Escape', async () => {
    await selectTextInEditor(page, 'Wael Alwan');
    await page.keyboard.press('Alt+Shift+P');
    await selectTextInEditor(page, quote);
    await page.keyboard.press('Alt+Shift+A');
    const speaker = page.getByRole('combobox', { name: 'Speaker' });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('article text');
    await speaker.focus();
    await page.keyboard.type('Wael');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');
    expect(await focused(page)).toBe('article text');
    // The quote's words are no longer selected, so the next key typed cannot replace them.
    expect(await page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
  });

  it('moves between the side tabs with the arrow keys, one tab stop for the list', async () => {
    const tab = (name: string) => page.getByRole('tab', { name });
    await tab('Annotations').focus();
    expect(await tab('Figures').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Figures');
    expect(await tab('Figures').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Figures' }).waitFor();
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('Sources');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Annotations');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('Sources');
    await page.keyboard.press('Home');
    expect(await tab('Annotations').getAttribute('aria-selected')).toBe('true');
  });

  it('returns the focus to the text when the tag-all dialog is cancelled or applied', async () => {
    await selectTextInEditor(page, 'Major General Vladimir Zolotukhin');
    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => page.getByTestId('linked-entity-name').textContent()).toBe('Major General Vladimir Zolotukhin');
    const dialog = page.getByRole('dialog', { name: /Tag all occurrences/ });
    await page.keyboard.press('Alt+Shift+G');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focused(page)).toBe('article text');
    await page.keyboard.press('Alt+Shift+G');
    await dialog.getByRole('button', { name: /Tag \d+ occurrences/ }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focused(page)).toBe('article text');
  });

  it('tags the words that were selected even if the selection moves while the registry answers', async () => {
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/resolveEntity', async (route) => {
      await answered;
      await route.continue();
    });
    try {
      await selectTextInEditor(page, 'Interfax', 0);
      await page.keyboard.press('Alt+Shift+O');
      await selectTextInEditor(page, 'Russian Centre for Reconciliation');
      release();
      await expect.poll(() => highlightsOf(page, 'organisation')).toEqual(['Interfax']);
    } finally {
      await page.unroute('**/api/resolveEntity');
    }
  });

  it('keeps the article open, with the unsaved words, when its save fails as the user leaves', async () => {
    await waitForSaved(page);
    await page.route('**/api/saveArticle', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is full' } }) }),
    );
    try {
      await placeCaret(page, 'late on Saturday', 'after');
      await page.keyboard.type(' (unsaved words)');
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      await expect.poll(() => page.locator('.notice').textContent()).toMatch(/not saved yet/);
      expect(await page.getByRole('region', { name: 'Library' }).count()).toBe(0);
      expect(await page.locator('.ProseMirror').textContent()).toContain('late on Saturday (unsaved words)');
    } finally {
      await page.unroute('**/api/saveArticle');
    }
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('region', { name: 'Library' }).waitFor();
    await page.locator('.article-link').first().click();
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('late on Saturday (unsaved words)');
    expect(await highlightsOf(page, 'organisation')).toEqual(['Interfax']);
  });
});
