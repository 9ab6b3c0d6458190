import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { JobFinished } from '../../shared/contract';
import type { JobProgress } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import type { ImportChoices } from '../../shared/import-choices';
import type { JoinKeys } from '../../shared/join/join-tables';
import { QueueFullError, type JobHandle, type JobOutcome, type WorkerPool } from '../engine-host/worker-pool';
import type { ImportFileInput, ImportFileOutput } from '../ingest/import-file-job';
import type { JoinOutput } from '../ingest/join-job';
import { ensureFits, importEstimate } from './memory-check';
import type { EventSink } from './ports';
import type { ProjectService } from './project-service';

/** Starts the jobs that bring files into a project (import, join) and announces their ends. */
export class ImportService {
  constructor(
    private readonly deps: {
      pool: WorkerPool;
      projects: ProjectService;
      events: EventSink;
      appVersion: string;
      nativeBinding?: string | undefined;
      /** The computer's memory in bytes (tests pass a small one); os.totalmem() by default. */
      totalMemory?: number | undefined;
    },
  ) {}

  /** Starts importing `path` into the project; progress and the outcome arrive as events. */
  start(
    projectId: string,
    path: string,
    choices?: ImportChoices,
    onProgress?: (p: JobProgress) => void,
  ): { jobId: string; outcome: Promise<JobOutcome<ImportFileOutput>> } {
    const project = this.deps.projects.get(projectId);
    const filePath = checkFile(path);
    ensureFits(`Importing ${basename(filePath)}`, importEstimate(statSync(filePath).size, filePath), this.deps.totalMemory);
    // Which reader fits is decided by the file's content in the worker (read-any.ts), with a clear
    // message for anything Slicewise does not read.
    const input: ImportFileInput = {
      projectPath: project.path,
      filePath,
      appVersion: this.deps.appVersion,
      ...(choices ? { choices } : {}),
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
    };
    return this.track(this.submit<ImportFileOutput>('import-file', input, onProgress), projectId, 'import', (v) => ({ datasetId: v.datasetId }));
  }

  /**
   * Joins a predictions file onto a dataset: `accept: false` only reports how the rows match;
   * `accept: true` saves the joined table as a new dataset. The report arrives with jobFinished.
   */
  join(projectId: string, datasetId: number, path: string, opts: { keys?: JoinKeys | undefined; accept: boolean }): { jobId: string; outcome: Promise<JobOutcome<JoinOutput>> } {
    const project = this.deps.projects.get(projectId);
    const filePath = checkFile(path);
    ensureFits(`Reading ${basename(filePath)}`, importEstimate(statSync(filePath).size, filePath), this.deps.totalMemory);
    const input = {
      projectPath: project.path,
      datasetId,
      filePath,
      appVersion: this.deps.appVersion,
      accept: opts.accept,
      ...(opts.keys ? { keys: opts.keys } : {}),
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
    };
    return this.track(this.submit<JoinOutput>('join-predictions', input), projectId, 'join', (v) => ({
      joinReport: v.report,
      ...(v.datasetId ? { datasetId: v.datasetId } : {}),
    }));
  }

  private submit<T>(kind: string, input: unknown, onProgress?: (p: JobProgress) => void): JobHandle<T> {
    try {
      return this.deps.pool.submit<T>(kind, input, (p) => {
        this.deps.events.emit('jobProgress', p);
        onProgress?.(p);
      });
    } catch (err) {
      if (err instanceof QueueFullError) throw new SlicewiseError({ code: 'QUEUE_FULL', message: err.message });
      throw err;
    }
  }

  /** Announces the job's end as a jobFinished event, with what a success adds. */
  private track<T>(
    handle: JobHandle<T>,
    projectId: string,
    kind: string,
    onSuccess: (value: T) => Partial<JobFinished>,
  ): { jobId: string; outcome: Promise<JobOutcome<T>> } {
    const jobId = handle.id;
    const outcome = handle.outcome.then((o) => {
      this.deps.events.emit('jobFinished', {
        jobId,
        kind,
        projectId,
        status: o.status,
        ...(o.status === 'succeeded' ? onSuccess(o.value) : {}),
        ...(o.status === 'failed' ? { error: o.error } : {}),
      });
      return o;
    });
    return { jobId, outcome };
  }
}

/** The absolute path of a file that exists, or a NOT_FOUND / FILE_UNREADABLE error in words. */
function checkFile(path: string): string {
  const filePath = resolve(path);
  const name = basename(filePath);
  try {
    if (!statSync(filePath).isFile()) throw new SlicewiseError({ code: 'FILE_UNREADABLE', message: `${name} is a folder, not a file.` });
  } catch (err) {
    if (err instanceof SlicewiseError) throw err;
    throw new SlicewiseError({ code: 'NOT_FOUND', message: `${name} could not be found (was it moved or deleted?).`, location: { file: name } });
  }
  return filePath;
}
