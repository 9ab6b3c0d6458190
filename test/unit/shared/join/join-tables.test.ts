import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessJoinKeys, joinTables } from '../../../../src/shared/join/join-tables';
import type { Table } from '../../../../src/shared/table';

const codes = (name: string, values: (string | null)[]) => {
  const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
  return { storage: 'codes' as const, name, kind: 'category' as const, dictionary, codes: Int32Array.from(values.map((v) => (v === null ? -1 : dictionary.indexOf(v)))) };
};
const nums = (name: string, values: (number | null)[]) => ({
  storage: 'number' as const,
  name,
  kind: 'decimal' as const,
  values: Float64Array.from(values.map((v) => v ?? NaN)),
  valid: Uint8Array.from(values.map((v) => (v === null ? 0 : 1))),
});

const data: Table = { rowCount: 5, columns: [codes('id', ['a', 'b', 'c', 'd', null]), nums('x', [1, 2, 3, 4, 5])] };
const preds: Table = { rowCount: 5, columns: [codes('id', ['b', 'a', 'a', 'z', 'c']), nums('score', [0.2, 0.9, 0.1, 0.5, null]), nums('x', [9, 9, 9, 9, 9])] };

test('the key is guessed from shared values and names', () => {
  assert.deepEqual(guessJoinKeys(data, preds)?.keys, { left: 'id', right: 'id' });
  assert.equal(guessJoinKeys({ rowCount: 2, columns: [codes('k', ['p', 'q'])] }, { rowCount: 2, columns: [codes('k', ['r', 's'])] }), null);
});

test('the join keeps every dataset row in order, reports unmatched and duplicated keys, renames clashes', () => {
  const { table, report } = joinTables(data, preds, { left: 'id', right: 'id' }, 'test');
  assert.equal(table.rowCount, 5);
  assert.deepEqual(
    { matched: report.matched, unmatchedLeft: report.unmatchedLeft, unmatchedRight: report.unmatchedRight, duplicateRight: report.duplicateRight, duplicateLeft: report.duplicateLeft },
    { matched: 3, unmatchedLeft: 2, unmatchedRight: 1, duplicateRight: 1, duplicateLeft: 0 },
  );
  assert.deepEqual(report.examples.unmatchedLeft, ['d', '(missing)']);
  assert.deepEqual(report.examples.unmatchedRight, ['z']);
  assert.deepEqual(report.examples.duplicateRight, ['a']);
  assert.deepEqual(report.added, [{ from: 'score', as: 'score' }, { from: 'x', as: 'x_predictions' }]);
  const score = table.columns.find((c) => c.name === 'score')!;
  assert.ok(score.storage === 'number');
  // a → first 'a' row (0.9), b → 0.2, c → missing score, d and the missing id → no match.
  assert.deepEqual([...score.valid], [1, 1, 0, 0, 0]);
  assert.deepEqual([score.values[0], score.values[1]], [0.9, 0.2]);
});
