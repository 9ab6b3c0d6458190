/**
 * What the threshold explorer shows, read from a stored report: the cut-offs the slider moves over,
 * the confusion counts and overall rates at a cut-off, every group's rates there with the largest
 * gap and the demographic-parity ratio, and the cost of the mistakes when the person says what each
 * kind of mistake costs them. Everything is precomputed in the report (performance.threshold_table
 * and fairness[key].thresholds), so moving the slider is a lookup, never a request.
 *
 * Convention (as the report and sklearn): a row is predicted positive when score ≥ cut-off.
 * An undefined rate is null with a reason in plain words, never a made-up 0.
 */
import type { GroupEvidence, KeyEvidence } from '../checks/fairness/evidence';
import type { ThresholdRow } from '../metrics/thresholds';
import type { CheckReport } from '../report/check-report';
import { exploreWordsEn, type ExploreWords } from './words-en';

export { costCurve, parseCost, readCosts, totalCost, type CostCurve, type CostParse, type Costs, type CostsInput } from './threshold-costs';

/** The cut-off the app starts at when the model's own one is not known. */
export const DEFAULT_THRESHOLD = 0.5;

/** A cut-off as people read it on the slider: two decimals, "0.50". */
export const formatCutoff = (t: number): string => t.toFixed(2);

/** A rate at a cut-off: null with the reason when it is 0 out of 0. */
export interface Rate {
  value: number | null;
  reason?: string;
}

export type OverallMetricKey = 'accuracy' | 'precision' | 'recall' | 'falsePositiveRate' | 'f1' | 'selectionRate';
export const OVERALL_METRICS: readonly OverallMetricKey[] = ['accuracy', 'precision', 'recall', 'falsePositiveRate', 'f1', 'selectionRate'];

/**
 * Where the model's own decisions sit on the slider. 'score': the app made the decisions itself
 * from the score at 0.5. 'counts': the decision column's right and wrong counts are exactly those
 * of "score ≥ this cut-off" (the nearest such cut-off to 0.5 when several match).
 */
export interface ModelCutoff {
  index: number;
  how: 'score' | 'counts';
}

export type ThresholdData =
  | { available: false; reason: string }
  | {
      available: true;
      positiveClass: string;
      rows: ThresholdRow[];
      thresholds: number[];
      /** The cut-off nearest 0.5. */
      defaultIndex: number;
      model: ModelCutoff | null;
      /** Where the slider starts: the model's own cut-off when known, otherwise 0.5. */
      startIndex: number;
    };
export type AvailableThresholdData = Extract<ThresholdData, { available: true }>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const rateOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readRow(v: unknown): ThresholdRow | null {
  if (!isRecord(v)) return null;
  const { threshold, tp, fp, tn, fn } = v;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || !isCount(tp) || !isCount(fp) || !isCount(tn) || !isCount(fn)) return null;
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: rateOrNull(v.precision),
    recall: rateOrNull(v.recall),
    falsePositiveRate: rateOrNull(v.falsePositiveRate),
    f1: rateOrNull(v.f1),
    selectionRate: rateOrNull(v.selectionRate),
    accuracy: rateOrNull(v.accuracy),
  };
}

/** The index of the value nearest `t` (the lower one on an exact tie). */
export function nearestIndex(values: readonly number[], t: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i]! - t) < Math.abs(values[best]! - t)) best = i;
  return best;
}

/** The model's own cut-off, when the report lets us say where it is. */
export function modelCutoff(performance: Record<string, unknown>, rows: readonly ThresholdRow[]): ModelCutoff | null {
  if (rows.length === 0) return null;
  const thresholds = rows.map((r) => r.threshold);
  if (performance.prediction_from === 'score') {
    const i = nearestIndex(thresholds, DEFAULT_THRESHOLD);
    return Math.abs(thresholds[i]! - DEFAULT_THRESHOLD) < 1e-9 ? { index: i, how: 'score' } : null;
  }
  const c = performance.confusion;
  if (performance.prediction_from !== 'column' || !isRecord(c)) return null;
  let found: number | null = null;
  rows.forEach((r, i) => {
    if (r.tp !== c.tp || r.fp !== c.fp || r.tn !== c.tn || r.fn !== c.fn) return;
    if (found === null || Math.abs(r.threshold - DEFAULT_THRESHOLD) < Math.abs(rows[found]!.threshold - DEFAULT_THRESHOLD)) found = i;
  });
  return found === null ? null : { index: found, how: 'counts' };
}

