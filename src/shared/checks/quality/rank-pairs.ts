/**
 * Pearson's r and Spearman's ρ of many pairs of number columns, each pair over the rows both have
 * (scipy.stats.pearsonr; scipy.stats.spearmanr(nan_policy='omit'): ties get their average rank,
 * ranked over the pair's rows). Each column is sorted once (presentOrder, shared through the
 * check cache) and prepared once (rankedColumn); a pair then corrects the ranks for the rows the
 * other side lacks instead of ranking again (pearsonSpearmanPair).
 */
import type { NumberColumn } from '../../table';
import { pearsonFromSums, type PresentOrder } from './numeric-stats';

/**
 * Where each row's tie group lies in the column's sorted order: the positions [start, end) it
 * spans, so its average rank (1-based, ties averaged as scipy.stats.rankdata's 'average') is
 * (start + end + 1) / 2. Kept small, since a check holds one per number column at once:
 *  - 'code' (columns with few values): the row's value code from presentOrder, which the cache
 *    already holds, and bounds[2c], bounds[2c + 1] = start, end of code c's group;
 *  - 'start' (other columns): starts[row] = start for a row alone in its group (end = start + 1);
 *    otherwise −(g + 1), and bounds[2g], bounds[2g + 1] = start, end of tie group g. Group 0 is
 *    (0, 0), which rows without a value point to.
 * Per row that is nothing or 4 bytes, where a start and an end per row took 8 (at 1M rows the
 * correlation check held 8 MB per column, ~64 MB in all, on top of the sorted orders).
 */
export type TieGroups = { kind: 'code'; codes: Uint16Array; bounds: Int32Array } | { kind: 'start'; starts: Int32Array; bounds: Int32Array };

/** A number column ready for pairing: its tie groups, the rows without a value and the mean of its values. */
export interface RankedColumn {
  values: Float64Array;
  valid: Uint8Array;
  ties: TieGroups;
  /** Rows without a value, ascending. */
  missingRows: Int32Array;
  present: number;
  /** Mean of the present values (the centre for Pearson's r). */
  mean: number;
  /**
   * Set by linkMissingRows: this column's tie group (start, end side by side; end = 0 for a row
   * without a value) at each row missing in any of the linked columns.
   */
  unionGroups?: Int32Array;
  /** Set by linkMissingRows: for each of missingRows, its index among those rows. */
  missingAt?: Int32Array;
}

export function rankedColumn(col: Pick<NumberColumn, 'values' | 'valid'>, presentOrder: PresentOrder): RankedColumn {
  const { values, valid } = col;
  const n = valid.length;
  const m = presentOrder.order.length;
  const ties: TieGroups = presentOrder.groups ? boundsByCode(presentOrder.groups) : startsByRow(presentOrder, n);
  const missingRows = new Int32Array(n - m);
  const sum = missingRowsAndSum(values, valid, missingRows, ties.kind === 'start' ? ties.starts : null);
  return { values, valid, ties, missingRows, present: m, mean: m > 0 ? sum / m : 0 };
}

/** Each value code's group bounds (codes are in first-seen order; rankOf gives their place by value). */
function boundsByCode({ sizes, codes, rankOf }: NonNullable<PresentOrder['groups']>): TieGroups {
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) starts[g + 1] = starts[g]! + sizes[g]!;
  const bounds = new Int32Array(2 * rankOf.length);
  for (let c = 0; c < rankOf.length; c++) {
    bounds[2 * c] = starts[rankOf[c]!]!;
    bounds[2 * c + 1] = starts[rankOf[c]! + 1]!;
  }
  return { kind: 'code', codes, bounds };
}

function startsByRow({ order, tieNext }: PresentOrder, n: number): TieGroups {
  const m = order.length;
  let groups = 1;
  for (let k = 0; k < m; k++) if (tieNext[k] === 1 && (k === 0 || tieNext[k - 1] === 0)) groups++;
  const bounds = new Int32Array(2 * groups);
  const starts = new Int32Array(n);
  for (let k = 0, g = 1; k < m; ) {
    let end = k;
    while (tieNext[end] === 1) end++;
    end++;
    if (end - k === 1) starts[order[k]!] = k;
    else {
      bounds[2 * g] = k;
      bounds[2 * g + 1] = end;
      for (let j = k; j < end; j++) starts[order[j]!] = -(g + 1);
      g++;
    }
    k = end;
  }
  return { kind: 'start', starts, bounds };
}

