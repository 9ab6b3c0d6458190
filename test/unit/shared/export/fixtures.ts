/**
 * Fixture runs for the export tests, made by running the real check-up over real files: the
 * shipped example (resources/examples/loan-applications.csv, with planted problems and personal
 * data) and a small hostile file whose column names and values try to be HTML, Markdown, formulas
 * and links.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readDelimitedFile } from '../../../../src/main/ingest/csv/read-delimited';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../../../src/shared/checks/options';
import { CHECKUP_STAGES } from '../../../../src/shared/checks/registry';
import { runChecks } from '../../../../src/shared/checks/run-checks';
import type { ColumnSummary, DatasetSummary } from '../../../../src/shared/domain';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { SEVERITIES } from '../../../../src/shared/findings/types';
import { exportWordsEn, reportWordsEn } from '../../../../src/shared/export/report-words-en';
import { buildCheckReport, type CheckReport } from '../../../../src/shared/report/check-report';
import { rolesFromGuess, type DatasetRoles } from '../../../../src/shared/roles/dataset-roles';
import { guessRoles } from '../../../../src/shared/roles/guess-roles';
import { profileForRoles } from '../../../../src/shared/roles/profile';
import type { Table } from '../../../../src/shared/table';
import { tempDir } from '../../helpers/temp';

export const REPO = join(import.meta.dirname, '../../../..');
export const LOAN_CSV = join(REPO, 'resources/examples/loan-applications.csv');
/** The run's "now" and start: fixed, so reports are reproducible. */
export const RUN_STARTED = '2026-11-27T02:42:00.000Z';

const noop = { progress: () => {}, throwIfCancelled: () => {} };

export interface FixtureRun {
  report: CheckReport;
  table: Table;
  roles: DatasetRoles;
}

export function runFile(path: string, adjust: (roles: DatasetRoles) => DatasetRoles = (r) => r, options: Partial<CheckOptions> = {}): FixtureRun {
  const read = readDelimitedFile(path, { missingTokens: DEFAULT_MISSING_TOKENS }, noop);
  const roles = adjust(rolesFromGuess(guessRoles(profileForRoles(read.table))));
  const columns = read.table.columns.map((c, i) => ({ name: c.name, index: i, type: c.kind, storage: c.storage, distinct: null, ...read.stats[i]! })) as ColumnSummary[];
  const now = Date.parse(RUN_STARTED);
  const checkOptions: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const result = runChecks({ table: read.table, columns, roles, options: checkOptions, now }, CHECKUP_STAGES);
  const name = basename(path).replace(/\.[^.]+$/, '');
  const dataset: DatasetSummary = {
    id: 1,
    name,
    rows: read.table.rowCount,
    columns,
    source: { fileName: basename(path), sizeBytes: read.source.sizeBytes, modifiedAt: read.source.modifiedAt, sha256: read.source.sha256 },
    importOptions: { format: 'csv', missingTokens: [...DEFAULT_MISSING_TOKENS] },
    notes: [],
    importedAt: RUN_STARTED,
    importMs: 1,
  } as DatasetSummary;
  const report = buildCheckReport(
    dataset,
    '0.1.0-test',
    { id: 7, startedAt: RUN_STARTED, finishedAt: '2026-11-27T02:42:03.000Z', roles, options: checkOptions, evidence: result.evidence, findings: result.findings },
    new Date('2026-11-27T02:43:00.000Z'),
  );
  return { report, table: read.table, roles };
}

let loan: FixtureRun | undefined;
/** The shipped example's run (computed once per test file). */
export function loanRun(): FixtureRun {
  loan ??= runFile(LOAN_CSV);
  return loan;
}

export const SCRIPT_COLUMN = '<script>alert(1)</script>';
export const IMG_VALUE = '<img src=x onerror=alert(2)>';
export const FORMULA_VALUE = '=HYPERLINK("http://evil.example/x","click")';

/**
 * A small file that tries to break out of every format: a column named like a script tag holding
 * one HTML value (a "constant column" finding quotes it), Markdown in names, formulas in cells,
 * e-mail addresses (personal data), repeated rows and outliers.
 */
export function hostileRun(): FixtureRun & { path: string; emails: string[] } {
  const dir = tempDir('slicewise-export-');
  const path = join(dir, 'hostile.csv');
  const header = ['id', SCRIPT_COLUMN, '**bold**|pipe', 'contact_email', 'amount', 'note', 'label', 'score'];
  const lines = [header.map((h) => (/[",]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(',')];
  const emails: string[] = [];
  const notes = [FORMULA_VALUE, '+1-555-0100', '@SUM(A1:A2)', '-2+3', 'plain', '# heading', '[link](http://evil.example)'];
  for (let i = 0; i < 240; i++) {
    const email = `person.${i}.zq@mailhost${i % 7}.example`;
    emails.push(email);
    const amount = i % 60 === 7 ? 99999 : 100 + ((i * 37) % 50);
    const label = i % 3 === 0 ? 1 : 0;
    const score = ((i * 7919) % 100) / 100;
    const note = notes[i % notes.length]!;
    lines.push([`R${1000 + i}`, `"${IMG_VALUE}"`, `v${i % 4}`, email, String(amount), `"${note.replace(/"/g, '""')}"`, String(label), score.toFixed(2)].join(','));
  }
  // Exact repeats of two earlier rows.
  lines.push(lines[3]!, lines[9]!);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { ...runFile(path), path, emails };
}

/** Every distinct present value of a column, as the file holds it. */
export function valuesOf(table: Table, name: string): string[] {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${name}`);
  if (col.storage === 'codes') return [...new Set(col.dictionary.map((v) => v.trim()))].filter((v) => v !== '');
  const out = new Set<string>();
  for (let i = 0; i < col.values.length; i++) if (col.valid[i]) out.add(String(col.values[i]));
  return [...out];
}

/**
 * The report's one-paragraph summary, worked out from its counts (the check-up grows new checks,
 * so tests do not hard-code how many findings the example has).
 */
export function summaryParagraph(report: CheckReport): string {
  const s = report.summary!;
  const parts = SEVERITIES.filter((k) => (s.by_severity[k] ?? 0) > 0).map((k) => exportWordsEn.severityCount(s.by_severity[k]!, reportWordsEn.severity[k]));
  return `${reportWordsEn.summary(s.issues, s.passed)} ${exportWordsEn.bySeverity(parts)}`;
}

export const summaryLine = (report: CheckReport): string => reportWordsEn.summary(report.summary!.issues, report.summary!.passed);