/** The cut-offs and their table, or why there is no threshold to move. */
export function thresholdData(report: CheckReport, words: ExploreWords = exploreWordsEn): ThresholdData {
  const perf = report.performance;
  if (!isRecord(perf)) return { available: false, reason: words.noPerformance };
  if (perf.task !== 'binary') return { available: false, reason: words.notYesNo };
  const table = perf.threshold_table;
  if (table === undefined || table === null) return { available: false, reason: words.noScore };
  if (!Array.isArray(table) || table.length === 0) return { available: false, reason: words.badTable };
  const rows: ThresholdRow[] = [];
  for (const v of table) {
    const row = readRow(v);
    if (!row || (rows.length > 0 && row.threshold <= rows[rows.length - 1]!.threshold)) return { available: false, reason: words.badTable };
    rows.push(row);
  }
  const thresholds = rows.map((r) => r.threshold);
  const defaultIndex = nearestIndex(thresholds, DEFAULT_THRESHOLD);
  const model = modelCutoff(perf, rows);
  const positiveClass = typeof perf.positive_class === 'string' ? perf.positive_class : String(perf.positive_class ?? '');
  return { available: true, positiveClass, rows, thresholds, defaultIndex, model, startIndex: model?.index ?? defaultIndex };
}

/** A whole-number index into the table (clamped, so a stale index never breaks the screen). */
export const clampIndex = (data: AvailableThresholdData, index: number): number => Math.min(data.rows.length - 1, Math.max(0, Math.round(Number.isFinite(index) ? index : 0)));

export type ThresholdParse = { ok: true; index: number; value: number; rounded: boolean } | { ok: false; message: string };

/** A typed cut-off ("0.37", ".37" or "37%") as the nearest cut-off in the table. */
export function parseThreshold(text: string, thresholds: readonly number[], words: ExploreWords = exploreWordsEn): ThresholdParse {
  const s = text.trim();
  if (s === '') return { ok: false, message: words.thresholdEmpty };
  const percent = s.endsWith('%');
  const body = (percent ? s.slice(0, -1) : s).trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return { ok: false, message: words.thresholdNotNumber(s) };
  const value = Number(body) / (percent ? 100 : 1);
  if (value < 0 || value > 1 || thresholds.length === 0) return { ok: false, message: words.thresholdOutOfRange };
  const index = nearestIndex(thresholds, value);
  return { ok: true, index, value: thresholds[index]!, rounded: Math.abs(thresholds[index]! - value) > 1e-12 };
}

export interface OverallAt {
  threshold: number;
  confusion: { tp: number; fp: number; tn: number; fn: number; total: number };
  metrics: Record<OverallMetricKey, Rate>;
}

function overallReason(key: OverallMetricKey, words: ExploreWords): string {
  switch (key) {
    case 'precision':
      return words.noPredictedPositives;
    case 'recall':
      return words.noActualPositives;
    case 'falsePositiveRate':
      return words.noActualNegatives;
    case 'f1':
      return words.noPositivesAnywhere;
    case 'accuracy':
    case 'selectionRate':
      return words.noRows;
  }
}

/** The confusion counts and the overall rates at a cut-off. */
export function overallAt(data: AvailableThresholdData, index: number, words: ExploreWords = exploreWordsEn): OverallAt {
  const row = data.rows[clampIndex(data, index)]!;
  const metrics = {} as Record<OverallMetricKey, Rate>;
  for (const key of OVERALL_METRICS) {
    const value = row[key];
    metrics[key] = value === null ? { value: null, reason: overallReason(key, words) } : { value };
  }
  return { threshold: row.threshold, confusion: { tp: row.tp, fp: row.fp, tn: row.tn, fn: row.fn, total: row.tp + row.fp + row.tn + row.fn }, metrics };
}

// ---------- groups ----------

export type GroupMeasure = 'selection_rate' | 'tpr' | 'fpr';
export const GROUP_MEASURES: readonly GroupMeasure[] = ['selection_rate', 'tpr', 'fpr'];

export interface SensitiveKey {
  key: string;
  columns: string[];
  /** Whether the groups' rates at every cut-off were stored (a score is needed). */
  hasThresholds: boolean;
}

type Curves = NonNullable<KeyEvidence['thresholds']>;
const isKey = (v: unknown): v is KeyEvidence => isRecord(v) && Array.isArray(v.groups) && Array.isArray(v.columns);
const hasCurves = (k: KeyEvidence): k is KeyEvidence & { thresholds: Curves } => isRecord(k.thresholds) && Array.isArray(k.thresholds.values) && Array.isArray(k.thresholds.groups);

