import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browsersOnPath, findBrowser, noBrowserMessage, type BrowserSearchPlaces } from '../support/browserExecutable';

// Real files in a temp folder stand in for installed browsers; the platform decides which well-known
// locations are searched, so macOS and Windows layouts are tried under the temp folder too.
const root = mkdtempSync(path.join(tmpdir(), 'browser-search-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function installed(relativePath: string, mode = 0o755): string {
  const file = path.join(root, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, mode);
  return file;
}

const nowhere = path.join(root, 'nothing-here');
function places(overrides: Partial<BrowserSearchPlaces> & { env?: BrowserSearchPlaces['env'] }): BrowserSearchPlaces {
  return { platform: 'win32', env: {}, playwrightExecutable: () => undefined, ...overrides };
}

describe('finding a browser for the end-to-end tests', () => {
  const onPath = installed('bin/google-chrome');
  const downloaded = installed('ms-playwright/chromium-1/chrome-linux64/chrome');

  it('takes CHROMIUM_PATH before anything else', () => {
    const explicit = installed('custom/my-chromium');
    expect(findBrowser(places({ env: { CHROMIUM_PATH: explicit, PATH: path.dirname(onPath) }, playwrightExecutable: () => downloaded }))).toEqual({
      kind: 'found',
      executablePath: explicit,
      source: 'CHROMIUM_PATH',
    });
  });

  it('reports a CHROMIUM_PATH that is no executable file instead of falling back to another browser', () => {
    for (const wrong of [nowhere, root, installed('custom/not-executable', 0o644)]) {
      const result = findBrowser(places({ env: { CHROMIUM_PATH: wrong, PATH: path.dirname(onPath) } }));
      expect(result).toEqual({ kind: 'missing', message: expect.stringContaining(`CHROMIUM_PATH is set to "${wrong}"`) });
    }
  });

  it("finds the system's browser in macOS's and Windows' install folders", () => {
    const mac = installed('home/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(findBrowser(places({ platform: 'darwin', env: { HOME: path.join(root, 'home') }, playwrightExecutable: () => downloaded }))).toEqual({ kind: 'found', executablePath: mac, source: 'system' });
    const windows = installed('programs/Google/Chrome/Application/chrome.exe');
    expect(findBrowser(places({ env: { LOCALAPPDATA: nowhere, PROGRAMFILES: path.join(root, 'programs') }, playwrightExecutable: () => downloaded }))).toEqual({ kind: 'found', executablePath: windows, source: 'system' });
  });

  it("finds the system's browser on PATH, in PATH's order, skipping files that cannot run", () => {
    installed('early/chromium', 0o644);
    const chromium = installed('later/chromium');
    const posixPath = [nowhere, path.join(root, 'early'), path.dirname(onPath), path.dirname(chromium)].join(':');
    expect(browsersOnPath('linux', { PATH: posixPath })).toEqual([onPath, chromium]);
    installed('early/chrome.exe', 0o644);
    const windowsExe = installed('later/chrome.exe');
    const windowsPath = [nowhere, path.join(root, 'early'), path.dirname(windowsExe)].join(';');
    expect(findBrowser(places({ env: { PATH: windowsPath }, playwrightExecutable: () => downloaded }))).toEqual({ kind: 'found', executablePath: windowsExe, source: 'system' });
  });

  it("falls back to playwright's downloaded Chromium, and only when it is really there", () => {
    expect(findBrowser(places({ playwrightExecutable: () => downloaded }))).toEqual({ kind: 'found', executablePath: downloaded, source: 'playwright' });
    expect(findBrowser(places({ playwrightExecutable: () => path.join(nowhere, 'chrome') }))).toEqual({ kind: 'missing', message: noBrowserMessage });
  });

  it('says in one line what to install when there is no browser at all', () => {
    const result = findBrowser(places({ env: { PATH: nowhere } }));
    expect(result).toEqual({ kind: 'missing', message: noBrowserMessage });
    expect(noBrowserMessage).not.toContain('\n');
    expect(noBrowserMessage).toMatch(/apt-get install chromium.*CHROMIUM_PATH/);
  });
});
