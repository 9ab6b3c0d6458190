/**
 * Metrics that read the score as a probability of the positive class: log loss and Brier score.
 * Both need scores within [0, 1]; otherwise they are undefined (null + reason) — sklearn's
 * brier_score_loss raises on such input, and a log loss of non-probabilities means nothing.
 */
import { REASONS } from './reasons';
import { type MetricValue, definedMetric, undefinedMetric } from './types';
import { assertBinaryLabels, assertSameLength } from './validate';

/**
 * The clipping bound of sklearn's log_loss: np.finfo(float64).eps = 2⁻⁵² ≈ 2.22e-16.
 * History: before 1.2 the default eps was 1e-15; 1.2 made the default "auto" (= dtype eps);
 * 1.3 deprecated the parameter and 1.5 removed it, always clipping to [eps, 1 − eps] with the
 * dtype's eps and no longer renormalising rows (it only warns when rows do not sum to 1).
 * We follow ≥ 1.5 and use float64, matching sklearn on float64 input.
 */
export const LOG_LOSS_EPS = Number.EPSILON;

function clip(p: number): number {
  return p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > 1 - LOG_LOSS_EPS ? 1 - LOG_LOSS_EPS : p;
}

function allProbabilities(score: Float64Array): boolean {
  for (let i = 0; i < score.length; i++) {
    const p = score[i]!;
    if (!(p >= 0 && p <= 1)) return false;
  }
  return true;
}

/**
 * Binary log loss (natural log), sklearn's log_loss(y, p, labels=[0, 1]):
 *   mean over rows of −[y·ln(clip(p)) + (1 − y)·ln(clip(1 − p))].
 * As sklearn, the negative-class column is 1 − p and is clipped itself (clip(1 − p), not
 * 1 − clip(p)). Defined even if only one class is present, because the labels {0, 1} are known
 * (sklearn raises there unless `labels` is passed; with labels=[0, 1] it agrees with us).
 */
export function logLoss(yTrue: Uint8Array, score: Float64Array): MetricValue {
  assertSameLength('score', yTrue.length, score.length);
  assertBinaryLabels('yTrue', yTrue);
  if (yTrue.length === 0) return undefinedMetric(REASONS.noRows);
  if (!allProbabilities(score)) return undefinedMetric(REASONS.scoresNotProbabilities);
  return definedMetric(negativeLogLikelihood(yTrue, score) / yTrue.length);
}

/** −Σ ln(clip(p of the actual class)), in row order. (Kernels end with their loop: see row-ranges.ts.) */
function negativeLogLikelihood(yTrue: Uint8Array, score: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    sum -= Math.log(clip(yTrue[i] === 1 ? score[i]! : 1 - score[i]!));
  }
  return sum;
}

/**
 * Brier score, sklearn's brier_score_loss for a binary target: mean of (y − p)². Defined with one
 * class present (it is a mean squared error, not a comparison of classes).
 */
export function brierScore(yTrue: Uint8Array, score: Float64Array): MetricValue {
  assertSameLength('score', yTrue.length, score.length);
  assertBinaryLabels('yTrue', yTrue);
  if (yTrue.length === 0) return undefinedMetric(REASONS.noRows);
  if (!allProbabilities(score)) return undefinedMetric(REASONS.scoresNotProbabilities);
  return definedMetric(sumOfSquaredErrors(yTrue, score) / yTrue.length);
}

/** Σ (y − p)², in row order. */
function sumOfSquaredErrors(yTrue: Uint8Array, score: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const e = yTrue[i]! - score[i]!;
    sum += e * e;
  }
  return sum;
}
