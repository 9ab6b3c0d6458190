/**
 * Numeric kernels for the quality checks: sorted present values, binary searches, Tukey fences,
 * sample skewness, Pearson correlation and average ranks. Each states the definition it follows.
 */
import { quantileOfSorted } from '../../metrics/quantile';
import type { NumberColumn } from '../../table';

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

export interface PresentOrder {
  /** Row indices of the present values, by value (ties in row order). */
  order: Int32Array;
  /** tieNext[k] = 1 when the rows order[k] and order[k + 1] hold the same value. */
  tieNext: Uint8Array;
}

/**
 * Sorts the present values by row without a comparator sort over indices: each 64-bit key holds
 * the value's top bits and, in its lowest bits, the row number; one native BigUint64Array sort
 * orders them. Keys equal in the kept bits form short runs (or, for repeated values, runs whose
 * rows ascend); only those runs read their values, to put values that differ below the kept bits
 * (closer than ~2⁻³² relative) in order and to mark exact ties. Exact for every input.
 */
export function presentOrder(col: Pick<NumberColumn, 'values' | 'valid'>): PresentOrder {
  const { values, valid } = col;
  const n = valid.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += valid[i]!;
  const order = new Int32Array(m);
  const tieNext = new Uint8Array(m);
  if (!LITTLE_ENDIAN) {
    for (let i = 0, k = 0; i < n; i++) if (valid[i] === 1) order[k++] = i;
    order.sort((a, b) => values[a]! - values[b]! || a - b);
    for (let k = 0; k + 1 < m; k++) tieNext[k] = values[order[k]!] === values[order[k + 1]!] ? 1 : 0;
    return { order, tieNext };
  }
  let bits = 1;
  while (2 ** bits < n) bits++;
  const mask = 2 ** bits - 1; // n < 2^31, so the mask fits a 32-bit word
  const keys = new BigUint64Array(m);
  const words = new Uint32Array(keys.buffer);
  const valueWords = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0, k = 0; i < n; i++) {
    if (valid[i] === 0) continue;
    writeKey(words, k, valueWords, i, values[i]!);
    words[2 * k] = ((words[2 * k]! & ~mask) | i) >>> 0;
    k++;
  }
  keys.sort();
  for (let k = 0; k < m; k++) order[k] = words[2 * k]! & mask;
  const runValues: number[] = [];
  for (let start = 0; start < m; ) {
    const hi = words[2 * start + 1]!;
    const lo = words[2 * start]! & ~mask;
    let end = start + 1;
    while (end < m && words[2 * end + 1] === hi && (words[2 * end]! & ~mask) === lo) end++;
    if (end - start > 1) {
      runValues.length = 0;
      for (let j = start; j < end; j++) runValues.push(values[order[j]!]!);
      // Insertion sort by (value, row); rows already ascend, so equal values never move.
      for (let j = 1; j < runValues.length; j++) {
        const v = runValues[j]!;
        const r = order[start + j]!;
        let at = j - 1;
        while (at >= 0 && runValues[at]! > v) {
          runValues[at + 1] = runValues[at]!;
          order[start + at + 1] = order[start + at]!;
          at--;
        }
        runValues[at + 1] = v;
        order[start + at + 1] = r;
      }
      for (let j = 0; j + 1 < runValues.length; j++) tieNext[start + j] = runValues[j] === runValues[j + 1] ? 1 : 0;
    }
    start = end;
  }
  return { order, tieNext };
}

/** First index with sorted[i] >= x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with sorted[i] > x. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * Average ranks (1-based; ties get the mean of the ranks they span, as scipy.stats.rankdata's
 * 'average') of the present rows that also have `use[row] = 1`, written into `ranks[row]`.
 * Ranking only those rows is what scipy.stats.spearmanr(nan_policy='omit') does: the pair's
 * incomplete rows are dropped before ranking. Returns how many rows were ranked.
 */
export function averageRanks({ order, tieNext }: PresentOrder, use: Uint8Array, ranks: Float64Array): number {
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
  x: Float64Array,
  y: Float64Array,
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
  const r = (sab: number, sa: number, sb: number, saa: number, sbb: number): number | null => {
    const cab = sab - (sa * sb) / n;
    const caa = saa - (sa * sa) / n;
    const cbb = sbb - (sb * sb) / n;
    // A constant side: its centred sum of squares is 0 up to rounding of the shifted sums.
    if (!(caa > 1e-12 * saa) || !(cbb > 1e-12 * sbb) || caa <= 0 || cbb <= 0) return null;
    return Math.max(-1, Math.min(1, cab / Math.sqrt(caa * cbb)));
  };
  return { xy: r(sxy, sx, sy, sxx, syy), uw: r(suw, su, sw, suu, sww), n };
}
