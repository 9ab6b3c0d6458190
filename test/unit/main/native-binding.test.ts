import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { bundlePaths, hostPaths } from '../../../src/main/host-paths';
import { electronAddonPath, findElectronNativeBinding, missingBindingHint } from '../../../src/main/native-binding';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';
import { electronAddonPath as scriptAddonPath, isAddonCurrent } from '../../../scripts/electron-native.mjs';

describe('native-binding', () => {
  const dev = { electronVersion: '45.5.0', packaged: false, appRoot: '/repo', resourcesPath: '/opt/Slicewise/resources' };

  test('development: the repo-local Electron build, when it exists', () => {
    const expected = join('/repo', '.electron-native', '45.5.0', 'better_sqlite3.node');
    assert.equal(findElectronNativeBinding({ ...dev, exists: (p) => p === expected }), expected);
    assert.equal(findElectronNativeBinding({ ...dev, exists: () => false }), undefined);
  });

  test('packaged: the copy unpacked beside app.asar', () => {
    const expected = join('/opt/Slicewise/resources', 'app.asar.unpacked', '.electron-native', '45.5.0', 'better_sqlite3.node');
    assert.equal(findElectronNativeBinding({ ...dev, packaged: true, exists: (p) => p === expected }), expected);
  });

  test('plain Node (no process.versions.electron): node_modules as usual', () => {
    assert.equal(findElectronNativeBinding({ ...dev, electronVersion: undefined, exists: () => true }), undefined);
    assert.equal(missingBindingHint({ ...dev, electronVersion: undefined }), undefined);
  });

  test('a missing build in development says how to make it', () => {
    assert.match(missingBindingHint(dev) ?? '', /node scripts\/electron-native\.mjs/);
    assert.equal(missingBindingHint({ ...dev, packaged: true }), undefined);
  });

  test('the build script writes exactly where main looks', () => {
    assert.equal(scriptAddonPath('/repo', '45.5.0'), electronAddonPath('/repo', '45.5.0'));
  });

  test('a build is current only for the better-sqlite3 now installed', (t) => {
    const repo = mkdtempSync(join(tmpdir(), 'slicewise-native-'));
    t.after(() => rmSync(repo, { recursive: true, force: true }));
    mkdirSync(join(repo, 'node_modules', 'better-sqlite3'), { recursive: true });
    writeFileSync(join(repo, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.6.2' }));
    assert.equal(isAddonCurrent(repo, '45.5.0'), false);
    mkdirSync(join(repo, '.electron-native', '45.5.0'), { recursive: true });
    writeFileSync(electronAddonPath(repo, '45.5.0'), '');
    writeFileSync(join(repo, '.electron-native', '45.5.0', 'build-info.json'), JSON.stringify({ betterSqlite3Version: '12.6.1' }));
    assert.equal(isAddonCurrent(repo, '45.5.0'), false);
    writeFileSync(join(repo, '.electron-native', '45.5.0', 'build-info.json'), JSON.stringify({ betterSqlite3Version: '12.6.2' }));
    assert.equal(isAddonCurrent(repo, '45.5.0'), true);
  });
});

describe('findElectronBinary (never triggers a download)', () => {
  const repo = mkdtempSync(join(tmpdir(), 'slicewise-electron-'));
  after(() => rmSync(repo, { recursive: true, force: true }));
  const pkg = join(repo, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });

  test('electron installed without its binary (this machine): null', () => {
    assert.equal(findElectronBinary({ repoRoot: repo, env: {} }), null);
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    assert.equal(findElectronBinary({ repoRoot: repo, env: {} }), null); // path.txt but no dist/
  });

  test('path.txt + dist/<path>: found, with its version', () => {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
    writeFileSync(join(pkg, 'dist', 'version'), 'v45.5.0');
    assert.deepEqual(findElectronBinary({ repoRoot: repo, env: {} }), {
      path: join(pkg, 'dist', 'electron'),
      source: 'node_modules',
      version: '45.5.0',
    });
  });

  test('ELECTRON_EXEC_PATH wins, and a wrong one is reported as missing rather than ignored', () => {
    const exe = join(repo, 'my-electron');
    writeFileSync(exe, '');
    assert.equal(findElectronBinary({ repoRoot: repo, env: { ELECTRON_EXEC_PATH: exe } })?.source, 'ELECTRON_EXEC_PATH');
    assert.equal(findElectronBinary({ repoRoot: repo, env: { ELECTRON_EXEC_PATH: join(repo, 'nope') } }), null);
  });

  test('ELECTRON_OVERRIDE_DIST_PATH (electron\'s own override) is honoured', () => {
    const dist = join(repo, 'custom-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    assert.equal(findElectronBinary({ repoRoot: repo, env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })?.path, join(dist, 'electron'));
  });
});

describe('hostPaths', () => {
  const input = { packaged: false, appPath: '/repo', resourcesPath: '/opt/S/resources', documentsDir: '/home/ana/Documents', env: {} };

  test('development: examples from the repo, projects in Documents/Slicewise', () => {
    assert.deepEqual(hostPaths(input), {
      resourcesDir: join('/repo', 'resources'),
      projectsDir: join('/home/ana/Documents', 'Slicewise'),
      userDataOverride: undefined,
    });
  });

  test('packaged: examples from the app resources', () => {
    assert.equal(hostPaths({ ...input, packaged: true }).resourcesDir, '/opt/S/resources');
  });

  test('test/dev overrides apply only to unpackaged builds', () => {
    const env = { SLICEWISE_USER_DATA_DIR: '/tmp/u', SLICEWISE_PROJECTS_DIR: '/tmp/p' };
    assert.deepEqual(hostPaths({ ...input, env }), { resourcesDir: join('/repo', 'resources'), projectsDir: '/tmp/p', userDataOverride: '/tmp/u' });
    const packaged = hostPaths({ ...input, packaged: true, env });
    assert.equal(packaged.userDataOverride, undefined);
    assert.equal(packaged.projectsDir, join('/home/ana/Documents', 'Slicewise'));
  });

  test('bundle paths match electron.vite.config.ts output (preload is CJS)', () => {
    assert.deepEqual(bundlePaths('/repo/out/main'), { preload: join('/repo/out/preload/index.cjs'), rendererRoot: join('/repo/out/renderer') });
  });
});
