/**
 * Joining a predictions file onto a dataset by a key column: guess the key, report matched,
 * unmatched and duplicated keys on both sides before anything is saved, then build the joined
 * table (every row of the dataset kept, in order; prediction columns missing where no row matched;
 * for a key repeated in the predictions file, its first row is used — and reported).
 */
import { formatCell } from '../format-cell';
import type { Column, Table } from '../table';

export interface JoinKeys {
  left: string;
  right: string;
}

export interface JoinReport {
  keys: JoinKeys;
  /** How the key was chosen, in words. */
  keyReason: string;
  leftRows: number;
  rightRows: number;
  /** Dataset rows that found a predictions row. */
  matched: number;
  /** Dataset rows whose key is not in the predictions file (or is missing). */
  unmatchedLeft: number;
  /** Predictions rows whose key is not in the dataset. */
  unmatchedRight: number;
  /** Rows whose key repeats an earlier row's key, on each side. */
  duplicateLeft: number;
  duplicateRight: number;
  /** A few unmatched keys from each side, for the message. */
  examples: { unmatchedLeft: string[]; unmatchedRight: string[]; duplicateRight: string[] };
  /** Columns the join adds, with their names in the joined table. */
  added: { from: string; as: string }[];
}

const keyText = (col: Column, row: number): string | null => {
  const v = formatCell(col, row);
  return v === null ? null : v.trim();
};

function keySet(col: Column, rows: number): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const k = keyText(col, i);
    if (k !== null) s.add(k);
  }
  return s;
}

/**
 * The key: a column with the same name on both sides whose values overlap most (ids first), or
 * else the pair of columns whose value sets overlap most. Null when nothing overlaps.
 */
export function guessJoinKeys(left: Table, right: Table, preferred: readonly string[] = []): { keys: JoinKeys; reason: string } | null {
  let best: { keys: JoinKeys; score: number; reason: string } | null = null;
  const sample = (t: Table, c: Column): Set<string> => keySet(c, Math.min(t.rowCount, 50_000));
  const rightSets = new Map(right.columns.map((c) => [c.name, sample(right, c)]));
  for (const l of left.columns) {
    const ls = sample(left, l);
    if (ls.size < Math.min(left.rowCount, 50_000) * 0.5) continue; // keys are (nearly) unique
    for (const r of right.columns) {
      const rs = rightSets.get(r.name)!;
      let shared = 0;
      for (const v of rs) if (ls.has(v)) shared++;
      if (shared === 0) continue;
      const overlap = shared / Math.max(1, Math.min(ls.size, rs.size));
      const score = overlap + (l.name === r.name ? 0.5 : 0) + (preferred.includes(l.name) ? 0.25 : 0);
      if (!best || score > best.score) {
        best = {
          keys: { left: l.name, right: r.name },
          score,
          reason:
            l.name === r.name
              ? `Both files have a column "${l.name}", and ${Math.round(overlap * 100)}% of its values appear in both.`
              : `"${l.name}" in the dataset and "${r.name}" in the predictions file share ${Math.round(overlap * 100)}% of their values.`,
        };
      }
    }
  }
  return best ? { keys: best.keys, reason: best.reason } : null;
}

export function joinTables(left: Table, right: Table, keys: JoinKeys, keyReason: string): { table: Table; report: JoinReport } {
  const lk = left.columns.find((c) => c.name === keys.left);
  const rk = right.columns.find((c) => c.name === keys.right);
  if (!lk) throw new Error(`The dataset has no column called "${keys.left}".`);
  if (!rk) throw new Error(`The predictions file has no column called "${keys.right}".`);

  const firstRow = new Map<string, number>();
  let duplicateRight = 0;
  const dupExamples: string[] = [];
  for (let i = 0; i < right.rowCount; i++) {
    const k = keyText(rk, i);
    if (k === null) continue;
    if (firstRow.has(k)) {
      duplicateRight++;
      if (dupExamples.length < 5) dupExamples.push(k);
    } else firstRow.set(k, i);
  }
  const match = new Int32Array(left.rowCount).fill(-1);
  const seenLeft = new Set<string>();
  const usedRight = new Set<number>();
  let matched = 0;
  let duplicateLeft = 0;
  const unmatchedLeftExamples: string[] = [];
  for (let i = 0; i < left.rowCount; i++) {
    const k = keyText(lk, i);
    if (k !== null) {
      if (seenLeft.has(k)) duplicateLeft++;
      seenLeft.add(k);
    }
    const r = k === null ? undefined : firstRow.get(k);
    if (r === undefined) {
      if (unmatchedLeftExamples.length < 5) unmatchedLeftExamples.push(k ?? '(missing)');
      continue;
    }
    match[i] = r;
    usedRight.add(r);
    matched++;
  }
  const unmatchedRightExamples: string[] = [];
  let unmatchedRight = 0;
  for (const [k, r] of firstRow) {
    if (usedRight.has(r)) continue;
    unmatchedRight++;
    if (unmatchedRightExamples.length < 5) unmatchedRightExamples.push(k);
  }

  const names = new Set(left.columns.map((c) => c.name));
  const added: JoinReport['added'] = [];
  const extra: Column[] = [];
  for (const c of right.columns) {
    if (c === rk) continue;
    let as = c.name;
    if (names.has(as)) {
      as = `${c.name}_predictions`;
      for (let k = 2; names.has(as); k++) as = `${c.name}_predictions_${k}`;
    }
    names.add(as);
    added.push({ from: c.name, as });
    extra.push(takeRows(c, match, as));
  }
  return {
    table: { rowCount: left.rowCount, columns: [...left.columns, ...extra] },
    report: {
      keys,
      keyReason,
      leftRows: left.rowCount,
      rightRows: right.rowCount,
      matched,
      unmatchedLeft: left.rowCount - matched,
      unmatchedRight,
      duplicateLeft,
      duplicateRight,
      examples: { unmatchedLeft: unmatchedLeftExamples, unmatchedRight: unmatchedRightExamples, duplicateRight: dupExamples },
      added,
    },
  };
}

/** Column `c` reordered by `rows` (−1 = no row: missing). */
function takeRows(c: Column, rows: Int32Array, name: string): Column {
  if (c.storage === 'number') {
    const values = new Float64Array(rows.length);
    const valid = new Uint8Array(rows.length);
    rows.forEach((r, i) => {
      if (r >= 0 && c.valid[r]) {
        values[i] = c.values[r]!;
        valid[i] = 1;
      } else values[i] = NaN;
    });
    return { ...c, name, values, valid };
  }
  const codes = new Int32Array(rows.length);
  rows.forEach((r, i) => (codes[i] = r >= 0 ? c.codes[r]! : -1));
  return { ...c, name, codes };
}
