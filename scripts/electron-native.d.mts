// Types for electron-native.mjs, so TypeScript tests can import it.
import type { ElectronBinary } from './electron-binary.mjs';

export declare const ELECTRON_NATIVE_DIR: string;
export declare const SQLITE_ADDON_FILE: string;
export declare function electronAddonPath(repoRoot: string, electronVersion: string): string;
export declare function isAddonCurrent(repoRoot: string, electronVersion: string): boolean;
export declare function electronVersionOf(binary: ElectronBinary): string | undefined;
export declare function buildElectronNative(opts: {
  repoRoot?: string;
  electronVersion: string;
  binaryPath?: string | undefined;
  log?: (message: string) => void;
}): Promise<{ ok: true; path: string } | { ok: false; reason: string }>;
