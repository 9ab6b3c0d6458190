/**
 * A slice the person defined ("age >= 60 & region = North", from the app or `--slice`): the same
 * statistics as a discovered slice — size, share, error in and outside with intervals, lift and
 * the one-sided test — on the same rows and the same error (row-errors.ts).
 *
 * No Benjamini–Hochberg here: a person's own slice is one question asked in advance, not one of
 * many found by searching, so it gets its plain p-value (q_value is null). A slice with fewer rows
 * than minGroupSize, or with no rows outside it, is reported with `enough_data: false`.
 */
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import { EXAMPLE_ROWS, exampleRows } from './discover';
import { describeConditions } from './labels';
import { parseSlice, sliceMask } from './parse';
import type { RowErrors } from './row-errors';
import { sliceStatistics, type Moments, type SliceStatistics } from './stats';
import type { SliceCondition } from './types';

export interface CustomSliceFailed {
  definition: string;
  parse_error: string;
  /** 1-based character position of the problem. */
  position: number;
}

export interface CustomSliceEvaluated extends SliceStatistics {
  definition: string;
  parse_error: null;
  conditions: SliceCondition[];
  description: string;
  columns: string[];
  sensitive: boolean;
  q_value: null;
  enough_data: boolean;
  examples: number[];
}

export type CustomSliceResult = CustomSliceFailed | CustomSliceEvaluated;

export function evaluateCustomSlice(
  table: Table,
  roles: DatasetRoles,
  errors: RowErrors,
  definition: string,
  options: { minGroupSize: number; confidenceLevel: number },
): CustomSliceResult {
  const parsed = parseSlice(definition, table);
  if (!parsed.ok) return { definition, parse_error: parsed.error, position: parsed.position };
  const mask = sliceMask(table, parsed.conditions);
  const total: Moments = { n: errors.values.length, sum: 0, sumSq: 0 };
  const inside: Moments = { n: 0, sum: 0, sumSq: 0 };
  const members: number[] = [];
  for (let k = 0; k < errors.values.length; k++) {
    const e = errors.values[k]!;
    total.sum += e;
    total.sumSq += e * e;
    if (!mask[errors.rows[k]!]) continue;
    inside.n++;
    inside.sum += e;
    inside.sumSq += e * e;
    if (members.length < EXAMPLE_ROWS) members.push(k);
  }
  const conditions = parsed.conditions.map((p) => p.condition);
  const columns = [...new Set(conditions.map((c) => c.column))];
  return {
    definition,
    parse_error: null,
    conditions,
    description: describeConditions(conditions),
    columns,
    sensitive: columns.some((c) => roles.sensitive[c] !== undefined),
    ...sliceStatistics(inside, total, errors.binary, options.confidenceLevel),
    q_value: null,
    enough_data: inside.n >= options.minGroupSize && inside.n < total.n,
    examples: exampleRows(Uint32Array.from(members), errors.rows),
  };
}
