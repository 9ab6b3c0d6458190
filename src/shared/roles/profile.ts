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
    const used: number[] = [];
    for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) used.push(c);
    used.sort((a, b) => counts[b]! - counts[a]! || a - b);
    return {
      name: col.name,
      kind: col.kind,
      present,
      distinct: used.length,
      values: used.slice(0, MAX_VALUES).map((c) => col.dictionary[c]!),
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
