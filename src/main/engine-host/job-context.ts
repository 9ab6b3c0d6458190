import { SlicewiseError } from '../../shared/errors';

/** What a job sees of the host: progress reporting and cooperative cancellation. */
export interface JobContext {
  readonly jobId: string;
  progress(stage: string, fraction: number, message?: string): void;
  /** Throws a CANCELLED error when the person has asked to stop. Call it between pieces of work. */
  throwIfCancelled(): void;
  /**
   * The point of no return (just before a COMMIT that may take seconds): throws CANCELLED if a
   * cancel already arrived; after it, cancel requests are refused and the job runs to its end, so
   * a job is never reported cancelled while what it saved stays in the project.
   */
  beyondCancel(): void;
}

export type JobHandler = (input: unknown, ctx: JobContext) => unknown;
export type JobHandlers = Record<string, JobHandler>;

export function cancelledError(): SlicewiseError {
  return new SlicewiseError({ code: 'CANCELLED', message: 'Stopped before it finished; nothing was saved.' });
}
