/**
 * A pool of engine workers owned by main. Jobs run off the main thread, report named stages with
 * progress, can be cancelled, and always end in a typed outcome — a job that throws, a worker that
 * crashes and a cancel all come back as values. The queue is bounded.
 */
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { JobProgress } from '../../shared/domain';
import type { SlicewiseErrorData } from '../../shared/errors';
import { BEYOND_CANCEL, CANCEL_REQUESTED, type FromWorker, type ToWorker } from './messages';
import { startWorkerThread, type WorkerScript } from './worker-entry';

export type JobOutcome<T = unknown> =
  | { status: 'succeeded'; value: T }
  | { status: 'failed'; error: SlicewiseErrorData }
  | { status: 'cancelled' };

export interface JobHandle<T = unknown> {
  id: string;
  outcome: Promise<JobOutcome<T>>;
}

export interface WorkerPoolOptions {
  /** The worker script (see worker-entry.ts). */
  script: WorkerScript;
  size: number;
  /** Jobs waiting beyond those running; submitting more is refused with QUEUE_FULL. */
  maxQueue: number;
  /** How long a cancelled job may take to stop by itself before its worker is terminated. */
  cancelGraceMs?: number;
  /**
   * Jobs that hold a whole table in memory (imports, check-ups, comparisons): at most `max` of
   * these run at once, the others wait in order while lighter jobs (exports, Explore) go ahead —
   * so two check-ups of big tables queue rather than exhaust the computer's memory.
   */
  heavy?: { kinds: readonly string[]; max: number };
  /**
   * A worker that holds more than this after a job (its heap and ArrayBuffers, garbage included) and
   * then stays idle for `recycleAfterIdleMs` is replaced by a fresh one. A worker that has just
   * imported or checked a million rows keeps ~300 MB that the operating system never gets back
   * until V8 collects — and an idle worker does not collect. Ending the thread returns it at once.
   * Only once idle: a job that follows at once runs on the warm worker (whose next collection frees
   * the garbage anyway), where a fresh one would cost it ~0.8 s (start-up, then cold code).
   * The fresh worker starts only after the old thread has exited: glibc's allocator keeps a
   * thread's freed memory in that thread's arena and hands the arena to the next thread that
   * starts after it. Started while the old one was still exiting, each fresh worker got an arena
   * of its own, and three 1M-row check-ups in a row peaked at 568, 666 and 805 MB instead of
   * ~560 MB each.
   */
  recycleAboveBytes?: number;
  /** How long a worker holding more than `recycleAboveBytes` must stay idle to be replaced (default 2 s). */
  recycleAfterIdleMs?: number;
}

/** Workers that die before they are ready this many times in a row mean the engine cannot start. */
const MAX_STARTUP_FAILURES = 3;

interface Job {
  id: string;
  kind: string;
  input: unknown;
  cancelFlag: SharedArrayBuffer;
  onProgress: ((p: JobProgress) => void) | undefined;
  resolve: (o: JobOutcome) => void;
  cancelRequested: boolean;
  graceTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  ready: boolean;
  /** Between a job's reply and the worker's 'idle': it is doing the job's after-reply work. */
  tidying: boolean;
  /** Set while an idle worker that holds a lot waits to be replaced (see recycleAboveBytes). */
  recycleTimer?: NodeJS.Timeout;
}

export class QueueFullError extends Error {
  readonly code = 'QUEUE_FULL';
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<string, Slot>();
  private closed = false;
  private readonly settledWaiters: (() => void)[] = [];
  private startupFailures = 0;

