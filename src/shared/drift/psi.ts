/**
 * Population Stability Index, exactly as issue #6 defines it:
 *
 *   PSI = Σ over bins (cur − ref) · ln(cur / ref)
 *
 * where ref and cur are each side's share of its (non-missing) values in the bin, each share
 * floored at 0.0001 (so an empty bin never divides by zero; shares are not renormalised after the
 * floor). PSI is a symmetrised Kullback–Leibler divergence (KL(cur‖ref) + KL(ref‖cur)) over the bins.
 *
 * Numbers: 10 bins cut at the reference's deciles (numpy's default linear quantiles, as
 * quantileOfSorted), right-closed: (−∞, q10], (q10, q20], …, (q90, +∞) — a value equal to an edge
 * goes to the lower bin. Ties in the reference can make edges coincide; the empty bins between
 * them have both shares floored to 0.0001 and add exactly 0.
 * Categories: one bin per category seen on either side (a category only one side has gets the
 * floor on the other side, which is what makes a new category with a real share count heavily).
 *
 * Reading it (the usual rule of thumb, also our thresholds): < 0.1 little change, 0.1–0.25 a
 * moderate change, ≥ 0.25 a major change. PSI estimated from samples is biased upwards by about
 * (bins − 1)·(1/n_ref + 1/n_cur) when nothing changed — 0.018 at 1,000 rows a side with 10 bins —
 * which is why drift also asks that a change be statistically detectable.
 */
import { upperBound } from '../metrics/bounds';
import { quantileOfSorted } from '../metrics/quantile';

export const PSI_FLOOR = 0.0001;
export const PSI_BINS = 10;

export interface PsiBin {
  /** Numbers: the bin's bounds (lower exclusive, upper inclusive); null at the open ends (−∞, +∞), so results stay JSON-safe. */
  lower?: number | null;
  upper?: number | null;
  /** Categories: the category's text. */
  label?: string;
  ref_share: number;
  cur_share: number;
  /** (cur − ref)·ln(cur/ref) with the floored shares; the bins' contributions sum to the PSI. */
  contribution: number;
}

export interface PsiResult {
  psi: number;
  bins: PsiBin[];
}

/** One bin's term with both shares floored. */
export function psiTerm(refShare: number, curShare: number, floor = PSI_FLOOR): number {
  const r = Math.max(refShare, floor);
  const c = Math.max(curShare, floor);
  return (c - r) * Math.log(c / r);
}

/** PSI from per-bin counts (or any non-negative weights) on each side. */
export function psiFromCounts(countsRef: ArrayLike<number>, countsCur: ArrayLike<number>, floor = PSI_FLOOR): { psi: number; refShares: number[]; curShares: number[]; contributions: number[] } {
  if (countsRef.length !== countsCur.length) throw new RangeError('psiFromCounts needs the same bins on both sides.');
  let nRef = 0;
  let nCur = 0;
  for (let k = 0; k < countsRef.length; k++) {
    nRef += countsRef[k]!;
    nCur += countsCur[k]!;
  }
  if (nRef === 0 || nCur === 0) throw new RangeError('PSI needs at least one value on each side.');
  const refShares: number[] = [];
  const curShares: number[] = [];
  const contributions: number[] = [];
  let psi = 0;
  for (let k = 0; k < countsRef.length; k++) {
    const r = countsRef[k]! / nRef;
    const c = countsCur[k]! / nCur;
    const term = psiTerm(r, c, floor);
    refShares.push(r);
    curShares.push(c);
    contributions.push(term);
    psi += term;
  }
  return { psi, refShares, curShares, contributions };
}

/** The inner bin edges: the reference's 1/bins … (bins−1)/bins quantiles (numpy linear). */
export function quantileEdges(sortedRef: Float64Array, bins = PSI_BINS): number[] {
  return Array.from({ length: bins - 1 }, (_, k) => quantileOfSorted(sortedRef, (k + 1) / bins));
}

/** Counts per right-closed bin (−∞, e1], (e1, e2], …, (e_last, ∞) of an ascending array. */
export function rightClosedCounts(sorted: Float64Array, innerEdges: readonly number[]): number[] {
  const counts: number[] = [];
  let below = 0;
  for (const e of innerEdges) {
    const upTo = upperBound(sorted, e);
    counts.push(upTo - below);
    below = upTo;
  }
  counts.push(sorted.length - below);
  return counts;
}

/** PSI of a numeric column from both sides' ascending values (no NaN), bins at the reference's quantiles. */
export function psiNumericSorted(sortedRef: Float64Array, sortedCur: Float64Array, options: { bins?: number; floor?: number } = {}): PsiResult {
  const bins = options.bins ?? PSI_BINS;
  if (!(Number.isInteger(bins) && bins >= 2)) throw new RangeError(`PSI needs at least 2 bins, got ${bins}.`);
  const edges = quantileEdges(sortedRef, bins);
  const r = psiFromCounts(rightClosedCounts(sortedRef, edges), rightClosedCounts(sortedCur, edges), options.floor);
  return {
    psi: r.psi,
    bins: r.refShares.map((ref_share, k) => ({
      lower: k === 0 ? null : edges[k - 1]!,
      upper: k === bins - 1 ? null : edges[k]!,
      ref_share,
      cur_share: r.curShares[k]!,
      contribution: r.contributions[k]!,
    })),
  };
}

/** PSI of two unsorted numeric samples (finite values). */
export function psiNumeric(ref: ArrayLike<number>, cur: ArrayLike<number>, options: { bins?: number; floor?: number } = {}): PsiResult {
  return psiNumericSorted(Float64Array.from(ref).sort(), Float64Array.from(cur).sort(), options);
}

/** PSI over categories: counts per category on each side, aligned by index; labels optional. */
export function psiCategorical(countsRef: ArrayLike<number>, countsCur: ArrayLike<number>, labels?: readonly string[], floor = PSI_FLOOR): PsiResult {
  const r = psiFromCounts(countsRef, countsCur, floor);
  return {
    psi: r.psi,
    bins: r.refShares.map((ref_share, k) => ({
      ...(labels ? { label: labels[k]! } : {}),
      ref_share,
      cur_share: r.curShares[k]!,
      contribution: r.contributions[k]!,
    })),
  };
}
