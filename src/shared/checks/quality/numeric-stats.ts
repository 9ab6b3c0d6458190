/**
 * Numeric kernels for the quality checks: sorted present values, binary searches, Tukey fences,
 * sample skewness, Pearson correlation and average ranks. Each states the definition it follows.
 */
import { lowerBound, upperBound } from '../../metrics/bounds';
import { quantileOfSorted, quantileOfSortedAt } from '../../metrics/quantile';
import { emptyRangeFirst } from '../../metrics/row-ranges';
import { float64Values, type NumberColumn, type NumberValues } from '../../table';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes the 64-bit key of `v` into words[2k] (low) and words[2k + 1] (high) such that unsigned
 * key order is numeric order: positive numbers get the sign bit set, negative numbers all bits
 * flipped (the usual float radix-sort trick). −0 is written as +0, so they are one value.
 */
function writeKey(words: Uint32Array, k: number, valueWords: Uint32Array, i: number, v: number): void {
  let hi = v === 0 ? 0 : valueWords[2 * i + 1]!;
  let lo = v === 0 ? 0 : valueWords[2 * i]!;
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else hi = (hi | 0x80000000) >>> 0;
  words[2 * k] = lo;
  words[2 * k + 1] = hi;
}

/**
 * The present values of a number column, sorted ascending. Sorted as 64-bit unsigned keys
 * (BigUint64Array's native sort, about twice as fast as Float64Array's, which must order NaN and −0).
 */
export function sortedPresent(col: Pick<NumberColumn, 'values' | 'valid'>): Float64Array {
  const { values, valid } = col;
  let present = 0;
  for (let i = 0; i < valid.length; i++) present += valid[i]!;
  const out = new Float64Array(present);
  for (let i = 0, k = 0; i < valid.length; i++) if (valid[i] === 1) out[k++] = values[i]! === 0 ? 0 : values[i]!;
  if (!LITTLE_ENDIAN) return out.sort();
  const keys = new BigUint64Array(present);
  const words = new Uint32Array(keys.buffer);
  const outWords = new Uint32Array(out.buffer);
  for (let k = 0; k < present; k++) writeKey(words, k, outWords, k, out[k]!);
  keys.sort();
  // Back from keys to the same float bits.
  for (let k = 0; k < present; k++) {
    const hi = words[2 * k + 1]!;
    const lo = words[2 * k]!;
    if (hi & 0x80000000) {
      outWords[2 * k + 1] = (hi & 0x7fffffff) >>> 0;
      outWords[2 * k] = lo;
    } else {
      outWords[2 * k + 1] = ~hi >>> 0;
      outWords[2 * k] = ~lo >>> 0;
    }
  }
  return out;
}

/** The present rows by value (ties in row order), one row index per present value. */
export interface RowOrder {
  /** Row indices of the present values, by value (ties in row order). */
  order: Int32Array;
  /** tieNext[k] = 1 when the rows order[k] and order[k + 1] hold the same value. */
  tieNext: Uint8Array;
}

/**
 * Columns with few values (whole numbers, dates, flags, rounded scores): the different values,
 * ascending (−0 as 0), how many rows hold each, and each present row's value:
 * values[rankOf[codes[row]]] (codes number the values in the order first seen; meaningless for
 * missing rows).
 */
export interface ValueGroups {
  values: Float64Array;
  sizes: Int32Array;
  codes: Uint16Array;
  rankOf: Uint16Array;
}

/**
 * A column's present values in order. Columns with few values are described by their value groups
 * alone: their rows' order follows from them (rowOrder) and no check needs it spelled out, so it
 * is not kept (4 bytes a row, plus 1 for tieNext: ~45 MB for the 10 such columns of the 1M-row
 * bench table, all held through the quality stage). Other columns keep the sorted row order.
 */
export type PresentOrder =
  | ({ present: number; groups?: undefined } & RowOrder)
  | { present: number; groups: ValueGroups; order?: undefined; tieNext?: undefined };

/** Up to this many different values, presentOrder places rows by counting instead of sorting. */
export const COUNTING_MAX_DISTINCT = 65536;
/** Runs of keys equal in their kept bits longer than this are sorted with a comparator, not by insertion. */
const INSERTION_MAX_RUN = 16;

