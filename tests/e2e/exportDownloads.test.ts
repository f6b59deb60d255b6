import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { selectTextInEditor, startBrowserSession, waitForSaved, importSampleArticle, type BrowserSession } from '../support/browserSession';
import { validateNitf } from '../support/validateNitf';
import { loadWadmAssertions, wadmFailures } from '../support/validateWadm';

async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('an editor exports tagged articles from the browser app', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ seedDemo: true });
    page = session.page;
    await page.locator('.ProseMirror').waitFor();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await importSampleArticle(page);
    for (const [text, key] of [
      ['Rami Abdel Rahman', 'Alt+Shift+P'],
      ['Syrian Observatory for Human Rights', 'Alt+Shift+O'],
      ['400,000', 'Alt+Shift+F'],
      ['April 6, 2017', 'Alt+Shift+F'],
    ] as const) {
      await selectTextInEditor(page, text);
      await page.keyboard.press(key);
      await page.waitForTimeout(120);
    }
    await waitForSaved(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('downloads the open article as NITF that validates against the NITF 3.6 schema', async () => {
    await page.locator('.editor-header').getByLabel('Export format').selectOption('nitf');
    const file = await download(page, () => page.locator('.editor-header').getByRole('button', { name: 'Export' }).click());
    expect(file.name).toMatch(/\.xml$/);
    const xml = file.bytes.toString('utf8');
    expect(validateNitf(xml).valid, validateNitf(xml).output).toBe(true);
    expect(xml).toContain('Rami Abdel Rahman</person>');
    expect(xml).toMatch(/<num[^>]*>400,000<\/num>/);
    expect(xml).toMatch(/<chron[^>]*norm="2017-04-06"[^>]*>April 6, 2017<\/chron>/);
  });

  it('downloads W3C Web Annotation JSON-LD whose every annotation passes the MUST assertions', async () => {
    await page.locator('.editor-header').getByLabel('Export format').selectOption('wadm');
    const file = await download(page, () => page.locator('.editor-header').getByRole('button', { name: 'Export' }).click());
    const collection = JSON.parse(file.bytes.toString('utf8')) as { first: { items: unknown[] } };
    const assertions = loadWadmAssertions();
    expect(collection.first.items).toHaveLength(4);
    for (const annotation of collection.first.items) expect(wadmFailures(annotation, assertions)).toEqual([]);
  });

  it('exports every article of the library as one zip, with progress and a summary', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('.library-actions').getByLabel('Export format').selectOption('brat');
    const file = await download(page, () => page.getByRole('button', { name: 'Export all' }).click());
    expect(file.name).toBe('newsroom-export-brat.zip');
    const zip = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(zip.files).sort();
    // Two articles (the demo and the sample): a .txt and .ann each, and one shared annotation.conf.
    expect(names.filter((name) => name.endsWith('.ann'))).toHaveLength(2);
    expect(names.filter((name) => name.endsWith('.txt'))).toHaveLength(2);
    expect(names).toContain('annotation.conf');
    await expect.poll(() => page.getByRole('status', { name: 'Export progress' }).textContent()).toContain('Exported 2 of 2');
  });
});
