/** Tiny literal tables and a runner for the quality-check tests. */
import { readDelimitedFile } from '../../../../../src/main/ingest/csv/read-delimited';
import { type CheckOptions, DEFAULT_CHECK_OPTIONS } from '../../../../../src/shared/checks/options';
import type { Check, CheckOutput } from '../../../../../src/shared/checks/types';
import type { ColumnSummary } from '../../../../../src/shared/domain';
import type { Finding } from '../../../../../src/shared/findings/types';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';
import type { DatasetRoles } from '../../../../../src/shared/roles/dataset-roles';
import type { CodesColumn, Column, NumberColumn, Table } from '../../../../../src/shared/table';

export const NOW = Date.UTC(2026, 10, 27);

export function num(name: string, values: (number | null)[], kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  return {
    storage: 'number',
    name,
    kind,
    values: Float64Array.from(values, (v) => (v === null ? NaN : v)),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
  };
}

export function dates(name: string, values: (string | null)[]): NumberColumn {
  return num(name, values.map((v) => (v === null ? null : Date.parse(`${v}T00:00:00Z`))), 'date');
}

export function codes(name: string, values: (string | null)[], kind: CodesColumn['kind'] = 'category'): CodesColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const out = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      out[i] = -1;
      return;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.push(v) - 1;
      index.set(v, code);
    }
    out[i] = code;
  });
  return { storage: 'codes', name, kind, codes: out, dictionary };
}

const lengthOf = (c: Column): number => (c.storage === 'codes' ? c.codes.length : c.values.length);

export function table(...columns: Column[]): Table {
  const rowCount = columns[0] ? lengthOf(columns[0]) : 0;
  for (const c of columns) if (lengthOf(c) !== rowCount) throw new Error(`column ${c.name} has ${lengthOf(c)} rows, expected ${rowCount}`);
  return { rowCount, columns };
}

export function roles(overrides: Partial<DatasetRoles> = {}): DatasetRoles {
  return { target: null, prediction: null, score: null, classScores: {}, positiveClass: null, task: null, sensitive: {}, ids: [], timestamps: [], ignored: [], ...overrides };
}

export interface RunOptions {
  roles?: Partial<DatasetRoles>;
  options?: Partial<CheckOptions>;
  columns?: ColumnSummary[];
  now?: number;
}

export function run(check: Check, t: Table, o: RunOptions = {}): CheckOutput {
  return check.run({ table: t, columns: o.columns ?? [], roles: roles(o.roles), options: { ...DEFAULT_CHECK_OPTIONS, ...o.options }, now: o.now ?? NOW });
}

export const issues = (out: CheckOutput): Finding[] => out.findings.filter((f) => f.status === 'issue');

export function only(out: CheckOutput): Finding {
  const found = issues(out);
  if (found.length !== 1) throw new Error(`expected one issue, got ${found.length}: ${found.map((f) => f.id).join(', ')}`);
  return found[0]!;
}

export function isPassed(out: CheckOutput): boolean {
  return out.findings.length === 1 && out.findings[0]!.status === 'passed' && out.findings[0]!.id.endsWith(':passed');
}

/** A CSV read by the real importer, with the column summaries the checks receive. */
export function readCsv(path: string, missingTokens: readonly string[] = DEFAULT_MISSING_TOKENS): { table: Table; columns: ColumnSummary[] } {
  const r = readDelimitedFile(path, { missingTokens }, { progress() {}, throwIfCancelled() {} });
  const columns = r.table.columns.map((c, index): ColumnSummary => ({ name: c.name, index, type: c.kind, storage: c.storage, distinct: null, ...r.stats[index]! }));
  return { table: r.table, columns };
}

export function summary(name: string, s: Partial<ColumnSummary>): ColumnSummary {
  return { name, index: 0, type: 'decimal', storage: 'number', missing: 0, missingTokens: {}, distinct: null, nonConforming: 0, nonConformingExamples: [], ...s };
}
