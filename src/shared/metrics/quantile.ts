/**
 * Quantiles exactly as numpy's default (`np.quantile(..., method="linear")`, Hyndman & Fan type 7):
 * h = (n − 1)·q, then linear interpolation between the order statistics either side of h.
 * Used for bootstrap percentiles, equal-count calibration bins (sklearn's `strategy="quantile"`
 * calls `np.percentile`) and regression deciles.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('quantileOfSorted needs at least one value.');
  return quantileOfSortedAt(sorted.length, (k) => sorted[k]!, q);
}

/** quantileOfSorted of n ascending values read by `at(k)` (the k-th smallest), reading only the two it needs. */
export function quantileOfSortedAt(n: number, at: (k: number) => number, q: number): number {
  if (n === 0) throw new RangeError('quantileOfSorted needs at least one value.');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}.`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = at(lo);
  const b = at(hi);
  const t = h - lo;
  // numpy's _lerp: interpolate from whichever end is nearer, which keeps the result within [a, b].
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** Median as `np.median` computes it: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('medianOfSorted needs at least one value.');
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A sorted copy (ascending, numeric) of a typed array; the input is left untouched. */
export function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}
