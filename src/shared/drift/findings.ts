/**
 * Findings from a dataset comparison (src/shared/findings/types.ts; words in texts-en.ts):
 *
 * - drift.column: one per compared feature column. Issue when it drifted (PSI ≥ moderate AND
 *   detectable): major → medium, moderate → low. "Not enough data" when the change looks large but
 *   is not detectable, or a side has fewer than minRows values. Passed otherwise.
 * - drift.dataset: the share of drifted columns (≥ datasetShare → medium, any → low), plus columns
 *   only on one side and changed types (→ at least medium: a model reading them may break).
 * - drift.prediction: score and decision columns; major → high, moderate → medium.
 * - drift.label: the outcome's distribution; major → medium, moderate → low.
 * - drift.performance: each metric (and each group that got detectably worse). A drop of
 *   performanceDropHigh or more whose interval excludes no change → high, of performanceDropMedium
 *   → medium, a smaller detectable drop → low; a large drop that could be chance → not enough data.
 *   MAE is judged on its relative rise.
 * - drift.estimated-performance: when the current batch has scores but no labels; judged like
 *   drift.performance against the reference's measured accuracy, "not enough data" when unreliable.
 *
 * Charts: a column's change in share per PSI bin with Newcombe intervals (what moved, and whether
 * it could be noise); the dataset's effect per column, largest first, with the moderate threshold
 * as the reference line; metrics on both sides with their intervals. The overlaid histograms live
 * in the comparison result (ColumnDrift.histogram), not in the finding.
 */
import type { Finding, FindingChart, FindingNumber, Severity } from '../findings/types';
import { formatCount, formatNumber } from '../text/format';
import type { DatasetDrift } from './compare-datasets';
import type { EstimatedPerformance } from './estimate-performance';
import { type DriftOptions, driftOptions } from './options';
import { newcombeDifference } from './performance-change';
import type { ColumnDrift, DriftSeverity, GroupChange, MetricChange, SliceChange } from './types';

export const DRIFT_CHECKS = ['drift.column', 'drift.dataset', 'drift.prediction', 'drift.label', 'drift.performance', 'drift.estimated-performance'] as const;
export type DriftCheck = (typeof DRIFT_CHECKS)[number];

const SEVERITY_BY_CHECK: Record<'drift.column' | 'drift.prediction' | 'drift.label', Record<Exclude<DriftSeverity, 'none'>, Severity>> = {
  'drift.column': { major: 'medium', moderate: 'low' },
  'drift.prediction': { major: 'high', moderate: 'medium' },
  'drift.label': { major: 'medium', moderate: 'low' },
};
const rank = (s: Severity): number => ['critical', 'high', 'medium', 'low', 'info'].indexOf(s);

function binLabel(lower: number | null | undefined, upper: number | null | undefined): string {
  if (lower == null && upper == null) return 'all values';
  if (lower == null) return `≤ ${formatNumber(upper!)}`;
  if (upper == null) return `> ${formatNumber(lower)}`;
  return `${formatNumber(lower)} – ${formatNumber(upper)}`;
}

/** Change in share (current − reference) per PSI bin, each with its Newcombe interval. */
function shareChangeChart(c: ColumnDrift, level: number, limit = 12): FindingChart | undefined {
  if (c.psi_bins.length === 0) return undefined;
  let bins = c.psi_bins.map((b, k) => ({ b, k }));
  if (c.type === 'categorical') bins = bins.sort((x, y) => y.b.contribution - x.b.contribution).slice(0, limit);
  const labels = bins.map(({ b }) => b.label ?? binLabel(b.lower, b.upper));
  const values = bins.map(({ b }) => b.cur_share - b.ref_share);
  const intervals = bins.map(({ b }) => newcombeDifference(Math.round(b.cur_share * c.rows_cur), c.rows_cur, Math.round(b.ref_share * c.rows_ref), c.rows_ref, level));
  const total = c.psi ?? 0;
  const highlight = bins.map(({ b }, i) => (total > 0 && b.contribution >= 0.2 * total ? i : -1)).filter((i) => i >= 0);
  return {
    kind: 'intervals',
    title: c.type === 'numeric' ? `Change in share of ${c.name} per reference decile (current − reference)` : `Change in share of ${c.name}'s largest movers (current − reference)`,
    labels,
    values,
    lower: intervals.map((i) => i?.lower ?? null),
    upper: intervals.map((i) => i?.upper ?? null),
    unit: 'share',
    reference: { label: 'no change', value: 0 },
    ...(highlight.length ? { highlight } : {}),
  };
}

