/**
 * The model check's overall verdict (the `model.performance:overall` finding), per task:
 *  - binary: on the score's ROC AUC (0.5 = chance): < 0.6 → high, < 0.7 → medium;
 *  - multiclass: accuracy against always answering the most common true class (the
 *    no-information rate, as caret's confusionMatrix). One-sided exact binomial test of the
 *    correct answers against that share (scipy.stats.binomtest(k, n, share, alternative='greater')):
 *    accuracy at or below the share → high; above it but p > 1 − confidence level (not clearly
 *    better) → medium. With one score column per class, the macro one-vs-rest ROC AUC gets the
 *    binary rule too; the more severe of the two counts;
 *  - regression: R² ≤ 0 (no better than always predicting the mean of the true values) → high;
 *    otherwise a mean absolute error at or above that mean-predictor's → medium. R² undefined
 *    (every true value equal) → not enough data to say.
 * Without anything to judge (no prediction, no score), the finding is information only.
 */
import type { Finding, Severity } from '../../findings/types';
import type { MetricValue } from '../../metrics/types';
import { binomialUpperTail } from '../../stats/binomial';
import type { Outcome } from './outcome';

export const PERFORMANCE_CHECK = 'model.performance';
/** More classes than this: no confusion chart on the finding (the matrix stays in the evidence). */
const MAX_CHART_CLASSES = 12;

/** A metric as the report writes it: value, interval and, when undefined, the reason. */
export interface ReportMetric {
  value: number | null;
  interval: { lower: number; upper: number; level: number; method: string } | null;
  reason?: string;
}

/** Always answering the most common true class: which class, and how often that is right. */
export function majorityBaseline(yTrue: Int32Array, classes: readonly string[]): { label: string; accuracy: number } | null {
  if (yTrue.length === 0) return null;
  const counts = new Float64Array(classes.length);
  for (let i = 0; i < yTrue.length; i++) counts[yTrue[i]!]!++;
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
  return { label: classes[best]!, accuracy: counts[best]! / yTrue.length };
}

/** Always predicting the mean of the true values: that mean and its mean absolute error; null without rows. */
export function meanPredictor(yTrue: Float64Array): { mean: number; mae: number } | null {
  const n = yTrue.length;
  if (n === 0) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(yTrue[i]! - mean);
  return { mean, mae: sum / n };
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
const worse = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);

/** The binary rule on a ROC AUC: < 0.6 → high, < 0.7 → medium, else info. */
function aucSeverity(auc: number | null): Severity {
  return auc === null ? 'info' : auc < 0.6 ? 'high' : auc < 0.7 ? 'medium' : 'info';
}

interface Verdict {
  status: Finding['status'];
  severity: Severity;
  rule: string;
  numbers: Finding['numbers'];
}

const AUC_RULE = 'ROC AUC below 0.6 (barely better than chance) → high; below 0.7 → medium; otherwise information';

function multiclassVerdict(get: (k: string) => number | null, ev: Record<string, unknown>, alpha: number): Verdict {
  const accuracy = get('accuracy');
  const baseline = get('baseline_accuracy');
  const p = get('accuracy_vs_baseline_p');
  const auc = get('roc_auc_ovr_macro');
  let severity: Severity = 'info';
  if (accuracy !== null && baseline !== null && p !== null) severity = accuracy <= baseline ? 'high' : p > alpha ? 'medium' : 'info';
  severity = worse(severity, aucSeverity(auc));
  return {
    status: severity === 'info' ? 'passed' : 'issue',
    severity,
    rule: `Accuracy no higher than always answering the most common class → high; higher but not clearly (one-sided exact binomial test, p > ${Math.round(alpha * 1000) / 1000}) → medium; with a score per class, macro one-vs-rest ${AUC_RULE.replace(/; otherwise information$/, '')}; otherwise information`,
    numbers: {
      baseline_accuracy: baseline,
      majority_class: typeof ev.majority_class === 'string' ? ev.majority_class : null,
      accuracy_vs_baseline_p: p,
      roc_auc_ovr_macro: auc,
      weighted_f1: get('weighted_f1'),
      log_loss: get('log_loss'),
    },
  };
}

function regressionVerdict(get: (k: string) => number | null): Verdict {
  const r2 = get('r2');
  const mae = get('mae');
  const baseline = get('baseline_mae');
  const severity: Severity = r2 === null ? 'info' : r2 <= 0 ? 'high' : mae !== null && baseline !== null && mae >= baseline ? 'medium' : 'info';
  return {
    status: r2 === null && mae !== null ? 'not-enough-data' : severity === 'info' ? 'passed' : 'issue',
    severity,
    rule: 'R² of 0 or less (no better than always guessing the average) → high; a mean absolute error no smaller than always guessing the average → medium; otherwise information',
    numbers: { baseline_mae: baseline, mean_true: get('mean_true') },
  };
}

export function summaryFinding(o: Exclude<Outcome, { task: null }>, ev: Record<string, unknown>, auc: MetricValue | null, confidenceLevel: number): Finding {
  const metric = (k: string): ReportMetric | undefined => ev[k] as ReportMetric | undefined;
  const get = (k: string): number | null => {
    const v = ev[k];
    return typeof v === 'number' ? v : ((v as ReportMetric | undefined)?.value ?? null);
  };
  const numbers: Finding['numbers'] = { task: o.task, rows_used: o.rows.length };
  for (const k of ['accuracy', 'recall', 'precision', 'f1', 'roc_auc', 'mae', 'rmse', 'r2', 'macro_f1']) numbers[k] = get(k);
  let verdict: Verdict;
  let interval = auc?.ci;
  if (o.task === 'multiclass') {
    verdict = multiclassVerdict(get, ev, 1 - confidenceLevel);
    const a = metric('accuracy')?.interval;
    interval = a ? { ...a, method: a.method as 'wilson' } : undefined;
  } else if (o.task === 'regression') {
    verdict = regressionVerdict(get);
    const m = metric('mae')?.interval;
    interval = m ? { ...m, method: m.method as 'bootstrap-percentile' } : undefined;
  } else {
    const severity = aucSeverity(auc?.value ?? null);
    verdict = { status: severity === 'info' ? 'passed' : 'issue', severity, rule: AUC_RULE, numbers: {} };
  }
  Object.assign(numbers, verdict.numbers);
  const notEnough = o.rows.length < 30 || verdict.status === 'not-enough-data';
  return {
    id: `${PERFORMANCE_CHECK}:overall`,
    check: PERFORMANCE_CHECK,
    category: 'performance',
    status: verdict.status,
    severity: verdict.severity,
    severityRule: verdict.rule,
    columns: [],
    numbers,
    confidence: { sampleSize: o.rows.length, kind: notEnough ? 'not-enough-data' : 'estimate', ...(interval ? { interval } : {}) },
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
    ...(o.task === 'multiclass' && Array.isArray(ev.confusion_matrix) && o.classes.length <= MAX_CHART_CLASSES
      ? { chart: { kind: 'confusion' as const, labels: [...o.classes], matrix: ev.confusion_matrix as number[][] } }
      : {}),
  };
}

/** accuracy_vs_baseline_p: P(at least `correct` right answers out of `rows`) when each is right with the baseline share. */
export function accuracyVsBaselineP(correct: number, rows: number, baseline: number): number {
  return binomialUpperTail(correct, rows, baseline);
}
