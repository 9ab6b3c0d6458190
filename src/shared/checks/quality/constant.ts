/**
 * Columns that hold (almost) nothing: the same value everywhere, or no value at all.
 */
import type { Finding } from '../../findings/types';
import { emptyRangeFirst } from '../../metrics/row-ranges';
import type { CodesColumn, Column, NumberValues } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf, missingCountOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, codeCounts, formatValue, orPassed, pct, qualityFinding, rowsWithCodes } from './common';

export const CONSTANT_COLUMNS = 'quality.constant-columns';
export const EMPTY_COLUMNS = 'quality.empty-columns';

export interface TopValue {
  value: string;
  count: number;
  present: number;
}

/**
 * Text columns: the most frequent present value (dictionary counts). Number columns: the value
 * holding a strict majority of the present cells (Boyer–Moore majority vote, then a counting pass),
 * or null when none does — nearConstant is at least 50%, so a strict majority is all we need.
 */
export function majorityValue(col: Column, countsOf: (col: CodesColumn) => { counts: Int32Array; present: number } = codeCounts): TopValue | null {
  if (col.storage === 'codes') {
    const { counts, present } = countsOf(col);
    let best = -1;
    for (let c = 0; c < counts.length; c++) if (best < 0 || counts[c]! > counts[best]!) best = c;
    if (best < 0 || present === 0) return null;
    return { value: col.dictionary[best]!, count: counts[best]!, present };
  }
  const { values, valid } = col;
  // Boyer–Moore majority vote: [candidate, votes, present], carried from range to range.
  const vote = Float64Array.of(NaN, 0, 0);
  emptyRangeFirst(values.length, (from, to) => voteRange(values, valid, from, to, vote));
  const candidate = vote[0]!;
  const present = vote[2]!;
  if (present === 0) return null;
  const count = countValue(values, valid, candidate);
  if (count * 2 <= present) return null; // no strict majority: the vote's candidate means nothing
  return { value: formatValue(col, candidate), count, present };
}

function voteRange(values: NumberValues, valid: Uint8Array, from: number, to: number, vote: Float64Array): void {
  let candidate = vote[0]!;
  let votes = vote[1]!;
  let present = vote[2]!;
  for (let i = from; i < to; i++) {
    if (valid[i] === 0) continue;
    present++;
    const v = values[i]!;
    if (votes === 0) {
      candidate = v;
      votes = 1;
    } else if (v === candidate) votes++;
    else votes--;
  }
  vote[0] = candidate;
  vote[1] = votes;
  vote[2] = present;
}

function countValue(values: NumberValues, valid: Uint8Array, value: number): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (valid[i] === 1 && values[i] === value) count++;
  return count;
}

/**
 * quality.constant-columns — constant: every present cell holds one value; near-constant: one
 * value holds ≥ nearConstant (95%) of the present cells. Missing cells are left out of the share
 * (they are reported by quality.missing-values). The target is left to quality.class-imbalance.
 * Severity: constant → medium (the column tells nothing apart); near-constant → low.
 */
export const constantColumnsCheck: Check = {
  id: CONSTANT_COLUMNS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const { nearConstant } = input.options;
    const cache = cacheOf(input);
    const findings: Finding[] = [];
    const evidence: { column: string; topValue: string | null; topShare: number | null }[] = [];
    for (const col of checkedColumns(input)) {
      if (col.name === input.roles.target) continue;
      const top = majorityValue(col, (c) => codeCountsOf(cache, c));
      evidence.push({ column: col.name, topValue: top?.value ?? null, topShare: top ? top.count / top.present : null });
      if (!top || top.count / top.present < nearConstant) continue;
      const share = top.count / top.present;
      const constant = top.count === top.present;
      const others = top.present - top.count;
      let rows: { count: number; examples: number[] } | undefined;
      if (!constant && col.storage === 'codes') {
        const marked = new Uint8Array(col.dictionary.length).fill(1);
        marked[col.dictionary.indexOf(top.value)] = 0;
        rows = rowsWithCodes(col, marked);
      }
      findings.push(
        qualityFinding(CONSTANT_COLUMNS, col.name, {
          severity: constant ? 'medium' : 'low',
          severityRule: `One value in every filled cell → medium; one value in ${pct(nearConstant)} or more of them → low.`,
          columns: [col.name],
          ...(rows ? { rows } : {}),
          numbers: { value: top.value, count: top.count, present: top.present, share, others, constant, rows: n },
          examples: [top.value],
          sampleSize: top.present,
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, CONSTANT_COLUMNS, { rows: n }, n) };
  },
};

/** quality.empty-columns — every cell missing (and at least one row). Severity: medium. */
export const emptyColumnsCheck: Check = {
  id: EMPTY_COLUMNS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const findings: Finding[] = [];
    const empty: string[] = [];
    for (const col of checkedColumns(input)) {
      if (n === 0 || missingCountOf(cacheOf(input), col) < n) continue;
      empty.push(col.name);
      findings.push(
        qualityFinding(EMPTY_COLUMNS, col.name, {
          severity: 'medium',
          severityRule: 'A column with no values at all → medium.',
          columns: [col.name],
          numbers: { rows: n },
          sampleSize: n,
        }),
      );
    }
    return { evidence: { emptyColumns: empty }, findings: orPassed(findings, EMPTY_COLUMNS, { rows: n }, n) };
  },
};