  constructor(private readonly opts: WorkerPoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  submit<T = unknown>(kind: string, input: unknown, onProgress?: (p: JobProgress) => void): JobHandle<T> {
    if (this.closed) throw new Error('The worker pool is closed.');
    if (this.queue.length >= this.opts.maxQueue) {
      throw new QueueFullError(`Too many jobs are waiting (${this.queue.length}); wait for some to finish.`);
    }
    const id = randomUUID();
    let resolve!: (o: JobOutcome) => void;
    const outcome = new Promise<JobOutcome>((r) => (resolve = r));
    const job: Job = { id, kind, input, cancelFlag: new SharedArrayBuffer(4), onProgress, resolve, cancelRequested: false };
    this.queue.push(job);
    if (this.slots.length < this.opts.size) {
      // The engine failed to start earlier; give it another chance now that someone wants it.
      this.startupFailures = 0;
      while (this.slots.length < this.opts.size) this.slots.push(this.spawn());
    }
    this.pump();
    return { id, outcome: outcome as Promise<JobOutcome<T>> };
  }

  /** Asks a job to stop. Returns false when no such job is waiting or running. */
  cancel(jobId: string): boolean {
    const queued = this.queue.findIndex((j) => j.id === jobId);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      job!.resolve({ status: 'cancelled' });
      return true;
    }
    const slot = this.running.get(jobId);
    const job = slot?.job;
    if (!slot || !job) return false;
    if (job.cancelRequested) return true;
    // Refused once the job is past its point of no return (saving what it made): it will finish.
    if (Atomics.compareExchange(new Int32Array(job.cancelFlag), 0, 0, CANCEL_REQUESTED) === BEYOND_CANCEL) return false;
    job.cancelRequested = true;
    // A job stuck in a long computation that never checks the flag is stopped the hard way.
    job.graceTimer = setTimeout(() => {
      if (slot.job === job) this.replace(slot, { status: 'cancelled' });
    }, this.opts.cancelGraceMs ?? 2000);
    return true;
  }

  /** The jobs waiting or running, with their inputs (so a service can tell whether one uses some data). */
  jobs(): { id: string; kind: string; input: unknown }[] {
    const running = [...this.running.values()].flatMap((slot) => (slot.job ? [slot.job] : []));
    return [...running, ...this.queue].map((j) => ({ id: j.id, kind: j.kind, input: j.input }));
  }

