/**
 * Electron glue for the security rules (architecture.md, "Security is the default"). The
 * decisions live in network-policy.ts, csp.ts and web-preferences.ts; this only wires them up.
 */
import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequest, type NetworkPolicy } from './network-policy';

/** Applied to every webContents ever created, including ones we never meant to create. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  // Subframes too (there should be none: the CSP allows no frames). Programmatic loads such as
  // loadURL and reload do not emit these events, so the app itself can still load its page.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installSecurity(ses: Session, policy: NetworkPolicy): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  // No filter: every request from every page passes through here and only our own scheme survives.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, policy) }));
  app.on('web-contents-created', (_event, contents) => harden(contents));
}
