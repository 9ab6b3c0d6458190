/**
 * esbuild bundles for the benchmark: the engine workers and the Slicewise side's own process, as
 * plain JavaScript like the app's build (not tsx, whose compiler and source maps add ~90 MB and a
 * slow start to whatever process runs them).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { WorkerScript } from '../src/main/engine-host/worker-entry';

/** Where bundles go: beside the repo's node_modules, so their bare imports (better-sqlite3, zod…) resolve. */
export const BUNDLE_DIR = join(import.meta.dirname, 'data', 'worker');

/**
 * Which engine worker runs the jobs. `bundle` (default): the current source bundled with esbuild
 * into bench/data/worker/ (about a second), so the jobs run plain JavaScript as in the app — not
 * tsx, whose in-worker compiler adds memory and start-up, and not out/main, which may be older
 * than the source. `built`: out/main/engine-worker.js as it is (npm run build). `source`: the
 * TypeScript through tsx. Either way the warm-up loads every module before anything is timed.
 */
export async function chooseWorker(root: string, choice: string): Promise<{ script: WorkerScript; why: string; cleanup: () => void }> {
  const none = (): void => {};
  if (choice === 'source') return { script: { kind: 'source', path: join(root, 'src', 'main', 'workers', 'engine-worker.ts') }, why: 'TypeScript through tsx', cleanup: none };
  if (choice === 'built') {
    const built = join(root, 'out', 'main', 'engine-worker.js');
    if (!existsSync(built)) throw new Error(`--worker built: ${built} does not exist (npm run build)`);
    return { script: { kind: 'built', path: built }, why: `out/main, built ${statSync(built).mtime.toISOString()}`, cleanup: none };
  }
  const t = performance.now();
  const paths = await bundleWorkers(root, BUNDLE_DIR, String(process.pid));
  const why = `current source bundled by esbuild in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  return { script: { kind: 'built', path: paths[0]! }, why, cleanup: () => paths.forEach((p) => rmSync(p, { force: true })) };
}

/**
 * Bundles the worker entries of the source under `srcRoot` into `dir` as engine-worker-<tag>.mjs
 * and, where the source has it, csv-part-worker-<tag>.mjs beside it (where the engine worker looks
 * for its helper). Returns the paths, the engine worker's first.
 */
export async function bundleWorkers(srcRoot: string, dir: string, tag: string): Promise<string[]> {
  const paths: string[] = [];
  for (const name of ['engine-worker', 'csv-part-worker']) {
    const entry = join(srcRoot, 'src', 'main', 'workers', `${name}.ts`);
    if (!existsSync(entry)) continue;
    paths.push(await bundleScript(entry, join(dir, `${name}-${tag}.mjs`)));
  }
  return paths;
}

/** Bundles one entry (its packages left as imports) into `outfile`; returns `outfile`. */
export async function bundleScript(entry: string, outfile: string): Promise<string> {
  mkdirSync(join(outfile, '..'), { recursive: true });
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}
