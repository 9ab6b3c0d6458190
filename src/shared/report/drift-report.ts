/**
 * A comparison of two datasets as a documented JSON document (docs/report-format.md, "drift"):
 * the same envelope as the check-up report (schema_version, generated_by, sources) with `drift`
 * (per column: name, type, test, statistic, p_value, psi, effect, drifted; share_drifted) and the
 * findings in the same shape as every other finding.
 */
import type { DatasetSummary } from '../domain';
import type { DatasetDrift } from '../drift/compare-datasets';
import type { Finding } from '../findings/types';
import { rankFindings } from '../findings/types';
import { REPORT_SCHEMA_VERSION } from './check-report';

export interface DriftReport {
  schema_version: string;
  generated_by: { app: 'slicewise'; version: string };
  generated_at: string;
  kind: 'drift';
  run?: { id: number | null; started_at: string };
  reference: { name: string; file_name: string; sha256: string; rows: number };
  current: { name: string; file_name: string; sha256: string; rows: number };
  dataset: { name: string };
  drift: DatasetDrift;
  summary: { issues: number; passed: number; not_enough_data: number; by_severity: Record<string, number> };
  findings: Finding[];
}

const side = (d: DatasetSummary) => ({ name: d.name, file_name: d.source.fileName, sha256: d.source.sha256, rows: d.rows });

export function buildDriftReport(
  reference: DatasetSummary,
  current: DatasetSummary,
  drift: DatasetDrift,
  findings: readonly Finding[],
  appVersion: string,
  run?: { id: number | null; startedAt: string },
  now = new Date(),
): DriftReport {
  const bySeverity: Record<string, number> = {};
  let issues = 0;
  let passed = 0;
  let notEnough = 0;
  for (const f of findings) {
    if (f.status === 'issue') {
      issues++;
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    } else if (f.status === 'passed') passed++;
    else notEnough++;
  }
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    generated_by: { app: 'slicewise', version: appVersion },
    generated_at: now.toISOString(),
    kind: 'drift',
    ...(run ? { run: { id: run.id, started_at: run.startedAt } } : {}),
    reference: side(reference),
    current: side(current),
    dataset: { name: current.name },
    drift,
    summary: { issues, passed, not_enough_data: notEnough, by_severity: bySeverity },
    findings: rankFindings(findings),
  };
}
