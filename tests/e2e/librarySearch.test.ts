import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseArticleDocument } from '../../common/articleText';
import { createArticle } from '../../main/services/articleWriter';
import { createStore } from '../../main/store/index';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { startBrowserSession, type BrowserSession } from '../support/browserSession';
import { seedDeskLibrary, seededTitles, type DeskLibrary } from '../support/deskLibrarySeed';
import { articleJson } from '../integration/storeFixtures';

// The library's search in Chromium on the hand-countable library of deskLibrarySeed (four articles outside the trash).
describe('the library: search, filters, URL state, keyboard and pages', () => {
  let session: BrowserSession;
  let page: Page;
  let library: DeskLibrary;
  const titles = () => page.locator('.library-table tbody .article-link').allTextContents();
  const resultLine = () => page.locator('.result-range').textContent();
  // The hash as a person reads it: URLSearchParams writes spaces as +.
  const hash = () => page.evaluate(() => decodeURIComponent(window.location.hash.replaceAll('+', ' ')));

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    library = await seedDeskLibrary(session.services);
    await page.reload();
    await page.getByRole('region', { name: 'Library' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('searches as the user types and shows where each article matches, marked', async () => {
    await expect.poll(resultLine).toBe('1–4 of 4 articles');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('evacuation budget');
    await expect.poll(titles).toEqual([seededTitles.council]);
    expect(await resultLine()).toBe('1–1 of 1 article');
    expect(await page.locator('.search-snippet').first().textContent()).toBe('The council approved the evacuation budget of £2m on Tuesday.');
    expect(await page.locator('.search-snippet mark').allTextContents()).toEqual(['evacuation', 'budget']);
    expect(await hash()).toBe('#/library?query=evacuation budget');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // A phrase in quotes: its words together and in order, none here.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('"budget evacuation"');
    await expect.poll(resultLine).toBe('No articles');
    expect(await page.locator('.empty-hint').textContent()).toMatch(/No articles match these filters/);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await expect.poll(resultLine).toBe('1–4 of 4 articles');
  });

  it('filters by an entity picked from the registry by one of its aliases, shown by its name', async () => {
    const combobox = page.getByRole('combobox', { name: 'Filter by entity' });
    await combobox.fill('Failaq');
    const option = page.getByRole('listbox', { name: 'Registry entities' }).getByRole('option');
    await expect.poll(() => option.allTextContents()).toEqual([expect.stringContaining('also “Failaq al-Rahman”')]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await combobox.press('Enter');
    await expect.poll(titles).toEqual([seededTitles.rebels]);
    expect(await page.getByRole('group', { name: 'Entity filter' }).textContent()).toContain('Mentions Faylaq al Rahman');
    expect(await hash()).toBe(`#/library?entityId=${library.entityId}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('keeps the filters, the order and the page across a reload', async () => {
    await page.getByRole('combobox', { name: 'Filter by tag author' }).selectOption('Ana María');
    await expect.poll(hash).toBe(`#/library?entityId=${library.entityId}&tagAuthor=Ana María`);
    await page.reload();
    await expect.poll(titles).toEqual([seededTitles.rebels]);
    expect(await page.getByRole('group', { name: 'Entity filter' }).textContent()).toContain('Faylaq al Rahman');
    expect(await page.getByRole('combobox', { name: 'Filter by tag author' }).inputValue()).toBe('Ana María');
  });

  it('goes back to the previous filter with the browser’s back', async () => {
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('draft');
    await expect.poll(resultLine).toBe('No articles');
    await page.goBack();
    await expect.poll(titles).toEqual([seededTitles.rebels]);
    expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe('');
    await page.getByRole('button', { name: /Remove the entity filter/ }).click();
    await expect.poll(titles).toEqual([seededTitles.convoy, seededTitles.rebels]);
    await page.goBack();
    await expect.poll(titles).toEqual([seededTitles.rebels]);
  });

  it('carries the selection to the sourcing audit, the figures checklist and the review queue', async () => {
    await page.getByRole('button', { name: 'Sourcing audit' }).click();
    await expect.poll(hash).toBe(`#/audit?entityId=${library.entityId}&tagAuthor=Ana María`);
    await page.goBack();
    await page.getByRole('button', { name: 'Figures checklist' }).click();
    await expect.poll(hash).toMatch(/^#\/figures\?entityId=/);
    await page.goBack();
    await page.getByRole('button', { name: 'Review queue' }).click();
    await expect.poll(hash).toMatch(/^#\/review\?entityId=/);
  });

  it('works by keyboard alone: search, sort, move between rows, open', async () => {
    await page.goto(`${session.host.url}#/library`);
    await expect.poll(resultLine).toBe('1–4 of 4 articles');
    const focusedBy = async (key: string, matches: string) => {
      for (let presses = 0; presses < 80; presses++) {
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
        await page.keyboard.press(key);
      }
      throw new Error(`Nothing matching ${matches} took the focus`);
    };
    await focusedBy('Tab', 'input[type=search]');
    await page.keyboard.type('evacu');
    await expect.poll(resultLine).toBe('1–4 of 4 articles');
    await expect.poll(() => page.locator('.search-snippet mark').count()).toBe(4);
    // Sort by title with Enter on its header.
    await focusedBy('Tab', 'th .sort-button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Title');
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual([seededTitles.convoy, seededTitles.council, seededTitles.rebels, seededTitles.storm]);
    expect(await hash()).toBe('#/library?query=evacu&sort=title&dir=asc');
    await focusedBy('Tab', 'tbody tr');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.articleId)).toBe(library.ids.council);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Tab from the row reaches its own controls.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Select ${seededTitles.council}`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror').waitFor();
    expect(await hash()).toBe(`#/article/${library.ids.council}`);
    await page.goBack();
    await expect.poll(titles).toEqual([seededTitles.convoy, seededTitles.council, seededTitles.rebels, seededTitles.storm]);
  });

  it('pages through a long library, counting the whole result', async () => {
    const store = createStore(session.services.db);
    for (let index = 1; index <= 60; index++) {
      const doc = parseArticleDocument(articleJson([{ type: 'headline', text: `Wire brief ${index}` }, { type: 'paragraph', text: `Brief number ${index} about the flood.` }]));
      createArticle(store, { doc, source: 'wire' }, new Date(Date.UTC(2025, 0, index)).toISOString());
    }
    await page.goto(`${session.host.url}#/library`);
    await expect.poll(resultLine).toBe('1–50 of 64 articles');
    expect(await page.locator('.library-table tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(resultLine).toBe('51–64 of 64 articles');
    expect(await hash()).toBe('#/library?page=2');
    expect(await titles()).toContain('Wire brief 1');
    await page.reload();
    await expect.poll(resultLine).toBe('51–64 of 64 articles');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // A new filter starts again at its first page.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('flood');
    await expect.poll(resultLine).toBe('1–50 of 60 articles');
    expect(await hash()).toBe('#/library?query=flood');
  });
});
