import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiMethodNames, ipcChannels } from '../../common/api';
import { dispatchApiCallAsJson, type ApiHandlers, type ApiJsonHandlers } from '../services/apiDispatch';
import { isAppUrl } from './window';

/**
 * Registers one `ipcMain.handle('api:<method>')` per contract method. Each call is answered only for the app's
 * own top-level page, then validated and run by the same dispatcher the loopback host uses. The answer
 * crosses as JSON text, as over HTTP (the preload parses it): a long article's stored document is then
 * spliced in, never parsed and cloned.
 */
export function registerApiHandlers(
  handlers: ApiHandlers,
  jsonHandlers: ApiJsonHandlers,
  isOurWindow: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of apiMethodNames) {
    ipcMain.handle(`${ipcChannels.apiPrefix}${name}`, async (event, input: unknown): Promise<string> => {
      const frame = event.senderFrame;
      // A frame that is not our window's top-level app page (an iframe, a page it was tricked into) gets nothing.
      if (!isOurWindow(event) || !frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return JSON.stringify({ ok: false, error: { code: 'invalid_argument', message: 'This page may not call the app.' } });
      }
      return dispatchApiCallAsJson(handlers, jsonHandlers, name, input);
    });
  }
  return () => {
    for (const name of apiMethodNames) ipcMain.removeHandler(`${ipcChannels.apiPrefix}${name}`);
  };
}