function columnNumbers(c: ColumnDrift, o: DriftOptions): Record<string, FindingNumber> {
  const top = c.new_categories[0];
  return {
    column: c.name,
    type: c.type,
    test: c.test,
    statistic: c.statistic,
    p_value: c.p_value,
    p_value_method: c.p_value_method,
    psi: c.psi,
    effect: c.effect,
    effect_kind: c.effect_kind,
    grade: c.severity,
    detectable: c.detectable,
    drifted: c.drifted,
    explanation: c.explanation,
    wasserstein_normalised: c.wasserstein_normalised,
    js_distance: c.js_distance,
    median_ref: c.summary_ref?.median ?? null,
    median_cur: c.summary_cur?.median ?? null,
    mean_ref: c.summary_ref?.mean ?? null,
    mean_cur: c.summary_cur?.mean ?? null,
    missing_rate_ref: c.missing_rate_ref,
    missing_rate_cur: c.missing_rate_cur,
    missing_psi: c.missing_psi,
    new_categories: c.new_categories_total,
    new_category_top: top?.value ?? null,
    new_category_top_share: top?.share ?? null,
    vanished_categories: c.vanished_categories_total,
    top_change_value: c.largest_share_change?.value ?? null,
    top_change_ref: c.largest_share_change?.ref_share ?? null,
    top_change_cur: c.largest_share_change?.cur_share ?? null,
    rows_ref: c.rows_ref,
    rows_cur: c.rows_cur,
    psi_moderate: o.psiModerate,
    psi_major: o.psiMajor,
    alpha: o.alpha,
  };
}

function distributionFinding(check: 'drift.column' | 'drift.prediction' | 'drift.label', c: ColumnDrift, o: DriftOptions, extra: Record<string, FindingNumber> = {}): Finding {
  const map = SEVERITY_BY_CHECK[check];
  const notEnough = c.explanation === 'not-enough-data' || c.explanation === 'large-not-detectable';
  const chart = shareChangeChart(c, o.confidenceLevel);
  return {
    id: `${check}:${c.name}`,
    check,
    category: 'drift',
    status: c.drifted ? 'issue' : notEnough ? 'not-enough-data' : 'passed',
    severity: c.drifted && c.severity !== 'none' ? map[c.severity] : 'info',
    severityRule: `PSI ${o.psiMajor} or more and statistically detectable (p < ${o.alpha}) → ${map.major}; PSI ${o.psiModerate} or more and detectable → ${map.moderate}`,
    columns: [c.name],
    numbers: { ...columnNumbers(c, o), ...extra },
    confidence: { sampleSize: Math.min(c.rows_ref, c.rows_cur), kind: c.explanation === 'not-enough-data' ? 'not-enough-data' : 'estimate' },
    ...(chart ? { chart } : {}),
  };
}

function datasetFinding(d: DatasetDrift, o: DriftOptions): Finding {
  const schemaChanged = d.only_in_reference.length > 0 || d.type_mismatches.length > 0;
  let severity: Severity = d.verdict.severity === 'major' ? 'medium' : d.verdict.severity === 'moderate' ? 'low' : 'info';
  if (schemaChanged && rank(severity) > rank('medium')) severity = 'medium';
  const ranked = [...d.columns].sort((a, b) => (b.effect ?? -1) - (a.effect ?? -1));
  const shown = ranked.slice(0, 20);
  const largest = ranked[0];
  const drifted = ranked.filter((c) => c.drifted);
  return {
    id: 'drift.dataset:overall',
    check: 'drift.dataset',
    category: 'drift',
    status: d.compared === 0 ? 'not-enough-data' : d.verdict.severity !== 'none' || schemaChanged ? 'issue' : 'passed',
    severity,
    severityRule: `${Math.round(o.datasetShare * 100)}% or more of the compared columns drifted → medium; at least one → low; a column missing from the current batch or with a changed type → at least medium`,
    columns: drifted.map((c) => c.name),
    numbers: {
      compared: d.compared,
      drifted: d.drifted_count,
      share_drifted: d.share_drifted,
      dataset_share: o.datasetShare,
      dataset_drifted: d.verdict.drifted,
      grade: d.verdict.severity,
      largest_column: largest?.name ?? null,
      largest_effect: largest?.effect ?? null,
      largest_grade: largest?.severity ?? null,
      drifted_columns: drifted.map((c) => c.name).join(', ') || null,
      only_in_reference: d.only_in_reference.join(', ') || null,
      only_in_current: d.only_in_current.join(', ') || null,
      type_mismatches: d.type_mismatches.map((m) => `${m.name} (${m.type_ref} → ${m.type_cur})`).join(', ') || null,
      skipped: d.skipped.length,
      rows_ref: d.rows_ref,
      rows_cur: d.rows_cur,
      psi_moderate: o.psiModerate,
    },
    confidence: { sampleSize: Math.min(d.rows_ref, d.rows_cur), kind: d.compared === 0 ? 'not-enough-data' : 'estimate' },
    ...(shown.length
      ? {
          chart: {
            kind: 'intervals' as const,
            title: 'How much each column changed (PSI), largest first',
            labels: shown.map((c) => c.name),
            values: shown.map((c) => c.effect),
            lower: shown.map(() => null),
            upper: shown.map(() => null),
            unit: 'number' as const,
            reference: { label: `moderate change (${o.psiModerate})`, value: o.psiModerate },
            highlight: shown.flatMap((c, i) => (c.drifted ? [i] : [])),
          },
        }
      : {}),
  };
}

