import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingRowsCheck, missingValuesCheck } from '../../../../../src/shared/checks/quality/missing';
import { isLikelyMissingMarker, missingTokensCheck } from '../../../../../src/shared/checks/quality/missing-tokens';
import { codes, isPassed, issues, num, only, run, summary, table } from './helpers';

describe('quality.missing-values', () => {
  test('share = missing cells / rows, severity by missingMedium (5%) and missingHigh (20%)', () => {
    // 20 rows: a misses 1 (5% → medium), b misses 4 (20% → high), c misses none, d misses 0… but e misses 19 of 20 (95% → high).
    const n = 20;
    const a = num('a', Array.from({ length: n }, (_, i) => (i === 3 ? null : i)));
    const b = codes('b', Array.from({ length: n }, (_, i) => (i < 4 ? null : 'x')));
    const c = num('c', Array.from({ length: n }, (_, i) => i));
    const e = num('e', Array.from({ length: n }, (_, i) => (i === 0 ? 1 : null)));
    const out = run(missingValuesCheck, table(a, b, c, e));
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['a', 'b', 'e']);
    assert.equal(byColumn.a!.severity, 'medium');
    assert.equal(byColumn.a!.numbers.missing, 1);
    assert.equal(byColumn.a!.numbers.share, 0.05);
    assert.deepEqual(byColumn.a!.rows, { count: 1, examples: [4] });
    assert.equal(byColumn.b!.severity, 'high');
    assert.deepEqual(byColumn.b!.rows, { count: 4, examples: [1, 2, 3, 4] });
    assert.equal(byColumn.e!.severity, 'high');
    assert.equal(byColumn.a!.id, 'quality.missing-values:a');
    assert.equal(byColumn.a!.confidence.kind, 'exact');
    assert.equal(byColumn.a!.chart?.kind, 'bars');
  });
  test('below 5% → low; an all-missing column is left to empty-columns; clean → one passed finding', () => {
    const n = 40;
    const a = num('a', Array.from({ length: n }, (_, i) => (i === 0 ? null : i)));
    const empty = codes('empty', Array.from({ length: n }, () => null), 'empty');
    assert.equal(only(run(missingValuesCheck, table(a, empty))).severity, 'low');
    assert.ok(isPassed(run(missingValuesCheck, table(num('x', [1, 2, 3])))));
  });
  test('ignored columns are not checked; tokens and unreadable cells come from the summary', () => {
    const t = table(num('a', [1, null, null]), num('skip', [null, null, 1]));
    const out = run(missingValuesCheck, t, { roles: { ignored: ['skip'] }, columns: [summary('a', { missing: 1, nonConforming: 1 })] });
    const f = only(out);
    assert.equal(f.columns[0], 'a');
    assert.equal(f.numbers.tokens, 1);
    assert.equal(f.numbers.unreadable, 1);
  });
});

describe('quality.missing-rows', () => {
  test('rows with missing cells ≥ half the columns', () => {
    // 4 columns: row 1 misses 2 (= half → counted), row 2 misses 1, row 3 misses 4, row 4 none.
    const t = table(num('a', [null, null, null, 1]), num('b', [null, 1, null, 1]), codes('c', ['x', 'y', null, 'z']), codes('d', ['x', 'y', null, 'z']));
    const f = only(run(missingRowsCheck, t));
    assert.equal(f.numbers.count, 2);
    assert.equal(f.numbers.allMissing, 1);
    assert.deepEqual(f.rows, { count: 2, examples: [1, 3] });
    assert.equal(f.severity, 'high'); // 50% of rows
  });
  test('one row, nothing missing → passed', () => {
    assert.ok(isPassed(run(missingRowsCheck, table(num('a', [1]), codes('b', ['x'])))));
  });
});

describe('quality.missing-tokens', () => {
  test('several listed tokens → low, with counts', () => {
    const t = table(num('income', [1, null, null, null]));
    const f = only(run(missingTokensCheck, t, { columns: [summary('income', { missing: 3, missingTokens: { '': 2, NA: 1 } })] }));
    assert.equal(f.severity, 'low');
    assert.equal(f.numbers.ways, 2);
    assert.equal(f.numbers.listedCells, 3);
  });
  test('a likely marker among unreadable number cells → medium, even with one listed token', () => {
    const t = table(num('income', [1, null, null]));
    const s = summary('income', { missing: 1, missingTokens: { '': 1 }, nonConforming: 1, nonConformingExamples: [{ line: 3, value: 'unknown' }] });
    const f = only(run(missingTokensCheck, t, { columns: [s] }));
    assert.equal(f.severity, 'medium');
    assert.equal(f.numbers.hidden, 1);
    assert.equal(f.numbers.hiddenUncounted, true);
  });
  test('likely markers stored as text values are counted exactly, with their rows', () => {
    const t = table(codes('city', ['Paris', 'n/a', 'Rome', 'N/A ', '-', 'Oslo']));
    const f = only(run(missingTokensCheck, t));
    assert.equal(f.numbers.hidden, 3);
    assert.equal(f.numbers.hiddenCells, 3);
    assert.deepEqual(f.rows, { count: 3, examples: [2, 4, 5] });
  });
  test('one listed token only → passed', () => {
    const t = table(num('a', [1, null]));
    assert.ok(isPassed(run(missingTokensCheck, t, { columns: [summary('a', { missing: 1, missingTokens: { '': 1 } })] })));
  });
  test('marker words', () => {
    for (const w of ['n/a', 'Unknown', ' - ', 'none', 'MISSING', '#N/A']) assert.ok(isLikelyMissingMarker(w), w);
    for (const w of ['North', '0', 'no']) assert.ok(!isLikelyMissingMarker(w), w);
  });
});
