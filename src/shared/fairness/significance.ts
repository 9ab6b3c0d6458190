/**
 * "Could this gap be chance?" — the tests behind fairness findings.
 *
 * - Two proportions k1/n1 vs k2/n2: the pooled two-proportion z test (statsmodels'
 *   proportions_ztest default), or Fisher's exact test (two-sided, as scipy.stats.fisher_exact)
 *   when any expected cell of the 2×2 table is below 5 — the textbook condition under which the
 *   normal approximation is not trusted.
 * - One proportion k/n against an expected share p0 (representation): the exact binomial test,
 *   two-sided, as scipy.stats.binomtest.
 *
 * Exact tests sum probabilities of tables "at least as extreme": every outcome whose probability is
 * at most the observed one's times (1 + 1e-7) — the relative tolerance scipy's binomtest and R use,
 * so that outcomes tied in exact arithmetic are not split by rounding. Probabilities are computed
 * from the mode outwards with the pmf's ratio recurrence in log space, stopping where a term falls
 * below 1e-320 of the mode (it could not change a double), so even n = 1,000,000 costs a few
 * thousand steps.
 */
import { twoSidedP } from './normal-tail';

export type GapTestMethod = 'two-proportion-z' | 'fisher-exact';

export interface ProportionGapTest {
  method: GapTestMethod;
  pValue: number;
  /** z statistic (two-proportion test only). */
  z?: number;
}

/** Below this expected count in any cell of the 2×2 table, use Fisher's exact test. */
export const MIN_EXPECTED_CELL = 5;

function assertCounts(k: number, n: number, name: string): void {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n)) throw new RangeError(`${name} needs integers 0 <= k <= n, got k=${k}, n=${n}.`);
}

/**
 * Pooled two-proportion z test: z = (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)), p = (k1 + k2)/(n1 + n2),
 * two-sided p = 2·Q(|z|). When both groups are all 0 or all 1 the pooled variance is 0: statsmodels
 * returns NaN there; the two rates are identical, so we return p = 1.
 */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): { z: number; pValue: number } {
  assertCounts(k1, n1, 'twoProportionZTest');
  assertCounts(k2, n2, 'twoProportionZTest');
  if (n1 === 0 || n2 === 0) throw new RangeError('twoProportionZTest needs two non-empty groups.');
  const p = (k1 + k2) / (n1 + n2);
  const variance = p * (1 - p) * (1 / n1 + 1 / n2);
  if (variance === 0) return { z: 0, pValue: 1 };
  const z = (k1 / n1 - k2 / n2) / Math.sqrt(variance);
  return { z, pValue: twoSidedP(z) };
}

const RELATIVE_TOLERANCE = Math.log1p(1e-7);
const NEGLIGIBLE = -737; // log(1e-320)

/**
 * Sums a unimodal pmf over its support [lo, hi], given the mode, log p(x+1) − log p(x) as `step`,
 * and the observed x: returns P(X with p(X) ≤ p(observed)·(1 + 1e-7)). Log-probabilities are
 * relative to the mode (normalised at the end), so no factorials are needed.
 */
function exactTwoSided(lo: number, hi: number, mode: number, observed: number, step: (x: number) => number): number {
  // Log weight of the observed outcome, relative to the mode.
  let lwObserved = 0;
  if (observed > mode) for (let x = mode; x < observed; x++) lwObserved += step(x);
  else for (let x = mode; x > observed; x--) lwObserved -= step(x - 1);
  const cut = lwObserved + RELATIVE_TOLERANCE;
  let total = 1;
  let extreme = 0 <= cut ? 1 : 0;
  let lw = 0;
  for (let x = mode; x < hi; x++) {
    lw += step(x);
    if (lw < NEGLIGIBLE) break;
    const w = Math.exp(lw);
    total += w;
    if (lw <= cut) extreme += w;
  }
  lw = 0;
  for (let x = mode; x > lo; x--) {
    lw -= step(x - 1);
    if (lw < NEGLIGIBLE) break;
    const w = Math.exp(lw);
    total += w;
    if (lw <= cut) extreme += w;
  }
  return Math.min(1, extreme / total);
}

/**
 * Fisher's exact test on [[a, b], [c, d]], two-sided, as scipy.stats.fisher_exact: the
 * hypergeometric probability (fixed margins) of every table as likely as or less likely than the
 * observed one.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d]) if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`fisherExact needs non-negative integer counts, got ${[a, b, c, d].join(', ')}.`);
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c1 === n) return 1;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((r1 + 1) * (c1 + 1)) / (n + 2))));
  // p(x + 1) / p(x) = (r1 − x)(c1 − x) / ((x + 1)(r2 − c1 + x + 1))
  const step = (x: number): number => Math.log(((r1 - x) * (c1 - x)) / ((x + 1) * (r2 - c1 + x + 1)));
  return exactTwoSided(lo, hi, mode, a, step);
}

/**
 * The test for a gap between two rates, k1/n1 and k2/n2: Fisher's exact test when any expected
 * cell of [[k1, n1 − k1], [k2, n2 − k2]] is below 5, otherwise the two-proportion z test.
 */
export function proportionGapTest(k1: number, n1: number, k2: number, n2: number): ProportionGapTest {
  assertCounts(k1, n1, 'proportionGapTest');
  assertCounts(k2, n2, 'proportionGapTest');
  const n = n1 + n2;
  const yes = k1 + k2;
  const no = n - yes;
  const minExpected = Math.min(n1, n2) * Math.min(yes, no) / n;
  if (minExpected < MIN_EXPECTED_CELL) return { method: 'fisher-exact', pValue: fisherExact(k1, n1 - k1, k2, n2 - k2) };
  const t = twoProportionZTest(k1, n1, k2, n2);
  return { method: 'two-proportion-z', pValue: t.pValue, z: t.z };
}

/**
 * Exact binomial test of k successes in n trials against share p0, two-sided (scipy.stats.binomtest):
 * P(outcomes no more likely than k). p0 = 0 or 1 admits only one outcome: p = 1 if it is k, else 0.
 */
export function binomialTest(k: number, n: number, p0: number): number {
  assertCounts(k, n, 'binomialTest');
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`binomialTest needs 0 <= p0 <= 1, got ${p0}.`);
  if (n === 0) return 1;
  if (p0 === 0) return k === 0 ? 1 : 0;
  if (p0 === 1) return k === n ? 1 : 0;
  const mode = Math.min(n, Math.floor((n + 1) * p0));
  const logOdds = Math.log(p0 / (1 - p0));
  // p(x + 1) / p(x) = (n − x)/(x + 1) · p0/(1 − p0)
  const step = (x: number): number => Math.log((n - x) / (x + 1)) + logOdds;
  return exactTwoSided(0, n, mode, k, step);
}
