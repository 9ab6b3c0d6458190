// Finds an installed Electron binary WITHOUT triggering its download. `require('electron')`
// downloads the binary when it is missing (and throws where that is impossible, as on these
// machines), so start.mjs and the Electron e2e tests use this instead.
// Order: ELECTRON_EXEC_PATH (an explicit binary), ELECTRON_OVERRIDE_DIST_PATH (electron's own
// override of the dist folder), then node_modules/electron/path.txt + dist/<path>.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isFile = (p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

const readTrimmed = (p) => {
  try {
    return readFileSync(p, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * @param {{ repoRoot?: string, env?: Record<string, string | undefined> }} [opts]
 * @returns {{ path: string, source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules', version: string | undefined } | null}
 */
export function findElectronBinary(opts = {}) {
  const repoRoot = opts.repoRoot ?? REPO_ROOT;
  const env = opts.env ?? process.env;
  const pkgDir = join(repoRoot, 'node_modules', 'electron');
  const pathTxt = readTrimmed(join(pkgDir, 'path.txt'));
  const distVersion = readTrimmed(join(pkgDir, 'dist', 'version'))?.replace(/^v/, '');

  if (env.ELECTRON_EXEC_PATH) {
    const p = resolve(env.ELECTRON_EXEC_PATH);
    return isFile(p) ? { path: p, source: 'ELECTRON_EXEC_PATH', version: undefined } : null;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, pathTxt || 'electron');
    return isFile(p) ? { path: p, source: 'ELECTRON_OVERRIDE_DIST_PATH', version: undefined } : null;
  }
  if (pathTxt) {
    const p = join(pkgDir, 'dist', pathTxt);
    if (isFile(p)) return { path: p, source: 'node_modules', version: distVersion };
  }
  return null;
}

/** The version of the electron npm package (what the app is built for). */
export function electronPackageVersion(repoRoot = REPO_ROOT) {
  const pkg = join(repoRoot, 'node_modules', 'electron', 'package.json');
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
}
