import type { SlicewiseErrorData } from '../../shared/errors';

/** Messages between the pool (main thread) and an engine worker. */
export type ToWorker = {
  type: 'run';
  jobId: string;
  kind: string;
  input: unknown;
  /** Int32 flag shared with the worker: 0 running, CANCEL_REQUESTED (set by main), BEYOND_CANCEL (set by the job). */
  cancelFlag: SharedArrayBuffer;
};

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; stage: string; fraction: number; message?: string }
  | { type: 'done'; jobId: string; value: unknown }
  | { type: 'failed'; jobId: string; error: SlicewiseErrorData }
  /**
   * Sent after every job, once its after-reply work is done: the worker is free again. `heldBytes`
   * is its JavaScript heap plus the memory outside it that its objects hold (ArrayBuffers among it),
   * garbage included — what the worker keeps from the operating system until its next collection.
   */
  | { type: 'idle'; heldBytes: number };

/** The cancel flag's values besides 0: main asks to stop; the job has passed its point of no return. */
export const CANCEL_REQUESTED = 1;
export const BEYOND_CANCEL = 2;
