/**
 * Weak-slice discovery end to end: the error per row → features as codes → lattice search →
 * a p-value for every examined slice → Benjamini–Hochberg q-values over all of them → the
 * significant ones (q ≤ fdr), best score first, de-duplicated (dedupe.ts), with full statistics.
 *
 * Multiple testing: the number of hypotheses m is the number of slices EXAMINED — every slice whose
 * statistics were evaluated because it met the minimum support (see search.ts) — not only the ones
 * that look interesting, and not the ones pruned before counting. BH at options.fdr (default 5%)
 * keeps the expected share of false discoveries among the reported slices at or below that rate
 * (Benjamini & Hochberg 1995; valid under the positive dependence nested slices have, PRDS).
 * Only slices with q ≤ fdr (and, by construction, size ≥ minimum support) become findings.
 */
import type { CheckOptions } from '../checks/options';
import { benjaminiHochberg } from '../fairness/multiple-testing';
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import { listSlices, SharedRows, sliceRows } from './dedupe';
import { encodeFeatures, type EncodedFeature, type SkippedColumn } from './encode';
import { describeConditions } from './labels';
import type { RowErrors } from './row-errors';
import { DEFAULT_ALPHA, DEFAULT_TOP_K, searchSlices, type LevelStats } from './search';
import { errorWithInterval, oneSidedPValue, outsideOf, sliceStatistics, type Moments, type SliceStatistics } from './stats';
import type { SliceCondition, ValueWithInterval } from './types';

export interface DiscoverOptions {
  maxDepth: number;
  bins: number;
  minGroupSize: number;
  minShare: number;
  fdr: number;
  confidenceLevel: number;
  /** SliceLine's α (search.ts). */
  alpha?: number;
  topK?: number;
  /** At most this many slices are listed (default 20). */
  maxReported?: number;
  /** Category values with their own code per feature (default 30). */
  maxValues?: number;
}

export const DEFAULT_MAX_REPORTED = 20;
export const EXAMPLE_ROWS = 20;

export function discoverOptionsFrom(o: CheckOptions): DiscoverOptions {
  return { maxDepth: o.sliceMaxDepth, bins: o.sliceBins, minGroupSize: o.minGroupSize, minShare: o.sliceMinShare, fdr: o.fdr, confidenceLevel: o.confidenceLevel };
}

/** σ = max(minGroupSize, ⌈sliceMinShare · rows⌉). */
export function minimumSupport(rows: number, minGroupSize: number, minShare: number): number {
  return Math.max(minGroupSize, Math.ceil(minShare * rows));
}

export interface FoundSlice extends SliceStatistics {
  conditions: SliceCondition[];
  description: string;
  columns: string[];
  sensitive: boolean;
  score: number;
  q_value: number;
  /** Up to 20 example rows, as 1-based table row numbers. */
  examples: number[];
}

export interface Discovery {
  overall: ValueWithInterval;
  total: Moments;
  minSupport: number;
  examined: number;
  /** Slices with q ≤ fdr before de-duplication and the list limit. */
  significant: number;
  /** Significant slices left out as near-duplicates of a listed one, or explained by one (dedupe.ts). */
  nearDuplicates: number;
  explained: number;
  slices: FoundSlice[];
  features: string[];
  skipped: SkippedColumn[];
  levels: LevelStats[];
}

/** 1-based table row numbers of the first `limit` kept rows in a slice. */
export function exampleRows(keptRows: Uint32Array, tableRows: Uint32Array, limit = EXAMPLE_ROWS): number[] {
  const out: number[] = [];
  for (let i = 0; i < keptRows.length && out.length < limit; i++) out.push(tableRows[keptRows[i]!]! + 1);
  return out;
}

export function discoverSlices(table: Table, roles: DatasetRoles, errors: RowErrors, options: DiscoverOptions): Discovery {
  const n = errors.values.length;
  const minSupport = minimumSupport(n, options.minGroupSize, options.minShare);
  const { features, skipped } = encodeFeatures(table, roles, errors.rows, { bins: options.bins, minCount: options.minGroupSize, maxValues: options.maxValues });
  const search = searchSlices(features, errors.values, errors.binary, {
    maxDepth: options.maxDepth,
    minSupport,
    alpha: options.alpha ?? DEFAULT_ALPHA,
    topK: options.topK ?? DEFAULT_TOP_K,
  });
  const total: Moments = { n, sum: search.errorSum, sumSq: search.errorSumSq };
  const overall = errorWithInterval(total, errors.binary, options.confidenceLevel);
  const examined = search.examined;
  const moments = (i: number): Moments => ({ n: examined[i]!.size, sum: examined[i]!.errorSum, sumSq: examined[i]!.errorSumSq });
  const pValues = examined.map((_, i) => oneSidedPValue(moments(i), outsideOf(moments(i), total), errors.binary));
  const qValues = benjaminiHochberg(pValues);

  const significant: number[] = [];
  for (let i = 0; i < examined.length; i++) if (qValues[i]! <= options.fdr) significant.push(i);
  // Best score first; ties: fewer conditions, then bigger.
  significant.sort((a, b) => examined[b]!.score - examined[a]!.score || examined[a]!.features.length - examined[b]!.features.length || examined[b]!.size - examined[a]!.size);
  const rowsCache = new Map<number, Uint32Array>();
  const rowsOf = (k: number): Uint32Array => {
    let r = rowsCache.get(k);
    if (!r) {
      const s = examined[significant[k]!]!;
      rowsCache.set(k, (r = sliceRows(features, s.features, s.codes, s.size)));
    }
    return r;
  };
  const sharedRows = new Map<number, SharedRows>();
  const { kept, dropped } = listSlices({
    moments: significant.map(moments),
    shared: (a, b) => {
      const x = examined[significant[a]!]!;
      const y = examined[significant[b]!]!;
      // A condition on the same column with another value: no row in common.
      if (x.features.some((f, j) => y.features.includes(f) && y.codes[y.features.indexOf(f)] !== x.codes[j])) return null;
      let rows = sharedRows.get(b);
      if (!rows) sharedRows.set(b, (rows = new SharedRows(features, rowsOf(b), errors.values, errors.binary)));
      return rows.moments(x.features, x.codes);
    },
    total,
    binary: errors.binary,
    // The BH cut-off: the largest p-value among the discoveries (see dedupe.ts, rule 2).
    alpha: significant.reduce((m, i) => Math.max(m, pValues[i]!), 0),
    limit: options.maxReported ?? DEFAULT_MAX_REPORTED,
  });

  const slices = kept.map((k): FoundSlice => {
    const i = significant[k]!;
    const s = examined[i]!;
    const conditions = s.features.map((f, j) => features[f]!.conditions[s.codes[j]!]!);
    return {
      conditions,
      description: describeConditions(conditions),
      columns: s.features.map((f) => features[f]!.column),
      sensitive: s.features.some((f) => features[f]!.sensitive),
      ...sliceStatistics(moments(i), total, errors.binary, options.confidenceLevel),
      score: s.score,
      q_value: qValues[i]!,
      examples: exampleRows(rowsOf(k), errors.rows),
    };
  });
  return {
    overall,
    total,
    minSupport,
    examined: examined.length,
    significant: significant.length,
    nearDuplicates: dropped.filter((d) => d.rule === 'near-duplicate').length,
    explained: dropped.filter((d) => d.rule === 'explained').length,
    slices,
    features: features.map((f: EncodedFeature) => f.column),
    skipped,
    levels: search.levels,
  };
}
