import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleRecord } from '../../common/api';
import { generateArticle } from '../bench/generateArticle';
import { importedArticle } from '../support/importedArticle';
import { highlightTexts, highlightsWithLabel, placeCaret, selectTextInEditor, startBrowserSession, waitForSaved, type BrowserSession } from '../support/browserSession';

// 400 paragraphs of 50 words with 2,000 tags: long enough that only the blocks near the viewport are painted with their tags.
const words = 20_000;
const tags = 2_000;

/** How many of the editor's paragraphs show their tags' elements, and how many are tagged in all. */
function paintedParagraphs(page: Page): Promise<{ painted: number; paragraphs: number }> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('.ProseMirror > p')];
    return { painted: paragraphs.filter((paragraph) => paragraph.querySelector('.ann')).length, paragraphs: paragraphs.length };
  });
}

/** The text of the editor's `index`-th paragraph and the ids of the tags painted in it. */
function paragraph(page: Page, index: number): Promise<{ text: string; tagIds: string[] }> {
  return page.evaluate((index) => {
    const element = document.querySelectorAll('.ProseMirror > p')[index]!;
    return { text: element.textContent ?? '', tagIds: [...new Set([...element.querySelectorAll<HTMLElement>('[data-ann-id]')].map((span) => span.dataset.annId!))] };
  }, index);
}

describe('a long tagged article: tags painted where the editor looks, everything else as before', () => {
  let session: BrowserSession;
  let page: Page;
  let articleId: string;

  async function openArticle(hash = `#/article/${articleId}`): Promise<void> {
    await page.goto(`${session.host.url}${hash}`);
    await page.locator('.ProseMirror p').first().waitFor();
  }

  async function storedArticle(): Promise<ArticleRecord> {
    return session.services.handlers.getArticle({ id: articleId });
  }

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: false });
    page = session.page;
    const { handlers } = session.services;
    const summary = importedArticle(await handlers.importText({ text: 'Long article placeholder.', onDuplicate: 'copy' }));
    await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: generateArticle(words, tags).toJSON() });
    articleId = summary.id;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('paints the tags of the blocks near the viewport, and of the others as they scroll into view, with the same text', async () => {
    await openArticle();
    const opened = await paintedParagraphs(page);
    const blocks = ((await storedArticle()).doc as { content: unknown[] }).content.length;
    expect(opened.paragraphs).toBe(blocks - 1);
    expect(opened.painted).toBeGreaterThan(0);
    expect(opened.painted).toBeLessThan(opened.paragraphs / 4);
    const far = await paragraph(page, 350);
    expect(far.tagIds).toEqual([]);

    await page.evaluate(() => document.querySelectorAll('.ProseMirror > p')[350]!.scrollIntoView({ block: 'center' }));
    await expect.poll(async () => (await paragraph(page, 350)).tagIds.length).toBeGreaterThan(0);
    expect((await paragraph(page, 350)).text).toBe(far.text);
    // The painted tags are the article's own: each id's words are the words the stored marks cover.
    const stored = await storedArticle();
    const storedParagraph = (stored.doc as { content: { content: { text: string; marks?: { attrs: { id: string } }[] }[] }[] }).content[351]!;
    const storedIds = [...new Set(storedParagraph.content.flatMap((node) => (node.marks ?? []).map((mark) => mark.attrs.id)))];
    expect((await paragraph(page, 350)).tagIds.sort()).toEqual(storedIds.sort());
  });

  it('tags words far down the article, keeps the tag on its words while typing before it, and finds it after a reload', async () => {
    await openArticle();
    await selectTextInEditor(page, 'marker18505');
    await page.keyboard.press('Alt+Shift+P');
    const taggedId = async () => [...(await highlightsWithLabel(page, 'person')).entries()].find(([, text]) => text === 'marker18505')?.[0];
    await expect.poll(taggedId).toBeDefined();
    const id = (await taggedId())!;
    expect(await highlightTexts(page, id)).toBe('marker18505');
    await placeCaret(page, 'marker18505', 'before');
    await page.keyboard.type('Q');
    await expect.poll(() => highlightTexts(page, id)).toBe('marker18505');
    await waitForSaved(page);

    await openArticle(`#/article/${articleId}?tag=${id}`);
    await expect.poll(() => highlightTexts(page, id)).toBe('marker18505');
    expect(await page.evaluate((id) => document.querySelector(`.ProseMirror [data-ann-id="${id}"]`)!.closest('p')!.textContent, id)).toContain('Qmarker18505');
  });

  it('opens at a tag far down the article, painted and selected', async () => {
    const farTag = 'ann_1900';
    await openArticle(`#/article/${articleId}?tag=${farTag}`);
    // The tag the editor opened at is drawn selected, on screen, and the inspector shows it.
    await expect.poll(() => highlightTexts(page, farTag)).not.toBe('');
    const selected = await page.evaluate(() => {
      const id = document.querySelector<HTMLElement>('.ProseMirror')!.dataset.selectedAnnotation!;
      const element = document.querySelector(`.ProseMirror .ann[data-ann-id="${id}"]`)!;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, onScreen: box.top >= 0 && box.bottom <= window.innerHeight, outline: getComputedStyle(element).outlineStyle };
    });
    expect(selected).toEqual({ text: await highlightTexts(page, farTag), onScreen: true, outline: 'solid' });
    await expect.poll(() => page.getByRole('complementary').or(page.locator('.inspector')).first().textContent()).toContain(selected.text!);
  });

  it('moves to the end of the article with Ctrl+End and types there', async () => {
    await openArticle();
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' The end.');
    await waitForSaved(page);
    const stored = (await storedArticle()).doc as { content: { content: { text: string }[] }[] };
    const last = stored.content[stored.content.length - 1]!;
    expect(last.content.map((node) => node.text).join('')).toMatch(/ The end\.$/);
    expect((await paragraph(page, stored.content.length - 2)).text).toMatch(/ The end\.$/);
  });

  it('lists a page of each side list and the rest on request, the focus going on into the rows just shown', async () => {
    // Twice as long as the others' article, for more than a page of attributions too.
    const { handlers } = session.services;
    const summary = importedArticle(await handlers.importText({ text: 'Longer article placeholder.', onDuplicate: 'copy' }));
    const doc = generateArticle(2 * words, 2 * tags);
    await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: doc.toJSON() });
    await openArticle(`#/article/${summary.id}`);
    const records = Object.values(doc.attrs.annotations as Record<string, { kind: string }>);
    const count = (kind: string) => records.filter((record) => record.kind === kind).length;
    const lists = [
      { tab: 'Figures', rows: page.locator('.figures-panel tbody > tr'), total: count('figure') },
      { tab: 'Sources', rows: page.locator('.sources-panel .attribution-list > li'), total: count('attribution') },
      { tab: 'Annotations', rows: page.getByRole('group', { name: 'Entities' }).locator('li'), total: count('entity') },
    ];
    for (const { tab, rows, total } of lists) {
      expect(total, tab).toBeGreaterThan(300);
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => rows.count(), { message: tab }).toBe(300);
      const showAll = page.getByRole('tabpanel').getByRole('button', { name: `Show all ${total}` });
      await showAll.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rows.count(), { message: tab }).toBe(total);
      expect(await showAll.count(), tab).toBe(0);
      // The focus is in row 301, not back on the page: Enter there selects that row's tag.
      expect(await rows.nth(300).evaluate((row) => row.contains(document.activeElement)), tab).toBe(true);
    }
  });
});
