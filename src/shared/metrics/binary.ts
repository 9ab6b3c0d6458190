/**
 * Binary classification metrics from hard predictions (0/1), with sklearn's definitions
 * (sklearn/metrics/_classification.py) and Wilson intervals on every proportion.
 *
 * Where a value is 0/0 we return null with a reason. This deliberately differs from sklearn, which
 * by default (`zero_division="warn"`) returns 0 for an undefined precision, recall or F1, returns 0
 * for an undefined MCC, and averages only the defined per-class recalls in balanced accuracy.
 */
import { type BootstrapOptions, type BootstrapResult, percentileBootstrap, wilsonInterval } from './intervals';
import { REASONS } from './reasons';
import { type MetricValue, definedMetric, undefinedMetric } from './types';
import { assertBinaryLabels, assertSameLength } from './validate';

export interface ConfusionCounts {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

export interface BinaryMetrics {
  confusion: ConfusionCounts;
  rows: number;
  accuracy: MetricValue;
  balancedAccuracy: MetricValue;
  precision: MetricValue;
  /** True positive rate (sensitivity). */
  recall: MetricValue;
  /** True negative rate. */
  specificity: MetricValue;
  falsePositiveRate: MetricValue;
  f1: MetricValue;
  mcc: MetricValue;
  /** Share of rows that are actually positive (prevalence). */
  baseRate: MetricValue;
  /** Share of rows the model predicts positive. */
  selectionRate: MetricValue;
}

export function confusionCounts(yTrue: Uint8Array, yPred: Uint8Array): ConfusionCounts {
  assertSameLength('yPred', yTrue.length, yPred.length);
  assertBinaryLabels('yTrue', yTrue);
  assertBinaryLabels('yPred', yPred);
  // cells[2·truth + prediction]: 0 = tn, 1 = fp, 2 = fn, 3 = tp.
  const cells = new Float64Array(4);
  for (let i = 0; i < yTrue.length; i++) cells[2 * yTrue[i]! + yPred[i]!]! += 1;
  return { tn: cells[0]!, fp: cells[1]!, fn: cells[2]!, tp: cells[3]! };
}

/** k of n as a metric with its Wilson interval; null with `reason` when n = 0. */
export function proportion(k: number, n: number, reason: string, level?: number): MetricValue {
  if (n === 0) return undefinedMetric(reason);
  return definedMetric(k / n, wilsonInterval(k, n, level));
}

/**
 * F1 = 2·tp / (2·tp + fp + fn), the form sklearn uses (F-beta with β = 1 computed from counts, so
 * F1 is 0 — not undefined — when there are positives but none is found). Undefined only when there
 * are no actual and no predicted positives.
 */
export function f1FromCounts(c: ConfusionCounts): MetricValue {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? undefinedMetric(REASONS.noPositivesAnywhere) : definedMetric((2 * c.tp) / denominator);
}

/**
 * Matthews correlation coefficient: (tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn)), the binary
 * case of sklearn's matthews_corrcoef. sklearn returns 0.0 when the denominator is 0 (truth or
 * predictions all one class); that is 0/0, so we return null.
 */
export function mccFromCounts(c: ConfusionCounts): MetricValue {
  const product = (c.tp + c.fp) * (c.tp + c.fn) * (c.tn + c.fp) * (c.tn + c.fn);
  if (product === 0) return undefinedMetric(REASONS.mccUndefined);
  return definedMetric((c.tp * c.tn - c.fp * c.fn) / Math.sqrt(product));
}

/**
 * Balanced accuracy = (recall + specificity) / 2, sklearn's balanced_accuracy_score for two
 * classes. When one class is absent from the truth, sklearn drops the undefined per-class recall
 * and returns the other (with a warning); we return null, because "balanced" over one class is
 * just recall or specificity under another name.
 */
export function balancedAccuracyFromCounts(c: ConfusionCounts): MetricValue {
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  if (positives === 0 || negatives === 0) return undefinedMetric(REASONS.singleClass);
  return definedMetric((c.tp / positives + c.tn / negatives) / 2);
}

export function metricsFromCounts(c: ConfusionCounts, level?: number): BinaryMetrics {
  const rows = c.tn + c.fp + c.fn + c.tp;
  return {
    confusion: c,
    rows,
    accuracy: proportion(c.tp + c.tn, rows, REASONS.noRows, level),
    balancedAccuracy: balancedAccuracyFromCounts(c),
    precision: proportion(c.tp, c.tp + c.fp, REASONS.noPredictedPositives, level),
    recall: proportion(c.tp, c.tp + c.fn, REASONS.noActualPositives, level),
    specificity: proportion(c.tn, c.tn + c.fp, REASONS.noActualNegatives, level),
    falsePositiveRate: proportion(c.fp, c.fp + c.tn, REASONS.noActualNegatives, level),
    f1: f1FromCounts(c),
    mcc: mccFromCounts(c),
    baseRate: proportion(c.tp + c.fn, rows, REASONS.noRows, level),
    selectionRate: proportion(c.tp + c.fp, rows, REASONS.noRows, level),
  };
}

export interface BinaryMetricsOptions {
  /** Confidence level for the Wilson intervals (default 0.95). */
  level?: number;
  /** Add a seeded percentile-bootstrap interval to F1 (default: no bootstrap). */
  f1Bootstrap?: BootstrapOptions;
}

export function binaryMetrics(yTrue: Uint8Array, yPred: Uint8Array, options: BinaryMetricsOptions = {}): BinaryMetrics {
  const metrics = metricsFromCounts(confusionCounts(yTrue, yPred), options.level);
  if (options.f1Bootstrap && metrics.f1.value !== null) {
    const interval = f1Interval(yTrue, yPred, { level: options.level, ...options.f1Bootstrap });
    if (interval.ci) metrics.f1 = { ...metrics.f1, ci: interval.ci };
  }
  return metrics;
}

/**
 * Percentile bootstrap interval for F1; resamples without any positive (F1 = 0/0) are skipped.
 * F1 depends only on the four confusion counts, so rows are numbered cell by cell (all tn, then
 * fp, fn, tp — rows are exchangeable) and a resample's counts are four sequential weight sums.
 */
export function f1Interval(yTrue: Uint8Array, yPred: Uint8Array, options: BootstrapOptions = {}): BootstrapResult {
  const c = confusionCounts(yTrue, yPred);
  const fpEnd = c.tn + c.fp;
  const fnEnd = fpEnd + c.fn;
  const n = fnEnd + c.tp;
  const sum = (weights: Uint32Array, from: number, to: number): number => {
    let s = 0;
    for (let i = from; i < to; i++) s += weights[i]!;
    return s;
  };
  return percentileBootstrap(
    n,
    (w) => f1FromCounts({ tn: 0, fp: sum(w, c.tn, fpEnd), fn: sum(w, fpEnd, fnEnd), tp: sum(w, fnEnd, n) }).value,
    options,
  );
}
