/**
 * Isotonic recalibration of binary scores: the non-decreasing map from score to the share of
 * positives that fits the labels best in squared error — scikit-learn's
 * IsotonicRegression(increasing=True, out_of_bounds='clip') as CalibratedClassifierCV(method=
 * 'isotonic') uses it. Tied scores are pooled first (sklearn's _make_unique: weighted mean), the
 * pool-adjacent-violators algorithm (Ayer et al. 1955; Barlow et al. 1972) fits the steps, and a new
 * score is mapped by linear interpolation between the fitted points, clipped to the end values
 * outside the fitted range (sklearn's interp1d on X_thresholds_).
 *
 * Labels are 0/1, so instead of sorting row indices the scores are grouped by distinct value with
 * their positives and negatives (score-groups.ts): fast on a million rows.
 */
import { type ScoreGroups, groupScores } from './score-groups';

export interface IsotonicFit {
  /** Distinct scores, ascending. */
  x: Float64Array;
  /** Fitted share of positives at each score (non-decreasing). */
  y: Float64Array;
}

export function fitIsotonic(yTrue: Uint8Array, score: Float64Array): IsotonicFit {
  if (yTrue.length !== score.length) throw new RangeError('fitIsotonic needs one score per label.');
  return fitIsotonicGroups(groupScores(yTrue, score));
}

/** The fit from scores already grouped by distinct value (share of positives, weighted by rows). */
export function fitIsotonicGroups(g: ScoreGroups): IsotonicFit {
  const d = g.scores.length;
  // Pool adjacent violators: a stack of blocks (mean, weight, number of distinct scores).
  const bMean = new Float64Array(d);
  const bWeight = new Float64Array(d);
  const bSize = new Uint32Array(d);
  let top = 0;
  for (let k = 0; k < d; k++) {
    let w = g.positives[k]! + g.negatives[k]!;
    let mean = g.positives[k]! / w;
    let size = 1;
    while (top > 0 && bMean[top - 1]! >= mean) {
      top--;
      mean = (bMean[top]! * bWeight[top]! + mean * w) / (bWeight[top]! + w);
      w += bWeight[top]!;
      size += bSize[top]!;
    }
    bMean[top] = mean;
    bWeight[top] = w;
    bSize[top] = size;
    top++;
  }
  const y = new Float64Array(d);
  for (let b = 0, k = 0; b < top; b++) y.fill(bMean[b]!, k, (k += bSize[b]!));
  return { x: g.scores.slice(), y };
}

/** The fitted map at one score: linear between fitted points, clipped outside them. */
export function predictIsotonic(fit: IsotonicFit, s: number): number {
  const { x, y } = fit;
  const n = x.length;
  if (n === 0) return NaN;
  if (s <= x[0]!) return y[0]!;
  if (s >= x[n - 1]!) return y[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

export function applyIsotonic(fit: IsotonicFit, scores: Float64Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = predictIsotonic(fit, scores[i]!);
  return out;
}
