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

export const PERFORMANCE_CHECK = 'model.performance';
export const EXCLUDED_CHECK = 'model.excluded-rows';

/** A metric as the report writes it: value, interval and, when undefined, the reason. */
export interface ReportMetric {
  value: number | null;
  interval: { lower: number; upper: number; level: number; method: string } | null;
  reason?: string;
}

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

function summaryFinding(o: Exclude<Outcome, { task: null }>, ev: Record<string, unknown>, auc: MetricValue | null): Finding {
  const get = (k: string): number | null => (ev[k] as ReportMetric | undefined)?.value ?? null;
  const numbers: Finding['numbers'] = { task: o.task, rows_used: o.rows.length };
  for (const k of ['accuracy', 'recall', 'precision', 'f1', 'roc_auc', 'mae', 'rmse', 'r2', 'macro_f1']) numbers[k] = get(k);
  const aucValue = auc?.value ?? null;
  // Verdict on ROC AUC when there is a score (0.5 = chance); otherwise informational.
  const weak = aucValue !== null && aucValue < 0.7;
  const chance = aucValue !== null && aucValue < 0.6;
  return {
    id: `${PERFORMANCE_CHECK}:overall`,
    check: PERFORMANCE_CHECK,
    category: 'performance',
    status: weak ? 'issue' : 'passed',
    severity: chance ? 'high' : weak ? 'medium' : 'info',
    severityRule: 'ROC AUC below 0.6 (barely better than chance) → high; below 0.7 → medium; otherwise information',
    columns: [],
    numbers,
    confidence: {
      sampleSize: o.rows.length,
      kind: o.rows.length < 30 ? 'not-enough-data' : 'estimate',
      ...(auc?.ci ? { interval: auc.ci } : {}),
    },
    ...(o.task === 'binary' && ev.confusion
      ? {
          chart: {
            kind: 'confusion' as const,
            labels: ['not ' + o.positiveLabel, o.positiveLabel],
            matrix: [
              [(ev.confusion as { tn: number }).tn, (ev.confusion as { fp: number }).fp],
              [(ev.confusion as { fn: number }).fn, (ev.confusion as { tp: number }).tp],
            ],
          },
        }
      : {}),
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
      if (o.yPred) {
        const m = multiclassMetrics(o.yTrue, o.yPred, o.classes.length);
        Object.assign(evidence, {
          accuracy: toReportMetric(m.accuracy),
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
      }
    } else {
      evidence = { task: 'regression', rows_used: o.yTrue.length };
      if (o.yPred) {
        const small = o.yTrue.length <= 50_000;
        const m = regressionMetrics(o.yTrue, o.yPred, small ? { bootstrap: { resamples: input.options.bootstrapResamples, seed: input.options.seed } } : {});
        Object.assign(evidence, {
          mae: toReportMetric(m.mae),
          rmse: toReportMetric(m.rmse),
          r2: toReportMetric(m.r2),
          mape: toReportMetric(m.mape),
          median_absolute_error: toReportMetric(m.medianAbsoluteError),
          residuals_by_decile: residualsByPredictionDecile(o.yTrue, o.yPred),
        });
      }
    }
    evidence.rows_excluded = o.excluded;
    const findings = [summaryFinding(o, evidence, auc)];
    const ex = excludedFinding(o, total);
    if (ex) findings.push(ex);
    return { evidence, findings };
  },
};
