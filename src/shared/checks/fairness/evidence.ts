/**
 * The fairness analysis in the report's words (snake_case, metrics as { value, interval, reason? }).
 * The report builder puts `by` under `fairness` (docs/report-format.md).
 */
import type { Disparity, GapTest } from '../../fairness/disparities';
import type { BinaryKeyAnalysis, KeyAnalysis, RegressionKeyAnalysis, WorstIntersection } from '../../fairness/analyze';
import type { RepresentationResult } from '../../fairness/representation';
import { undefinedMetric } from '../../metrics/types';
import { toReportMetric, type ReportMetric } from '../model/performance';

export const ONLY_YES_NO = 'Only measured for yes/no outcomes.';
export const ONLY_AMOUNTS = 'Only measured for amounts (regression).';

export interface DisparityEvidence {
  value: number | null;
  high_group: string | null;
  low_group: string | null;
  metric: string;
  reason?: string;
}

export interface GroupEvidence {
  group: string;
  count: number;
  share: number;
  confusion?: { tn: number; fp: number; fn: number; tp: number };
  base_rate: ReportMetric;
  selection_rate: ReportMetric;
  tpr: ReportMetric;
  fpr: ReportMetric;
  fnr: ReportMetric;
  precision: ReportMetric;
  accuracy: ReportMetric;
  roc_auc?: ReportMetric;
  ece?: ReportMetric;
  mean_score?: ReportMetric;
  mae?: ReportMetric;
  rmse?: ReportMetric;
  small_group: boolean;
  small_group_reason?: string;
}

export interface TestEvidence {
  metric: string;
  high_group: string;
  low_group: string;
  high: { value: number; k?: number; n: number };
  low: { value: number; k?: number; n: number };
  difference: number;
  method: string;
  p_value: number;
  q_value: number | null;
  significant: boolean | null;
}

export interface KeyEvidence {
  columns: string[];
  reference_group: string;
  reference_chosen_by: 'person' | 'largest';
  reference_note?: string;
  groups: GroupEvidence[];
  demographic_parity_difference: DisparityEvidence;
  demographic_parity_ratio: DisparityEvidence;
  equalized_odds_difference: DisparityEvidence;
  equal_opportunity_difference: DisparityEvidence;
  predictive_parity_difference: DisparityEvidence;
  /** Regression only (null with a reason otherwise). */
  mae_difference: DisparityEvidence;
  mae_ratio: DisparityEvidence;
  tests: TestEvidence[];
  excluded_groups: string[];
  ratio_to_reference: Record<string, Record<string, number | null>>;
  thresholds?: { values: number[]; groups: { group: string; selection_rate: (number | null)[]; tpr: (number | null)[]; fpr: (number | null)[] }[] };
}

const disparity = (d: Disparity): DisparityEvidence => ({
  value: d.value,
  high_group: d.highGroup,
  low_group: d.lowGroup,
  metric: d.metric,
  ...(d.reason ? { reason: d.reason } : {}),
});

const notMeasured = (metric: string, reason: string): DisparityEvidence => ({ value: null, high_group: null, low_group: null, metric, reason });

export const testEvidence = (t: GapTest): TestEvidence => ({
  metric: t.metric,
  high_group: t.highGroup,
  low_group: t.lowGroup,
  high: t.high,
  low: t.low,
  difference: t.difference,
  method: t.method,
  p_value: t.pValue,
  q_value: t.qValue,
  significant: t.significant,
});

