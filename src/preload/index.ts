/**
 * The bridge: exposes exactly the contract (src/shared/contract.ts) as `window.slicewise`.
 * buildApi only creates methods for names in the contract, so the page can never reach an
 * arbitrary IPC channel, and ipcRenderer itself never crosses into the page.
 * Runs sandboxed: it may import only 'electron' and code bundled into it (built as CJS).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildApi, type SlicewiseApi } from '../shared/contract';

const api = buildApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (channel, listener) => {
    // Hand the page only the payload, never the IPC event (it carries `sender`).
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return ''; // not a File from a drop or a picker: it has no path
    }
  },
}) satisfies SlicewiseApi;

contextBridge.exposeInMainWorld('slicewise', api);
