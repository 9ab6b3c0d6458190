/**
 * Which rows a run flagged, and why, as a CSV a person can open in a spreadsheet: one line per
 * flagged row with its 1-based row number, the reasons, and the row's values.
 *
 * Findings keep at most 20 example rows, so the full row sets are recomputed from the Table, from
 * what the finding states, with the checks' own functions (never a copy of their logic):
 * - duplicate rows: rows equal to an earlier row in the finding's columns (row-groups.ts);
 * - repeated ids: rows whose id equals an earlier row's (row-groups.ts);
 * - nearly duplicate rows: nearDuplicateRows over the finding's columns (duplicates.ts: the check
 *   counts with the same nearRepeats);
 * - conflicting labels: conflictingLabelRows for the finding's outcome (its first column) and
 *   features (the others) (conflicting-labels.ts: the check counts with the same conflictGroups);
 * - unusual numbers: values beyond the fences the finding states (lowerFence, upperFence);
 * - impossible values: values outside the rule's limits (impossible.ts constants; dates in the
 *   future are counted from the run's start, the check's "now");
 * - weak slices and the person's own slices: the rows meeting the finding's conditions among the
 *   rows the slices check measured (src/shared/slices/members.ts: sliceMask, with a quantile bin's
 *   exact edges; the run's roles say which rows were measured).
 * Every recomputed set must have exactly the finding's row count; if not (data or definition
 * changed, or a finding stored before it carried what is needed, e.g. a slice without
 * conditions), the finding's examples are used and the gap is said. Row sets are built from the
 * findings as stored; the reasons quote them as this export shows them (personal data masked).
 * ROW_SETS is where a check's row-set function plugs in.
 */
import { maskValue } from '../checks/privacy/mask';
import { CONFLICTING_LABELS, conflictingLabelRows } from '../checks/quality/conflicting-labels';
import { DUPLICATE_IDS, DUPLICATE_ROWS, NEAR_DUPLICATES, nearDuplicateRows } from '../checks/quality/duplicates';
import { EARLIEST_DATE, IMPOSSIBLE_VALUES, MAX_AGE } from '../checks/quality/impossible';
import { firstOccurrences, keyOf } from '../checks/quality/row-groups';
import { OUTLIERS } from '../checks/quality/outliers';
import { CUSTOM_SLICES_CHECK, SLICES_CHECK } from '../checks/slices/slice-findings';
import { formatCell } from '../format-cell';
import type { Finding } from '../findings/types';
import type { CheckReport } from '../report/check-report';
import type { DatasetRoles } from '../roles/dataset-roles';
import { measuredRows, sliceMembers } from '../slices/members';
import type { Column, NumberColumn, Table } from '../table';
import { textFor } from '../text/en';
import { formatCount, formatList, formatNumber } from '../text/format';
import { BOM, csvRecord } from './csv';
import { DEFAULT_PERSONAL_DATA_POLICY, disclose, prepareReport, type PersonalColumn, type PersonalDataPolicy, type PrivacyDisclosure } from './privacy';
import { flagWordsEn as w } from './report-words-en';

/** Rows one finding flags (0-based, ascending), and the reason for each. */
export interface RowSet {
  finding: Finding;
  rows: Int32Array;
  reason: (row: number) => string;
  /** False when only the finding's examples could be listed. */
  complete: boolean;
}

export interface RowSetContext {
  table: Table;
  /** The run's start (ISO): the impossible-values check's "now". */
  runStartedAt: string | null;
  /** The rows the slices check measured an error on (from the run's roles; computed once), or null. */
  measuredRows: () => Uint32Array | null;
}

/**
 * A check's full row set for one finding (as stored: nothing masked): its rows and, where the
 * finding's words do not say it, a detail per row; or null when it cannot be rebuilt.
 */
export type RowSetBuilder = (f: Finding, ctx: RowSetContext) => { rows: Int32Array; detail?: (row: number) => string } | null;

const column = (t: Table, name: string | undefined): Column | undefined => (name === undefined ? undefined : t.columns.find((c) => c.name === name));
const numberColumn = (t: Table, name: string | undefined): NumberColumn | undefined => {
  const c = column(t, name);
  return c?.storage === 'number' ? c : undefined;
};
const num = (f: Finding, key: string): number | null => (typeof f.numbers[key] === 'number' ? (f.numbers[key] as number) : null);

function collect(n: number, test: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return Int32Array.from(out);
}

const duplicateRows: RowSetBuilder = (f, { table }) => {
  const cols = f.columns.map((name) => column(table, name));
  if (cols.length === 0 || cols.some((c) => c === undefined)) return null;
  const first = firstOccurrences(table.rowCount, (cols as Column[]).map(keyOf));
  return { rows: collect(table.rowCount, (i) => first[i] !== i), detail: (i) => w.repeatsRow(formatCount(first[i]! + 1)) };
};

