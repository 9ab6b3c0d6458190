/**
 * Fairness findings, one per sensitive column or intersection (`fairness.groups:<key>`) and one
 * per under-represented group (`fairness.representation:<column>:<group>`).
 *
 * A gap is an issue only when it is both large and beyond chance:
 *   large — yes/no outcomes: the lowest selection rate is under 0.8 × the highest (demographic
 *           parity ratio < 0.8, the "four-fifths" line), or the equalized odds difference (the
 *           larger TPR or FPR gap) is 0.1 or more; amounts: the worst group's mean absolute error
 *           is 1.25 × the best group's or more (MAE ratio ≤ 0.8).
 *   beyond chance — the test of the two groups behind that gap has a Benjamini–Hochberg q-value at
 *           or below the false discovery rate (default 5%) over every fairness test in the run.
 * Severity: high when the ratio is below 0.6 (MAE ratio ≤ 2/3) or the equalized odds difference is
 * 0.2 or more; otherwise medium. Fewer than two groups big enough → not enough data.
 */
import type { BinaryKeyAnalysis, KeyAnalysis, RegressionKeyAnalysis } from '../../fairness/analyze';
import type { BinaryRate, GapMetric, GapTest } from '../../fairness/disparities';
import { rateOf } from '../../fairness/disparities';
import type { BinaryGroupMetrics } from '../../fairness/group-metrics';
import type { RepresentationResult } from '../../fairness/representation';
import type { Finding, FindingChart, FindingNumber } from '../../findings/types';
import type { MetricValue } from '../../metrics/types';

export const GROUPS_CHECK = 'fairness.groups';
export const REPRESENTATION_CHECK = 'fairness.representation';

export const DP_RATIO_LIMIT = 0.8;
export const DP_RATIO_HIGH = 0.6;
export const EO_DIFFERENCE_LIMIT = 0.1;
export const EO_DIFFERENCE_HIGH = 0.2;
export const MAE_RATIO_LIMIT = 0.8;
export const MAE_RATIO_HIGH = 2 / 3;
export const REPRESENTATION_HIGH_RATIO = 0.5;

const BINARY_RULE =
  'Issue when the lowest selection rate is under 0.8 × the highest (four-fifths line) or the TPR/FPR gap (equalized odds difference) is 0.1 or more, and the gap is beyond chance (Benjamini–Hochberg q ≤ the false discovery rate); high when the ratio is under 0.6 or the difference 0.2 or more, otherwise medium';
const REGRESSION_RULE =
  'Issue when the worst group’s average error is 1.25 × the best group’s or more and the gap is beyond chance (Benjamini–Hochberg q ≤ the false discovery rate); high at 1.5 × or more, otherwise medium';

function chartTitle(metric: GapMetric, key: string, positive: string): string {
  const by = `by ${key.split('+').join(' × ')}`;
  if (metric === 'selection_rate') return `Share predicted “${positive}”, ${by}`;
  if (metric === 'tpr') return `Share of actual “${positive}” the model found, ${by}`;
  if (metric === 'fpr') return `Share of actual non-“${positive}” predicted “${positive}”, ${by}`;
  if (metric === 'precision') return `Share of predicted “${positive}” that were right, ${by}`;
  return `Average error, ${by}`;
}

function intervalsChart<G extends { group: string; small: boolean }>(groups: readonly G[], value: (g: G) => MetricValue, title: string, unit: 'share' | 'number', reference: string, highlight: readonly (string | null)[]): FindingChart {
  const ref = groups.find((g) => g.group === reference);
  const refValue = ref && !ref.small ? value(ref).value : null;
  return {
    kind: 'intervals',
    title,
    labels: groups.map((g) => g.group),
    // Small groups: null, drawn as "not enough data to say" (never as 0).
    values: groups.map((g) => (g.small ? null : value(g).value)),
    lower: groups.map((g) => (g.small ? null : (value(g).ci?.lower ?? null))),
    upper: groups.map((g) => (g.small ? null : (value(g).ci?.upper ?? null))),
    unit,
    ...(refValue !== null ? { reference: { label: `${reference} (reference)`, value: refValue } } : {}),
    highlight: groups.flatMap((g, i) => (highlight.includes(g.group) ? [i] : [])),
  };
}

