/**
 * The packaging config (electron-builder.cjs): Electron's fuses set to their safe values for a
 * shipped app, the config accepted by electron-builder itself, and everything the packaged app
 * reads at run time inside the package. Then the fuses as electron-builder writes them: into a
 * stand-in fuse wire everywhere, and into a copy of the real Electron binary (and a packaged app
 * in dist/, when there is one) where an Electron binary exists.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import type { Configuration } from 'electron-builder';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';
import { VENDOR_SLIM } from '../../../src/main/export/echarts-script';
import { bundlePaths, hostPaths } from '../../../src/main/host-paths';
import { electronAddonPath } from '../../../src/main/native-binding';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>;

/** Every fuse a packaged Slicewise must have, and its safe value. */
const REQUIRED_FUSES: Required<Omit<FuseOptionsV1, 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

// @electron/fuses (the copy electron-builder itself uses: the same package, pinned in package.json).
interface FusesModule {
  FuseV1Options: Record<string, number | string>;
  flipFuses(pathToElectron: string, config: Record<string, unknown>): Promise<number>;
  getCurrentFuseWire(pathToElectron: string): Promise<Record<string, number | string>>;
}
const fuses = require('@electron/fuses') as FusesModule;
/** A fuse's state on the wire is one ASCII byte ('0' off, '1' on, 'r' removed); the package does not export these. */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0), REMOVED: 'r'.charCodeAt(0) } as const;

/** Config key → @electron/fuses option name (FuseV1Options), as electron-builder maps them. */
const FUSE_NAMES: Record<keyof typeof REQUIRED_FUSES, string> = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
};

const CONFIG_FILE = join(ROOT, 'electron-builder.cjs');
/** A fresh copy each time: electron-builder's getConfig normalises the object it loads in place. */
function loadConfig(): Configuration {
  delete require.cache[CONFIG_FILE];
  return require(CONFIG_FILE) as Configuration;
}
const config = loadConfig();
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

/** electron-builder's internals, reached through its own package (a pinned version). */
function appBuilderLib<T>(subpath: string): T {
  return createRequire(require.resolve('electron-builder'))(`app-builder-lib/${subpath}`) as T;
}

/** A file-pattern check in the spirit of electron-builder's: ** spans folders, * does not, {a,b} alternates. */
function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function packagedByFiles(path: string): boolean {
  const patterns = (config.files ?? []) as string[];
  const included = patterns.filter((p) => !p.startsWith('!')).some((p) => globRegExp(p).test(path));
  const excluded = patterns.filter((p) => p.startsWith('!')).some((p) => globRegExp(p.slice(1)).test(path));
  return included && !excluded;
}

/** The fuse config electron-builder builds from `electronFuses` (its own translation, not ours). */
async function electronBuilderFuseConfig(): Promise<Record<string, unknown>> {
  // Through the package's entry point: its modules import each other in a cycle that only resolves from there.
  const { PlatformPackager } = appBuilderLib<{ PlatformPackager: { prototype: Record<string, unknown> } }>('out/index.js');
  const generate = PlatformPackager.prototype.generateFuseConfig;
  assert.equal(typeof generate, 'function', 'electron-builder no longer has PlatformPackager.generateFuseConfig; update this test');
  return (await (generate as (f: FuseOptionsV1) => Promise<Record<string, unknown>>).call(null, config.electronFuses!)) as Record<string, unknown>;
}

/** Asserts the wire read from a binary holds every required fuse in its safe state. */
function assertSafeWire(wire: Record<string, number | string>, what: string): void {
  assert.equal(String(wire.version), '1', `${what}: fuse wire version`);
  for (const [key, safe] of Object.entries(REQUIRED_FUSES) as [keyof typeof REQUIRED_FUSES, boolean][]) {
    const index = fuses.FuseV1Options[FUSE_NAMES[key]] as number;
    const state = wire[index];
    assert.notEqual(state, undefined, `${what}: the fuse wire has no ${FUSE_NAMES[key]} (too short for this Electron?)`);
    const want = safe ? FuseState.ENABLE : FuseState.DISABLE;
    assert.equal(state, want, `${what}: ${FUSE_NAMES[key]} is ${String.fromCharCode(Number(state))}, must be ${safe ? 'enabled' : 'disabled'}`);
  }
}

