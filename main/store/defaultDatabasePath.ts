import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

// The product name; Electron's main process pins its user-data folder to the same name.
const applicationName = 'Newsroom Annotator';

const databaseFileName = 'annotator.sqlite';

/**
 * The database file in the folder Electron's `app.getPath('userData')` returns for this app, computed without
 * Electron so that the CLI and the loopback host open the same file as the desktop app:
 * Linux `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`, Windows `%APPDATA%`.
 */
export function defaultDatabasePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, applicationName, databaseFileName);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', applicationName, databaseFileName);
  const configHome = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  return posix.join(configHome, applicationName, databaseFileName);
}
