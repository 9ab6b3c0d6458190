/**
 * The results several checks share, each computed once per run through the CheckCache
 * (check-cache.ts) and then reused. Every accessor returns exactly what the function it wraps
 * returns; the values are shared, so callers must not change them.
 */
import { mergeSortedScores, type ScoresByClass } from '../../metrics/score-ranking';
import type { DatasetRoles } from '../../roles/dataset-roles';
import type { Codes, CodesColumn, Column, NumberColumn, NumberValues } from '../../table';
import { resolveOutcome, type Outcome } from '../model/outcome';
import { targetClasses, type TargetClasses } from '../quality/classes';
import { codeCounts, missingCount } from '../quality/common';
import { presentOrder, type PresentOrder, type RowOrder, type ValueGroups } from '../quality/numeric-stats';
import { firstOccurrences, keyOf } from '../quality/row-groups';
import type { CheckCache } from './check-cache';
import { scoresByClass } from './scores-by-class';

/**
 * presentOrder(col): the column's present rows by value, ties in row order — one sort per column per
 * run, shared by outliers, leakage and correlation (sortedFromOrder / sortedValuesOf read the values
 * off it).
 */
export function columnOrder(cache: CheckCache, col: NumberColumn): PresentOrder {
  return cache.forColumn(col, 'present-order', () => presentOrder(col));
}

/** targetClasses(col). */
export function targetClassesOf(cache: CheckCache, col: Column): TargetClasses | null {
  return cache.forColumn(col, 'target-classes', () => targetClasses(col));
}

/** resolveOutcome(table, roles) for the cache's table. */
export function outcomeOf(cache: CheckCache, roles: DatasetRoles): Outcome {
  return cache.get(`outcome:${JSON.stringify(roles)}`, () => resolveOutcome(cache.table, roles));
}

/** sortScoresByClass(yTrue, score) (by counting when it can: scores-by-class.ts), kept as long as that yTrue array (the outcome's arrays are cached). */
export function scoresByClassOf(cache: CheckCache, yTrue: Uint8Array, score: Float64Array): ScoresByClass {
  return cache.forObject(yTrue, 'scores-by-class', () => scoresByClass(yTrue, score));
}

/** Every score sorted ascending (the merge of scoresByClassOf). */
export function sortedScoresOf(cache: CheckCache, yTrue: Uint8Array, score: Float64Array): Float64Array {
  return cache.forObject(yTrue, 'sorted-scores', () => mergeSortedScores(scoresByClassOf(cache, yTrue, score)));
}

/**
 * firstOccurrences over whole rows of these columns (no rows left out). `uniqueCandidates` (some of
 * `columns`, e.g. ids) are looked at first: when one holds a different value in every row, so do
 * the whole rows, and each row is its own first occurrence — the same answer, without grouping
 * every column.
 */
export function rowFirstOf(cache: CheckCache, columns: readonly Column[], uniqueCandidates: readonly Column[] = []): Int32Array {
  return cache.forStage(`row-first:${JSON.stringify(columns.map((c) => c.name))}`, () => {
    const n = cache.table.rowCount;
    if (uniqueColumnAmong(cache, columns, uniqueCandidates)) return identity(n);
    return firstOccurrences(n, columns.map(keyOf), undefined, rowsWithUniqueValue(cache, columns) ?? undefined);
  });
}

/**
 * The first of `candidates` that is one of `columns` and holds a different value in every row
 * (missing counting as a value) — so no two rows are equal on `columns` — or undefined.
 */
export function uniqueColumnAmong(cache: CheckCache, columns: readonly Column[], candidates: readonly Column[]): Column | undefined {
  return candidates.find((c) => columns.includes(c) && isIdentity(columnFirstOf(cache, c)));
}

/**
 * firstOccurrences of one column's values (missing equals missing). A column whose values only
 * grow from row to row (ids numbered in order; text ids, whose codes number them as first seen)
 * holds a different value in every row: each row is its own first occurrence.
 */
