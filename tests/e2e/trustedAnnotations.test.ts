import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, highlightsWithLabel, sampleArticlePath, selectTextInEditor, startBrowserSession, waitForSaved, importSampleArticle, type BrowserSession } from '../support/browserSession';

const wael = 'There are no direct or indirect negotiations with the Russian enemy or its allies';
// The delegate's quote, read from the sample (third-party text is never copied into the project).
const delegate = /"(The committee discussed[^"]*?),"/.exec(readFileSync(sampleArticlePath, 'utf8'))![1]!;

async function tag(page: Page, text: string, shortcut: string, occurrence = 0): Promise<void> {
  await selectTextInEditor(page, text, occurrence);
  await page.keyboard.press(shortcut);
  await page.waitForTimeout(150);
}

describe('annotations a newsroom can trust: registry, figures, attributions (sample article)', () => {
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

  it('tags Zolotukhin and tags all his other mentions in one undoable step, all linked to one person', async () => {
    await tag(page, 'Major General Vladimir Zolotukhin', 'Alt+Shift+P');
    await expect.poll(() => page.getByTestId('linked-entity-name').textContent()).toBe('Major General Vladimir Zolotukhin');
    await page.keyboard.press('Alt+Shift+G');
    const dialog = page.getByRole('dialog', { name: /Tag all occurrences/ });
    await dialog.waitFor();
    const occurrences = dialog.getByRole('list', { name: 'Occurrences' }).getByRole('listitem');
    await expect.poll(() => occurrences.count()).toBe(3);
    await dialog.getByRole('button', { name: /Tag 2 occurrences/ }).click();
    const people = await highlightsWithLabel(page, 'person');
    expect([...people.values()].sort()).toEqual(['Major General Vladimir Zolotukhin', 'Zolotukhin', 'Zolotukhin']);
    // One undo removes both, redo brings them back.
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Control+z');
    expect((await highlightsWithLabel(page, 'person')).size).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    expect((await highlightsWithLabel(page, 'person')).size).toBe(3);
    // A later "Zolotukhin" typed by hand links to the same person through the alias tag-all added.
    await waitForSaved(page);
    const registry = await session.services.handlers.listEntities({ query: 'Zolotukhin' });
    expect(registry).toHaveLength(1);
    expect(registry[0]!.aliases).toContain('Zolotukhin');
    expect(registry[0]!.mentionCount).toBe(3);
  });

  it('proposes the values of "400,000" and "More than 1,100" when they are tagged', async () => {
    await tag(page, '400,000', 'Alt+Shift+F');
    await expect.poll(() => page.getByLabel('Value', { exact: true }).inputValue()).toBe('400000');
    expect(await page.getByLabel('Qualifier', { exact: true }).inputValue()).toBe('exactly');
    await tag(page, 'More than 1,100', 'Alt+Shift+F');
    await expect.poll(() => page.getByLabel('Value', { exact: true }).inputValue()).toBe('1100');
    expect(await page.getByLabel('Qualifier', { exact: true }).inputValue()).toBe('more_than');
    await page.getByRole('tab', { name: 'Figures' }).click();
    const figures = page.getByRole('region', { name: 'Figures' });
    await expect.poll(() => figures.getByRole('row').count()).toBe(3);
    await page.getByRole('tab', { name: 'Annotations' }).click();
  });

  it('attributes the quote to Wael Alwan and the committee quote to an anonymous delegate', async () => {
    await tag(page, 'Wael Alwan', 'Alt+Shift+P');
    await tag(page, wael, 'Alt+Shift+A');
    await page.getByRole('combobox', { name: 'Speaker' }).fill('Wael');
    await page.getByRole('combobox', { name: 'Speaker' }).press('Enter');
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');

    await tag(page, delegate, 'Alt+Shift+A');
    const speaker = page.getByRole('combobox', { name: 'Speaker' });
    await speaker.fill('a member of the committee');
    await speaker.press('Alt+n');
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Anonymous: a member of the committee');
    const reason = page.getByLabel('Anonymity reason');
    await reason.fill('speaking on condition of anonymity');
    await reason.press('Enter');
    await waitForSaved(page);
    // Enter in an inspector field commits the field and never reaches the text behind it.
    expect([...(await highlightsWithLabel(page, 'attribution')).values()].sort()).toEqual([delegate, wael].sort());
  });

  it('merges the two spellings of Faylaq al Rahman in the registry, and the merge can be undone', async () => {
    await tag(page, 'Failaq al Rahman', 'Alt+Shift+O');
    await tag(page, 'Faylaq al Rahman', 'Alt+Shift+O');
    await waitForSaved(page);
    await page.getByRole('button', { name: 'Registry', exact: true }).click();
    await page.getByLabel('Search entities').fill('Rahman');
    const list = page.getByRole('list', { name: 'Entities', exact: true });
    await list.getByRole('button', { name: /^Failaq al Rahman/ }).click();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const picker = page.getByRole('dialog', { name: /Merge/ });
    await picker.getByLabel('Search the registry').fill('Faylaq');
    await picker.getByRole('button', { name: /Faylaq al Rahman/ }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    const merged = (await session.services.handlers.listEntities({ query: 'al Rahman', type: 'organisation' }))[0]!;
    expect(merged.name).toBe('Faylaq al Rahman');
    expect(merged.aliases).toContain('Failaq al Rahman');
    expect(merged.mentionCount).toBe(2);
    await page.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    // Merge again for the rest of the scenario.
    await list.getByRole('button', { name: /^Failaq al Rahman/ }).click();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await picker.getByLabel('Search the registry').fill('Faylaq');
    await picker.getByRole('button', { name: /Faylaq al Rahman/ }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
  });

  it('keeps everything after a reload, and the Sources summary counts named and anonymous sources', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.article-link').first().click();
    await page.locator('.ProseMirror').waitFor();
    const orgs = await highlightsWithLabel(page, 'organisation');
    expect([...orgs.values()].sort()).toEqual(['Failaq al Rahman', 'Faylaq al Rahman']);
    expect([...(await highlightsWithLabel(page, 'person')).values()].sort()).toEqual(['Major General Vladimir Zolotukhin', 'Wael Alwan', 'Zolotukhin', 'Zolotukhin']);
    const quotes = await highlightsWithLabel(page, 'attribution');
    expect([...quotes.values()].sort()).toEqual([delegate, wael].sort());
    for (const [id] of quotes) expect(await highlightTexts(page, id)).not.toBe('');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => page.getByTestId('sources-totals').textContent()).toBe('2 attributions: 1 named, 1 anonymous');
    const summary = page.getByRole('table', { name: 'Sources summary' });
    expect(await summary.textContent()).toContain('Wael Alwan');
    expect(await summary.textContent()).toContain('Anonymous: a member of the committee');
    expect(await summary.textContent()).toContain('speaking on condition of anonymity');
  });

  it('shows names from the registry as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await session.services.handlers.createEntity({ name: hostile, type: 'other', aliases: [`"quoted" o'brien \\ back`] });
    await page.getByRole('button', { name: 'Registry', exact: true }).click();
    await page.getByLabel('Search entities').fill('img');
    const row = page.getByRole('list', { name: 'Entities', exact: true }).getByRole('button').first();
    await expect.poll(() => row.textContent()).toContain(hostile);
    expect(await page.locator('.registry img').count()).toBe(0);
    await row.click();
    expect(await page.getByLabel('Aliases').inputValue()).toBe(`"quoted" o'brien \\ back`);
  });
});
