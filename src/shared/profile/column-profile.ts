/**
 * Column profiles for the Explore screen: for each column, how many values are missing, how many
 * distinct values there are, the spread of a number column (min, quartiles, median, mean, max),
 * its unusual values by the same fences as the check-up's outliers check (Tukey: beyond
 * Q1 − k·IQR or Q3 + k·IQR, quartiles as numpy's default), a chart of the values (a histogram,
 * bars of the most common values, or dates by month/year) and a few example values.
 *
 * One pass over a sorted copy per number column and one count per code column: a 1M-row × 20-column
 * table profiles in about a second, in an engine worker.
 */
import type { FindingChart } from '../findings/types';
import { quantileOfSorted } from '../metrics/quantile';
import { sortedPresent, tukeyFences } from '../checks/quality/numeric-stats';
import type { CodesColumn, Column, ColumnKind, NumberColumn, Table } from '../table';
import { formatCell } from '../format-cell';

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  rows: number;
  missing: number;
  /** Exact count of distinct present values. */
  distinct: number;
  /** Number and date columns with at least one value (dates in epoch milliseconds UTC). */
  numbers: { min: number; q1: number; median: number; q3: number; max: number; mean: number } | null;
  /** Whole and decimal numbers only: the outliers check's fences; null when the IQR is 0 or no values. */
  outliers: { k: number; lower: number; upper: number; below: number; above: number } | null;
  /** Category-like columns: the most common values, most common first (ties by value). */
  top: { value: string; count: number }[];
  /** Rows not among `top`. */
  otherCount: number;
  chart: FindingChart | null;
  /** Up to five distinct present values, as they show in the grid. */
  examples: string[];
}

export interface ProfileOptions {
  /** Tukey's k for the fences; the check-up's default is 3 ("far out"). */
  outlierIqr?: number;
  bins?: number;
  topCount?: number;
}

const DEFAULTS = { outlierIqr: 3, bins: 30, topCount: 12 } as const;
/** Number columns with at most this many distinct values are drawn as bars of their values. */
const FEW_VALUES = 12;

export function profileTable(table: Table, options: ProfileOptions = {}): ColumnProfile[] {
  return table.columns.map((c) => profileColumn(c, table.rowCount, options));
}

export function profileColumn(col: Column, rows: number, options: ProfileOptions = {}): ColumnProfile {
  return col.storage === 'number' ? numberProfile(col, rows, { ...DEFAULTS, ...options }) : codesProfile(col, rows, { ...DEFAULTS, ...options });
}

function codesProfile(col: CodesColumn, rows: number, o: Required<ProfileOptions>): ColumnProfile {
  const counts = new Float64Array(col.dictionary.length);
  let missing = 0;
  for (let i = 0; i < rows; i++) {
    const c = col.codes[i]!;
    if (c < 0) missing++;
    else counts[c]!++;
  }
  const used: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) used.push(c);
  used.sort((a, b) => counts[b]! - counts[a]! || compareText(col.dictionary[a]!, col.dictionary[b]!));
  // Free text and ids are nearly all distinct: a "most common" list says nothing about them.
  const listed = col.kind === 'text' || col.kind === 'id' ? [] : used.slice(0, o.topCount);
  const top = listed.map((c) => ({ value: col.dictionary[c]!, count: counts[c]! }));
  const inTop = top.reduce((a, t) => a + t.count, 0);
  const present = rows - missing;
  const chart: FindingChart | null =
    top.length > 0
      ? {
          kind: 'bars',
          title: col.name,
          labels: [...top.map((t) => t.value), ...(present > inTop ? ['(other values)'] : [])],
          values: [...top.map((t) => t.count), ...(present > inTop ? [present - inTop] : [])],
          unit: 'count',
        }
      : null;
  const examples: string[] = [];
  for (let i = 0; i < rows && examples.length < 5; i++) {
    const c = col.codes[i]!;
    if (c >= 0 && !examples.includes(col.dictionary[c]!)) examples.push(col.dictionary[c]!);
  }
  return { name: col.name, kind: col.kind, rows, missing, distinct: used.length, numbers: null, outliers: null, top, otherCount: present - inTop, chart, examples };
}

