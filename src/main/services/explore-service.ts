/**
 * The Explore screen's requests: column profiles of a dataset and the rows behind a finding or a
 * slice, computed by the 'explore' job in an engine worker and awaited here. Profiles are kept per
 * open dataset (a stored dataset never changes), so switching columns costs nothing.
 */
import { SlicewiseError } from '../../shared/errors';
import type { ColumnProfile } from '../../shared/profile/column-profile';
import type { ExploreRows } from '../../shared/profile/explore-rows';
import type { ExploreOutput } from '../engine/explore-job';
import type { WorkerPool } from '../engine-host/worker-pool';
import { getDataset } from '../store/datasets';
import { getRun } from '../store/runs';
import type { ProjectService } from './project-service';

/** Rows sent to the window at most; the flagged-rows CSV export has them all. */
export const MAX_EXPLORE_ROWS = 2000;

export class ExploreService {
  private readonly profiles = new Map<string, Promise<ColumnProfile[]>>();

  constructor(private readonly deps: { pool: WorkerPool; projects: ProjectService; appVersion: string; nativeBinding?: string | undefined }) {}

  columnProfiles(projectId: string, datasetId: number): Promise<ColumnProfile[]> {
    const project = this.deps.projects.get(projectId);
    getDataset(project.db, datasetId); // NOT_FOUND before any work
    const key = `${projectId}\n${datasetId}`;
    let cached = this.profiles.get(key);
    if (!cached) {
      cached = this.run({ what: 'profiles', projectPath: project.path, datasetId }).then((o) => (o.what === 'profiles' ? o.profiles : []));
      // A failure is not remembered: asking again tries again.
      cached.catch(() => this.profiles.delete(key));
      this.profiles.set(key, cached);
    }
    return cached;
  }

  async rows(projectId: string, runId: number, target: { findingId?: string | undefined; sliceIndex?: number | undefined }): Promise<ExploreRows> {
    const project = this.deps.projects.get(projectId);
    getRun(project.db, runId);
    const out = await this.run({
      what: 'rows',
      projectPath: project.path,
      runId,
      ...(target.findingId !== undefined ? { findingId: target.findingId } : {}),
      ...(target.sliceIndex !== undefined ? { sliceIndex: target.sliceIndex } : {}),
      limit: MAX_EXPLORE_ROWS,
    });
    if (out.what !== 'rows') throw new Error('The explore job answered the wrong question.');
    const { what: _what, ...rows } = out;
    return { ...rows, limit: MAX_EXPLORE_ROWS };
  }

  /** Drops what is kept for a project (it was closed). */
  forget(projectId: string): void {
    for (const key of [...this.profiles.keys()]) if (key.startsWith(`${projectId}\n`)) this.profiles.delete(key);
  }

  private async run(input: Record<string, unknown>): Promise<ExploreOutput> {
    const job = { appVersion: this.deps.appVersion, ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}), ...input };
    const outcome = await this.deps.pool.submit<ExploreOutput>('explore', job).outcome;
    if (outcome.status === 'failed') throw new SlicewiseError(outcome.error);
    if (outcome.status === 'cancelled') throw new SlicewiseError({ code: 'CANCELLED', message: 'Stopped before it finished.' });
    return outcome.value;
  }
}
