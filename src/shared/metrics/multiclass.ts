/**
 * Multiclass metrics over integer class codes 0..k−1 (the dictionary lives with the column):
 * confusion matrix, per-class precision/recall/F1/support with macro, weighted and micro averages
 * (sklearn's precision_recall_fscore_support), accuracy, multiclass log loss (sklearn's log_loss)
 * and one-vs-rest ROC AUC (sklearn's roc_auc_score(multi_class="ovr")).
 *
 * Undefined per-class values (0/0) are null and are left out of the macro and weighted averages.
 * That is sklearn's `zero_division=np.nan` behaviour; sklearn's default (`"warn"`) counts them as
 * 0 in the average instead, which would pull the average down with a number nobody measured.
 */
import { proportion } from './binary';
import { LOG_LOSS_EPS } from './probabilistic';
import { REASONS } from './reasons';
import { rankScores } from './score-ranking';
import { rocAuc } from './ranking';
import { type MetricValue, definedMetric, undefinedMetric } from './types';
import { assertClassCodes, assertSameLength } from './validate';

export interface ClassMetrics {
  classCode: number;
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
  /** Rows whose true class is this one. */
  support: number;
}

export interface AveragedMetrics {
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
}

export interface MulticlassMetrics {
  /** confusion[t][p]: rows of true class t predicted as p (sklearn's confusion_matrix layout). */
  confusion: number[][];
  rows: number;
  accuracy: MetricValue;
  perClass: ClassMetrics[];
  macro: AveragedMetrics;
  weighted: AveragedMetrics;
  micro: AveragedMetrics;
}

export function multiclassConfusionMatrix(yTrue: Int32Array, yPred: Int32Array, classCount: number): number[][] {
  assertSameLength('yPred', yTrue.length, yPred.length);
  assertClassCodes('yTrue', yTrue, classCount);
  assertClassCodes('yPred', yPred, classCount);
  const cells = new Float64Array(classCount * classCount);
  for (let i = 0; i < yTrue.length; i++) cells[yTrue[i]! * classCount + yPred[i]!]! += 1;
  return Array.from({ length: classCount }, (_, t) => Array.from(cells.subarray(t * classCount, (t + 1) * classCount)));
}

/** sklearn's `_nanaverage`: the (weighted) mean of the defined values; null if none is defined. */
function averageOfDefined(values: MetricValue[], weights: number[] | null): MetricValue {
  let sum = 0;
  let weightSum = 0;
  let plainSum = 0;
  let count = 0;
  values.forEach((v, i) => {
    if (v.value === null) return;
    const w = weights ? weights[i]! : 1;
    sum += w * v.value;
    weightSum += w;
    plainSum += v.value;
    count++;
  });
  if (count === 0) return undefinedMetric(REASONS.noClassDefined);
  // numpy.average raises on zero total weight and sklearn then falls back to the plain mean.
  return definedMetric(weightSum === 0 ? plainSum / count : sum / weightSum);
}

export function multiclassMetrics(
  yTrue: Int32Array,
  yPred: Int32Array,
  classCount: number,
  options: { level?: number } = {},
): MulticlassMetrics {
  const confusion = multiclassConfusionMatrix(yTrue, yPred, classCount);
  const rows = yTrue.length;
  const perClass: ClassMetrics[] = [];
  let correct = 0;
  for (let c = 0; c < classCount; c++) {
    const tp = confusion[c]![c]!;
    let support = 0;
    let predicted = 0;
    for (let o = 0; o < classCount; o++) {
      support += confusion[c]![o]!;
      predicted += confusion[o]![c]!;
    }
    correct += tp;
    const f1Denominator = support + predicted; // = 2tp + fp + fn
    perClass.push({
      classCode: c,
      precision: proportion(tp, predicted, REASONS.noPredictedPositives, options.level),
      recall: proportion(tp, support, REASONS.noActualPositives, options.level),
      f1: f1Denominator === 0 ? undefinedMetric(REASONS.noPositivesAnywhere) : definedMetric((2 * tp) / f1Denominator),
      support,
    });
  }
  const supports = perClass.map((m) => m.support);
  const average = (weights: number[] | null): AveragedMetrics => ({
    precision: averageOfDefined(perClass.map((m) => m.precision), weights),
    recall: averageOfDefined(perClass.map((m) => m.recall), weights),
    f1: averageOfDefined(perClass.map((m) => m.f1), weights),
  });
  // Micro: pool tp, predicted and true counts over classes. For single-label data every row is
  // one prediction and one truth, so micro precision = recall = F1 = accuracy.
  const micro: AveragedMetrics = {
    precision: proportion(correct, rows, REASONS.noRows, options.level),
    recall: proportion(correct, rows, REASONS.noRows, options.level),
    f1: rows === 0 ? undefinedMetric(REASONS.noRows) : definedMetric((2 * correct) / (2 * rows)),
  };
  return {
    confusion,
    rows,
    accuracy: proportion(correct, rows, REASONS.noRows, options.level),
    perClass,
    macro: average(null),
    weighted: average(supports),
    micro,
  };
}

