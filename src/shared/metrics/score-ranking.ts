/**
 * The one sort behind ROC, precision–recall and the threshold table.
 *
 * This is scikit-learn's `confusion_matrix_at_thresholds` (formerly `_binary_clf_curve`,
 * sklearn/metrics/_ranking.py): sort scores in decreasing order, keep one threshold per *distinct*
 * score (tied scores enter together, which is how sklearn handles ties), and count the true and
 * false positives among rows with score >= each threshold.
 *
 * For speed on a million rows we never sort row indices with a comparator: positives' and
 * negatives' scores are copied into two Float64Arrays, each sorted natively, and merged from the
 * top. Ties need no stable order because a tie group is counted as a whole.
 */
import { assertBinaryLabels, assertFinite, assertSameLength } from './validate';

export interface ScoreRanking {
  /** Distinct scores, decreasing: sklearn's `thresholds` (without roc_curve's leading +∞). */
  thresholds: Float64Array;
  /** tps[k]: positives with score >= thresholds[k]. Increasing; tps[last] = positives. */
  tps: Float64Array;
  /** fps[k]: negatives with score >= thresholds[k]. Increasing; fps[last] = negatives. */
  fps: Float64Array;
  positives: number;
  negatives: number;
}

export function rankScores(yTrue: Uint8Array, score: Float64Array): ScoreRanking {
  const { positives, negatives } = sortScoresByClass(yTrue, score);
  return rankSortedScores(positives, negatives);
}

/** The scores of the actual positives and of the actual negatives, each sorted ascending (Float64Array order). */
export interface ScoresByClass {
  positives: Float64Array;
  negatives: Float64Array;
}

/**
 * The two sorts behind rankScores (and DeLong's interval, and equal-count calibration bins): the
 * positives' and negatives' scores, each copied and sorted natively. Checks the input as
 * rankScores does.
 */
export function sortScoresByClass(yTrue: Uint8Array, score: Float64Array): ScoresByClass {
  assertSameLength('score', yTrue.length, score.length);
  assertBinaryLabels('yTrue', yTrue);
  assertFinite('score', score);
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) positives += yTrue[i]!;
  const negatives = yTrue.length - positives;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < yTrue.length; i++) {
    if (yTrue[i] === 1) pos[p++] = score[i]!;
    else neg[q++] = score[i]!;
  }
  pos.sort();
  neg.sort();
  return { positives: pos, negatives: neg };
}

/** rankScores from scores already sorted by class (sortScoresByClass): the merge from the top. */
export function rankSortedScores(pos: Float64Array, neg: Float64Array): ScoreRanking {
  const positives = pos.length;
  const negatives = neg.length;
  const n = positives + negatives;
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = positives - 1;
  let j = negatives - 1;
  let tp = 0;
  let fp = 0;
  let d = 0;
  while (i >= 0 || j >= 0) {
    const top = i < 0 ? neg[j]! : j < 0 ? pos[i]! : Math.max(pos[i]!, neg[j]!);
    // `===` treats -0 and +0 as one value, as numpy's diff does.
    while (i >= 0 && pos[i] === top) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === top) {
      fp++;
      j--;
    }
    thresholds[d] = top;
    tps[d] = tp;
    fps[d] = fp;
    d++;
  }
  return { thresholds: thresholds.slice(0, d), tps: tps.slice(0, d), fps: fps.slice(0, d), positives, negatives };
}

/**
 * Every score in one ascending array (Float64Array order, −0 before 0), merged from the two sorted
 * halves: the same array as the scores copied and sorted.
 */
export function mergeSortedScores({ positives, negatives }: ScoresByClass): Float64Array {
  const p = positives.length;
  const q = negatives.length;
  const out = new Float64Array(p + q);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < p && j < q) {
    const a = positives[i]!;
    const b = negatives[j]!;
    // Take b first when smaller, or when both are zero and only b is −0.
    if (b < a || (b === a && b === 0 && Object.is(b, -0) && !Object.is(a, -0))) {
      out[k++] = b;
      j++;
    } else {
      out[k++] = a;
      i++;
    }
  }
  while (i < p) out[k++] = positives[i++]!;
  while (j < q) out[k++] = negatives[j++]!;
  return out;
}

/**
 * The ranking's counts for a bootstrap resample. The resample's weights are indexed by position in
 * the *ranked layout*: rows ordered by decreasing score, each distinct-score group holding its
 * positives first, then its negatives. Rows are exchangeable in a bootstrap, so this numbering is as
 * valid as the original one, and it lets the re-count run sequentially over the one sort.
 * Thresholds whose rows all drew weight 0 remain as repeated points; they add nothing to a ROC or
 * PR step sum, so results equal sklearn's, which drops zero-weight rows first.
 */
export function weightedRanking(ranking: ScoreRanking, weights: Uint32Array): ScoreRanking {
  const d = ranking.thresholds.length;
  const tps = new Float64Array(d);
  const fps = new Float64Array(d);
  let position = 0;
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < d; k++) {
    const positivesHere = ranking.tps[k]! - prevTp;
    const negativesHere = ranking.fps[k]! - prevFp;
    prevTp = ranking.tps[k]!;
    prevFp = ranking.fps[k]!;
    for (const end = position + positivesHere; position < end; position++) tp += weights[position]!;
    for (const end = position + negativesHere; position < end; position++) fp += weights[position]!;
    tps[k] = tp;
    fps[k] = fp;
  }
  return { thresholds: ranking.thresholds, tps, fps, positives: tp, negatives: fp };
}
