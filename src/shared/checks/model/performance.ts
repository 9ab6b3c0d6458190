/**
 * Model performance: how often the model is right, for whom, with intervals — binary, multiclass or
 * regression, from the columns the roles name. Evidence uses the report's field names
 * (docs/report-format.md). Rows with a missing outcome, prediction or score are left out and counted.
 */
import { metricsFromCounts, confusionCounts, f1FromCounts } from '../../metrics/binary';
import { confusionBootstrap, delongAucSorted } from '../../metrics/fast-intervals';
import { multiclassConfusionMatrix, multiclassLogLoss, multiclassMetrics, oneVsRestRocAuc } from '../../metrics/multiclass';
import { evenThresholds, thresholdTable } from '../../metrics/thresholds';
import { brierScore, logLoss } from '../../metrics/probabilistic';
import { averagePrecision, prCurve, rocCurve } from '../../metrics/ranking';
import { regressionMetrics, residualsByPredictionDecile } from '../../metrics/regression';
import { rankSortedScores } from '../../metrics/score-ranking';
import type { MetricValue } from '../../metrics/types';
import type { Finding } from '../../findings/types';
import { cacheOf, type CheckCache } from '../cache/check-cache';
import { outcomeOf, scoresByClassOf } from '../cache/shared-work';
import type { Check, CheckInput, CheckOutput } from '../types';
import type { Outcome } from './outcome';
import { accuracyVsBaselineP, majorityBaseline, meanPredictor, PERFORMANCE_CHECK, summaryFinding, type ReportMetric } from './verdict';

export { PERFORMANCE_CHECK, type ReportMetric } from './verdict';
export const EXCLUDED_CHECK = 'model.excluded-rows';

export function toReportMetric(m: MetricValue): ReportMetric {
  const out: ReportMetric = { value: m.value, interval: m.ci ? { lower: m.ci.lower, upper: m.ci.upper, level: m.ci.level, method: m.ci.method } : null };
  if (m.reason) out.reason = m.reason;
  return out;
}

/** Keeps a curve small for storage and charts: at most `max` points, always the first and last. */
function thin(xs: ArrayLike<number>, ys: ArrayLike<number>, max = 200): { x: number[]; y: number[] } {
  const n = xs.length;
  const step = Math.max(1, Math.ceil(n / max));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i += step) {
    x.push(xs[i]!);
    y.push(ys[i]!);
  }
  if (n > 0 && (n - 1) % step !== 0) {
    x.push(xs[n - 1]!);
    y.push(ys[n - 1]!);
  }
  return { x, y };
}

function binaryEvidence(o: Extract<Outcome, { task: 'binary' }>, input: CheckInput, cache: CheckCache): { evidence: Record<string, unknown>; auc: MetricValue | null } {
  const level = input.options.confidenceLevel;
  const ev: Record<string, unknown> = { task: 'binary', rows_used: o.yTrue.length, positive_class: o.positiveLabel, prediction_from: o.predictionFrom };
  let auc: MetricValue | null = null;
  if (o.yPred) {
    const c = confusionCounts(o.yTrue, o.yPred);
    const m = metricsFromCounts(c, level);
    const f1ci = confusionBootstrap(c, (x) => f1FromCounts(x).value, { resamples: input.options.bootstrapResamples, level, seed: input.options.seed });
    Object.assign(ev, {
      confusion: c,
      accuracy: toReportMetric(m.accuracy),
      balanced_accuracy: toReportMetric(m.balancedAccuracy),
      precision: toReportMetric(m.precision),
      recall: toReportMetric(m.recall),
      specificity: toReportMetric(m.specificity),
      fpr: toReportMetric(m.falsePositiveRate),
      f1: toReportMetric(f1ci && m.f1.value !== null ? { ...m.f1, ci: f1ci } : m.f1),
      mcc: toReportMetric(m.mcc),
      base_rate: toReportMetric(m.baseRate),
      selection_rate: toReportMetric(m.selectionRate),
    });
  }
  if (o.score) {
    // One sort of the scores by class (shared with calibration) for the ranking and DeLong's interval.
    const byClass = scoresByClassOf(cache, o.yTrue, o.score);
    const ranking = rankSortedScores(byClass.positives, byClass.negatives);
    const d = delongAucSorted(byClass, level);
    auc = d ? { value: d.auc, ci: d.interval } : { value: null, reason: 'Only one kind of outcome is present, so ROC AUC is undefined.' };
    const roc = rocCurve(ranking);
    // Each metric across 101 thresholds, for the threshold slider (predicted positive when score ≥ t).
    const thresholds = thresholdTable(ranking, evenThresholds(100));
    const pr = prCurve(ranking);
    Object.assign(ev, {
      roc_auc: toReportMetric(auc),
      pr_auc: toReportMetric(averagePrecision(ranking)),
      log_loss: toReportMetric(logLoss(o.yTrue, o.score)),
      brier: toReportMetric(brierScore(o.yTrue, o.score)),
      roc_curve: roc.defined ? thin(roc.value.fpr, roc.value.tpr) : null,
      pr_curve: pr.defined ? thin(pr.value.recall, pr.value.precision) : null,
      threshold_table: thresholds.rows,
    });
  }
  return { evidence: ev, auc };
}

