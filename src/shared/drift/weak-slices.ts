/**
 * Which slices to follow from one batch to the next: the current batch's weak slices, found by
 * the same search the check-up uses (src/shared/slices, SliceLine-style, BH over every slice
 * examined), with columns that give the outcome away left out as the check-up leaves them out,
 * and dates and timestamps left out too: a new batch covers a new period, so "before March" means
 * something else in each batch. On a large batch the search looks at an evenly spaced sample of
 * SEARCH_ROWS rows (every k-th row): it only proposes slices; each one is then measured on every
 * row of both batches, and tested with Benjamini–Hochberg there.
 * performanceChange then compares each slice's accuracy (or MAE) with the same rows' in the
 * reference, selected by the slice's conditions.
 */
import type { Outcome } from '../checks/model/outcome';
import { DEFAULT_CHECK_OPTIONS } from '../checks/options';
import { leakageSuspects } from '../checks/quality/leakage';
import type { DatasetRoles } from '../roles/dataset-roles';
import { discoverOptionsFrom, discoverSlices } from '../slices/discover';
import { rowErrors, type RowErrors } from '../slices/row-errors';
import type { Column, Table } from '../table';
import type { DriftOptions } from './options';
import type { SliceInput } from './performance-change';

/** Rows the slice search looks at, at most (a 1M-row batch: every 5th row). */
export const SEARCH_ROWS = 200_000;

function sampled(errors: RowErrors): RowErrors {
  const n = errors.values.length;
  if (n <= SEARCH_ROWS) return errors;
  const step = n / SEARCH_ROWS;
  const values = new Float64Array(SEARCH_ROWS);
  const rows = new Uint32Array(SEARCH_ROWS);
  for (let k = 0; k < SEARCH_ROWS; k++) {
    const i = Math.floor(k * step);
    values[k] = errors.values[i]!;
    rows[k] = errors.rows[i]!;
  }
  return { ...errors, values, rows };
}

/** The table's rows at `rows` only, every column (for the leakage scan, which reads whole columns). */
function tableAt(table: Table, rows: Uint32Array): Table {
  const n = rows.length;
  const columns = table.columns.map((c): Column => {
    if (c.storage === 'codes') {
      const codes = new Int32Array(n);
      for (let k = 0; k < n; k++) codes[k] = c.codes[rows[k]!]!;
      return { ...c, codes };
    }
    const values = new Float64Array(n);
    const valid = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      values[k] = c.values[rows[k]!]!;
      valid[k] = c.valid[rows[k]!]!;
    }
    return { ...c, values, valid };
  });
  return { ...table, rowCount: rows.length, columns };
}

export function currentWeakSlices(current: Table, roles: DatasetRoles, outcome: Outcome, o: DriftOptions): SliceInput[] {
  if (o.sliceMaxDepth === 0) return [];
  const errors = rowErrors(outcome);
  if ('reason' in errors) return [];
  const options = { ...DEFAULT_CHECK_OPTIONS, minGroupSize: o.minGroupSize, fdr: o.fdr, confidenceLevel: o.confidenceLevel, sliceMaxDepth: o.sliceMaxDepth };
  const search = sampled(errors);
  // A leaking column gives itself away in a sample as surely as in the whole batch.
  const leaks = leakageSuspects({ table: search === errors ? current : tableAt(current, search.rows), columns: [], roles, options, now: 0 });
  const dates = current.columns.filter((c) => c.kind === 'date' || c.kind === 'datetime').map((c) => c.name);
  const searched = { ...roles, ignored: [...new Set([...roles.ignored, ...roles.timestamps, ...leaks, ...dates])] };
  const discovery = discoverSlices(current, searched, search, { ...discoverOptionsFrom(options), maxReported: o.sliceCount });
  return discovery.slices.map((s) => ({ description: s.description, conditions: s.conditions }));
}
