/**
 * Reading the numbers a worked example needs out of a stored report. The report's sections are
 * typed loosely (Record<string, unknown>), so every value is checked here; anything absent,
 * undefined or not a finite number comes back as null, so an example can say nothing rather than
 * print a made-up 0.
 */
import type { DisparityEvidence, GroupEvidence, KeyEvidence, TestEvidence } from '../../../checks/fairness/evidence';
import type { SliceEvidence } from '../../../checks/slices/slices-check';
import type { DatasetDrift } from '../../../drift/compare-datasets';
import type { ColumnDrift } from '../../../drift/types';
import type { Finding } from '../../../findings/types';
import type { ModelComparisonDocument } from '../../../models/document';
import type { CheckReport } from '../../../report/check-report';
import type { DriftReport } from '../../../report/drift-report';
import type { GlossaryReport } from './types';

export const isDriftReport = (r: GlossaryReport): r is DriftReport => 'kind' in r && r.kind === 'drift';
export const isModelComparison = (r: GlossaryReport): r is ModelComparisonDocument => 'mcnemar' in r && 'accuracy_a' in r;

/** The report as a check-up report, or null for a comparison. */
export function checkReportOf(r: GlossaryReport): CheckReport | null {
  return isDriftReport(r) || isModelComparison(r) ? null : r;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Measured {
  value: number;
  lower: number | null;
  upper: number | null;
  method: string | null;
}

/** A measure of a section ({ value, interval }), or null when it is absent or undefined. */
export function measured(section: Record<string, unknown> | null | undefined, key: string): Measured | null {
  const m = section?.[key];
  if (!isRecord(m) || !finite(m.value)) return null;
  const i = isRecord(m.interval) && finite(m.interval.lower) && finite(m.interval.upper) ? m.interval : null;
  return { value: m.value, lower: i ? (i.lower as number) : null, upper: i ? (i.upper as number) : null, method: i && typeof i.method === 'string' ? i.method : null };
}

export const performanceOf = (r: GlossaryReport): Record<string, unknown> | null => checkReportOf(r)?.performance ?? null;
export const calibrationOf = (r: GlossaryReport): Record<string, unknown> | null => checkReportOf(r)?.calibration ?? null;

/** A number field of a section, or null. */
export function numberAt(section: Record<string, unknown> | null | undefined, key: string): number | null {
  const v = section?.[key];
  return finite(v) ? v : null;
}

export interface Confusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/** The yes/no confusion counts of the model section. */
export function confusionOf(r: GlossaryReport): Confusion | null {
  const c = performanceOf(r)?.confusion;
  if (!isRecord(c) || !finite(c.tn) || !finite(c.fp) || !finite(c.fn) || !finite(c.tp)) return null;
  return { tn: c.tn, fp: c.fp, fn: c.fn, tp: c.tp };
}

/** A multiclass confusion matrix (rows: true class, columns: predicted) with its class names. */
export function matrixOf(r: GlossaryReport): { classes: string[]; matrix: number[][] } | null {
  const p = performanceOf(r);
  const classes = p?.classes;
  const matrix = p?.confusion_matrix;
  if (!Array.isArray(classes) || !Array.isArray(matrix) || classes.length !== matrix.length || classes.length === 0) return null;
  if (!matrix.every((row) => Array.isArray(row) && row.length === classes.length && row.every(finite))) return null;
  return { classes: classes.map(String), matrix: matrix as number[][] };
}

export function findingsOf(r: GlossaryReport, check: string): Finding[] {
  const all = isModelComparison(r) ? [] : (r.findings ?? []);
  return all.filter((f) => f.check === check);
}

/** The finding of a check an example is best worked on: the first issue, else the first finding. */
export function mainFinding(r: GlossaryReport, check: string): Finding | null {
  const fs = findingsOf(r, check);
  return fs.find((f) => f.status === 'issue') ?? fs[0] ?? null;
}

export function fnum(f: Finding, key: string): number | null {
  const v = f.numbers[key];
  return finite(v) ? v : null;
}

export function fstr(f: Finding, key: string): string | null {
  const v = f.numbers[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

const isKey = (v: unknown): v is KeyEvidence => isRecord(v) && Array.isArray(v.groups) && Array.isArray(v.columns);

/** Every fairness key (sensitive column or intersection), single columns first. */
export function fairnessKeysOf(r: GlossaryReport): KeyEvidence[] {
  const by = checkReportOf(r)?.fairness;
  if (!by) return [];
  return Object.values(by)
    .filter(isKey)
    .sort((a, b) => a.columns.length - b.columns.length);
}

export type DisparityName =
  | 'demographic_parity_difference'
  | 'demographic_parity_ratio'
  | 'equalized_odds_difference'
  | 'equal_opportunity_difference'
  | 'predictive_parity_difference'
  | 'mae_difference'
  | 'mae_ratio';

/**
 * The gap to work an example on: among single sensitive columns (intersections only when there
 * is none), the key where this gap is largest (smallest, for a ratio).
 */
export function widestGap(r: GlossaryReport, name: DisparityName): { key: KeyEvidence; gap: DisparityEvidence & { value: number; high_group: string; low_group: string } } | null {
  const keys = fairnessKeysOf(r);
  const singles = keys.filter((k) => k.columns.length === 1);
  let best: { key: KeyEvidence; gap: DisparityEvidence & { value: number; high_group: string; low_group: string } } | null = null;
  for (const key of singles.length ? singles : keys) {
    const gap = (key as unknown as Record<string, unknown>)[name];
    if (!isRecord(gap) || !finite(gap.value) || typeof gap.high_group !== 'string' || typeof gap.low_group !== 'string') continue;
    const g = gap as unknown as DisparityEvidence & { value: number; high_group: string; low_group: string };
    const better = name.endsWith('ratio') ? g.value < (best?.gap.value ?? Infinity) : g.value > (best?.gap.value ?? -Infinity);
    if (better) best = { key, gap: g };
  }
  return best;
}

export function groupOf(key: KeyEvidence, name: string): GroupEvidence | null {
  return key.groups.find((g) => g.group === name) ?? null;
}

/** A group's measure, when defined. */
export function groupValue(key: KeyEvidence, group: string, measure: string): number | null {
  const g = groupOf(key, group);
  return g ? (measured(g as unknown as Record<string, unknown>, measure)?.value ?? null) : null;
}

export function testFor(key: KeyEvidence, metric: string): TestEvidence | null {
  return key.tests.find((t) => t.metric === metric && finite(t.p_value)) ?? null;
}

/** Every fairness test in the report, with the key it belongs to. */
export function allTests(r: GlossaryReport): { key: KeyEvidence; test: TestEvidence }[] {
  return fairnessKeysOf(r).flatMap((key) => (Array.isArray(key.tests) ? key.tests.filter((t) => finite(t.p_value)).map((test) => ({ key, test })) : []));
}

const isSlice = (v: unknown): v is SliceEvidence => isRecord(v) && typeof v.description === 'string' && finite(v.size) && finite(v.p_value);

/** The weak slices found, best first. */
export function slicesOf(r: GlossaryReport): SliceEvidence[] {
  const s = checkReportOf(r)?.slices;
  return Array.isArray(s) ? (s as unknown[]).filter(isSlice) : [];
}

export const slicesSummaryOf = (r: GlossaryReport): Record<string, unknown> | null => checkReportOf(r)?.slices_summary ?? null;

export const driftOf = (r: GlossaryReport): DatasetDrift | null => (isDriftReport(r) ? r.drift : null);

/** Every compared column of a drift report. */
export function driftColumnsOf(r: GlossaryReport): ColumnDrift[] {
  return driftOf(r)?.columns ?? [];
}

/** The column with the largest value of `pick` (columns where it is undefined are skipped). */
export function largestBy(columns: readonly ColumnDrift[], pick: (c: ColumnDrift) => number | null): ColumnDrift | null {
  let best: ColumnDrift | null = null;
  let bestValue = -Infinity;
  for (const c of columns) {
    const v = pick(c);
    if (v !== null && Number.isFinite(v) && v > bestValue) {
      best = c;
      bestValue = v;
    }
  }
  return best;
}

export const modelsOf = (r: GlossaryReport): ModelComparisonDocument | null => (isModelComparison(r) ? r : null);

/** The outcome value that counts as positive ("1", "yes"…), when the model section says. */
export function positiveLabelOf(r: GlossaryReport): string | null {
  const p = performanceOf(r)?.positive_class;
  if (typeof p === 'string' && p !== '') return p;
  const role = checkReportOf(r)?.run?.roles.positiveClass;
  return typeof role === 'string' && role !== '' ? role : null;
}

/** Rows the model section was measured on. */
export const rowsUsedOf = (r: GlossaryReport): number | null => numberAt(performanceOf(r), 'rows_used');
