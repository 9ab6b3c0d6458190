import type { CheckOptions } from '../../shared/checks/options';
import type { JobProgress } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import type { CheckReport } from '../../shared/report/check-report';
import type { DatasetRoles } from '../../shared/roles/dataset-roles';
import type { CheckupOutput } from '../engine/checkup-job';
import { QueueFullError, type JobOutcome, type WorkerPool } from '../engine-host/worker-pool';
import { getDataset } from '../store/datasets';
import { driftReportForRun, reportForRun } from '../store/reports';
import type { DriftReport } from '../../shared/report/drift-report';
import { listRuns, type RunSummary } from '../store/runs';
import type { EventSink } from './ports';
import type { ProjectService } from './project-service';

/** Starts check-ups in the worker pool and reads finished runs back as reports. */
export class CheckupService {
  constructor(
    private readonly deps: { pool: WorkerPool; projects: ProjectService; events: EventSink; appVersion: string; nativeBinding?: string | undefined },
  ) {}

  start(
    projectId: string,
    datasetId: number,
    opts: { options?: Partial<CheckOptions>; roles?: DatasetRoles; now?: number; onProgress?: (p: JobProgress) => void } = {},
  ): { jobId: string; outcome: Promise<JobOutcome<CheckupOutput>> } {
    const project = this.deps.projects.get(projectId);
    getDataset(project.db, datasetId); // NOT_FOUND before any work
    const input = {
      projectPath: project.path,
      datasetId,
      appVersion: this.deps.appVersion,
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      ...(opts.options ? { options: opts.options } : {}),
      ...(opts.roles ? { roles: opts.roles } : {}),
      ...(opts.now !== undefined ? { now: opts.now } : {}),
    };
    let handle;
    try {
      handle = this.deps.pool.submit<CheckupOutput>('checkup', input, (p) => {
        this.deps.events.emit('jobProgress', p);
        opts.onProgress?.(p);
      });
    } catch (err) {
      if (err instanceof QueueFullError) throw new SlicewiseError({ code: 'QUEUE_FULL', message: err.message });
      throw err;
    }
    const jobId = handle.id;
    const outcome = handle.outcome.then((o) => {
      this.deps.events.emit('jobFinished', {
        jobId,
        kind: 'checkup',
        projectId,
        datasetId,
        status: o.status,
        ...(o.status === 'succeeded' ? { runId: o.value.runId } : {}),
        ...(o.status === 'failed' ? { error: o.error } : {}),
      });
      return o;
    });
    return { jobId, outcome };
  }

  /** Compares two datasets of a project in a worker; the result is stored as a run of kind 'compare'. */
  compare(
    projectId: string,
    referenceId: number,
    currentId: number,
    opts: { roles?: DatasetRoles; onProgress?: (p: JobProgress) => void } = {},
  ): { jobId: string; outcome: Promise<JobOutcome<{ runId: number }>> } {
    const project = this.deps.projects.get(projectId);
    getDataset(project.db, referenceId);
    getDataset(project.db, currentId);
    const input = {
      projectPath: project.path,
      referenceId,
      currentId,
      appVersion: this.deps.appVersion,
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      ...(opts.roles ? { roles: opts.roles } : {}),
    };
    const handle = this.deps.pool.submit<{ runId: number }>('compare', input, (p) => {
      this.deps.events.emit('jobProgress', p);
      opts.onProgress?.(p);
    });
    return { jobId: handle.id, outcome: handle.outcome };
  }

  driftReport(projectId: string, runId: number): DriftReport {
    return driftReportForRun(this.deps.projects.get(projectId).db, runId, this.deps.appVersion);
  }

  report(projectId: string, runId: number): CheckReport {
    return reportForRun(this.deps.projects.get(projectId).db, runId, this.deps.appVersion).report;
  }

  runs(projectId: string, datasetId?: number): RunSummary[] {
    return listRuns(this.deps.projects.get(projectId).db, datasetId);
  }
}
