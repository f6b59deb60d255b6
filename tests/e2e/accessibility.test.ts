import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoArticle, startBrowserSession, type BrowserSession } from '../support/browserSession';
import { seriousAccessibilityViolations } from '../support/accessibility';

// Every view of the app, checked by axe-core as the user reaches it (by keyboard where the view is reached so).
describe('accessibility of every view', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
    await openDemoArticle(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the editor, with a tag selected in the inspector', async () => {
    await page.locator('.ProseMirror [data-ann-id]').first().click();
    await page.locator('.inspector h2 .inspector-text').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the history dialog', async () => {
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the library', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('table').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the paste, rename and delete dialogs of the library', async () => {
    for (const opener of [/^Paste article…$/, /^Rename /, /^Delete /]) {
      await page.getByRole('button', { name: opener }).first().click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousAccessibilityViolations(page), String(opener)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  });

  it('the registry', async () => {
    await page.getByRole('button', { name: 'Registry', exact: true }).click();
    await page.getByRole('region', { name: 'Registry' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the trash', async () => {
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('heading', { name: /Trash/ }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the backups dialog', async () => {
    await page.getByRole('button', { name: 'Backups…', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the preferences dialog', async () => {
    await page.locator('.user-name').click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