/** Size of a drop as a fraction: points for accuracy and AUC, relative rise for MAE. */
const dropOf = (m: MetricChange): number => (m.metric === 'mae' ? (m.reference > 0 ? (m.current - m.reference) / m.reference : 0) : m.reference - m.current);

function judgeDrop(drop: number, worse: boolean, o: DriftOptions): { status: Finding['status']; severity: Severity } {
  if (worse) return { status: 'issue', severity: drop >= o.performanceDropHigh ? 'high' : drop >= o.performanceDropMedium ? 'medium' : 'low' };
  if (drop >= o.performanceDropMedium) return { status: 'not-enough-data', severity: 'info' };
  return { status: 'passed', severity: 'info' };
}

const DROP_RULE = (o: DriftOptions): string =>
  `A drop of ${o.performanceDropHigh * 100} points or more (for MAE: a ${o.performanceDropHigh * 100}% rise) whose interval excludes no change → high; ${o.performanceDropMedium * 100} or more → medium; smaller but detectable → low`;

function metricFinding(m: MetricChange | GroupChange | SliceChange, o: DriftOptions, target: string | null): Finding {
  const group = 'group' in m ? m : null;
  const slice = 'description' in m ? m : null;
  const sliceColumns = slice ? [...new Set(slice.conditions.map((c) => c.column))] : [];
  const { status, severity } = judgeDrop(dropOf(m), m.worse, o);
  const ci = m.interval.method === 'delong' || m.interval.method === 'normal' ? { interval: { lower: m.interval.lower, upper: m.interval.upper, level: m.interval.level, method: m.interval.method } } : {};
  return {
    id: group ? `drift.performance:${m.metric}:${group.column}=${group.group}` : slice ? `drift.performance:${m.metric}:slice:${slice.description}` : `drift.performance:${m.metric}`,
    check: 'drift.performance',
    category: 'drift',
    status,
    severity,
    severityRule: DROP_RULE(o),
    columns: [...(target ? [target] : []), ...(group ? [group.column] : []), ...sliceColumns],
    ...(group ? { groups: [`${group.column} = ${group.group}`] } : slice ? { groups: [slice.description], conditions: slice.conditions } : {}),
    numbers: {
      metric: m.metric,
      reference: m.reference,
      current: m.current,
      difference: m.difference,
      lower: m.interval.lower,
      upper: m.interval.upper,
      level: m.interval.level,
      interval_method: m.interval.method,
      worse: m.worse,
      better: m.better,
      rows_ref: m.rows_ref,
      rows_cur: m.rows_cur,
      group_column: group?.column ?? null,
      group: group?.group ?? null,
      slice: slice?.description ?? null,
      q_value: group?.q_value ?? slice?.q_value ?? null,
    },
    confidence: { sampleSize: Math.min(m.rows_ref, m.rows_cur), kind: 'estimate', ...ci },
    chart: {
      kind: 'intervals',
      title: `${m.metric === 'roc_auc' ? 'ROC AUC' : m.metric === 'mae' ? 'Mean absolute error' : 'Accuracy'}${group ? ` for ${group.column} = ${group.group}` : slice ? ` where ${slice.description}` : ''}, reference and current`,
      labels: ['reference', 'current'],
      values: [m.reference, m.current],
      lower: [m.interval_ref.lower, m.interval_cur.lower],
      upper: [m.interval_ref.upper, m.interval_cur.upper],
      unit: m.metric === 'mae' ? 'number' : 'share',
      reference: { label: 'reference', value: m.reference },
      ...(m.worse ? { highlight: [1] } : {}),
    },
  };
}

