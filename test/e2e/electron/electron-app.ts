/**
 * Launches the real desktop app with Playwright's `_electron`, where an Electron binary exists.
 * The binary is found without triggering a download (scripts/electron-binary.mjs, shared with
 * `npm start`); where there is none, every Electron spec is reported as skipped with the reason.
 * Each test gets its own settings and projects folders (SLICEWISE_USER_DATA_DIR /
 * SLICEWISE_PROJECTS_DIR, honoured by unpackaged builds only), so a person's real recent list is
 * never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, REPO_ROOT } from '../../../scripts/electron-binary.mjs';

export const binary = findElectronBinary();
export const SKIP_REASON = 'No Electron binary on this machine (see docs/toolchain.md); Electron tests skipped';

function ensureBuilt(): void {
  const outputs = ['out/main/index.js', 'out/main/engine-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  if (outputs.every((f) => existsSync(join(REPO_ROOT, f)))) return;
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The app could not be built for the Electron tests ("npx electron-vite build" failed).');
}

export const test = base.extend<{ app: ElectronApplication; page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  app: async ({}, use) => {
    if (!binary) throw new Error(SKIP_REASON); // unreachable: specs skip first
    ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'slicewise-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    const app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer is
      // still `sandbox: true` as far as Electron's settings go, which is what these tests check.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO_ROOT],
      cwd: REPO_ROOT,
      env: { ...env, SLICEWISE_USER_DATA_DIR: join(dir, 'user-data'), SLICEWISE_PROJECTS_DIR: join(dir, 'projects') },
    });
    try {
      await use(app);
    } finally {
      await app.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
