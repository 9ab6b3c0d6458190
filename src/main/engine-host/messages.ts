import type { SlicewiseErrorData } from '../../shared/errors';

/** Messages between the pool (main thread) and an engine worker. */
export type ToWorker = {
  type: 'run';
  jobId: string;
  kind: string;
  input: unknown;
  /** Int32 flag the worker reads synchronously between pieces of work: 1 = cancel. */
  cancelFlag: SharedArrayBuffer;
};

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; stage: string; fraction: number; message?: string }
  | { type: 'done'; jobId: string; value: unknown }
  | { type: 'failed'; jobId: string; error: SlicewiseErrorData };
