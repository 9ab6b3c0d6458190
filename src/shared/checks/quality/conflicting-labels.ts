/**
 * quality.conflicting-labels — rows whose features are identical but whose outcomes differ.
 *
 * Features: every checked column except the target, the prediction and score columns, ids and
 * timestamps (roles). Rows without a target are left out. A group is a set of rows with equal
 * features (exact, missing equals missing, via row-groups.ts); it conflicts when it holds two or
 * more different target values. Reported: conflicting groups and the rows in them.
 * Applies to binary and multiclass targets (amounts differ between identical rows by nature).
 * Severity: rows in conflicting groups ≥ 1% of the rows with a target → medium; fewer → low.
 */
import type { Finding } from '../../findings/types';
import { cacheOf } from '../cache/check-cache';
import { rowsWithUniqueValue, targetClassesOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, columnByName, MAX_EXAMPLE_ROWS, orPassed, pct, qualityFinding, roleSets } from './common';
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
    const include = withClass(classes.index);
    const cache = cacheOf(input);
    const first = firstOccurrences(n, features.map(keyOf), include, rowsWithUniqueValue(cache, features) ?? undefined);
    const size = new Int32Array(n);
    const conflict = new Uint8Array(n);
    markConflicts(first, classes.index, size, conflict);
    const groups = countMarked(conflict);
    const rows = rowsInMarked(conflict, size);
    const examples: number[] = [];
    for (let i = 0; i < n && examples.length < MAX_EXAMPLE_ROWS; i++) if (first[i]! >= 0 && conflict[first[i]!] === 1) examples.push(i + 1);
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

// The row loops, each in a function that ends with its loop (see metrics/row-ranges.ts).

function withClass(index: Int32Array): Uint8Array {
  const include = new Uint8Array(index.length);
  for (let i = 0; i < index.length; i++) include[i] = index[i]! >= 0 ? 1 : 0;
  return include;
}

/** Rows per group (at its first row) and the groups holding two different classes. */
function markConflicts(first: Int32Array, index: Int32Array, size: Int32Array, conflict: Uint8Array): void {
  for (let i = 0; i < first.length; i++) {
    const f = first[i]!;
    if (f < 0) continue;
    size[f]!++;
    if (index[i] !== index[f]) conflict[f] = 1;
  }
}

function countMarked(marked: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < marked.length; i++) count += marked[i]!;
  return count;
}

function rowsInMarked(marked: Uint8Array, size: Int32Array): number {
  let rows = 0;
  for (let i = 0; i < marked.length; i++) if (marked[i] === 1) rows += size[i]!;
  return rows;
}
