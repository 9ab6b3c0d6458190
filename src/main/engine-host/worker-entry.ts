import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A worker script: a built .js file, or TypeScript source loaded through tsx (tests, scripts). */
export type WorkerScript = { kind: 'built'; path: string } | { kind: 'source'; path: string };

/**
 * Finds the engine worker script: next to the bundle when built (out/main, out/cli — this module
 * may be bundled into a shared chunk one folder below them, out/main/chunks or out/cli/assets,
 * since the engine worker uses it too), or the TypeScript source when running from source.
 */
export function engineWorkerScript(): WorkerScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = [join(here, 'engine-worker.js'), join(here, '..', 'engine-worker.js')];
  const found = built.find((p) => existsSync(p));
  if (found) return { kind: 'built', path: found };
  const source = join(here, '../workers/engine-worker.ts');
  if (existsSync(source)) return { kind: 'source', path: source };
  throw new Error(`The engine worker script is missing (looked for ${built.join(', ')} and ${source}). Run "npm run build".`);
}

/**
 * The script of the helper thread that reads the second part of a big CSV, beside an engine worker
 * script (engine-worker.js → csv-part-worker.js, engine-worker-123.mjs → csv-part-worker-123.mjs,
 * engine-worker.ts → csv-part-worker.ts); undefined where there is none (then a CSV is read on one thread).
 */
export function csvPartWorkerScript(engine: WorkerScript): WorkerScript | undefined {
  const name = basename(engine.path);
  if (!name.startsWith('engine-worker')) return undefined;
  const path = join(dirname(engine.path), name.replace('engine-worker', 'csv-part-worker'));
  return existsSync(path) ? { kind: engine.kind, path } : undefined;
}

/**
 * The most V8 may give a worker's young generation (its two semi-spaces and new large objects).
 * Left to V8's default, a worker's semi-spaces grow to 16 MB each under the first import's string
 * churn and stay resident while it lives: 32 MB of an idle engine worker's 52 MB heap after one
 * 3,000-row import (the CSV helper thread gets the same limit). The engine's work is
 * typed arrays outside the heap; what it allocates on the heap is short-lived (strings of a parse,
 * small result objects), which a small young generation collects as cheaply. Measured at 1M rows
 * (decisions §9): the process's floor after the bench's warm-up fell from 167–185 MB to 151–172 MB,
 * with imports and check-ups as fast within the noise.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** Starts a worker thread for a script. Source scripts register tsx inside the worker first. */
export function startWorkerThread(script: WorkerScript, workerData?: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  if (script.kind === 'built') return new Worker(script.path, { workerData, resourceLimits });
  // Node 20 does not pass --import loaders to workers, so the worker registers tsx itself.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = pathToFileURL(script.path).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
