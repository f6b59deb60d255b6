import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importSampleArticle, placeCaret, selectTextInEditor, startBrowserSession, type BrowserSession } from '../support/browserSession';

/** The words the page underlines as waiting for review (a dashed underline, as drawn), joined per tag. */
async function wordsNeedingReview(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = new Map<string, string>();
    for (const element of document.querySelectorAll<HTMLElement>('.ProseMirror .ann[data-ann-part="content"]')) {
      const style = getComputedStyle(element);
      if (!style.textDecorationLine.includes('underline') || style.textDecorationStyle !== 'dashed') continue;
      words.set(element.dataset.annId!, (words.get(element.dataset.annId!) ?? '') + (element.textContent ?? ''));
    }
    return [...words.values()];
  });
}

describe('review flags and cue spans in the editor (sample article)', () => {
  let session: BrowserSession;
  let page: Page;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    await importSampleArticle(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks a tag for review by shortcut: its words are underlined and the inspector says the editor set it', async () => {
    await selectTextInEditor(page, 'Interfax', 0);
    await page.keyboard.press('Alt+Shift+O');
    await placeCaret(page, 'Interfax', 'before', 0);
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => wordsNeedingReview(page)).toEqual(['Interfax']);
    // Typing inside the flagged words changes their text in place: nothing around them is redrawn.
    await placeCaret(page, 'fax', 'before', 0);
    await page.evaluate(() => {
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((mutations) => records.push(...mutations));
      observer.observe(document.querySelector('.ProseMirror')!, { childList: true, characterData: true, subtree: true });
      (window as unknown as { stopCounting: () => number }).stopCounting = () => {
        observer.disconnect();
        return records.filter((record) => record.type === 'childList').length;
      };
    });
    await page.keyboard.type('-');
    await expect.poll(() => wordsNeedingReview(page)).toEqual(['Inter-fax']);
    expect(await page.evaluate(() => (window as unknown as { stopCounting: () => number }).stopCounting())).toBe(0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => wordsNeedingReview(page)).toEqual(['Interfax']);
    const note = page.getByTestId('review-note');
    await expect.poll(() => note.textContent()).toBe('Needs review: Set by the editor');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect.poll(() => wordsNeedingReview(page)).toEqual([]);
    expect(await note.count()).toBe(0);
    // Undo brings the flag and its underline back.
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => wordsNeedingReview(page)).toEqual(['Interfax']);
  });

  it('lists each cue of an attribution and removes one with the keyboard, leaving the other', async () => {
    await selectTextInEditor(page, '"all necessary assistance"');
    await page.keyboard.press('Alt+Shift+A');
    await page.keyboard.press('Escape');
    await selectTextInEditor(page, 'according to Russian news agencies');
    await page.keyboard.press('Alt+Shift+C');
    const cues = page.getByRole('list', { name: 'Cue spans' });
    await expect.poll(() => cues.locator('.cue-text').allTextContents()).toEqual(['said', 'according to Russian news agencies']);
    const remove = page.getByRole('button', { name: 'Remove cue “said”' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cues.locator('.cue-text').allTextContents()).toEqual(['according to Russian news agencies']);
    // The focus stays in the list, on the next cue's button, for the next key.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove cue “according to Russian news agencies”');
    const cueHighlights = await page.evaluate(() => [...document.querySelectorAll('.ProseMirror [data-ann-part="cue"]')].map((element) => element.textContent));
    expect(cueHighlights).not.toContain('said');
    expect(cueHighlights).toContain('according to Russian news agencies');
  });

  it('serves the favicon under the app’s content security policy', async () => {
    const icon = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!link) return null;
      const response = await fetch(link.href);
      return { status: response.status, type: response.headers.get('content-type'), svg: (await response.text()).startsWith('<svg') };
    });
    expect(icon).toEqual({ status: 200, type: 'image/svg+xml', svg: true });
    expect(policyViolations).toEqual([]);
  });
});
