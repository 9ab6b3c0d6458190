/** Small builders for drift tests: seeded samples and hand-made tables. */
import type { DatasetRoles } from '../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, Column, NumberColumn, Table } from '../../../../src/shared/table';
import { mulberry32 } from '../../../../src/shared/metrics/random';

/** n draws from Normal(mu, sd), Box–Muller on mulberry32(seed). */
export function normals(n: number, mu = 0, sd = 1, seed = 1): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-300)));
    const t = 2 * Math.PI * rand();
    out[i] = mu + sd * r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = mu + sd * r * Math.sin(t);
  }
  return out;
}

/** A number column; NaN (or null) marks a missing cell. */
export function numberColumn(name: string, values: ArrayLike<number | null>, kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  const v = Float64Array.from({ length: values.length }, (_, i) => values[i] ?? NaN);
  return { storage: 'number', name, kind, values: v, valid: Uint8Array.from(v, (x) => (Number.isNaN(x) ? 0 : 1)) };
}

/** A codes column; null marks a missing cell. The dictionary is in first-seen order unless given. */
export function codesColumn(name: string, values: readonly (string | null)[], kind: CodesColumn['kind'] = 'category', dictionary?: string[]): CodesColumn {
  const dict = dictionary ? [...dictionary] : [];
  const index = new Map(dict.map((d, i) => [d, i]));
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let k = index.get(v);
    if (k === undefined) {
      k = dict.length;
      dict.push(v);
      index.set(v, k);
    }
    return k;
  });
  return { storage: 'codes', name, kind, codes, dictionary: dict };
}

export function table(...columns: Column[]): Table {
  return { rowCount: columns[0] ? (columns[0].storage === 'codes' ? columns[0].codes.length : columns[0].values.length) : 0, columns };
}

export function roles(partial: Partial<DatasetRoles> = {}): DatasetRoles {
  return { target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [], ...partial };
}

/** `count` labels drawn with the given shares (deterministic from the seed). */
export function draw(count: number, labels: readonly string[], shares: readonly number[], seed: number): string[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    let u = rand();
    for (let k = 0; k < labels.length; k++) {
      u -= shares[k]!;
      if (u < 0) return labels[k]!;
    }
    return labels[labels.length - 1]!;
  });
}
