/**
 * The hot loops of slice search: one pass over the rows fills a histogram over the codes of one,
 * two or three features (cell = joint code), with the count and error sum per cell — and, for
 * errors that are not 0/1, the sum of squares and the largest error. Typed arrays only; no
 * objects or strings per row; one loop per arity so each stays monomorphic and tight.
 *
 * For 0/1 errors each row's error is one bit (errorBits, made once per search) that a pass folds
 * into the first feature's code (u = 2·code + error), so it only increments one counter per row:
 * cell (u, b) counts the rows with code a = u >> 1 and that error. That is about 1.6× faster than
 * adding a float per row. (Folded copies of every feature's codes, made once, took as long and held
 * a byte a row per feature: ~14 MB for the 15 features of the 1M-row bench table.)
 */
export interface Cells {
  count: Int32Array;
  sum: Float64Array;
  /** Null for 0/1 errors (then the sum of squares is the sum, and the largest error is 1 when sum > 0). */
  sumSq: Float64Array | null;
  max: Float64Array | null;
}

/** 1 where a row's 0/1 error is 1 (codes folded with it must stay below 128). */
export function errorBits(errors: Float64Array): Uint8Array {
  const out = new Uint8Array(errors.length);
  for (let i = 0; i < errors.length; i++) out[i] = errors[i]! > 0 ? 1 : 0;
  return out;
}

/** Splits folded counts (cells of 2·ka·rest) into counts and error sums over ka·rest cells. */
function unfold(folded: Int32Array, ka: number, rest: number): Cells {
  const cells = ka * rest;
  const count = new Int32Array(cells);
  const sum = new Float64Array(cells);
  for (let a = 0; a < ka; a++) {
    for (let r = 0; r < rest; r++) {
      const right = folded[(2 * a) * rest + r]!;
      const wrong = folded[(2 * a + 1) * rest + r]!;
      count[a * rest + r] = right + wrong;
      sum[a * rest + r] = wrong;
    }
  }
  return { count, sum, sumSq: null, max: null };
}

function allocate(cells: number): { count: Int32Array; sum: Float64Array; sumSq: Float64Array; max: Float64Array } {
  return { count: new Int32Array(cells), sum: new Float64Array(cells), sumSq: new Float64Array(cells), max: new Float64Array(cells) };
}

/** 0/1 errors (`bits` from errorBits): cell of a is a. */
export function binaryHistogram1(a: Uint8Array, bits: Uint8Array, ka: number): Cells {
  const folded = new Int32Array(2 * ka);
  for (let i = 0; i < a.length; i++) folded[2 * a[i]! + bits[i]!]!++;
  return unfold(folded, ka, 1);
}

/** 0/1 errors: cell of (a, b) is a·kb + b. */
export function binaryHistogram2(a: Uint8Array, bits: Uint8Array, b: Uint8Array, ka: number, kb: number): Cells {
  const folded = new Int32Array(2 * ka * kb);
  for (let i = 0; i < a.length; i++) folded[(2 * a[i]! + bits[i]!) * kb + b[i]!]!++;
  return unfold(folded, ka, kb);
}

/** 0/1 errors: cell of (a, b, c) is (a·kb + b)·kc + c. */
export function binaryHistogram3(a: Uint8Array, bits: Uint8Array, b: Uint8Array, c: Uint8Array, ka: number, kb: number, kc: number): Cells {
  const folded = new Int32Array(2 * ka * kb * kc);
  const kbc = kb * kc;
  for (let i = 0; i < a.length; i++) folded[(2 * a[i]! + bits[i]!) * kbc + b[i]! * kc + c[i]!]!++;
  return unfold(folded, ka, kbc);
}

export function histogram1(a: Uint8Array, ka: number, errors: Float64Array): Cells {
  const out = allocate(ka);
  const { count, sum, sumSq, max } = out;
  for (let i = 0; i < a.length; i++) {
    const c = a[i]!;
    const e = errors[i]!;
    count[c]!++;
    sum[c]! += e;
    sumSq[c]! += e * e;
    if (e > max[c]!) max[c] = e;
  }
  return out;
}

/** Cell of (a, b) is a·kb + b. */
export function histogram2(a: Uint8Array, b: Uint8Array, ka: number, kb: number, errors: Float64Array): Cells {
  const out = allocate(ka * kb);
  const { count, sum, sumSq, max } = out;
  for (let i = 0; i < a.length; i++) {
    const c = a[i]! * kb + b[i]!;
    const e = errors[i]!;
    count[c]!++;
    sum[c]! += e;
    sumSq[c]! += e * e;
    if (e > max[c]!) max[c] = e;
  }
  return out;
}

/** Cell of (a, b, c) is (a·kb + b)·kc + c. */
export function histogram3(a: Uint8Array, b: Uint8Array, c: Uint8Array, ka: number, kb: number, kc: number, errors: Float64Array): Cells {
  const out = allocate(ka * kb * kc);
  const { count, sum, sumSq, max } = out;
  for (let i = 0; i < a.length; i++) {
    const cell = (a[i]! * kb + b[i]!) * kc + c[i]!;
    const e = errors[i]!;
    count[cell]!++;
    sum[cell]! += e;
    sumSq[cell]! += e * e;
    if (e > max[cell]!) max[cell] = e;
  }
  return out;
}