/**
 * Sorts the present values by row without a comparator sort over indices.
 *
 * Columns with at most COUNTING_MAX_DISTINCT different values (whole numbers, dates, flags, rounded
 * scores) are placed by counting: one hash pass finds the different values, they are sorted, and
 * each row goes to its value's next slot in row order. Other columns: each 64-bit key holds the
 * value's top bits and, in its lowest bits, the row number; one native BigUint64Array sort orders
 * them. Keys equal in the kept bits form short runs (or, for repeated values, runs whose rows
 * ascend); only those runs read their values, to put values that differ below the kept bits
 * (closer than ~2⁻³² relative) in order and to mark exact ties. Both give the same order (by value,
 * −0 = 0, ties in row order), exact for every input.
 */
export function presentOrder(col: Pick<NumberColumn, 'values' | 'valid'>): PresentOrder {
  // Its keys are the values' IEEE bits: a narrow column's are read from a Float64 copy.
  const values = float64Values(col.values);
  const { valid } = col;
  const n = valid.length;
  if (LITTLE_ENDIAN) {
    const counted = orderByCounting(values, valid);
    if (counted) return counted;
  }
  const m = countPresent(valid);
  const order = new Int32Array(m);
  const tieNext = new Uint8Array(m);
  if (!LITTLE_ENDIAN) {
    for (let i = 0, k = 0; i < n; i++) if (valid[i] === 1) order[k++] = i;
    order.sort((a, b) => values[a]! - values[b]! || a - b);
    for (let k = 0; k + 1 < m; k++) tieNext[k] = values[order[k]!] === values[order[k + 1]!] ? 1 : 0;
    return { present: m, order, tieNext };
  }
  let bits = 1;
  while (2 ** bits < n) bits++;
  const mask = 2 ** bits - 1; // n < 2^31, so the mask fits a 32-bit word
  const keys = new BigUint64Array(m);
  const words = new Uint32Array(keys.buffer);
  writeRowKeys(values, valid, words, mask);
  keys.sort();
  rowsOfKeys(words, mask, order);
  settleRuns(values, words, mask, order, tieNext);
  return { present: m, order, tieNext };
}

// The loops of presentOrder, each in a function that ends with its loop (see metrics/row-ranges.ts).

function countPresent(valid: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < valid.length; i++) m += valid[i]!;
  return m;
}

/** Keys of the present values (writeKey), their lowest bits (`mask`) replaced by the row number. */
function writeRowKeys(values: Float64Array, valid: Uint8Array, words: Uint32Array, mask: number): void {
  const valueWords = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0, k = 0; i < valid.length; i++) {
    if (valid[i] === 0) continue;
    writeKey(words, k, valueWords, i, values[i]!);
    words[2 * k] = ((words[2 * k]! & ~mask) | i) >>> 0;
    k++;
  }
}

function rowsOfKeys(words: Uint32Array, mask: number, order: Int32Array): void {
  for (let k = 0; k < order.length; k++) order[k] = words[2 * k]! & mask;
}

/** Runs of keys equal in their kept bits: values put in order where needed, exact ties marked. */
function settleRuns(values: Float64Array, words: Uint32Array, mask: number, order: Int32Array, tieNext: Uint8Array): void {
  const m = order.length;
  for (let start = 0; start < m; ) {
    const hi = words[2 * start + 1]!;
    const lo = words[2 * start]! & ~mask;
    let end = start + 1;
    while (end < m && words[2 * end + 1] === hi && (words[2 * end]! & ~mask) === lo) end++;
    if (end - start > 1) settleRun(values, order, tieNext, start, end);
    start = end;
  }
}

/**
 * Rows order[start…end) hold keys equal in their kept bits, rows ascending. Usually their values
 * are equal or already ascending (then nothing moves); otherwise they are put in order by (value,
 * row). Marks the exact ties.
 */
function settleRun(values: Float64Array, order: Int32Array, tieNext: Uint8Array, start: number, end: number): void {
  let prev = values[order[start]!]!;
  for (let j = start + 1; j < end; j++) {
    const v = values[order[j]!]!;
    if (v < prev) {
      sortRun(values, order, tieNext, start, end);
      return;
    }
    tieNext[j - 1] = v === prev ? 1 : 0;
    prev = v;
  }
}

