/**
 * Each group's numbers from its counts: rates with Wilson intervals (null with a reason where
 * 0/0, never 0), ROC AUC, calibration, regression errors — and whether the group is too small
 * for a verdict.
 *
 * Small group: fewer rows than `minGroupSize` (default 30), or, for a yes/no outcome, fewer than
 * `minClassCount` (default 5) rows of either outcome (TPR and FPR would rest on a handful of
 * people). Small groups keep their numbers (with wide intervals) but are left out of the
 * disparity summary, and say "not enough data to say".
 */
import { metricsFromCounts, proportion, type ConfusionCounts } from '../metrics/binary';
import { normalQuantile } from '../metrics/normal';
import { REASONS } from '../metrics/reasons';
import { definedMetric, undefinedMetric, type MetricValue } from '../metrics/types';
import type { BinaryGroupCounts, RegressionGroupCounts } from './group-counts';
import type { GroupAuc } from './group-auc';
import { CALIBRATION_BINS } from './prepare';

export interface SmallGroupRule {
  minGroupSize: number;
  minClassCount: number;
}

interface GroupBase {
  group: string;
  count: number;
  /** count / rows in the analysis. */
  share: number;
  small: boolean;
  smallReason?: string;
}

export interface BinaryGroupMetrics extends GroupBase {
  confusion: ConfusionCounts;
  baseRate: MetricValue;
  selectionRate: MetricValue;
  tpr: MetricValue;
  fpr: MetricValue;
  fnr: MetricValue;
  precision: MetricValue;
  accuracy: MetricValue;
  /** Present when there is a score. */
  rocAuc?: MetricValue;
  ece?: MetricValue;
  meanScore?: MetricValue;
}

export interface RegressionGroupMetrics extends GroupBase {
  mae: MetricValue;
  rmse: MetricValue;
  /** Sample variance of |error|, for the test between groups. */
  absErrorVariance: number | null;
}

export const NO_SCORES_IN_GROUP = 'No scores between 0 and 1 in this group.';
const NOT_ENOUGH_AUC = 'This group has only one kind of outcome, so ROC AUC is undefined.';

export function smallBinaryReason(count: number, positives: number, negatives: number, rule: SmallGroupRule): string | undefined {
  if (count < rule.minGroupSize) return `Only ${count} rows (fewer than ${rule.minGroupSize}).`;
  if (positives < rule.minClassCount) return `Only ${positives} rows with the positive outcome (fewer than ${rule.minClassCount}).`;
  if (negatives < rule.minClassCount) return `Only ${negatives} rows without the positive outcome (fewer than ${rule.minClassCount}).`;
  return undefined;
}

function ece(calibration: NonNullable<BinaryGroupCounts['calibration']>, g: number): { ece: MetricValue; meanScore: MetricValue } {
  let rows = 0;
  let scoreSum = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    rows += calibration.count[g * CALIBRATION_BINS + b]!;
    scoreSum += calibration.scoreSum[g * CALIBRATION_BINS + b]!;
  }
  if (rows === 0) return { ece: undefinedMetric(NO_SCORES_IN_GROUP), meanScore: undefinedMetric(NO_SCORES_IN_GROUP) };
  // ECE = Σ over non-empty bins (count / rows)·|mean score − share positive| (as metrics/calibration.ts).
  let total = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    const at = g * CALIBRATION_BINS + b;
    const c = calibration.count[at]!;
    if (c > 0) total += (c / rows) * Math.abs(calibration.scoreSum[at]! / c - calibration.positives[at]! / c);
  }
  return { ece: definedMetric(total), meanScore: definedMetric(scoreSum / rows) };
}

export function binaryGroupMetrics(labels: readonly string[], counts: BinaryGroupCounts, auc: GroupAuc | null, rule: SmallGroupRule, level: number): BinaryGroupMetrics[] {
  let total = 0;
  for (let i = 0; i < counts.cells.length; i++) total += counts.cells[i]!;
  return labels.map((group, g) => {
    const c: ConfusionCounts = { tn: counts.cells[4 * g]!, fp: counts.cells[4 * g + 1]!, fn: counts.cells[4 * g + 2]!, tp: counts.cells[4 * g + 3]! };
    const m = metricsFromCounts(c, level);
    const count = m.rows;
    const smallReason = smallBinaryReason(count, c.tp + c.fn, c.tn + c.fp, rule);
    const out: BinaryGroupMetrics = {
      group,
      count,
      share: total === 0 ? 0 : count / total,
      small: smallReason !== undefined,
      ...(smallReason ? { smallReason } : {}),
      confusion: c,
      baseRate: m.baseRate,
      selectionRate: m.selectionRate,
      tpr: m.recall,
      fpr: m.falsePositiveRate,
      fnr: proportion(c.fn, c.tp + c.fn, REASONS.noActualPositives, level),
      precision: m.precision,
      accuracy: m.accuracy,
    };
    if (auc) {
      const value = auc.auc[g] ?? null;
      out.rocAuc = value === null ? undefinedMetric(NOT_ENOUGH_AUC) : definedMetric(value, auc.interval[g]);
    }
    if (counts.calibration) Object.assign(out, ece(counts.calibration, g));
    return out;
  });
}

/**
 * MAE with a normal interval (mean ± z·s/√n of the absolute errors; groups compared are ≥ 30 rows)
 * and RMSE without one (its bootstrap is the performance check's job, overall).
 */
export function regressionGroupMetrics(labels: readonly string[], counts: RegressionGroupCounts, rule: SmallGroupRule, level: number): RegressionGroupMetrics[] {
  let total = 0;
  for (let g = 0; g < counts.groups; g++) total += counts.count[g]!;
  const z = normalQuantile(1 - (1 - level) / 2);
  return labels.map((group, g) => {
    const n = counts.count[g]!;
    const smallReason = n < rule.minGroupSize ? `Only ${n} rows (fewer than ${rule.minGroupSize}).` : undefined;
    const base = { group, count: n, share: total === 0 ? 0 : n / total, small: smallReason !== undefined, ...(smallReason ? { smallReason } : {}) };
    if (n === 0) return { ...base, mae: undefinedMetric(REASONS.noRows), rmse: undefinedMetric(REASONS.noRows), absErrorVariance: null };
    const mae = counts.absSum[g]! / n;
    const variance = n < 2 ? null : Math.max(0, (counts.squareSum[g]! - n * mae * mae) / (n - 1));
    const half = variance === null ? null : z * Math.sqrt(variance / n);
    return {
      ...base,
      mae: definedMetric(mae, half === null ? null : { lower: Math.max(0, mae - half), upper: mae + half, level, method: 'normal' }),
      rmse: definedMetric(Math.sqrt(counts.squareSum[g]! / n)),
      absErrorVariance: variance,
    };
  });
}