function binaryKey(a: BinaryKeyAnalysis): Pick<KeyEvidence, 'groups' | 'demographic_parity_difference' | 'demographic_parity_ratio' | 'equalized_odds_difference' | 'equal_opportunity_difference' | 'predictive_parity_difference' | 'mae_difference' | 'mae_ratio' | 'thresholds'> {
  const groups: GroupEvidence[] = a.groups.map((g) => ({
    group: g.group,
    count: g.count,
    share: g.share,
    confusion: g.confusion,
    base_rate: toReportMetric(g.baseRate),
    selection_rate: toReportMetric(g.selectionRate),
    tpr: toReportMetric(g.tpr),
    fpr: toReportMetric(g.fpr),
    fnr: toReportMetric(g.fnr),
    precision: toReportMetric(g.precision),
    accuracy: toReportMetric(g.accuracy),
    ...(g.rocAuc ? { roc_auc: toReportMetric(g.rocAuc) } : {}),
    ...(g.ece ? { ece: toReportMetric(g.ece) } : {}),
    ...(g.meanScore ? { mean_score: toReportMetric(g.meanScore) } : {}),
    small_group: g.small,
    ...(g.smallReason ? { small_group_reason: g.smallReason } : {}),
  }));
  const d = a.disparities;
  return {
    groups,
    demographic_parity_difference: disparity(d.demographicParityDifference),
    demographic_parity_ratio: disparity(d.demographicParityRatio),
    equalized_odds_difference: disparity(d.equalizedOddsDifference),
    equal_opportunity_difference: disparity(d.equalOpportunityDifference),
    predictive_parity_difference: disparity(d.predictiveParityDifference),
    mae_difference: notMeasured('mae', ONLY_AMOUNTS),
    mae_ratio: notMeasured('mae', ONLY_AMOUNTS),
    ...(a.thresholds
      ? { thresholds: { values: a.thresholds.values, groups: a.thresholds.groups.map((c) => ({ group: c.group, selection_rate: c.selectionRate, tpr: c.tpr, fpr: c.fpr })) } }
      : {}),
  };
}

function regressionKey(a: RegressionKeyAnalysis): Pick<KeyEvidence, 'groups' | 'demographic_parity_difference' | 'demographic_parity_ratio' | 'equalized_odds_difference' | 'equal_opportunity_difference' | 'predictive_parity_difference' | 'mae_difference' | 'mae_ratio'> {
  const none = toReportMetric(undefinedMetric(ONLY_YES_NO));
  return {
    groups: a.groups.map((g) => ({
      group: g.group,
      count: g.count,
      share: g.share,
      base_rate: none,
      selection_rate: none,
      tpr: none,
      fpr: none,
      fnr: none,
      precision: none,
      accuracy: none,
      mae: toReportMetric(g.mae),
      rmse: toReportMetric(g.rmse),
      small_group: g.small,
      ...(g.smallReason ? { small_group_reason: g.smallReason } : {}),
    })),
    demographic_parity_difference: notMeasured('selection_rate', ONLY_YES_NO),
    demographic_parity_ratio: notMeasured('selection_rate', ONLY_YES_NO),
    equalized_odds_difference: notMeasured('tpr', ONLY_YES_NO),
    equal_opportunity_difference: notMeasured('tpr', ONLY_YES_NO),
    predictive_parity_difference: notMeasured('precision', ONLY_YES_NO),
    mae_difference: disparity(a.maeDifference),
    mae_ratio: disparity(a.maeRatio),
  };
}

export function keyEvidence(a: KeyAnalysis): KeyEvidence {
  return {
    columns: a.columns,
    reference_group: a.reference.group,
    reference_chosen_by: a.reference.chosenBy,
    ...(a.reference.note ? { reference_note: a.reference.note } : {}),
    ...(a.task === 'binary' ? binaryKey(a) : regressionKey(a)),
    tests: a.tests.map(testEvidence),
    excluded_groups: a.excludedGroups,
    ratio_to_reference: a.ratioToReference,
  };
}

export function worstIntersectionEvidence(w: WorstIntersection): Record<string, unknown> {
  return {
    key: w.key,
    group: w.group,
    count: w.count,
    metric: w.metric,
    value: toReportMetric(w.value),
    overall: w.overall,
    ...(w.selectionRate ? { selection_rate: toReportMetric(w.selectionRate) } : {}),
  };
}

export function representationEvidence(r: RepresentationResult): Record<string, unknown> {
  return {
    rows: r.rows,
    missing: r.missing,
    groups: r.groups.map((g) => ({
      group: g.group,
      count: g.count,
      observed_share: toReportMetric(g.observedShare),
      expected_share: g.expectedShare,
      ratio: g.ratio,
      under_represented: g.underRepresented,
      p_value: g.pValue,
      q_value: g.qValue,
      significant: g.significant,
    })),
    not_in_reference: r.notInReference,
  };
}
