/**
 * Runs a fuzz target in worker threads with a watchdog, from a node:test test.
 *
 *   - Seeded and deterministic: the same seed runs the same cases. FUZZ_SEED changes every
 *     target's seed (for longer campaigns); FUZZ_RUNS multiplies every target's number of cases.
 *   - A case that takes longer than `caseLimitMs` fails the property (and is shrunk). A case that
 *     never ends (no heartbeat for `hangMs`) or kills its worker (out of memory, abort) fails the
 *     test, and the file being read is copied to test-results/fuzz-failures/ to reproduce it.
 *   - The work is split over `workers` threads (different seeds), so both cores of a small
 *     machine are used. Workers are kept between targets in one process: starting one costs
 *     about a second.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Outcomes } from './target';
import type { WorkerInit, WorkerJob, WorkerResult } from './worker';

const ROOT = join(import.meta.dirname, '../../../..');
export const FAILURES_DIR = join(ROOT, 'test-results', 'fuzz-failures');

export interface FuzzOptions {
  /** Short name, used for folders and messages. */
  name: string;
  /** Absolute path of the module exporting `target`. */
  module: string;
  seed: number;
  /** Cases in the normal test suite (multiplied by FUZZ_RUNS). */
  runs: number;
  workers?: number;
  caseLimitMs?: number;
  hangMs?: number;
  /** Heap limit per worker; a case that needs more is a crash. */
  maxHeapMb?: number;
}

export interface FuzzReport {
  name: string;
  ok: boolean;
  message: string;
  cases: number;
  seeds: number[];
  outcomes: Outcomes;
  slowestMs: number;
  wallMs: number;
}

/** FUZZ_RUNS: a multiplier for the number of cases (default 1). */
export function runsMultiplier(): number {
  const m = Number(process.env.FUZZ_RUNS ?? 1);
  return Number.isFinite(m) && m > 0 ? m : 1;
}

function seedFor(base: number): number {
  const extra = process.env.FUZZ_SEED;
  if (extra === undefined || extra === '') return base;
  return (base ^ Number(extra)) >>> 0;
}

/** A worker kept between jobs (starting one, with tsx, costs about a second), and its heartbeat. */
interface PoolWorker {
  worker: Worker;
  beat: Int32Array;
  maxHeapMb: number;
}

const idle: PoolWorker[] = [];

function startWorker(maxHeapMb: number): PoolWorker {
  // Node 20 does not pass --import loaders to workers, so the worker registers tsx itself.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(join(import.meta.dirname, 'worker.ts')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const heartbeat = new SharedArrayBuffer(4);
  const init: WorkerInit = { heartbeat };
  const worker = new Worker(code, { eval: true, workerData: init, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
  return { worker, beat: new Int32Array(heartbeat), maxHeapMb };
}

const quiet = (w: PoolWorker): Worker => w.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');

function takeWorker(maxHeapMb: number): PoolWorker {
  const i = idle.findIndex((w) => w.maxHeapMb === maxHeapMb);
  const w = i >= 0 ? idle.splice(i, 1)[0]! : startWorker(maxHeapMb);
  quiet(w).ref();
  return w;
}

/** An idle worker does not keep the test process alive; the next job in this process reuses it. */
function releaseWorker(w: PoolWorker): void {
  const drop = (): void => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  };
  quiet(w).on('error', drop).on('exit', drop).unref();
  idle.push(w);
}

function keepFiles(from: string, to: string): string {
  mkdirSync(to, { recursive: true });
  if (existsSync(from)) for (const f of readdirSync(from)) cpSync(join(from, f), join(to, f), { recursive: true });
  return to;
}

/**
 * Case files are rewritten thousands of times: on a disk mounted with `discard`, truncating a file
 * costs milliseconds, in memory (/dev/shm) microseconds.
 */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

function runOne(opts: Required<FuzzOptions>, seed: number, runs: number, index: number): Promise<WorkerResult> {
  const dir = join(SCRATCH, `slicewise-fuzz-${opts.name}-${process.pid}-${index}`);
  const failDir = join(FAILURES_DIR, `${opts.name}-${seed}`);
  const w = takeWorker(opts.maxHeapMb);
  const { worker, beat } = w;
  const job: WorkerJob = { module: opts.module, seed, runs, dir, failDir, caseLimitMs: opts.caseLimitMs };
  const startBeat = Atomics.load(beat, 0);
  return new Promise((resolve) => {
    let done = false;
    let last = -1;
    let lastChange = Date.now();
    const cases = (): number => Atomics.load(beat, 0) - startBeat;
    const finish = (r: WorkerResult, healthy: boolean): void => {
      if (done) return;
      done = true;
      clearInterval(watch);
      if (healthy) releaseWorker(w);
      else {
        // A stopped worker cannot clean up after itself (its case files were kept first).
        void worker.terminate().then(() => rmSync(dir, { recursive: true, force: true }));
      }
      resolve(r);
    };
    const failed = (why: string): WorkerResult => {
      const kept = keepFiles(dir, join(FAILURES_DIR, `${opts.name}-${seed}-case-${cases()}`));
      return { ok: false, message: `${why} (seed ${seed}, case ${cases()}); the file being read is kept in ${kept}`, cases: cases(), outcomes: {}, slowestMs: 0, elapsedMs: 0 };
    };
    const watch = setInterval(() => {
      const now = Atomics.load(beat, 0);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > opts.hangMs) {
        finish(failed(`a case ran for more than ${opts.hangMs} ms without finishing: the reader hangs`), false);
      }
    }, 200);
    worker.on('message', (r: WorkerResult) => finish(r, true));
    worker.on('error', (err) => finish(failed(`the worker crashed: ${err.stack ?? err.message}`), false));
    worker.on('exit', (code) => finish(failed(`the worker exited (code ${code}) before reporting`), false));
    worker.postMessage(job);
  });
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const opts: Required<FuzzOptions> = { workers: 2, caseLimitMs: 5_000, hangMs: 30_000, maxHeapMb: 2048, ...options };
  const total = Math.round(opts.runs * runsMultiplier());
  const n = Math.max(1, Math.min(opts.workers, total));
  const seeds = Array.from({ length: n }, (_, i) => seedFor(opts.seed + i));
  const started = Date.now();
  const results = await Promise.all(seeds.map((seed, i) => runOne(opts, seed, Math.ceil(total / n), i)));
  const outcomes: Outcomes = {};
  for (const r of results) for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  return {
    name: opts.name,
    ok: results.every((r) => r.ok),
    message: results.filter((r) => !r.ok).map((r) => r.message).join('\n\n'),
    cases: results.reduce((a, r) => a + r.cases, 0),
    seeds,
    outcomes,
    slowestMs: Math.max(...results.map((r) => r.slowestMs)),
    wallMs: Date.now() - started,
  };
}

/** One line for the test's diagnostics (and for a script that tabulates the campaign). */
export function describeReport(r: FuzzReport): string {
  const parts = Object.entries(r.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `fuzz ${r.name}: ${r.cases} cases (seeds ${r.seeds.join(', ')}) in ${(r.wallMs / 1000).toFixed(1)} s, slowest case ${Math.round(r.slowestMs)} ms; ${parts}`;
}
