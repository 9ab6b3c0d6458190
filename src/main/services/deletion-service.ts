/**
 * Deleting a run, or a dataset with every run that used it. The deletion itself is one transaction
 * with its audit line (src/main/store/deletion.ts); this service refuses it while a job in the
 * worker pool still uses that data (a check-up saving into it, an export reading it…) and then
 * drops what main keeps in memory about it and updates the recent list's headline.
 */
import type { DatasetDeletion, RunDeletion } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import type { WorkerPool } from '../engine-host/worker-pool';
import { datasetDeletionImpact, deleteDataset, deleteRun } from '../store/deletion';
import type { ProjectService } from './project-service';

/** What a job is doing, in the refusal's words. */
const JOB_WORDS: Record<string, string> = {
  checkup: 'a check-up',
  compare: 'a comparison of two datasets',
  models: 'a comparison of two models',
  'join-predictions': 'adding a predictions file',
  explore: 'the Explore view',
  export: 'an export',
  'import-file': 'adding a file to this project',
};

/**
 * Jobs that hold the project's write lock for long (an import writes a whole dataset in one
 * transaction): a deletion would wait for them on the main thread, so it is refused instead.
 */
const LONG_WRITERS = new Set(['import-file']);

/** Fields of a job's input that name a dataset or a run of its project. */
const DATASET_FIELDS = ['datasetId', 'referenceId', 'currentId'] as const;

interface Using {
  datasets: ReadonlySet<number>;
  runs: ReadonlySet<number>;
}

/**
 * Whether a job (its kind and input, as submitted) stands in the way of deleting these datasets or
 * runs of the project at `projectPath`: it reads or writes one of them, or holds the file's write lock for long.
 */
export function jobUses(job: { kind: string; input: unknown }, projectPath: string, using: Using): boolean {
  const { input } = job;
  if (typeof input !== 'object' || input === null) return false;
  const fields = input as Record<string, unknown>;
  if (fields.projectPath !== projectPath) return false;
  if (LONG_WRITERS.has(job.kind)) return true;
  if (DATASET_FIELDS.some((f) => typeof fields[f] === 'number' && using.datasets.has(fields[f]))) return true;
  return typeof fields.runId === 'number' && using.runs.has(fields.runId);
}

export class DeletionService {
  constructor(private readonly deps: { pool: WorkerPool; projects: ProjectService; forgetCached?: (projectId: string) => void }) {}

  /** What deleting the dataset would remove, for the confirmation; changes nothing. */
  previewDataset(projectId: string, datasetId: number): DatasetDeletion {
    return datasetDeletionImpact(this.deps.projects.get(projectId).db, datasetId);
  }

  deleteDataset(projectId: string, datasetId: number): DatasetDeletion {
    const project = this.deps.projects.get(projectId);
    const impact = datasetDeletionImpact(project.db, datasetId);
    this.refuseWhileUsed(project.path, { datasets: new Set([datasetId]), runs: new Set(impact.runIds) }, `${impact.name} was not deleted`);
    const done = deleteDataset(project.db, datasetId);
    this.afterDeletion(projectId);
    this.deps.projects.forgetDataset(projectId, datasetId);
    return done;
  }

  deleteRun(projectId: string, runId: number): RunDeletion {
    const project = this.deps.projects.get(projectId);
    this.refuseWhileUsed(project.path, { datasets: new Set(), runs: new Set([runId]) }, 'The check-up was not deleted');
    const done = deleteRun(project.db, runId);
    this.afterDeletion(projectId);
    return done;
  }

  private refuseWhileUsed(projectPath: string, using: Using, notDone: string): void {
    const job = this.deps.pool.jobs().find((j) => jobUses(j, projectPath, using));
    if (!job) return;
    const what = JOB_WORDS[job.kind] ?? 'other work';
    throw new SlicewiseError({
      code: 'INVALID_REQUEST',
      message: `${notDone}: ${what} is still using it. Wait for it to finish, or cancel it, then try again.`,
      details: { jobId: job.id, kind: job.kind },
    });
  }

  private afterDeletion(projectId: string): void {
    this.deps.forgetCached?.(projectId);
    try {
      this.deps.projects.noteLastRun(projectId);
    } catch {
      // Only the home screen's headline; the deletion is done. Opening the project notes it again.
    }
  }
}
