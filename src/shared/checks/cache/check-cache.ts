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
 * What a stage computed is given back when it ends: endStage returns the big buffers only that
 * stage's work holds (and those a check handed over with releaseAtStageEnd), so the worker can
 * free them before the next stage instead of at V8's next collection (see runChecksReleasing).
 *
 * A cache belongs to one CheckInput: one table, one set of roles. Entries that depend on roles say
 * so in their keys. Cached values are shared: a check must treat them as read-only.
 * A check run on its own (no cache, or a cache of another table) gets a fresh cache, so results
 * never depend on whether a cache was passed — only the time does.
 */
import type { Column, Table } from '../../table';
import type { CheckInput } from '../types';

/** Buffers smaller than this are left to the collector when a stage ends. */
const RELEASE_MIN_BYTES = 65536;

export class CheckCache {
  private readonly entries = new Map<string, unknown>();
  /** The table's buffers and those the run's entries (get, forObject) hold: never given back. */
  private readonly kept = new WeakSet<ArrayBufferLike>();
  /** What checks handed over with releaseAtStageEnd during this stage. */
  private handedOver: unknown[] = [];
  private readonly objectEntries = new WeakMap<object, Map<string, unknown>>();
  /** Work about single columns and row groups: kept for one stage (see endStage). */
  private readonly stageEntries = new Map<object, Map<string, unknown>>();
  private readonly stageKey = {};

  constructor(readonly table: Table) {
    for (const c of table.columns) {
      if (c.storage === 'number') {
        this.kept.add(c.values.buffer);
        this.kept.add(c.valid.buffer);
      } else this.kept.add(c.codes.buffer);
    }
  }

  /** The value stored under `key` for the whole run, computed by `compute` the first time. */
  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    this.entries.set(key, value);
    this.keep(value);
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
    return remember(this.objectEntries, owner, key, compute, (value) => this.keep(value));
  }

  /**
   * Hands over big work a check no longer needs (typed arrays, or objects and arrays holding
   * them), to be given back with the stage's own when the stage ends. Buffers the table or the
   * run's entries hold are never given back, whatever is handed over.
   */
  releaseAtStageEnd(value: unknown): void {
    this.handedOver.push(value);
  }

  /**
   * Forgets the stage's work (forStage, forColumn): per-column sort orders, row groups and counts,
   * which only the quality checks read. Kept to the end of a run, they held ~75 MB at 1M rows
   * under the later stages' own work, raising the check-up's peak by as much. What the run's later
   * stages reuse (the outcome, the leakage scan, scores by class) is stored with get or forObject.
   * Returns the buffers of 64 KB or more that only the stage's work (and what was handed over with
   * releaseAtStageEnd) holds: nothing the table or the run's entries reach. Nothing reads them after
   * this, so the caller may free them outright.
   */
  endStage(): ArrayBufferLike[] {
    const found = new Set<ArrayBufferLike>();
    const seen = new Set<object>();
    for (const entries of this.stageEntries.values()) for (const value of entries.values()) buffersIn(value, found, seen);
    for (const value of this.handedOver) buffersIn(value, found, seen);
    this.stageEntries.clear();
    this.handedOver = [];
    return [...found].filter((b) => b.byteLength >= RELEASE_MIN_BYTES && !this.kept.has(b));
  }

  private keep(value: unknown): void {
    const found = new Set<ArrayBufferLike>();
    buffersIn(value, found, new Set());
    for (const b of found) this.kept.add(b);
  }
}

/** Every ArrayBuffer `value` reaches through typed arrays, arrays, maps, sets and object properties. */
function buffersIn(value: unknown, into: Set<ArrayBufferLike>, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    into.add(value.buffer);
    return;
  }
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
    into.add(value);
    return;
  }
  if (seen.has(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      buffersIn(k, into, seen);
      buffersIn(v, into, seen);
    }
  } else if (value instanceof Set || Array.isArray(value)) {
    for (const v of value) buffersIn(v, into, seen);
  } else {
    for (const v of Object.values(value)) buffersIn(v, into, seen);
  }
}

function remember<T>(
  store: Map<object, Map<string, unknown>> | WeakMap<object, Map<string, unknown>>,
  owner: object,
  key: string,
  compute: () => T,
  stored?: (value: T) => void,
): T {
  let entries = store.get(owner);
  if (!entries) {
    entries = new Map();
    store.set(owner, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  stored?.(value);
  return value;
}

/** The run's cache when it was made for this input's table; otherwise a fresh one for this call. */
export function cacheOf(input: CheckInput): CheckCache {
  return input.cache && input.cache.table === input.table ? input.cache : new CheckCache(input.table);
}
