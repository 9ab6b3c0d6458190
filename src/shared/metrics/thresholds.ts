/**
 * The threshold table behind the threshold slider and the fairness threshold view: confusion
 * counts and rates at each of a list of thresholds, read off the single score sort (ScoreRanking)
 * with a binary search per threshold — no pass over the rows.
 *
 * Convention (as sklearn's roc_curve and precision_recall_curve): a row is predicted positive
 * when score >= threshold. A threshold above every score predicts nothing positive.
 */
import { REASONS } from './reasons';
import { type ScoreRanking } from './score-ranking';

export interface ThresholdRow {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** null when nothing is predicted positive (0/0). */
  precision: number | null;
  /** null when there are no actual positives. */
  recall: number | null;
  /** null when there are no actual negatives. */
  falsePositiveRate: number | null;
  /** 2·tp / (2·tp + fp + fn); null when there are no actual and no predicted positives. */
  f1: number | null;
  selectionRate: number | null;
  accuracy: number | null;
}

export interface ThresholdTable {
  rows: ThresholdRow[];
  /** Why some cells are null, keyed by column. */
  reasons: Partial<Record<'precision' | 'recall' | 'falsePositiveRate' | 'f1' | 'selectionRate' | 'accuracy', string>>;
}

/** `count + 1` evenly spaced thresholds k/count from 0 to 1 (default 101 points: 0, 0.01, …, 1). */
export function evenThresholds(count = 100): Float64Array {
  const out = new Float64Array(count + 1);
  // k / count rather than k · step, so 0.3 is the double nearest 0.3 (3 · 0.1 is 0.30000000000000004).
  for (let k = 0; k <= count; k++) out[k] = k / count;
  return out;
}

/**
 * The distinct scores as thresholds, increasing, thinned to at most `maxCount` by taking evenly
 * spaced ranks (always keeping the lowest and highest score).
 */
export function distinctScoreThresholds(ranking: ScoreRanking, maxCount = 1000): Float64Array {
  const d = ranking.thresholds.length;
  const m = Math.min(d, Math.max(2, maxCount));
  if (d === 0) return new Float64Array(0);
  if (d === 1) return Float64Array.of(ranking.thresholds[0]!);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const rankFromTop = d - 1 - Math.round((i * (d - 1)) / (m - 1));
    out[i] = ranking.thresholds[rankFromTop]!;
  }
  return out;
}

/** Index of the lowest distinct score >= t (thresholds are decreasing), or -1 if none. */
function lastIndexAtOrAbove(thresholds: Float64Array, t: number): number {
  let lo = 0;
  let hi = thresholds.length; // first index with thresholds[i] < t
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thresholds[mid]! >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function thresholdTable(ranking: ScoreRanking, thresholds: ArrayLike<number>): ThresholdTable {
  const { positives, negatives } = ranking;
  const n = positives + negatives;
  const rows: ThresholdRow[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i]!;
    if (Number.isNaN(t)) throw new RangeError(`thresholds[${i}] is NaN.`);
    const k = lastIndexAtOrAbove(ranking.thresholds, t);
    const tp = k < 0 ? 0 : ranking.tps[k]!;
    const fp = k < 0 ? 0 : ranking.fps[k]!;
    const fn = positives - tp;
    const tn = negatives - fp;
    const f1Denominator = 2 * tp + fp + fn;
    rows.push({
      threshold: t,
      tp,
      fp,
      tn,
      fn,
      precision: tp + fp === 0 ? null : tp / (tp + fp),
      recall: positives === 0 ? null : tp / positives,
      falsePositiveRate: negatives === 0 ? null : fp / negatives,
      f1: f1Denominator === 0 ? null : (2 * tp) / f1Denominator,
      selectionRate: n === 0 ? null : (tp + fp) / n,
      accuracy: n === 0 ? null : (tp + tn) / n,
    });
  }
  const reasons: ThresholdTable['reasons'] = {};
  if (rows.some((r) => r.precision === null)) reasons.precision = REASONS.noPredictedPositives;
  if (positives === 0) reasons.recall = REASONS.noActualPositives;
  if (negatives === 0) reasons.falsePositiveRate = REASONS.noActualNegatives;
  if (rows.some((r) => r.f1 === null)) reasons.f1 = REASONS.noPositivesAnywhere;
  if (n === 0) reasons.selectionRate = reasons.accuracy = REASONS.noRows;
  return { rows, reasons };
}