function sortRun(values: Float64Array, order: Int32Array, tieNext: Uint8Array, start: number, end: number): void {
  if (end - start > INSERTION_MAX_RUN) {
    // A long run (many values sharing their top bits): by (value, row) with a comparator, which
    // gives the insertion sort's order without its quadratic cost.
    order.subarray(start, end).sort((a, b) => values[a]! - values[b]! || a - b);
  } else {
    // Insertion sort by value; rows already ascend, so equal values never move.
    for (let j = start + 1; j < end; j++) {
      const r = order[j]!;
      const v = values[r]!;
      let at = j - 1;
      while (at >= start && values[order[at]!]! > v) {
        order[at + 1] = order[at]!;
        at--;
      }
      order[at + 1] = r;
    }
  }
  for (let j = start; j + 1 < end; j++) tieNext[j] = values[order[j]!] === values[order[j + 1]!] ? 1 : 0;
}

/**
 * presentOrder for columns with few different values: a hash pass over the values (−0 taken as 0)
 * gives each row a value code, and the different values are sorted (rowOrder places the rows from
 * these, for whoever needs them one by one). Null when there are more than COUNTING_MAX_DISTINCT
 * values, or a NaN (left to the general path, which orders it by its bits).
 */
function orderByCounting(values: Float64Array, valid: Uint8Array): PresentOrder | null {
  const n = valid.length;
  const t: DistinctTable = {
    slots: new Int32Array(COUNTING_MAX_DISTINCT * 2),
    lo: new Uint32Array(COUNTING_MAX_DISTINCT),
    hi: new Uint32Array(COUNTING_MAX_DISTINCT),
    value: new Float64Array(COUNTING_MAX_DISTINCT),
    count: new Int32Array(COUNTING_MAX_DISTINCT),
  };
  const code = new Uint16Array(n);
  const distinct = codeValues(values, valid, t, code);
  if (distinct < 0) return null;
  let m = 0;
  for (let d = 0; d < distinct; d++) m += t.count[d]!;
  // Value codes by increasing value (the values are different, non-NaN, and −0 is 0, so this is a
  // strict total order).
  const byValue = new Uint32Array(distinct);
  for (let d = 0; d < distinct; d++) byValue[d] = d;
  byValue.sort((a, b) => t.value[a]! - t.value[b]!);
  const groupValues = new Float64Array(distinct);
  const groupSizes = new Int32Array(distinct);
  const rankOf = new Uint16Array(distinct);
  for (let g = 0; g < distinct; g++) {
    const d = byValue[g]!;
    rankOf[d] = g;
    groupValues[g] = t.value[d]!;
    groupSizes[g] = t.count[d]!;
  }
  return { present: m, groups: { values: groupValues, sizes: groupSizes, codes: code, rankOf } };
}

/**
 * The present rows one by one in presentOrder's order: its own arrays for a sorted column; for a
 * column described by its value groups, each present row placed in its value's next slot, in row
 * order (a counting sort: the same order, ties in row order).
 */
export function rowOrder(p: PresentOrder, valid: Uint8Array): RowOrder {
  if (!p.groups) return p;
  const { sizes, codes, rankOf } = p.groups;
  const order = new Int32Array(p.present);
  const tieNext = new Uint8Array(p.present);
  const next = new Int32Array(rankOf.length);
  const startOf = new Int32Array(sizes.length);
  for (let g = 0, start = 0; g < sizes.length; g++) {
    startOf[g] = start;
    tieNext.fill(1, start, start + sizes[g]! - 1);
    start += sizes[g]!;
  }
  for (let c = 0; c < rankOf.length; c++) next[c] = startOf[rankOf[c]!]!;
  placeRows(valid, codes, next, order);
  return { order, tieNext };
}

/** Open-addressing table of the different values (−0 as 0) seen by codeValues. */
interface DistinctTable {
  /** Value index + 1 per slot; 0 = empty. */
  slots: Int32Array;
  lo: Uint32Array;
  hi: Uint32Array;
  value: Float64Array;
  count: Int32Array;
}

