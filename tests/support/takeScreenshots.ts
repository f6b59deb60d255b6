/**
 * Takes screenshots of every screen with the sample article, for people to look at UI changes:
 * `npx tsx tests/support/takeScreenshots.ts` writes PNGs to test-artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, sampleArticlePath, selectTextInEditor, startBrowserSession } from './browserSession';

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
