/**
 * quality.conflicting-labels — rows whose features are identical but whose outcomes differ.
 *
 * Features: every checked column except the target, the prediction and score columns, ids and
 * timestamps (roles). Rows without a target are left out. A group is a set of rows with equal
 * features (exact, missing equals missing, via row-groups.ts); it conflicts when it holds two or
 * more different target values. Reported: conflicting groups and the rows in them.
 * Applies to binary and multiclass targets (amounts differ between identical rows by nature).
 * Severity: rows in conflicting groups ≥ 1% of the rows with a target → medium; fewer → low.
 * The definition (conflictGroups, rowsInConflict) is shared with the flagged-rows export, which
 * lists every row of a finding with conflictingLabelRows.
 */
import type { Finding } from '../../findings/types';
import type { Column, Table } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { rowsWithUniqueValue, targetClassesOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, columnByName, MAX_EXAMPLE_ROWS, orPassed, pct, qualityFinding, roleSets } from './common';
import { targetClasses } from './classes';
import { firstOccurrences, keyOf } from './row-groups';

export const CONFLICTING_LABELS = 'quality.conflicting-labels';
const CONFLICT_MEDIUM = 0.01;


export const conflictingLabelsCheck: Check = {
  id: CONFLICTING_LABELS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const roles = roleSets(input.roles);
    const target = columnByName(input.table, input.roles.target);
    if (!target || roles.ignored.has(target.name) || input.roles.task === 'regression') {
      return { evidence: { skipped: 'Needs an outcome column with classes.' }, findings: [] };
    }
    const features = checkedColumns(input).filter(
      (c) => c.name !== target.name && !roles.outputs.has(c.name) && !roles.ids.has(c.name) && !roles.timestamps.has(c.name),
    );
    const classes = targetClassesOf(cacheOf(input), target);
    if (!classes || features.length === 0) return { evidence: { skipped: 'No feature columns, or the outcome has too many values.' }, findings: [] };
    const conflicting = conflictGroups(n, features, classes.index, rowsWithUniqueValue(cacheOf(input), features) ?? undefined);
    const groups = countMarked(conflicting.conflict);
    const members = rowsInConflict(conflicting);
    const rows = members.length;
    const examples = Array.from(members.subarray(0, MAX_EXAMPLE_ROWS), (r) => r + 1);
    const findings: Finding[] = [];
    if (groups > 0) {
      const share = rows / classes.present;
      findings.push(
        qualityFinding(CONFLICTING_LABELS, target.name, {
          severity: share >= CONFLICT_MEDIUM ? 'medium' : 'low',
          severityRule: `Rows in conflicting groups are ${pct(CONFLICT_MEDIUM)} or more of the rows with an outcome → medium; fewer → low.`,
          columns: [target.name, ...features.map((c) => c.name)],
          rows: { count: rows, examples },
          numbers: { groups, rows, present: classes.present, share, features: features.length, target: target.name },
          sampleSize: classes.present,
        }),
      );
    }
    return {
      evidence: { features: features.map((c) => c.name), conflictingGroups: groups, conflictingRows: rows },
      findings: orPassed(findings, CONFLICTING_LABELS, { rows: classes.present, features: features.length }, n),
    };
  },
};

/** Rows with a class grouped by equal features, and the groups that hold two different classes. */
export interface ConflictGroups {
  /** Each row's group as its first row (firstOccurrences); −1 for rows without a class. */
  first: Int32Array;
  /** 1 at the first row of each conflicting group. */
  conflict: Uint8Array;
}

/**
 * The check's definition, shared with the flagged-rows export: rows with a class (`classIndex`
 * ≥ 0) grouped by equal values in `features` (exact, missing equals missing), and the groups
 * holding two or more classes. `distinct` as firstOccurrences' (rows known to equal no other).
 */
export function conflictGroups(rowCount: number, features: readonly Column[], classIndex: Int32Array, distinct?: Uint8Array): ConflictGroups {
  const first = firstOccurrences(rowCount, features.map(keyOf), withClass(classIndex), distinct);
  const conflict = new Uint8Array(rowCount);
  markConflicts(first, classIndex, conflict);
  return { first, conflict };
}

/** The rows (0-based, ascending) in a conflicting group: the rows the check counts and the export lists. */
export function rowsInConflict({ first, conflict }: ConflictGroups): Int32Array {
  const out = new Int32Array(countInConflict(first, conflict));
  fillInConflict(first, conflict, out);
  return out;
}

/**
 * The rows a conflicting-labels finding counts (0-based, ascending), from the finding's outcome
 * column and feature columns (the export rebuilds the full set with this). Null when a column is
 * not in the table or the outcome is not a set of classes.
 */
export function conflictingLabelRows(table: Table, target: string, featureNames: readonly string[]): Int32Array | null {
  const byName = (name: string): Column | undefined => table.columns.find((c) => c.name === name);
  const targetColumn = byName(target);
  const features = featureNames.map(byName);
  if (!targetColumn || features.length === 0 || features.some((c) => c === undefined)) return null;
  const classes = targetClasses(targetColumn);
  if (!classes) return null;
  return rowsInConflict(conflictGroups(table.rowCount, features as Column[], classes.index));
}

// The row loops, each in a function that ends with its loop (see metrics/row-ranges.ts).

const inConflict = (first: Int32Array, conflict: Uint8Array, i: number): boolean => first[i]! >= 0 && conflict[first[i]!] === 1;

function countInConflict(first: Int32Array, conflict: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < first.length; i++) if (inConflict(first, conflict, i)) count++;
  return count;
}

function fillInConflict(first: Int32Array, conflict: Uint8Array, out: Int32Array): void {
  for (let i = 0, j = 0; i < first.length; i++) if (inConflict(first, conflict, i)) out[j++] = i;
}

function withClass(index: Int32Array): Uint8Array {
  const include = new Uint8Array(index.length);
  for (let i = 0; i < index.length; i++) include[i] = index[i]! >= 0 ? 1 : 0;
  return include;
}

/** The groups (at their first row) holding two different classes. */
function markConflicts(first: Int32Array, index: Int32Array, conflict: Uint8Array): void {
  for (let i = 0; i < first.length; i++) {
    const f = first[i]!;
    if (f >= 0 && index[i] !== index[f]) conflict[f] = 1;
  }
}

function countMarked(marked: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < marked.length; i++) count += marked[i]!;
  return count;
}
