#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI, beside node_modules, never in it.
//
// node_modules/better-sqlite3 stays the Node build (unit tests, the CLI and the browser harness
// load it). Its addon is ABI-specific, so Electron needs its own copy: this script copies the
// package into a staging folder, rebuilds it there with @electron/rebuild, checks that the result
// loads in the Electron binary, and only then moves it into place with an atomic rename:
//
//   .electron-native/<electronVersion>/better_sqlite3.node   (+ build-info.json)
//
// Main passes that path to better-sqlite3 as `nativeBinding` (src/main/native-binding.ts).
// A failure anywhere leaves node_modules and any earlier good build untouched.
//
// Usage: node scripts/electron-native.mjs [--force] [--electron-version <x.y.z>]
//   Without an Electron binary it does nothing (exit 0) unless --electron-version is given
//   (then it builds but cannot check that the result loads).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findElectronBinary, REPO_ROOT } from './electron-binary.mjs';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const SQLITE_ADDON_FILE = 'better_sqlite3.node';

/** Keep in step with src/main/native-binding.ts (a unit test compares them). */
export function electronAddonPath(repoRoot, electronVersion) {
  return join(repoRoot, ELECTRON_NATIVE_DIR, electronVersion, SQLITE_ADDON_FILE);
}

function betterSqliteVersion(repoRoot) {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
}

/** True when the addon exists and was built from the better-sqlite3 now in node_modules. */
export function isAddonCurrent(repoRoot, electronVersion) {
  const addon = electronAddonPath(repoRoot, electronVersion);
  const info = join(repoRoot, ELECTRON_NATIVE_DIR, electronVersion, 'build-info.json');
  if (!existsSync(addon) || !existsSync(info)) return false;
  try {
    return JSON.parse(readFileSync(info, 'utf8')).betterSqlite3Version === betterSqliteVersion(repoRoot);
  } catch {
    return false;
  }
}

/** Asks the binary itself; the npm package's version may differ from an ELECTRON_EXEC_PATH binary. */
export function electronVersionOf(binary) {
  if (binary.version) return binary.version;
  const r = spawnSync(binary.path, ['-p', 'process.versions.electron'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const v = r.status === 0 ? r.stdout.trim() : '';
  return /^\d+\.\d+\.\d+/.test(v) ? v : undefined;
}

/** Loads the addon inside Electron (as Node) — the only real proof the ABI is right. */
function loadsInElectron(binaryPath, addon) {
  const r = spawnSync(binaryPath, ['-e', 'require(process.env.SLICEWISE_ADDON)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', SLICEWISE_ADDON: addon },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return r.status === 0 ? { ok: true } : { ok: false, reason: (r.stderr || r.error?.message || 'unknown error').trim().split('\n')[0] };
}

function atomicCopy(from, to) {
  const tmp = `${to}.tmp-${process.pid}`;
  copyFileSync(from, tmp);
  renameSync(tmp, to); // same folder, so the rename is atomic: readers see the old file or the new one
}

/**
 * @returns {Promise<{ ok: true, path: string } | { ok: false, reason: string }>}
 */
export async function buildElectronNative({ repoRoot = REPO_ROOT, electronVersion, binaryPath, log = console.log }) {
  const root = join(repoRoot, ELECTRON_NATIVE_DIR);
  const staging = join(root, `staging-${Date.now()}-${process.pid}`);
  const source = join(repoRoot, 'node_modules', 'better-sqlite3');
  try {
    if (!existsSync(source)) return { ok: false, reason: 'node_modules/better-sqlite3 is missing; run "npm install" first.' };
    const version = betterSqliteVersion(repoRoot);
    const moduleDir = join(staging, 'node_modules', 'better-sqlite3');
    mkdirSync(moduleDir, { recursive: true });
    // A tiny project so @electron/rebuild finds exactly one module to rebuild, here and nowhere else.
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ name: 'slicewise-electron-native-staging', private: true, dependencies: { 'better-sqlite3': version } }, null, 2),
    );
    // Without the Node build/ folder, a "successful" rebuild that built nothing cannot pass for one.
    cpSync(source, moduleDir, {
      recursive: true,
      filter: (p) => {
        const rel = relative(source, p);
        return rel !== 'build' && !rel.startsWith(`build${sep}`);
      },
    });

    log(`Building better-sqlite3 ${version} for Electron ${electronVersion} (in ${relative(repoRoot, staging)})…`);
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: staging,
      projectRootPath: staging, // stop the module search here: never walk up into the repo's node_modules
      electronVersion,
      force: true,
      onlyModules: ['better-sqlite3'],
      mode: 'sequential',
    });

    const built = join(moduleDir, 'build', 'Release', SQLITE_ADDON_FILE);
    if (!existsSync(built)) return { ok: false, reason: `the rebuild finished but produced no ${SQLITE_ADDON_FILE}` };
    if (binaryPath) {
      const check = loadsInElectron(binaryPath, built);
      if (!check.ok) return { ok: false, reason: `the new addon does not load in Electron: ${check.reason}` };
    }

    const targetDir = join(root, electronVersion);
    mkdirSync(targetDir, { recursive: true });
    const target = electronAddonPath(repoRoot, electronVersion);
    atomicCopy(built, target);
    const info = join(targetDir, 'build-info.json');
    writeFileSync(
      `${info}.tmp-${process.pid}`,
      JSON.stringify({ electronVersion, betterSqlite3Version: version, builtAt: new Date().toISOString(), verifiedInElectron: Boolean(binaryPath) }, null, 2),
    );
    renameSync(`${info}.tmp-${process.pid}`, info);
    return { ok: true, path: target };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    try {
      rmdirSync(root); // only succeeds when empty: a failed first build leaves no trace
    } catch {
      /* holds an earlier good build */
    }
  }
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const versionArg = args.includes('--electron-version') ? args[args.indexOf('--electron-version') + 1] : undefined;
  const binary = findElectronBinary();
  if (!binary && !versionArg) {
    console.log('No Electron binary here, so there is nothing to build: node_modules/better-sqlite3 stays the Node build.');
    return 0;
  }
  const electronVersion = versionArg ?? (binary && electronVersionOf(binary));
  if (!electronVersion) {
    console.error(`Could not tell which Electron version ${binary?.path} is. Pass --electron-version <x.y.z>.`);
    return 1;
  }
  if (!force && isAddonCurrent(REPO_ROOT, electronVersion)) {
    console.log(`better-sqlite3 for Electron ${electronVersion} is already built (${relative(REPO_ROOT, electronAddonPath(REPO_ROOT, electronVersion))}).`);
    return 0;
  }
  const result = await buildElectronNative({ electronVersion, binaryPath: binary?.path });
  if (result.ok) {
    console.log(`Built ${relative(REPO_ROOT, result.path)}.`);
    return 0;
  }
  console.error(
    [
      `Could not build the database module (better-sqlite3) for Electron ${electronVersion}: ${result.reason}`,
      'Nothing was changed: node_modules/better-sqlite3 is still the Node build, so tests and the CLI keep working.',
      'Building needs the Electron headers (downloaded from electronjs.org once) and a C++ toolchain (python3, make, g++).',
    ].join('\n'),
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
