/** Tiny literal tables, roles and a runner for the fairness tests. */
import assert from 'node:assert/strict';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../../../src/shared/checks/options';
import type { Check, CheckOutput } from '../../../../src/shared/checks/types';
import type { DatasetRoles } from '../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, Column, NumberColumn, Table } from '../../../../src/shared/table';

export function num(name: string, values: readonly (number | null)[], kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  return {
    storage: 'number',
    name,
    kind,
    values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v)),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
  };
}

export function codes(name: string, values: readonly (string | null)[], kind: CodesColumn['kind'] = 'category'): CodesColumn {
  const dictionary: string[] = [];
  const out = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) out[i] = -1;
    else {
      let c = dictionary.indexOf(v);
      if (c < 0) c = dictionary.push(v) - 1;
      out[i] = c;
    }
  });
  return { storage: 'codes', name, kind, codes: out, dictionary };
}

export function table(...columns: Column[]): Table {
  const len = (c: Column): number => (c.storage === 'codes' ? c.codes.length : c.values.length);
  const rowCount = columns[0] ? len(columns[0]) : 0;
  for (const c of columns) assert.equal(len(c), rowCount, `column ${c.name}`);
  return { rowCount, columns };
}

export function roles(overrides: Partial<DatasetRoles> = {}): DatasetRoles {
  return { target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [], ...overrides };
}

export function run(check: Check, t: Table, r: Partial<DatasetRoles>, options: Partial<CheckOptions> = {}): CheckOutput {
  return check.run({ table: t, columns: [], roles: roles(r), options: { ...DEFAULT_CHECK_OPTIONS, ...options }, now: 0 });
}

export function close(actual: number | null | undefined, expected: number, tol = 1e-12, message = ''): void {
  assert.ok(actual !== null && actual !== undefined, `${message}: expected ${expected}, got ${actual}`);
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol * scale, `${message}: expected ${expected}, got ${actual}`);
}

/** Relative closeness, for p-values that may be tiny. */
export function relClose(actual: number, expected: number, rel = 1e-12, message = ''): void {
  const ok = expected === 0 ? actual === 0 : Math.abs(actual - expected) <= rel * Math.abs(expected);
  assert.ok(ok, `${message}: expected ${expected}, got ${actual}`);
}

export const u8 = (xs: readonly number[]): Uint8Array => Uint8Array.from(xs);
export const f64 = (xs: readonly number[]): Float64Array => Float64Array.from(xs);

/** Repeats each [value, times] pair: rep(['a', 3], ['b', 2]) → a a a b b. */
export function rep<T>(...pairs: [T, number][]): T[] {
  return pairs.flatMap(([v, k]) => Array.from({ length: k }, () => v));
}
