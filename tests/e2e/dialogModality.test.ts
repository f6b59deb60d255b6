import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../support/browserSession';

// Where the focus is: inside the open dialog, or the accessible name of the focused element outside it.
async function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.closest('dialog')) return 'dialog';
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? active?.tagName ?? 'none';
  });
}

// Dialogs are made modal by the app rather than by showModal(): the same promises, checked as a user meets them.
describe('a dialog', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is modal: it takes the focus, keeps Tab inside, ignores clicks on the page behind, and Escape gives the focus back', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('table').waitFor();
    const opener = page.getByRole('button', { name: /^Rename / }).first();
    await opener.focus();
    const openerName = await opener.getAttribute('aria-label');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Rename article' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    // The title field is the first control, and takes the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Title');

    // Tab goes round the title, Cancel and Rename, forwards and backwards, never out to the page.
    const seen: string[] = [];
    for (let press = 0; press < 4; press++) {
      await page.keyboard.press('Tab');
      expect(await focusPlace(page)).toBe('dialog');
      seen.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(seen).toEqual(['Cancel', 'Rename', 'Title', 'Cancel']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rename');

    // A click on the navigation behind the dialog neither navigates nor takes the focus.
    const registry = page.getByRole('button', { name: 'Registry', exact: true });
    const box = (await registry.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await dialog.isVisible()).toBe(true);
    expect(await focusPlace(page)).toBe('dialog');
    expect(await page.getByRole('table').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(openerName);
  });
});
