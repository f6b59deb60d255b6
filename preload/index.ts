import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiMethodNames, ipcChannels, menuCommands, type AnnotatorBridge, type MenuCommand } from '../common/api';

/**
 * The preload: exposes `window.annotator`, one function per contract method plus the menu and flush
 * subscriptions. Only these named functions cross into the page; ipcRenderer itself never does, so a script
 * in the page cannot reach any other channel.
 */

function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { type, articleId } = value as { type?: unknown; articleId?: unknown };
  return (menuCommands as readonly unknown[]).includes(type) && (articleId === undefined || typeof articleId === 'string');
}

// Main answers every call as JSON text (see main/electron/ipc.ts); parsing it here hands the page plain values.
const methods = Object.fromEntries(
  apiMethodNames.map((name) => [name, async (input: unknown) => JSON.parse((await ipcRenderer.invoke(`${ipcChannels.apiPrefix}${name}`, input)) as string) as unknown]),
);

// Flush functions registered by the renderer; main asks before the window closes and waits for the answer.
const flushers = new Set<() => Promise<void> | void>();
ipcRenderer.on(ipcChannels.flushRequest, () => {
  void Promise.allSettled([...flushers].map(async (flush) => flush())).then(() => ipcRenderer.send(ipcChannels.flushDone));
});

const bridge: AnnotatorBridge = {
  ...(methods as Omit<AnnotatorBridge, 'onMenuCommand' | 'onFlushRequest'>),
  onMenuCommand(listener) {
    // The page's listener gets a checked copy, never the IPC event (which would expose the sender).
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      if (isMenuCommand(payload)) listener({ type: payload.type, ...(payload.articleId ? { articleId: payload.articleId } : {}) });
    };
    ipcRenderer.on(ipcChannels.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.menuCommand, forward);
    };
  },
  onFlushRequest(flush) {
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
    };
  },
};

contextBridge.exposeInMainWorld('annotator', bridge);
