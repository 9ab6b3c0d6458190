import type { SlicewiseApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the browser test harness; absent in a plain browser. */
    slicewise: SlicewiseApi;
  }
}

export {};
