import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conflictingLabelRows, conflictingLabelsCheck } from '../../../../src/shared/checks/quality/conflicting-labels';
import { nearDuplicateRows, nearDuplicatesCheck } from '../../../../src/shared/checks/quality/duplicates';
import { findFlaggedRows, flaggedRowsCsvChunks, renderFlaggedRowsCsv, type FlaggedRows, type RowSet } from '../../../../src/shared/export/flagged-rows';
import { measuredRows, sliceMembers } from '../../../../src/shared/slices/members';
import type { CodesColumn, NumberColumn, Table } from '../../../../src/shared/table';
import { codes, num, only, run, table } from '../checks/quality/helpers';
import { BINARY_ROLES, generated, run as runSlices } from '../slices/helpers';
import { FORMULA_VALUE, hostileRun, LOAN_CSV, loanRun, runFile } from './fixtures';
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
    // Weak slices too: every row of each slice, as many as the slice's size, its examples first.
    const slices = flagged.sets.filter((s) => s.finding.check === 'slices.weak');
    assert.ok(slices.length > 0);
    for (const s of slices) {
      assert.equal(s.complete, true, s.finding.id);
      assert.equal(s.rows.length, s.finding.numbers.size, s.finding.id);
      assert.deepEqual([...s.rows.subarray(0, s.finding.rows!.examples.length)].map((r) => r + 1), s.finding.rows!.examples, s.finding.id);
    }
    // Nothing is listed in part.
    assert.ok(flagged.sets.every((s) => s.complete));
    assert.deepEqual(flagged.notes, []);
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

  test('a row set that cannot be rebuilt (the finding’s outcome column is not in the table) lists its examples and says how many', () => {
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

  test('a slice finding without conditions (stored before findings carried them) lists its examples and says how many', () => {
    const slice = finding({
      id: 'slices.weak:x 10–19',
      check: 'slices.weak',
      category: 'slices',
      columns: ['x'],
      groups: ['x 10–19'],
      rows: { count: 10, examples: [11, 12, 13] },
    });
    const flagged = findFlaggedRows(reportWith([slice]), small);
    assert.deepEqual([...flagged.rows], [10, 11, 12]);
    assert.deepEqual(flagged.notes, ['Where the model does worse: 3 of 10 rows listed (the check keeps only its first examples).']);
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

describe('flagged rows: nearly duplicate rows, conflicting labels and slices, every row', () => {
  const setOf = (flagged: FlaggedRows, id: string): RowSet => {
    const s = flagged.sets.find((x) => x.finding.id === id);
    assert.ok(s, `${id} is listed`);
    return s;
  };
  const oneBased = (rows: Int32Array): number[] => [...rows].map((r) => r + 1);

  test('nearly duplicate rows: every row equal to an earlier one once text is trimmed and lower-cased, and not an exact repeat', () => {
    const t = table(
      codes('name', ['Ann', 'ann ', 'Ann', 'ANN', 'Bob', 'ann ', 'bob', 'Cy']),
      codes('city', ['Oslo', 'oslo', 'Oslo', 'OSLO', 'Rome', 'oslo', 'Rome', 'Rome']),
      num('n', [1, 1, 1, 1, 2, 1, 2, 2]),
    );
    // Row by row (1-based): 1 first; 2 ≈ 1; 3 = 1 exactly (a duplicate row, not near); 4 ≈ 1;
    // 5 first; 6 = 2 exactly (duplicate); 7 ≈ 5; 8 first (Cy).
    const near = nearDuplicateRows(t, ['name', 'city', 'n'])!;
    assert.deepEqual(oneBased(near.rows), [2, 4, 7]);
    assert.deepEqual([...near.of].map((r) => (r < 0 ? null : r + 1)), [null, 1, null, 1, null, null, 5, null]);
    const f = only(run(nearDuplicatesCheck, t));
    assert.deepEqual(f.rows, { count: 3, examples: [2, 4, 7] });
    const s = setOf(findFlaggedRows(reportWith([f]), t), f.id);
    assert.equal(s.complete, true);
    assert.deepEqual(oneBased(s.rows), [2, 4, 7]);
    assert.equal(s.reason(1), 'Nearly duplicate rows: matches an earlier row apart from capitals or spaces');
  });

  test('conflicting labels: every row of a group with equal features and two outcomes; rows without an outcome left out', () => {
    const t = table(
      num('id', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      codes('a', ['x', 'x', 'x', 'x', 'z', 'z', 'z', 'x', null, null]),
      num('b', [1, 1, 2, 2, 1, 1, 1, 1, null, null]),
      codes('y', ['yes', 'no', 'yes', 'yes', 'no', null, 'yes', 'yes', 'no', 'yes']),
    );
    // Groups by (a, b), ids ignored (1-based rows): {1, 2, 8} x/1 yes-no-yes → conflict;
    // {3, 4} x/2 yes-yes → fine; {5, 7} z/1 no-yes → conflict (6 has no outcome: in no group);
    // {9, 10} missing/missing no-yes → conflict (missing equals missing).
    const expected = [1, 2, 5, 7, 8, 9, 10];
    assert.deepEqual(oneBased(conflictingLabelRows(t, 'y', ['a', 'b'])!), expected);
    const f = only(run(conflictingLabelsCheck, t, { roles: { target: 'y', task: 'binary', positiveClass: 'yes', ids: ['id'] } }));
    assert.deepEqual(f.columns, ['y', 'a', 'b']);
    assert.equal(f.numbers.groups, 3);
    assert.deepEqual(f.rows, { count: 7, examples: expected });
    const flagged = findFlaggedRows(reportWith([f]), t);
    const s = setOf(flagged, f.id);
    assert.equal(s.complete, true);
    assert.deepEqual(oneBased(s.rows), expected);
    assert.equal(s.reason(0), 'Same details, different outcomes: same details as other rows, different “y”');
    assert.deepEqual(flagged.notes, []);
  });

  test('a depth-2 slice (a number bin and a category): the rows in the bin’s exact range with the value, among the rows with an outcome and a decision', () => {
    const t = table(
      num('age', [30, 40, 39.9, 35, 35, null, 35, 35, 35, 29.99, 35, 50]),
      codes('region', ['North', 'North', 'North', 'South', 'north', 'North', null, 'North', 'North', 'North', 'North', 'North']),
      codes('outcome', ['yes', 'no', 'yes', 'yes', 'no', 'yes', 'no', null, 'yes', 'no', 'no', 'yes']),
      codes('decision', ['no', 'no', 'yes', 'yes', 'no', 'no', 'no', 'yes', null, 'no', 'yes', 'yes']),
    );
    // Row by row (1-based): 1 in (30 is the bin's lower edge, included); 2 out (40 is its upper
    // edge, left out); 3 in (39.9); 4 out (South); 5 out ("north" is another value); 6 out (age
    // missing); 7 out (region missing); 8 out (no outcome) and 9 out (no decision): the slice
    // search never saw them; 10 out (29.99, below the bin); 11 in; 12 out (50).
    const expected = [1, 3, 11];
    const slice = finding({
      id: 'slices.weak:age 30 to < 40 and region = North',
      check: 'slices.weak',
      category: 'slices',
      columns: ['age', 'region'],
      groups: ['age 30 to < 40 and region = North'],
      conditions: [
        { column: 'age', op: 'between', value: [30, 40], label: 'age 30 to < 40', bin: { lower: 30, upper: 40 } },
        { column: 'region', op: '=', value: 'North', label: 'region = North' },
      ],
      rows: { count: 3, examples: expected },
    });
    const report = reportWith([slice]);
    report.run!.roles = { ...report.run!.roles, target: 'outcome', prediction: 'decision', task: 'binary', positiveClass: 'yes' };
    const flagged = findFlaggedRows(report, t);
    const s = setOf(flagged, slice.id);
    assert.equal(s.complete, true);
    assert.deepEqual(oneBased(s.rows), expected);
    assert.equal(s.reason(0), 'Where the model does worse: in age 30 to < 40 and region = North');
    // Without the run's roles the measured rows are unknown: the examples, complete only because they are all.
    const noRun = findFlaggedRows({ ...report, run: undefined }, t);
    assert.deepEqual(oneBased(setOf(noRun, slice.id).rows), expected);
  });

  test('a depth-2 slice the search found (age 60+, a bin; region = North): every one of its rows, and no other', () => {
    const t = generated({ rows: 20_000, seed: 11, baseError: 0.1, sliceError: 0.2 });
    const out = runSlices(t, BINARY_ROLES);
    const f = out.findings[0]!;
    assert.equal(f.id, 'slices.weak:age 60+ and region = North');
    assert.deepEqual(f.conditions, [
      { column: 'age', op: '>=', value: 60, label: 'age 60+', bin: { lower: 60, upper: null } },
      { column: 'region', op: '=', value: 'North', label: 'region = North' },
    ]);
    const report = reportWith(out.findings);
    report.run!.roles = BINARY_ROLES;
    const s = setOf(findFlaggedRows(report, t), f.id);
    assert.equal(s.complete, true);
    assert.equal(s.rows.length, f.rows!.count);
    // Every row is checked against the planted definition (no row lacks an outcome or a decision here).
    const age = t.columns.find((c) => c.name === 'age') as NumberColumn;
    const region = t.columns.find((c) => c.name === 'region') as CodesColumn;
    const inside = new Set(s.rows);
    for (let i = 0; i < t.rowCount; i++) {
      const planted = age.values[i]! >= 60 && region.dictionary[region.codes[i]!] === 'North';
      if (planted !== inside.has(i)) assert.fail(`row ${i + 1}: age ${age.values[i]}, region ${region.dictionary[region.codes[i]!]}`);
    }
  });

  test('on the shipped example, with roles that make near duplicates, conflicting labels and slices: each recomputed set has its finding’s count', () => {
    // Only a few category columns are checked: the region's spellings ("south", "SOUTH ") make
    // nearly duplicate rows, and identical details with different outcomes are common.
    const ignored = ['application_id', 'applicant_name', 'email', 'phone', 'age', 'annual_income', 'loan_amount', 'credit_history_years', 'application_date', 'vendor_score'];
    const coarse = runFile(LOAN_CSV, (r) => ({ ...r, score: null, ids: [], timestamps: [], ignored }), {
      customSlices: ['region = North & sex = female', 'employment in (part-time, unemployed)'],
    });
    const flagged = findFlaggedRows(coarse.report, coarse.table);
    const checks = new Set(flagged.sets.map((s) => s.finding.check));
    for (const check of ['quality.near-duplicates', 'quality.conflicting-labels', 'slices.weak']) assert.ok(checks.has(check), `${check} flags rows`);
    for (const s of flagged.sets) {
      assert.equal(s.complete, true, s.finding.id);
      assert.equal(s.rows.length, s.finding.rows!.count, s.finding.id);
    }
    assert.deepEqual(flagged.notes, []);
    // More rows than the 20 examples a finding keeps, listed in full.
    assert.ok(setOf(flagged, 'quality.near-duplicates:rows').rows.length > 20);
    assert.ok(setOf(flagged, 'quality.conflicting-labels:repaid').rows.length > 20);

    // Every slice finding, issue or not (a person's slice may not be worse): its conditions select exactly its size.
    const measured = measuredRows(coarse.table, coarse.roles)!;
    const sliceFindings = coarse.report.findings!.filter((f) => f.category === 'slices' && f.rows);
    assert.ok(sliceFindings.some((f) => f.check === 'slices.custom'));
    for (const f of sliceFindings) assert.equal(sliceMembers(coarse.table, measured, f.conditions!)!.length, f.rows!.count, f.id);
  });
});
