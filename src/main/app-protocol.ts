/** The `app://slicewise/` protocol that serves the built renderer (logic: app-assets.ts). */
import { protocol, type Session } from 'electron';
import { serveAppAsset } from './app-assets';
import { APP_SCHEME } from './protocol-path';

/** Must run before app 'ready'. Standard + secure gives the page a real origin and a secure context. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function registerAppProtocol(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, (request) => serveAppAsset(rendererRoot, request.url, request.method));
}
