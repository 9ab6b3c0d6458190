/**
 * Calibration: can the model's scores be read as probabilities? Reliability diagram with 10
 * equal-width bins (and an equal-count variant in the evidence), ECE, maximum calibration error and
 * the Brier score (definitions in src/shared/metrics/calibration.ts). The headline names the bin
 * with the largest gap among bins with enough rows: "when the model says 80%, it is right 62%".
 */
import type { Finding } from '../../findings/types';
import { calibration } from '../../metrics/calibration';
import { cacheOf } from '../cache/check-cache';
import { outcomeOf, sortedScoresOf } from '../cache/shared-work';
import type { Check, CheckOutput } from '../types';
import { toReportMetric } from './performance';

export const CALIBRATION_CHECK = 'model.calibration';
/** ECE at or above: medium / high. */
export const ECE_MEDIUM = 0.05;
export const ECE_HIGH = 0.1;

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

export const calibrationCheck: Check = {
  id: CALIBRATION_CHECK,
  category: 'calibration',
  run(input): CheckOutput {
    const cache = cacheOf(input);
    const o = outcomeOf(cache, input.roles);
    if (o.task !== 'binary' || !o.score) return { evidence: { available: false }, findings: [] };
    const uniform = calibration(o.yTrue, o.score, { strategy: 'uniform', bins: 10, level: input.options.confidenceLevel });
    // Equal-count edges from the scores the performance check already sorted (by class, merged).
    const sortedScores = allFinite(o.score) ? sortedScoresOf(cache, o.yTrue, o.score) : undefined;
    const quantile = calibration(o.yTrue, o.score, { strategy: 'quantile', bins: 10, level: input.options.confidenceLevel, sortedScores });
    const bins = uniform.bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, mean_score: b.mean_score, fraction_positive: b.fraction_positive.value }));
    const evidence = {
      available: true,
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
    const notEnough = ece === null || o.yTrue.length < minCount;
    const finding: Finding = {
      id: `${CALIBRATION_CHECK}:overall`,
      check: CALIBRATION_CHECK,
      category: 'calibration',
      status: notEnough ? 'not-enough-data' : ece! >= ECE_MEDIUM ? 'issue' : 'passed',
      severity: notEnough ? 'info' : ece! >= ECE_HIGH ? 'high' : ece! >= ECE_MEDIUM ? 'medium' : 'info',
      severityRule: `Expected calibration error ${ECE_HIGH} or more → high; ${ECE_MEDIUM} or more → medium`,
      columns: input.roles.score ? [input.roles.score] : [],
      numbers: {
        ece,
        mce: uniform.maxCalibrationError.value,
        brier: uniform.brier.value,
        rows: o.yTrue.length,
        worst_says: worst?.mean_score ?? null,
        worst_observed: worst?.fraction_positive ?? null,
        worst_count: worst?.count ?? null,
        positive_label: o.positiveLabel,
        target: input.roles.target,
      },
      confidence: { sampleSize: o.yTrue.length, kind: notEnough ? 'not-enough-data' : 'estimate' },
      chart: {
        kind: 'reliability',
        bins: bins.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, meanScore: b.mean_score, fractionPositive: b.fraction_positive })),
      },
    };
    return { evidence, findings: [finding] };
  },
};