/** The group comparisons in the report, single columns first, then intersections. */
export function sensitiveKeys(report: CheckReport): SensitiveKey[] {
  const by = report.fairness;
  if (!isRecord(by)) return [];
  return Object.entries(by)
    .filter((e): e is [string, KeyEvidence] => isKey(e[1]))
    .map(([key, k]) => ({ key, columns: [...k.columns], hasThresholds: hasCurves(k) }))
    .sort((a, b) => a.columns.length - b.columns.length);
}

export type GroupAt =
  | { group: string; count: number | null; included: true; rates: Record<GroupMeasure, Rate> }
  | { group: string; count: number | null; included: false; reason: string };

export interface Gap {
  value: number | null;
  high: string | null;
  low: string | null;
  reason?: string;
}

export type GroupsAt =
  | { available: false; reason: string }
  | {
      available: true;
      key: string;
      columns: string[];
      threshold: number;
      groups: GroupAt[];
      /** Per rate, the largest gap between two compared groups (highest minus lowest). */
      gaps: Record<GroupMeasure, Gap>;
      /** Lowest selection rate over the highest (fairlearn's demographic_parity_ratio); 1 means equal. */
      parityRatio: Gap;
    };

const groupReason = (m: GroupMeasure, words: ExploreWords): string =>
  m === 'selection_rate' ? words.groupNoRows : m === 'tpr' ? words.groupNoPositives : words.groupNoNegatives;

function gapOf(groups: GroupAt[], measure: GroupMeasure, words: ExploreWords): { gap: Gap; lowest: number | null; highest: number | null } {
  let high: { group: string; value: number } | null = null;
  let low: { group: string; value: number } | null = null;
  let counted = 0;
  for (const g of groups) {
    if (!g.included) continue;
    const v = g.rates[measure].value;
    if (v === null) continue;
    counted++;
    if (!high || v > high.value) high = { group: g.group, value: v };
    if (!low || v < low.value) low = { group: g.group, value: v };
  }
  if (counted < 2 || !high || !low) return { gap: { value: null, high: null, low: null, reason: words.tooFewGroups }, lowest: null, highest: null };
  return { gap: { value: high.value - low.value, high: high.group, low: low.group }, lowest: low.value, highest: high.value };
}

/** Every group's rates at the cut-off, for one sensitive column (or intersection). */
export function groupsAt(report: CheckReport, key: string, threshold: number, words: ExploreWords = exploreWordsEn): GroupsAt {
  if (!isRecord(report.fairness)) return { available: false, reason: words.noFairness };
  const k = report.fairness[key];
  if (!isKey(k)) return { available: false, reason: words.unknownKey(key) };
  if (!hasCurves(k) || k.thresholds.values.length === 0) return { available: false, reason: words.noGroupThresholds };
  const at = nearestIndex(k.thresholds.values, threshold);
  const curves = new Map(k.thresholds.groups.map((c) => [c.group, c]));
  const evidence = new Map<string, GroupEvidence>(k.groups.map((g) => [g.group, g]));
  const excluded = new Set(k.excluded_groups ?? []);
  const names = [...k.groups.map((g) => g.group), ...k.thresholds.groups.map((c) => c.group).filter((g) => !evidence.has(g))];
  const groups: GroupAt[] = names.map((name) => {
    const c = curves.get(name);
    const ev = evidence.get(name);
    const count = typeof ev?.count === 'number' ? ev.count : null;
    if (!c || excluded.has(name)) return { group: name, count, included: false, reason: ev?.small_group_reason ?? words.groupLeftOut };
    const rates = {} as Record<GroupMeasure, Rate>;
    for (const m of GROUP_MEASURES) {
      const v = rateOrNull(c[m]?.[at]);
      rates[m] = v === null ? { value: null, reason: groupReason(m, words) } : { value: v };
    }
    return { group: name, count, included: true, rates };
  });
  const gaps = {} as Record<GroupMeasure, Gap>;
  for (const m of GROUP_MEASURES) gaps[m] = gapOf(groups, m, words).gap;
  const sel = gapOf(groups, 'selection_rate', words);
  let parityRatio: Gap;
  if (sel.lowest === null || sel.highest === null) parityRatio = { ...sel.gap };
  else if (sel.highest === 0) parityRatio = { value: null, high: null, low: null, reason: words.ratioNoneSelected };
  else parityRatio = { value: sel.lowest / sel.highest, high: sel.gap.high, low: sel.gap.low };
  return { available: true, key, columns: [...k.columns], threshold: k.thresholds.values[at]!, groups, gaps, parityRatio };
}
