/**
 * Reading a big delimited file on both cores: a helper thread is started as soon as the file is
 * known to be big UTF-8 text, and starts up while the import's thread reads the first rows. Once
 * those have fixed the columns' storage, the file is cut at a line break near the middle of what is
 * left (MAIN_SHARE); the helper reads the second part (part-reader.ts) while the import's thread
 * reads the first and then hashes the rest. The cut
 * is a guess — a line break can sit inside a quoted value — so the import's thread checks, on
 * reaching it, that its tokenizer ended exactly at a record's end outside quotes. Only then is the
 * part appended (builder by builder, codes remapped into the first part's dictionaries, line
 * numbers shifted), giving the same table, statistics, notes and errors as reading in one go;
 * otherwise, or if the helper fails, the import's thread reads on from the cut itself.
 */
import { readSync } from 'node:fs';
import { bigArraysMappedAlone } from '../../../shared/big-arrays';
import { startWorkerThread, type WorkerScript } from '../../engine-host/worker-entry';
import type { ReadContext } from '../read-result';
import { CANCEL, KB_READ, type PartOutcome, type PartSpec } from './part-reader';
import type { PartWorkerData } from './part-worker';

/** Below this much left to read after the first rows, starting a thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * The share of what is left after the first rows that the import's own thread reads: well under
 * half. That thread also sets up its columns and adds the first rows to them, hashes the whole file
 * and later appends the helper's part, while the helper, started when the file was opened, begins
 * its part at once. And run as the app runs it (in the engine worker), it parsed at about two
 * thirds of the helper's speed per byte (a CPU profile of one 1M-row import: 1.36 s for 44% of the
 * rows against 1.13 s for 56%; alone in a plain process, both went at the same speed). At 0.44 it
 * finished its share 0.02–0.6 s after the helper in 9 imports of 11 (0.23 s on average); a share
 * 0.01 lower moves that by ~0.05 s.
 */
export const MAIN_SHARE = 0.4;

/** How far past the middle a line break is looked for before giving up on cutting the file. */
const MAX_SEARCH_BYTES = 1 << 20;

export interface ParallelOptions {
  /** The helper's script (src/main/workers/csv-part-worker.ts, or its bundle; see worker-entry.ts). */
  script: WorkerScript;
  /** Read in one thread when less than this is left after the first rows (tests set 0). */
  minBytes?: number | undefined;
}

export interface PartRun {
  /** Bytes the helper has read so far (for progress). */
  bytesRead(): number;
  /** The part, or null when the helper failed (the caller then reads the part itself). */
  readonly result: Promise<PartOutcome | null>;
  stop(): void;
}

/** The offset just after the first line feed at or after `from`, or null if there is none near. */
export function findSplit(fd: number, from: number, size: number): number | null {
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (let at = from; at < size && at < from + MAX_SEARCH_BYTES; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, size - at), at);
    if (n === 0) return null;
    const lf = buf.subarray(0, n).indexOf(0x0a);
    if (lf >= 0) return at + lf + 1 < size ? at + lf + 1 : null;
    at += n;
  }
  return null;
}

/** A helper thread started (and starting up) before it is given its part. */
export interface PartHelper {
  /** Gives the helper its part to read. */
  begin(spec: PartSpec): PartRun;
  stop(): void;
}

/**
 * Starts the helper thread. A thread's start-up (Node's own, then the script's) took 0.1–0.27 s on
 * the benchmark's machine: started when the file is opened, it overlaps the reading of the first
 * rows instead of delaying the helper's part.
 */
export function startPartHelper(script: WorkerScript): PartHelper {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  // The import's thread knows whether big arrays are mapped alone here (it found out once, at its
  // own start); the helper does as it does rather than asking the C library again.
  const data: PartWorkerData = { signal, mapBigArraysAlone: bigArraysMappedAlone() };
  const worker = startWorkerThread(script, data);
  const result = new Promise<PartOutcome | null>((resolve) => {
    worker.once('message', (outcome: PartOutcome) => resolve(outcome));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null)); // after a message this changes nothing
  });
  const stop = (): void => {
    Atomics.store(signal, CANCEL, 1);
    void worker.terminate();
  };
  return {
    begin(spec) {
      worker.postMessage(spec);
      return { bytesRead: () => Atomics.load(signal, KB_READ) * 1024, result, stop };
    },
    stop,
  };
}

/** Waits for the helper, still answering Cancel and reporting progress while it reads. */
export function waitForPart(run: PartRun, ctx: ReadContext, report: () => void): Promise<PartOutcome | null> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      try {
        ctx.throwIfCancelled();
        report();
      } catch (err) {
        clearInterval(timer);
        reject(err);
      }
    }, 50);
    void run.result.then((outcome) => {
      clearInterval(timer);
      resolve(outcome);
    });
  });
}
