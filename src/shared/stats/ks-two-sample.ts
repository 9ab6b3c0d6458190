/**
 * The two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, as scipy.stats.ks_2samp
 * computes it with its defaults (alternative='two-sided', method='auto'), ported from
 * scipy/stats/_stats_py.py and _stats_pythran.py (scipy 1.17):
 *
 * - 'exact' when both samples have at most 10,000 values (scipy's MAX_AUTO_N): D is rounded to the
 *   lattice h / lcm(n1, n2) (scipy reports that rounded D as the statistic) and
 *   Pr(D ≥ h/lcm) is the share of lattice paths from (0,0) to (n1,n2) that leave the band
 *   |x/n1 − y/n2| < h/lcm — for n1 = n2 by the alternating reflection sum evaluated Horner-style
 *   (`_compute_prob_outside_square`), otherwise by Hodges' "inside" recursion in Viehmann's
 *   numerically stable form that carries 1 − p directly (`_compute_outer_prob_inside_method`;
 *   Hodges 1958, Viehmann arXiv:2102.08037).
 * - 'asymptotic' otherwise: kstwo.sf(D, round(n1·n2/(n1+n2))) — the one-sample two-sided
 *   distribution at the effective sample size, as scipy does since 1.5 (see kolmogorov.ts for how
 *   that is evaluated and where it differs from scipy, ~1e-9 relative at worst).
 *
 * scipy falls back from 'exact' to 'asymp' with a warning when the exact recursion over/underflows;
 * the two-sided recursion here stays within [0, 1] and never does for n ≤ 10,000.
 *
 * One deliberate difference: the exact recursion costs O(n1·n2·D/gcd) — about a second for
 * 10,000 values a side at D = 0.5, per column. When n1·n2/(n1+n2)·D² ≥ 150 the p-value is below
 * ~1e-130 whichever way it is computed, so 'auto' reports the asymptotic value there (method
 * 'asymptotic'); scipy would report the exact one. Both are "zero" for any purpose.
 */
import { kolmogorovNSurvival } from './kolmogorov';

export const KS_EXACT_MAX_N = 10_000;
/** In 'auto' mode, exact only while n1·n2/(n1+n2)·D² is below this (p > ~1e-130); see above. */
export const EXACT_SKIP_EN_D2 = 150;

export interface KsPValue {
  /** D as scipy reports it: rounded to the lattice h/lcm(n1, n2) in exact mode. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Pr(D_{n,n} ≥ h/n): 2·Σ_k (−1)^(k−1) C(2n, n−kh)/C(2n, n), Horner-style to avoid cancellation. */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/** Share of lattice paths (0,0)→(m,n) that do not stay strictly inside |x/m − y/n| < h/lcm. */
export function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}

/**
 * Two-sided p-value for D from samples of sizes n1 and n2, as ks_2samp(method='auto').
 * `mode` can force 'exact' (only for n1, n2 ≤ 10,000 here) or 'asymptotic'.
 */
export function ksTwoSamplePValue(d: number, n1: number, n2: number, mode: 'auto' | 'exact' | 'asymptotic' = 'auto'): KsPValue {
  if (!(n1 > 0 && n2 > 0)) throw new RangeError('ksTwoSamplePValue needs two non-empty samples.');
  const en = (n1 * n2) / (n1 + n2);
  const exact = mode === 'exact' || (mode === 'auto' && Math.max(n1, n2) <= KS_EXACT_MAX_N && en * d * d < EXACT_SKIP_EN_D2);
  if (exact) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const rounded = h / lcm;
    if (h === 0) return { statistic: rounded, pValue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: rounded, pValue: p, method: 'exact' };
    // Not expected for two-sided; scipy would switch to the asymptotic form here too.
  }
  const p = kolmogorovNSurvival(Math.max(1, roundHalfEven(en)), d);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic' };
}

/** numpy.round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
