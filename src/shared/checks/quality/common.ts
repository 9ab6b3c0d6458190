/**
 * Small helpers every data-quality check shares: which columns a check looks at (roles), how a
 * finding is put together, per-code counts and example rows. Pure functions over typed columns.
 */
import type { ColumnSummary } from '../../domain';
import type { Finding, FindingChart, FindingNumber, FindingStatus, Severity } from '../../findings/types';
import type { ConfidenceInterval } from '../../metrics/types';
import type { DatasetRoles } from '../../roles/dataset-roles';
import type { Codes, CodesColumn, Column, NumberColumn, Table } from '../../table';
import type { CheckInput } from '../types';

/** Up to this many example rows per finding (the Finding type promises ≤ 20). */
export const MAX_EXAMPLE_ROWS = 20;

export interface FindingParts {
  status?: FindingStatus;
  severity: Severity;
  severityRule: string;
  columns?: string[];
  rows?: { count: number; examples: number[] };
  numbers: Record<string, FindingNumber>;
  examples?: string[];
  sampleSize: number;
  interval?: ConfidenceInterval | null;
  confidence?: 'exact' | 'estimate' | 'not-enough-data';
  chart?: FindingChart;
}

/** A quality finding with the stable id `${check}:${subject}`. */
export function qualityFinding(check: string, subject: string, p: FindingParts): Finding {
  const f: Finding = {
    id: `${check}:${subject}`,
    check,
    category: 'quality',
    status: p.status ?? 'issue',
    severity: p.severity,
    severityRule: p.severityRule,
    columns: p.columns ?? [],
    numbers: p.numbers,
    confidence: {
      sampleSize: p.sampleSize,
      kind: p.confidence ?? (p.interval ? 'estimate' : 'exact'),
      ...(p.interval ? { interval: p.interval } : {}),
    },
  };
  if (p.rows) f.rows = p.rows;
  if (p.examples) f.examples = p.examples;
  if (p.chart) f.chart = p.chart;
  return f;
}

/** The one "checked and found nothing" finding of a check (id `${check}:passed`). */
export function passedFinding(check: string, numbers: Record<string, FindingNumber>, sampleSize: number, columns: string[] = []): Finding {
  return qualityFinding(check, 'passed', {
    status: 'passed',
    severity: 'info',
    severityRule: 'Nothing found, so nothing to rank.',
    columns,
    numbers,
    sampleSize,
  });
}

/** The findings of a check, or its single passed finding when there are none. */
export function orPassed(findings: Finding[], check: string, numbers: Record<string, FindingNumber>, sampleSize: number): Finding[] {
  return findings.length > 0 ? findings : [passedFinding(check, numbers, sampleSize)];
}

/** Columns named by roles, as sets, for the "which columns does this check look at" rules. */
export interface RoleSets {
  target: string | null;
  /** Prediction, score and per-class score columns: the model's outputs. */
  outputs: ReadonlySet<string>;
  ids: ReadonlySet<string>;
  timestamps: ReadonlySet<string>;
  ignored: ReadonlySet<string>;
}

export function roleSets(roles: DatasetRoles): RoleSets {
  const outputs = new Set<string>(Object.values(roles.classScores));
  if (roles.prediction) outputs.add(roles.prediction);
  if (roles.score) outputs.add(roles.score);
  return { target: roles.target, outputs, ids: new Set(roles.ids), timestamps: new Set(roles.timestamps), ignored: new Set(roles.ignored) };
}

/** Every column except the ones the person asked to leave out of every check (roles.ignored). */
export function checkedColumns(input: CheckInput): Column[] {
  const ignored = new Set(input.roles.ignored);
  return input.table.columns.filter((c) => !ignored.has(c.name));
}

export function summaryOf(input: CheckInput, name: string): ColumnSummary | undefined {
  return input.columns.find((c) => c.name === name);
}

export function columnByName(table: Table, name: string | null): Column | undefined {
  return name === null ? undefined : table.columns.find((c) => c.name === name);
}

export const isNumeric = (c: Column): c is NumberColumn => c.storage === 'number' && (c.kind === 'integer' || c.kind === 'decimal');
export const isDate = (c: Column): c is NumberColumn => c.storage === 'number' && (c.kind === 'date' || c.kind === 'datetime');

/** Rows (count) holding each dictionary code, and how many rows hold any value. */
export function codeCounts(col: CodesColumn): { counts: Int32Array; present: number } {
  const counts = new Int32Array(col.dictionary.length);
  const present = countCodes(col.codes, counts);
  return { counts, present };
}

/** Adds each row's code to `counts`; returns the rows with a code. (A loop that ends its function: see metrics/row-ranges.ts.) */
function countCodes(codes: Codes, counts: Int32Array): number {
  let present = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) {
      counts[c]!++;
      present++;
    }
  }
  return present;
}

/** Cells with no value: code −1, or valid = 0 (empty, a missing-value token, or unreadable). */
export function missingCount(col: Column): number {
  let missing = 0;
  if (col.storage === 'codes') {
    const codes = col.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) missing++;
  } else {
    const valid = col.valid;
    for (let i = 0; i < valid.length; i++) if (valid[i] === 0) missing++;
  }
  return missing;
}

/** The first MAX_EXAMPLE_ROWS rows (1-based) where `flagged(i)` holds. */
export function exampleRows(rowCount: number, flagged: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < rowCount && out.length < MAX_EXAMPLE_ROWS; i++) if (flagged(i)) out.push(i + 1);
  return out;
}

/** Rows holding any of the marked codes (count and the first examples). */
export function rowsWithCodes(col: CodesColumn, marked: Uint8Array): { count: number; examples: number[] } {
  let count = 0;
  const examples: number[] = [];
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0 && marked[c] === 1) {
      count++;
      if (examples.length < MAX_EXAMPLE_ROWS) examples.push(i + 1);
    }
  }
  return { count, examples };
}

/** Severity from a share and two thresholds: ≥ high → 'high', ≥ medium → 'medium', else 'low'. */
export function shareSeverity(share: number, medium: number, high: number): Severity {
  return share >= high ? 'high' : share >= medium ? 'medium' : 'low';
}

/** "5%" for rules written in words (thresholds are shares in [0, 1]). */
export function pct(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

/** A cell value as shown in examples: quoted so surrounding spaces and empty strings are visible. */
export function quoted(value: string): string {
  return `"${value}"`;
}

/** How a number or date value is written in examples: numbers as they are, dates as 2025-08-01, date-times as 2025-08-01 00:06 (UTC). */
export function formatValue(col: NumberColumn, v: number): string {
  if (col.kind === 'date') return new Date(v).toISOString().slice(0, 10);
  if (col.kind === 'datetime') {
    const iso = new Date(v).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return String(v);
}
