/**
 * Seeded random tables for the shared-work tests: number columns with missing values, heavy and
 * light ties, −0 next to 0, values closer than the sort keys' kept bits, ±Infinity; categories;
 * an outcome, a prediction and a rounded score with some of them missing.
 */
import { mulberry32 } from '../../../../../src/shared/metrics/random';
import type { DatasetRoles } from '../../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, NumberColumn, Table } from '../../../../../src/shared/table';

export type Rand = () => number;

export function numberColumn(name: string, n: number, value: (i: number) => number | null, kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  const values = new Float64Array(n);
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = value(i);
    // Missing cells hold NaN, as the importer leaves them, so nothing may read them as values.
    values[i] = v === null ? NaN : v;
    valid[i] = v === null ? 0 : 1;
  }
  return { storage: 'number', name, kind, values, valid };
}

export function codesColumn(name: string, n: number, value: (i: number) => string | null): CodesColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = value(i);
    if (v === null) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.push(v) - 1;
      index.set(v, c);
    }
    codes[i] = c;
  }
  return { storage: 'codes', name, kind: 'category', codes, dictionary };
}

/** Standard normal draw (Box–Muller). */
export function normal(rand: Rand): number {
  return Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
}

/** A column of each awkward kind, `n` rows. */
export function awkwardColumns(n: number, seed: number): NumberColumn[] {
  const rand = mulberry32(seed);
  const miss = (p: number): boolean => rand() < p;
  const latent = Float64Array.from({ length: n }, () => normal(rand));
  return [
    numberColumn('continuous', n, (i) => (miss(0.03) ? null : latent[i]! * 1000 + normal(rand))),
    numberColumn('copy', n, (i) => (miss(0.02) ? null : latent[i]! * 1000)),
    numberColumn('rounded', n, (i) => (miss(0.05) ? null : Math.round(latent[i]! * 3 + normal(rand)))),
    numberColumn('cents', n, () => (miss(0.02) ? null : Math.round(normal(rand) * 300) / 100)),
    numberColumn('zeros', n, () => (miss(0.02) ? null : rand() < 0.4 ? (rand() < 0.5 ? -0 : 0) : normal(rand))),
    numberColumn('close', n, (i) => (miss(0.01) ? null : 1 + ((i * 7919) % 13) * 2 ** -50)),
    numberColumn('two', n, () => (miss(0.02) ? null : rand() < 0.7 ? 1 : 0)),
    numberColumn('constant', n, () => (miss(0.1) ? null : 5)),
    numberColumn('infinite', n, () => (miss(0.02) ? null : rand() < 0.05 ? (rand() < 0.5 ? Infinity : -Infinity) : normal(rand))),
    numberColumn('nothing', n, () => null),
  ];
}

/** A table the whole check-up can run on, with its roles. */
export function checkupTable(n: number, seed: number, { uniqueIds = true }: { uniqueIds?: boolean } = {}): { table: Table; roles: DatasetRoles } {
  const rand = mulberry32(seed);
  const miss = (p: number): boolean => rand() < p;
  const latent = Float64Array.from({ length: n }, () => normal(rand));
  const y = Uint8Array.from(latent, (l) => (rand() < 1 / (1 + Math.exp(-2 * l)) ? 1 : 0));
  const score = Float64Array.from(latent, (l) => Math.round((1 / (1 + Math.exp(-(1.5 * l + normal(rand) * 0.5)))) * 100) / 100);
  const columns = [
    numberColumn('id', n, (i) => (uniqueIds ? i : Math.floor(i / 2)), 'integer'),
    numberColumn('income', n, (i) => (miss(0.02) ? null : Math.round(Math.exp(10 + latent[i]! * 0.3 + normal(rand) * 0.5) * 100) / 100)),
    numberColumn('debt', n, () => (miss(0.02) ? null : Math.round(Math.exp(normal(rand) + 6) * 100) / 100)),
    numberColumn('tenure', n, (i) => (miss(0.02) ? null : Math.abs(Math.round(latent[i]! * 4 + normal(rand) * 2))), 'integer'),
    numberColumn('ratio', n, (i) => (miss(0.03) ? null : Math.round((latent[i]! + normal(rand) * 0.1) * 1e4) / 1e4)),
    numberColumn('flag', n, (i) => (miss(0.01) ? null : rand() < 0.995 ? y[i]! : 1 - y[i]!), 'integer'),
    numberColumn('zeros', n, () => (miss(0.02) ? null : rand() < 0.3 ? (rand() < 0.5 ? -0 : 0) : normal(rand))),
    numberColumn('when', n, (i) => Date.UTC(2020, 0, 1) + (i % 400) * 86_400_000, 'date'),
    codesColumn('sex', n, () => (miss(0.01) ? null : rand() < 0.5 ? 'female' : 'male')),
    codesColumn('region', n, () => ['North', 'South', 'East', 'West', 'north ', 'N.'][Math.floor(rand() * 6)]!),
    codesColumn('leaky', n, (i) => (y[i] ? (rand() < 0.97 ? 'a' : 'b') : rand() < 0.97 ? 'c' : 'd')),
    numberColumn('label', n, (i) => (miss(0.02) ? null : y[i]!), 'integer'),
    numberColumn('score', n, (i) => (miss(0.02) ? null : score[i]!)),
    numberColumn('prediction', n, (i) => (miss(0.01) ? null : score[i]! >= 0.5 ? 1 : 0), 'integer'),
  ];
  // A few exact duplicate rows.
  for (let r = 10; r < n; r += Math.max(11, Math.floor(n / 7))) {
    for (const c of columns) {
      if (c.name === 'id' && uniqueIds) continue;
      if (c.storage === 'codes') c.codes[r] = c.codes[r - 1]!;
      else {
        c.values[r] = c.values[r - 1]!;
        c.valid[r] = c.valid[r - 1]!;
      }
    }
  }
  const roles: DatasetRoles = {
    target: 'label',
    prediction: 'prediction',
    score: 'score',
    classScores: {},
    positiveClass: '1',
    task: 'binary',
    sensitive: { sex: 'sex' },
    ids: ['id'],
    timestamps: ['when'],
    ignored: [],
  };
  return { table: { rowCount: n, columns }, roles };
}