function estimatedFinding(e: EstimatedPerformance, o: DriftOptions, score: string | null): Finding {
  const acc = e.accuracy;
  const refAcc = e.reference_check?.accuracy_realized ?? null;
  const drop = acc && refAcc !== null ? refAcc - acc.estimate : 0;
  const worse = !!acc && refAcc !== null && acc.interval.upper < refAcc;
  const judged = e.available && e.reliable ? judgeDrop(drop, worse, o) : { status: 'not-enough-data' as const, severity: 'info' as const };
  return {
    id: 'drift.estimated-performance:accuracy',
    check: 'drift.estimated-performance',
    category: 'drift',
    status: judged.status,
    severity: judged.severity,
    severityRule: `${DROP_RULE(o)} (the estimate's interval against the reference's measured accuracy); unreliable estimates are never flagged`,
    columns: score ? [score] : [],
    numbers: {
      available: e.available,
      reliable: e.reliable,
      reliability: e.reliability,
      reliability_reason: e.reliability_reason ?? e.reason ?? null,
      recalibration: e.recalibration,
      ece_reference: e.ece_reference,
      ece_after_recalibration: e.ece_after_recalibration,
      ece_limit: e.ece_limit,
      accuracy_estimate: acc?.estimate ?? null,
      accuracy_lower: acc?.interval.lower ?? null,
      accuracy_upper: acc?.interval.upper ?? null,
      accuracy_reference: refAcc,
      roc_auc_estimate: e.roc_auc?.estimate ?? null,
      roc_auc_lower: e.roc_auc?.interval.lower ?? null,
      roc_auc_upper: e.roc_auc?.interval.upper ?? null,
      roc_auc_reference: e.reference_check?.roc_auc_realized ?? null,
      share_outside_reference_range: e.share_outside_reference_range,
      rows_ref: e.rows_ref,
      rows_cur: e.rows_cur,
      level: o.confidenceLevel,
    },
    confidence: acc
      ? { sampleSize: e.rows_cur, kind: 'estimate', interval: { lower: acc.interval.lower, upper: acc.interval.upper, level: acc.interval.level, method: 'normal' } }
      : { sampleSize: e.rows_cur, kind: 'not-enough-data' },
    ...(acc && refAcc !== null
      ? {
          chart: {
            kind: 'intervals' as const,
            title: `Accuracy: measured on the reference, estimated for the current batch (${formatCount(e.rows_cur)} rows)`,
            labels: ['reference (measured)', 'current (estimated)'],
            values: [refAcc, acc.estimate],
            lower: [null, acc.interval.lower],
            upper: [null, acc.interval.upper],
            unit: 'share' as const,
            reference: { label: 'reference', value: refAcc },
            ...(worse ? { highlight: [1] } : {}),
          },
        }
      : {}),
  };
}

/** Every finding of a comparison, in a stable order: dataset, columns, model, performance. */
export function driftFindings(d: DatasetDrift, roles: { target: string | null; score: string | null; positiveClass?: string | null; prediction?: string | null; predictionPositive?: string | null }, partial: Partial<DriftOptions> = {}): Finding[] {
  const o = driftOptions(partial);
  const out: Finding[] = [datasetFinding(d, o)];
  for (const c of d.columns) out.push(distributionFinding('drift.column', c, o));
  const positiveShare = (c: ColumnDrift, label: string | null | undefined): Record<string, FindingNumber> => {
    const bin = label == null ? undefined : c.psi_bins.find((b) => b.label === label);
    return { positive_label: label ?? null, positive_ref: bin?.ref_share ?? null, positive_cur: bin?.cur_share ?? null };
  };
  if (d.prediction.score) out.push(distributionFinding('drift.prediction', d.prediction.score, o, { role: 'score' }));
  if (d.prediction.prediction) {
    out.push(distributionFinding('drift.prediction', d.prediction.prediction, o, { role: 'prediction', ...positiveShare(d.prediction.prediction, roles.predictionPositive ?? roles.positiveClass) }));
  }
  if (d.label) out.push(distributionFinding('drift.label', d.label, o, { role: 'outcome', ...positiveShare(d.label, roles.positiveClass) }));
  for (const m of d.performance?.metrics ?? []) out.push(metricFinding(m, o, roles.target));
  for (const g of d.performance?.groups ?? []) if (g.worse) out.push(metricFinding(g, o, roles.target));
  for (const sl of d.performance?.slices ?? []) if (sl.worse) out.push(metricFinding(sl, o, roles.target));
  if (d.estimated_performance && !d.labels_available.current) out.push(estimatedFinding(d.estimated_performance, o, roles.score));
  return out;
}
