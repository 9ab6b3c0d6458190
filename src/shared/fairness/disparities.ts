/**
 * The disparity summary, as fairlearn defines it (fairlearn.metrics, "Common fairness metrics"),
 * computed over the groups large enough for a verdict (see group-metrics.ts; fairlearn itself uses
 * every group):
 *
 *   demographic_parity_difference = max − min selection rate over groups
 *   demographic_parity_ratio      = min / max selection rate
 *   equalized_odds_difference     = max(TPR max − min, FPR max − min)
 *   equal_opportunity_difference  = TPR max − min
 *   predictive_parity_difference  = precision max − min (groups where precision is defined)
 *
 * plus each group's ratio to a reference group, and, for each gap, the test of whether the two
 * groups behind it (highest and lowest) could differ this much by chance (significance.ts).
 * For amounts (regression) the gap is in mean absolute error, tested with a Welch z test on the
 * absolute errors (groups compared have ≥ 30 rows, where the normal approximation is sound).
 */
import type { MetricValue } from '../metrics/types';
import type { BinaryGroupMetrics, RegressionGroupMetrics } from './group-metrics';
import { twoSidedP } from './normal-tail';
import { proportionGapTest, type GapTestMethod } from './significance';

export type BinaryRate = 'selection_rate' | 'tpr' | 'fpr' | 'precision';
export const BINARY_RATES: readonly BinaryRate[] = ['selection_rate', 'tpr', 'fpr', 'precision'];
export type GapMetric = BinaryRate | 'mae';

export interface Spread {
  metric: GapMetric;
  /** max − min; null when fewer than two groups have a value. */
  difference: number | null;
  /** min / max; null also when max is 0. */
  ratio: number | null;
  highGroup: string | null;
  lowGroup: string | null;
  high: number | null;
  low: number | null;
  reason?: string;
}

export interface Disparity {
  value: number | null;
  /** The groups at the two ends of the gap (for equalized odds: of the larger of the TPR and FPR gaps). */
  highGroup: string | null;
  lowGroup: string | null;
  /** The rate the value comes from. */
  metric: GapMetric;
  reason?: string;
}

export interface GapTest {
  key: string;
  metric: GapMetric;
  highGroup: string;
  lowGroup: string;
  /** Successes and trials (rates), or mean absolute error and rows (regression). */
  high: { value: number; k?: number; n: number };
  low: { value: number; k?: number; n: number };
  difference: number;
  method: GapTestMethod | 'welch-z';
  pValue: number;
  /** Benjamini–Hochberg q-value over every fairness test in the run; set by the caller. */
  qValue: number | null;
  significant: boolean | null;
}

export const TOO_FEW_GROUPS = 'Fewer than two groups are large enough to compare.';
const NO_SELECTION = 'No group compared has any positive prediction, so the ratio is 0 out of 0.';

export function rateOf(g: BinaryGroupMetrics, metric: BinaryRate): MetricValue {
  return metric === 'selection_rate' ? g.selectionRate : metric === 'tpr' ? g.tpr : metric === 'fpr' ? g.fpr : g.precision;
}

/** Successes and trials behind a group's rate. */
export function rateCounts(g: BinaryGroupMetrics, metric: BinaryRate): { k: number; n: number } {
  const c = g.confusion;
  if (metric === 'selection_rate') return { k: c.tp + c.fp, n: g.count };
  if (metric === 'tpr') return { k: c.tp, n: c.tp + c.fn };
  if (metric === 'fpr') return { k: c.fp, n: c.fp + c.tn };
  return { k: c.tp, n: c.tp + c.fp };
}

/** Highest and lowest value over the groups that are not small (first group wins ties). */
export function spreadOf<G extends { group: string; small: boolean }>(groups: readonly G[], metric: GapMetric, value: (g: G) => number | null, zeroMaxReason = NO_SELECTION): Spread {
  let hi: G | null = null;
  let lo: G | null = null;
  let defined = 0;
  for (const g of groups) {
    const v = g.small ? null : value(g);
    if (v === null) continue;
    defined++;
    if (hi === null || v > value(hi)!) hi = g;
    if (lo === null || v < value(lo)!) lo = g;
  }
  if (defined < 2 || hi === null || lo === null) {
    return { metric, difference: null, ratio: null, highGroup: null, lowGroup: null, high: null, low: null, reason: TOO_FEW_GROUPS };
  }
  const high = value(hi)!;
  const low = value(lo)!;
  const out: Spread = { metric, difference: high - low, ratio: high === 0 ? null : low / high, highGroup: hi.group, lowGroup: lo.group, high, low };
  if (high === 0) out.reason = zeroMaxReason;
  return out;
}

export function binarySpreads(groups: readonly BinaryGroupMetrics[]): Record<BinaryRate, Spread> {
  const s = (m: BinaryRate): Spread => spreadOf(groups, m, (g) => rateOf(g, m).value);
  return { selection_rate: s('selection_rate'), tpr: s('tpr'), fpr: s('fpr'), precision: s('precision') };
}

function fromSpread(s: Spread, value: number | null, reason?: string): Disparity {
  const r = value === null ? (reason ?? s.reason) : undefined;
  return { value, highGroup: s.highGroup, lowGroup: s.lowGroup, metric: s.metric, ...(r ? { reason: r } : {}) };
}

