/**
 * Every row of a slice, selected again from its conditions (a slice finding carries them:
 * Finding.conditions) — what the flagged-rows export lists for a weak slice or a person's slice,
 * where the finding itself keeps only 20 example rows. The definition is the slices check's own:
 * - which rows can be in a slice: those the check measured the model's error on (rowErrors over
 *   resolveOutcome — the outcome, and the prediction or score, present); the others are in none;
 * - which of them are: sliceMask (parse.ts), the test a person's slice is evaluated with. A
 *   discovered slice's quantile bin is tested by its exact edges (SliceCondition.bin) with inBin,
 *   the function encoding put the rows in bins with; a category value by its text; "another
 *   value" (`not in`) as a known value other than those listed; missing as missing.
 * So the rows found here are the slice's rows, and their count its size.
 */
import { resolveOutcome } from '../checks/model/outcome';
import type { DatasetRoles } from '../roles/dataset-roles';
import type { Table } from '../table';
import { dateValue, sliceMask, type ParsedCondition } from './parse';
import { rowErrors } from './row-errors';
import type { SliceCondition } from './types';

/** The table rows the slices check measured an error on (ascending), or null when it measured none. */
export function measuredRows(table: Table, roles: DatasetRoles): Uint32Array | null {
  const errors = rowErrors(resolveOutcome(table, roles));
  return 'reason' in errors ? null : errors.rows;
}

const listOf = (value: SliceCondition['value']): (number | string)[] => (value === null ? [] : Array.isArray(value) ? value : [value]);

/** A condition as sliceMask takes it, against this table; null when its column or a value is not there. */
function parsedCondition(table: Table, condition: SliceCondition): ParsedCondition | null {
  const columnIndex = table.columns.findIndex((c) => c.name === condition.column);
  const col = table.columns[columnIndex];
  if (!col) return null;
  const parsed: ParsedCondition = { condition, columnIndex, numbers: [], codes: [] };
  const { op } = condition;
  if (op === 'is missing' || op === 'is not missing') return parsed;
  const values = listOf(condition.value);
  if (col.storage === 'codes') {
    if (!(op === '=' || op === '!=' || op === 'in' || op === 'not in')) return null;
    for (const v of values) {
      const code = col.dictionary.indexOf(String(v));
      if (code < 0) return null;
      parsed.codes.push(code);
    }
    return parsed.codes.length > 0 ? parsed : null;
  }
  if (condition.bin) return parsed;
  const dates = col.kind === 'date' || col.kind === 'datetime';
  for (const v of values) {
    const x = typeof v === 'number' ? v : dates ? dateValue(v) : Number.NaN;
    if (!Number.isFinite(x)) return null;
    parsed.numbers.push(x);
  }
  return parsed.numbers.length >= (op === 'between' ? 2 : 1) ? parsed : null;
}

/** Which rows of the table are in the slice (1) or not (0); null when a condition does not fit the table. */
export function sliceMaskFor(table: Table, conditions: readonly SliceCondition[]): Uint8Array | null {
  const parsed: ParsedCondition[] = [];
  for (const c of conditions) {
    const p = parsedCondition(table, c);
    if (!p) return null;
    parsed.push(p);
  }
  return parsed.length === 0 ? null : sliceMask(table, parsed);
}

/**
 * The rows (0-based, ascending) of the slice these conditions describe, among `measured` (see
 * measuredRows). Null when a condition does not fit the table (a column or value that is not there).
 */
export function sliceMembers(table: Table, measured: Uint32Array, conditions: readonly SliceCondition[]): Int32Array | null {
  const mask = sliceMaskFor(table, conditions);
  return mask && membersOf(mask, measured);
}

function membersOf(mask: Uint8Array, measured: Uint32Array): Int32Array {
  const inside = new Uint8Array(mask.length);
  for (let k = 0; k < measured.length; k++) inside[measured[k]!] = mask[measured[k]!]!;
  const out: number[] = [];
  for (let i = 0; i < inside.length; i++) if (inside[i] === 1) out.push(i);
  return Int32Array.from(out);
}
