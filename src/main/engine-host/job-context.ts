import { SlicewiseError } from '../../shared/errors';
import type { WorkerScript } from './worker-entry';

/** What a job sees of the host: progress reporting and cooperative cancellation. */
export interface JobContext {
  readonly jobId: string;
  /** The script of the helper thread that reads half of a big CSV (undefined outside a worker pool, or where it is not built). */
  readonly csvPartScript?: WorkerScript | undefined;
  progress(stage: string, fraction: number, message?: string): void;
  /** Throws a CANCELLED error when the person has asked to stop. Call it between pieces of work. */
  throwIfCancelled(): void;
  /**
   * The point of no return (just before a COMMIT that may take seconds): throws CANCELLED if a
   * cancel already arrived; after it, cancel requests are refused and the job runs to its end, so
   * a job is never reported cancelled while what it saved stays in the project.
   */
  beyondCancel(): void;
  /**
   * Work to run on this worker after the job's result has been sent (housekeeping nobody needs to
   * wait for, such as copying a big commit from the write-ahead log into the project file). Its
   * errors are ignored; the worker takes its next job when it is done. Absent where a job is run
   * directly (tests, scripts): the job then does that work before it returns.
   */
  afterReply?(work: () => void): void;
}

export type JobHandler = (input: unknown, ctx: JobContext) => unknown;
export type JobHandlers = Record<string, JobHandler>;

export function cancelledError(): SlicewiseError {
  return new SlicewiseError({ code: 'CANCELLED', message: 'Stopped before it finished; nothing was saved.' });
}
