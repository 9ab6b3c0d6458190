#!/usr/bin/env node
// `npm start`: open the desktop app, or explain in plain words why it cannot open here.
//   1. Find the Electron binary without triggering its download (electron-binary.mjs); if it is
//      missing, try once to fetch it (electron downloads lazily on first require), with a timeout.
//   2. Build better-sqlite3 for Electron's ABI beside node_modules (electron-native.mjs), if needed.
//   3. Build the app (electron-vite build) and launch Electron on the repo root.
// Extra arguments are passed on to the app: `npm start -- <args>`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, REPO_ROOT } from './electron-binary.mjs';
import { buildElectronNative, electronVersionOf, isAddonCurrent } from './electron-native.mjs';

const DOWNLOAD_TIMEOUT_MS = 60_000;

function say(lines) {
  console.log(lines.join('\n'));
}

function noRuntime(reason) {
  say([
    '',
    'Slicewise cannot open its window on this machine: the desktop runtime (Electron 45) is missing.',
    reason,
    '',
    'To get it:',
    '  • run "npm start" once on a machine connected to the internet (Electron downloads itself), or',
    '  • set ELECTRON_EXEC_PATH to an Electron 45 binary, e.g. ELECTRON_EXEC_PATH=/opt/electron/electron npm start',
    '',
    'What works without it:',
    '  • npm test                 every test (type-checks, lint, unit, the app\'s screens in Chromium)',
    '  • npm run build && npx slicewise check resources/examples/loan-applications.csv',
    '                             the same check-up, from the command line',
    '',
  ]);
  process.exit(1);
}

function tryDownload() {
  console.log(`The desktop runtime (Electron) is not installed yet; trying to download it (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`);
  const r = spawnSync(process.execPath, ['-e', "require('electron')"], {
    cwd: REPO_ROOT,
    stdio: 'ignore', // its stack trace helps no one; we explain below
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (r.error?.code === 'ETIMEDOUT') return 'the download timed out';
  return r.status === 0 ? 'unknown' : 'the download failed';
}

function run(label, args) {
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${label} failed (see above), so Slicewise was not started.`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync(join(REPO_ROOT, 'node_modules'))) {
  say(['Dependencies are not installed yet. Run "npm install" first, then "npm start".']);
  process.exit(1);
}

let binary = findElectronBinary();
if (!binary) {
  if (process.env.ELECTRON_EXEC_PATH) noRuntime(`ELECTRON_EXEC_PATH points at ${process.env.ELECTRON_EXEC_PATH}, which is not a file.`);
  const outcome = tryDownload();
  binary = findElectronBinary();
  if (!binary) noRuntime(`It could not be downloaded (${outcome}). Is this machine offline?`);
}

const electronVersion = electronVersionOf(binary);
if (!electronVersion) {
  console.error(`${binary.path} does not look like a working Electron binary (it would not report its version).`);
  process.exit(1);
}

if (!isAddonCurrent(REPO_ROOT, electronVersion)) {
  const result = await buildElectronNative({ electronVersion, binaryPath: binary.path });
  if (!result.ok) {
    say([
      '',
      `Slicewise needs its database module (better-sqlite3) built for Electron ${electronVersion}, and that failed:`,
      `  ${result.reason}`,
      'Nothing in node_modules was changed. Building needs the Electron headers (downloaded from',
      'electronjs.org once) and a C++ toolchain (python3, make, g++). Try again when connected, or run',
      '"node scripts/electron-native.mjs" to see the full build output.',
    ]);
    process.exit(1);
  }
}

run('Building the app', [join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // inherited from some tools; it would start Electron as plain Node
const child = spawn(binary.path, [REPO_ROOT, ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`Could not start Electron (${binary.path}): ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
