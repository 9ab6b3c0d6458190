/**
 * Work shared by the checks of one run. Several checks need the same expensive intermediate
 * results — the sorted order of a number column (outliers, correlation, leakage), the outcome as
 * arrays (performance, calibration), the target's classes (imbalance, conflicting labels,
 * leakage), the exact row groups (duplicate rows and ids), the scores sorted by class (ROC, PR,
 * DeLong, equal-count calibration bins), per-column counts (rows per category, missing cells).
 * shared-work.ts has one accessor per result. runChecks creates one CheckCache per run and passes it
 * in CheckInput.cache; the first check that needs a result computes it, the others reuse it.
 * Work on single columns and row groups lasts one stage (runChecks calls endStage after each);
 * the rest lasts the run.
 *
 * A cache belongs to one CheckInput: one table, one set of roles. Entries that depend on roles say
 * so in their keys. Cached values are shared: a check must treat them as read-only.
 * A check run on its own (no cache, or a cache of another table) gets a fresh cache, so results
 * never depend on whether a cache was passed — only the time does.
 */
import type { Column, Table } from '../../table';
import type { CheckInput } from '../types';

export class CheckCache {
  private readonly entries = new Map<string, unknown>();
  private readonly objectEntries = new WeakMap<object, Map<string, unknown>>();
  /** Work about single columns and row groups: kept for one stage (see endStage). */
  private readonly stageEntries = new Map<object, Map<string, unknown>>();
  private readonly stageKey = {};

  constructor(readonly table: Table) {}

  /** The value stored under `key` for the whole run, computed by `compute` the first time. */
  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    this.entries.set(key, value);
    return value;
  }

  /** Like get, kept only until the stage ends (endStage): for big intermediate work no later stage reads. */
  forStage<T>(key: string, compute: () => T): T {
    return remember(this.stageEntries, this.stageKey, key, compute);
  }

  /** Like forStage, for a value that belongs to one column of the table. */
  forColumn<T>(col: Column, key: string, compute: () => T): T {
    return remember(this.stageEntries, col, key, compute);
  }

  /** What forColumn stored under `key` for this column in this stage, if anything (nothing is computed). */
  peekColumn<T>(col: Column, key: string): T | undefined {
    return this.stageEntries.get(col)?.get(key) as T | undefined;
  }

  /** Like get, for a value derived from one object (an array another entry holds); kept as long as that object. */
  forObject<T>(owner: object, key: string, compute: () => T): T {
    return remember(this.objectEntries, owner, key, compute);
  }

  /**
   * Forgets the stage's work (forStage, forColumn): per-column sort orders, row groups and counts,
   * which only the quality checks read. Kept to the end of a run, they held ~75 MB at 1M rows
   * under the later stages' own work, raising the check-up's peak by as much. What the run's later
   * stages reuse (the outcome, the leakage scan, scores by class) is stored with get or forObject.
   */
  endStage(): void {
    this.stageEntries.clear();
  }
}

function remember<T>(store: Map<object, Map<string, unknown>> | WeakMap<object, Map<string, unknown>>, owner: object, key: string, compute: () => T): T {
  let entries = store.get(owner);
  if (!entries) {
    entries = new Map();
    store.set(owner, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  return value;
}

/** The run's cache when it was made for this input's table; otherwise a fresh one for this call. */
export function cacheOf(input: CheckInput): CheckCache {
  return input.cache && input.cache.table === input.table ? input.cache : new CheckCache(input.table);
}
