/**
 * Which URLs the app's session may request at all. Everything else is cancelled before it
 * leaves the machine: Slicewise makes no network requests (architecture.md, "Security").
 */
import { APP_HOST, APP_SCHEME } from './protocol-path';

export interface NetworkPolicy {
  /** During development only: DevTools loads its own devtools:// pages. */
  allowDevtools: boolean;
  /** During development only: an electron-vite dev server origin such as http://localhost:5173. */
  devServerOrigin?: string | undefined;
}

export function isAllowedRequest(rawUrl: string, policy: NetworkPolicy): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.hostname === APP_HOST && url.port === '' && url.username === '';
  // data: and blob: never touch the network; blob: URLs are only ever minted by our own page.
  if (url.protocol === 'data:') return true;
  if (url.protocol === 'blob:') return url.pathname.startsWith(`${APP_SCHEME}://${APP_HOST}/`) || sameDevOrigin(url.pathname, policy);
  if (url.protocol === 'devtools:') return policy.allowDevtools;
  return sameDevOrigin(rawUrl, policy);
}

function sameDevOrigin(rawUrl: string, policy: NetworkPolicy): boolean {
  if (!policy.devServerOrigin) return false;
  try {
    const url = new URL(rawUrl);
    const dev = new URL(policy.devServerOrigin);
    const isLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname);
    // Vite's hot reload talks over a WebSocket to the same host and port.
    const protocolOk = url.protocol === dev.protocol || (dev.protocol === 'http:' && url.protocol === 'ws:');
    return isLoopback && protocolOk && url.host === dev.host;
  } catch {
    return false;
  }
}
