import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createImportReader } from '../../main/services/importReader';
import { createSuggestionRunner } from '../../main/services/suggestionRunner';
import { projectRoot } from './storeFixtures';
import { sampleArticlePath } from '../support/taggedSample';
import { parseImportedFile } from '../../main/formats/importFile';

/**
 * The workers as the built app starts them: the bundles electron-vite writes beside out/main/index.js (`npm test`
 * builds them first), run by plain Node, not the sources through the TypeScript loader. A dependency the bundle
 * imports in a way Node refuses (a JSON file without its import attribute) fails here, not in the user's app.
 */

const builtWorker = (name: string) => pathToFileURL(join(projectRoot, 'out', 'main', `${name}.js`));
const runner = createSuggestionRunner(builtWorker('suggestionWorker'));
const reader = createImportReader(builtWorker('importWorker'));
afterAll(async () => {
  await runner.close();
  await reader.close();
});

describe('the built workers', () => {
  it('the suggestion worker answers', async () => {
    const result = await runner.suggest({ blocks: [{ text: 'Mayor Anna Berg said 40 people left Millbrook, officials said.', type: 'paragraph' }], registry: [], rejected: [] });
    expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
    expect(result.figures.map((figure) => figure.text)).toContain('40');
  });

  it('the import worker reads an article as the readers do', async () => {
    const sample = readFileSync(sampleArticlePath);
    expect(await reader.read('ghouta.txt', sample)).toEqual(await parseImportedFile('ghouta.txt', sample));
  });
});
