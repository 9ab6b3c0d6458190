/**
 * Lattice search for weak slices in the style of SliceLine (Sagadeeva & Boehm, "SliceLine: Fast,
 * Linear-Algebra-based Slice Finding for ML Model Debugging", SIGMOD 2021).
 *
 * A slice is a conjunction of conditions on different features ("age 60+ and region = North");
 * level k holds slices of k conditions. Level 1 is every single condition; level k+1 joins two
 * surviving level-k slices that share k−1 conditions and differ in the last one (on different
 * features), and keeps the candidate only if ALL k of its parents survived.
 *
 * Score (SliceLine's, eq. 1), trading error lift against size:
 *   sc(S) = α·(ē_S / ē − 1) − (1 − α)·(n / |S| − 1)
 * with ē_S the mean error in S, ē the mean error over all n rows, and α = 0.99 by default. sc > 0
 * means the lift pays for the size: (lift − 1) > (1 − α)/α · (1/share − 1), i.e. at α = 0.99 a slice
 * of 1% of the rows needs about double the error, one of 5% about 1.19×, one of 20% about 1.04×.
 * (SliceLine's examples use α = 0.95, under which a 5% slice needs double the error to score above
 * 0, and a planted 2-condition slice with doubled error would rank below its own parents; 0.99 keeps
 * "where is the model clearly worse" first while still preferring big slices to tiny ones.)
 *
 * Minimum support σ = max(minGroupSize, ⌈sliceMinShare · n⌉) rows (the caller passes it).
 *
 * Pruning, exactly as SliceLine:
 * - a slice survives to be joined when |S| ≥ σ and its error sum > 0;
 * - a candidate's size is at most the smallest parent's size, its error sum at most the smallest
 *   parent error sum, and its largest row error at most the smallest parent maximum; drop it when
 *   that size bound is below σ;
 * - its upper-bound score is the largest score reachable within those bounds, probed at sizes σ,
 *   max(σ, error bound / max-error bound) and the size bound (the score is monotone between them);
 *   drop the candidate unless that bound is > 0 and > the K-th best score found in earlier levels
 *   (once K slices with a positive score are known).
 *
 * Counting: per feature a histogram of its codes; per feature pair (or triple) that has at least one
 * candidate, one pass over the rows filling a joint histogram over code pairs (triples); then only
 * the candidate cells are read. Work is O(rows × feature tuples with candidates).
 *
 * "Examined" = every slice whose statistics were evaluated: level-1 slices, and candidates that
 * survived pruning, whose real size is ≥ σ (and below n: a slice of every row compares with
 * nothing). These are the hypotheses the caller corrects for with Benjamini–Hochberg.
 */
import type { EncodedFeature } from './encode';
import { binaryHistogram1, binaryHistogram2, binaryHistogram3, errorBits, histogram1, histogram2, histogram3, type Cells } from './histogram';

export const DEFAULT_ALPHA = 0.99;
export const DEFAULT_TOP_K = 20;

export interface SearchOptions {
  maxDepth: number;
  /** σ, in rows. */
  minSupport: number;
  alpha?: number;
  /** K of the top-K pruning bound. */
  topK?: number;
}

export interface ExaminedSlice {
  /** Feature indices (ascending) and the code of each. */
  features: number[];
  codes: number[];
  size: number;
  errorSum: number;
  errorSumSq: number;
  maxError: number;
  score: number;
}

export interface LevelStats {
  level: number;
  /** Candidates formed by joining parents (all parents present), before the bounds. */
  candidates: number;
  prunedBySize: number;
  prunedByScore: number;
  /** Passes over the rows (one per feature tuple with candidates). */
  passes: number;
  examined: number;
}

export interface SearchResult {
  n: number;
  errorSum: number;
  errorSumSq: number;
  meanError: number;
  examined: ExaminedSlice[];
  levels: LevelStats[];
}

/** SliceLine's score (see the file comment). */
export function sliceScore(size: number, errorSum: number, n: number, meanError: number, alpha: number): number {
  if (size <= 0 || meanError <= 0) return -Infinity;
  return alpha * (errorSum / size / meanError - 1) - (1 - alpha) * (n / size - 1);
}

