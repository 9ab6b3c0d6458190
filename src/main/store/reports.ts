/** A stored run as the documented report (the same JSON the CLI writes and the exports render). */
import type { CheckOptions } from '../../shared/checks/options';
import { buildCheckReport, type CheckReport } from '../../shared/report/check-report';
import { buildDriftReport, type DriftReport } from '../../shared/report/drift-report';
import type { DatasetDrift } from '../../shared/drift/compare-datasets';
import { SlicewiseError } from '../../shared/errors';
import type { ModelComparisonDocument, StoredModelComparison } from '../../shared/models/document';
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

/** A stored comparison run (kind 'compare') as its drift report. */
export function driftReportForRun(db: Db, runId: number, appVersion: string): DriftReport {
  const run = getRun(db, runId);
  if (run.kind !== 'compare') throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `Run ${runId} is a ${run.kind}, not a comparison of two datasets.` });
  const params = run.params as { referenceId: number; currentId: number };
  const drift = (run.results.evidence as Record<string, unknown>)['drift.dataset'] as DatasetDrift;
  return buildDriftReport(getDataset(db, params.referenceId), getDataset(db, params.currentId), drift, run.findings, String(run.versions.app ?? appVersion), {
    id: run.id,
    startedAt: run.startedAt,
  });
}

export function modelComparisonForRun(db: Db, runId: number): StoredModelComparison {
  const run = getRun(db, runId);
  if (run.kind !== 'models') throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `Run ${runId} is a ${run.kind}, not a comparison of two models.` });
  const dataset = getDataset(db, run.datasetId);
  const comparison = (run.results.evidence as Record<string, unknown>)['models.compare'] as ModelComparisonDocument;
  return { run: { id: run.id, started_at: run.startedAt }, dataset: { id: dataset.id, name: dataset.name, rows: dataset.rows }, comparison };
}