/**
 * Gives each present row the index of its value in `t` (in `code`) and counts the rows per value.
 * Returns how many different values there are, or −1 when there are more than the table holds or
 * a NaN turns up.
 */
function codeValues(values: Float64Array, valid: Uint8Array, t: DistinctTable, code: Uint16Array): number {
  const { slots, lo: distinctLo, hi: distinctHi, value: distinctValue, count: counts } = t;
  const slotMask = slots.length - 1;
  const capacity = counts.length;
  const valueWords = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let distinct = 0;
  for (let i = 0; i < valid.length; i++) {
    if (valid[i] === 0) continue;
    const v = values[i]!;
    if (v !== v) return -1;
    const lo = v === 0 ? 0 : valueWords[2 * i]!;
    const hi = v === 0 ? 0 : valueWords[2 * i + 1]!;
    let s = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    s = (s ^ (s >>> 15)) & slotMask;
    for (;;) {
      const d = slots[s]! - 1;
      if (d < 0) {
        if (distinct === capacity) return -1;
        slots[s] = distinct + 1;
        distinctLo[distinct] = lo;
        distinctHi[distinct] = hi;
        distinctValue[distinct] = v === 0 ? 0 : v;
        counts[distinct] = 1;
        code[i] = distinct++;
        break;
      }
      if (distinctLo[d] === lo && distinctHi[d] === hi) {
        counts[d]!++;
        code[i] = d;
        break;
      }
      s = (s + 1) & slotMask;
    }
  }
  return distinct;
}

/** Each present row to its value's next slot, in row order. */
function placeRows(valid: Uint8Array, code: Uint16Array, next: Int32Array, order: Int32Array): void {
  for (let i = 0; i < valid.length; i++) if (valid[i] === 1) order[next[code[i]!]!++] = i;
}

/** The present values in the order of `presentOrder` (−0 written as 0): the same array as sortedPresent. */
export function sortedFromOrder(values: NumberValues, { present, order, groups }: PresentOrder): Float64Array {
  const out = new Float64Array(present);
  if (groups) {
    for (let g = 0, k = 0; g < groups.values.length; g++) {
      const end = k + groups.sizes[g]!;
      out.fill(groups.values[g]!, k, end);
      k = end;
    }
    return out;
  }
  for (let k = 0; k < present; k++) {
    const v = values[order[k]!]!;
    out[k] = v === 0 ? 0 : v;
  }
  return out;
}

/**
 * Ascending values read on demand: `at(k)` is the k-th smallest (−0 as 0). Lets the outlier fences
 * read the few order statistics they need from a column's sorted order without copying it out.
 */
export interface SortedValues {
  readonly length: number;
  at(k: number): number;
}

/** The present values of a column, by its presentOrder. */
export function sortedValuesOf(values: NumberValues, presentOrder: PresentOrder): SortedValues {
  if (presentOrder.groups) {
    // Few values: the value whose stretch of positions holds k (binary search over the stretches).
    const groups = presentOrder.groups;
    const ends = new Float64Array(groups.sizes.length);
    for (let g = 0, end = 0; g < ends.length; g++) ends[g] = end += groups.sizes[g]!;
    return { length: presentOrder.present, at: (k) => groups.values[upperBound(ends, k)]! };
  }
  const order = presentOrder.order;
  return {
    length: order.length,
    at: (k) => {
      const v = values[order[k]!]!;
      return v === 0 ? 0 : v;
    },
  };
}

