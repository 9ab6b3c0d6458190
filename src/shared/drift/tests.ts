/**
 * The two-sample tests and distances behind dataset drift, each matching the scipy function it is
 * named after (defaults as scipy's, differences stated where they exist):
 *
 * - ks2samp — scipy.stats.ks_2samp(a, b) (two-sided, method='auto'): D = sup |F_a − F_b| over the
 *   pooled values, the ECDFs counting values ≤ x (searchsorted side='right', so ties are handled);
 *   p-value exact for samples of at most 10,000 values, else kstwo.sf(D, round(n1·n2/(n1+n2)))
 *   (src/shared/stats/ks-two-sample.ts). `location` is the smallest value where the gap is
 *   largest (scipy reports the first such value in data1-then-data2 order; D is the same).
 * - wasserstein1 — scipy.stats.wasserstein_distance(u, v, u_weights, v_weights) = ∫ |U(x) − V(x)| dx
 *   over the two (weighted) ECDFs, summed between consecutive pooled values.
 * - chi2Homogeneity — scipy.stats.chi2_contingency on the 2×k table [reference counts; current
 *   counts] with its default correction=True, which (as in scipy) only changes anything when
 *   dof = 1 (two categories): Yates' continuity correction moves each observed count towards its
 *   expected count by min(0.5, |O − E|). Categories with no rows on either side are dropped first
 *   (scipy would refuse a zero expected count); a table with one category left has dof 0, χ² = 0
 *   and p = 1, as scipy returns.
 * - jensenShannonDistance — scipy.spatial.distance.jensenshannon(p, q, base): both vectors
 *   normalised to sum 1, m = (p + q)/2, JS = √((KL(p‖m) + KL(q‖m))/2), natural log unless `base`
 *   is given. Drift uses base 2, which bounds it in [0, 1] (1 = no category in common).
 *
 * The `Sorted` variants take ascending Float64Arrays without NaN: one sort per side, then a single
 * merge walk gives both D and W1 — this is what keeps a million rows per side fast.
 */
import { upperBound } from '../metrics/bounds';
import { chiSquareSurvival } from '../stats/incomplete-gamma';
import { type KsPValue, ksTwoSamplePValue } from '../stats/ks-two-sample';

export interface KsResult extends KsPValue {
  /** The value where the two ECDFs are furthest apart (smallest such value). */
  location: number;
  /** +1 when the reference's ECDF is above the current's there (current values larger), else −1. */
  sign: 1 | -1;
}

export interface SortedWalk {
  /** max(F_a − F_b), ≥ 0 not guaranteed (scipy's maxS). */
  maxDiff: number;
  maxAt: number;
  /** max(F_b − F_a) clipped at 0 (scipy's minS). */
  minDiff: number;
  minAt: number;
  /** ∫ |F_a − F_b| dx. */
  wasserstein: number;
}

function assertSortedFinite(name: string, a: Float64Array): void {
  if (a.length === 0) throw new RangeError(`${name} is empty: the tests need at least one value per side.`);
  if (!Number.isFinite(a[0]!) || !Number.isFinite(a[a.length - 1]!)) throw new RangeError(`${name} holds a value that is not a finite number.`);
}

/**
 * One merge walk over two ascending arrays: the KS extremes and the Wasserstein-1 integral.
 * The ECDF gap is tracked as the exact integer i·n2 − j·n1 (= (F_a − F_b)·n1·n2, exact below 2^53)
 * and turned into scipy's floating-point i/n1 − j/n2 only at the extremes, so D is the same double
 * scipy computes; the area is summed in blocks of 1,024 terms (error ~1e-13 relative, like numpy's
 * pairwise sum) and divided by n1·n2 once.
 */
export function walkSorted(a: Float64Array, b: Float64Array): SortedWalk {
  assertSortedFinite('The first sample', a);
  assertSortedFinite('The second sample', b);
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let gMax = -Infinity;
  let iMax = 0;
  let jMax = 0;
  let maxAt = NaN;
  let gMin = Infinity;
  let iMin = 0;
  let jMin = 0;
  let minAt = NaN;
  let prev = Math.min(a[0]!, b[0]!);
  let gap = 0; // |i·n2 − j·n1| before the current value
  let total = 0;
  let block = 0;
  let count = 0;
  // Variables stay local to this function (no closure) so the loop compiles to plain arithmetic.
  while (i < n1 || j < n2) {
    const x = i < n1 ? a[i]! : Infinity;
    const y = j < n2 ? b[j]! : Infinity;
    const v = x < y ? x : y;
    block += gap * (v - prev);
    if (++count === 1024) {
      total += block;
      block = 0;
      count = 0;
    }
    if (x === v) {
      i++;
      while (i < n1 && a[i] === v) i++;
    }
    if (y === v) {
      j++;
      while (j < n2 && b[j] === v) j++;
    }
    const g = i * n2 - j * n1;
    if (g > gMax) {
      gMax = g;
      iMax = i;
      jMax = j;
      maxAt = v;
    }
    if (g < gMin) {
      gMin = g;
      iMin = i;
      jMin = j;
      minAt = v;
    }
    gap = g < 0 ? -g : g;
    prev = v;
  }
  total += block;
  return {
    maxDiff: iMax / n1 - jMax / n2,
    maxAt,
    minDiff: Math.min(1, Math.max(0, -(iMin / n1 - jMin / n2))),
    minAt,
    wasserstein: total / n1 / n2,
  };
}

/** KS statistic and p-value from a finished walk (scipy's choice between maxS and minS). */
export function ksFromWalk(w: SortedWalk, n1: number, n2: number): KsResult {
  const useMin = w.minDiff > w.maxDiff;
  const d = useMin ? w.minDiff : w.maxDiff;
  return { ...ksTwoSamplePValue(d, n1, n2), location: useMin ? w.minAt : w.maxAt, sign: useMin ? -1 : 1 };
}

