import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { JobProgress } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import type { JobOutcome, WorkerPool } from '../engine-host/worker-pool';
import { QueueFullError } from '../engine-host/worker-pool';
import type { ImportChoices } from '../../shared/import-choices';
import type { ImportFileInput, ImportFileOutput } from '../ingest/import-file-job';
import type { EventSink } from './ports';
import type { ProjectService } from './project-service';

export class ImportService {
  constructor(
    private readonly deps: {
      pool: WorkerPool;
      projects: ProjectService;
      events: EventSink;
      appVersion: string;
      nativeBinding?: string | undefined;
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
    const filePath = resolve(path);
    const name = basename(filePath);
    try {
      const st = statSync(filePath);
      if (!st.isFile()) throw new SlicewiseError({ code: 'FILE_UNREADABLE', message: `${name} is a folder, not a file.` });
    } catch (err) {
      if (err instanceof SlicewiseError) throw err;
      throw new SlicewiseError({ code: 'NOT_FOUND', message: `${name} could not be found (was it moved or deleted?).`, location: { file: name } });
    }
    // Which reader fits is decided by the file's content in the worker (read-any.ts), with a clear
    // message for anything Slicewise does not read.
    const input: ImportFileInput = {
      projectPath: project.path,
      filePath,
      appVersion: this.deps.appVersion,
      ...(choices ? { choices } : {}),
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
    };
    let handle;
    try {
      handle = this.deps.pool.submit<ImportFileOutput>('import-file', input, (p) => {
        this.deps.events.emit('jobProgress', p);
        onProgress?.(p);
      });
    } catch (err) {
      if (err instanceof QueueFullError) throw new SlicewiseError({ code: 'QUEUE_FULL', message: err.message });
      throw err;
    }
    const { id: jobId } = handle;
    const outcome = handle.outcome.then((o) => {
      this.deps.events.emit('jobFinished', {
        jobId,
        kind: 'import',
        projectId,
        status: o.status,
        ...(o.status === 'succeeded' ? { datasetId: o.value.datasetId } : {}),
        ...(o.status === 'failed' ? { error: o.error } : {}),
      });
      return o;
    });
    return { jobId, outcome };
  }
}