function testFor(a: KeyAnalysis, metric: GapMetric): GapTest | undefined {
  return a.tests.find((t) => t.metric === metric);
}

function base(a: KeyAnalysis, rows: number): Omit<Finding, 'status' | 'severity' | 'severityRule' | 'numbers'> {
  return {
    id: `${GROUPS_CHECK}:${a.key}`,
    check: GROUPS_CHECK,
    category: 'fairness',
    columns: a.columns,
    groups: a.groups.map((g) => g.group),
    confidence: { sampleSize: rows, kind: a.groups.filter((g) => !g.small).length < 2 ? 'not-enough-data' : 'estimate' },
  };
}

function testNumbers(t: GapTest | undefined): Record<string, FindingNumber> {
  return { p_value: t?.pValue ?? null, q_value: t?.qValue ?? null, test_method: t?.method ?? null, significant: t?.significant ?? null };
}

function binaryFinding(a: BinaryKeyAnalysis, positive: string, decision: string): Finding {
  const rows = a.groups.reduce((s, g) => s + g.count, 0);
  const compared = a.groups.filter((g) => !g.small).length;
  const d = a.disparities;
  const dpRatio = d.demographicParityRatio.value;
  const eo = d.equalizedOddsDifference.value;
  const selTest = testFor(a, 'selection_rate');
  const eoTest = testFor(a, d.equalizedOddsDifference.metric);
  const dpIssue = dpRatio !== null && dpRatio < DP_RATIO_LIMIT && selTest?.significant === true;
  const eoIssue = eo !== null && eo >= EO_DIFFERENCE_LIMIT && eoTest?.significant === true;
  // The gap the finding is about: demographic parity unless only equalized odds is an issue.
  const metric: BinaryRate = !dpIssue && eoIssue ? (d.equalizedOddsDifference.metric as BinaryRate) : 'selection_rate';
  const spread = a.spreads[metric];
  const test = metric === 'selection_rate' ? selTest : eoTest;
  const large = (dpRatio !== null && dpRatio < DP_RATIO_LIMIT) || (eo !== null && eo >= EO_DIFFERENCE_LIMIT);
  const status = compared < 2 ? 'not-enough-data' : dpIssue || eoIssue ? 'issue' : 'passed';
  const high = (dpIssue && dpRatio! < DP_RATIO_HIGH) || (eoIssue && eo! >= EO_DIFFERENCE_HIGH);
  return {
    ...base(a, rows),
    status,
    severity: status !== 'issue' ? 'info' : high ? 'high' : 'medium',
    severityRule: BINARY_RULE,
    numbers: {
      key: a.key,
      task: 'binary',
      positive_label: positive,
      decision_label: decision,
      metric,
      group_low: spread.lowGroup,
      group_high: spread.highGroup,
      rate_low: spread.low,
      rate_high: spread.high,
      difference: spread.difference,
      ratio: spread.ratio,
      ...testNumbers(test),
      large,
      demographic_parity_difference: d.demographicParityDifference.value,
      demographic_parity_ratio: dpRatio,
      equalized_odds_difference: eo,
      equal_opportunity_difference: d.equalOpportunityDifference.value,
      predictive_parity_difference: d.predictiveParityDifference.value,
      reference_group: a.reference.group,
      groups_compared: compared,
      groups_excluded: a.excludedGroups.length,
      excluded_groups: a.excludedGroups.join(', '),
      rows,
    },
    chart: intervalsChart<BinaryGroupMetrics>(a.groups, (g) => rateOf(g, metric), chartTitle(metric, a.key, positive), 'share', a.reference.group, [spread.lowGroup, spread.highGroup]),
  };
}

