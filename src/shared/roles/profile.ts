/**
 * The small per-column profile the role guesser reads: present count, distinct values (up to a
 * limit, most frequent first), min and max. One pass over typed arrays per column.
 */
import type { Column, NumberValues, Table } from '../table';
import type { ColumnProfileLite } from './guess-roles';

const MAX_VALUES = 50;

function formatNumber(v: number, kind: string): string {
  if (kind === 'date' || kind === 'datetime') {
    const iso = new Date(v).toISOString();
    return kind === 'date' ? iso.slice(0, 10) : iso;
  }
  return String(v);
}

/**
 * The `k` codes counted most often, most frequent first (equal counts: the lower code first), and
 * how many codes were counted at all. One pass keeping the best k in order — a free-text column
 * with 700,000 different values is not sorted just to read its first 50.
 */
export function topCodes(counts: Float64Array, k: number): { top: number[]; used: number } {
  const top: number[] = [];
  let used = 0;
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c]!;
    if (n === 0) continue;
    used++;
    if (k === 0 || (top.length === k && n <= counts[top[k - 1]!]!)) continue;
    let i = top.length < k ? top.push(c) - 1 : k - 1;
    while (i > 0 && counts[top[i - 1]!]! < n) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = c;
  }
  return { top, used };
}

export function profileColumn(col: Column): ColumnProfileLite {
  if (col.storage === 'codes') {
    const counts = new Float64Array(col.dictionary.length);
    let present = 0;
    for (let i = 0; i < col.codes.length; i++) {
      const c = col.codes[i]!;
      if (c >= 0) {
        counts[c]! += 1;
        present++;
      }
    }
    const { top, used } = topCodes(counts, MAX_VALUES);
    return {
      name: col.name,
      kind: col.kind,
      present,
      distinct: used,
      values: top.map((c) => col.dictionary[c]!),
      min: null,
      max: null,
    };
  }
  const { present, min, max, counted } = scanNumbers(col.values, col.valid, MAX_VALUES);
  const values = counted === null ? [] : counted.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([v]) => formatNumber(v, col.kind));
  return {
    name: col.name,
    kind: col.kind,
    present,
    distinct: counted === null ? null : counted.length,
    values,
    min: present ? min : null,
    max: present ? max : null,
  };
}

/** Slots of the counting table: a power of two over twice the most values counted. */
const SLOTS = 128;
/** Whole numbers 0…SMALL−1 are counted by index, without hashing (labels, predictions, small counts). */
const SMALL = 64;
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

/**
 * Present count, min, max, and each value with its count while there are at most `limit` different
 * values (null past that; 0 and −0 are one value). One pass counts in typed arrays — by index for
 * small whole numbers, else in a small open-addressing table — until a value past the limit turns
 * up; the rest of the column is then only scanned for its count and range, so a column of
 * measurements is counted for a few dozen rows. (A Map here cost ~50 ms per million rows of a
 * column with few values; a separate min/max pass, ~4 ms per million rows of every column.)
 */
export function scanNumbers(values: NumberValues, valid: Uint8Array, limit: number): { present: number; min: number; max: number; counted: [number, number][] | null } {
  if (limit * 2 > SLOTS) throw new Error(`scanNumbers counts at most ${SLOTS / 2} values`);
  const range = Float64Array.of(0, Infinity, -Infinity); // present, min, max
  const small = new Float64Array(SMALL);
  const keys = new Float64Array(SLOTS);
  const counts = new Float64Array(SLOTS);
  const stopped = countValues(values, valid, limit, range, small, keys, counts);
  if (stopped) return { present: range[0]!, min: range[1]!, max: range[2]!, counted: null };
  const counted: [number, number][] = [];
  for (let k = 0; k < SMALL; k++) if (small[k]! > 0) counted.push([k, small[k]!]);
  for (let s = 0; s < SLOTS; s++) if (counts[s]! > 0) counted.push([keys[s]!, counts[s]!]);
  return { present: range[0]!, min: range[1]!, max: range[2]!, counted };
}

/**
 * Counts each present value until the (limit + 1)-th different one, then only scans the rest;
 * the count and range of every present row go in `range`. True when it stopped counting.
 */
function countValues(values: NumberValues, valid: Uint8Array, limit: number, range: Float64Array, small: Float64Array, keys: Float64Array, counts: Float64Array): boolean {
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  let distinct = 0;
  let i = 0;
  for (; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const v = values[i]!;
    const k = v | 0;
    if (k === v && k >= 0 && k < SMALL) {
      if (small[k] === 0 && ++distinct > limit) break;
      small[k]! += 1;
    } else {
      bits[0] = v;
      let slot = Math.imul(halves[0]! ^ halves[1]!, 0x9e3779b1) >>> 25;
      while (counts[slot]! > 0 && keys[slot] !== v) slot = (slot + 1) & (SLOTS - 1);
      if (counts[slot] === 0) {
        if (++distinct > limit) break;
        keys[slot] = v;
      }
      counts[slot]! += 1;
    }
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const stopped = i < values.length;
  // Past the limit: the rest of the rows (from the one that went past it) for the count and range only.
  for (; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const v = values[i]!;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  range[0] = present;
  range[1] = min;
  range[2] = max;
  return stopped;
}

/**
 * What guessing roles needs of each column (counts, a few top values, min/max): lighter than the
 * check-up's profileTable (shared/profile). `beforeColumn` runs before each column (a job checks
 * for Cancel there: a column of 10M rows takes a moment).
 */
export function profileForRoles(table: Table, beforeColumn: () => void = () => {}): ColumnProfileLite[] {
  return table.columns.map((col) => {
    beforeColumn();
    return profileColumn(col);
  });
}
