/**
 * Features as small integer codes, one pass per column, so the slice search counts with typed-array
 * histograms instead of looking at values.
 *
 * - Which columns: every column except the outcome, prediction, score, per-class scores, ids and
 *   ignored columns, and except text, id and empty columns. Sensitive columns ARE features (a slice
 *   involving one is flagged so the report can link it to fairness).
 * - Numbers and dates: quantile bins. Cut points are the values at positions ⌊k·m/B⌋ (k = 1…B−1)
 *   of the m sorted known values; repeated cut points are merged and a cut at the minimum is
 *   dropped, so with ties there are fewer bins but never an empty one (every bin contains its own
 *   lower cut point). A row with value x goes to the bin whose range [lower cut, upper cut) holds
 *   it (inBin: the one definition, which the flagged-rows export uses too). Above 100,000 known
 *   values the cut points come from a systematic sample of about 50,000 (every k-th row), which
 *   moves a cut by far less than a bin's width. A bin that holds one distinct value reads "= v".
 * - Categories (and yes/no columns): each value with at least `minCount` rows, the most common
 *   `maxValues` of them; the rest merged into one "another value" code.
 * - Missing is its own code ("is missing") in every column that has missing cells.
 * Codes are Uint8Array below 128 (search.ts folds a 0/1 error into them): at most 20 bins, or
 * `maxValues` (capped at 100) values, plus "other" and missing.
 * A column with a single code left (constant, and no missing) is not a feature: it splits nothing.
 */
import type { DatasetRoles } from '../roles/dataset-roles';
import { looksLikeYearColumn } from '../text/format';
import type { CodesColumn, Column, NumberColumn, Table } from '../table';
import { binCondition, equalsCondition, missingCondition, otherCondition, type NumberFlavour } from './labels';
import type { SliceCondition } from './types';

export interface EncodedFeature {
  column: string;
  kind: 'number' | 'date' | 'category';
  sensitive: boolean;
  /** One code per kept row (the order of `rows` passed to encodeFeatures). */
  codes: Uint8Array;
  /** The condition each code stands for; `conditions.length` is the number of codes. */
  conditions: SliceCondition[];
}

export interface EncodeOptions {
  /** Quantile bins per number or date column (options.sliceBins). */
  bins: number;
  /** A category value with fewer rows than this is merged into "another value" (options.minGroupSize). */
  minCount: number;
  /** At most this many category values keep their own code (default 30). */
  maxValues?: number;
}

export interface SkippedColumn {
  column: string;
  reason: string;
}

export const DEFAULT_MAX_VALUES = 30;
const EXACT_QUANTILES_UP_TO = 100_000;
const SAMPLE_SIZE = 50_000;

/** The columns slice search may use, with why the others are left out. */
export function featureColumns(table: Table, roles: DatasetRoles): { features: Column[]; skipped: SkippedColumn[] } {
  const roleColumns = new Set<string>([roles.target, roles.prediction, roles.score, ...Object.values(roles.classScores)].filter((c): c is string => c !== null));
  const ids = new Set(roles.ids);
  const ignored = new Set(roles.ignored);
  const features: Column[] = [];
  const skipped: SkippedColumn[] = [];
  for (const c of table.columns) {
    if (roleColumns.has(c.name)) continue;
    if (ignored.has(c.name)) skipped.push({ column: c.name, reason: 'ignored' });
    else if (ids.has(c.name) || c.kind === 'id') skipped.push({ column: c.name, reason: 'ids' });
    else if (c.kind === 'text') skipped.push({ column: c.name, reason: 'free text' });
    else if (c.kind === 'empty') skipped.push({ column: c.name, reason: 'empty' });
    else features.push(c);
  }
  return { features, skipped };
}

/**
 * Whether x is in the bin lower ≤ x < upper (−Infinity / Infinity: no bound). The one definition
 * of bin membership: encoding puts each value in the bin that holds it, and a slice's rows are
 * selected again with it from the bin's edges (SliceCondition.bin, members.ts).
 */
export function inBin(x: number, lower: number, upper: number): boolean {
  return lower <= x && x < upper;
}

/** Sorted cut points for B quantile bins of the known values (see the file comment). */
export function quantileCuts(sortedValues: Float64Array, bins: number): number[] {
  const m = sortedValues.length;
  if (m === 0) return [];
  const min = sortedValues[0]!;
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const c = sortedValues[Math.floor((k * m) / bins)]!;
    if (c > min && c !== cuts[cuts.length - 1]) cuts.push(c);
  }
  return cuts;
}

/** The column's kind, or 'year' for whole numbers that are calendar years (min and max: of the rows encoded). */
function flavourOf(c: NumberColumn, min: number | null, max: number | null): NumberFlavour {
  return c.kind === 'integer' && looksLikeYearColumn(c.name, min, max) ? 'year' : c.kind;
}