/**
 * Writes the rows without a value into `missingRows` (and points them at group 0 in `starts`);
 * returns the sum of the present values, in row order.
 */
function missingRowsAndSum(values: Float64Array, valid: Uint8Array, missingRows: Int32Array, starts: Int32Array | null): number {
  let sum = 0;
  for (let i = 0, j = 0; i < valid.length; i++) {
    if (valid[i] === 1) sum += values[i]!;
    else {
      missingRows[j++] = i;
      if (starts) starts[i] = -1;
    }
  }
  return sum;
}

/**
 * The tie groups of rows [from, to) of one column, side by side from out[0]: out[2k] = start,
 * out[2k + 1] = end for row from + k. Meaningless for rows without a value.
 */
function groupsOfRows(ties: TieGroups, from: number, to: number, out: Int32Array): void {
  if (ties.kind === 'code') groupsByCode(ties.codes, ties.bounds, from, to, out);
  else groupsByStart(ties.starts, ties.bounds, from, to, out);
}

function groupsByCode(codes: Uint16Array, bounds: Int32Array, from: number, to: number, out: Int32Array): void {
  for (let i = from; i < to; i++) {
    const c = codes[i]!;
    out[2 * (i - from)] = bounds[2 * c]!;
    out[2 * (i - from) + 1] = bounds[2 * c + 1]!;
  }
}

function groupsByStart(starts: Int32Array, bounds: Int32Array, from: number, to: number, out: Int32Array): void {
  for (let i = from; i < to; i++) {
    const s = starts[i]!;
    if (s >= 0) {
      out[2 * (i - from)] = s;
      out[2 * (i - from) + 1] = s + 1;
    } else {
      out[2 * (i - from)] = bounds[-2 * s - 2]!;
      out[2 * (i - from) + 1] = bounds[-2 * s - 1]!;
    }
  }
}

/**
 * Prepares columns for pearsonSpearmanPair: the rows missing in any of them, ascending (a few per
 * cent of the rows), and, for each column, its groups at those rows, so a pair later finds the
 * groups of the rows the other side lacks in a small array instead of scattered over the whole table.
 */
export function linkMissingRows(columns: RankedColumn[], rowCount: number): void {
  const anyMissing = new Uint8Array(rowCount);
  for (const c of columns) markRows(c.missingRows, anyMissing);
  const indexOf = new Int32Array(rowCount);
  const union = unionRows(anyMissing, indexOf);
  for (const c of columns) {
    c.missingAt = indicesOf(c.missingRows, indexOf);
    c.unionGroups = groupsAt(c, union);
  }
}

function markRows(rows: Int32Array, into: Uint8Array): void {
  for (let j = 0; j < rows.length; j++) into[rows[j]!] = 1;
}

/** The marked rows, ascending, and each one's index among them (in indexOf). */
function unionRows(marked: Uint8Array, indexOf: Int32Array): Int32Array {
  let count = 0;
  for (let i = 0; i < marked.length; i++) if (marked[i] === 1) indexOf[i] = count++;
  const rows = new Int32Array(count);
  for (let i = 0, j = 0; i < marked.length; i++) if (marked[i] === 1) rows[j++] = i;
  return rows;
}

function indicesOf(rows: Int32Array, indexOf: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = indexOf[rows[j]!]!;
  return out;
}

/** The column's groups at `rows` (ascending), side by side; (0, 0) where it has no value. */
function groupsAt(col: RankedColumn, rows: Int32Array): Int32Array {
  const out = new Int32Array(2 * rows.length);
  const one = new Int32Array(2);
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    if (col.valid[row] === 0) continue;
    groupsOfRows(col.ties, row, row + 1, one);
    out[2 * j] = one[0]!;
    out[2 * j + 1] = one[1]!;
  }
  return out;
}

/** Working memory for pearsonSpearmanPair over tables of `rowCount` rows (reused across pairs). */
export class PairScratch {
  readonly a: DroppedPositions;
  readonly b: DroppedPositions;
  /** Rows dropped so far per large tie group (by its start); zeros between uses. */
  readonly taken: Int32Array;
  readonly sums = new Float64Array(11);
  readonly groups = new Int32Array(2 * PAIR_BLOCK);
  readonly ranksA = new Float64Array(PAIR_BLOCK);
  readonly ranksB = new Float64Array(PAIR_BLOCK);
  constructor(rowCount: number) {
    this.a = new DroppedPositions(rowCount);
    this.b = new DroppedPositions(rowCount);
    this.taken = new Int32Array(rowCount);
  }
}

