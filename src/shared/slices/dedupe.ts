/**
 * Which significant slices get listed. Walk them best score first and list a slice unless, for
 * some slice L already listed that shares rows with it (A = its rows in L, B = its rows outside L):
 *
 * 1. near-duplicate: it shares ≥ 90% of its rows with L (Jaccard |C ∩ L| / |C ∪ L| ≥ 0.9) — a
 *    parent and a child that are nearly the same rows ("age 60+" and "age 60+ and income known"),
 *    or two siblings naming the same people ("age 60+" and "retired = yes"); or
 * 2. explained by L: neither part adds a weakness of its own — B is not significantly worse than
 *    the rows outside both slices, and A is not significantly worse than the rest of L. This drops
 *    a narrower version of a listed slice ("age 60+ and region = North and plan = plus" under
 *    "age 60+ and region = North") unless it is clearly worse than the rest of L; a broader one
 *    ("region = North") unless it is also worse outside L; and a sibling that is only significant
 *    because it overlaps L ("age 60+ and plan = plus").
 *
 * "Significantly" uses the same one-sided tests as the search, at the p-value cut-off
 * Benjamini–Hochberg used for the discoveries (the largest p-value among them): a part of a slice
 * counts as a weakness of its own only if it would itself have passed the bar the slice passed.
 * (At a plain 5% level, chance alone keeps about one in ten redundant slices.) Only the first
 * `maxConsidered` significant slices (best score first) are walked; the shared rows of a
 * candidate and a listed slice are counted over the listed slice's rows only (SharedRows).
 */
import type { EncodedFeature } from './encode';
import { oneSidedPValue, type Moments } from './stats';

export const DEDUPE_JACCARD = 0.9;
export const MAX_CONSIDERED = 200;

/** Kept-row indices (ascending) of the `size` rows matching every (feature, code) condition. */
export function sliceRows(features: readonly EncodedFeature[], fs: readonly number[], cs: readonly number[], size: number): Uint32Array {
  const cols = fs.map((f) => features[f]!.codes);
  const first = cols[0]!;
  const c0 = cs[0]!;
  const out = new Uint32Array(size);
  let count = 0;
  for (let i = 0; i < first.length && count < size; i++) {
    if (first[i] !== c0) continue;
    let ok = true;
    for (let j = 1; j < cols.length && ok; j++) ok = cols[j]![i] === cs[j];
    if (ok) out[count++] = i;
  }
  return count === size ? out : out.subarray(0, count);
}

export interface ListingInput {
  /** Moments (count, error sum, sum of squares) of each candidate, best score first. */
  moments: readonly Moments[];
  /**
   * Moments of the rows candidate i shares with candidate l (one already listed); null when they
   * cannot share a row (a condition on the same column with another value).
   */
  shared: (i: number, l: number) => Moments | null;
  total: Moments;
  binary: boolean;
  /** Level of the tests in rule 2 (the BH p-value cut-off). */
  alpha: number;
  limit: number;
  maxConsidered?: number;
  jaccard?: number;
}

export interface Listing {
  /** Candidate indices listed, in order. */
  kept: number[];
  /** Candidates left out, with the rule and the listed candidate that made them redundant. */
  dropped: { index: number; rule: 'near-duplicate' | 'explained'; by: number }[];
}

const minus = (a: Moments, b: Moments): Moments => ({ n: a.n - b.n, sum: a.sum - b.sum, sumSq: a.sumSq - b.sumSq });

/** Why candidate `c` adds nothing next to listed slice `l` (a = their shared rows), or null. */
function redundancy(c: Moments, l: Moments, a: Moments, input: ListingInput): 'near-duplicate' | 'explained' | null {
  if (a.n === 0) return null;
  if (a.n / (c.n + l.n - a.n) >= (input.jaccard ?? DEDUPE_JACCARD)) return 'near-duplicate';
  const b = minus(c, a);
  const rest = minus(minus(input.total, c), minus(l, a));
  const ownWeakness = b.n > 0 && rest.n > 0 && oneSidedPValue(b, rest, input.binary) <= input.alpha;
  const restOfL = minus(l, a);
  const sharper = restOfL.n > 0 && oneSidedPValue(a, restOfL, input.binary) <= input.alpha;
  return ownWeakness || sharper ? null : 'explained';
}

export function listSlices(input: ListingInput): Listing {
  const considered = Math.min(input.moments.length, input.maxConsidered ?? MAX_CONSIDERED);
  const kept: number[] = [];
  const dropped: Listing['dropped'] = [];
  for (let i = 0; i < considered && kept.length < input.limit; i++) {
    let redundant: Listing['dropped'][number] | null = null;
    for (const l of kept) {
      const a = input.shared(i, l);
      const rule = a ? redundancy(input.moments[i]!, input.moments[l]!, a, input) : null;
      if (rule) {
        redundant = { index: i, rule, by: l };
        break;
      }
    }
    if (redundant) dropped.push(redundant);
    else kept.push(i);
  }
  return { kept, dropped };
}

/**
 * Moments of the rows a candidate shares with one slice, counted over that slice's rows only: its
 * rows are found once, and the codes of each feature (and the errors) over them are copied once, on
 * first use, so each candidate reads short contiguous arrays instead of touching every row.
 * 0/1 errors are copied as bytes (the same sums): a listed slice of a million-row table can hold
 * 100,000 rows or more, and up to 20 are listed.
 */
export class SharedRows {
  private readonly compact = new Map<number, Uint8Array>();
  readonly errors: Float64Array | Uint8Array;

  constructor(
    private readonly features: readonly EncodedFeature[],
    readonly rows: Uint32Array,
    allErrors: Float64Array,
    binary: boolean,
  ) {
    this.errors = binary ? new Uint8Array(rows.length) : new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) this.errors[k] = allErrors[rows[k]!]!;
  }

  private codes(f: number): Uint8Array {
    let c = this.compact.get(f);
    if (!c) {
      const all = this.features[f]!.codes;
      const rows = this.rows;
      c = new Uint8Array(rows.length);
      for (let k = 0; k < rows.length; k++) c[k] = all[rows[k]!]!;
      this.compact.set(f, c);
    }
    return c;
  }

  /** Moments of the errors of the rows matching every (feature, code) condition (≤ 3). */
  moments(fs: readonly number[], cs: readonly number[]): Moments {
    // Unused conditions repeat the first one, so one loop serves 1, 2 and 3 conditions.
    const a = this.codes(fs[0]!);
    const b = this.codes(fs[1] ?? fs[0]!);
    const c = this.codes(fs[2] ?? fs[0]!);
    const ca = cs[0]!;
    const cb = cs[1] ?? ca;
    const cc = cs[2] ?? ca;
    const errors = this.errors;
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < errors.length; k++) {
      if (a[k] !== ca || b[k] !== cb || c[k] !== cc) continue;
      const e = errors[k]!;
      n++;
      sum += e;
      sumSq += e * e;
    }
    return { n, sum, sumSq };
  }
}
