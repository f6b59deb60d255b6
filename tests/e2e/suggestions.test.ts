import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { importSampleArticle, placeCaret, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

const walQuote = 'There are no direct or indirect negotiations with the Russian enemy or its allies';

/** A highlight as the page shows it: one annotation's words, label and whether it is still a suggestion. */
interface Highlight {
  id: string;
  words: string;
  label: string;
  suggested: boolean;
}

/** Every annotation's content highlights in the text, in text order. */
async function highlights(page: Page): Promise<Highlight[]> {
  return page.evaluate(() => {
    const byId = new Map<string, { id: string; words: string; label: string; suggested: boolean }>();
    for (const el of document.querySelectorAll<HTMLElement>('.ProseMirror [data-ann-id][data-ann-part="content"]')) {
      const id = el.dataset.annId!;
      const entry = byId.get(id) ?? { id, words: '', label: el.dataset.annLabel ?? '', suggested: el.dataset.annSuggested === 'true' };
      entry.words += el.textContent ?? '';
      byId.set(id, entry);
    }
    return [...byId.values()];
  });
}

async function suggestedOn(page: Page, words: string, label?: string): Promise<Highlight[]> {
  return (await highlights(page)).filter((highlight) => highlight.suggested && highlight.words === words && (label === undefined || highlight.label === label));
}

/**
 * Puts the caret one character before `text`, outside any suggestion starting there, and steps by keyboard to the
 * next suggestion, which is the one on `text`.
 */
async function goToSuggestionAt(page: Page, text: string, occurrence = 0): Promise<void> {
  await placeCaret(page, text, 'before', occurrence);
  await page.keyboard.press('ArrowLeft');
  // ProseMirror reads the moved caret from the DOM's selectionchange, which comes a moment later.
  await page.waitForTimeout(80);
  await page.keyboard.press('Alt+Shift+J');
}

async function inspectorText(page: Page): Promise<string> {
  return (await page.getByRole('region', { name: 'Inspector' }).textContent()) ?? '';
}

describe('an editor works through the suggestions of the sample article by keyboard', () => {
  let session: BrowserSession;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = await startBrowserSession({ suggestions: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the sample with suggestions, outlined apart from tags and counted in the header', async () => {
    await page.getByRole('region', { name: 'Library' }).waitFor();
    await importSampleArticle(page);
    await expect.poll(async () => (await highlights(page)).filter((highlight) => highlight.suggested).length, { timeout: 30_000 }).toBeGreaterThan(20);
    const waiting = (await highlights(page)).filter((highlight) => highlight.suggested).length;
    await expect.poll(() => page.getByRole('button', { name: 'Suggestions waiting' }).textContent()).toMatch(/^\d+ suggestions waiting$/);
    const counted = Number((await page.getByRole('button', { name: 'Suggestions waiting' }).textContent())!.split(' ')[0]);
    expect(counted).toBeGreaterThanOrEqual(waiting);
    // Outlined, not filled: a suggestion has no background where a tag has one.
    const look = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.ProseMirror .ann-suggested.ann-label-person');
      return el ? { background: getComputedStyle(el).backgroundColor, outline: getComputedStyle(el).boxShadow } : null;
    });
    expect(look?.background).toBe('rgba(0, 0, 0, 0)');
    expect(look?.outline).toContain('inset');
    await expect.poll(() => page.getByRole('group', { name: 'Suggested entities' }).count()).toBe(1);
  });

  it('suggests Rami Abdel Rahman as a person, SOHR as an organisation, 400,000 with its value, and Wael Alwan’s quote with its speaker', async () => {
    expect(await suggestedOn(page, 'Rami Abdel Rahman', 'person')).toHaveLength(1);
    expect((await suggestedOn(page, 'SOHR', 'organisation')).length).toBeGreaterThanOrEqual(2);
    await goToSuggestionAt(page, '400,000');
    await expect.poll(() => inspectorText(page)).toContain('“400,000”');
    await expect.poll(() => page.getByLabel('Value', { exact: true }).inputValue()).toBe('400000');
    await goToSuggestionAt(page, `"${walQuote}`);
    await expect.poll(() => inspectorText(page)).toContain(walQuote);
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');
    // Moving through suggestions leaves the keyboard in the text.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
  });

  it('suggests Douma as a place', async () => {
    const douma = (await highlights(page)).filter((highlight) => highlight.suggested && highlight.words === 'Douma');
    expect(douma.length).toBeGreaterThan(0);
    expect(douma.map((highlight) => highlight.label)).toContain('place');
  });

  it('accepts a suggestion by keyboard: the tag is the editor’s, linked to the registry', async () => {
    await goToSuggestionAt(page, 'Rami Abdel Rahman');
    await expect.poll(() => inspectorText(page)).toContain('Rami Abdel Rahman');
    await page.keyboard.press('Alt+Shift+Enter');
    await expect.poll(async () => (await highlights(page)).filter((highlight) => highlight.words === 'Rami Abdel Rahman' && highlight.label === 'person' && !highlight.suggested).length).toBe(1);
    ids.rami = (await highlights(page)).find((highlight) => highlight.words === 'Rami Abdel Rahman')!.id;
    await expect.poll(() => inspectorText(page)).toContain('Tagged by e2e editor');
    const registry = await session.services.handlers.listEntities({ query: 'Rami Abdel Rahman' });
    expect(registry.map((entity) => entity.name)).toContain('Rami Abdel Rahman');
  });

  it('accepts the quote with the speaker and cue it was suggested with', async () => {
    await goToSuggestionAt(page, `"${walQuote}`);
    await page.keyboard.press('Alt+Shift+Enter');
    await expect.poll(async () => (await highlights(page)).some((highlight) => highlight.words.includes(walQuote) && !highlight.suggested)).toBe(true);
    ids.quote = (await highlights(page)).find((highlight) => highlight.words.includes(walQuote))!.id;
    await expect.poll(() => page.getByTestId('speaker-name').textContent()).toBe('Wael Alwan');
    const cue = await page.evaluate((id) => [...document.querySelectorAll(`.ProseMirror [data-ann-id="${id}"][data-ann-part="cue"]`)].map((el) => el.textContent).join(''), ids.quote);
    expect(cue).toBe('said');
  });

  it('rejects a suggestion by keyboard, and undo brings it back', async () => {
    const target = (await highlights(page)).find((highlight) => highlight.suggested && highlight.words === 'Muscat');
    expect(target, 'a suggestion on Muscat').toBeDefined();
    ids.muscat = target!.id;
    await goToSuggestionAt(page, 'Muscat');
    await expect.poll(() => inspectorText(page)).toContain('Muscat');
    await page.keyboard.press('Alt+Shift+D');
    await expect.poll(async () => (await highlights(page)).some((highlight) => highlight.id === ids.muscat)).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await highlights(page)).some((highlight) => highlight.id === ids.muscat && highlight.suggested)).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await highlights(page)).some((highlight) => highlight.id === ids.muscat)).toBe(false);
  });

  it('accepts every suggestion of one name at once, and undo takes them all back', async () => {
    const sohr = await suggestedOn(page, 'SOHR', 'organisation');
    expect(sohr.length).toBeGreaterThanOrEqual(2);
    await goToSuggestionAt(page, 'SOHR');
    await expect.poll(() => inspectorText(page)).toContain('SOHR');
    await page.keyboard.press('Alt+Shift+M');
    const acceptedSohr = async () => (await highlights(page)).filter((highlight) => highlight.words === 'SOHR' && !highlight.suggested).length;
    await expect.poll(acceptedSohr).toBe(sohr.length);
    await page.keyboard.press('Control+z');
    await expect.poll(acceptedSohr).toBe(0);
    expect(await suggestedOn(page, 'SOHR', 'organisation')).toHaveLength(sohr.length);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(acceptedSohr).toBe(sohr.length);
  });

  it('after a reload finds accepted tags accepted and rejected ones gone, and suggesting again does not bring them back', async () => {
    await waitForSaved(page);
    // The reload comes back to the open article: the URL names it.
    await page.reload();
    await page.locator('.ProseMirror').waitFor();
    await expect.poll(async () => (await highlights(page)).length).toBeGreaterThan(20);
    const after = await highlights(page);
    expect(after.find((highlight) => highlight.id === ids.rami)).toMatchObject({ words: 'Rami Abdel Rahman', label: 'person', suggested: false });
    expect(after.find((highlight) => highlight.id === ids.quote)?.suggested).toBe(false);
    expect(after.filter((highlight) => highlight.words === 'SOHR').every((highlight) => !highlight.suggested)).toBe(true);
    expect(after.some((highlight) => highlight.words === 'Muscat')).toBe(false);

    // Suggest again on demand: the rejected words stay untagged, and no tag or suggestion is doubled.
    const countOn = (list: Highlight[], words: string) => list.filter((highlight) => highlight.words === words).length;
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Alt+Shift+U');
    await expect.poll(() => page.locator('.notice-text').textContent(), { timeout: 30_000 }).toMatch(/^(No new suggestions\.|\d+ suggestions? added\.)$/);
    const again = await highlights(page);
    expect(again.some((highlight) => highlight.words === 'Muscat' && highlight.suggested)).toBe(false);
    for (const words of ['SOHR', 'Rami Abdel Rahman', 'Wael Alwan', '400,000']) expect(countOn(again, words), words).toBe(countOn(after, words));
  });

  it('exports accepted tags only, unless “Include suggestions” is ticked', async () => {
    const header = page.locator('.editor-header');
    await header.getByLabel('Export format').selectOption('json');
    const exported = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), header.getByRole('button', { name: 'Export' }).click()]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const suggestedIn = (json: string) => (json.match(/"status":\s*"suggested"/g) ?? []).length;
    const acceptedOnly = await exported();
    expect(acceptedOnly).toContain('Rami Abdel Rahman');
    expect(suggestedIn(acceptedOnly)).toBe(0);
    await header.getByLabel('Include suggestions').check();
    const withSuggestions = await exported();
    expect(suggestedIn(withSuggestions)).toBeGreaterThan(20);
  });
});
