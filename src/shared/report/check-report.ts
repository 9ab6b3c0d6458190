/**
 * The results of a check-up as a documented, versioned JSON document (docs/report-format.md).
 * Field names are snake_case and stable; within a major schema version changes are additive only.
 * The CLI's --json, the exports and the app all build it here, from the same stored run.
 */
import type { CheckOptions } from '../checks/options';
import type { DatasetSummary } from '../domain';
import type { Finding } from '../findings/types';
import type { DatasetRoles } from '../roles/dataset-roles';

export const REPORT_SCHEMA_VERSION = '0.3.0';

export interface RunForReport {
  id: number | null;
  startedAt: string;
  finishedAt: string | null;
  roles: DatasetRoles;
  options: CheckOptions;
  evidence: Record<string, Record<string, unknown>>;
  findings: Finding[];
}

export interface CheckReport {
  schema_version: string;
  generated_by: { app: 'slicewise'; version: string };
  generated_at: string;
  source: { file_name: string; size_bytes: number; modified_at: string; sha256: string };
  dataset: {
    name: string;
    rows: number;
    columns: { name: string; type: string; missing: number; missing_share: number | null; distinct: number | null }[];
  };
  run?: { id: number | null; started_at: string; finished_at: string | null; roles: DatasetRoles; options: CheckOptions };
  summary?: { issues: number; passed: number; not_enough_data: number; by_severity: Record<string, number> };
  quality?: Record<string, unknown>;
  privacy?: Record<string, unknown>;
  performance?: Record<string, unknown> | null;
  calibration?: Record<string, unknown> | null;
  /** Per sensitive column and intersection ("sex", "sex+age_group"): groups, disparities, tests. Null when not measured. */
  fairness?: Record<string, unknown> | null;
  /** What the fairness section rests on: why it was not measured, the worst-off intersection, representation, settings. */
  fairness_summary?: Record<string, unknown> | null;
  /** Weak slices found (significant after Benjamini–Hochberg), best first. Null when not searched. */
  slices?: Record<string, unknown>[] | null;
  /** How the slices were searched (error kind, slices examined, minimum support, FDR) and the person's own slices. */
  slices_summary?: Record<string, unknown> | null;
  findings?: Finding[];
}

function sectionOf(evidence: Record<string, Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [check, ev] of Object.entries(evidence)) if (check.startsWith(prefix)) Object.assign(out, ev);
  return out;
}

export function buildCheckReport(dataset: DatasetSummary, appVersion: string, run?: RunForReport, now = new Date()): CheckReport {
  const report: CheckReport = {
    schema_version: REPORT_SCHEMA_VERSION,
    generated_by: { app: 'slicewise', version: appVersion },
    generated_at: now.toISOString(),
    source: {
      file_name: dataset.source.fileName,
      size_bytes: dataset.source.sizeBytes,
      modified_at: dataset.source.modifiedAt,
      sha256: dataset.source.sha256,
    },
    dataset: {
      name: dataset.name,
      rows: dataset.rows,
      columns: dataset.columns.map((c) => ({
        name: c.name,
        type: c.type,
        missing: c.missing,
        // Undefined for a table with no rows: null, never a made-up 0.
        missing_share: dataset.rows > 0 ? c.missing / dataset.rows : null,
        distinct: c.distinct,
      })),
    },
  };
  if (!run) return report;
  const bySeverity: Record<string, number> = {};
  let issues = 0;
  let passed = 0;
  let notEnough = 0;
  for (const f of run.findings) {
    if (f.status === 'issue') {
      issues++;
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    } else if (f.status === 'passed') passed++;
    else notEnough++;
  }
  const performance = run.evidence['model.performance'];
  const calibration = run.evidence['model.calibration'];
  const fairness = run.evidence['fairness.groups'];
  const slices = run.evidence['slices.weak'];
  return {
    ...report,
    run: { id: run.id, started_at: run.startedAt, finished_at: run.finishedAt, roles: run.roles, options: run.options },
    summary: { issues, passed, not_enough_data: notEnough, by_severity: bySeverity },
    quality: sectionOf(run.evidence, 'quality.'),
    privacy: sectionOf(run.evidence, 'privacy.'),
    performance: performance && performance.task !== null ? performance : null,
    calibration: calibration && calibration.available ? calibration : null,
    ...(fairness ? fairnessSections(fairness) : {}),
    ...(slices ? slicesSections(slices) : {}),
    findings: run.findings,
  };
}

function fairnessSections(ev: Record<string, unknown>): Pick<CheckReport, 'fairness' | 'fairness_summary'> {
  const { by, ...summary } = ev;
  return { fairness: ev.available ? ((by as Record<string, unknown> | undefined) ?? {}) : null, fairness_summary: summary };
}

function slicesSections(ev: Record<string, unknown>): Pick<CheckReport, 'slices' | 'slices_summary'> {
  const { slices, ...summary } = ev;
  return { slices: ev.available ? ((slices as Record<string, unknown>[] | undefined) ?? []) : null, slices_summary: summary };
}
