/**
 * The small per-column profile the role guesser reads: present count, distinct values (up to a
 * limit, most frequent first), min and max. One pass over typed arrays per column.
 */
import type { Column, Table } from '../table';
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
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  const seen = new Map<number, number>();
  let overflow = false;
  for (let i = 0; i < col.values.length; i++) {
    if (!col.valid[i]) continue;
    const v = col.values[i]!;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!overflow) {
      seen.set(v, (seen.get(v) ?? 0) + 1);
      if (seen.size > MAX_VALUES) overflow = true;
    }
  }
  const values = overflow ? [] : [...seen.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([v]) => formatNumber(v, col.kind));
  return {
    name: col.name,
    kind: col.kind,
    present,
    distinct: overflow ? null : seen.size,
    values,
    min: present ? min : null,
    max: present ? max : null,
  };
}

/** `beforeColumn` runs before each column (a job checks for Cancel there: a column of 10M rows takes a moment). */
export function profileTable(table: Table, beforeColumn: () => void = () => {}): ColumnProfileLite[] {
  return table.columns.map((col) => {
    beforeColumn();
    return profileColumn(col);
  });
}