/**
 * Sorted-order positions of the rows one side of a pair drops, as a bitmap of 32-bit words, each
 * stored next to the count of marked positions in the words before it: "how many dropped
 * positions lie below p" is then one place in memory and a popcount.
 */
class DroppedPositions {
  /** words[2w]: bits of positions 32w…32w + 31; words[2w + 1]: marked positions below 32w. */
  readonly words: Int32Array;
  constructor(rowCount: number) {
    this.words = new Int32Array(2 * ((rowCount >>> 5) + 1));
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Marks the positions of the rows `side` has and `other` lacks (one free position inside each such
 * row's tie group), fills the running counts, and returns how many rows were dropped.
 */
function markDropped(side: RankedColumn, other: RankedColumn, into: DroppedPositions, taken: Int32Array): number {
  const dropped = markDroppedRows(side.unionGroups!, other.missingAt!, into.words, taken);
  if (dropped > 0) {
    clearTaken(side.unionGroups!, other.missingAt!, taken);
    runningCounts(into.words);
  }
  return dropped;
}

/** Tie groups larger than this count their dropped rows in `taken`; smaller ones look for a free bit. */
const PROBED_GROUP = 64;

function markDroppedRows(unionGroups: Int32Array, missingAt: Int32Array, words: Int32Array, taken: Int32Array): number {
  let dropped = 0;
  for (let j = 0; j < missingAt.length; j++) {
    const u = missingAt[j]!;
    const end = unionGroups[2 * u + 1]!;
    if (end === 0) continue; // missing on this side too
    const start = unionGroups[2 * u]!;
    let p = start;
    if (end - start > PROBED_GROUP) p = start + taken[start]!++;
    else if (end - start > 1) {
      // A small tie group: its first free position (whole words at a time).
      for (;;) {
        const free = ~words[2 * (p >>> 5)]! & (-1 << (p & 31));
        if (free !== 0) {
          p = (p & ~31) + 31 - Math.clz32(free & -free);
          break;
        }
        p = (p & ~31) + 32;
      }
    }
    words[2 * (p >>> 5)]! |= 1 << (p & 31);
    dropped++;
  }
  return dropped;
}

function clearTaken(unionGroups: Int32Array, missingAt: Int32Array, taken: Int32Array): void {
  for (let j = 0; j < missingAt.length; j++) {
    const u = missingAt[j]!;
    if (unionGroups[2 * u + 1]! - unionGroups[2 * u]! > PROBED_GROUP) taken[unionGroups[2 * u]!] = 0;
  }
}

function runningCounts(words: Int32Array): void {
  let count = 0;
  for (let w = 0; w < words.length; w += 2) {
    words[w + 1] = count;
    if (words[w] !== 0) count += popcount(words[w]!);
  }
}

/**
 * Pearson's r of the values and Spearman's ρ (Pearson's r of average ranks) of two columns over
 * the rows present in both — the same numbers as averageRanks on each side's order restricted to
 * those rows followed by pearsonPair, without ranking again for every pair.
 *
 * Dropping the rows the other column lacks lowers the average rank of a row whose tie group spans
 * sorted positions [s, e) by (D(s) + D(e)) / 2, D(p) being the dropped rows at positions below p
 * (the dropped rows below its group count twice, those inside it once). The dropped rows — found
 * from the other column's missing rows (both columns linked by linkMissingRows first) — are
 * marked in a bitmap of positions; one pass in row order then does pearsonPair's sums with the
 * corrected ranks, which are the very same doubles (every rank is a whole or half number), summed
 * in the same order.
 */
export function pearsonSpearmanPair(a: RankedColumn, b: RankedColumn, scratch: PairScratch): { pearson: number | null; spearman: number | null; rows: number } {
  const droppedA = markDropped(a, b, scratch.a, scratch.taken);
  const droppedB = markDropped(b, a, scratch.b, scratch.taken);
  const rows = a.present - droppedA;
  const centre = (rows + 1) / 2;
  const sums = scratch.sums.fill(0);
  const { ranksA, ranksB, groups } = scratch;
  const n = a.valid.length;
  // Block by block: the pair's doubled ranks of both sides into small buffers, then pearsonPair's
  // sums (carried over, so they add up in row order). The first block is short (see
  // metrics/row-ranges.ts).
  for (let from = 0, to = Math.min(n, 64); from < n; from = to, to = Math.min(n, to + PAIR_BLOCK)) {
    groupsOfRows(a.ties, from, to, groups);
    pairRanks(groups, droppedA > 0 ? scratch.a : null, to - from, ranksA);
    groupsOfRows(b.ties, from, to, groups);
    pairRanks(groups, droppedB > 0 ? scratch.b : null, to - from, ranksB);
    accumulatePair(a.values, b.values, a.valid, b.valid, ranksA, ranksB, a.mean, b.mean, centre, from, to, sums);
  }
  if (droppedA > 0) scratch.a.words.fill(0);
  if (droppedB > 0) scratch.b.words.fill(0);
  const count = sums[0]!;
  if (count < 2) return { pearson: null, spearman: null, rows };
  return {
    pearson: pearsonFromSums(count, sums[7]!, sums[1]!, sums[2]!, sums[5]!, sums[6]!),
    spearman: pearsonFromSums(count, sums[10]!, sums[3]!, sums[4]!, sums[8]!, sums[9]!),
    rows,
  };
}

const PAIR_BLOCK = 4096;

/**
 * Twice the pair's average rank of `count` rows whose tie groups are `groups` (groupsOfRows), into
 * out[0…): s + e + 1 − (D(s) + D(e)) for a tie group spanning sorted positions [s, e), D(p) being
 * the dropped rows at positions below p (none when `dropped` is null). Rows the side lacks get a
 * meaningless value. (For a group of one row D(e) is D(s) plus one if that row is dropped; looking
 * it up again is cheaper than the branch.)
 */
function pairRanks(groups: Int32Array, dropped: DroppedPositions | null, count: number, out: Float64Array): void {
  if (dropped === null) {
    for (let k = 0; k < count; k++) out[k] = groups[2 * k]! + groups[2 * k + 1]! + 1;
    return;
  }
  const words = dropped.words;
  const bitsIn = BITS_IN_16;
  for (let k = 0; k < count; k++) {
    const s = groups[2 * k]!;
    const e = groups[2 * k + 1]!;
    const atStart = 2 * (s >>> 5);
    const atEnd = 2 * (e >>> 5);
    const belowStart = words[atStart]! & ~(-1 << (s & 31));
    const belowEnd = words[atEnd]! & ~(-1 << (e & 31));
    out[k] = s + e + 1 - words[atStart + 1]! - bitsIn[belowStart & 0xffff]! - bitsIn[belowStart >>> 16]! - words[atEnd + 1]! - bitsIn[belowEnd & 0xffff]! - bitsIn[belowEnd >>> 16]!;
  }
}

/** Set bits of every 16-bit number (a table read is cheaper than counting, in the hot loop above). */
const BITS_IN_16 = ((): Uint8Array => {
  const table = new Uint8Array(1 << 16);
  for (let i = 1; i < table.length; i++) table[i] = table[i >> 1]! + (i & 1);
  return table;
})();

/**
 * pearsonPair's sums over rows [from, to) present in both: values x, y and ranks (ranksA, ranksB:
 * doubled, indexed from `from`). `sums` holds count, Σdx, Σdy, Σdu, Σdw, Σdx², Σdy², Σdxdy, Σdu²,
 * Σdw², Σdudw and is carried over.
 */
function accumulatePair(
  x: Float64Array,
  y: Float64Array,
  validA: Uint8Array,
  validB: Uint8Array,
  ranksA: Float64Array,
  ranksB: Float64Array,
  cx: number,
  cy: number,
  centre: number,
  from: number,
  to: number,
  sums: Float64Array,
): void {
  let count = sums[0]!;
  let sx = sums[1]!;
  let sy = sums[2]!;
  let su = sums[3]!;
  let sw = sums[4]!;
  let sxx = sums[5]!;
  let syy = sums[6]!;
  let sxy = sums[7]!;
  let suu = sums[8]!;
  let sww = sums[9]!;
  let suw = sums[10]!;
  for (let i = from; i < to; i++) {
    if ((validA[i]! & validB[i]!) === 0) continue;
    count++;
    const dx = x[i]! - cx;
    const dy = y[i]! - cy;
    const du = ranksA[i - from]! / 2 - centre;
    const dw = ranksB[i - from]! / 2 - centre;
    sx += dx;
    sy += dy;
    su += du;
    sw += dw;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    suu += du * du;
    sww += dw * dw;
    suw += du * dw;
  }
  sums[0] = count;
  sums[1] = sx;
  sums[2] = sy;
  sums[3] = su;
  sums[4] = sw;
  sums[5] = sxx;
  sums[6] = syy;
  sums[7] = sxy;
  sums[8] = suu;
  sums[9] = sww;
  sums[10] = suw;
}
