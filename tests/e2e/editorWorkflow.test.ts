import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  highlightTexts,
  highlightsWithLabel,
  importSampleArticle,
  placeCaret,
  selectTextInEditor,
  startBrowserSession,
  waitForSaved,
  type BrowserSession,
} from '../support/browserSession';
import type { Page } from 'playwright-core';

const quote = 'There are no direct or indirect negotiations with the Russian enemy or its allies';

/** The id of the annotation whose highlight covers exactly `text` with the given label. */
async function annotationIdOf(page: Page, text: string, label: string): Promise<string> {
  // An entity is tagged once the registry has answered: wait for the highlight rather than race the round trip.
  await expect.poll(async () => [...(await highlightsWithLabel(page, label)).values()].includes(text)).toBe(true);
  const ids = [...(await highlightsWithLabel(page, label)).entries()].filter(([, covered]) => covered === text).map(([id]) => id);
  expect(ids, `a ${label} highlight on "${text}"`).toHaveLength(1);
  return ids[0]!;
}

describe('an editor imports the sample article, tags it, edits it and finds everything after a reload', () => {
  let session: BrowserSession;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the sample .txt file from the library and opens it structured', async () => {
    await page.getByRole('region', { name: 'Library' }).waitFor();
    await importSampleArticle(page);
    const structure = await page.evaluate(() => ({
      headline: document.querySelectorAll('.ProseMirror h1').length,
      standfirst: document.querySelector('.ProseMirror .block-standfirst')?.textContent ?? '',
      captions: [...document.querySelectorAll<HTMLElement>('.ProseMirror figcaption')].map((el) => el.dataset.credit),
      subheads: document.querySelectorAll('.ProseMirror h2').length,
      credit: document.querySelector('.ProseMirror .block-credit')?.textContent ?? '',
    }));
    expect(structure.headline).toBe(1);
    expect(structure.standfirst).toMatch(/^As Syrian regime/);
    expect(structure.captions).toEqual(['AP']);
    expect(structure.subheads).toBeGreaterThanOrEqual(4);
    expect(structure.credit).toMatch(/^Source:/);
  });

  it('tags a person by keyboard shortcut', async () => {
    await selectTextInEditor(page, 'Rami Abdel Rahman');
    await page.keyboard.press('Alt+Shift+P');
    ids.rami = await annotationIdOf(page, 'Rami Abdel Rahman', 'person');
    await expect.poll(() => page.getByRole('region', { name: 'Annotations' }).getByText('Rami Abdel Rahman').count()).toBe(1);
  });

  it('tags a figure with the toolbar button', async () => {
    await selectTextInEditor(page, '400,000');
    await page.getByRole('button', { name: 'Figure', exact: true }).click();
    ids.figure = await annotationIdOf(page, '400,000', 'figure');
    await expect.poll(() => page.getByRole('region', { name: 'Inspector' }).textContent()).toContain('400,000');
    await expect.poll(() => page.getByLabel('Value', { exact: true }).inputValue()).toBe('400000');
  });

  it('tags a quote as an attribution and picks its speaker from the keyboard', async () => {
    await selectTextInEditor(page, 'Wael Alwan');
    await page.keyboard.press('Alt+Shift+P');
    ids.wael = await annotationIdOf(page, 'Wael Alwan', 'person');
    await selectTextInEditor(page, quote);
    await page.keyboard.press('Alt+Shift+A');
    ids.quote = await annotationIdOf(page, quote, 'attribution');
    const speaker = page.getByRole('combobox', { name: 'Speaker' });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Wael');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');
    // The quote's marks and its reporting verb were read from the text around the selection.
    expect(await page.getByLabel('Mode', { exact: true }).inputValue()).toBe('direct');
    expect(await page.locator('.cue-text').textContent()).toBe('said');
  });

  it('keeps tags on their words while typing before, inside and after them, and undo reverts typing', async () => {
    await placeCaret(page, 'Rami Abdel Rahman', 'before');
    await page.keyboard.type('Dr ');
    await placeCaret(page, 'Rami Abdel Rahman', 'after');
    await page.keyboard.type(' Jr');
    expect(await highlightTexts(page, ids.rami!)).toBe('Rami Abdel Rahman');
    await placeCaret(page, 'Abdel', 'before');
    await page.keyboard.type('M. ');
    expect(await highlightTexts(page, ids.rami!)).toBe('Rami M. Abdel Rahman');
    await placeCaret(page, 'negotiations with the Russian', 'before');
    await page.keyboard.type('real ');
    expect(await highlightTexts(page, ids.quote!)).toBe(quote.replace('negotiations', 'real negotiations'));
    await page.keyboard.press('Control+z');
    expect(await highlightTexts(page, ids.quote!)).toBe(quote);
    await page.keyboard.press('Control+z');
    expect(await highlightTexts(page, ids.rami!)).toBe('Rami Abdel Rahman');
    expect(await highlightTexts(page, ids.figure!)).toBe('400,000');
  });

  it('flags a tag whose words are deleted instead of dropping it', async () => {
    await selectTextInEditor(page, 'Interfax', 0);
    await page.keyboard.press('Alt+Shift+O');
    ids.interfax = await annotationIdOf(page, 'Interfax', 'organisation');
    await selectTextInEditor(page, 'Interfax', 0);
    await page.keyboard.press('Backspace');
    const item = page.locator(`.annotation-item[data-annotation-id="${ids.interfax}"]`);
    await expect.poll(() => item.textContent()).toContain('Needs review');
    await page.keyboard.press('Control+z');
    await expect.poll(() => item.textContent()).not.toContain('Needs review');
    expect(await highlightTexts(page, ids.interfax!)).toBe('Interfax');
  });

  it('finds every tag on exactly the right words after a reload and after the app restarts', async () => {
    await waitForSaved(page);
    // The article stays open across a reload and a restart: the URL names it.
    const check = async () => {
      await page.locator('.ProseMirror [data-ann-id]').first().waitFor();
      expect(await highlightTexts(page, ids.rami!)).toBe('Rami Abdel Rahman');
      expect(await highlightTexts(page, ids.figure!)).toBe('400,000');
      expect(await highlightTexts(page, ids.wael!)).toBe('Wael Alwan');
      expect(await highlightTexts(page, ids.quote!)).toBe(quote);
      expect(await highlightTexts(page, ids.interfax!)).toBe('Interfax');
      await page.locator(`.ProseMirror [data-ann-id="${ids.quote}"]`).first().click();
      await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');
    };
    await page.reload();
    await check();
    // A restart opens the app at its address, without the article's: the library, from which it is opened.
    await session.restartApp();
    await page.locator('.article-link').first().click();
    await check();
  });
});