function excludedFinding(o: Exclude<Outcome, { task: null }>, total: number): Finding | null {
  const { missingTarget, missingPrediction, missingScore } = o.excluded;
  const n = missingTarget + missingPrediction + missingScore;
  if (n === 0) return null;
  return {
    id: `${EXCLUDED_CHECK}:all`,
    check: EXCLUDED_CHECK,
    category: 'performance',
    status: 'issue',
    severity: n / total >= 0.2 ? 'medium' : 'low',
    severityRule: '20% or more of the rows left out → medium; fewer → low',
    columns: [],
    numbers: { excluded: n, rows: total, share: n / total, missing_target: missingTarget, missing_prediction: missingPrediction, missing_score: missingScore },
    confidence: { sampleSize: total, kind: 'exact' },
  };
}

export const performanceCheck: Check = {
  id: PERFORMANCE_CHECK,
  category: 'performance',
  run(input): CheckOutput {
    const cache = cacheOf(input);
    const o = outcomeOf(cache, input.roles);
    if (o.task === null) return { evidence: { task: null, reason: o.reason }, findings: [] };
    const total = input.table.rowCount;
    let evidence: Record<string, unknown>;
    let auc: MetricValue | null = null;
    if (o.task === 'binary') ({ evidence, auc } = binaryEvidence(o, input, cache));
    else if (o.task === 'multiclass') {
      evidence = { task: 'multiclass', rows_used: o.yTrue.length, classes: o.classes };
      const baseline = majorityBaseline(o.yTrue, o.classes);
      if (o.yPred) {
        const m = multiclassMetrics(o.yTrue, o.yPred, o.classes.length, { level: input.options.confidenceLevel });
        let correct = 0;
        for (let i = 0; i < o.yTrue.length; i++) if (o.yTrue[i] === o.yPred[i]) correct++;
        Object.assign(evidence, {
          accuracy: toReportMetric(m.accuracy),
          // Always answering the most common true class: the accuracy to beat (no-information rate).
          majority_class: baseline?.label ?? null,
          baseline_accuracy: baseline?.accuracy ?? null,
          accuracy_vs_baseline_p: baseline ? accuracyVsBaselineP(correct, o.yTrue.length, baseline.accuracy) : null,
          macro_f1: toReportMetric(m.macro.f1),
          weighted_f1: toReportMetric(m.weighted.f1),
          per_class: m.perClass.map((c, i) => ({ class: o.classes[i], precision: toReportMetric(c.precision), recall: toReportMetric(c.recall), f1: toReportMetric(c.f1), support: c.support })),
          confusion_matrix: multiclassConfusionMatrix(o.yTrue, o.yPred, o.classes.length),
        });
      }
      if (o.scores) {
        const auc = oneVsRestRocAuc(o.yTrue, o.scores, o.classes.length);
        const loss = multiclassLogLoss(o.yTrue, o.scores, o.classes.length);
        Object.assign(evidence, {
          log_loss: toReportMetric(loss),
          rows_not_summing_to_one: loss.rowsNotSummingToOne,
          roc_auc_ovr_macro: toReportMetric(auc.macro),
          roc_auc_ovr_weighted: toReportMetric(auc.weighted),
          roc_auc_per_class: auc.perClass.map((m, i) => ({ class: o.classes[i], roc_auc: toReportMetric(m) })),
        });
      } else if (o.scoresReason) {
        // Score columns were named but cannot be used: said, not left out silently.
        const none: ReportMetric = { value: null, interval: null, reason: o.scoresReason };
        Object.assign(evidence, { log_loss: none, roc_auc_ovr_macro: none, roc_auc_ovr_weighted: none, scores_reason: o.scoresReason });
      }
    } else {
      evidence = { task: 'regression', rows_used: o.yTrue.length };
      if (o.yPred) {
        const small = o.yTrue.length <= 50_000;
        const mean = meanPredictor(o.yTrue);
        const m = regressionMetrics(o.yTrue, o.yPred, small ? { bootstrap: { resamples: input.options.bootstrapResamples, seed: input.options.seed } } : {});
        Object.assign(evidence, {
          mae: toReportMetric(m.mae),
          rmse: toReportMetric(m.rmse),
          r2: toReportMetric(m.r2),
          mape: toReportMetric(m.mape),
          median_absolute_error: toReportMetric(m.medianAbsoluteError),
          // Always predicting the mean of the true values: the error to beat (R² compares squares with it).
          mean_true: mean?.mean ?? null,
          baseline_mae: mean?.mae ?? null,
          residuals_by_decile: residualsByPredictionDecile(o.yTrue, o.yPred),
        });
      }
    }
    evidence.rows_excluded = o.excluded;
    const findings = [summaryFinding(o, evidence, auc, input.options.confidenceLevel)];
    const ex = excludedFinding(o, total);
    if (ex) findings.push(ex);
    return { evidence, findings };
  },
};
