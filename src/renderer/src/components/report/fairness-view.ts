/**
 * Pure helpers that read the report's `fairness` section (keyed by sensitive column or
 * intersection, as the engine writes it: src/shared/checks/fairness/evidence.ts) into what the
 * fairness panel shows. The section is typed loosely in the report; shapes are checked here.
 */
import type { FindingChart } from '../../../../shared/findings/types';
import type { DisparityEvidence, GroupEvidence, KeyEvidence, TestEvidence } from '../../../../shared/checks/fairness/evidence';
import type { CheckReport } from '../../../../shared/report/check-report';
import { formatNumber, formatShare } from '../../../../shared/text/format';

export type { GroupEvidence, KeyEvidence };

export type GroupMeasure = 'selection_rate' | 'tpr' | 'fpr' | 'precision' | 'accuracy' | 'base_rate' | 'mae';

export const BINARY_MEASURES: readonly GroupMeasure[] = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'base_rate'];

const isKey = (v: unknown): v is KeyEvidence => typeof v === 'object' && v !== null && Array.isArray((v as KeyEvidence).groups) && Array.isArray((v as KeyEvidence).columns);

/** The keys with groups to show, single columns first, then intersections. */
export function fairnessKeys(report: CheckReport | undefined): { key: string; evidence: KeyEvidence }[] {
  const by = report?.fairness;
  if (!by) return [];
  return Object.entries(by)
    .filter((e): e is [string, KeyEvidence] => isKey(e[1]))
    .map(([key, evidence]) => ({ key, evidence }))
    .sort((a, b) => a.evidence.columns.length - b.evidence.columns.length);
}

/** Whether the key is about amounts (regression): groups carry MAE instead of rates. */
export const isRegressionKey = (k: KeyEvidence): boolean => k.groups.some((g) => g.mae !== undefined);

export function measuresFor(k: KeyEvidence): readonly GroupMeasure[] {
  return isRegressionKey(k) ? ['mae'] : BINARY_MEASURES;
}

/** The chart of one measure per group, with the reference group's value as the line. */
export function groupChart(k: KeyEvidence, measure: GroupMeasure, title: string, referenceLabel: (g: string) => string): Extract<FindingChart, { kind: 'intervals' }> {
  const labels: string[] = [];
  const values: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (const g of k.groups) {
    const m = g[measure];
    labels.push(g.group);
    // A small group shows "not enough data to say", never its unstable rate.
    const v = g.small_group ? null : (m?.value ?? null);
    values.push(v);
    lower.push(v === null ? null : (m?.interval?.lower ?? null));
    upper.push(v === null ? null : (m?.interval?.upper ?? null));
  }
  const ref = k.groups.find((g) => g.group === k.reference_group);
  const refValue = ref && !ref.small_group ? (ref[measure]?.value ?? null) : null;
  const highlight = [k.demographic_parity_difference.low_group, k.demographic_parity_difference.high_group]
    .map((g) => labels.indexOf(g ?? ''))
    .filter((i) => i >= 0 && measure === 'selection_rate');
  return {
    kind: 'intervals',
    title,
    labels,
    values,
    lower,
    upper,
    unit: measure === 'mae' ? 'number' : 'share',
    ...(refValue !== null ? { reference: { label: referenceLabel(k.reference_group), value: refValue } } : {}),
    ...(highlight.length ? { highlight } : {}),
  };
}

export const DISPARITY_KEYS = [
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equalized_odds_difference',
  'equal_opportunity_difference',
  'predictive_parity_difference',
  'mae_difference',
  'mae_ratio',
] as const;
export type DisparityKey = (typeof DISPARITY_KEYS)[number];

/** Which tested metric stands behind each disparity (the tests are per metric). */
const TESTED_METRIC: Record<DisparityKey, string> = {
  demographic_parity_difference: 'selection_rate',
  demographic_parity_ratio: 'selection_rate',
  equalized_odds_difference: '',
  equal_opportunity_difference: 'tpr',
  predictive_parity_difference: 'precision',
  mae_difference: 'mae',
  mae_ratio: 'mae',
};

export interface DisparityRow {
  key: DisparityKey;
  value: string;
  high: string | null;
  low: string | null;
  test: TestEvidence | null;
}

/** The disparities that were measured (a null value with a reason is left out: "only for yes/no outcomes"). */
export function disparityRows(k: KeyEvidence): DisparityRow[] {
  const rows: DisparityRow[] = [];
  for (const key of DISPARITY_KEYS) {
    const d = (k as unknown as Record<string, DisparityEvidence | undefined>)[key];
    if (!d || d.value === null) continue;
    // Equalized odds is the larger of the TPR and FPR gaps: its test is the one of the metric that won.
    const metric = TESTED_METRIC[key] || d.metric;
    const test = k.tests.find((t) => t.metric === metric) ?? null;
    rows.push({ key, value: key.endsWith('ratio') ? formatNumber(d.value, 2) : formatShare(d.value), high: d.high_group, low: d.low_group, test });
  }
  return rows;
}

/** A p- or q-value with its relation, as people read them: "< 0.001" rather than "= 1.2e-9"; otherwise "= 0.012". */
export function formatP(p: number | null): string | null {
  if (p === null) return null;
  if (p < 0.001) return '< 0.001';
  return `= ${p.toFixed(3)}`;
}

/** Each group's selection rate, TPR and FPR at the threshold index (null where undefined). */
export function thresholdRows(k: KeyEvidence, index: number): { group: string; selection_rate: number | null; tpr: number | null; fpr: number | null }[] {
  const t = k.thresholds;
  if (!t) return [];
  return t.groups.map((g) => ({ group: g.group, selection_rate: g.selection_rate[index] ?? null, tpr: g.tpr[index] ?? null, fpr: g.fpr[index] ?? null }));
}
