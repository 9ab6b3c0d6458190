/**
 * Typed errors that cross every boundary (worker → main → renderer, engine → CLI).
 * A code says what kind of problem it is; the message says, in plain words, what and where.
 */
export const ERROR_CODES = [
  'INVALID_REQUEST', // the payload failed its schema; nothing was done
  'UNKNOWN_REQUEST', // no such request in the contract
  'FORBIDDEN', // the request came from somewhere it may not
  'NOT_FOUND', // a project, dataset, job or file that does not exist
  'PROJECT_TOO_NEW', // the project file was written by a newer Slicewise
  'PROJECT_UNREADABLE', // not a Slicewise project, or damaged
  'PROJECT_UNWRITABLE', // the project file cannot be saved to (disk full, read-only file or folder, I/O error); nothing saved was lost
  'FILE_UNREADABLE', // the data file cannot be read (missing, permissions, I/O error)
  'UNAVAILABLE', // something a feature needs is not on this computer (a browser for a PDF, the chart library); message says how to get it
  'PARSE_ERROR', // the data file is malformed; message names line/column
  'EMPTY_FILE',
  'CANCELLED',
  'QUEUE_FULL',
  'TOO_LARGE', // the work would not fit in this computer's memory; nothing was started (message says how much it needs)
  'WORKER_CRASHED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SlicewiseErrorData {
  code: ErrorCode;
  message: string;
  /** Where in a file the problem is, when it is in a file. */
  location?: { file?: string; line?: number; column?: string | number };
  /** Extra machine-readable context (e.g. which schema paths failed). */
  details?: unknown;
}

export class SlicewiseError extends Error {
  readonly code: ErrorCode;
  readonly location: SlicewiseErrorData['location'];
  readonly details: unknown;

  constructor(data: SlicewiseErrorData) {
    super(data.message);
    this.name = 'SlicewiseError';
    this.code = data.code;
    this.location = data.location;
    this.details = data.details;
  }

  toData(): SlicewiseErrorData {
    const data: SlicewiseErrorData = { code: this.code, message: this.message };
    if (this.location !== undefined) data.location = this.location;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

/** Turns anything thrown into error data that can be sent across a boundary. */
export function toErrorData(err: unknown): SlicewiseErrorData {
  if (err instanceof SlicewiseError) return err.toData();
  if (isErrorData(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Something went wrong inside Slicewise: ${message}` };
}

export function isErrorData(value: unknown): value is SlicewiseErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The envelope every request returns: errors are values, not thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SlicewiseErrorData };
