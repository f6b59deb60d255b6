import { BrowserWindow, ipcMain, session, type WebContents } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ipcChannels } from '../../common/api';
import { contentSecurityPolicy } from '../../common/contentSecurityPolicy';

/**
 * The main window and the session rules around it: sandboxed renderer, strict CSP, no navigation away from the
 * app, no new windows, no permissions, no remote requests, and a flush of pending saves before it closes.
 */

/** How long closing waits for the renderer to save pending work before closing anyway. */
const flushTimeoutMs = 3000;

// Built files sit beside each other: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererIndexUrl = pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;
const rendererFolderUrl = new URL('./', rendererIndexUrl).href;

/** The dev server electron-vite starts, accepted only when it is on this machine. */
function devServerUrl(): URL | null {
  const raw = process.env['ELECTRON_RENDERER_URL'];
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') ? url : null;
  } catch {
    return null;
  }
}

/** Whether a URL is the app's own page (the built index.html, or the dev server in development). */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const dev = devServerUrl();
  if (dev) return url.origin === dev.origin;
  url.hash = '';
  url.search = '';
  return url.href === rendererIndexUrl;
}

/** Whether a request may leave the renderer: local app files and inline data only, never the network. */
function isAllowedRequest(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Files only from the built renderer: the page has no business reading the rest of the disk.
  if (url.protocol === 'file:') return url.href.startsWith(rendererFolderUrl);
  if (['data:', 'blob:', 'devtools:'].includes(url.protocol)) return true;
  const dev = devServerUrl();
  return dev !== null && (url.host === dev.host && (url.protocol === 'http:' || url.protocol === 'ws:'));
}

/**
 * Applies the session-wide rules once, before any window opens: the CSP header (the page also carries it in a
 * meta tag, since file:// responses have no headers to rewrite), refusal of every permission, and cancellation
 * of any request to the network.
 */
export function hardenDefaultSession(): void {
  const appSession = session.defaultSession;
  appSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  appSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
}

/**
 * Applies the per-page rules to every web contents the app creates: navigation only to the app's own page
 * (a dropped file must not replace the app), no new windows, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Asks the renderer to save pending work and resolves when it answers or after the timeout. */
function requestFlush(contents: WebContents): Promise<void> {
  if (contents.isDestroyed() || contents.isCrashed()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      ipcMain.removeListener(ipcChannels.flushDone, onDone);
      resolve();
    };
    const onDone = (event: Electron.IpcMainEvent) => {
      if (event.sender === contents) finish();
    };
    const timer = setTimeout(finish, flushTimeoutMs);
    ipcMain.on(ipcChannels.flushDone, onDone);
    contents.send(ipcChannels.flushRequest);
  });
}

/**
 * Creates the main window with the secure web preferences and loads the built renderer. Closing it first asks
 * the renderer to flush pending saves and closes when it answers or after a few seconds.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Newsroom Annotator',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries on Linux and Windows; the app loads nothing remote.
      spellcheck: false,
      // A middle click must not open a link anywhere (Electronegativity's AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());

  // Closing waits once for the renderer's pending saves; the second close (after the flush) goes through.
  let flushed = false;
  let flushing = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    void requestFlush(window.webContents).then(() => {
      flushed = true;
      if (!window.isDestroyed()) window.close();
    });
  });

  const dev = devServerUrl();
  if (dev) void window.loadURL(dev.href);
  else void window.loadURL(rendererIndexUrl);
  return window;
}
