/**
 * Takes screenshots of every screen with the sample article, for people to look at UI changes:
 * `npx tsx tests/support/takeScreenshots.ts` writes PNGs to test-artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { placeCaret, projectRoot, sampleArticlePath, selectTextInEditor, startBrowserSession, waitForSaved } from './browserSession';

const outDir = join(projectRoot, 'test-artifacts', 'screens');
mkdirSync(outDir, { recursive: true });
const session = await startBrowserSession({ seedDemo: true });
const { page } = session;
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(join(outDir, `${name}.png`));
};
try {
  await page.locator('.ProseMirror').waitFor();
  await shot('01-demo-article');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByLabel('Files to import').setInputFiles(sampleArticlePath);
  await page.locator('.ProseMirror').waitFor();
  const tag = async (text: string, key: string) => {
    await selectTextInEditor(page, text);
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  };
  await tag('Major General Vladimir Zolotukhin', 'Alt+Shift+P');
  await page.keyboard.press('Alt+Shift+G');
  await shot('02-tag-all-dialog');
  await page.getByRole('dialog').getByRole('button', { name: /^Tag \d/ }).click();
  await tag('several dozen', 'Alt+Shift+F');
  await tag('Interfax', 'Alt+Shift+O');
  await tag('The militants are considering the possibility of evacuating several dozen residents in exchange for an opportunity to leave the area with their families', 'Alt+Shift+A');
  await shot('03-attribution-speaker-picker');
  await page.getByRole('combobox', { name: 'Speaker' }).press('Enter');
  await page.getByRole('tab', { name: 'Sources' }).click();
  await shot('04-sources');
  await page.getByRole('tab', { name: 'Figures' }).click();
  await shot('05-figures');
  // A quote with two cues, a tag the editor flags for review, and a figure flagged with a recorded reason.
  await tag('"all necessary assistance"', 'Alt+Shift+A');
  await page.keyboard.press('Escape');
  await selectTextInEditor(page, 'according to Russian news agencies');
  await page.keyboard.press('Alt+Shift+C');
  await placeCaret(page, 'Interfax', 'before', 0);
  await page.keyboard.press('Alt+Shift+R');
  await waitForSaved(page);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const [summary] = await session.services.handlers.listArticles({ query: 'Ghouta' });
  const stored = await session.services.handlers.getArticle({ id: summary!.id });
  const records = (stored.doc as { attrs: { annotations: Record<string, { kind: string; quote: string; status: string; review?: unknown }> } }).attrs.annotations;
  const figure = Object.values(records).find((record) => record.kind === 'figure' && record.quote === 'several dozen')!;
  Object.assign(figure, { status: 'needs_review', review: { reason: 'words_changed', detail: 'several dozen → dozens' } });
  await session.services.handlers.saveArticle({ id: stored.id, baseRevision: stored.revision, doc: stored.doc });
  await page.getByRole('button', { name: `Open ${summary!.title}` }).click();
  await page.locator('.ProseMirror').waitFor();
  await page.locator('.ProseMirror [data-ann-label="attribution"]', { hasText: 'all necessary assistance' }).first().click();
  await page.getByRole('list', { name: 'Cue spans' }).waitFor();
  await shot('08-needs-review-and-cue-spans');
  await page.locator('.ProseMirror [data-ann-label="figure"]', { hasText: 'several dozen' }).first().click();
  await page.getByTestId('review-note').waitFor();
  await shot('09-review-reason');
  // A failed save: the long message must leave the title readable, and a notice must not move the text.
  await page.route('**/api/saveArticle', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is full' } }) }),
  );
  await placeCaret(page, 'within two days', 'after');
  await page.keyboard.type(' (unsaved)');
  await page.getByRole('status', { name: 'Save status' }).filter({ hasText: /Not saved/ }).waitFor();
  await selectTextInEditor(page, 'Hmeymim');
  await page.keyboard.press('Alt+Shift+L');
  await shot('10-save-failed-and-notice');
  await page.unroute('**/api/saveArticle');
  await page.getByRole('button', { name: 'Retry now' }).click();
  await waitForSaved(page);
  await page.getByRole('button', { name: 'Registry', exact: true }).click();
  await page.getByRole('list', { name: 'Entities' }).getByRole('button').first().click();
  await shot('06-registry');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await shot('07-library');
  // The same file again: the library already holds it.
  await page.getByLabel('Files to import').setInputFiles(sampleArticlePath);
  await page.getByRole('dialog', { name: /^Already in the library/ }).waitFor();
  await shot('08-duplicate-dialog');
  await page.getByRole('button', { name: 'Import a copy' }).click();
  await page.locator('.ProseMirror').waitFor();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('.copy-marker').waitFor();
  await shot('09-library-with-copy');
} finally {
  await session.close();
}
