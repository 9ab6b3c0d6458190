/** Tables for the slice tests: literal columns, and seeded generated datasets with a planted weak slice. */
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../../../src/shared/checks/options';
import { slicesCheck } from '../../../../src/shared/checks/slices/slices-check';
import type { CheckOutput } from '../../../../src/shared/checks/types';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import type { DatasetRoles } from '../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, NumberColumn, Table } from '../../../../src/shared/table';

export function num(name: string, values: (number | null)[], kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  return {
    storage: 'number',
    name,
    kind,
    values: Float64Array.from(values, (v) => (v === null ? NaN : v)),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
  };
}

export function codes(name: string, values: (string | null)[], kind: CodesColumn['kind'] = 'category'): CodesColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const out = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.push(v) - 1;
      index.set(v, c);
    }
    return c;
  });
  return { storage: 'codes', name, kind, codes: out, dictionary };
}

export function roles(overrides: Partial<DatasetRoles> = {}): DatasetRoles {
  return { target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [], ...overrides };
}

export const BINARY_ROLES = roles({ target: 'outcome', prediction: 'decision', task: 'binary', positiveClass: 'yes' });

export function run(table: Table, r: DatasetRoles, options: Partial<CheckOptions> = {}): CheckOutput {
  return slicesCheck.run({ table, columns: [], roles: r, options: { ...DEFAULT_CHECK_OPTIONS, ...options }, now: 0 });
}

/** A seeded permutation of 0…n−1 (Fisher–Yates). */
function permutation(n: number, rand: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

export interface GeneratedOptions {
  rows: number;
  seed: number;
  /** Error rate everywhere, and inside the planted slice (age 60+ and region = North); equal → no slice. */
  baseError: number;
  sliceError: number;
  /** Extra independent features beyond age, region, income, plan (default 4: 8 features in all). */
  extra?: number;
}

/**
 * Binary outcome/decision data. Ages 20–69 each exactly rows/50 times (so the 5 quantile bins are
 * <30, 30–39, 40–49, 50–59, 60+ exactly), region among North/South/East/West, income (2% missing),
 * plan, and `extra` noise features; the decision is wrong with probability sliceError for
 * age ≥ 60 & region = North and baseError elsewhere.
 */
export function generated(o: GeneratedOptions): Table {
  const rand = mulberry32(o.seed);
  const n = o.rows;
  const perm = permutation(n, rand);
  const regions = ['North', 'South', 'East', 'West'];
  const plans = ['basic', 'plus', 'pro'];
  const age: number[] = [];
  const region: string[] = [];
  const income: (number | null)[] = [];
  const plan: string[] = [];
  const outcome: string[] = [];
  const decision: string[] = [];
  const extras = Array.from({ length: o.extra ?? 4 }, () => [] as number[]);
  for (let i = 0; i < n; i++) {
    const a = 20 + (perm[i]! % 50);
    const r = regions[Math.floor(rand() * 4)]!;
    age.push(a);
    region.push(r);
    income.push(rand() < 0.02 ? null : Math.round(20_000 + rand() * 80_000));
    plan.push(plans[Math.floor(rand() * 3)]!);
    for (const e of extras) e.push(Math.round(rand() * 1000) / 10);
    const y = rand() < 0.4 ? 'yes' : 'no';
    const wrong = rand() < (a >= 60 && r === 'North' ? o.sliceError : o.baseError);
    outcome.push(y);
    decision.push(wrong ? (y === 'yes' ? 'no' : 'yes') : y);
  }
  return {
    rowCount: n,
    columns: [
      num('age', age, 'integer'),
      codes('region', region),
      num('income', income, 'integer'),
      codes('plan', plan),
      ...extras.map((e, k) => num(`x${k + 1}`, e)),
      codes('outcome', outcome),
      codes('decision', decision),
    ],
  };
}
