/**
 * Pearson's r and Spearman's ρ of many pairs of number columns, each pair over the rows both have
 * (scipy.stats.pearsonr; scipy.stats.spearmanr(nan_policy='omit'): ties get their average rank,
 * ranked over the pair's rows). Each column is sorted once (presentOrder, shared through the
 * check cache) and prepared once (rankedColumn); a pair then corrects the ranks for the rows the
 * other side lacks instead of ranking again (pearsonSpearmanPair).
 */
import type { NumberColumn, NumberValues } from '../../table';
import { COUNTING_MAX_DISTINCT, pearsonFromSums, type PresentOrder, type RowOrder, type ValueGroups } from './numeric-stats';

/**
 * Where each row's tie group lies in the column's sorted order: the positions [start, end) it
 * spans, so its average rank (1-based, ties averaged as scipy.stats.rankdata's 'average') is
 * (start + end + 1) / 2. Kept small, since a check holds one per number column at once:
 *  - 'code' (columns with few values): the row's value code from presentOrder, which the cache
 *    already holds, and bounds[2c], bounds[2c + 1] = start, end of code c's group;
 *  - 'start' (other columns): starts[row] packs the start in its low `startBits` bits and the
 *    group's size − 1 above them, when that fits the 31 bits; otherwise (a big group) it is −(g + 1),
 *    and bounds[2g], bounds[2g + 1] = start, end of tie group g. Group 0 is (0, 0), which rows
 *    without a value point to. Both are read in row order: only the few big groups are looked up
 *    elsewhere. (Looking every tie group up in a table of them, a cache miss per tied row per
 *    pair, made the check on the bench's 10M-row table take 58–63 s instead of 27–37 s; as it is
 *    now, 27–34 s.)
 * Per row that is nothing or 4 bytes, where a start and an end per row took 8 (at 1M rows the
 * correlation check held 8 MB per column, ~64 MB in all, on top of the sorted orders).
 */
export type TieGroups =
  | { kind: 'code'; codes: Uint16Array; bounds: Int32Array }
  | { kind: 'start'; starts: Int32Array; startBits: number; bounds: Int32Array };

/** A number column ready for pairing: its tie groups, the rows without a value and the mean of its values. */
export interface RankedColumn {
  values: NumberValues;
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
  const m = presentOrder.present;
  const ties: TieGroups = presentOrder.groups ? boundsByCode(presentOrder.groups) : startsByRow(presentOrder, n);
  const missingRows = new Int32Array(n - m);
  const sum = missingRowsAndSum(values, valid, missingRows, ties.kind === 'start' ? ties.starts : null);
  return { values, valid, ties, missingRows, present: m, mean: m > 0 ? sum / m : 0 };
}

/** Each value code's group bounds (codes are in first-seen order; rankOf gives their place by value). */
function boundsByCode({ sizes, codes, rankOf }: ValueGroups): TieGroups {
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) starts[g + 1] = starts[g]! + sizes[g]!;
  const bounds = new Int32Array(2 * rankOf.length);
  for (let c = 0; c < rankOf.length; c++) {
    bounds[2 * c] = starts[rankOf[c]!]!;
    bounds[2 * c + 1] = starts[rankOf[c]! + 1]!;
  }
  return { kind: 'code', codes, bounds };
}

function startsByRow({ order, tieNext }: RowOrder, n: number): TieGroups {
  const m = order.length;
  // Bits for any start (< m); what is left of 31 holds size − 1 of the groups packed with it.
  const startBits = Math.max(1, 32 - Math.clz32(m));
  const sizeLimit = 2 ** (31 - startBits);
  let big = 1;
  for (let k = 0; k < m; ) {
    const end = groupEnd(tieNext, k);
    if (end - k > sizeLimit) big++;
    k = end;
  }
  const bounds = new Int32Array(2 * big);
  const starts = new Int32Array(n);
  for (let k = 0, g = 1; k < m; ) {
    const end = groupEnd(tieNext, k);
    if (end - k > sizeLimit) {
      bounds[2 * g] = k;
      bounds[2 * g + 1] = end;
      for (let j = k; j < end; j++) starts[order[j]!] = -(g + 1);
      g++;
    } else {
      const packed = k + (end - k - 1) * 2 ** startBits;
      for (let j = k; j < end; j++) starts[order[j]!] = packed;
    }
    k = end;
  }
  return { kind: 'start', starts, startBits, bounds };
}

/** The end of the tie group that starts at sorted position k. */
function groupEnd(tieNext: Uint8Array, k: number): number {
  let end = k;
  while (tieNext[end] === 1) end++;
  return end + 1;
}

/**
 * Writes the rows without a value into `missingRows` (and points them at group 0 in `starts`);
 * returns the sum of the present values, in row order.
 */
