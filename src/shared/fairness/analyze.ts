/**
 * Fairness for one grouping (a sensitive column or an intersection), and for a whole run: every
 * sensitive column, the intersections, Benjamini–Hochberg over every test, the worst-off
 * intersection. Pure: typed arrays in, plain data out (camelCase; the check turns it into the
 * report's snake_case evidence).
 */
import type { MetricValue } from '../metrics/types';
import { binaryDisparities, binaryGapTests, binarySpreads, BINARY_RATES, chooseReference, rateOf, ratiosToReference, regressionGapTest, spreadOf, type BinaryDisparities, type BinaryRate, type Disparity, type GapTest, type Reference, type Spread } from './disparities';
import { groupedDelongAuc } from './group-auc';
import { countBinary, countRegression } from './group-counts';
import { binaryGroupMetrics, regressionGroupMetrics, type BinaryGroupMetrics, type RegressionGroupMetrics, type SmallGroupRule } from './group-metrics';
import { groupThresholdCurve, thresholdValues, type GroupThresholdCurve } from './group-thresholds';
import { intersectGroupings, KEY_SEPARATOR, type Grouping } from './groups';
import { benjaminiHochberg } from './multiple-testing';
import { alignGrouping, type PreparedBinary, type PreparedOutcome, type PreparedRegression } from './prepare';

export interface FairnessSettings extends SmallGroupRule {
  /** Confidence level of every interval. */
  level: number;
  /** Reference group per key ("sex", "sex+age"); default the largest group. */
  referenceGroups: Readonly<Record<string, string>>;
}

interface KeyBase {
  key: string;
  columns: string[];
  reference: Reference;
  tests: GapTest[];
  /** Groups left out of the summary because they are too small. */
  excludedGroups: string[];
}

export interface BinaryKeyAnalysis extends KeyBase {
  task: 'binary';
  groups: BinaryGroupMetrics[];
  spreads: Record<BinaryRate, Spread>;
  disparities: BinaryDisparities;
  ratioToReference: Record<string, Record<BinaryRate, number | null>>;
  /** Per-group curves over thresholds 0 … 1 (groups large enough only); null without a score. */
  thresholds: { values: number[]; groups: GroupThresholdCurve[] } | null;
}

export interface RegressionKeyAnalysis extends KeyBase {
  task: 'regression';
  groups: RegressionGroupMetrics[];
  maeDifference: Disparity;
  maeRatio: Disparity;
  ratioToReference: Record<string, Record<'mae', number | null>>;
}

export type KeyAnalysis = BinaryKeyAnalysis | RegressionKeyAnalysis;

function analyzeBinary(p: PreparedBinary, grouping: Grouping, s: FairnessSettings): BinaryKeyAnalysis {
  const groupCount = grouping.labels.length;
  const counts = countBinary(grouping.codes, groupCount, p);
  const auc = p.tieStart ? groupedDelongAuc(grouping.codes, groupCount, counts.cells, p.yTrue, p.tieStart, s.level) : null;
  const groups = binaryGroupMetrics(grouping.labels, counts, auc, s, s.level);
  const spreads = binarySpreads(groups);
  const reference = chooseReference(groups, s.referenceGroups[grouping.key]);
  const thresholds = counts.thresholds
    ? { values: thresholdValues(), groups: groups.flatMap((g, code) => (g.small ? [] : [groupThresholdCurve(counts, code, g.group)])) }
    : null;
  return {
    task: 'binary',
    key: grouping.key,
    columns: grouping.columns,
    groups,
    reference,
    spreads,
    disparities: binaryDisparities(spreads),
    tests: binaryGapTests(grouping.key, groups, spreads),
    excludedGroups: groups.filter((g) => g.small).map((g) => g.group),
    ratioToReference: ratiosToReference(groups, reference.group, BINARY_RATES, (g, m) => rateOf(g, m).value),
    thresholds,
  };
}

function analyzeRegression(p: PreparedRegression, grouping: Grouping, s: FairnessSettings): RegressionKeyAnalysis {
  const counts = countRegression(grouping.codes, grouping.labels.length, p);
  const groups = regressionGroupMetrics(grouping.labels, counts, s, s.level);
  const spread = spreadOf(groups, 'mae', (g) => g.mae.value, 'Every group compared has no error at all.');
  const reference = chooseReference(groups, s.referenceGroups[grouping.key]);
  const test = regressionGapTest(grouping.key, groups, spread);
  const disparity = (value: number | null): Disparity => ({
    value,
    highGroup: spread.highGroup,
    lowGroup: spread.lowGroup,
    metric: 'mae',
    ...(value === null && spread.reason ? { reason: spread.reason } : {}),
  });
  return {
    task: 'regression',
    key: grouping.key,
    columns: grouping.columns,
    groups,
    reference,
    maeDifference: disparity(spread.difference),
    maeRatio: disparity(spread.ratio),
    tests: test ? [test] : [],
    excludedGroups: groups.filter((g) => g.small).map((g) => g.group),
    ratioToReference: ratiosToReference(groups, reference.group, ['mae'] as const, (g) => g.mae.value),
  };
}

/** A grouping already in the prepared rows' order (see alignGrouping). */
function analyzeAligned(prepared: PreparedOutcome, grouping: Grouping, settings: FairnessSettings): KeyAnalysis {
  return prepared.task === 'binary' ? analyzeBinary(prepared, grouping, settings) : analyzeRegression(prepared, grouping, settings);
}