function regressionFinding(a: RegressionKeyAnalysis): Finding {
  const rows = a.groups.reduce((s, g) => s + g.count, 0);
  const compared = a.groups.filter((g) => !g.small).length;
  const ratio = a.maeRatio.value;
  const test = testFor(a, 'mae');
  const issue = ratio !== null && ratio <= MAE_RATIO_LIMIT && test?.significant === true;
  const status = compared < 2 ? 'not-enough-data' : issue ? 'issue' : 'passed';
  const lowGroup = a.groups.find((g) => g.group === a.maeDifference.lowGroup);
  const highGroup = a.groups.find((g) => g.group === a.maeDifference.highGroup);
  return {
    ...base(a, rows),
    status,
    severity: status !== 'issue' ? 'info' : ratio! <= MAE_RATIO_HIGH ? 'high' : 'medium',
    severityRule: REGRESSION_RULE,
    numbers: {
      key: a.key,
      task: 'regression',
      metric: 'mae',
      // For errors the group doing worst is the one with the highest error.
      group_low: a.maeDifference.lowGroup,
      group_high: a.maeDifference.highGroup,
      rate_low: lowGroup?.mae.value ?? null,
      rate_high: highGroup?.mae.value ?? null,
      difference: a.maeDifference.value,
      ratio,
      ...testNumbers(test),
      large: ratio !== null && ratio <= MAE_RATIO_LIMIT,
      reference_group: a.reference.group,
      groups_compared: compared,
      groups_excluded: a.excludedGroups.length,
      excluded_groups: a.excludedGroups.join(', '),
      rows,
    },
    chart: intervalsChart(a.groups, (g) => g.mae, chartTitle('mae', a.key, ''), 'number', a.reference.group, [a.maeDifference.lowGroup, a.maeDifference.highGroup]),
  };
}

/**
 * `decisionLabel`: the prediction's own word for "positive" ("approved" when the outcome is 1/0),
 * or the outcome's label when the decision comes from the score (≥ 0.5) or uses the same labels.
 */
export function groupFinding(a: KeyAnalysis, positiveLabel: string, decisionLabel = positiveLabel): Finding {
  return a.task === 'binary' ? binaryFinding(a, positiveLabel, decisionLabel) : regressionFinding(a);
}

const REPRESENTATION_RULE = 'Issue when a group’s share is under 0.8 × its expected share and the gap is beyond chance (Benjamini–Hochberg q ≤ the false discovery rate); high when under half its expected share, otherwise medium';

export function representationFindings(r: RepresentationResult, minGroupSize: number): Finding[] {
  const chartFor = (expected: number, group: string): FindingChart => ({
    kind: 'intervals',
    title: `Share of rows, by ${r.column}`,
    labels: r.groups.map((g) => g.group),
    values: r.groups.map((g) => g.observedShare.value),
    lower: r.groups.map((g) => g.observedShare.ci?.lower ?? null),
    upper: r.groups.map((g) => g.observedShare.ci?.upper ?? null),
    unit: 'share',
    reference: { label: `expected share of ${group}`, value: expected },
    highlight: r.groups.flatMap((g, i) => (g.group === group ? [i] : [])),
  });
  const common = { check: REPRESENTATION_CHECK, category: 'fairness' as const, columns: [r.column], severityRule: REPRESENTATION_RULE };
  if (r.rows < minGroupSize) {
    return [{ ...common, id: `${REPRESENTATION_CHECK}:${r.column}`, status: 'not-enough-data', severity: 'info', numbers: { column: r.column, rows: r.rows }, confidence: { sampleSize: r.rows, kind: 'not-enough-data' } }];
  }
  const flagged = r.groups.filter((g) => g.underRepresented && g.significant === true);
  if (flagged.length === 0) {
    return [{ ...common, id: `${REPRESENTATION_CHECK}:${r.column}`, status: 'passed', severity: 'info', groups: r.groups.map((g) => g.group), numbers: { column: r.column, rows: r.rows, groups: r.groups.length }, confidence: { sampleSize: r.rows, kind: 'estimate' } }];
  }
  return flagged.map((g) => ({
    ...common,
    id: `${REPRESENTATION_CHECK}:${r.column}:${g.group}`,
    status: 'issue' as const,
    severity: g.ratio !== null && g.ratio < REPRESENTATION_HIGH_RATIO ? ('high' as const) : ('medium' as const),
    groups: [g.group],
    numbers: {
      column: r.column,
      group: g.group,
      count: g.count,
      rows: r.rows,
      observed_share: g.observedShare.value,
      expected_share: g.expectedShare,
      ratio: g.ratio,
      p_value: g.pValue,
      q_value: g.qValue,
    },
    confidence: { sampleSize: r.rows, kind: 'estimate' as const, ...(g.observedShare.ci ? { interval: g.observedShare.ci } : {}) },
    chart: chartFor(g.expectedShare, g.group),
  }));
}
