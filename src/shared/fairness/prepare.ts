/**
 * Per-row arrays computed once per run and shared by every sensitive column and intersection, so
 * each grouping costs one pass over small typed arrays: the confusion cell of each row, its
 * calibration bin, its threshold bucket.
 *
 * With a score (and ROC AUC wanted), the rows are put in score order once, here: every per-row
 * array below is in that order, and groupings are permuted into it once per sensitive column
 * (`alignGrouping`; intersections built from aligned columns are aligned too). Counting does not
 * care about order, and per-group ROC AUC (group-auc.ts) then reads every array sequentially —
 * no per-key gather through a permutation, which dominated the cost on a million rows.
 */
import { equalWidthEdges, rightClosedBinIndex } from '../metrics/bins';
import { evenThresholds } from '../metrics/thresholds';
import { groupCodes, selectRows, type Grouping } from './groups';
import { scoreOrder } from './score-order';

export const CALIBRATION_BINS = 10;
/** Thresholds 0, 0.01, …, 1 (as the performance check's threshold table). */
export const THRESHOLD_STEPS = 100;
/** Bucket b of a score = how many of the 101 thresholds are ≤ it (0 … 101). */
export const THRESHOLD_BUCKETS = THRESHOLD_STEPS + 2;
export const OUT_OF_RANGE = 255;

export interface PreparedBinary {
  task: 'binary';
  rows: number;
  /**
   * Input row of each prepared row when the rows were put in score order (prepared row i is input
   * row order[i]); null when they are in input order.
   */
  order: Uint32Array | null;
  yTrue: Uint8Array;
  yPred: Uint8Array;
  /** 2·truth + prediction: 0 = TN, 1 = FP, 2 = FN, 3 = TP. */
  cell: Uint8Array;
  score: Float64Array | null;
  /** Calibration bin 0–9 ([0, 0.1], (0.1, 0.2], …), or 255 for a score outside [0, 1]. */
  calibrationBin: Uint8Array | null;
  thresholdBucket: Uint8Array | null;
  /** Set when rows are in score order: 1 where a row's score differs from the previous row's. */
  tieStart: Uint8Array | null;
}

export interface PreparedRegression {
  task: 'regression';
  rows: number;
  order: null;
  /** |true − predicted| per row. */
  absError: Float64Array;
}

export type PreparedOutcome = PreparedBinary | PreparedRegression;

export interface PrepareOptions {
  /** Per-group ROC AUC (puts the rows in score order: one sort). Default true. */
  auc?: boolean;
  /** Per-group calibration. Default true. */
  calibration?: boolean;
  /** Per-group threshold curves. Default true. */
  thresholds?: boolean;
}

/** How many of the thresholds k/steps are ≤ s: predicted positive at thresholds[k] ⇔ bucket > k. */
export function thresholdBucketOf(thresholds: Float64Array, s: number): number {
  const steps = thresholds.length - 1;
  let j = Math.min(steps + 1, Math.max(0, Math.floor(s * steps) + 1));
  // Correct the float guess against the exact thresholds k/steps.
  while (j > 0 && thresholds[j - 1]! > s) j--;
  while (j <= steps && thresholds[j]! <= s) j++;
  return j;
}

function calibrationBins(score: Float64Array): Uint8Array {
  const edges = Float64Array.from(equalWidthEdges(CALIBRATION_BINS));
  const outOfRange = OUT_OF_RANGE; // a local: V8 re-reads module bindings on every iteration
  const bins = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) {
    const s = score[i]!;
    bins[i] = s >= 0 && s <= 1 ? rightClosedBinIndex(edges, s) : outOfRange;
  }
  return bins;
}

function thresholdBuckets(score: Float64Array): Uint8Array {
  const thresholds = evenThresholds(THRESHOLD_STEPS);
  const out = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) out[i] = thresholdBucketOf(thresholds, score[i]!);
  return out;
}

function permuteU8(a: Uint8Array, order: Uint32Array): Uint8Array {
  const out = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = a[order[i]!]!;
  return out;
}

export function prepareBinary(yTrueIn: Uint8Array, yPredIn: Uint8Array, score: Float64Array | null, options: PrepareOptions = {}): PreparedBinary {
  const n = yTrueIn.length;
  if (yPredIn.length !== n || (score && score.length !== n)) throw new RangeError('yTrue, yPred and score must have the same length.');
  let order: Uint32Array | null = null;
  let tieStart: Uint8Array | null = null;
  let yTrue = yTrueIn;
  let yPred = yPredIn;
  let s = score;
  if (score && options.auc !== false) {
    const so = scoreOrder(score);
    order = so.order;
    tieStart = so.tieStart;
    s = so.sorted;
    yTrue = permuteU8(yTrueIn, order);
    yPred = permuteU8(yPredIn, order);
  }
  const cell = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    const p = yPred[i]!;
    if (y > 1 || p > 1) throw new RangeError('Outcomes and predictions must be 0 or 1.');
    cell[i] = 2 * y + p;
  }
  return {
    task: 'binary',
    rows: n,
    order,
    yTrue,
    yPred,
    cell,
    score: s,
    calibrationBin: s && options.calibration !== false ? calibrationBins(s) : null,
    thresholdBucket: s && options.thresholds !== false ? thresholdBuckets(s) : null,
    tieStart,
  };
}

export function prepareRegression(yTrue: Float64Array, yPred: Float64Array): PreparedRegression {
  if (yPred.length !== yTrue.length) throw new RangeError('yTrue and yPred must have the same length.');
  const absError = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) absError[i] = Math.abs(yTrue[i]! - yPred[i]!);
  return { task: 'regression', rows: yTrue.length, order: null, absError };
}

/** A grouping over the outcome's input rows, put in the prepared rows' order (once; a no-op without an order). */
export function alignGrouping(g: Grouping, p: PreparedOutcome): Grouping {
  if (g.codes.length !== p.rows) throw new RangeError(`Grouping "${g.key}" covers ${g.codes.length} rows, the outcome ${p.rows}.`);
  const order = p.order;
  if (g.aligned || !order) return { ...g, aligned: true };
  const codes = groupCodes(order.length, g.labels.length);
  const from = g.codes;
  for (let i = 0; i < order.length; i++) codes[i] = from[order[i]!]!;
  return { ...g, codes, aligned: true };
}

/**
 * The table row of each prepared row: `rows` (the table row of each input row) put in the prepared
 * order. Made once per run; selectAligned then restricts each grouping in one gather.
 */
export function preparedTableRows(rows: Uint32Array, p: PreparedOutcome): Uint32Array {
  if (rows.length !== p.rows) throw new RangeError(`${rows.length} rows selected, the outcome has ${p.rows}.`);
  const order = p.order;
  if (!order) return rows;
  const composed = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) composed[i] = rows[order[i]!]!;
  return composed;
}

/** A grouping over every table row, restricted to the prepared rows (preparedTableRows) and so in their order. */
export function selectAligned(g: Grouping, tableRows: Uint32Array): Grouping {
  return { ...selectRows(g, tableRows), aligned: true };
}
