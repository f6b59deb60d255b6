import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../support/browserSession';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { seedSourcingDesk, type SeededArticles, type SeededEntities } from '../support/sourcingDesk';

// The seeded desk and its hand counts are in tests/support/sourcingDesk.ts and tests/integration/sourcingAudit.test.ts.
describe('the sourcing audit in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let entities: SeededEntities;
  let articles: SeededArticles;

  const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const total = (label: string) => page.locator(`.audit-total[data-label="${label}"]`);
  const openAudit = async (hash = '#/audit') => {
    await page.evaluate((target) => (window.location.hash = target), hash);
    await page.locator('.audit-tab-panel').waitFor();
  };
  const download = async (start: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), start()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };
  // Whether a chart's canvas holds drawn pixels (chart.js draws on canvas; a blocked script leaves it blank).
  const drawnPixels = (testId: string) =>
    page.locator(`[data-testid="${testId}"] canvas`).evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) painted++;
      return painted;
    });

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    ({ entities, articles } = await seedSourcingDesk(session.services));
    await session.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
    });
    await page.reload();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('audits every article: the numbers counted by hand, three charts drawn with no CSP violation, no serious axe violation', async () => {
    await page.getByRole('button', { name: 'Sourcing', exact: true }).click();
    await page.locator('[data-testid="audit-summary"]').waitFor();
    await expect.poll(() => page.locator('.selection-banner').textContent()).toContain('Every article in the library.');
    expect(await total('Quotes (attributions)').locator('dd').textContent()).toBe('11');
    expect(await total('Named sources').locator('dd').textContent()).toBe('660%');
    expect(await total('Anonymous sources').locator('dd').textContent()).toBe('440%');
    expect(await total('Without a speaker yet').locator('dd').textContent()).toBe('19.1%');
    expect(await total('Direct quotes').locator('dd').textContent()).toBe('654.5%');
    expect(await page.getByTestId('audit-waiting').textContent()).toContain('1 attribution suggestion is still waiting');
    for (const chart of ['chart-over-time', 'chart-top-sources', 'chart-per-article']) expect(await drawnPixels(chart)).toBeGreaterThan(500);
    expect(await page.locator('[data-testid="chart-top-sources"] canvas').getAttribute('aria-label')).toContain('Lena Ortiz: 2');
    expect(await page.locator('[data-testid="chart-over-time"] tbody tr').allTextContents()).toEqual(['Jan 2024220', 'Feb 2024421']);
    expect(await cspViolations()).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('downloads a chart table as CSV with the numbers behind it', async () => {
    const file = await download(() => page.getByRole('button', { name: 'Export CSV: Named and anonymous quotes by import month' }).click());
    expect(file.name).toBe('named-and-anonymous-quotes-by-import-month.csv');
    expect(file.text).toBe('\uFEFFMonth,Named,Anonymous,Without a speaker,Named share,Anonymous share\r\n2024-01,2,2,0,0.5,0.5\r\n2024-02,4,2,1,0.5714,0.2857\r\n');
  });

  it('lists who is quoted by keyboard, and a speaker row opens its entity page', async () => {
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('audit-speakers').waitFor();
    expect(await page.getByRole('tab', { name: 'Who is quoted' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/audit?tab=speakers');
    const rows = page.locator('[data-testid="audit-speakers"] tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['Person', 'Official', '2', '20%', '1', '1 · 1 · 0']);
    expect(await page.locator('[data-testid="audit-roles"] tbody tr').allTextContents()).toEqual(['Agency233.3%', 'Official233.3%', 'Expert116.7%', 'Not in the registry116.7%']);
    expect(await page.locator('[data-testid="audit-genders"] tbody tr').allTextContents()).toEqual(['woman266.7%', 'Not recorded133.3%']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Down from the first row's button, then Enter: the second most quoted (by name) opens.
    await rows.first().getByRole('button').focus();
    const second = (await rows.nth(1).getByRole('button').textContent())!;
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await rows.filter({ hasText: 'Lena Ortiz' }).getByRole('button').press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/entity/${entities.ortiz.id}`);
    await page.goBack();
    await page.getByTestId('audit-speakers').waitFor();
  });

  it('shows media and reasons for anonymity, and the articles to check, each opening the article', async () => {
    await page.getByRole('tab', { name: 'Media and anonymity' }).click();
    expect(await page.locator('[data-testid="audit-media"] tbody tr').allTextContents()).toEqual(['No medium given872.7%', 'Reuters218.2%', 'Agence France-Presse19.1%']);
    expect(await page.locator('[data-testid="audit-reasons"] tbody tr').allTextContents()).toEqual(['not authorised to speak250%', 'fear of reprisal125%', 'No reason given125%']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Articles to check' }).click();
    const single = page.locator('[data-testid="audit-single-source"]');
    expect(await single.locator('h3').textContent()).toBe('Articles resting on a single source 2');
    expect(await single.locator('tbody th').allTextContents()).toEqual(['Trust confirms grant', 'A letter from Jo Bloggs']);
    expect(await page.locator('[data-testid="audit-anonymous-heavy"] tbody tr').allTextContents()).toEqual(['Residents fear the worksFeb 20, 20244123']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await single.getByRole('button', { name: 'Trust confirms grant' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/article/${articles.B}`);
    await page.locator('.ProseMirror').waitFor();
  });

  it('audits the library selection only, and widens to every article', async () => {
    await openAudit('#/audit?status=done');
    await expect.poll(() => page.locator('.selection-banner').textContent()).toContain('Articles status Done.');
    expect(await total('Quotes (attributions)').locator('dd').textContent()).toBe('3');
    expect(await total('Named sources').locator('dd').textContent()).toBe('3100%');
    expect(await page.getByTestId('audit-waiting').textContent()).toBe('No attribution suggestions are waiting in these articles.');
    expect(await cspViolations()).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Every article' }).click();
    await expect.poll(() => total('Quotes (attributions)').locator('dd').textContent()).toBe('11');
  });

  it('takes a role and a self-described gender edited in the registry into the audit', async () => {
    await page.getByRole('button', { name: 'Registry', exact: true }).click();
    await page.getByRole('button', { name: /^Sam Reed/ }).click();
    const editor = page.getByRole('form', { name: 'Entity' });
    await editor.getByLabel('New source role').fill('Campaigner');
    await editor.getByRole('button', { name: 'Add role' }).click();
    await expect.poll(() => editor.getByLabel('Source role', { exact: true }).inputValue()).toBe('campaigner');
    expect(await editor.locator('#gender-hint').textContent()).toBe('As the person describes themselves; leave empty if not known.');
    await editor.getByLabel('Self-described gender').fill('non-binary');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save entity' }).click();
    await expect.poll(async () => (await session.services.handlers.getEntity({ id: entities.reed.id })).selfDescribedGender).toBe('non-binary');
    await openAudit('#/audit?tab=speakers');
    expect(await page.locator('[data-testid="audit-roles"] tbody tr').allTextContents()).toEqual(['Agency233.3%', 'Official233.3%', 'Campaigner116.7%', 'Not in the registry116.7%']);
    expect(await page.locator('[data-testid="audit-genders"] tbody tr').allTextContents()).toEqual(['woman266.7%', 'non-binary133.3%']);
    expect(await cspViolations()).toEqual([]);
  });
});
