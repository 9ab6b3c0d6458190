/**
 * Runs fuzz jobs inside a worker thread, so the test's thread can stop one when a case hangs (a
 * synchronous reader stuck in a loop cannot be interrupted from its own thread) or learn that it
 * crashed (out of memory, a native abort). The worker stays up between jobs (starting one costs
 * about a second); each job is one target, seed and number of cases, and its result (pass, or
 * fast-check's report of the shrunk case) is posted back as one message. Each case bumps a
 * counter shared with the test's thread first, which watches it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import type { FuzzTarget, Outcomes } from './target';

/** Given once, when the worker starts. */
export interface WorkerInit {
  heartbeat: SharedArrayBuffer;
}

/** One job, sent as a message. */
export interface WorkerJob {
  /** Absolute path (or file: URL) of a module whose `target` export is a FuzzTarget. */
  module: string;
  seed: number;
  runs: number;
  /** Scratch folder for the case files. */
  dir: string;
  /** Where a failing (shrunk) case's files are left for a person to look at. */
  failDir: string;
  /** A case slower than this fails the property (a "hang" that does end). */
  caseLimitMs: number;
}

export interface WorkerResult {
  ok: boolean;
  message: string;
  cases: number;
  outcomes: Outcomes;
  slowestMs: number;
  elapsedMs: number;
}

async function run(input: WorkerJob, beat: Int32Array): Promise<WorkerResult> {
  const url = input.module.startsWith('file:') ? input.module : pathToFileURL(input.module).href;
  const { target } = (await import(url)) as { target: FuzzTarget };
  mkdirSync(input.dir, { recursive: true });
  const outcomes: Outcomes = {};
  let cases = 0;
  let slowestMs = 0;
  const started = performance.now();
  const property = fc.asyncProperty(target.arbitrary, async (value) => {
    Atomics.add(beat, 0, 1);
    const t0 = performance.now();
    const label = await target.run(value, input.dir);
    const ms = performance.now() - t0;
    cases++;
    if (ms > slowestMs) slowestMs = ms;
    if (ms > input.caseLimitMs) throw new Error(`the case took ${Math.round(ms)} ms (limit ${input.caseLimitMs} ms): a reader must not hang`);
    outcomes[label] = (outcomes[label] ?? 0) + 1;
  });
  const details = await fc.check(property, { seed: input.seed, numRuns: input.runs, verbose: 0 });
  let message = '';
  if (details.failed) {
    const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    message = `${why}\n${fc.defaultReportMessage(details) ?? 'failed'}`;
    if (message.length > 20_000) message = `${message.slice(0, 20_000)}…`;
    // Leave the minimal case on disk, so a person can open it.
    if (details.counterexample) {
      rmSync(input.failDir, { recursive: true, force: true });
      mkdirSync(input.failDir, { recursive: true });
      try {
        await target.run(details.counterexample[0], input.failDir);
      } catch {
        // Expected: it is the failing case.
      }
      message += `\nThe shrunk case's file is in ${input.failDir}`;
    }
  }
  rmSync(input.dir, { recursive: true, force: true });
  return { ok: !details.failed, message, cases, outcomes, slowestMs, elapsedMs: performance.now() - started };
}

const beat = new Int32Array((workerData as WorkerInit).heartbeat);
parentPort!.on('message', (job: WorkerJob) => {
  run(job, beat).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ ok: false, message: `the fuzz worker failed: ${(err as Error)?.stack ?? String(err)}`, cases: 0, outcomes: {}, slowestMs: 0, elapsedMs: 0 } satisfies WorkerResult),
  );
});
