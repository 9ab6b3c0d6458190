/**
 * Which slices to follow from one batch to the next: the current batch's weak slices, found by
 * the same search the check-up uses (src/shared/slices, SliceLine-style, BH over every slice
 * examined), with columns that give the outcome away left out as the check-up leaves them out,
 * and dates and timestamps left out too: a new batch covers a new period, so "before March" means
 * something else in each batch.
 * performanceChange then compares each slice's accuracy (or MAE) with the same rows' in the
 * reference, selected by the slice's conditions.
 */
import type { Outcome } from '../checks/model/outcome';
import { DEFAULT_CHECK_OPTIONS } from '../checks/options';
import { leakageSuspects } from '../checks/quality/leakage';
import type { DatasetRoles } from '../roles/dataset-roles';
import { discoverOptionsFrom, discoverSlices } from '../slices/discover';
import { rowErrors } from '../slices/row-errors';
import type { Table } from '../table';
import type { DriftOptions } from './options';
import type { SliceInput } from './performance-change';

export function currentWeakSlices(current: Table, roles: DatasetRoles, outcome: Outcome, o: DriftOptions): SliceInput[] {
  if (o.sliceMaxDepth === 0) return [];
  const errors = rowErrors(outcome);
  if ('reason' in errors) return [];
  const options = { ...DEFAULT_CHECK_OPTIONS, minGroupSize: o.minGroupSize, fdr: o.fdr, confidenceLevel: o.confidenceLevel, sliceMaxDepth: o.sliceMaxDepth };
  const leaks = leakageSuspects({ table: current, columns: [], roles, options, now: 0 });
  const dates = current.columns.filter((c) => c.kind === 'date' || c.kind === 'datetime').map((c) => c.name);
  const searched = { ...roles, ignored: [...new Set([...roles.ignored, ...roles.timestamps, ...leaks, ...dates])] };
  const discovery = discoverSlices(current, searched, errors, { ...discoverOptionsFrom(options), maxReported: o.sliceCount });
  return discovery.slices.map((s) => ({ description: s.description, conditions: s.conditions }));
}
