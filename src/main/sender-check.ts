/**
 * Who may call a request: only the main frame of the app's own window, showing the app's own
 * origin. A subframe, another webContents or a page that somehow navigated elsewhere is refused
 * before the router sees the payload. No electron here: ipc.ts extracts `SenderInfo` from the
 * IPC event and calls `createRequestHandler`.
 */
import type { RequestName } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { Router } from './router';

export interface SenderInfo {
  /** URL of the frame that sent the message; undefined when the frame is gone. */
  frameUrl: string | undefined;
  isMainFrame: boolean;
  webContentsId: number;
}

export interface ExpectedSender {
  /** `app://slicewise`, or the dev server origin during development. */
  origin: string;
  /** The main window's webContents id; undefined while there is no window. */
  webContentsId: number | undefined;
}

export function isTrustedSender(sender: SenderInfo, expected: ExpectedSender): boolean {
  if (!sender.isMainFrame || expected.webContentsId === undefined || sender.webContentsId !== expected.webContentsId) return false;
  if (typeof sender.frameUrl !== 'string') return false;
  let url: URL;
  let want: URL;
  try {
    url = new URL(sender.frameUrl);
    want = new URL(expected.origin);
  } catch {
    return false;
  }
  // URL.origin is "null" for custom schemes in Node, so compare the parts.
  return url.protocol === want.protocol && url.host === want.host && url.username === '' && url.password === '';
}

export function forbidden(name: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `The request "${name.slice(0, 80)}" was refused because it did not come from the Slicewise window.`,
    },
  };
}

/** The whole of an IPC request's life in main, minus the electron event plumbing. */
export function createRequestHandler(router: Router, expected: () => ExpectedSender) {
  return (name: RequestName, sender: SenderInfo, input: unknown): Promise<Result<unknown>> =>
    isTrustedSender(sender, expected()) ? router.handle(name, input) : Promise.resolve(forbidden(name));
}
