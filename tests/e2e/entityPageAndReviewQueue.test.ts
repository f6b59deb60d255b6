import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { projectRoot, startBrowserSession, type BrowserSession } from '../support/browserSession';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { seedEntityDesk, type EntityDesk } from '../support/entityDeskFixture';

// The hand-counted desk of tests/support/entityDeskFixture.ts, in the real renderer over the loopback host.
describe('entity pages and the review queue', () => {
  let session: BrowserSession;
  let page: Page;
  let desk: EntityDesk;
  const screens = join(projectRoot, 'test-artifacts', 'screens');

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    desk = await seedEntityDesk(session.services);
    mkdirSync(screens, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  const rowTexts = async (selector: string) => (await page.locator(selector).allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());

  it('opens an entity page from the registry with its names, mentions, quotes, co-mentions and timeline', async () => {
    await page.getByRole('button', { name: 'Registry', exact: true }).click();
    await page.getByRole('button', { name: /Lena Ortiz/ }).click();
    await page.getByRole('button', { name: 'Open entity page' }).click();
    const entityPage = page.getByRole('region', { name: 'Entity page: Lena Ortiz' });
    await entityPage.waitFor();
    await expect(page.getByRole('heading', { level: 1, name: 'Lena Ortiz' }).isVisible()).resolves.toBe(true);
    const facts = await page.locator('.entity-facts').innerText();
    expect(facts).toContain('Ortiz');
    expect(facts).toContain('Wikidata: Q42');
    expect(facts).toContain('Chair of the harbour trust.');
    expect(await page.locator('.entity-summary').innerText()).toBe('3 mentions in 2 articles · quoted 2 times in 2 articles · 1 suggestion waiting, not counted');

    await page.getByRole('heading', { name: 'Chair visits the island' }).waitFor();
    expect(await page.locator('#entity-mentions-heading').innerText()).toContain('3 mentions in 2 articles');
    expect(await rowTexts('.entity-section .mention-article h3')).toEqual(['Chair visits the island 20 Jan 2026 · 2 mentions', 'Harbour trust to rebuild walls 5 Jan 2026 · 1 mention']);
    expect(await rowTexts('.mention-sentence')).toEqual(['Ortiz visited Islay on Monday.', 'Lena Ortiz smiled.', 'Lena Ortiz said the trust would rebuild the walls.']);

    await page.locator('.entity-quotes tbody tr').first().waitFor();
    expect(await rowTexts('.entity-quotes tbody tr')).toEqual([
      '“We start in May” Direct AFP Chair visits the island 20 Jan 2026',
      'the trust would rebuild the walls Indirect AFP Harbour trust to rebuild walls 5 Jan 2026',
    ]);
    expect(await rowTexts('.co-mentions tbody tr')).toEqual(['Islay Place 1 1', 'Port Ellen Harbour Trust Organisation 1 1']);
    expect(await page.locator('#entity-timeline-heading').innerText()).toContain('by import date, per day');
    expect(await rowTexts('.timeline-table tbody tr')).toEqual(['5 Jan 2026 1 1', '20 Jan 2026 2 1']);
    expect(await page.locator('.timeline-bar').count()).toBe(16);
    await page.screenshot({ path: join(screens, 'entity-page.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('leads on from every row: a co-mentioned entity, a medium, a quote opening its article at the tag', async () => {
    await page.getByRole('button', { name: 'Islay', exact: true }).click();
    await page.getByRole('region', { name: 'Entity page: Islay' }).waitFor();
    expect(await page.locator('.entity-summary').innerText()).toContain('2 mentions in 2 articles');
    await page.goBack();
    await page.getByRole('region', { name: 'Entity page: Lena Ortiz' }).waitFor();
    await page.getByRole('button', { name: '“We start in May”' }).click();
    await page.locator('.ProseMirror').waitFor();
    expect(page.url()).toContain(`#/article/${desk.visit.id}?tag=q2`);
    await page.locator('.inspector h2 .inspector-text').waitFor();
    expect(await page.locator('.inspector h2 .inspector-text').innerText()).toContain('We start in May');
  });

  it('opens the entity page from a tag in the editor', async () => {
    await page.goto(`${session.host.url.split('#')[0]}#/article/${desk.harbour.id}?tag=m2`);
    await page.getByTestId('linked-entity-name').waitFor();
    expect(await page.getByTestId('linked-entity-name').innerText()).toBe('Port Ellen Harbour Trust');
    await page.getByRole('button', { name: 'Entity page', exact: true }).click();
    await page.getByRole('region', { name: 'Entity page: Port Ellen Harbour Trust' }).waitFor();
    expect(await page.locator('.entity-summary').innerText()).toContain('1 mention in 1 article');
    expect(await rowTexts('.co-mentions tbody tr')).toEqual(['Lena Ortiz Person 1 1']);
    expect(await page.locator('.entity-quotes').count()).toBe(0);
    expect(await page.getByText('No attribution names this entity as its speaker.').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('steps through the review queue by keyboard, opens the tag, and back returns to the same item', async () => {
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.locator('.review-summary').filter({ hasText: 'waiting' }).waitFor();
    expect(await page.locator('.review-summary').innerText()).toBe('4 tags waiting in 3 articles: 2 needing review, 2 suggestions.');
    expect(await rowTexts('.review-article h2')).toEqual([
      'Island council meets 1 needing review · 1 suggestion',
      'Chair visits the island 1 needing review · 0 suggestions',
      'Harbour trust to rebuild walls 0 needing review · 1 suggestion',
    ]);
    expect(await rowTexts('.review-reason')).toEqual([
      'Suggestion waiting to be accepted or rejected · by suggestions',
      'Its figure changed: £3m → £4m · by desk editor',
      'Its words changed: Lena Ortis → Lena Ortiz · by desk editor',
      'Suggestion waiting to be accepted or rejected · by suggestions',
    ]);
    // Tab reaches the queue at its current item, the first; j and the arrows move.
    await page.locator('.review-item').first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    const focused = page.locator('.review-item:focus');
    expect(await focused.getAttribute('data-index')).toBe('2');
    expect(await focused.locator('.review-words').innerText()).toBe('Lena Ortiz');
    expect(page.url()).toContain('at=2');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screens, 'review-queue.png'), fullPage: true });

    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror').waitFor();
    expect(page.url()).toContain(`#/article/${desk.visit.id}?tag=m5`);
    await page.locator('.inspector h2 .inspector-text').waitFor();
    expect(await page.locator('.inspector h2 .inspector-text').innerText()).toContain('Lena Ortiz');

    await page.goBack();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.locator('.review-item:focus').waitFor();
    expect(await page.locator('.review-item:focus').getAttribute('data-index')).toBe('2');
    await page.keyboard.press('j');
    expect(await page.locator('.review-item:focus .review-words').innerText()).toBe('£3m');
  });

  it('filters the queue by state and kind, and keeps the filter on reload', async () => {
    await page.getByRole('combobox', { name: 'Show' }).selectOption('needs_review');
    await page.getByRole('combobox', { name: 'Filter by tag kind' }).selectOption('figure');
    await page.locator('.review-summary').filter({ hasText: '1 tag waiting' }).waitFor();
    expect(await page.locator('.review-summary').innerText()).toBe('1 tag waiting in 1 article: 1 needing review, 0 suggestions.');
    await page.reload();
    await page.locator('.review-summary').filter({ hasText: '1 tag waiting' }).waitFor();
    expect(await rowTexts('.review-words')).toEqual(['£4m']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
