/**
 * The model's error on each row, defined the way the performance check defines it (the rows and
 * labels come from resolveOutcome):
 * - a decision exists (a prediction column; for multiclass, the predicted class) → misclassification,
 *   1 when the decision differs from the outcome, else 0;
 * - binary with only a score → log loss of the row, −ln(clip(p)) for a positive row and
 *   −ln(clip(1 − p)) for a negative one, clipped as sklearn's log_loss (src/shared/metrics/probabilistic.ts);
 *   if the scores are not all within [0, 1] they cannot be read as probabilities, and the error falls
 *   back to misclassification at the 0.5 cut-off (what the performance check uses);
 * - multiclass with only per-class scores → −ln(clip(score of the true class));
 * - regression → |truth − prediction|.
 */
import type { Outcome } from '../checks/model/outcome';
import { LOG_LOSS_EPS } from '../metrics/probabilistic';
import type { ErrorKind } from './types';

export interface RowErrors {
  kind: ErrorKind;
  /** One error per kept row (outcome.rows order). */
  values: Float64Array;
  /** True when every error is 0 or 1 (then rates, Wilson intervals and proportion tests apply). */
  binary: boolean;
  /** Table row index of each kept row. */
  rows: Uint32Array;
  /** A sentence when the error was not the first choice (e.g. scores outside 0–1). */
  note?: string;
}

const clip = (p: number): number => (p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > 1 - LOG_LOSS_EPS ? 1 - LOG_LOSS_EPS : p);

function misclassification(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Float64Array {
  const e = new Float64Array(yTrue.length);
  for (let i = 0; i < e.length; i++) e[i] = yTrue[i] === yPred[i] ? 0 : 1;
  return e;
}

function allProbabilities(s: Float64Array): boolean {
  for (let i = 0; i < s.length; i++) if (!(s[i]! >= 0 && s[i]! <= 1)) return false;
  return true;
}

export function rowErrors(o: Outcome): RowErrors | { reason: string } {
  if (o.task === null) return { reason: o.reason };
  if (o.task === 'regression') {
    if (!o.yPred) return { reason: 'There is no prediction column, so the model’s error on each row is unknown.' };
    const e = new Float64Array(o.yTrue.length);
    for (let i = 0; i < e.length; i++) e[i] = Math.abs(o.yTrue[i]! - o.yPred[i]!);
    return { kind: 'absolute_error', values: e, binary: false, rows: o.rows };
  }
  if (o.task === 'multiclass') {
    if (o.yPred) return { kind: 'misclassification', values: misclassification(o.yTrue, o.yPred), binary: true, rows: o.rows };
    if (!o.scores) return { reason: 'There is no prediction and no score for every class, so the model’s error on each row is unknown.' };
    const e = new Float64Array(o.yTrue.length);
    for (let i = 0; i < e.length; i++) e[i] = -Math.log(clip(o.scores[o.yTrue[i]!]![i]!));
    return { kind: 'log_loss', values: e, binary: false, rows: o.rows };
  }
  // Binary.
  if (o.yPred && o.predictionFrom === 'column') return { kind: 'misclassification', values: misclassification(o.yTrue, o.yPred), binary: true, rows: o.rows };
  if (o.score && allProbabilities(o.score)) {
    const e = new Float64Array(o.yTrue.length);
    for (let i = 0; i < e.length; i++) e[i] = -Math.log(clip(o.yTrue[i] === 1 ? o.score[i]! : 1 - o.score[i]!));
    return { kind: 'log_loss', values: e, binary: false, rows: o.rows };
  }
  if (o.yPred) {
    return {
      kind: 'misclassification',
      values: misclassification(o.yTrue, o.yPred),
      binary: true,
      rows: o.rows,
      note: 'Some scores are outside 0 to 1, so the error is whether the score is on the wrong side of 0.5.',
    };
  }
  return { reason: 'There is no prediction and no score, so the model’s error on each row is unknown.' };
}