export function encodeNumberColumn(col: NumberColumn, rows: Uint32Array, bins: number): { codes: Uint8Array; conditions: SliceCondition[] } {
  const n = rows.length;
  let known = 0;
  for (let k = 0; k < n; k++) known += col.valid[rows[k]!]!;
  const stride = known > EXACT_QUANTILES_UP_TO ? Math.ceil(known / SAMPLE_SIZE) : 1;
  const sample = new Float64Array(Math.ceil(known / stride));
  for (let k = 0, seen = 0, s = 0; k < n; k++) {
    const r = rows[k]!;
    if (!col.valid[r]) continue;
    if (seen++ % stride === 0) sample[s++] = col.values[r]!;
  }
  sample.sort();
  const cuts = Float64Array.from(quantileCuts(sample, bins));
  const cutCount = cuts.length;
  const binCount = known > 0 ? cutCount + 1 : 0;
  // Bin b is [lowers[b], uppers[b]): consecutive cuts, open at both ends.
  const lowers = Float64Array.of(-Infinity, ...cuts);
  const uppers = Float64Array.of(...cuts, Infinity);
  const missingCode = binCount;
  const codes = new Uint8Array(n);
  const lo = new Float64Array(binCount).fill(Infinity);
  const hi = new Float64Array(binCount).fill(-Infinity);
  let missing = 0;
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    if (!col.valid[r]) {
      codes[k] = missingCode;
      missing++;
      continue;
    }
    const x = col.values[r]!;
    // The bin that holds x (at most 20 bins: a scan beats a binary search). The bins cover every
    // number, so the scan ends there; the last bin is the only one left when the others fail.
    let b = 0;
    while (b < cutCount && !inBin(x, lowers[b]!, uppers[b]!)) b++;
    codes[k] = b;
    if (x < lo[b]!) lo[b] = x;
    if (x > hi[b]!) hi[b] = x;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let b = 0; b < binCount; b++) {
    min = Math.min(min, lo[b]!);
    max = Math.max(max, hi[b]!);
  }
  const flavour = flavourOf(col, Number.isFinite(min) ? min : null, Number.isFinite(max) ? max : null);
  const conditions: SliceCondition[] = [];
  for (let b = 0; b < binCount; b++) {
    // With a sampled cut, a bin can in principle come out empty: keep its code (it counts 0 rows).
    const only = lo[b] === hi[b] ? lo[b]! : null;
    conditions.push(binCondition(col.name, flavour, b === 0 ? null : cuts[b - 1]!, b === binCount - 1 ? null : cuts[b]!, only));
  }
  if (missing > 0) conditions.push(missingCondition(col.name));
  return { codes, conditions };
}

export function encodeCodesColumn(col: CodesColumn, rows: Uint32Array, minCount: number, maxValues: number): { codes: Uint8Array; conditions: SliceCondition[] } {
  const n = rows.length;
  const counts = new Int32Array(col.dictionary.length);
  let missing = 0;
  for (let k = 0; k < n; k++) {
    const c = col.codes[rows[k]!]!;
    if (c < 0) missing++;
    else counts[c]!++;
  }
  const present: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) present.push(c);
  // Most common first; ties in dictionary order, so the encoding is stable.
  present.sort((a, b) => counts[b]! - counts[a]! || a - b);
  const kept = present.filter((c) => counts[c]! >= minCount).slice(0, maxValues);
  const merged = present.length - kept.length;
  const map = new Int32Array(col.dictionary.length).fill(kept.length); // everything else → "other"
  kept.forEach((c, i) => (map[c] = i));
  const conditions: SliceCondition[] = kept.map((c) => equalsCondition(col.name, col.dictionary[c]!));
  if (merged > 0) conditions.push(otherCondition(col.name, kept.map((c) => col.dictionary[c]!), merged));
  const missingCode = conditions.length;
  if (missing > 0) conditions.push(missingCondition(col.name));
  const codes = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const c = col.codes[rows[k]!]!;
    codes[k] = c < 0 ? missingCode : map[c]!;
  }
  return { codes, conditions };
}

/** Every feature column as codes over the kept rows; columns that split nothing are skipped. */
export function encodeFeatures(table: Table, roles: DatasetRoles, rows: Uint32Array, options: EncodeOptions): { features: EncodedFeature[]; skipped: SkippedColumn[] } {
  const maxValues = Math.min(100, options.maxValues ?? DEFAULT_MAX_VALUES);
  const bins = Math.min(20, Math.max(2, options.bins));
  const { features: columns, skipped } = featureColumns(table, roles);
  const features: EncodedFeature[] = [];
  for (const col of columns) {
    const e = col.storage === 'number' ? encodeNumberColumn(col, rows, bins) : encodeCodesColumn(col, rows, options.minCount, maxValues);
    if (e.conditions.length < 2) {
      skipped.push({ column: col.name, reason: 'one value' });
      continue;
    }
    const kind = col.storage === 'codes' ? 'category' : col.kind === 'date' || col.kind === 'datetime' ? 'date' : 'number';
    features.push({ column: col.name, kind, sensitive: roles.sensitive[col.name] !== undefined, codes: e.codes, conditions: e.conditions });
  }
  return { features, skipped };
}
