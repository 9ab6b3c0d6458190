import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ColumnAccumulator, uniqueColumnNames } from '../../../../src/main/ingest/column-accumulator';
import { DEFAULT_MISSING_TOKENS, looksNumeric } from '../../../../src/shared/missing';

test('missing tokens count as missing and are stored as null', () => {
  const acc = new ColumnAccumulator(['a'], new Set(DEFAULT_MISSING_TOKENS));
  const stored = ['1', '', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', 'n/a', ' '].map((v) => acc.add(0, v));
  assert.deepEqual(stored, ['1', null, null, null, null, null, null, null, null, null, 'n/a', ' ']);
  assert.equal(acc.missing[0], 9);
});

test('column types: number, text, empty', () => {
  const acc = new ColumnAccumulator(['n', 't', 'e'], new Set(['']));
  for (const [n, t, e] of [['1', 'x', ''], ['-2.5e3', '3', ''], [' 7 ', 'y', '']] as const) {
    acc.add(0, n);
    acc.add(1, t);
    acc.add(2, e);
  }
  assert.deepEqual(
    acc.summaries().map((s) => [s.name, s.type, s.missing]),
    [['n', 'number', 0], ['t', 'text', 0], ['e', 'empty', 3]],
  );
});

test('looksNumeric accepts plain and scientific numbers only', () => {
  for (const s of ['0', '-1', '+2', '3.', '.5', '1e9', '2.5E-3']) assert.ok(looksNumeric(s), s);
  for (const s of ['', '-', '1,000', '1.2.3', 'e5', '0x10', 'Infinity', 'NaN', '12abc']) assert.ok(!looksNumeric(s), s);
});

test('blank and repeated header names become unique, with notes', () => {
  const { names, notes } = uniqueColumnNames(['id', '', 'id', ' score ', 'id']);
  assert.deepEqual(names, ['id', 'column_2', 'id_2', 'score', 'id_3']);
  assert.equal(notes.length, 3);
  assert.match(notes[0]!, /Column 2 has no name/);
});
