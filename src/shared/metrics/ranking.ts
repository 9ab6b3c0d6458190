/**
 * Score-based binary metrics, all computed from one ScoreRanking (one sort):
 * ROC curve and ROC AUC, precision–recall curve and average precision, with sklearn's definitions
 * (sklearn/metrics/_ranking.py: roc_curve, roc_auc_score, precision_recall_curve,
 * average_precision_score). Convention, as in sklearn: a row is predicted positive when
 * score >= threshold.
 */
import { type BootstrapOptions, type BootstrapResult, percentileBootstrap } from './intervals';
import { REASONS } from './reasons';
import { type ScoreRanking, weightedRanking } from './score-ranking';
import { type MaybeDefined, type MetricValue, definedMetric, undefinedMetric } from './types';

export interface RocCurve {
  /** Increasing false positive rates; fpr[i] is the FPR of "score >= thresholds[i]". */
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; thresholds[0] = +Infinity (predict nothing positive), as sklearn ≥ 1.3. */
  thresholds: Float64Array;
}

/**
 * sklearn's roc_curve. With `dropIntermediate` (sklearn's default, true) points collinear with
 * their neighbours are dropped — the "second difference is zero in both fps and tps" rule — which
 * changes neither the area nor the drawn shape. Undefined when only one class is present (sklearn
 * returns NaN rates with a warning).
 */
export function rocCurve(ranking: ScoreRanking, options: { dropIntermediate?: boolean } = {}): MaybeDefined<RocCurve> {
  const { tps, fps, thresholds, positives, negatives } = ranking;
  if (positives === 0 || negatives === 0) return { defined: false, reason: REASONS.singleClass };
  const d = thresholds.length;
  let keep: number[] | null = null;
  if ((options.dropIntermediate ?? true) && d > 2) {
    keep = [0];
    for (let k = 1; k < d - 1; k++) {
      const fpCorner = fps[k + 1]! - 2 * fps[k]! + fps[k - 1]! !== 0;
      const tpCorner = tps[k + 1]! - 2 * tps[k]! + tps[k - 1]! !== 0;
      if (fpCorner || tpCorner) keep.push(k);
    }
    keep.push(d - 1);
  }
  const m = keep ? keep.length : d;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m + 1);
  outThresholds[0] = Infinity;
  for (let i = 0; i < m; i++) {
    const k = keep ? keep[i]! : i;
    fpr[i + 1] = fps[k]! / negatives;
    tpr[i + 1] = tps[k]! / positives;
    outThresholds[i + 1] = thresholds[k]!;
  }
  return { defined: true, value: { fpr, tpr, thresholds: outThresholds } };
}

/**
 * ROC AUC as sklearn's roc_auc_score (binary): the trapezoidal area under the ROC curve whose
 * points are the distinct thresholds, starting at (0, 0). Tied scores form one point, so a tie
 * between a positive and a negative contributes half — the same as the Mann–Whitney U/(P·N) with
 * mid-ranks. Computed on counts: Σ (fp_k − fp_{k−1})(tp_k + tp_{k−1}) / (2·P·N).
 * Undefined with one class present (sklearn: NaN and UndefinedMetricWarning).
 */
export function rocAuc(ranking: ScoreRanking): MetricValue {
  const { tps, fps, positives, negatives } = ranking;
  if (positives === 0 || negatives === 0) return undefinedMetric(REASONS.singleClass);
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    area += (fps[k]! - prevFp) * (tps[k]! + prevTp);
    prevTp = tps[k]!;
    prevFp = fps[k]!;
  }
  return definedMetric(area / (2 * positives * negatives));
}

export interface PrecisionRecallCurve {
  /** As sklearn's precision_recall_curve: ordered by increasing threshold, then a final 1. */
  precision: Float64Array;
  /** Decreasing, ending with 0. */
  recall: Float64Array;
  /** Increasing distinct scores; one fewer than precision/recall. */
  thresholds: Float64Array;
}

/**
 * sklearn's precision_recall_curve (drop_intermediate=false by default, as sklearn). Undefined when
 * there are no actual positives: sklearn then sets recall to 1 everywhere with a warning, which is
 * a made-up value, so we return a reason instead.
 */
export function prCurve(
  ranking: ScoreRanking,
  options: { dropIntermediate?: boolean } = {},
): MaybeDefined<PrecisionRecallCurve> {
  const { tps, fps, thresholds, positives } = ranking;
  if (positives === 0) return { defined: false, reason: REASONS.noActualPositives };
  const d = thresholds.length;
  let keep: number[] | null = null;
  if (options.dropIntermediate && d > 2) {
    // sklearn: keep the first and last point of each run of equal tps (equal recall).
    keep = [0];
    for (let k = 1; k < d - 1; k++) if (tps[k] !== tps[k - 1] || tps[k + 1] !== tps[k]) keep.push(k);
    keep.push(d - 1);
  }
  const m = keep ? keep.length : d;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = keep ? keep[i]! : i;
    const predicted = tps[k]! + fps[k]!;
    const at = m - 1 - i; // reverse: sklearn returns increasing thresholds
    precision[at] = predicted === 0 ? 0 : tps[k]! / predicted;
    recall[at] = tps[k]! / positives;
    outThresholds[at] = thresholds[k]!;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { defined: true, value: { precision, recall, thresholds: outThresholds } };
}

/**
 * Average precision as sklearn's average_precision_score: AP = Σ_n (R_n − R_{n−1}) · P_n over the
 * distinct thresholds from the highest score down (R_0 = 0). A step-wise sum, not the trapezoidal
 * area, which interpolates linearly and can be too optimistic (sklearn docs; changed in 0.19).
 * Undefined with no actual positives — sklearn returns 0 there (recall forced to 1), we return null.
 */
export function averagePrecision(ranking: ScoreRanking): MetricValue {
  const { tps, fps, positives } = ranking;
  if (positives === 0) return undefinedMetric(REASONS.noActualPositives);
  let sum = 0;
  let prevRecall = 0;
  for (let k = 0; k < tps.length; k++) {
    const recall = tps[k]! / positives;
    if (recall !== prevRecall) sum += (recall - prevRecall) * (tps[k]! / (tps[k]! + fps[k]!));
    prevRecall = recall;
  }
  return definedMetric(sum);
}

/**
 * Percentile bootstrap interval for a ranking metric (rocAuc or averagePrecision). Reuses the one
 * sort: each resample re-counts rows per existing threshold, sequentially, O(n) per resample
 * (see weightedRanking). Resamples where the metric is undefined (one class drawn) are skipped
 * and counted.
 */
export function rankingMetricInterval(
  metric: (ranking: ScoreRanking) => MetricValue,
  ranking: ScoreRanking,
  options: BootstrapOptions = {},
): BootstrapResult {
  return percentileBootstrap(
    ranking.positives + ranking.negatives,
    (weights) => metric(weightedRanking(ranking, weights)).value,
    options,
  );
}

/** A metric value with its bootstrap interval attached (when the metric and interval exist). */
export function withInterval(value: MetricValue, interval: BootstrapResult): MetricValue {
  return value.value !== null && interval.ci ? { ...value, ci: interval.ci } : value;
}
