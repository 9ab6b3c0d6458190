/**
 * Makes sure out/renderer holds a build of the current renderer sources. The normal path is
 * `npx electron-vite build` (npm test does it); when the build is missing or older than the
 * sources, the harness rebuilds just the renderer with the same settings electron-vite uses, so
 * `npx playwright test` never tests stale code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