export function columnFirstOf(cache: CheckCache, col: Column): Int32Array {
  return cache.forColumn(col, 'first-occurrences', () => {
    const n = cache.table.rowCount;
    const increasing = col.storage === 'codes' ? strictlyIncreasingCodes(col.codes) : strictlyIncreasingValues(col.values, col.valid);
    return increasing ? identity(n) : firstOccurrences(n, [keyOf(col)]);
  });
}

function strictlyIncreasingCodes(codes: Codes): boolean {
  if (codes.length > 0 && codes[0]! < 0) return false;
  for (let i = 1; i < codes.length; i++) if (!(codes[i]! > codes[i - 1]!)) return false;
  return true;
}

/** Every row present and each value above the one before (so no two are equal, −0 and 0 included). */
function strictlyIncreasingValues(values: NumberValues, valid: Uint8Array): boolean {
  if (valid.length > 0 && valid[0] === 0) return false;
  for (let i = 1; i < valid.length; i++) if (valid[i] === 0 || !(values[i]! > values[i - 1]!)) return false;
  return true;
}

function isIdentity(first: Int32Array): boolean {
  for (let i = 0; i < first.length; i++) if (first[i] !== i) return false;
  return true;
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** codeCounts(col): rows per dictionary code, and rows with a value. */
export function codeCountsOf(cache: CheckCache, col: CodesColumn): { counts: Int32Array; present: number } {
  return cache.forColumn(col, 'code-counts', () => codeCounts(col));
}

/** missingCount(col). */
export function missingCountOf(cache: CheckCache, col: Column): number {
  return cache.forColumn(col, 'missing-count', () => missingCount(col));
}

/**
 * Rows that can equal no other row on these key columns, because their value in one of the number
 * columns occurs nowhere else — read off a sort order some check already made (none is made here;
 * null when there is none, or it would rule out too few rows to be worth it). For firstOccurrences'
 * `distinct`.
 */
export function rowsWithUniqueValue(cache: CheckCache, columns: readonly Column[]): Uint8Array | null {
  let best: { col: NumberColumn; order: PresentOrder } | null = null;
  let bestSingles = 0;
  for (const c of columns) {
    if (c.storage !== 'number') continue;
    const order = cache.peekColumn<PresentOrder>(c, 'present-order');
    if (!order) continue;
    const singles = order.groups ? singleValueCount(order.groups.sizes) : singletonCount(order.tieNext);
    if (singles > bestSingles) {
      best = { col: c, order };
      bestSingles = singles;
    }
  }
  if (!best || bestSingles < cache.table.rowCount / 4) return null;
  const marked = new Uint8Array(cache.table.rowCount);
  if (best.order.groups) markSingleValues(best.order.groups, best.col.valid, marked);
  else markSingletons(best.order, marked);
  return marked;
}

/** Positions whose tie group is that position alone. */
function singletonCount(tieNext: Uint8Array): number {
  let count = 0;
  for (let k = 0; k < tieNext.length; k++) if (tieNext[k] === 0 && (k === 0 || tieNext[k - 1] === 0)) count++;
  return count;
}

function markSingletons({ order, tieNext }: RowOrder, marked: Uint8Array): void {
  for (let k = 0; k < tieNext.length; k++) if (tieNext[k] === 0 && (k === 0 || tieNext[k - 1] === 0)) marked[order[k]!] = 1;
}

/** Values held by one row only. */
function singleValueCount(sizes: Int32Array): number {
  let count = 0;
  for (let g = 0; g < sizes.length; g++) if (sizes[g] === 1) count++;
  return count;
}

function markSingleValues({ sizes, codes, rankOf }: ValueGroups, valid: Uint8Array, marked: Uint8Array): void {
  for (let i = 0; i < valid.length; i++) if (valid[i] === 1 && sizes[rankOf[codes[i]!]!] === 1) marked[i] = 1;
}