  /**
   * Resolves once nothing is queued or running and every worker is started, done with its last
   * job's after-reply work (a big import's checkpoint) and not waiting to be replaced: the pool as
   * a person finds it between two actions. A benchmark times each job from here.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      // Held until then: idle workers and their timers are unref'd and would not keep a script alive.
      const hold = setInterval(() => {}, 1000);
      this.settledWaiters.push(() => {
        clearInterval(hold);
        resolve();
      });
      this.checkSettled();
    });
  }

  private checkSettled(): void {
    if (this.settledWaiters.length === 0) return;
    const quiet = this.queue.length === 0 && this.running.size === 0 && this.slots.every((s) => s.ready && !s.tidying && s.recycleTimer === undefined);
    if (this.closed || quiet) for (const done of this.settledWaiters.splice(0)) done();
  }

  get stats(): { running: number; queued: number; workers: number } {
    return { running: this.running.size, queued: this.queue.length, workers: this.slots.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.checkSettled();
    for (const slot of this.slots) clearTimeout(slot.recycleTimer);
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled' });
    for (const slot of this.slots) {
      if (slot.job) this.finish(slot, { status: 'cancelled' });
    }
    // Held (ref) until they have ended: an idle worker is unref'd, and terminate()'s promise alone does
    // not keep the event loop alive, so awaiting close() could otherwise never settle.
    await Promise.all(
      this.slots.map((s) => {
        s.worker.ref();
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    // The worker is told its own script, so a job can find the helper script beside it (csv/parallel.ts).
    const worker = startWorkerThread(this.opts.script, { script: this.opts.script });
    const slot: Slot = { worker, job: undefined, ready: false, tidying: false };
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onExit(slot, `the engine worker failed: ${err.message}`));
    worker.on('exit', (code) => this.onExit(slot, `the engine worker stopped unexpectedly (exit code ${code})`));
    if (this.queue.length === 0 && this.running.size === 0) worker.unref();
    return slot;
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      this.startupFailures = 0;
      this.pump();
      return;
    }
    if (msg.type === 'idle') {
      slot.tidying = false;
      const limit = this.opts.recycleAboveBytes;
      if (limit !== undefined && msg.heldBytes > limit) {
        slot.recycleTimer = setTimeout(() => {
          slot.recycleTimer = undefined;
          // Idle, so no job is ended: the outcome is never used.
          if (!slot.job && !slot.tidying && !this.closed) this.replace(slot, { status: 'cancelled' });
        }, this.opts.recycleAfterIdleMs ?? 2000);
        // Waiting to tidy up must not keep a CLI from exiting.
        slot.recycleTimer.unref();
      }
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.jobId) return;
    if (msg.type === 'progress') {
      job.onProgress?.({ jobId: job.id, stage: msg.stage, fraction: msg.fraction, ...(msg.message ? { message: msg.message } : {}) });
    } else if (msg.type === 'done') {
      slot.tidying = true;
      this.finish(slot, { status: 'succeeded', value: msg.value });
    } else if (msg.type === 'failed') {
      slot.tidying = true;
      this.finish(slot, msg.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error: msg.error });
    }
  }

  private onExit(slot: Slot, reason: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
      // Respawning would loop forever: fail what is waiting and stop trying until the next submit.
      const error: SlicewiseErrorData = { code: 'WORKER_CRASHED', message: `The analysis engine could not start: ${reason}.` };
      for (const job of this.queue.splice(0)) job.resolve({ status: 'failed', error });
      this.slots.splice(this.slots.indexOf(slot), 1);
      return;
    }
    const outcome: JobOutcome = slot.job?.cancelRequested
      ? { status: 'cancelled' }
      : { status: 'failed', error: { code: 'WORKER_CRASHED', message: `The work could not finish: ${reason}.` } };
    this.replace(slot, outcome, false);
  }

  /** Ends the slot's job with `outcome`, retires its worker and starts a fresh one. */
  private replace(slot: Slot, outcome: JobOutcome, terminate = true): void {
    clearTimeout(slot.recycleTimer);
    // Not ready from here: finishing the job dispatches the queue, and a job sent to this worker
    // now would be lost with it (it was: one queued behind a job stopped the hard way never ran).
    slot.ready = false;
    if (slot.job) this.finish(slot, outcome);
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    if (!terminate) {
      if (!this.closed) this.slots[i] = this.spawn();
      else this.slots.splice(i, 1);
      return;
    }
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    if (this.closed) {
      void slot.worker.terminate();
      this.slots.splice(i, 1);
      return;
    }
    // The fresh worker starts once the old thread has gone, so that it takes over the memory the C
    // allocator kept for that thread (see recycleAboveBytes); meanwhile the slot takes no job.
    void slot.worker.terminate().then(() => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      if (this.closed) this.slots.splice(at, 1);
      else this.slots[at] = this.spawn();
    });
  }

  private finish(slot: Slot, outcome: JobOutcome): void {
    const job = slot.job;
    if (!job) return;
    if (job.graceTimer) clearTimeout(job.graceTimer);
    slot.job = undefined;
    this.running.delete(job.id);
    job.resolve(outcome);
    this.pump();
  }

  private pump(): void {
    // Once closing, nothing is dispatched and close() alone decides the workers' ref.
    if (this.closed) return;
    this.dispatch();
    // Workers keep the process alive only while there is work: an idle pool must not stop a CLI from exiting.
    const busy = this.queue.length > 0 || this.running.size > 0;
    for (const slot of this.slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
    this.checkSettled();
  }

  private isHeavy(job: Job): boolean {
    return this.opts.heavy?.kinds.includes(job.kind) ?? false;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job || slot.tidying) continue;
      let heavyRunning = 0;
      for (const s of this.running.values()) if (s.job && this.isHeavy(s.job)) heavyRunning++;
      const full = heavyRunning >= (this.opts.heavy?.max ?? Infinity);
      // The first job in order that may start now: a heavy one waits while the heavy limit is reached.
      const next = this.queue.findIndex((j) => !(full && this.isHeavy(j)));
      if (next < 0) return;
      const [job] = this.queue.splice(next, 1) as [Job];
      clearTimeout(slot.recycleTimer);
      slot.recycleTimer = undefined;
      slot.job = job;
      this.running.set(job.id, slot);
      const msg: ToWorker = { type: 'run', jobId: job.id, kind: job.kind, input: job.input, cancelFlag: job.cancelFlag };
      slot.worker.postMessage(msg);
    }
  }
}