/** One sensitive column or intersection; `grouping` covers the same rows as the outcome, in input order. */
export function analyzeGrouping(prepared: PreparedOutcome, grouping: Grouping, settings: FairnessSettings): KeyAnalysis {
  return analyzeAligned(prepared, alignGrouping(grouping, prepared), settings);
}

export interface Testable {
  pValue: number;
  qValue: number | null;
  significant: boolean | null;
}

/** Sets q-values (Benjamini–Hochberg over all the tests together) and significance at `fdr`. */
export function applyFalseDiscoveryRate(tests: readonly Testable[], fdr: number): void {
  const q = benjaminiHochberg(tests.map((t) => t.pValue));
  tests.forEach((t, i) => {
    const v = q[i]!;
    t.qValue = Number.isFinite(v) ? v : null;
    t.significant = Number.isFinite(v) ? v <= fdr : null;
  });
}

export interface WorstIntersection {
  key: string;
  group: string;
  count: number;
  /** Binary: the group where the model is wrong most often (lowest accuracy); regression: highest MAE. */
  metric: 'accuracy' | 'mae';
  value: MetricValue;
  /** The same measure over every row analysed. */
  overall: number | null;
  /** Binary: the group's selection rate, for context. */
  selectionRate?: MetricValue;
}

/**
 * The worst-off intersection group: among intersection groups large enough for a verdict, the one
 * the model serves worst — lowest accuracy (yes/no outcomes) or highest mean absolute error
 * (amounts). Error is used rather than selection rate because whether being selected is good or
 * bad depends on what the outcome means, which the data does not say.
 */
export function worstIntersection(analyses: readonly KeyAnalysis[]): WorstIntersection | null {
  let worst: WorstIntersection | null = null;
  let worstScore = Infinity;
  for (const a of analyses) {
    if (a.columns.length < 2) continue;
    if (a.task === 'binary') {
      let right = 0;
      let rows = 0;
      for (const g of a.groups) {
        right += g.confusion.tp + g.confusion.tn;
        rows += g.count;
      }
      for (const g of a.groups) {
        const v = g.accuracy.value;
        if (g.small || v === null || v >= worstScore) continue;
        worstScore = v;
        worst = { key: a.key, group: g.group, count: g.count, metric: 'accuracy', value: g.accuracy, overall: rows === 0 ? null : right / rows, selectionRate: g.selectionRate };
      }
    } else {
      let abs = 0;
      let rows = 0;
      for (const g of a.groups) {
        abs += (g.mae.value ?? 0) * g.count;
        rows += g.count;
      }
      for (const g of a.groups) {
        const v = g.mae.value;
        if (g.small || v === null || -v >= worstScore) continue;
        worstScore = -v;
        worst = { key: a.key, group: g.group, count: g.count, metric: 'mae', value: g.mae, overall: rows === 0 ? null : abs / rows };
      }
    }
  }
  return worst;
}

/**
 * Most groups one column or intersection may have. More is nearly always an id-like column (names,
 * postcodes) where every group is tiny; it would also cost memory per group for no verdict.
 */
export const MAX_GROUPS = 500;

export interface FairnessRun {
  analyses: KeyAnalysis[];
  /** Columns or intersections that were not analysed, with why. */
  skipped: { key: string; columns: string[]; reason: string }[];
  worstIntersection: WorstIntersection | null;
}

/**
 * Every sensitive column (groupings over the analysed rows) and the intersections asked for
 * (null: every combination of 2 and of 3 columns). BH is applied over these tests and `extraTests`
 * (e.g. representation) together.
 */
export function analyzeFairness(prepared: PreparedOutcome, groupings: readonly Grouping[], intersections: readonly (readonly string[])[], settings: FairnessSettings & { fdr: number }, extraTests: readonly Testable[] = []): FairnessRun {
  const analyses: KeyAnalysis[] = [];
  const skipped: FairnessRun['skipped'] = [];
  const analyse = (g: Grouping): void => {
    if (g.labels.length > MAX_GROUPS) skipped.push({ key: g.key, columns: g.columns, reason: `It has ${g.labels.length} groups; fairness compares at most ${MAX_GROUPS}. Group the values first.` });
    else analyses.push(analyzeAligned(prepared, g, settings));
  };
  const aligned = groupings.map((g) => alignGrouping(g, prepared));
  aligned.forEach(analyse);
  const byColumn = new Map(aligned.map((g) => [g.key, g]));
  const done = new Set<string>();
  for (const columns of intersections) {
    const parts = columns.map((c) => byColumn.get(c));
    const missing = columns.filter((_, i) => parts[i] === undefined);
    const key = columns.join(KEY_SEPARATOR);
    if (missing.length > 0) {
      skipped.push({ key, columns: [...columns], reason: `Not a sensitive column: ${missing.join(', ')}.` });
      continue;
    }
    if (new Set(columns).size !== columns.length || columns.length < 2) {
      skipped.push({ key, columns: [...columns], reason: 'An intersection needs two or three different columns.' });
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    analyse(intersectGroupings(parts as Grouping[]));
  }
  applyFalseDiscoveryRate([...analyses.flatMap((a) => a.tests), ...extraTests], settings.fdr);
  return { analyses, skipped, worstIntersection: worstIntersection(analyses) };
}