/** ks_2samp on two ascending arrays. */
export function ks2sampSorted(a: Float64Array, b: Float64Array): KsResult {
  return ksFromWalk(walkSorted(a, b), a.length, b.length);
}

const sortedCopy = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();

/** scipy.stats.ks_2samp(a, b): two-sided, method='auto'. Values must be finite numbers. */
export function ks2samp(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  return ks2sampSorted(sortedCopy(a), sortedCopy(b));
}

/** wasserstein_distance on two ascending arrays (unweighted). */
export function wasserstein1Sorted(a: Float64Array, b: Float64Array): number {
  return walkSorted(a, b).wasserstein;
}

/** Ascending order of `values` (a stable index sort; for the weighted form only). */
function argsort(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((x, y) => values[x]! - values[y]! || x - y);
}

/** Cumulative weights in sorted order, starting at 0 (scipy's u_sorted_cumweights). */
function sortedCumWeights(order: number[], weights: ArrayLike<number> | undefined): Float64Array {
  const cum = new Float64Array(order.length + 1);
  for (let k = 0; k < order.length; k++) cum[k + 1] = cum[k]! + (weights ? weights[order[k]!]! : 1);
  return cum;
}

/**
 * scipy.stats.wasserstein_distance(u, v, uWeights?, vWeights?). Without weights this is the fast
 * merge walk; with weights, scipy's `_cdf_distance(1, …)` step for step.
 */
export function wasserstein1(u: ArrayLike<number>, v: ArrayLike<number>, uWeights?: ArrayLike<number>, vWeights?: ArrayLike<number>): number {
  if (!uWeights && !vWeights) return wasserstein1Sorted(sortedCopy(u), sortedCopy(v));
  for (const [w, x, name] of [[uWeights, u, 'uWeights'], [vWeights, v, 'vWeights']] as const) {
    if (w && w.length !== x.length) throw new RangeError(`${name} must have one weight per value.`);
    if (w && Array.from(w).some((x) => !(x >= 0 && Number.isFinite(x)))) throw new RangeError(`${name} must be finite and non-negative.`);
  }
  const uOrder = argsort(u);
  const vOrder = argsort(v);
  const uSorted = uOrder.map((k) => u[k]!);
  const vSorted = vOrder.map((k) => v[k]!);
  const uCum = sortedCumWeights(uOrder, uWeights);
  const vCum = sortedCumWeights(vOrder, vWeights);
  const all = [...uSorted, ...vSorted].sort((x, y) => x - y);
  let sum = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const uCdf = uCum[upperBound(uSorted, all[k]!)]! / uCum[uCum.length - 1]!;
    const vCdf = vCum[upperBound(vSorted, all[k]!)]! / vCum[vCum.length - 1]!;
    sum += Math.abs(uCdf - vCdf) * (all[k + 1]! - all[k]!);
  }
  return sum;
}

export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
  /** True when Yates' correction was applied (dof = 1). */
  corrected: boolean;
  /** Categories kept (those with at least one row on either side). */
  categories: number;
}

/**
 * Chi-square test of homogeneity on the 2×k table of counts (scipy.stats.chi2_contingency with
 * correction=True). Null when either side has no rows at all (the test needs both).
 */
export function chi2Homogeneity(countsRef: ArrayLike<number>, countsCur: ArrayLike<number>, options: { correction?: boolean } = {}): Chi2Result | null {
  if (countsRef.length !== countsCur.length) throw new RangeError('chi2Homogeneity needs the same categories on both sides.');
  const ref: number[] = [];
  const cur: number[] = [];
  for (let k = 0; k < countsRef.length; k++) {
    const r = countsRef[k]!;
    const c = countsCur[k]!;
    if (!(r >= 0 && c >= 0)) throw new RangeError('Counts must be non-negative numbers.');
    if (r + c > 0) {
      ref.push(r);
      cur.push(c);
    }
  }
  const rowRef = ref.reduce((s, x) => s + x, 0);
  const rowCur = cur.reduce((s, x) => s + x, 0);
  if (rowRef === 0 || rowCur === 0) return null;
  const total = rowRef + rowCur;
  const dof = ref.length - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0, corrected: false, categories: 1 };
  const corrected = dof === 1 && (options.correction ?? true);
  let statistic = 0;
  for (let k = 0; k < ref.length; k++) {
    const column = ref[k]! + cur[k]!;
    for (const [observed, row] of [[ref[k]!, rowRef], [cur[k]!, rowCur]] as const) {
      const expected = (row * column) / total;
      let o = observed;
      if (corrected) {
        const diff = expected - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((o - expected) * (o - expected)) / expected;
    }
  }
  return { statistic, pValue: chiSquareSurvival(statistic, dof), dof, corrected, categories: ref.length };
}

/** scipy.special.rel_entr(x, y): x·ln(x/y), 0 when x = 0, +∞ when y = 0 < x. */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/**
 * scipy.spatial.distance.jensenshannon(p, q, base): natural log by default; base 2 gives [0, 1].
 * p and q are non-negative weights (counts or shares) over the same categories.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  if (p.length !== q.length) throw new RangeError('jensenShannonDistance needs vectors of the same length.');
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < p.length; k++) {
    sp += p[k]!;
    sq += q[k]!;
  }
  let left = 0;
  let right = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k]! / sp;
    const qk = q[k]! / sq;
    const m = (pk + qk) / 2;
    left += relEntr(pk, m);
    right += relEntr(qk, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  // Rounding can leave −1e-17 for identical inputs; the distance is 0 there.
  return Math.sqrt(Math.max(0, js) / 2);
}
