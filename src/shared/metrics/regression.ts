/**
 * Regression metrics with sklearn's definitions (sklearn/metrics/_regression.py): MAE, RMSE, R²,
 * MAPE, median absolute error; residuals by decile of the prediction; bootstrap intervals for MAE
 * and RMSE. Residual = true − predicted (positive when the model predicts too low).
 */
import { rightClosedBinIndex } from './bins';
import { type BootstrapOptions, percentileBootstrap } from './intervals';
import { medianOfSorted, quantileOfSorted } from './quantile';
import { REASONS } from './reasons';
import { type MetricValue, definedMetric, undefinedMetric } from './types';
import { assertFinite, assertSameLength } from './validate';

export interface RegressionMetrics {
  rows: number;
  mae: MetricValue;
  rmse: MetricValue;
  r2: MetricValue;
  /** A fraction (0.25 = 25 %), as sklearn's mean_absolute_percentage_error returns it. */
  mape: MetricValue;
  medianAbsoluteError: MetricValue;
}

export interface RegressionOptions {
  /** Add seeded percentile-bootstrap intervals to MAE and RMSE (default: none). */
  bootstrap?: BootstrapOptions;
}

function check(yTrue: Float64Array, yPred: Float64Array): void {
  assertSameLength('yPred', yTrue.length, yPred.length);
  assertFinite('yTrue', yTrue);
  assertFinite('yPred', yPred);
}

/**
 * R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², sklearn's r2_score. When every true value is equal the
 * denominator is 0: sklearn (force_finite=True) then returns 1.0 for a perfect fit and 0.0
 * otherwise, and NaN/−∞ with force_finite=False. Both are 0/0 or x/0 in truth, so we return null.
 * With fewer than two rows sklearn returns NaN with a warning; we return null.
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  check(yTrue, yPred);
  const n = yTrue.length;
  if (n < 2) return undefinedMetric(n === 0 ? REASONS.noRows : REASONS.tooFewRowsForR2);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = yTrue[i]! - yPred[i]!;
    const d = yTrue[i]! - mean;
    residual += e * e;
    total += d * d;
  }
  if (total === 0) return undefinedMetric(REASONS.constantTruth);
  return definedMetric(1 - residual / total);
}

/**
 * MAPE = mean |y − ŷ| / |y|. sklearn divides by max(|y|, eps) with eps = 2⁻⁵², so a true value of
 * 0 yields an astronomically large number (its docs call it "arbitrarily high"). Our product rule
 * differs on purpose: if any true value is 0 the MAPE is undefined, and we say so.
 */
export function meanAbsolutePercentageError(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  check(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) return undefinedMetric(REASONS.noRows);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    if (y === 0) return undefinedMetric(REASONS.mapeZeroTruth);
    sum += Math.abs(y - yPred[i]!) / Math.abs(y);
  }
  return definedMetric(sum / n);
}

export function regressionMetrics(yTrue: Float64Array, yPred: Float64Array, options: RegressionOptions = {}): RegressionMetrics {
  check(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) {
    const none = undefinedMetric(REASONS.noRows);
    return { rows: 0, mae: none, rmse: none, r2: none, mape: none, medianAbsoluteError: none };
  }
  const absErrors = new Float64Array(n);
  let absSum = 0;
  let squareSum = 0;
  for (let i = 0; i < n; i++) {
    const e = yTrue[i]! - yPred[i]!;
    absErrors[i] = Math.abs(e);
    absSum += Math.abs(e);
    squareSum += e * e;
  }
  let mae = definedMetric(absSum / n);
  // sklearn's root_mean_squared_error: √(mean squared error).
  let rmse = definedMetric(Math.sqrt(squareSum / n));
  if (options.bootstrap) {
    const maeCi = percentileBootstrap(n, (w) => weightedMean(absErrors, w, false), options.bootstrap).ci;
    const rmseCi = percentileBootstrap(n, (w) => weightedMean(absErrors, w, true), options.bootstrap).ci;
    mae = definedMetric(mae.value!, maeCi);
    rmse = definedMetric(rmse.value!, rmseCi);
  }
  return {
    rows: n,
    mae,
    rmse,
    r2: r2Score(yTrue, yPred),
    mape: meanAbsolutePercentageError(yTrue, yPred),
    // sklearn's median_absolute_error: np.median(|y − ŷ|).
    medianAbsoluteError: definedMetric(medianOfSorted(absErrors.slice().sort())),
  };
}

/** Mean |e| (or √ mean e² when `root`) of a bootstrap resample given as row multiplicities. */
function weightedMean(absErrors: Float64Array, weights: Uint32Array, root: boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < absErrors.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const e = absErrors[i]!;
    sum += w * (root ? e * e : e);
    count += w;
  }
  return root ? Math.sqrt(sum / count) : sum / count;
}

export interface ResidualBin {
  /** Range of predicted values in the bin: (lower, upper], the first bin closed at its lower end. */
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  meanTrue: number | null;
  /** Mean of (true − predicted). */
  meanResidual: number | null;
  meanAbsoluteError: number | null;
}

/**
 * Residuals summarised by decile (or any `bins` quantiles) of the prediction. Edges are numpy's
 * linear quantiles of the predictions at k/bins; bins are right-closed with the first closed on both
 * ends, the same rule as the equal-count calibration bins. With many tied predictions some edges
 * coincide and a bin can be empty (count 0, nulls).
 */
export function residualsByPredictionDecile(yTrue: Float64Array, yPred: Float64Array, bins = 10): ResidualBin[] {
  check(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) return [];
  const sorted = yPred.slice().sort();
  const edges = Array.from({ length: bins + 1 }, (_, k) => quantileOfSorted(sorted, k / bins));
  const count = new Float64Array(bins);
  const sumPred = new Float64Array(bins);
  const sumTrue = new Float64Array(bins);
  const sumAbs = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = yPred[i]!;
    const b = rightClosedBinIndex(edges, p);
    count[b]! += 1;
    sumPred[b]! += p;
    sumTrue[b]! += yTrue[i]!;
    sumAbs[b]! += Math.abs(yTrue[i]! - p);
  }
  return Array.from({ length: bins }, (_, b) => {
    const c = count[b]!;
    return {
      lower: edges[b]!,
      upper: edges[b + 1]!,
      count: c,
      meanPredicted: c === 0 ? null : sumPred[b]! / c,
      meanTrue: c === 0 ? null : sumTrue[b]! / c,
      meanResidual: c === 0 ? null : (sumTrue[b]! - sumPred[b]!) / c,
      meanAbsoluteError: c === 0 ? null : sumAbs[b]! / c,
    };
  });
}
