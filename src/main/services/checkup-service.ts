import type { CheckOptions } from '../../shared/checks/options';
import type { JobProgress } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import type { ModelChoice, StoredModelComparison } from '../../shared/models/document';
import type { CheckReport } from '../../shared/report/check-report';
import type { DatasetRoles } from '../../shared/roles/dataset-roles';
import type { CheckupOutput } from '../engine/checkup-job';
import { QueueFullError, type JobOutcome, type WorkerPool } from '../engine-host/worker-pool';
import { getDataset } from '../store/datasets';
import { driftReportForRun, modelComparisonForRun, reportForRun } from '../store/reports';
import type { DriftReport } from '../../shared/report/drift-report';
import { listRuns, type RunSummary } from '../store/runs';
import { checkupEstimate, ensureFits } from './memory-check';
import type { EventSink } from './ports';
import type { ProjectService } from './project-service';

type Started<T> = { jobId: string; outcome: Promise<JobOutcome<T>> };

/**
 * Starts the analyses that make a run — check-ups, comparisons of two datasets, comparisons of two
 * models — in the worker pool, and reads finished runs back as reports.
 */
export class CheckupService {
  constructor(
    private readonly deps: { pool: WorkerPool; projects: ProjectService; events: EventSink; appVersion: string; nativeBinding?: string | undefined; totalMemory?: number | undefined },
  ) {}

  start(
    projectId: string,
    datasetId: number,
    opts: { options?: Partial<CheckOptions>; roles?: DatasetRoles; now?: number; onProgress?: (p: JobProgress) => void } = {},
  ): Started<CheckupOutput> {
    return this.submit<CheckupOutput>('checkup', projectId, datasetId, [datasetId], {
      datasetId,
      ...(opts.options ? { options: opts.options } : {}),
      ...(opts.roles ? { roles: opts.roles } : {}),
      ...(opts.now !== undefined ? { now: opts.now } : {}),
    }, opts.onProgress);
  }

  /** Compares two datasets of a project in a worker; the result is stored as a run of kind 'compare' on the current one. */
  compare(
    projectId: string,
    referenceId: number,
    currentId: number,
    opts: { roles?: DatasetRoles; onProgress?: (p: JobProgress) => void } = {},
  ): Started<{ runId: number }> {
    if (referenceId === currentId) throw new SlicewiseError({ code: 'INVALID_REQUEST', message: 'Choose two different datasets to compare.' });
    return this.submit('compare', projectId, currentId, [referenceId, currentId], { referenceId, currentId, ...(opts.roles ? { roles: opts.roles } : {}) }, opts.onProgress);
  }

  /** Compares two models' columns of one dataset in a worker; stored as a run of kind 'models'. */
  compareModels(projectId: string, datasetId: number, models: ModelChoice, opts: { onProgress?: (p: JobProgress) => void } = {}): Started<{ runId: number }> {
    return this.submit('models', projectId, datasetId, [datasetId], { datasetId, models }, opts.onProgress);
  }

  driftReport(projectId: string, runId: number): DriftReport {
    return driftReportForRun(this.deps.projects.get(projectId).db, runId, this.deps.appVersion);
  }

  modelComparison(projectId: string, runId: number): StoredModelComparison {
    return modelComparisonForRun(this.deps.projects.get(projectId).db, runId);
  }

  report(projectId: string, runId: number): CheckReport {
    return reportForRun(this.deps.projects.get(projectId).db, runId, this.deps.appVersion).report;
  }

  runs(projectId: string, datasetId?: number): RunSummary[] {
    return listRuns(this.deps.projects.get(projectId).db, datasetId);
  }

  private noteLastRun(projectId: string): void {
    try {
      this.deps.projects.noteLastRun(projectId);
    } catch {
      // Only the home screen's headline; the run itself is saved. Opening the project notes it again.
    }
  }

  /** Submits a job that ends in a stored run; progress and the outcome (with its runId) go out as events. */
  private submit<T extends { runId: number }>(
    kind: 'checkup' | 'compare' | 'models',
    projectId: string,
    datasetId: number,
    datasets: readonly number[],
    jobInput: Record<string, unknown>,
    onProgress?: (p: JobProgress) => void,
  ): Started<T> {
    const project = this.deps.projects.get(projectId);
    // NOT_FOUND before any work; then whether the tables would fit in memory at all.
    const summaries = datasets.map((id) => getDataset(project.db, id));
    const needed = summaries.reduce((sum, d) => sum + checkupEstimate(d.rows, d.columns), 0);
    ensureFits(kind === 'checkup' ? `The check-up of ${summaries[0]!.name}` : `This comparison`, needed, this.deps.totalMemory);
    const input = {
      projectPath: project.path,
      appVersion: this.deps.appVersion,
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      ...jobInput,
    };
    let handle;
    try {
      handle = this.deps.pool.submit<T>(kind, input, (p) => {
        this.deps.events.emit('jobProgress', p);
        onProgress?.(p);
      });
    } catch (err) {
      if (err instanceof QueueFullError) throw new SlicewiseError({ code: 'QUEUE_FULL', message: err.message });
      throw err;
    }
    const jobId = handle.id;
    const outcome = handle.outcome.then((o) => {
      // Before the event, so a home screen shown after it already lists the new headline.
      if (kind === 'checkup' && o.status === 'succeeded') this.noteLastRun(projectId);
      this.deps.events.emit('jobFinished', {
        jobId,
        kind,
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
}