/** The file holding the fuse wire: the executable on Linux and Windows, the framework on macOS. */
function fuseFileOf(binaryPath: string): string {
  if (!binaryPath.includes('.app')) return binaryPath;
  const app = `${binaryPath.split('.app')[0]}.app`;
  return join(app, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
}

/** A package made by `npm run package` for this platform, if any (electron-builder's default layout). */
function packagedApp(): string | undefined {
  const out = join(ROOT, config.directories?.output ?? 'dist');
  const linuxName = (config.linux as { executableName?: string } | undefined)?.executableName ?? 'slicewise';
  const candidates = [
    join(out, 'linux-unpacked', linuxName),
    join(out, 'win-unpacked', `${config.productName}.exe`),
    join(out, 'mac', `${config.productName}.app`),
    join(out, 'mac-arm64', `${config.productName}.app`),
    join(out, 'mac-universal', `${config.productName}.app`),
  ];
  return candidates.find((p) => existsSync(p));
}

const NO_BINARY = 'no Electron binary on this machine: it cannot be downloaded here (docs/toolchain.md); set ELECTRON_EXEC_PATH or install Electron to run this';

describe('security: Electron fuses in the packaging config', () => {
  test('every required fuse is set to its safe value', () => {
    assert.ok(config.electronFuses, 'electron-builder.cjs has no electronFuses');
    for (const [key, safe] of Object.entries(REQUIRED_FUSES)) {
      assert.equal((config.electronFuses as Record<string, unknown>)[key], safe, `electronFuses.${key} must be ${safe}`);
    }
    // The two ASAR fuses only mean something when the app is in an asar archive.
    assert.notEqual(config.asar, false, 'asar must stay on: onlyLoadAppFromAsar and ASAR integrity need app.asar');
    assert.notEqual(config.disableAsarIntegrity, true, 'ASAR integrity must not be disabled');
  });

  test('electron-builder finds this config by itself and accepts it against its schema', async () => {
    const { getConfig, validateConfiguration } = appBuilderLib<{
      getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Configuration>;
      validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    }>('out/util/config/config.js');
    const logger = { isEnabled: false, add: () => {} };
    delete require.cache[CONFIG_FILE]; // let it load its own copy
    const found = await getConfig(ROOT, null, null);
    assert.deepEqual(found.electronFuses, loadConfig().electronFuses, 'a plain `electron-builder` run must pick up electron-builder.cjs');
    await validateConfiguration(found, logger);
    // The schema check is live: a misspelt option is refused.
    await assert.rejects(validateConfiguration({ ...found, electronFuse: found.electronFuses } as Configuration, logger));
    assert.equal(found.appId, 'app.slicewise.desktop');
    assert.equal(found.productName, 'Slicewise');
    assert.equal(found.electronVersion, electronVersion);
  });

  test('the package holds what the app reads at run time', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    const bundles = bundlePaths(join(ROOT, dirname(pkg.main)));
    const needed = [
      pkg.main,
      'out/main/engine-worker.js',
      'out/main/csv-part-worker.js',
      relative(ROOT, bundles.preload),
      relative(ROOT, join(bundles.rendererRoot, 'index.html')),
      // The report's chart library, written by the beforePack hook beside the built code that reads it.
      `out/main/vendor/${VENDOR_SLIM}`,
      `out/main/chunks/vendor/${VENDOR_SLIM}`,
      // better-sqlite3 for Electron's ABI, where src/main/native-binding.ts looks for it.
      relative('/', electronAddonPath('/', electronVersion)),
    ].map((p) => p.split('\\').join('/'));
    for (const path of needed) assert.ok(packagedByFiles(path), `files does not package ${path}`);
    assert.equal(typeof config.beforePack, 'function', 'beforePack writes the chart library and checks the native addon');

    // A native addon cannot be loaded from inside app.asar.
    const addon = relative('/', electronAddonPath('/', electronVersion)).split('\\').join('/');
    assert.ok(((config.asarUnpack ?? []) as string[]).some((p) => globRegExp(p).test(addon)), `asarUnpack must cover ${addon}`);
    // Rebuilding node_modules in place would leave tests and the CLI with an Electron-ABI addon.
    assert.equal(config.npmRebuild, false, 'npmRebuild must be false (the Electron build lives in .electron-native/)');

    // The examples: <resources>/examples when packaged (host-paths.ts, services/examples.ts).
    const resourcesPath = '/opt/Slicewise/resources';
    const host = hostPaths({ packaged: true, appPath: `${resourcesPath}/app.asar`, resourcesPath, documentsDir: '/home/a/Documents', env: {} });
    assert.equal(host.resourcesDir, resourcesPath);
    assert.deepEqual(config.extraResources, [{ from: 'resources/examples', to: 'examples' }]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'resources', 'examples', 'examples.json'), 'utf8')) as { fileName: string }[];
    for (const e of manifest) assert.ok(existsSync(join(ROOT, 'resources', 'examples', e.fileName)), `example ${e.fileName} is missing`);
  });

  test('electron-builder writes exactly these fuses into a fuse wire', async () => {
    // A stand-in for Electron's fuse wire (sentinel, version 1, 8 fuses in Electron's defaults),
    // so electron-builder's translation and @electron/fuses run on every machine.
    const dir = mkdtempSync(join(tmpdir(), 'slicewise-fuses-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'electron');
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    writeFileSync(file, Buffer.concat([Buffer.alloc(64), Buffer.from(sentinel), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(64)]));
    await fuses.flipFuses(file, await electronBuilderFuseConfig());
    assertSafeWire(await fuses.getCurrentFuseWire(file), 'stand-in wire');
  });

  test('the real Electron binary takes these fuses', async (t) => {
    const binary = findElectronBinary();
    if (!binary) return t.skip(NO_BINARY);
    const dir = mkdtempSync(join(tmpdir(), 'slicewise-fuses-electron-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const copy = join(dir, 'electron-copy');
    copyFileSync(fuseFileOf(binary.path), copy); // never flip the development binary itself
    const before = await fuses.getCurrentFuseWire(copy);
    for (const key of Object.keys(REQUIRED_FUSES) as (keyof typeof REQUIRED_FUSES)[]) {
      const index = fuses.FuseV1Options[FUSE_NAMES[key]] as number;
      assert.notEqual(before[index], FuseState.REMOVED, `${FUSE_NAMES[key]} was removed in this Electron`);
    }
    await fuses.flipFuses(copy, await electronBuilderFuseConfig());
    assertSafeWire(await fuses.getCurrentFuseWire(copy), `Electron binary ${binary.path} (a copy)`);
  });

  test('the packaged app in dist/ has them set', async (t) => {
    const app = packagedApp();
    if (!app) {
      return t.skip(findElectronBinary() ? 'no packaged app in dist/ (run "npm run package" to make one)' : `${NO_BINARY}, and no packaged app in dist/`);
    }
    assertSafeWire(await fuses.getCurrentFuseWire(app), relative(ROOT, app));
  });
});
