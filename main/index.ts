import { app, BrowserWindow, dialog, Menu, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MenuCommand } from '../common/api';
import { ipcChannels } from '../common/api';
import { openAndImportFiles } from './electron/importFiles';
import { registerApiHandlers } from './electron/ipc';
import { buildApplicationMenu } from './electron/menu';
import { createMainWindow, hardenDefaultSession, hardenWebContents } from './electron/window';
import { openServices, type AppServices } from './services/index';

/**
 * The Electron main process: app lifecycle, the one window, the menu and IPC registration, all glue over the
 * same services the loopback host and the CLI use. This file and main/electron/ are the only ones that import
 * 'electron'; Node and the tests never load them.
 */

const appName = 'Newsroom Annotator';

/** The value of `--db PATH` or `--db=PATH` on the command line, resolved against the working folder. */
function databasePathFromArgv(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--db' && argv[index + 1]) return resolve(argv[index + 1]!);
    if (arg.startsWith('--db=') && arg.length > 5) return resolve(arg.slice(5));
  }
  return null;
}

function start(): void {
  app.setName(appName);
  // Electron derives userData from package.json's name before this code runs; pin it to the product name.
  app.setPath('userData', join(app.getPath('appData'), appName));
  app.enableSandbox();

  // A second launch focuses the running window instead of opening the same database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  let services: AppServices | null = null;
  let quitRequested = false;

  const sendCommand = (command: MenuCommand) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(ipcChannels.menuCommand, command);
  };
  const isOurWindow = (event: IpcMainInvokeEvent) => mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents;

  const openWindow = () => {
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', () => {
    quitRequested = true;
  });
  // A window that waited for its flush closes after the quit was cancelled; finish the quit here.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });
  app.on('activate', () => {
    if (!mainWindow && services) openWindow();
  });

  void app.whenReady().then(() => {
    const databasePath = databasePathFromArgv(process.argv) ?? join(app.getPath('userData'), 'annotator.sqlite');
    // better-sqlite3's build in node_modules targets Node's ABI (for the tests); `npm start` prepares one for
    // Electron's ABI in .electron-native/ and this passes it on.
    const electronBinding = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
    const serviceOptions: Parameters<typeof openServices>[0] = {
      databasePath,
      seedDemo: true,
      ...(existsSync(electronBinding) ? { nativeBinding: electronBinding } : {}),
    };
    try {
      services = openServices(serviceOptions);
    } catch (error) {
      dialog.showErrorBox(appName, `Cannot open the database ${databasePath}:\n${(error as Error).message}`);
      app.exit(1);
      return;
    }

    services.startBackups();
    hardenDefaultSession();
    const handlers = services.handlers;
    registerApiHandlers(handlers, services.jsonHandlers, isOurWindow);
    Menu.setApplicationMenu(
      buildApplicationMenu({
        openFiles: () => {
          if (mainWindow) void openAndImportFiles(mainWindow, handlers, sendCommand);
        },
        sendCommand,
      }),
    );
    openWindow();
  });
}

start();
