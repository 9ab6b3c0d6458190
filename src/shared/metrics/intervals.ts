/**
 * Confidence intervals: Wilson score intervals for proportions, and a seeded percentile bootstrap
 * for everything that is not a simple proportion (AUC, F1, regression errors).
 */
import { normalQuantile } from './normal';
import { quantileOfSorted } from './quantile';
import { mulberry32Next } from './random';
import { REASONS } from './reasons';
import { type ConfidenceInterval } from './types';

export const DEFAULT_LEVEL = 0.95;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20240601;

/**
 * Wilson score interval for k successes in n trials (Wilson 1927; Agresti & Coull 1998):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²),
 * with z = Φ⁻¹(1 − (1 − level)/2). Unlike the Wald interval it stays inside [0, 1] and is sensible
 * at k = 0 or k = n, which matter here (rare outcomes, small groups). n = 0 → null (nothing to say).
 * Matches statsmodels' proportion_confint(k, n, method="wilson").
 */
export function wilsonInterval(k: number, n: number, level = DEFAULT_LEVEL): ConfidenceInterval | null {
  if (!(k >= 0 && k <= n)) throw new RangeError(`wilsonInterval needs 0 <= k <= n, got k=${k}, n=${n}.`);
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const p = k / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 (k = n) the lower (upper) bound is exactly 0 (1) algebraically; pin it so rounding
  // never shows "-0.0000000001" or "1.0000000002".
  const lower = k === 0 ? 0 : Math.max(0, centre - half);
  const upper = k === n ? 1 : Math.min(1, centre + half);
  return { lower, upper, level, method: 'wilson' };
}

export interface BootstrapOptions {
  /** Number of resamples; at least 1000 is the default and the product's minimum for reports. */
  resamples?: number;
  level?: number;
  seed?: number;
}

export interface BootstrapResult {
  ci: ConfidenceInterval | null;
  /** Resamples where the statistic was undefined (e.g. a resample with one class); left out. */
  skipped: number;
  reason?: string;
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample the n rows with replacement,
 * recompute the statistic, and take the (1−level)/2 and 1−(1−level)/2 quantiles (numpy's linear
 * method) of the resampled statistics.
 *
 * A resample is passed to `statistic` as row multiplicities (`weights[i]` = how many times row i was
 * drawn; they sum to n) instead of a copied dataset: kernels then compute a weighted statistic in
 * one pass over their already-prepared arrays, with no per-resample allocation. Rows are
 * exchangeable, so a kernel may number them in any fixed order that suits it (e.g. sorted by
 * score, or grouped by confusion cell) and then read the weights sequentially. The PRNG is mulberry32(seed), so the same seed gives the same interval.
 * Row i is drawn as floor(u·n) with u having 32 bits of resolution: for n ≤ 2^32 every row's chance
 * is within n/2^32 (relative) of 1/n, far below bootstrap noise.
 * `statistic` returns null when undefined for that resample; such resamples are skipped and counted.
 */
export function percentileBootstrap(
  n: number,
  statistic: (weights: Uint32Array) => number | null,
  options: BootstrapOptions = {},
): BootstrapResult {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  const seed = options.seed ?? DEFAULT_SEED;
  if (n === 0) return { ci: null, skipped: 0, reason: REASONS.noRows };
  const state = Uint32Array.of(seed >>> 0);
  const weights = new Uint32Array(n);
  const values = new Float64Array(resamples);
  let valid = 0;
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let draw = 0; draw < n; draw++) weights[Math.floor((mulberry32Next(state) / 4294967296) * n)]! += 1;
    const value = statistic(weights);
    if (value !== null && Number.isFinite(value)) values[valid++] = value;
  }
  const skipped = resamples - valid;
  if (valid === 0) return { ci: null, skipped, reason: REASONS.undefinedInEveryResample };
  const sorted = values.subarray(0, valid).sort();
  const alpha = 1 - level;
  return {
    ci: {
      lower: quantileOfSorted(sorted, alpha / 2),
      upper: quantileOfSorted(sorted, 1 - alpha / 2),
      level,
      method: 'bootstrap-percentile',
      resamples,
      skipped,
      seed,
    },
    skipped,
  };
}
