/**
 * One-sided exact binomial test: P(X ≥ k) for X ~ Binomial(n, p), the p-value of
 * scipy.stats.binomtest(k, n, p, alternative='greater'). Used to ask whether a model's accuracy
 * is above the share it would get by always answering the most common class (the "no-information
 * rate" of caret's confusionMatrix, which runs the same test).
 */
import { logBinomial } from './log-gamma';

/** Terms smaller than this share of the running sum no longer change a double. */
const NEGLIGIBLE = 1e-17;

function assertInputs(k: number, n: number, p: number): void {
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(k))) throw new RangeError(`binomialUpperTail needs whole numbers n ≥ 0 and k, got k=${k}, n=${n}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialUpperTail needs 0 ≤ p ≤ 1, got ${p}.`);
}

/** P(X = x) on the log scale. */
function logPmf(x: number, n: number, p: number): number {
  return logBinomial(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
}

/** Σ P(X = x) for x from `from` stepping by `step` (±1) until `to`, stopping once past the mode and the terms are negligible. */
function sumTerms(from: number, to: number, step: 1 | -1, n: number, p: number): number {
  const mode = Math.floor((n + 1) * p);
  let sum = 0;
  for (let x = from; step === 1 ? x <= to : x >= to; x += step) {
    const term = Math.exp(logPmf(x, n, p));
    sum += term;
    const pastMode = step === 1 ? x > mode : x < mode;
    if (pastMode && term <= sum * NEGLIGIBLE) break;
  }
  return sum;
}

/** P(X ≥ k), X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  assertInputs(k, n, p);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Sum the smaller tail directly: above the mean, the upper tail; below it, 1 − the lower tail.
  if (k > n * p) return Math.min(1, sumTerms(k, n, 1, n, p));
  return Math.max(0, 1 - sumTerms(k - 1, 0, -1, n, p));
}
