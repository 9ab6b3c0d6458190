/**
 * Intervals that stay fast on a million rows.
 *
 * - Confusion-count bootstrap: a statistic that depends only on the confusion counts (F1,
 *   precision, MCC…) has the same bootstrap distribution whether we resample rows or draw the four
 *   counts from a multinomial(n, observed shares) — so each of ≥ 1000 percentile-bootstrap
 *   resamples costs O(1) instead of O(n). Binomial draws are exact (waiting times) when
 *   n·p·(1−p) < 1000 and use the normal approximation above that, where its error is far below
 *   the bootstrap's own Monte-Carlo error.
 * - DeLong's interval for ROC AUC (DeLong, DeLong & Clarke-Pearson, Biometrics 1988): the
 *   variance from placement values, computed with one sort (midranks for ties, as in the
 *   Mann–Whitney form of AUC that sklearn's tie handling equals). This is what pROC uses by default.
 */
import type { ConfusionCounts } from './binary';
import type { ScoresByClass } from './score-ranking';
import { mulberry32 } from './random';
import { normalQuantile } from './normal';
import type { ConfidenceInterval } from './types';

function standardNormal(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** One draw from Binomial(n, p). */
export function binomial(n: number, p: number, rand: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const variance = n * p * (1 - p);
  if (variance >= 1000) {
    const x = Math.round(n * p + Math.sqrt(variance) * standardNormal(rand));
    return Math.min(n, Math.max(0, x));
  }
  // Exact, by waiting times (Devroye, "Non-Uniform Random Variate Generation", X.4): count the
  // geometric gaps between successes until they pass n. Expected work ≈ n·min(p, 1−p) ≤ ~2000.
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const logQ = Math.log(1 - q);
  let k = 0;
  let position = 0;
  for (;;) {
    position += Math.floor(Math.log(Math.max(rand(), 1e-300)) / logQ) + 1;
    if (position > n) break;
    k++;
  }
  return flip ? n - k : k;
}

/** Percentile bootstrap of a statistic of the confusion counts (≥ 1000 resamples, seeded). */
export function confusionBootstrap(
  c: ConfusionCounts,
  statistic: (c: ConfusionCounts) => number | null,
  opts: { resamples?: number; level?: number; seed?: number } = {},
): ConfidenceInterval | null {
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const seed = opts.seed ?? 20261127;
  const rand = mulberry32(seed);
  const n = c.tn + c.fp + c.fn + c.tp;
  if (n === 0) return null;
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    // Multinomial by sequential conditional binomials.
    let left = n;
    let mass = 1;
    const tp = binomial(left, c.tp / n / mass, rand);
    left -= tp;
    mass -= c.tp / n;
    const fp = mass > 0 ? binomial(left, c.fp / n / mass, rand) : 0;
    left -= fp;
    mass -= c.fp / n;
    const fn = mass > 0 ? binomial(left, Math.min(1, c.fn / n / mass), rand) : 0;
    left -= fn;
    const v = statistic({ tp, fp, fn, tn: left });
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < resamples / 2) return null;
  values.sort((a, b) => a - b);
  const at = (q: number): number => {
    const pos = q * (values.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return values[lo]! + (values[hi]! - values[lo]!) * (pos - lo);
  };
  const alpha = (1 - level) / 2;
  return { lower: at(alpha), upper: at(1 - alpha), level, method: 'bootstrap-percentile', resamples, skipped: resamples - values.length, seed };
}

/** How many values of the sorted array are < v, and how many are ≤ v (binary searches). */
function countBelow(sorted: Float64Array, v: number): { less: number; lessOrEqual: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  const less = lo;
  hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return { less, lessOrEqual: lo };
}

/**
 * ROC AUC with DeLong's variance and a normal interval clipped to [0, 1]. Null when a class is
 * absent. `score` higher = more likely positive. Placement values by binary search in the sorted
 * scores of the other class (ties count half): O(n log n) on typed arrays.
 */
export function delongAuc(yTrue: Uint8Array, score: Float64Array, level = 0.95): { auc: number; interval: ConfidenceInterval } | null {
  let m = 0;
  for (let i = 0; i < yTrue.length; i++) m += yTrue[i]!;
  const n = yTrue.length - m;
  if (m === 0 || n === 0) return null;
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  for (let i = 0, a = 0, b = 0; i < yTrue.length; i++) {
    if (yTrue[i]) pos[a++] = score[i]!;
    else neg[b++] = score[i]!;
  }
  pos.sort();
  neg.sort();
  // V10_i: share of negatives ranked below positive i; V01_j: share of positives above negative j.
  const v10 = new Float64Array(m);
  let sum10 = 0;
  for (let i = 0; i < m; i++) {
    const c = countBelow(neg, pos[i]!);
    v10[i] = (c.less + 0.5 * (c.lessOrEqual - c.less)) / n;
    sum10 += v10[i]!;
  }
  const v01 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = countBelow(pos, neg[j]!);
    v01[j] = (m - c.lessOrEqual + 0.5 * (c.lessOrEqual - c.less)) / m;
  }
  return delongFromPlacements(v10, sum10, v01, level);
}

