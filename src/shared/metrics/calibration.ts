/**
 * Calibration: can the scores be read as probabilities? Reliability bins (equal-width or
 * equal-count), expected and maximum calibration error, and the Brier score.
 *
 * Equal-width bins are [0, 0.1], (0.1, 0.2], …, (0.9, 1] for 10 bins: right-closed with the first
 * bin closed on both ends (see bins.ts). This matches sklearn's calibration_curve
 * (strategy="uniform"), except that our edges are k/10 exactly while numpy.linspace gives
 * 3·0.1 = 0.30000000000000004; only a score strictly between those two doubles could differ.
 * Equal-count bins use numpy-linear quantiles of the scores as edges (sklearn's
 * strategy="quantile"); ties can make edges coincide and leave a bin empty.
 *
 * ECE = Σ over non-empty bins (count/N)·|mean score − fraction positive|  (Naeini et al. 2015)
 * MCE = max over non-empty bins |mean score − fraction positive|.
 * Scores that are NaN or outside [0, 1] are not probabilities: they are excluded and counted.
 */
import { equalWidthEdges } from './bins';
import { brierScore } from './probabilistic';
import { quantileOfSorted } from './quantile';
import { REASONS } from './reasons';
import { proportion } from './binary';
import { type MetricValue, definedMetric, undefinedMetric } from './types';
import { assertBinaryLabels, assertSameLength } from './validate';

/** Field names follow the report schema (issue 4: calibration.bins[] lower, upper, count, …). */
export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean score in the bin; null when the bin is empty. */
  mean_score: number | null;
  /** Share of actual positives in the bin, with its Wilson interval; null when empty. */
  fraction_positive: MetricValue;
}

export interface Calibration {
  strategy: 'uniform' | 'quantile';
  bins: CalibrationBin[];
  ece: MetricValue;
  maxCalibrationError: MetricValue;
  brier: MetricValue;
  /** Rows used (scores within [0, 1]). */
  rows: number;
  /** Rows left out because the score was NaN or outside [0, 1]. */
  excludedScores: number;
}

export interface CalibrationOptions {
  strategy?: 'uniform' | 'quantile';
  /** Number of bins (default 10). */
  bins?: number;
  /** Confidence level for the Wilson intervals (default 0.95). */
  level?: number;
  /**
   * `score` already sorted ascending (Float64Array order), when the caller has it: equal-count
   * edges are then read from it instead of sorting again. Same result; ignored for 'uniform'.
   */
  sortedScores?: Float64Array;
}

export function calibration(yTrue: Uint8Array, score: Float64Array, options: CalibrationOptions = {}): Calibration {
  assertSameLength('score', yTrue.length, score.length);
  assertBinaryLabels('yTrue', yTrue);
  const strategy = options.strategy ?? 'uniform';
  const binCount = options.bins ?? 10;
  if (!(Number.isInteger(binCount) && binCount >= 1)) throw new RangeError(`bins must be a positive integer, got ${binCount}.`);

  // Keep only probabilities; count the rest for the caller to report.
  const keptScore = new Float64Array(score.length);
  const keptTrue = new Uint8Array(score.length);
  const n = keepProbabilities(yTrue, score, keptTrue, keptScore);
  const scores = keptScore.subarray(0, n);
  const truth = keptTrue.subarray(0, n);
  const excludedScores = score.length - n;

  const edges =
    strategy === 'uniform' || n === 0
      ? equalWidthEdges(binCount)
      : ((sorted) => Array.from({ length: binCount + 1 }, (_, k) => quantileOfSorted(sorted, k / binCount)))(
          options.sortedScores ? probabilitiesOfSorted(options.sortedScores, n) : scores.slice().sort(),
        );

  const count = new Float64Array(binCount);
  const scoreSum = new Float64Array(binCount);
  const positives = new Float64Array(binCount);
  binRows(edges, scores, truth, count, scoreSum, positives);

  const bins: CalibrationBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < binCount; b++) {
    const c = count[b]!;
    const meanScore = c === 0 ? null : scoreSum[b]! / c;
    bins.push({
      lower: edges[b]!,
      upper: edges[b + 1]!,
      count: c,
      mean_score: meanScore,
      fraction_positive: proportion(positives[b]!, c, REASONS.emptyBin, options.level),
    });
    if (meanScore !== null) {
      const gap = Math.abs(meanScore - positives[b]! / c);
      ece += (c / n) * gap;
      mce = Math.max(mce, gap);
    }
  }
  const none = undefinedMetric(REASONS.noScoresInRange);
  return {
    strategy,
    bins,
    ece: n === 0 ? none : definedMetric(ece),
    maxCalibrationError: n === 0 ? none : definedMetric(mce),
    brier: n === 0 ? none : brierScore(truth, scores),
    rows: n,
    excludedScores,
  };
}

