import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { duplicateIdsCheck, duplicateRowsCheck, nearDuplicateRows, nearDuplicatesCheck } from '../../../../../src/shared/checks/quality/duplicates';
import { firstOccurrences, keyOf } from '../../../../../src/shared/checks/quality/row-groups';
import { codes, isPassed, num, only, run, table } from './helpers';

describe('quality.duplicate-rows', () => {
  test('counts rows repeating an earlier row; missing equals missing; 0 equals −0', () => {
    const t = table(
      num('a', [1, 2, 1, null, null, 0, -0, 1]),
      codes('b', ['x', 'y', 'x', 'z', 'z', 'w', 'w', 'X']),
    );
    const f = only(run(duplicateRowsCheck, t));
    // Row 3 repeats 1, row 5 repeats 4, row 7 repeats 6; row 8 differs in case.
    assert.equal(f.numbers.duplicates, 3);
    assert.deepEqual(f.rows, { count: 3, examples: [3, 5, 7] });
    assert.deepEqual(f.examples, ['row 3 repeats row 1', 'row 5 repeats row 4', 'row 7 repeats row 6']);
    assert.equal(f.severity, 'high'); // 3/8 ≥ 10%
  });
  test('no duplicates → passed; one row → passed; a single-column table of equal values', () => {
    assert.ok(isPassed(run(duplicateRowsCheck, table(num('a', [1, 2, 3])))));
    assert.ok(isPassed(run(duplicateRowsCheck, table(num('a', [1])))));
    assert.equal(only(run(duplicateRowsCheck, table(num('a', [5, 5, 5, 5])))).numbers.duplicates, 3);
  });
  test('hash collisions cannot merge different rows (values compared exactly)', () => {
    const n = 50_000;
    const a = num('a', Array.from({ length: n }, (_, i) => i * 0.5));
    const b = codes('b', Array.from({ length: n }, (_, i) => `v${i % 7}`));
    const first = firstOccurrences(n, [keyOf(a), keyOf(b)]);
    for (let i = 0; i < n; i++) assert.equal(first[i], i);
  });
  test('1% duplicates → medium, fewer → low', () => {
    const n = 200;
    const twoRepeats = num('a', Array.from({ length: n }, (_, i) => (i === 10 || i === 11 ? -1 : i)));
    assert.equal(only(run(duplicateRowsCheck, table(twoRepeats))).severity, 'low'); // 1 of 200 = 0.5%
    const three = num('a', Array.from({ length: n }, (_, i) => (i < 3 ? -1 : i)));
    assert.equal(only(run(duplicateRowsCheck, table(three))).severity, 'medium'); // 2 of 200 = 1%
  });
});

describe('quality.duplicate-ids', () => {
  test('repeated ids, separating exact duplicate rows from different records; missing ids ignored', () => {
    const t = table(codes('id', ['A', 'B', 'A', 'C', 'B', null, null]), num('x', [1, 2, 1, 3, 9, 4, 5]));
    const f = only(run(duplicateIdsCheck, t, { roles: { ids: ['id'] } }));
    assert.equal(f.numbers.repeated, 2);
    assert.equal(f.numbers.differentRecords, 1); // row 5: id B with x = 9
    assert.equal(f.numbers.exactDuplicates, 1); // row 3 is an exact copy of row 1
    assert.equal(f.severity, 'medium');
    assert.deepEqual(f.rows, { count: 2, examples: [3, 5] });
  });
  test('number ids; all repeats exact → low; no id role → no finding; unique → passed', () => {
    const t = table(num('id', [1, 2, 2], 'integer'), codes('x', ['a', 'b', 'b']));
    assert.equal(only(run(duplicateIdsCheck, t, { roles: { ids: ['id'] } })).severity, 'low');
    assert.deepEqual(run(duplicateIdsCheck, t).findings, []);
    assert.ok(isPassed(run(duplicateIdsCheck, table(num('id', [1, 2, 3])), { roles: { ids: ['id'] } })));
  });
});

describe('quality.near-duplicates', () => {
  test('equal after trimming and lower-casing text, not counting exact duplicates', () => {
    const t = table(codes('name', ['Ann', 'ann ', 'Bob', 'Bob', ' BOB', 'Cy']), num('n', [1, 1, 2, 2, 2, 3]));
    const f = only(run(nearDuplicatesCheck, t));
    // Row 2 ≈ row 1; row 4 is an exact repeat of 3 (duplicate-rows' business); row 5 ≈ row 3.
    assert.equal(f.numbers.nearDuplicates, 2);
    assert.deepEqual(f.rows, { count: 2, examples: [2, 5] });
    // The row-set function the export uses is the check's own definition: the same rows, and the row each matches.
    const near = nearDuplicateRows(t, f.columns)!;
    assert.deepEqual([...near.rows], [1, 4]);
    assert.deepEqual([...near.of], [-1, 0, -1, -1, 2, -1]);
  });
  test('a number id that differs in every row rules out near repeats without folding any text: the same answer as folding', () => {
    const name = codes('name', ['Ann', 'ann ', 'Bob', ' BOB']);
    // Unique ids: rows differ in the id, so none nearly repeats another (with or without the id role).
    const unique = table(num('id', [4, 1, 3, 2]), name);
    assert.ok(isPassed(run(nearDuplicatesCheck, unique, { roles: { ids: ['id'] } })));
    assert.ok(isPassed(run(nearDuplicatesCheck, unique)));
    // A repeated id: the id proves nothing, the text is folded and row 2 ≈ row 1.
    const repeated = table(num('id', [1, 1, 2, 3]), name);
    const f = only(run(nearDuplicatesCheck, repeated, { roles: { ids: ['id'] } }));
    assert.deepEqual(f.rows, { count: 1, examples: [2] });
    assert.deepEqual(f, only(run(nearDuplicatesCheck, repeated)));
    // An id left out of the checked columns (ignored) says nothing about the rows that are compared.
    const ignored = only(run(nearDuplicatesCheck, unique, { roles: { ids: ['id'], ignored: ['id'] } }));
    assert.deepEqual(ignored.rows, { count: 2, examples: [2, 4] });
  });
  test('punctuation is not folded ("N.Y." is not "ny"); clean → passed', () => {
    assert.ok(isPassed(run(nearDuplicatesCheck, table(codes('c', ['N.Y.', 'ny'])))));
    assert.deepEqual([...nearDuplicateRows(table(codes('c', ['N.Y.', 'ny'])), ['c'])!.rows], []);
    assert.equal(nearDuplicateRows(table(codes('c', ['N.Y.', 'ny'])), ['d']), null);
  });
});
