/** A stored run as the documented report (the same JSON the CLI writes and the exports render). */
import type { CheckOptions } from '../../shared/checks/options';
import { buildCheckReport, type CheckReport } from '../../shared/report/check-report';
import type { DatasetRoles } from '../../shared/roles/dataset-roles';
import { getDataset } from './datasets';
import { getRun } from './runs';
import type { Db } from './sqlite';

export function reportForRun(db: Db, runId: number, appVersion: string): { report: CheckReport; datasetId: number } {
  const run = getRun(db, runId);
  const dataset = getDataset(db, run.datasetId);
  const params = run.params as { roles: DatasetRoles; options: CheckOptions };
  const report = buildCheckReport(dataset, String(run.versions.app ?? appVersion), {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    roles: params.roles,
    options: params.options,
    evidence: (run.results.evidence ?? {}) as Record<string, Record<string, unknown>>,
    findings: run.findings,
  });
  return { report, datasetId: run.datasetId };
}
