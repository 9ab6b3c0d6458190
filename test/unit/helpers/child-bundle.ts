/**
 * Child processes and worker threads in tests run a bundle of their TypeScript entry (made once per
 * test file with esbuild, ~0.5 s) instead of going through tsx: a child then starts in ~0.4 s
 * instead of ~2.5 s, which is what lets a test afford dozens of kill points. Dependencies are
 * bundled too (one file loads faster than apache-arrow's hundreds); native and optional ones stay
 * external and resolve through a node_modules link next to the bundle.
 */
import { chmodSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '../../..');

/** Bundles `entry` into `dir` (which must exist) and returns the .mjs path to run with node. */
export async function bundleChild(entry: string, dir: string): Promise<string> {
  const outfile = join(dir, `${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'electron', 'playwright-core', '@playwright/test'],
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __slicewiseRequire } from 'node:module'; const require = __slicewiseRequire(import.meta.url);" },
    outfile,
    logLevel: 'error',
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // Readable by an unprivileged user too (the read-only tests run their child as one under root).
  chmodSync(dir, 0o755);
  chmodSync(outfile, 0o644);
  return outfile;
}
