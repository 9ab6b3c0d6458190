/**
 * Runs inside the page (bundled by esbuild, injected before any renderer script). Builds
 * `window.slicewise` with the SAME `buildApi` the preload uses; only the transport differs:
 * requests go to a Playwright binding backed by the real main-side router, events arrive through
 * a dispatcher the harness calls, and dropped files map to paths the test registered.
 *
 * Type-checked with the Node config (no DOM lib), so it touches the page only through the
 * small `BridgeGlobal` shape below.
 */
import { buildApi } from '../../../src/shared/contract';

interface BridgeGlobal {
  slicewise?: unknown;
  __slicewiseInvoke?: (channel: string, input: unknown) => Promise<unknown>;
  __slicewiseDispatch?: (channel: string, payload: unknown) => void;
  __slicewiseFilePaths?: Record<string, string>;
}

const page = globalThis as unknown as BridgeGlobal;
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const filePaths: Record<string, string> = Object.create(null) as Record<string, string>;

page.__slicewiseFilePaths = filePaths;
page.__slicewiseDispatch = (channel, payload) => {
  for (const listener of [...(listeners.get(channel) ?? [])]) {
    try {
      listener(payload);
    } catch (err) {
      console.error('A slicewise event listener threw:', err);
    }
  }
};

const api = buildApi({
  invoke: (channel, input) => {
    const invoke = page.__slicewiseInvoke;
    if (!invoke) return Promise.reject(new Error('The test harness binding __slicewiseInvoke is missing.'));
    return invoke(channel, input);
  },
  subscribe: (channel, listener) => {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  pathForFile: (file) => {
    const name = (file as { name?: unknown }).name;
    return typeof name === 'string' ? (filePaths[name] ?? '') : '';
  },
});

Object.defineProperty(page, 'slicewise', { value: api, enumerable: true, configurable: false, writable: false });