function missingRowsAndSum(values: NumberValues, valid: Uint8Array, missingRows: Int32Array, starts: Int32Array | null): number {
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

/** Row `row`'s tie group [start, end) into out[0], out[1] (meaningless for a row without a value). */
function groupOfRow(ties: TieGroups, row: number, out: Int32Array): void {
  if (ties.kind === 'code') {
    const c = ties.codes[row]!;
    out[0] = ties.bounds[2 * c]!;
    out[1] = ties.bounds[2 * c + 1]!;
    return;
  }
  const v = ties.starts[row]!;
  if (v >= 0) {
    out[0] = v & (2 ** ties.startBits - 1);
    out[1] = out[0] + 1 + (v >>> ties.startBits);
  } else {
    out[0] = ties.bounds[-2 * v - 2]!;
    out[1] = ties.bounds[-2 * v - 1]!;
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
    groupOfRow(col.ties, row, one);
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
  /** Doubled ranks per value code of each side (see codeRanks). */
  readonly codeRanksA = new Float64Array(COUNTING_MAX_DISTINCT);
  readonly codeRanksB = new Float64Array(COUNTING_MAX_DISTINCT);
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
  const { ranksA, ranksB } = scratch;
  const n = a.valid.length;
  const droppedOfA = droppedA > 0 ? scratch.a.words : null;
  const droppedOfB = droppedB > 0 ? scratch.b.words : null;
  if (a.ties.kind === 'code') codeRanks(a.ties.bounds, droppedOfA, scratch.codeRanksA);
  if (b.ties.kind === 'code') codeRanks(b.ties.bounds, droppedOfB, scratch.codeRanksB);
  // Block by block: the pair's doubled ranks of both sides into small buffers, then pearsonPair's
  // sums (carried over, so they add up in row order). The first block is short (see
  // metrics/row-ranges.ts).
  for (let from = 0, to = Math.min(n, 64); from < n; from = to, to = Math.min(n, to + PAIR_BLOCK)) {
    pairRanks(a.ties, droppedOfA, scratch.codeRanksA, from, to, ranksA);
    pairRanks(b.ties, droppedOfB, scratch.codeRanksB, from, to, ranksB);
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
 * Twice the pair's average rank of rows [from, to) of one side, into out[0…): s + e + 1 − (D(s) +
 * D(e)) for a tie group spanning sorted positions [s, e), D(p) being the dropped rows at positions
 * below p (`dropped`: DroppedPositions' words; none when null). Rows the side lacks get a
 * meaningless value. A counted column's rows read their code's rank, worked out once per pair
 * (codeRanks), since every row of a code has the same group.
 */
function pairRanks(ties: TieGroups, dropped: Int32Array | null, byCode: Float64Array, from: number, to: number, out: Float64Array): void {
  if (ties.kind === 'code') ranksByCode(ties.codes, byCode, from, to, out);
  else if (dropped === null) ranksByStart(ties.starts, ties.startBits, ties.bounds, from, to, out);
  else ranksByStartDropped(ties.starts, ties.startBits, ties.bounds, dropped, from, to, out);
}

/** Each code's doubled rank (see pairRanks), from its group's bounds. */
function codeRanks(bounds: Int32Array, dropped: Int32Array | null, out: Float64Array): void {
  for (let c = 0; 2 * c < bounds.length; c++) {
    const s = bounds[2 * c]!;
    const e = bounds[2 * c + 1]!;
    out[c] = s + e + 1 - (dropped === null ? 0 : droppedBelow(dropped, s) + droppedBelow(dropped, e));
  }
}

function ranksByCode(codes: Uint16Array, byCode: Float64Array, from: number, to: number, out: Float64Array): void {
  for (let i = from; i < to; i++) out[i - from] = byCode[codes[i]!]!;
}

function ranksByStart(starts: Int32Array, startBits: number, bounds: Int32Array, from: number, to: number, out: Float64Array): void {
  const mask = 2 ** startBits - 1;
  for (let i = from; i < to; i++) {
    const v = starts[i]!;
    // Packed: s + e + 1 with e = s + 1 + (size − 1).
    out[i - from] = v >= 0 ? 2 * (v & mask) + 2 + (v >>> startBits) : bounds[-2 * v - 2]! + bounds[-2 * v - 1]! + 1;
  }
}

/**
 * ranksByStart with dropped rows. (For a group of one row D(e) is D(s) plus one if that row is
 * dropped; looking it up again is cheaper than the branch.)
 */
function ranksByStartDropped(starts: Int32Array, startBits: number, bounds: Int32Array, words: Int32Array, from: number, to: number, out: Float64Array): void {
  const mask = 2 ** startBits - 1;
  const bitsIn = BITS_IN_16;
  for (let i = from; i < to; i++) {
    const v = starts[i]!;
    let s: number;
    let e: number;
    if (v >= 0) {
      s = v & mask;
      e = s + 1 + (v >>> startBits);
    } else {
      s = bounds[-2 * v - 2]!;
      e = bounds[-2 * v - 1]!;
    }
    const atStart = 2 * (s >>> 5);
    const atEnd = 2 * (e >>> 5);
    const belowStart = words[atStart]! & ~(-1 << (s & 31));
    const belowEnd = words[atEnd]! & ~(-1 << (e & 31));
    out[i - from] =
      s + e + 1 - words[atStart + 1]! - bitsIn[belowStart & 0xffff]! - bitsIn[belowStart >>> 16]! - words[atEnd + 1]! - bitsIn[belowEnd & 0xffff]! - bitsIn[belowEnd >>> 16]!;
  }
}

/** D(p): the dropped positions below p. */
function droppedBelow(words: Int32Array, p: number): number {
  const at = 2 * (p >>> 5);
  return words[at + 1]! + popcount(words[at]! & ~(-1 << (p & 31)));
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
  x: NumberValues,
  y: NumberValues,
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