/** SliceLine's upper bound on the score of a candidate with the given bounds. */
export function upperBoundScore(sizeBound: number, errorBound: number, maxErrorBound: number, minSupport: number, n: number, meanError: number, alpha: number): number {
  const probes = [minSupport, Math.max(maxErrorBound > 0 ? errorBound / maxErrorBound : minSupport, minSupport), sizeBound];
  let best = -Infinity;
  for (const s of probes) {
    if (s <= 0 || s > sizeBound) continue;
    const e = Math.min(errorBound, s * maxErrorBound);
    const sc = alpha * (e / s / meanError - 1) - (1 - alpha) * (n / s - 1);
    if (sc > best) best = sc;
  }
  return best;
}

interface Node extends ExaminedSlice {
  key: number;
}

interface Candidate {
  features: number[];
  codes: number[];
}

export function searchSlices(features: readonly EncodedFeature[], errors: Float64Array, binary: boolean, options: SearchOptions): SearchResult {
  const n = errors.length;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const topK = options.topK ?? DEFAULT_TOP_K;
  const sigma = Math.max(1, options.minSupport);
  let errorSum = 0;
  let errorSumSq = 0;
  for (let i = 0; i < n; i++) {
    errorSum += errors[i]!;
    errorSumSq += errors[i]! * errors[i]!;
  }
  const meanError = n > 0 ? errorSum / n : 0;
  const result: SearchResult = { n, errorSum, errorSumSq, meanError, examined: [], levels: [] };
  if (n === 0 || meanError <= 0 || features.length === 0) return result;

  // Global code ids: offset[f] + code; a slice's key is its ids in base G (unique for ≤ 3 levels).
  const cardinality = features.map((f) => f.conditions.length);
  const offset: number[] = [];
  let total = 0;
  for (const k of cardinality) {
    offset.push(total);
    total += k;
  }
  const G = total + 1;
  const keyOf = (fs: readonly number[], cs: readonly number[]): number => {
    let key = 0;
    for (let j = 0; j < fs.length; j++) key = key * G + offset[fs[j]!]! + cs[j]! + 1;
    return key;
  };

  const positive: number[] = []; // scores > 0 seen so far, for the top-K bound
  // 0/1 errors: each row's error as a bit, folded into the first feature's code as a pass counts (histogram.ts).
  const bits = binary ? errorBits(errors) : null;
  /** One pass over the rows: the joint histogram of the features `fs` (ascending). */
  const count = (fs: readonly number[]): Cells => {
    const [f0, f1, f2] = fs as [number, number?, number?];
    const k0 = cardinality[f0]!;
    const codes = (f: number): Uint8Array => features[f]!.codes;
    if (fs.length === 1) return bits ? binaryHistogram1(codes(f0), bits, k0) : histogram1(codes(f0), k0, errors);
    if (fs.length === 2) return bits ? binaryHistogram2(codes(f0), bits, codes(f1!), k0, cardinality[f1!]!) : histogram2(codes(f0), codes(f1!), k0, cardinality[f1!]!, errors);
    if (fs.length === 3) {
      const k1 = cardinality[f1!]!;
      const k2 = cardinality[f2!]!;
      return bits ? binaryHistogram3(codes(f0), bits, codes(f1!), codes(f2!), k0, k1, k2) : histogram3(codes(f0), codes(f1!), codes(f2!), k0, k1, k2, errors);
    }
    throw new RangeError('Slice search goes at most 3 conditions deep.');
  };
  const node = (fs: number[], cs: number[], cells: Cells, cell: number): Node => {
    const size = cells.count[cell]!;
    const sum = cells.sum[cell]!;
    return {
      key: keyOf(fs, cs),
      features: fs,
      codes: cs,
      size,
      errorSum: sum,
      errorSumSq: cells.sumSq ? cells.sumSq[cell]! : sum,
      maxError: cells.max ? cells.max[cell]! : sum > 0 ? 1 : 0,
      score: sliceScore(size, sum, n, meanError, alpha),
    };
  };

  // Level 1.
  let survivors: Node[] = [];
  const level1: LevelStats = { level: 1, candidates: 0, prunedBySize: 0, prunedByScore: 0, passes: 0, examined: 0 };
  features.forEach((f, fi) => {
    const cells = count([fi]);
    level1.passes++;
    for (let c = 0; c < cardinality[fi]!; c++) {
      level1.candidates++;
      const s = node([fi], [c], cells, c);
      if (s.size < sigma || s.size >= n) continue;
      result.examined.push(s);
      level1.examined++;
      if (s.score > 0) positive.push(s.score);
      if (s.errorSum > 0) survivors.push(s);
    }
  });
  result.levels.push(level1);

  for (let level = 2; level <= options.maxDepth && survivors.length > 1; level++) {
    positive.sort((a, b) => b - a);
    const bound = positive.length >= topK ? Math.max(0, positive[topK - 1]!) : 0;
    const stats: LevelStats = { level, candidates: 0, prunedBySize: 0, prunedByScore: 0, passes: 0, examined: 0 };
    const byKey = new Map<number, Node>();
    for (const s of survivors) byKey.set(s.key, s);

    // Join slices sharing their first level−2 conditions (grouped by that prefix's key).
    const groups = new Map<number, Node[]>();
    for (const s of survivors) {
      const prefix = keyOf(s.features.slice(0, -1), s.codes.slice(0, -1));
      const g = groups.get(prefix);
      if (g) g.push(s);
      else groups.set(prefix, [s]);
    }
    // Candidates grouped by their feature tuple, so each tuple costs one pass.
    const byTuple = new Map<number, Candidate[]>();
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++) {
        const a = group[i]!;
        const fa = a.features[level - 2]!;
        for (let j = i + 1; j < group.length; j++) {
          const b = group[j]!;
          const fb = b.features[level - 2]!;
          if (fa === fb) continue;
          const [lo, hi] = fa < fb ? [a, b] : [b, a];
          const fs = [...lo.features, hi.features[level - 2]!];
          const cs = [...lo.codes, hi.codes[level - 2]!];
          // Every parent (the candidate minus one condition) must have survived.
          let sizeBound = Infinity;
          let errorBound = Infinity;
          let maxBound = Infinity;
          let complete = true;
          for (let drop = 0; drop < level && complete; drop++) {
            const parent = byKey.get(keyOf(fs.filter((_, k) => k !== drop), cs.filter((_, k) => k !== drop)));
            if (!parent) complete = false;
            else {
              sizeBound = Math.min(sizeBound, parent.size);
              errorBound = Math.min(errorBound, parent.errorSum);
              maxBound = Math.min(maxBound, parent.maxError);
            }
          }
          if (!complete) continue;
          stats.candidates++;
          if (sizeBound < sigma) {
            stats.prunedBySize++;
            continue;
          }
          const ub = upperBoundScore(sizeBound, errorBound, maxBound, sigma, n, meanError, alpha);
          if (!(ub > bound)) {
            stats.prunedByScore++;
            continue;
          }
          let tuple = 0;
          for (const f of fs) tuple = tuple * features.length + f;
          const list = byTuple.get(tuple);
          if (list) list.push({ features: fs, codes: cs });
          else byTuple.set(tuple, [{ features: fs, codes: cs }]);
        }
      }
    }

    const next: Node[] = [];
    for (const list of byTuple.values()) {
      const fs = list[0]!.features;
      const ks = fs.map((f) => cardinality[f]!);
      const cells = count(fs);
      stats.passes++;
      for (const cand of list) {
        let cell = 0;
        for (let j = 0; j < level; j++) cell = cell * ks[j]! + cand.codes[j]!;
        const s = node(cand.features, cand.codes, cells, cell);
        if (s.size < sigma || s.size >= n) continue;
        result.examined.push(s);
        stats.examined++;
        if (s.score > 0) positive.push(s.score);
        if (s.errorSum > 0) next.push(s);
      }
    }
    result.levels.push(stats);
    survivors = next;
  }
  return result;
}
