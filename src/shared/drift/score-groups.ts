/**
 * Scores grouped by distinct value, with the positives and negatives at each — the one sort that
 * ROC AUC with DeLong's variance, the isotonic fit, the expected AUC and the ECE of a score map
 * all need. Built like src/shared/metrics/score-ranking.ts: positives' and negatives' scores are
 * sorted separately (typed-array sorts, no comparator; sort.ts) and merged, so a million rows take
 * one sort's time. Every later step is O(distinct scores).
 */
import { equalWidthEdges, rightClosedBinIndex } from '../metrics/bins';
import { sortFinite } from './sort';

export interface ScoreGroups {
  /** Distinct scores, ascending. */
  scores: Float64Array;
  positives: Float64Array;
  negatives: Float64Array;
  totalPositives: number;
  totalNegatives: number;
}

/** Group scores; without labels every row counts as a "negative" (use `counts` then). */
export function groupScores(yTrue: Uint8Array | null, score: Float64Array): ScoreGroups {
  let m = 0;
  if (yTrue) for (let i = 0; i < yTrue.length; i++) m += yTrue[i] === 1 ? 1 : 0;
  const pos = new Float64Array(m);
  const neg = new Float64Array(score.length - m);
  for (let i = 0, a = 0, b = 0; i < score.length; i++) {
    if (yTrue && yTrue[i] === 1) pos[a++] = score[i]!;
    else neg[b++] = score[i]!;
  }
  const sortedPos = sortFinite(pos);
  const sortedNeg = sortFinite(neg);
  const scores = new Float64Array(score.length);
  const positives = new Float64Array(score.length);
  const negatives = new Float64Array(score.length);
  let d = 0;
  for (let i = 0, j = 0; i < sortedPos.length || j < sortedNeg.length; d++) {
    const x = i < sortedPos.length ? sortedPos[i]! : Infinity;
    const y = j < sortedNeg.length ? sortedNeg[j]! : Infinity;
    const v = x < y ? x : y;
    const i0 = i;
    const j0 = j;
    while (i < sortedPos.length && sortedPos[i] === v) i++;
    while (j < sortedNeg.length && sortedNeg[j] === v) j++;
    const p = i - i0;
    const q = j - j0;
    scores[d] = v;
    positives[d] = p;
    negatives[d] = q;
  }
  return { scores: scores.slice(0, d), positives: positives.slice(0, d), negatives: negatives.slice(0, d), totalPositives: m, totalNegatives: score.length - m };
}

/** Rows at each distinct score. */
export function groupCounts(g: ScoreGroups): Float64Array {
  return g.positives.map((p, k) => p + g.negatives[k]!);
}

/**
 * ROC AUC (Mann–Whitney: a positive above a negative counts 1, a tie ½ — sklearn's roc_auc_score)
 * and DeLong's variance from the placement values (DeLong, DeLong & Clarke-Pearson 1988): every
 * positive at one score shares its placement (negatives below + ½ tied), likewise negatives.
 * Null when a class is absent.
 */
export function aucFromGroups(g: ScoreGroups): { auc: number; variance: number } | null {
  const M = g.totalPositives;
  const N = g.totalNegatives;
  if (M === 0 || N === 0) return null;
  const d = g.scores.length;
  const v10 = new Float64Array(d);
  const v01 = new Float64Array(d);
  let negBelow = 0;
  let posBelow = 0;
  let sum = 0;
  for (let k = 0; k < d; k++) {
    const p = g.positives[k]!;
    const q = g.negatives[k]!;
    v10[k] = (negBelow + 0.5 * q) / N;
    v01[k] = (M - posBelow - p + 0.5 * p) / M;
    sum += p * v10[k]!;
    negBelow += q;
    posBelow += p;
  }
  const auc = sum / M;
  let s10 = 0;
  let s01 = 0;
  for (let k = 0; k < d; k++) {
    s10 += g.positives[k]! * (v10[k]! - auc) ** 2;
    s01 += g.negatives[k]! * (v01[k]! - auc) ** 2;
  }
  const var10 = M > 1 ? s10 / (M - 1) : 0;
  const var01 = N > 1 ? s01 / (N - 1) : 0;
  return { auc, variance: var10 / M + var01 / N };
}

/**
 * Expected calibration error of probabilities p(score) against the groups' labels, with 10
 * equal-width right-closed bins — the same bins and formula as src/shared/metrics/calibration.ts
 * (Σ over bins |Σ p − Σ y| / N, i.e. Σ (count/N)·|mean p − share positive|). `into` lets two
 * folds add into one set of bins.
 */
export function eceBins(g: ScoreGroups, probability: (s: number) => number, into?: { p: Float64Array; y: Float64Array; n: { rows: number } }): { p: Float64Array; y: Float64Array; n: { rows: number } } {
  const edges = equalWidthEdges(10);
  const acc = into ?? { p: new Float64Array(10), y: new Float64Array(10), n: { rows: 0 } };
  for (let k = 0; k < g.scores.length; k++) {
    const pk = probability(g.scores[k]!);
    if (!(pk >= 0 && pk <= 1)) continue;
    const t = g.positives[k]! + g.negatives[k]!;
    const b = rightClosedBinIndex(edges, pk);
    acc.p[b]! += t * pk;
    acc.y[b]! += g.positives[k]!;
    acc.n.rows += t;
  }
  return acc;
}

export function eceFromBins(bins: { p: Float64Array; y: Float64Array; n: { rows: number } }): number | null {
  if (bins.n.rows === 0) return null;
  let gap = 0;
  for (let b = 0; b < bins.p.length; b++) gap += Math.abs(bins.p[b]! - bins.y[b]!);
  return gap / bins.n.rows;
}