/** First index k with at(k) >= x. */
export function lowerBoundOf(sorted: SortedValues, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.at(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index k with at(k) > x. */
export function upperBoundOf(sorted: SortedValues, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.at(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** tukeyFences of values read on demand (the same numbers as tukeyFences of the array). */
export function tukeyFencesOf(sorted: SortedValues, k: number): TukeyFences | null {
  const n = sorted.length;
  if (n === 0) return null;
  const at = (i: number): number => sorted.at(i);
  const q1 = quantileOfSortedAt(n, at, 0.25);
  const median = quantileOfSortedAt(n, at, 0.5);
  const q3 = quantileOfSortedAt(n, at, 0.75);
  const iqr = q3 - q1;
  const lower = q1 - k * iqr;
  const upper = q3 + k * iqr;
  return { q1, median, q3, iqr, lower, upper, below: lowerBoundOf(sorted, lower), above: n - upperBoundOf(sorted, upper) };
}

export interface TukeyFences {
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  lower: number;
  upper: number;
  /** Values strictly below `lower` / strictly above `upper`. */
  below: number;
  above: number;
}

/**
 * Tukey's fences (Tukey 1977, Exploratory Data Analysis): Q1 − k·IQR and Q3 + k·IQR, IQR = Q3 − Q1,
 * with quartiles by linear interpolation between order statistics (numpy's default,
 * Hyndman & Fan type 7). k = 1.5 gives Tukey's "outside" values, k = 3 his "far out" values.
 * A value is an outlier when strictly beyond a fence.
 */
export function tukeyFences(sorted: Float64Array, k: number): TukeyFences | null {
  if (sorted.length === 0) return null;
  const q1 = quantileOfSorted(sorted, 0.25);
  const median = quantileOfSorted(sorted, 0.5);
  const q3 = quantileOfSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lower = q1 - k * iqr;
  const upper = q3 + k * iqr;
  return { q1, median, q3, iqr, lower, upper, below: lowerBound(sorted, lower), above: sorted.length - upperBound(sorted, upper) };
}

/**
 * Sample skewness, the adjusted Fisher–Pearson coefficient G1 = √(n(n−1))/(n−2) · m3 / m2^{3/2},
 * with m_k = (1/n) Σ (x − x̄)^k (two passes: the mean first, for accuracy). This is
 * scipy.stats.skew(x, bias=False) and Excel's SKEW. Null when n < 3 or every value is equal.
 */
export function sampleSkewness(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n < 3) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
  }
  const m2 = s2 / n;
  const m3 = s3 / n;
  // Equal values up to rounding: scipy's test, m2 <= (finfo(float64).resolution · mean)², resolution = 1e-15.
  if (m2 <= (1e-15 * mean) ** 2) return null;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** Count, minimum, maximum and sum (in row order) of the present values (valid = 1). */
export function presentSummary(values: NumberValues, valid: Uint8Array): { present: number; min: number; max: number; sum: number } {
  const acc = Float64Array.of(0, Infinity, -Infinity, 0);
  emptyRangeFirst(valid.length, (from, to) => summarizeRange(values, valid, from, to, acc));
  return { present: acc[0]!, min: acc[1]!, max: acc[2]!, sum: acc[3]! };
}

function summarizeRange(values: NumberValues, valid: Uint8Array, from: number, to: number, acc: Float64Array): void {
  let present = acc[0]!;
  let min = acc[1]!;
  let max = acc[2]!;
  let sum = acc[3]!;
  for (let i = from; i < to; i++) {
    if (valid[i] === 0) continue;
    present++;
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  acc[0] = present;
  acc[1] = min;
  acc[2] = max;
  acc[3] = sum;
}

/** Whether a present value is neither `min` nor `max` (a third value exists). */
export function hasValueBetween(values: NumberValues, valid: Uint8Array, min: number, max: number): boolean {
  for (let i = 0; i < valid.length; i++) if (valid[i] === 1 && values[i] !== min && values[i] !== max) return true;
  return false;
}

/**
 * sampleSkewness of the present values (valid = 1), without copying them out: `sum` is their sum
 * taken in row order, exactly as sampleSkewness sums the copied values, so the result is the same
 * number.
 */
export function sampleSkewnessOfPresent(values: NumberValues, valid: Uint8Array, present: number, sum: number): number | null {
  const n = present;
  if (n < 3) return null;
  const mean = sum / n;
  const acc = new Float64Array(2);
  emptyRangeFirst(valid.length, (from, to) => momentsRange(values, valid, mean, from, to, acc));
  const m2 = acc[0]! / n;
  const m3 = acc[1]! / n;
  if (m2 <= (1e-15 * mean) ** 2) return null;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** Σ(x − mean)² and Σ(x − mean)³ over the present values of rows [from, to), carried in `acc`. */
function momentsRange(values: NumberValues, valid: Uint8Array, mean: number, from: number, to: number, acc: Float64Array): void {
  let s2 = acc[0]!;
  let s3 = acc[1]!;
  for (let i = from; i < to; i++) {
    if (valid[i] === 0) continue;
    const d = values[i]! - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
  }
  acc[0] = s2;
  acc[1] = s3;
}

/** Counts of the present values per equal-width bin from `min` (the last bin takes the values past it). */
export function presentHistogram(values: NumberValues, valid: Uint8Array, min: number, width: number, counts: Float64Array): void {
  const last = counts.length - 1;
  for (let i = 0; i < valid.length; i++) if (valid[i] === 1) counts[Math.min(last, Math.floor((values[i]! - min) / width))]!++;
}

/**
 * Average ranks (1-based; ties get the mean of the ranks they span, as scipy.stats.rankdata's
 * 'average') of the present rows that also have `use[row] = 1`, written into `ranks[row]`.
 * Ranking only those rows is what scipy.stats.spearmanr(nan_policy='omit') does: the pair's
 * incomplete rows are dropped before ranking. Returns how many rows were ranked.
 */
export function averageRanks({ order, tieNext }: RowOrder, use: Uint8Array, ranks: Float64Array): number {
  let rank = 0;
  const m = order.length;
  for (let k = 0; k < m; ) {
    let end = k;
    let count = use[order[k]!]!;
    while (tieNext[end] === 1) count += use[order[++end]!]!;
    end++;
    if (count > 0) {
      const average = rank + (count + 1) / 2;
      for (let j = k; j < end; j++) {
        const row = order[j]!;
        if (use[row] === 1) ranks[row] = average;
      }
      rank += count;
    }
    k = end;
  }
  return rank;
}

/**
 * Pearson's r of (x, y) and of (u, w) over the rows present in both `validX` and `validY`, in one
 * pass over data shifted by known centres (cx, cy, cu, cw): with d = value − centre,
 * r = S_dxdy / √(S_dxdx · S_dydy) where S_ab = Σab − Σa·Σb/n. The shift makes the sums small, so
 * the single pass loses no precision that matters when the centre is near the mean (the column's
 * mean for values; for average ranks of n rows the mean is exactly (n + 1)/2).
 * r is null when a side is constant or fewer than 2 rows are used.
 */
export function pearsonPair(
  x: NumberValues,
  y: NumberValues,
  u: Float64Array,
  w: Float64Array,
  validX: Uint8Array,
  validY: Uint8Array,
  centres: { x: number; y: number; u: number; w: number },
): { xy: number | null; uw: number | null; n: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let su = 0;
  let sw = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let suu = 0;
  let sww = 0;
  let suw = 0;
  const { x: cx, y: cy, u: cu, w: cw } = centres;
  for (let i = 0; i < validX.length; i++) {
    if ((validX[i]! & validY[i]!) === 0) continue;
    n++;
    const dx = x[i]! - cx;
    const dy = y[i]! - cy;
    const du = u[i]! - cu;
    const dw = w[i]! - cw;
    sx += dx;
    sy += dy;
    su += du;
    sw += dw;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    suu += du * du;
    sww += dw * dw;
    suw += du * dw;
  }
  if (n < 2) return { xy: null, uw: null, n };
  return { xy: pearsonFromSums(n, sxy, sx, sy, sxx, syy), uw: pearsonFromSums(n, suw, su, sw, suu, sww), n };
}

/** r from the shifted sums of pearsonPair; null for a constant side. */
export function pearsonFromSums(n: number, sab: number, sa: number, sb: number, saa: number, sbb: number): number | null {
  const cab = sab - (sa * sb) / n;
  const caa = saa - (sa * sa) / n;
  const cbb = sbb - (sb * sb) / n;
  // A constant side: its centred sum of squares is 0 up to rounding of the shifted sums.
  if (!(caa > 1e-12 * saa) || !(cbb > 1e-12 * sbb) || caa <= 0 || cbb <= 0) return null;
  return Math.max(-1, Math.min(1, cab / Math.sqrt(caa * cbb)));
}
