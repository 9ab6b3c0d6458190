/**
 * Tail probabilities for the slice tests: the standard normal's upper tail, Student's t, and the
 * hypergeometric distribution (Fisher's exact test).
 * - Normal: Q(z) = ½·erfc(z/√2), with erfc(x) = Q(½, x²), the regularised upper incomplete gamma
 *   function (src/shared/stats), so the tail keeps full relative accuracy far out
 *   (Q(10) ≈ 7.6e-24), where 1 − Φ(z) would round to 0.
 * - Student's t: P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t > 0, with the regularised incomplete beta
 *   function by Lentz's continued fraction (Numerical Recipes §6.4). Matches scipy.stats.t.sf.
 */
import { gammaQ } from '../stats/incomplete-gamma';
import { logBinomial, logGamma } from '../stats/log-gamma';

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 500;

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const x = Math.abs(z) / Math.SQRT2;
  const erfc = x === 0 ? 1 : gammaQ(0.5, x * x);
  return z >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (df > 1e7) return normalUpperTail(t);
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/**
 * P(X ≥ k) for X ~ Hypergeometric(population N, K successes, n draws) — the one-sided Fisher exact
 * test's p-value (scipy.stats.hypergeom.sf(k − 1, N, K, n)). The tail on the far side of the mean
 * is summed term by term from k with the ratio of consecutive probabilities, until the terms stop
 * mattering; when k is below the mean, 1 − P(X ≤ k − 1) is summed the same way downwards.
 */
export function hypergeometricUpperTail(k: number, N: number, K: number, n: number): number {
  const lo = Math.max(0, n - (N - K));
  const hi = Math.min(n, K);
  if (k <= lo) return 1;
  if (k > hi) return 0;
  const logPmf = (x: number): number => logBinomial(K, x) + logBinomial(N - K, n - x) - logBinomial(N, n);
  if (k > (n * K) / N) {
    let term = Math.exp(logPmf(k));
    let sum = term;
    for (let x = k; x < hi && term > sum * 1e-17; x++) {
      term *= ((K - x) * (n - x)) / ((x + 1) * (N - K - n + x + 1));
      sum += term;
    }
    return Math.min(1, sum);
  }
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let x = k - 1; x > lo && term > sum * 1e-17; x--) {
    term *= (x * (N - K - n + x)) / ((K - x + 1) * (n - x + 1));
    sum += term;
  }
  return Math.max(0, 1 - sum);
}