const duplicateIds: RowSetBuilder = (f, { table }) => {
  const col = column(table, f.columns[0]);
  if (!col || f.columns.length !== 1) return null;
  const n = table.rowCount;
  const include = new Uint8Array(n);
  for (let i = 0; i < n; i++) include[i] = col.storage === 'codes' ? (col.codes[i]! >= 0 ? 1 : 0) : col.valid[i]!;
  const first = firstOccurrences(n, [keyOf(col)], include);
  return { rows: collect(n, (i) => first[i]! >= 0 && first[i] !== i), detail: (i) => w.sameId(col.name, formatCount(first[i]! + 1)) };
};

const outliers: RowSetBuilder = (f, { table }) => {
  const col = numberColumn(table, f.columns[0]);
  const lower = num(f, 'lowerFence');
  const upper = num(f, 'upperFence');
  if (!col || lower === null || upper === null) return null;
  const { values, valid } = col;
  return {
    rows: collect(table.rowCount, (i) => valid[i] === 1 && (values[i]! < lower || values[i]! > upper)),
    detail: (i) => (values[i]! < lower ? w.below(col.name, formatNumber(lower)) : w.above(col.name, formatNumber(upper))),
  };
};

const impossibleValues: RowSetBuilder = (f, { table, runStartedAt }) => {
  const col = numberColumn(table, f.columns[0]);
  if (!col) return null;
  const now = runStartedAt ? Date.parse(runStartedAt) : NaN;
  const limits: Record<string, [number, number] | undefined> = {
    age: [0, MAX_AGE],
    probability: [0, 1],
    'early-date': [EARLIEST_DATE, Infinity],
    'future-date': Number.isNaN(now) ? undefined : [-Infinity, now],
  };
  const range = limits[String(f.numbers.rule)];
  if (!range) return null;
  const [min, max] = range;
  const dates = col.kind === 'date' || col.kind === 'datetime';
  const low = String(f.numbers.limitLow ?? min);
  const high = String(f.numbers.limitHigh ?? max);
  const { values, valid } = col;
  return {
    rows: collect(table.rowCount, (i) => valid[i] === 1 && (values[i]! < min || values[i]! > max)),
    detail: (i) => (values[i]! < min ? (dates ? w.before : w.below)(col.name, low) : (dates ? w.after : w.above)(col.name, high)),
  };
};

const nearDuplicates: RowSetBuilder = (f, { table }) => {
  const near = nearDuplicateRows(table, f.columns);
  return near && { rows: near.rows };
};

const conflictingLabels: RowSetBuilder = (f, { table }) => {
  // The finding lists the outcome first, then the features the rows were grouped by.
  const [target, ...features] = f.columns;
  if (target === undefined || (f.numbers.target !== undefined && f.numbers.target !== target)) return null;
  const rows = conflictingLabelRows(table, target, features);
  return rows && { rows };
};

const sliceRows: RowSetBuilder = (f, ctx) => {
  const measured = f.conditions && f.conditions.length > 0 ? ctx.measuredRows() : null;
  const rows = measured && sliceMembers(ctx.table, measured, f.conditions!);
  return rows && { rows };
};

/** Checks whose flagged rows go in the CSV, with the builder of their full row set (null: examples only). */
export const ROW_SETS: Record<string, RowSetBuilder | null> = {
  [DUPLICATE_ROWS]: duplicateRows,
  [DUPLICATE_IDS]: duplicateIds,
  [NEAR_DUPLICATES]: nearDuplicates,
  [OUTLIERS]: outliers,
  [IMPOSSIBLE_VALUES]: impossibleValues,
  [CONFLICTING_LABELS]: conflictingLabels,
  [SLICES_CHECK]: sliceRows,
  [CUSTOM_SLICES_CHECK]: sliceRows,
};

/** Findings of slices (category 'slices', including checks not in ROW_SETS): their rows are flagged too. */
export const isRowFinding = (f: Finding): boolean => f.status === 'issue' && (f.check in ROW_SETS || f.category === 'slices');

function exampleDetail(f: Finding): string {
  if (f.check === NEAR_DUPLICATES) return w.nearRow;
  if (f.check === CONFLICTING_LABELS) return w.conflicting(String(f.numbers.target ?? f.columns[0] ?? ''));
  if (f.groups && f.groups.length > 0) return w.inGroup(formatList(f.groups));
  return '';
}

/** `stored`: the finding as the run stored it (its rows are rebuilt from it); `shown`: as this export shows it (the words). */
function rowSetOf(stored: Finding, shown: Finding, ctx: RowSetContext): RowSet {
  const title = textFor(shown).title;
  const expected = stored.rows?.count ?? null;
  const words = exampleDetail(shown);
  const built = ROW_SETS[stored.check]?.(stored, ctx) ?? null;
  if (built && (expected === null || built.rows.length === expected)) {
    const detail = built.detail ?? (() => words);
    return { finding: shown, rows: built.rows, reason: (i) => w.reason(title, detail(i)), complete: true };
  }
  const examples = Int32Array.from(new Set((stored.rows?.examples ?? []).map((r) => r - 1).filter((r) => r >= 0 && r < ctx.table.rowCount))).sort();
  return { finding: shown, rows: examples, reason: () => w.reason(title, words), complete: expected === null || examples.length >= expected };
}

