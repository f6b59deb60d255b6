import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/api';

/**
 * The application menu. Accelerators avoid the editor's tagging shortcuts (Alt+Shift+letter) and the
 * browser's own editing keys: Ctrl+Shift+V stays "paste as plain text" in the editor, so "Paste as new
 * article" uses Ctrl+Shift+N. Edit uses roles, which send undo/redo/clipboard commands to the page, where
 * ProseMirror's history and clipboard handling take them.
 */

/** What the menu's items do; the main process supplies them. */
export interface MenuActions {
  /** Shows the open dialog and imports the chosen files. */
  openFiles(): void;
  /** Forwards a command to the renderer. */
  sendCommand(command: MenuCommand): void;
}

/** The accelerators the menu binds, in one place so that the renderer's shortcuts can be checked against them. */
export const menuAccelerators = {
  open: 'CmdOrCtrl+O',
  pasteAsNewArticle: 'CmdOrCtrl+Shift+N',
  showLibrary: 'CmdOrCtrl+L',
  showRegistry: 'CmdOrCtrl+Shift+E',
  // The editor's own "suggest tags" key: the menu takes it first in Electron and sends the same command.
  suggestTags: 'Alt+Shift+U',
} as const;

/** Builds the application menu for this platform. */
export function buildApplicationMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const developing = Boolean(process.env['ELECTRON_RENDERER_URL']) || !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: menuAccelerators.open, click: () => actions.openFiles() },
        {
          label: 'Paste as New Article',
          accelerator: menuAccelerators.pasteAsNewArticle,
          click: () => actions.sendCommand({ type: 'paste-article' }),
        },
        { type: 'separator' },
        // The backups dialog: back up now, or restore the whole database from an earlier backup.
        { label: 'Restore from Backup…', click: () => actions.sendCommand({ type: 'show-backups' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Suggest Tags', accelerator: menuAccelerators.suggestTags, click: () => actions.sendCommand({ type: 'suggest-annotations' }) },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Library', accelerator: menuAccelerators.showLibrary, click: () => actions.sendCommand({ type: 'show-library' }) },
        {
          label: 'Entity Registry',
          accelerator: menuAccelerators.showRegistry,
          click: () => actions.sendCommand({ type: 'show-registry' }),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(developing ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About Newsroom Annotator', click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