function numberProfile(col: NumberColumn, rows: number, o: Required<ProfileOptions>): ColumnProfile {
  const sorted = sortedPresent(col);
  const n = sorted.length;
  const base = { name: col.name, kind: col.kind, rows, missing: rows - n, top: [], otherCount: 0 };
  if (n === 0) return { ...base, distinct: 0, numbers: null, outliers: null, chart: null, examples: [] };
  let distinct = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += sorted[k]!;
    if (k > 0 && sorted[k] !== sorted[k - 1]) distinct++;
  }
  const numbers = {
    min: sorted[0]!,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[n - 1]!,
    mean: sum / n,
  };
  const isDate = col.kind === 'date' || col.kind === 'datetime';
  const fences = isDate ? null : tukeyFences(sorted, o.outlierIqr);
  const outliers = fences && fences.iqr > 0 ? { k: o.outlierIqr, lower: fences.lower, upper: fences.upper, below: fences.below, above: fences.above } : null;
  const chart = isDate ? dateBars(col.name, sorted) : distinct <= FEW_VALUES ? valueBars(col.name, sorted) : histogram(col.name, sorted, o.bins, outliers, numbers.median);
  const examples: string[] = [];
  for (let i = 0; i < rows && examples.length < 5; i++) {
    const v = formatCell(col, i);
    if (v !== null && !examples.includes(v)) examples.push(v);
  }
  return { ...base, distinct, numbers, outliers, chart, examples };
}

/** Equal-width bins from min to max, [e_k, e_{k+1}) with the last bin closed; fences and median as markers. */
function histogram(title: string, sorted: Float64Array, bins: number, outliers: ColumnProfile['outliers'], median: number): FindingChart {
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * width));
  const counts = new Array<number>(bins).fill(0);
  for (let k = 0; k < sorted.length; k++) {
    const b = width > 0 ? Math.min(bins - 1, Math.floor((sorted[k]! - lo) / width)) : 0;
    counts[b]!++;
  }
  const markers = [{ label: 'median', value: median }];
  if (outliers) markers.push({ label: 'lower fence', value: outliers.lower }, { label: 'upper fence', value: outliers.upper });
  return { kind: 'histogram', title, edges, counts, markers };
}

function valueBars(title: string, sorted: Float64Array): FindingChart {
  const labels: string[] = [];
  const values: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) {
      labels.push(String(sorted[k]));
      values.push(0);
    }
    values[values.length - 1]!++;
  }
  return { kind: 'bars', title, labels, values, unit: 'count' };
}

/** Dates by month when they span at most three years, by year otherwise (UTC). */
function dateBars(title: string, sorted: Float64Array): FindingChart {
  const first = new Date(sorted[0]!);
  const last = new Date(sorted[sorted.length - 1]!);
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  const years = last.getUTCFullYear() - first.getUTCFullYear() + 1;
  // A span of centuries (a typo like year 2205) would be hundreds of bars: years as a histogram instead.
  if (years > 60) {
    const asYears = sorted.map((v) => { const d = new Date(v); return d.getUTCFullYear() + d.getUTCMonth() / 12; });
    return histogram(title, asYears, 30, null, quantileOfSorted(asYears, 0.5));
  }
  const byMonth = months <= 36;
  const keyOf = (d: Date): string => (byMonth ? `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` : String(d.getUTCFullYear()));
  const labels: string[] = [];
  const values: number[] = [];
  // Every period between the first and last, so an empty month shows as a gap, not as nothing.
  const steps = byMonth ? months : years;
  for (let s = 0; s < steps; s++) {
    labels.push(keyOf(byMonth ? new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + s, 1)) : new Date(Date.UTC(first.getUTCFullYear() + s, 0, 1))));
    values.push(0);
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  for (let k = 0; k < sorted.length; k++) values[index.get(keyOf(new Date(sorted[k]!)))!]!++;
  return { kind: 'bars', title, labels, values, unit: 'count' };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
