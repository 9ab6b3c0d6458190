/**
 * Makes sure out/renderer holds a build of the current renderer sources. The normal path is
 * `npx electron-vite build` (npm test does it); when the build is missing or older than the
 * sources, the harness rebuilds just the renderer with the same settings electron-vite uses, so
 * `npx playwright test` never tests stale code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerScript } from '../../../src/main/engine-host/worker-entry';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererBuildIsStale(repoRoot: string): boolean {
  const built = join(repoRoot, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(repoRoot, 'src', 'renderer')), newestMtime(join(repoRoot, 'src', 'shared')));
  return sources > statSync(built).mtimeMs;
}

/**
 * The built engine worker (out/main/engine-worker.js) when it is newer than the main-side
 * sources — it starts in milliseconds instead of loading TypeScript through tsx — or else the
 * TypeScript source, so a test never runs a stale engine.
 */
export function engineWorkerForTests(repoRoot: string): WorkerScript {
  const built = join(repoRoot, 'out', 'main', 'engine-worker.js');
  const fresh =
    existsSync(built) &&
    Math.max(newestMtime(join(repoRoot, 'src', 'main')), newestMtime(join(repoRoot, 'src', 'shared'))) <= statSync(built).mtimeMs;
  return fresh ? { kind: 'built', path: built } : { kind: 'source', path: join(repoRoot, 'src', 'main', 'workers', 'engine-worker.ts') };
}

export async function buildRenderer(repoRoot: string): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: join(repoRoot, 'src', 'renderer'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: join(repoRoot, 'out', 'renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      minify: true,
    },
  });
}