/**
 * delongAuc from the scores already sorted by class (sortScoresByClass; finite scores): the same
 * numbers, with the placement values counted by walking both sorted arrays together instead of a
 * binary search per row — O(n) after the sorts.
 */
export function delongAucSorted({ positives: pos, negatives: neg }: ScoresByClass, level = 0.95): { auc: number; interval: ConfidenceInterval } | null {
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  const v10 = new Float64Array(m);
  const sum10 = placementsOfPositives(pos, neg, v10);
  const v01 = new Float64Array(n);
  placementsOfNegatives(pos, neg, v01);
  return delongFromPlacements(v10, sum10, v01, level);
}

// The loops of delongAucSorted, each ending its function (see row-ranges.ts).

/** V10_i for the sorted positives (negatives below, ties half), and their sum in order. */
function placementsOfPositives(pos: Float64Array, neg: Float64Array, v10: Float64Array): number {
  const n = neg.length;
  let sum10 = 0;
  // less: negatives < pos[i]; lessOrEqual: negatives <= pos[i] (both only grow as pos[i] grows).
  let less = 0;
  let lessOrEqual = 0;
  for (let i = 0; i < pos.length; i++) {
    const v = pos[i]!;
    while (less < n && neg[less]! < v) less++;
    if (lessOrEqual < less) lessOrEqual = less;
    while (lessOrEqual < n && neg[lessOrEqual]! <= v) lessOrEqual++;
    v10[i] = (less + 0.5 * (lessOrEqual - less)) / n;
    sum10 += v10[i]!;
  }
  return sum10;
}

/** V01_j for the sorted negatives (positives above, ties half). */
function placementsOfNegatives(pos: Float64Array, neg: Float64Array, v01: Float64Array): void {
  const m = pos.length;
  let less = 0;
  let lessOrEqual = 0;
  for (let j = 0; j < neg.length; j++) {
    const v = neg[j]!;
    while (less < m && pos[less]! < v) less++;
    if (lessOrEqual < less) lessOrEqual = less;
    while (lessOrEqual < m && pos[lessOrEqual]! <= v) lessOrEqual++;
    v01[j] = (m - lessOrEqual + 0.5 * (lessOrEqual - less)) / m;
  }
}

/** AUC = mean of V10, DeLong's standard error from the placement values' variances, normal interval clipped to [0, 1]. */
function delongFromPlacements(v10: Float64Array, sum10: number, v01: Float64Array, level: number): { auc: number; interval: ConfidenceInterval } {
  const m = v10.length;
  const n = v01.length;
  const auc = sum10 / m;
  const se = Math.sqrt(variance(v10, auc) / m + variance(v01, auc) / n);
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    auc,
    interval: { lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), level, method: 'delong' },
  };
}

/** Sample variance (n − 1) of the placement values around `mean`, summed in order. */
function variance(arr: Float64Array, mean: number): number {
  if (arr.length < 2) return 0;
  return squaredDeviations(arr, mean) / (arr.length - 1);
}

function squaredDeviations(arr: Float64Array, mean: number): number {
  let s = 0;
  for (let i = 0; i < arr.length; i++) s += (arr[i]! - mean) * (arr[i]! - mean);
  return s;
}
