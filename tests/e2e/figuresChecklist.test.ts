import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleRecord } from '../../common/api';
import type { FigureAnnotation } from '../../common/model/annotation';
import { selectedTagText, startBrowserSession, type BrowserSession } from '../support/browserSession';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { figuresDeskCounts, seedFiguresDesk } from '../support/figuresDesk';

// The figures checklist as a fact-checker works through it, on the hand-counted desk of tests/support/figuresDesk.ts.
describe('the figures checklist in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let desk: { douma: string; harbour: string };

  const rows = () => page.locator('tr.figure-row');
  const rowOf = (words: string) => rows().filter({ has: page.locator('mark', { hasText: new RegExp(`^${words}$`) }) });
  const summary = () => page.getByLabel('Counts');
  const recordOf = async (articleId: string, annotationId: string) => {
    const article = (await session.services.handlers.getArticle({ id: articleId })) as ArticleRecord;
    return { revision: article.revision, record: (article.doc as { attrs: { annotations: Record<string, FigureAnnotation> } }).attrs.annotations[annotationId]! };
  };
  const waitForRows = async (count: number) => {
    await page.waitForFunction((expected) => document.querySelectorAll('tr.figure-row').length === expected && !document.querySelector('.figures-list[aria-busy="true"]'), count);
  };

  beforeAll(async () => {
    session = await startBrowserSession({});
    page = session.page;
    desk = seedFiguresDesk(session.services);
    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    await waitForRows(figuresDeskCounts.open);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows every figure still to check with the counts, the marked words and the flags', async () => {
    await expect.poll(() => summary().textContent()).toBe(
      '11 figures to check (10 unchecked, 1 disputed) · 1 verified · 5 flagged figures in this list · 1 figure suggestion still waiting (accept them in the article to check them)',
    );
    expect(await rows().locator('mark').allTextContents()).toEqual([
      '52 civilians', '60 children', '400,000 civilians', '350,000 civilians', '422,000 euros', '120 percent', '3.5 million dollars', 'three weeks', '45%', '12 families', '4 children',
    ]);
    expect(await rowOf('60 children').locator('.figure-flag').textContent()).toBe('⚑ Part larger than its whole: “60 children” (60) is given as part of “52 civilians” (52) but is larger. Open the other figure');
    expect(await rowOf('120 percent').locator('.figure-flag').textContent()).toMatch(/^⚑ Percentage over 100: 120% is more than the whole/);
    expect(await rowOf('4 children').locator('.figure-flag').count()).toBe(0);
    expect(await rowOf('422,000 euros').locator('.figure-value summary').textContent()).toBe('€422,000');
    expect(await rowOf('3.5 million dollars').locator('.figure-value summary').textContent()).toBe('$3,500,000');
    expect(await rowOf('three weeks').locator('.figure-value summary').textContent()).toBe('3 weeks');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('filters by kind, verification, article status and flags, keeping the filters in the URL across a reload', async () => {
    await page.getByLabel('Figure kind').selectOption('money');
    await waitForRows(2);
    expect(page.url()).toContain('kind=money');
    await page.reload();
    await waitForRows(2);
    expect(await rows().locator('.figure-value summary').allTextContents()).toEqual(['€422,000', '$3,500,000']);
    await page.getByLabel('Figure kind').selectOption('');
    await page.getByLabel('Verification').selectOption('verified');
    await waitForRows(1);
    expect(await rows().locator('mark').allTextContents()).toEqual(['7 March 2018']);
    expect(await rows().locator('.figure-value summary').textContent()).toBe('7 March 2018');
    await page.getByLabel('Verification').selectOption('');
    await page.getByLabel('Article status').selectOption('in_review');
    await waitForRows(5);
    await expect.poll(() => page.locator('.selection-banner').textContent()).toMatch(/^Articles status In review\./);
    await page.getByRole('button', { name: 'Every article' }).click();
    await waitForRows(figuresDeskCounts.open);
    await page.getByLabel('Only flagged figures').check();
    await waitForRows(figuresDeskCounts.flagged);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Its state is in the address: it shows the new state in the click that changed it, not a task later.
    expect(await page.getByLabel('Only flagged figures').evaluate((box: HTMLInputElement) => (box.click(), box.checked))).toBe(false);
    await waitForRows(figuresDeskCounts.open);
    await page.getByRole('button', { name: /^Value/ }).click();
    await expect.poll(() => rows().first().locator('mark').textContent()).toBe('3.5 million dollars');
    await page.getByRole('button', { name: /^Article/ }).click();
    await expect.poll(() => rows().first().locator('mark').textContent()).toBe('52 civilians');
  });

  it('marks figures disputed and verified with a note by keyboard alone, saved as revisions and shown in place', async () => {
    // Tab from the top of the page to the table: the active row is the table's one tab stop.
    await page.getByLabel('Verification').focus();
    for (let presses = 0; presses < 20 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'TR'; presses++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('mark')?.textContent)).toBe('52 civilians');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.querySelector('mark')?.textContent)).toBe('60 children');
    // A dispute needs a note: the refusal is said, and the note field takes the focus.
    await page.keyboard.press('d');
    await expect.poll(() => rowOf('60 children').getByRole('alert').textContent()).toBe('Not saved: Say why the figure is disputed in its source note.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source note for “60 children”');
    await page.keyboard.type('Monitor lists 6 children');
    await page.keyboard.press('Enter');
    await page.keyboard.press('d');
    await expect.poll(() => rowOf('60 children').locator('.verification-badge').textContent()).toBe('Disputed');
    expect(await recordOf(desk.douma, 'children')).toMatchObject({ revision: 2, record: { figure: { verification: 'disputed', sourceNote: 'Monitor lists 6 children' } } });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('n');
    await page.keyboard.type('UN OCHA, 7 March');
    await page.keyboard.press('Enter');
    await page.keyboard.press('v');
    await expect.poll(() => rowOf('400,000 civilians').locator('.verification-badge').textContent()).toBe('Verified');
    expect(await recordOf(desk.douma, 'trapped')).toMatchObject({ revision: 3, record: { figure: { verification: 'verified', sourceNote: 'UN OCHA, 7 March' } } });
    await expect.poll(() => summary().textContent()).toMatch(/^10 figures to check \(8 unchecked, 2 disputed\) · 2 verified/);
    // The raw value is one key away.
    await page.keyboard.press('r');
    expect(await rowOf('400,000 civilians').locator('.raw-value').textContent()).toBe('Raw: 400000');
    expect(await rowOf('400,000 civilians').locator('.raw-value').isVisible()).toBe(true);
  });

  it('opens the article at the figure with Enter, and at the other figure of a flag', async () => {
    expect(await page.evaluate(() => document.activeElement?.querySelector('mark')?.textContent)).toBe('400,000 civilians');
    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror').waitFor();
    expect(page.url()).toContain(`#/article/${desk.douma}?tag=trapped`);
    await expect.poll(() => selectedTagText(page)).toBe('400,000 civilians');
    await page.goBack();
    await waitForRows(10);
    // A flag leads to the figure it disagrees with.
    await rowOf('350,000 civilians').getByRole('button', { name: 'Open the other figure' }).click();
    await page.locator('.ProseMirror').waitFor();
    expect(page.url()).toContain(`#/article/${desk.douma}?tag=trapped`);
  });
});
