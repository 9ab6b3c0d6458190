/**
 * Sorting a column's values fast — the one step that dominates comparing a million rows, since
 * KS and Wasserstein need each side in order. Two paths, both giving exactly the ascending order a
 * native sort gives (−0 and +0 may come in either order; every use here treats them as equal):
 *
 * - integers in a range no wider than the number of values (counts, ages, flags, class numbers):
 *   a counting sort, O(n + range);
 * - everything else: one bucketing pass (about 32 values per bucket, buckets of equal width between
 *   the minimum and maximum), then each bucket sorted on its own — insertion sort for small ones,
 *   the native sort for large ones. Typically 1.5–2× faster than one native sort of 1,000,000
 *   doubles, because the small sorts stay in cache. Heavily skewed data just puts more values in a
 *   few buckets and degrades gracefully to the native sort plus one pass.
 */

/**
 * Sorts ascending; returns the sorted array (may be `values` itself, sorted in place). Input with
 * NaN or ±Infinity simply gets the native sort.
 */
export function sortFinite(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 2) return values;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v - v !== 0) finite = false;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && Math.floor(v) !== v) integers = false;
  }
  if (!finite) return values.sort();
  if (!(max > min)) return values; // all equal
  if (integers && max - min <= Math.max(n, 1024)) {
    countingSort(values, min, max);
    return values;
  }
  const width = max - min;
  if (n < 4096 || !Number.isFinite(width)) return values.sort();
  return bucketSort(values, min, width);
}

function countingSort(values: Float64Array, min: number, max: number): void {
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) counts[values[i]! - min]! += 1;
  let k = 0;
  for (let d = 0; d < counts.length; d++) {
    const v = d + min;
    for (let c = counts[d]!; c > 0; c--) values[k++] = v;
  }
}

function bucketSort(src: Float64Array, min: number, width: number): Float64Array {
  const n = src.length;
  const buckets = Math.min(65_536, n >> 5);
  const scale = (buckets - 1e-9) / width;
  const bucketOf = new Uint16Array(n);
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.floor((src[i]! - min) * scale));
    bucketOf[i] = b;
    start[b + 1]! += 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Float64Array(n);
  const next = start.slice(0, buckets);
  for (let i = 0; i < n; i++) out[next[bucketOf[i]!]!++] = src[i]!;
  for (let b = 0; b < buckets; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    if (to - from > 48) out.subarray(from, to).sort();
    else {
      for (let i = from + 1; i < to; i++) {
        const v = out[i]!;
        let j = i - 1;
        while (j >= from && out[j]! > v) {
          out[j + 1] = out[j]!;
          j--;
        }
        out[j + 1] = v;
      }
    }
  }
  return out;
}
