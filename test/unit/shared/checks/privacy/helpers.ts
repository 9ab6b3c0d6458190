/** Tiny literal tables and check inputs for the privacy tests. */
import type { CheckInput } from '../../../../../src/shared/checks/types';
import { DEFAULT_CHECK_OPTIONS } from '../../../../../src/shared/checks/options';
import type { DatasetRoles } from '../../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, Column, NumberColumn, Table } from '../../../../../src/shared/table';

/** A text column; null is a missing cell. */
export function textColumn(name: string, values: readonly (string | null)[], kind: CodesColumn['kind'] = 'text'): CodesColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      codes[i] = -1;
      return;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(v);
      index.set(v, c);
    }
    codes[i] = c;
  });
  return { storage: 'codes', name, kind, codes, dictionary };
}

/** A number column; null is a missing cell. */
export function numberColumn(name: string, values: readonly (number | null)[], kind: NumberColumn['kind'] = 'integer'): NumberColumn {
  return {
    storage: 'number',
    name,
    kind,
    values: Float64Array.from(values, (v) => v ?? 0),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
  };
}

export function table(...columns: Column[]): Table {
  return { rowCount: columns[0]?.storage === 'number' ? columns[0].values.length : (columns[0]?.codes.length ?? 0), columns };
}

export const NO_ROLES: DatasetRoles = {
  target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [],
};

/** "Now" for every test: 2026-11-27 UTC. */
export const NOW = Date.UTC(2026, 10, 27);

export function input(t: Table, roles: Partial<DatasetRoles> = {}): CheckInput {
  return { table: t, columns: [], roles: { ...NO_ROLES, ...roles }, options: DEFAULT_CHECK_OPTIONS, now: NOW };
}

/** n copies of a list of values, so a column has a realistic share. */
export const repeat = <T>(values: readonly T[], times: number): T[] => Array.from({ length: times }, () => values).flat();
