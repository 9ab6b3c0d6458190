import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A worker script: a built .js file, or TypeScript source loaded through tsx (tests, scripts). */
export type WorkerScript = { kind: 'built'; path: string } | { kind: 'source'; path: string };

/**
 * Finds the engine worker script: next to the bundle when built (out/main, out/cli), or the
 * TypeScript source when running from source.
 */
export function engineWorkerScript(): WorkerScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'engine-worker.js');
  if (existsSync(built)) return { kind: 'built', path: built };
  const source = join(here, '../workers/engine-worker.ts');
  if (existsSync(source)) return { kind: 'source', path: source };
  throw new Error(`The engine worker script is missing (looked for ${built} and ${source}). Run "npm run build".`);
}

/** Starts a worker thread for a script. Source scripts register tsx inside the worker first. */
export function startWorkerThread(script: WorkerScript): Worker {
  if (script.kind === 'built') return new Worker(script.path);
  // Node 20 does not pass --import loaders to workers, so the worker registers tsx itself.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = pathToFileURL(script.path).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(code, { eval: true });
}
