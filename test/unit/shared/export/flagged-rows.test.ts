import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFlaggedRows, flaggedRowsCsvChunks, renderFlaggedRowsCsv } from '../../../../src/shared/export/flagged-rows';
import type { Table } from '../../../../src/shared/table';
import { FORMULA_VALUE, hostileRun, loanRun } from './fixtures';
import { parseCsv } from './parse-csv';
import { finding, reportWith } from './synthetic';

describe('flagged rows', () => {
  const loan = loanRun();

  test('full row sets are recomputed from the table and match each finding’s own count', () => {
    const flagged = findFlaggedRows(loan.report, loan.table);
    const byCheck = Object.fromEntries(flagged.sets.map((s) => [s.finding.id, s]));
    for (const id of [
      'quality.duplicate-rows:rows',
      'quality.duplicate-ids:application_id',
      'quality.outliers:age',
      'quality.outliers:annual_income',
      'quality.outliers:loan_amount',
      'quality.impossible-values:age:age',
      'quality.impossible-values:application_date:future-date',
    ]) {
      const s = byCheck[id];
      assert.ok(s, `${id} is listed`);
      assert.equal(s.complete, true, id);
      assert.equal(s.rows.length, s.finding.rows!.count, id);
    }
    // More than the 20 examples a finding keeps: all 24 duplicates and all 25 repeated ids.
    assert.deepEqual([...byCheck['quality.duplicate-rows:rows']!.rows].map((r) => r + 1), Array.from({ length: 24 }, (_, i) => 2001 + i));
    assert.equal(byCheck['quality.duplicate-ids:application_id']!.rows.length, 25);
    // Only weak slices (rows not yet recomputable: examples only) may be listed in part, and they say so.
    const partial = flagged.sets.filter((s) => !s.complete);
    assert.ok(partial.every((s) => s.finding.category === 'slices'));
    assert.equal(flagged.notes.length, partial.length);
    // Only row-level findings: missing values, privacy matches and the like flag no rows.
    assert.ok(
      flagged.sets.every((s) => ['quality.duplicate-rows', 'quality.duplicate-ids', 'quality.outliers', 'quality.impossible-values'].includes(s.finding.check) || s.finding.category === 'slices'),
    );
  });

  test('one line per flagged row, 1-based, with every reason', () => {
    const { csv, flagged } = renderFlaggedRowsCsv(loan.report, loan.table);
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, flagged.rows.length + 1);
    const byRow = new Map(rows.slice(1).map((r) => [r[0], r]));
    // Reasons in the findings' order; weak slices (the check-up's last stage) may follow.
    const reasons = (row: string): string[] => byRow.get(row)![1]!.split('; ').filter((r) => !r.startsWith('Where the model does worse'));
    assert.deepEqual(reasons('2001'), ['Duplicate rows: repeats row 1', 'Repeated ids: same “application_id” as row 1']);
    assert.equal(byRow.get('2001')![2], 'A100000');
    assert.deepEqual(reasons('14'), ['Impossible values: “age” below 0', 'Unusual numbers: “age” below -16.75']);
    assert.deepEqual(reasons('8'), ['Impossible values: “application_date” after 2026-11-27']);
    assert.deepEqual(reasons('181'), ['Unusual numbers: “annual_income” above 138,300']);
    const ageColumn = rows[0]!.indexOf('age');
    assert.equal(byRow.get('14')![ageColumn], '-43', 'numbers stay numbers (no formula prefix)');
    const numbers = rows.slice(1).map((r) => Number(r[0]));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'in row order');
  });

  test('a recomputed set that does not match the finding’s count falls back to its examples, and says so', () => {
    const report = structuredClone(loan.report);
    const f = report.findings!.find((x) => x.id === 'quality.outliers:age')!;
    f.rows = { count: 8, examples: f.rows!.examples };
    const flagged = findFlaggedRows(report, loan.table);
    const s = flagged.sets.find((x) => x.finding.id === f.id)!;
    assert.equal(s.complete, false);
    assert.deepEqual([...s.rows].map((r) => r + 1), f.rows.examples);
    assert.ok(flagged.notes.includes('Unusual numbers: 7 of 8 rows listed (the check keeps only its first examples).'), flagged.notes.join('\n'));
  });

  const small: Table = {
    rowCount: 60,
    columns: [{ storage: 'number', name: 'x', kind: 'integer', values: Float64Array.from({ length: 60 }, (_, i) => i), valid: new Uint8Array(60).fill(1) }],
  };

  test('checks whose row sets cannot be rebuilt yet (conflicting labels) list their examples and say how many', () => {
    const conflicting = finding({
      id: 'quality.conflicting-labels:y',
      check: 'quality.conflicting-labels',
      category: 'quality',
      columns: ['y', 'x'],
      rows: { count: 45, examples: Array.from({ length: 20 }, (_, i) => i + 1) },
      numbers: { target: 'y' },
    });
    const flagged = findFlaggedRows(reportWith([conflicting]), small);
    assert.equal(flagged.rows.length, 20);
    assert.deepEqual(flagged.notes, ['Same details, different outcomes: 20 of 45 rows listed (the check keeps only its first examples).']);
    const csv = [...flaggedRowsCsvChunks(small, flagged)].join('');
    assert.ok(csv.includes('\r\n1,"Same details, different outcomes: same details as other rows, different “y”",0\r\n'), csv.slice(0, 300));
  });

  test('rows in a weak slice are flagged, with the slice’s groups as the reason', () => {
    const slice = finding({
      id: 'slices.weak:region=North&age>=60',
      check: 'slices.made-up-for-test',
      category: 'slices',
      columns: ['region', 'age'],
      groups: ['region = North', 'age ≥ 60'],
      rows: { count: 3, examples: [5, 9, 12] },
    });
    const { csv, flagged } = renderFlaggedRowsCsv(reportWith([slice]), small);
    assert.deepEqual([...flagged.rows], [4, 8, 11]);
    assert.deepEqual(flagged.notes, []);
    assert.match(csv, /\r\n5,slices\.made-up-for-test: in region = North and age ≥ 60,4\r\n/);
  });

  test('formula injection: text cells starting with = + - @ are prefixed with a quote; numbers are not', () => {
    const hostile = hostileRun();
    const { csv } = renderFlaggedRowsCsv(hostile.report, hostile.table, { personalData: 'include' });
    const rows = parseCsv(csv.slice(1));
    const note = rows[0]!.indexOf('note');
    const notes = new Set(rows.slice(1).map((r) => r[note]!));
    assert.ok(notes.has(`'${FORMULA_VALUE}`), [...notes].join(' | '));
    assert.ok(notes.has("'@SUM(A1:A2)") && notes.has("'+1-555-0100"));
    assert.ok(notes.has('plain') && notes.has('# heading'));
    const amount = rows[0]!.indexOf('amount');
    assert.ok(rows.slice(1).some((r) => r[amount] === '99999'));
    for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/, `unsafe cell ${cell}`);
  });

  test('streams in chunks that join to the same file', () => {
    const flagged = findFlaggedRows(loan.report, loan.table);
    const chunks = [...flaggedRowsCsvChunks(loan.table, flagged, { chunkRows: 7 })];
    assert.ok(chunks.length > 5);
    assert.equal(chunks.join(''), renderFlaggedRowsCsv(loan.report, loan.table).csv);
  });
});
