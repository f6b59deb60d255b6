import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiMethodNames, ipcChannels, type ApiResult } from '../../common/api';
import { dispatchApiCall, type ApiHandlers } from '../services/apiDispatch';
import { isAppUrl } from './window';

/**
 * Registers one `ipcMain.handle('api:<method>')` per contract method. Each call is answered only for the app's
 * own top-level page, then validated and run by the same dispatcher the loopback host uses.
 */
export function registerApiHandlers(handlers: ApiHandlers, isOurWindow: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const name of apiMethodNames) {
    ipcMain.handle(`${ipcChannels.apiPrefix}${name}`, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      const frame = event.senderFrame;
      // A frame that is not our window's top-level app page (an iframe, a page it was tricked into) gets nothing.
      if (!isOurWindow(event) || !frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'invalid_argument', message: 'This page may not call the app.' } };
      }
      return dispatchApiCall(handlers, name, input);
    });
  }
  return () => {
    for (const name of apiMethodNames) ipcMain.removeHandler(`${ipcChannels.apiPrefix}${name}`);
  };
}
