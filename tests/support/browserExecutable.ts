import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Finds the Chromium or Chrome that the end-to-end tests drive, so that `npm test` needs no setting on a
 * developer's machine: an explicit `CHROMIUM_PATH` first, then the system's browser (well-known install
 * locations, then `PATH`), then a browser that playwright has downloaded. With none, the tests fail with one
 * line that says what to install; they are never skipped.
 */

/** Which rule found the browser: the explicit setting, the system's installation, or playwright's download. */
export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

/** The outcome of a search: a browser to launch, or the one-line reason there is none. */
export type BrowserSearchResult = { kind: 'found'; executablePath: string; source: BrowserSource } | { kind: 'missing'; message: string };

/** Where to look: the environment (`CHROMIUM_PATH`, `PATH`, `HOME`, Windows' program folders), the platform, and playwright's browser. */
export interface BrowserSearchPlaces {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  // The executable playwright would launch for its own Chromium, whether or not it has been downloaded.
  playwrightExecutable: () => string | undefined;
}

/** The one line a developer reads when no browser is found. */
export const noBrowserMessage =
  'No Chromium or Chrome found for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS or Windows: Google Chrome; or `npx playwright-core install chromium`), or set CHROMIUM_PATH to its executable.';

const linuxLocations = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/opt/google/chrome/chrome'];
const posixCommandNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const windowsCommandNames = ['chrome.exe', 'chromium.exe'];
const macApplications = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
const windowsApplications = [path.join('Google', 'Chrome', 'Application', 'chrome.exe'), path.join('Chromium', 'Application', 'chrome.exe')];

/** The places this machine's own browser is usually installed, most likely first. */
export function systemBrowserLocations(platform: NodeJS.Platform, env: BrowserSearchPlaces['env']): string[] {
  if (platform === 'darwin') {
    // A browser the user installed for themselves comes before the machine-wide one.
    const roots = [...(env.HOME ? [path.join(env.HOME, 'Applications')] : []), '/Applications'];
    return roots.flatMap((root) => macApplications.map((app) => path.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => windowsApplications.map((app) => path.join(root, app)));
  }
  return linuxLocations;
}

/** Every browser command found on `PATH`, in `PATH`'s order. */
export function browsersOnPath(platform: NodeJS.Platform, env: BrowserSearchPlaces['env']): string[] {
  const directories = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const names = platform === 'win32' ? windowsCommandNames : posixCommandNames;
  return directories.flatMap((directory) => names.map((name) => path.join(directory, name))).filter(isExecutableFile);
}

/** Searches for a browser in the documented order, without launching anything. */
export function findBrowser(places: BrowserSearchPlaces = thisMachine()): BrowserSearchResult {
  const explicit = places.env.CHROMIUM_PATH;
  if (explicit) {
    // A wrong explicit setting is a mistake to report, not a reason to quietly test with another browser.
    if (isExecutableFile(explicit)) return { kind: 'found', executablePath: explicit, source: 'CHROMIUM_PATH' };
    return { kind: 'missing', message: `CHROMIUM_PATH is set to "${explicit}", which is not an executable file: point it at a Chromium or Chrome executable, or unset it.` };
  }
  const system = [...systemBrowserLocations(places.platform, places.env).filter(isExecutableFile), ...browsersOnPath(places.platform, places.env)][0];
  if (system) return { kind: 'found', executablePath: system, source: 'system' };
  const downloaded = places.playwrightExecutable();
  if (downloaded && isExecutableFile(downloaded)) return { kind: 'found', executablePath: downloaded, source: 'playwright' };
  return { kind: 'missing', message: noBrowserMessage };
}

/** The browser to launch on this machine; throws the one-line reason when there is none. */
export function requireBrowserExecutable(): string {
  const result = findBrowser();
  if (result.kind === 'missing') throw new Error(result.message);
  return result.executablePath;
}

function thisMachine(): BrowserSearchPlaces {
  return {
    env: process.env,
    platform: process.platform,
    playwrightExecutable: () => {
      try {
        return chromium.executablePath();
      } catch {
        // playwright has no Chromium build for this platform.
        return undefined;
      }
    },
  };
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!statSync(candidate).isFile()) return false;
    accessSync(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
