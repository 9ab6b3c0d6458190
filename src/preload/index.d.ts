/** What the preload puts on the page: `window.slicewise`, typed by the contract. */
import type { SlicewiseApi } from '../shared/contract';

declare global {
  interface Window {
    slicewise: SlicewiseApi;
  }
}

export {};
