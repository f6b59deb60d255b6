/**
 * Screenshots of the library's search on the desk test library: `npx tsx tests/e2e/libraryScreenshots.ts`
 * writes PNGs to test-artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, startBrowserSession } from '../support/browserSession';
import { seedDeskLibrary } from '../support/deskLibrarySeed';

const outDir = join(projectRoot, 'test-artifacts', 'screens');
mkdirSync(outDir, { recursive: true });
const session = await startBrowserSession();
const { page } = session;
try {
  await seedDeskLibrary(session.services);
  await page.goto(`${session.host.url}#/library?query=evacu`);
  await page.locator('.search-snippet mark').first().waitFor();
  await page.screenshot({ path: join(outDir, 'library-search.png') });
  await page.getByRole('combobox', { name: 'Filter by entity' }).fill('legion');
  await page.getByRole('listbox', { name: 'Registry entities' }).getByRole('option').first().waitFor();
  await page.screenshot({ path: join(outDir, 'library-entity-options.png') });
  console.log(outDir);
} finally {
  await session.close();
}