function checkProbabilityColumns(columns: readonly Float64Array[], rows: number, classCount: number): void {
  if (columns.length !== classCount) {
    throw new RangeError(`Expected ${classCount} per-class score columns, got ${columns.length}.`);
  }
  columns.forEach((col, c) => assertSameLength(`scores[${c}]`, rows, col.length));
}

/** Rows whose per-class values do not sum to 1 within numpy.allclose-style tolerances. */
function rowsNotSummingToOne(columns: readonly Float64Array[], rows: number, rtol: number, atol: number): number {
  let bad = 0;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (const col of columns) s += col[i]!;
    if (!(Math.abs(s - 1) <= atol + rtol * Math.abs(s))) bad++;
  }
  return bad;
}

export interface MulticlassLogLoss extends MetricValue {
  /** Rows whose probabilities do not add up to 1 (sklearn warns about these and does not rescale). */
  rowsNotSummingToOne: number;
}

/**
 * Multiclass log loss as sklearn ≥ 1.5: clip every probability to [eps, 1 − eps] with
 * eps = 2⁻⁵² (see LOG_LOSS_EPS), do not renormalise, and average −ln(p of the true class).
 * Rows not summing to 1 (tolerance of np.allclose(sum, 1, rtol=√eps)) are counted, not fixed.
 */
export function multiclassLogLoss(
  yTrue: Int32Array,
  probabilities: readonly Float64Array[],
  classCount: number,
): MulticlassLogLoss {
  assertClassCodes('yTrue', yTrue, classCount);
  checkProbabilityColumns(probabilities, yTrue.length, classCount);
  if (yTrue.length === 0) return { ...undefinedMetric(REASONS.noRows), rowsNotSummingToOne: 0 };
  for (const col of probabilities) {
    for (let i = 0; i < col.length; i++) {
      if (!(col[i]! >= 0 && col[i]! <= 1)) {
        return { ...undefinedMetric(REASONS.scoresNotProbabilities), rowsNotSummingToOne: 0 };
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = probabilities[yTrue[i]!]![i]!;
    sum -= Math.log(Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS));
  }
  const bad = rowsNotSummingToOne(probabilities, yTrue.length, Math.sqrt(LOG_LOSS_EPS), 1e-8);
  return { ...definedMetric(sum / yTrue.length), rowsNotSummingToOne: bad };
}

export interface OneVsRestAuc {
  perClass: MetricValue[];
  macro: MetricValue;
  /** Weighted by each class's support, as sklearn's average="weighted". */
  weighted: MetricValue;
}

/**
 * One-vs-rest ROC AUC, sklearn's roc_auc_score(y, scores, multi_class="ovr", labels=0..k−1): each
 * class against all others with the binary (tie-aware) AUC, then the plain or support-weighted mean.
 * Like sklearn, the per-class scores must be probabilities summing to 1 on every row
 * (np.allclose defaults: rtol 1e-5, atol 1e-8); otherwise every value is null with the reason.
 * A class that never occurs (or occurs on every row) has an undefined AUC, which makes the macro
 * mean undefined; the weighted mean gives absent classes weight 0, as sklearn does.
 */
export function oneVsRestRocAuc(yTrue: Int32Array, scores: readonly Float64Array[], classCount: number): OneVsRestAuc {
  assertClassCodes('yTrue', yTrue, classCount);
  checkProbabilityColumns(scores, yTrue.length, classCount);
  if (yTrue.length === 0) {
    const none = undefinedMetric(REASONS.noRows);
    return { perClass: scores.map(() => none), macro: none, weighted: none };
  }
  if (rowsNotSummingToOne(scores, yTrue.length, 1e-5, 1e-8) > 0) {
    const none = undefinedMetric(REASONS.rowsNotSummingToOne);
    return { perClass: scores.map(() => none), macro: none, weighted: none };
  }
  const isClass = new Uint8Array(yTrue.length);
  const supports: number[] = [];
  const perClass = scores.map((column, c) => {
    let support = 0;
    for (let i = 0; i < yTrue.length; i++) support += isClass[i] = yTrue[i] === c ? 1 : 0;
    supports.push(support);
    if (support === 0) return undefinedMetric(REASONS.classAbsent);
    if (support === yTrue.length) return undefinedMetric(REASONS.classEverywhere);
    return rocAuc(rankScores(isClass, column));
  });
  const firstUndefined = perClass.find((m) => m.value === null);
  const macro = firstUndefined
    ? undefinedMetric(firstUndefined.reason ?? REASONS.classAbsent)
    : definedMetric(perClass.reduce((s, m) => s + m.value!, 0) / classCount);
  let weightedSum = 0;
  let weightTotal = 0;
  let weighted: MetricValue | null = null;
  perClass.forEach((m, c) => {
    if (supports[c] === 0) return;
    if (m.value === null) weighted ??= undefinedMetric(m.reason ?? REASONS.classEverywhere);
    else {
      weightedSum += supports[c]! * m.value;
      weightTotal += supports[c]!;
    }
  });
  return { perClass, macro, weighted: weighted ?? definedMetric(weightedSum / weightTotal) };
}