/** The scores within [0, 1] of an ascending array: one contiguous stretch of it (`kept` values). */
function probabilitiesOfSorted(sorted: Float64Array, kept: number): Float64Array {
  let start = 0;
  while (start < sorted.length && !(sorted[start]! >= 0)) start++;
  const out = sorted.subarray(start, start + kept);
  if (out.length !== kept || (kept > 0 && !(out[kept - 1]! <= 1))) throw new RangeError('sortedScores must be the scores sorted ascending.');
  return out;
}

// The row loops of calibration, each ending its function (see row-ranges.ts).

/** Copies the rows whose score is within [0, 1]; returns how many. */
function keepProbabilities(yTrue: Uint8Array, score: Float64Array, keptTrue: Uint8Array, keptScore: Float64Array): number {
  let n = 0;
  for (let i = 0; i < score.length; i++) {
    const s = score[i]!;
    if (s >= 0 && s <= 1) {
      keptScore[n] = s;
      keptTrue[n] = yTrue[i]!;
      n++;
    }
  }
  return n;
}

/**
 * Per bin: rows, sum of scores and positives, in row order. Each score's bin is
 * rightClosedBinIndex's — the inner edges strictly below it — found from a first guess, its
 * equal-width bin, moved along the (non-decreasing) edges until it is that count.
 */
function binRows(edges: ArrayLike<number>, scores: Float64Array, truth: Uint8Array, count: Float64Array, scoreSum: Float64Array, positives: Float64Array): void {
  const last = edges.length - 2;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    let b = Math.ceil(s * (last + 1)) - 1;
    if (!(b >= 0)) b = 0;
    else if (b > last) b = last;
    while (b < last && edges[b + 1]! < s) b++;
    while (b > 0 && !(edges[b]! < s)) b--;
    count[b]! += 1;
    scoreSum[b]! += s;
    positives[b]! += truth[i]!;
  }
}

/**
 * Top-label calibration input for several classes (Guo et al. 2017, "On Calibration of Modern
 * Neural Networks", §2): per row, the confidence — the score of the class the model answered — and
 * whether that answer was right. `yPred` gives the answers; without it the answer is the class with
 * the highest score (the first one on ties, as numpy.argmax). `scores[c][i]` is row i's score for
 * class c. Calibration of (right, confidence) with equal-width bins is then the top-label ECE.
 */
export function topLabelConfidence(yTrue: Int32Array, yPred: Int32Array | null, scores: readonly Float64Array[]): { right: Uint8Array; confidence: Float64Array } {
  const n = yTrue.length;
  if (yPred) assertSameLength('yPred', n, yPred.length);
  for (const s of scores) assertSameLength('scores', n, s.length);
  const right = new Uint8Array(n);
  const confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let answer = yPred ? yPred[i]! : 0;
    if (!yPred) {
      for (let c = 1; c < scores.length; c++) if (scores[c]![i]! > scores[answer]![i]!) answer = c;
    }
    const s = scores[answer];
    if (!s) throw new RangeError(`topLabelConfidence: row ${i} answers class ${answer}, which has no scores.`);
    confidence[i] = s[i]!;
    right[i] = answer === yTrue[i] ? 1 : 0;
  }
  return { right, confidence };
}
