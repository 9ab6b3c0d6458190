/**
 * Calibration: can the model's scores be read as probabilities? Reliability diagram with 10
 * equal-width bins (and an equal-count variant in the evidence), ECE, maximum calibration error and
 * the Brier score (definitions in src/shared/metrics/calibration.ts). The headline names the bin
 * with the largest gap among bins with enough rows: "when the model says 80%, it is right 62%".
 *
 * Yes/no outcomes: the score against the positive outcome. Several classes with one score column
 * per class: the top-label score (Guo et al. 2017) — each row's score for the class the model
 * answered against whether it was right (metrics/calibration.ts, topLabelConfidence) — with the
 * same bins, numbers and severity rule.
 */
import type { Finding } from '../../findings/types';
import { calibration, topLabelConfidence } from '../../metrics/calibration';
import { cacheOf } from '../cache/check-cache';
import { outcomeOf, sortedScoresOf } from '../cache/shared-work';
import type { Check, CheckInput, CheckOutput } from '../types';
import type { Outcome } from './outcome';
import { toReportMetric } from './performance';

export const CALIBRATION_CHECK = 'model.calibration';
/** ECE at or above: medium / high. */
export const ECE_MEDIUM = 0.05;
export const ECE_HIGH = 0.1;

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

interface Scored {
  /** 1 where the outcome happened (binary) or the answer was right (top label). */
  y: Uint8Array;
  score: Float64Array;
  /** The scores sorted ascending, when a check already has them. */
  sortedScores?: Float64Array;
  columns: string[];
  /** Numbers the headline needs besides the calibration's own. */
  numbers: Finding['numbers'];
}

function binaryScored(o: Extract<Outcome, { task: 'binary' }> & { score: Float64Array }, input: CheckInput): Scored {
  const cache = cacheOf(input);
  // Equal-count edges from the scores the performance check already sorted (by class, merged).
  const sortedScores = allFinite(o.score) ? sortedScoresOf(cache, o.yTrue, o.score) : undefined;
  return {
    y: o.yTrue,
    score: o.score,
    sortedScores,
    columns: input.roles.score ? [input.roles.score] : [],
    numbers: { kind: 'binary', positive_label: o.positiveLabel, target: input.roles.target },
  };
}

function topLabelScored(o: Extract<Outcome, { task: 'multiclass' }> & { scores: Float64Array[] }, input: CheckInput): Scored {
  const { right, confidence } = topLabelConfidence(o.yTrue, o.yPred, o.scores);
  let correct = 0;
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < right.length; i++) {
    correct += right[i]!;
    if (Number.isFinite(confidence[i]!)) {
      sum += confidence[i]!;
      finite++;
    }
  }
  return {
    y: right,
    score: confidence,
    columns: [...(input.roles.prediction ? [input.roles.prediction] : []), ...Object.values(input.roles.classScores)],
    numbers: {
      kind: 'top-label',
      target: input.roles.target,
      accuracy: right.length > 0 ? correct / right.length : null,
      mean_confidence: finite > 0 ? sum / finite : null,
    },
  };
}

export const calibrationCheck: Check = {
  id: CALIBRATION_CHECK,
  category: 'calibration',
  run(input): CheckOutput {
    const o = outcomeOf(cacheOf(input), input.roles);
    let scored: Scored;
    if (o.task === 'binary' && o.score) scored = binaryScored({ ...o, score: o.score }, input);
    else if (o.task === 'multiclass' && o.scores) scored = topLabelScored({ ...o, scores: o.scores }, input);
    else return { evidence: { available: false, ...(o.task === 'multiclass' && o.scoresReason ? { reason: o.scoresReason } : {}) }, findings: [] };
    return calibrationOf(scored, input);
  },
};

function calibrationOf({ y, score, sortedScores, columns, numbers }: Scored, input: CheckInput): CheckOutput {
  const level = input.options.confidenceLevel;
  const uniform = calibration(y, score, { strategy: 'uniform', bins: 10, level });
  const quantile = calibration(y, score, { strategy: 'quantile', bins: 10, level, sortedScores });
  const bins = uniform.bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, mean_score: b.mean_score, fraction_positive: b.fraction_positive.value }));
  const evidence = {
    available: true,
    kind: numbers.kind,
    ece: toReportMetric(uniform.ece),
    max_calibration_error: toReportMetric(uniform.maxCalibrationError),
    brier: toReportMetric(uniform.brier),
    bins,
    equal_count: { ece: toReportMetric(quantile.ece), bins: quantile.bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, mean_score: b.mean_score, fraction_positive: b.fraction_positive.value })) },
    excluded_scores: uniform.excludedScores,
  };
  const ece = uniform.ece.value;
  const minCount = input.options.minGroupSize;
  let worst: (typeof bins)[number] | null = null;
  for (const b of bins) {
    if (b.count < minCount || b.mean_score === null || b.fraction_positive === null) continue;
    if (!worst || Math.abs(b.mean_score - b.fraction_positive) > Math.abs(worst.mean_score! - worst.fraction_positive!)) worst = b;
  }
  const notEnough = ece === null || y.length < minCount;
  const finding: Finding = {
    id: `${CALIBRATION_CHECK}:overall`,
    check: CALIBRATION_CHECK,
    category: 'calibration',
    status: notEnough ? 'not-enough-data' : ece! >= ECE_MEDIUM ? 'issue' : 'passed',
    severity: notEnough ? 'info' : ece! >= ECE_HIGH ? 'high' : ece! >= ECE_MEDIUM ? 'medium' : 'info',
    severityRule: `Expected calibration error ${ECE_HIGH} or more → high; ${ECE_MEDIUM} or more → medium`,
    columns,
    numbers: {
      ece,
      mce: uniform.maxCalibrationError.value,
      brier: uniform.brier.value,
      rows: y.length,
      worst_says: worst?.mean_score ?? null,
      worst_observed: worst?.fraction_positive ?? null,
      worst_count: worst?.count ?? null,
      ...numbers,
    },
    confidence: { sampleSize: y.length, kind: notEnough ? 'not-enough-data' : 'estimate' },
    chart: {
      kind: 'reliability',
      bins: bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, meanScore: b.mean_score, fractionPositive: b.fraction_positive })),
    },
  };
  return { evidence, findings: [finding] };
}
