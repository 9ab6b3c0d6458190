/**
 * The results several checks share, each computed once per run through the CheckCache
 * (check-cache.ts) and then reused. Every accessor returns exactly what the function it wraps
 * returns; the values are shared, so callers must not change them.
 */
import { mergeSortedScores, type ScoresByClass } from '../../metrics/score-ranking';
import type { DatasetRoles } from '../../roles/dataset-roles';
import type { CodesColumn, Column, NumberColumn } from '../../table';
import { resolveOutcome, type Outcome } from '../model/outcome';
import { targetClasses, type TargetClasses } from '../quality/classes';
import { codeCounts, missingCount } from '../quality/common';
import { presentOrder, sortedFromOrder, type PresentOrder } from '../quality/numeric-stats';
import { firstOccurrences, keyOf } from '../quality/row-groups';
import type { CheckCache } from './check-cache';
import { scoresByClass } from './scores-by-class';

/** presentOrder(col): the column's present rows by value, ties in row order (one sort per column per run). */
export function columnOrder(cache: CheckCache, col: NumberColumn): PresentOrder {
  return cache.forColumn(col, 'present-order', () => presentOrder(col));
}

/** sortedPresent(col), read off the cached order (not kept: it is cheap to read again). */
export function sortedValues(cache: CheckCache, col: NumberColumn): Float64Array {
  return sortedFromOrder(col.values, columnOrder(cache, col));
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

/** firstOccurrences over whole rows of these columns (no rows left out). */
export function rowFirstOf(cache: CheckCache, columns: readonly Column[]): Int32Array {
  return cache.get(`row-first:${JSON.stringify(columns.map((c) => c.name))}`, () => firstOccurrences(cache.table.rowCount, columns.map(keyOf)));
}

/** codeCounts(col): rows per dictionary code, and rows with a value. */
export function codeCountsOf(cache: CheckCache, col: CodesColumn): { counts: Int32Array; present: number } {
  return cache.forColumn(col, 'code-counts', () => codeCounts(col));
}

/** missingCount(col). */
export function missingCountOf(cache: CheckCache, col: Column): number {
  return cache.forColumn(col, 'missing-count', () => missingCount(col));
}
