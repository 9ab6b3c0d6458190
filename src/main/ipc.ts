/**
 * One `ipcMain.handle` per request in the contract, nothing else (no generic channel).
 * Sender check and routing: sender-check.ts and router.ts.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_NAMES, requestChannel, type RequestName } from '../shared/contract';
import type { Router } from './router';
import { createRequestHandler, type ExpectedSender, type SenderInfo } from './sender-check';

const senderInfo = (event: IpcMainInvokeEvent): SenderInfo => ({
  frameUrl: event.senderFrame?.url,
  isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
  webContentsId: event.sender.id,
});

export function registerIpc(router: Router, expected: () => ExpectedSender, afterEach?: (name: RequestName) => void): void {
  const handle = createRequestHandler(router, expected);
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), async (event, input: unknown) => {
      const result = await handle(name, senderInfo(event), input);
      afterEach?.(name);
      return result;
    });
  }
}
