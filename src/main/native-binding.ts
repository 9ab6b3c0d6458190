/**
 * Where the Electron-ABI build of better-sqlite3 lives. node_modules/better-sqlite3 stays the
 * Node build (unit tests and the CLI need it); scripts/electron-native.mjs builds a copy for
 * the installed Electron into `.electron-native/<electronVersion>/better_sqlite3.node`, and main
 * opens every database with better-sqlite3's `nativeBinding` option pointing at it.
 *
 * Packaged app: the packager copies `.electron-native/<version>/` into the app and lists it in
 * `asarUnpack` (a .node file cannot be loaded from inside an asar archive), so it is found at
 * `<resources>/app.asar.unpacked/.electron-native/<version>/better_sqlite3.node`. A packager that
 * instead rebuilds node_modules for Electron (electron-builder's default) needs no override, and
 * then this returns undefined and better-sqlite3 finds its own addon.
 *
 * Keep the folder layout in step with scripts/electron-native.mjs (a unit test compares them).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const SQLITE_ADDON_FILE = 'better_sqlite3.node';

export function electronAddonPath(root: string, electronVersion: string): string {
  return join(root, ELECTRON_NATIVE_DIR, electronVersion, SQLITE_ADDON_FILE);
}

export interface NativeBindingHost {
  /** process.versions.electron; undefined when running under plain Node. */
  electronVersion: string | undefined;
  packaged: boolean;
  /** app.getAppPath(): the repo root in development. */
  appRoot: string;
  /** process.resourcesPath in a packaged app. */
  resourcesPath: string;
  exists?: (path: string) => boolean;
}

/** The addon to pass as `nativeBinding`, or undefined to use the one in node_modules. */
export function findElectronNativeBinding(host: NativeBindingHost): string | undefined {
  if (!host.electronVersion) return undefined;
  const exists = host.exists ?? existsSync;
  const candidate = host.packaged
    ? electronAddonPath(join(host.resourcesPath, 'app.asar.unpacked'), host.electronVersion)
    : electronAddonPath(host.appRoot, host.electronVersion);
  return exists(candidate) ? candidate : undefined;
}

/** What to tell a developer whose Electron build of the addon is missing. */
export function missingBindingHint(host: NativeBindingHost): string | undefined {
  if (host.packaged || !host.electronVersion) return undefined;
  return (
    `The Electron build of better-sqlite3 is missing (${electronAddonPath(host.appRoot, host.electronVersion)}); ` +
    'projects will fail to open. Run "node scripts/electron-native.mjs" (npm start does this for you).'
  );
}
