/**
 * Slicewise's side of `npm run bench` in a process of its own, as the app's engine runs: bench/run.ts
 * bundles this file with esbuild and runs it with plain Node, so what this process holds is
 * Slicewise's — Node, the main-side services as plain JavaScript, the worker pool and its jobs — and
 * not the bench's: tsx's compiler and source maps (~90 MB), DuckDB's library and whatever DuckDB's
 * queries leave behind. Its peak RSS is the app's figure for the CSV-size target (#9).
 *
 *   node slicewise-process-<pid>.mjs <spec.json>     (bench/run.ts writes the spec and reads `out`)
 *
 * Does the warm-up, every timed Slicewise stage (slicewise-side.ts runSlicewise), the HTML export of
 * the last check-up to `htmlPath` (its opening in Chromium is timed by the parent), and the reopens.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { WorkerScript } from '../src/main/engine-host/worker-entry';
import type { BatchFiles, WarmUpFiles } from './generate';
import type { StageMeasure } from './measure';
import { createBenchServices, reopen, runSlicewise, warmUp, type SlicewiseMeasures } from './slicewise-side';

export interface SlicewiseProcessSpec {
  root: string;
  work: string;
  workerScript: WorkerScript;
  files: { reference: BatchFiles; drifted: BatchFiles };
  warm: WarmUpFiles;
  runs: number;
  /** Where the HTML report of the last check-up is written. */
  htmlPath: string;
  /** Where this process writes its SlicewiseProcessResult. */
  out: string;
  /** The parent's start (Date.now()), so both processes' log lines count from it. */
  startedAt: number;
}

export interface SlicewiseProcessResult {
  sw: SlicewiseMeasures;
  reopen: { shown: StageMeasure; full: StageMeasure };
  /** Size of the HTML report at `htmlPath`, 0 when its export failed. */
  htmlBytes: number;
}

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SlicewiseProcessSpec;
const log = (s: string): void => console.error(`[${((Date.now() - spec.startedAt) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const services = createBenchServices(spec.root, spec.work, spec.workerScript);
await warmUp(services, spec.warm, spec.work);
const sw = await runSlicewise(services, spec.files, spec.runs, spec.work, log);
const html = await services.exports.export(sw.projectId, sw.lastRunId, 'html', 'mask', spec.htmlPath);
await services.shutdown();
const result: SlicewiseProcessResult = {
  sw,
  reopen: await reopen(sw.projectPath, sw.datasetId, spec.runs),
  htmlBytes: html.status === 'written' ? html.bytes : 0,
};
writeFileSync(spec.out, JSON.stringify(result));