export interface BinaryDisparities {
  demographicParityDifference: Disparity;
  demographicParityRatio: Disparity;
  equalizedOddsDifference: Disparity;
  equalOpportunityDifference: Disparity;
  predictiveParityDifference: Disparity;
}

export function binaryDisparities(spreads: Record<BinaryRate, Spread>): BinaryDisparities {
  const sel = spreads.selection_rate;
  const tpr = spreads.tpr;
  const fpr = spreads.fpr;
  // fairlearn: the larger of the TPR and FPR differences (undefined if either is).
  const eo = tpr.difference === null || fpr.difference === null ? null : fpr.difference > tpr.difference ? fpr : tpr;
  return {
    demographicParityDifference: fromSpread(sel, sel.difference),
    demographicParityRatio: fromSpread(sel, sel.ratio),
    equalizedOddsDifference: eo ? fromSpread(eo, eo.difference) : fromSpread(tpr.difference === null ? tpr : fpr, null),
    equalOpportunityDifference: fromSpread(tpr, tpr.difference),
    predictiveParityDifference: fromSpread(spreads.precision, spreads.precision.difference),
  };
}

/** The test behind each binary gap: the highest vs the lowest group of each rate. */
export function binaryGapTests(key: string, groups: readonly BinaryGroupMetrics[], spreads: Record<BinaryRate, Spread>): GapTest[] {
  const tests: GapTest[] = [];
  const byName = new Map(groups.map((g) => [g.group, g]));
  for (const metric of BINARY_RATES) {
    const s = spreads[metric];
    if (s.highGroup === null || s.lowGroup === null || s.difference === null) continue;
    const hi = rateCounts(byName.get(s.highGroup)!, metric);
    const lo = rateCounts(byName.get(s.lowGroup)!, metric);
    const t = proportionGapTest(hi.k, hi.n, lo.k, lo.n);
    tests.push({
      key,
      metric,
      highGroup: s.highGroup,
      lowGroup: s.lowGroup,
      high: { value: s.high!, k: hi.k, n: hi.n },
      low: { value: s.low!, k: lo.k, n: lo.n },
      difference: s.difference,
      method: t.method,
      pValue: t.pValue,
      qValue: null,
      significant: null,
    });
  }
  return tests;
}

/**
 * Welch's z test for a gap in mean absolute error: z = (m1 − m2) / √(s1²/n1 + s2²/n2), two-sided.
 * With no spread in either group the means are either equal (p = 1) or certainly different (p = 0).
 */
export function welchZ(m1: number, v1: number, n1: number, m2: number, v2: number, n2: number): number {
  const se = Math.sqrt(v1 / n1 + v2 / n2);
  if (se === 0) return m1 === m2 ? 1 : 0;
  return twoSidedP((m1 - m2) / se);
}

export function regressionGapTest(key: string, groups: readonly RegressionGroupMetrics[], s: Spread): GapTest | null {
  if (s.highGroup === null || s.lowGroup === null || s.difference === null) return null;
  const hi = groups.find((g) => g.group === s.highGroup)!;
  const lo = groups.find((g) => g.group === s.lowGroup)!;
  const p = welchZ(hi.mae.value!, hi.absErrorVariance ?? 0, hi.count, lo.mae.value!, lo.absErrorVariance ?? 0, lo.count);
  return {
    key,
    metric: 'mae',
    highGroup: hi.group,
    lowGroup: lo.group,
    high: { value: s.high!, n: hi.count },
    low: { value: s.low!, n: lo.count },
    difference: s.difference,
    method: 'welch-z',
    pValue: p,
    qValue: null,
    significant: null,
  };
}

export interface Reference {
  group: string;
  chosenBy: 'person' | 'largest';
  /** Set when the person's choice is not a group of this column. */
  note?: string;
}

/** The person's reference group for this key when it exists, else the largest group that is not small. */
export function chooseReference(groups: readonly { group: string; count: number; small: boolean }[], chosen: string | undefined): Reference {
  if (chosen !== undefined && groups.some((g) => g.group === chosen)) return { group: chosen, chosenBy: 'person' };
  const pool = groups.some((g) => !g.small) ? groups.filter((g) => !g.small) : groups;
  let largest = pool[0]!;
  for (const g of pool) if (g.count > largest.count) largest = g;
  return { group: largest.group, chosenBy: 'largest', ...(chosen !== undefined ? { note: `There is no group "${chosen}"; the largest group is used instead.` } : {}) };
}

/** Each group's value ÷ the reference group's value; null for small groups, undefined values or a zero reference. */
export function ratiosToReference<G extends { group: string; small: boolean }, M extends string>(groups: readonly G[], reference: string, metrics: readonly M[], value: (g: G, m: M) => number | null): Record<string, Record<M, number | null>> {
  const ref = groups.find((g) => g.group === reference);
  const out: Record<string, Record<M, number | null>> = {};
  for (const g of groups) {
    const row = {} as Record<M, number | null>;
    for (const m of metrics) {
      const v = g.small ? null : value(g, m);
      const r = ref ? value(ref, m) : null;
      row[m] = v === null || r === null || r === 0 ? null : v / r;
    }
    out[g.group] = row;
  }
  return out;
}
