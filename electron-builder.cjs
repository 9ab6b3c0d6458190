/**
 * Packaging the desktop app with electron-builder (`npm run package`). electron-builder finds this
 * file by its name, so a bare `npx electron-builder` uses it too. Checked by
 * test/unit/security/fuses.test.ts.
 *
 * What the packaged app reads at run time, and where it comes from here:
 *   out/main, out/preload, out/renderer    the electron-vite build (package.json "main" → out/main/index.js)
 *   <resources>/examples/                  resources/examples (src/main/host-paths.ts: resourcesDir)
 *   …/vendor/echarts-report.min.js          the slim ECharts build the HTML/PDF report inlines, written
 *                                           beside the built code that looks for it (beforePack below;
 *                                           echarts itself is a development dependency, so it is not packaged)
 *   app.asar.unpacked/.electron-native/<electron version>/better_sqlite3.node
 *                                           better-sqlite3 built for Electron's ABI by
 *                                           scripts/electron-native.mjs (src/main/native-binding.ts);
 *                                           a native addon cannot load from inside app.asar
 *   production node_modules                 added by electron-builder (never devDependencies)
 *
 * The fuses are flipped in the packaged Electron binary (electron-builder's electronFuses, applied
 * with @electron/fuses before signing): no running as plain Node, no NODE_OPTIONS or --inspect,
 * cookies encrypted, the app loaded only from app.asar and that archive checked against the hash
 * embedded at packaging (macOS and Windows; Linux has no ASAR integrity check), no extra powers for
 * file:// pages.
 *
 * Packages are built for the machine they are built on (the native addon is), with an Electron
 * binary present: electron-builder downloads Electron's distribution, so this cannot run offline.
 */
/* global require, module, __dirname, __filename, process, console */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this file as CommonJS */
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = __dirname;
/** The Electron the app is built for: the installed electron package, as electron-builder itself would pick. */
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
/** Keep in step with src/main/native-binding.ts (the fuses test compares them). */
const NATIVE_DIR = `.electron-native/${electronVersion}`;
const SQLITE_ADDON = `${NATIVE_DIR}/better_sqlite3.node`;
/** Where the report's chart library is looked for beside the running code (src/main/export/echarts-script.ts VENDOR_SLIM). */
const ECHARTS_VENDOR_FILE = 'echarts-report.min.js';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The addon is built for this machine: refuse to put it into a package for another platform or processor. */
async function checkNativeAddon(context) {
  const { Arch } = require('electron-builder');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = Arch[context.arch] === 'armv7l' ? 'arm' : Arch[context.arch];
  if (platform !== process.platform || arch !== process.arch) {
    throw new Error(
      `Slicewise packages are built on the platform they are for: this machine is ${process.platform}-${process.arch}, the target is ${platform}-${arch}. ` +
        'better-sqlite3 is a native addon built here by scripts/electron-native.mjs.',
    );
  }
  const { isAddonCurrent } = await import(pathToFileURL(join(ROOT, 'scripts', 'electron-native.mjs')).href);
  if (!existsSync(join(ROOT, SQLITE_ADDON)) || !isAddonCurrent(ROOT, electronVersion)) {
    throw new Error(
      `${SQLITE_ADDON} is missing or was built from another better-sqlite3: run "node scripts/electron-native.mjs" ` +
        '(it needs the Electron binary; "npm run package" runs it first).',
    );
  }
}

/** Writes the slim ECharts build next to every built file that looks for it (today out/main/chunks/). */
async function writeReportEcharts() {
  const mainDir = join(ROOT, 'out', 'main');
  if (!existsSync(join(mainDir, 'index.js'))) throw new Error('out/main is not built: run "npx electron-vite build" first ("npm run package" does).');
  const readers = filesUnder(mainDir).filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(ECHARTS_VENDOR_FILE));
  if (readers.length === 0) throw new Error(`No built file in out/main refers to ${ECHARTS_VENDOR_FILE}; has src/main/export/echarts-script.ts changed?`);
  // The project's own bundler for it, run from source (tsx and esbuild are development dependencies).
  const { tsImport } = await import('tsx/esm/api');
  const echarts = await tsImport(pathToFileURL(join(ROOT, 'src', 'main', 'export', 'echarts-script.ts')).href, __filename);
  if (echarts.VENDOR_SLIM !== ECHARTS_VENDOR_FILE) throw new Error(`src/main/export/echarts-script.ts now names the file ${echarts.VENDOR_SLIM}; update electron-builder.cjs.`);
  const source = echarts.reportEchartsBundle(ROOT);
  if (!source) throw new Error('Could not build the report chart library (needs node_modules/echarts and esbuild).');
  for (const dir of new Set(readers.map((f) => dirname(f)))) {
    mkdirSync(join(dir, 'vendor'), { recursive: true });
    writeFileSync(join(dir, 'vendor', ECHARTS_VENDOR_FILE), source);
    console.log(`  • report charts: ${relative(ROOT, join(dir, 'vendor', ECHARTS_VENDOR_FILE))}`);
  }
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.slicewise.desktop',
  productName: 'Slicewise',
  copyright: 'Copyright © Slicewise contributors',
  electronVersion,
  directories: { output: 'dist', buildResources: 'build' },

  // app.asar is required by the onlyLoadAppFromAsar and embeddedAsarIntegrityValidation fuses.
  asar: true,
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    SQLITE_ADDON,
    // node_modules/better-sqlite3's own addon is the Node build (kept for tests and the CLI) and
    // is never loaded by the app, which always passes nativeBinding; its C sources are not needed.
    '!**/node_modules/better-sqlite3/{build,deps,src}{,/**/*}',
  ],
  asarUnpack: [`${NATIVE_DIR}/**`],
  extraResources: [{ from: 'resources/examples', to: 'examples' }],

  // electron-builder would rebuild node_modules/better-sqlite3 in place for Electron, which breaks
  // every Node-side test and the CLI; the Electron build lives in .electron-native/ instead.
  npmRebuild: false,
  nodeGypRebuild: false,

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },

  beforePack: async (context) => {
    await checkNativeAddon(context);
    await writeReportEcharts();
  },

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'slicewise',
    category: 'Science',
    synopsis: 'A private check-up of a dataset and of a model’s results',
    maintainer: 'Slicewise contributors',
  },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },

  // Nothing is uploaded anywhere.
  publish: null,
};

module.exports = config;