export interface FlaggedRows {
  /** Every flagged row (0-based, ascending). */
  rows: Int32Array;
  sets: RowSet[];
  /** Findings whose rows are only partly listed, in words. */
  notes: string[];
  personal: PersonalColumn[];
  policy: PersonalDataPolicy;
  disclosure: PrivacyDisclosure;
}

export interface FlaggedRowsOptions {
  /** Default 'mask'; 'include' only when the person opted in for this export. */
  personalData?: PersonalDataPolicy;
  /** Only this finding's rows (by finding id); default every finding that flags rows. */
  findingId?: string;
}

/** The rows a run's findings flag in its table (the table the run checked). */
export function findFlaggedRows(report: CheckReport, table: Table, options: FlaggedRowsOptions = {}): FlaggedRows {
  const policy = options.personalData ?? DEFAULT_PERSONAL_DATA_POLICY;
  // Reasons quote groups; those are masked like every other export.
  const { report: shown } = prepareReport(report, policy);
  const disclosure = disclose(report, policy, 'csv');
  const roles: DatasetRoles | null = report.run?.roles ?? null;
  let measured: Uint32Array | null | undefined;
  const ctx: RowSetContext = {
    table,
    runStartedAt: report.run?.started_at ?? null,
    measuredRows: () => (measured === undefined ? (measured = roles ? measuredRows(table, roles) : null) : measured),
  };
  // prepareReport maps the findings one to one: the stored finding and the one shown share an index.
  const stored = report.findings ?? [];
  const shownFindings = shown.findings ?? stored;
  const wanted = (f: Finding): boolean => isRowFinding(f) && (options.findingId === undefined || f.id === options.findingId);
  const sets = stored.flatMap((f, i) => (wanted(f) ? [rowSetOf(f, shownFindings[i] ?? f, ctx)] : []));
  const marked = new Uint8Array(table.rowCount);
  let count = 0;
  for (const s of sets) {
    for (const r of s.rows) {
      if (marked[r] === 1) continue;
      marked[r] = 1;
      count++;
    }
  }
  const rows = new Int32Array(count);
  for (let i = 0, j = 0; i < marked.length; i++) if (marked[i] === 1) rows[j++] = i;
  const notes = sets
    .filter((s) => !s.complete)
    .map((s) => w.partial(textFor(s.finding).title, formatCount(s.rows.length), formatCount(s.finding.rows?.count ?? s.rows.length)));
  return { rows, sets, notes, personal: disclosure.columns, policy, disclosure };
}

function headerName(name: string, taken: ReadonlySet<string>): string {
  return taken.has(name) ? `${name}${w.ownSuffix}` : name;
}

/**
 * The CSV in chunks (a few thousand rows each), so a caller can stream a large file to disk:
 * BOM, header, then one record per flagged row. Columns with personal data are masked (header
 * "<name> (masked)"), left out ('drop'), or written in full ('include').
 */
export function* flaggedRowsCsvChunks(table: Table, flagged: FlaggedRows, options: { bom?: boolean; chunkRows?: number } = {}): Generator<string> {
  const personal = new Map(flagged.personal.map((p) => [p.column, p.kinds[0]!]));
  const columns = table.columns.filter((c) => !(flagged.policy === 'drop' && personal.has(c.name)));
  const names = new Set(table.columns.map((c) => c.name));
  const masked = (c: Column): boolean => flagged.policy === 'mask' && personal.has(c.name);
  const header = [headerName(w.rowHeader, names), headerName(w.reasonsHeader, names), ...columns.map((c) => (masked(c) ? `${c.name}${w.maskedSuffix}` : c.name))];
  const kinds = ['number', 'text', ...columns.map((c) => (c.storage === 'number' && !masked(c) ? 'number' : 'text'))] as ('text' | 'number')[];
  yield (options.bom === false ? '' : BOM) + csvRecord(header, header.map(() => 'text'));
  const pointers = new Int32Array(flagged.sets.length);
  const chunkRows = options.chunkRows ?? 2000;
  let chunk = '';
  let inChunk = 0;
  for (const r of flagged.rows) {
    const reasons: string[] = [];
    flagged.sets.forEach((s, k) => {
      if (pointers[k]! < s.rows.length && s.rows[pointers[k]!] === r) {
        reasons.push(s.reason(r));
        pointers[k]!++;
      }
    });
    const cells = columns.map((c) => {
      const v = formatCell(c, r);
      const kind = personal.get(c.name);
      return v !== null && kind && flagged.policy === 'mask' ? maskValue(kind, v) : v;
    });
    chunk += csvRecord([r + 1, reasons.join(w.separator), ...cells], kinds);
    if (++inChunk >= chunkRows) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk) yield chunk;
}

/** The whole CSV as one string (small tables, tests). */
export function renderFlaggedRowsCsv(report: CheckReport, table: Table, options: FlaggedRowsOptions & { bom?: boolean } = {}): { csv: string; flagged: FlaggedRows } {
  const flagged = findFlaggedRows(report, table, options);
  return { csv: [...flaggedRowsCsvChunks(table, flagged, options)].join(''), flagged };
}
