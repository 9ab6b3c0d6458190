import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { highCardinalityCheck } from '../../../../../src/shared/checks/quality/cardinality';
import { constantColumnsCheck, emptyColumnsCheck, majorityValue } from '../../../../../src/shared/checks/quality/constant';
import { looksLikeNumberText, mixedTypesCheck, numbersAsTextCheck } from '../../../../../src/shared/checks/quality/mixed-types';
import { codes, isPassed, issues, num, only, run, summary, table } from './helpers';

describe('quality.constant-columns', () => {
  test('constant (medium) and near-constant ≥ 95% (low); missing cells left out of the share', () => {
    const n = 40;
    const constant = codes('currency', Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : 'USD')));
    // 38 of 40 = 95% → near-constant; 37 of 40 = 92.5% → not.
    const near = num('flag', Array.from({ length: n }, (_, i) => (i < 2 ? 1 : 0)), 'integer');
    const notNear = num('other', Array.from({ length: n }, (_, i) => (i < 3 ? 1 : 0)), 'integer');
    const out = run(constantColumnsCheck, table(constant, near, notNear));
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['currency', 'flag']);
    assert.equal(byColumn.currency!.severity, 'medium');
    assert.equal(byColumn.currency!.numbers.constant, true);
    assert.equal(byColumn.currency!.numbers.present, 32);
    assert.equal(byColumn.flag!.severity, 'low');
    assert.equal(byColumn.flag!.numbers.share, 0.95);
    assert.equal(byColumn.flag!.numbers.value, '0');
    assert.equal(byColumn.flag!.numbers.others, 2);
  });
  test('the target is left to class imbalance; varied columns → passed; one row is constant', () => {
    const t = table(num('y', [1, 1, 1, 1]), num('x', [1, 2, 3, 4]));
    assert.ok(isPassed(run(constantColumnsCheck, t, { roles: { target: 'y' } })));
    assert.equal(only(run(constantColumnsCheck, table(num('x', [7])))).numbers.constant, true);
  });
  test('majority vote finds a strict majority only', () => {
    assert.deepEqual(majorityValue(num('x', [3, 1, 3, 2, 3])), { value: '3', count: 3, present: 5 });
    assert.equal(majorityValue(num('x', [1, 2, 1, 2])), null);
    assert.equal(majorityValue(num('x', [null, null])), null);
  });
});

describe('quality.empty-columns', () => {
  test('every cell missing → medium; otherwise passed', () => {
    const f = only(run(emptyColumnsCheck, table(num('a', [1, 2]), codes('b', [null, null], 'empty'))));
    assert.equal(f.id, 'quality.empty-columns:b');
    assert.equal(f.severity, 'medium');
    assert.ok(isPassed(run(emptyColumnsCheck, table(num('a', [1, null])))));
  });
});

describe('quality.mixed-types', () => {
  test('unreadable cells of a number column, share of the non-token cells, examples with lines', () => {
    const t = table(num('income', [1, 2, null, null, null, 6]));
    const s = summary('income', { missing: 1, missingTokens: { '': 1 }, nonConforming: 2, nonConformingExamples: [{ line: 4, value: 'n/a' }, { line: 5, value: 'abc' }] });
    const f = only(run(mixedTypesCheck, t, { columns: [s] }));
    assert.equal(f.numbers.unreadable, 2);
    assert.equal(f.numbers.share, 2 / 5);
    assert.equal(f.numbers.firstLine, 4);
    assert.deepEqual(f.examples, ['line 4: "n/a"', 'line 5: "abc"']);
    assert.equal(f.severity, 'medium');
  });
  test('no summary or no odd cells → passed', () => {
    assert.ok(isPassed(run(mixedTypesCheck, table(num('a', [1])))));
  });
});

describe('quality.numbers-as-text', () => {
  test('≥ 50% numbers in a text column → low; ≥ 90% → medium; ids and yes/no skipped', () => {
    const half = codes('amount', ['1', '2.5', '1,200', 'ten', 'n/a', '3']);
    const f = only(run(numbersAsTextCheck, table(half)));
    assert.equal(f.numbers.numeric, 4);
    assert.equal(f.numbers.share, 4 / 6);
    assert.equal(f.severity, 'low');
    assert.deepEqual(f.rows, { count: 2, examples: [4, 5] });
    const mostly = codes('zip', [...Array.from({ length: 9 }, (_, i) => `0${i}`), 'x']);
    assert.equal(only(run(numbersAsTextCheck, table(mostly))).severity, 'medium');
    assert.ok(isPassed(run(numbersAsTextCheck, table(mostly), { roles: { ids: ['zip'] } })));
    assert.ok(isPassed(run(numbersAsTextCheck, table(codes('c', ['a', 'b', '1'])))));
  });
  test('number shapes', () => {
    for (const s of ['1', '-2.5', ' 3e4 ', '1,234,567.8', '.5']) assert.ok(looksLikeNumberText(s), s);
    for (const s of ['1,23', 'ten', '12a', '']) assert.ok(!looksLikeNumberText(s), s);
  });
});

describe('quality.high-cardinality', () => {
  test('> 50 distinct → info; with distinct share ≥ 50% → id-like (low); ids, target and booleans skipped', () => {
    const n = 120;
    const groups = codes('product', Array.from({ length: n }, (_, i) => `p${i % 60}`)); // 60 distinct, share 0.5 → id-like
    const fewer = codes('shop', Array.from({ length: n }, (_, i) => `s${i % 55}`)); // 55 distinct, share 0.46 → info
    const small = codes('region', Array.from({ length: n }, (_, i) => `r${i % 50}`)); // 50 → not above the limit
    const email = codes('email', Array.from({ length: n }, (_, i) => `u${i}@x.org`), 'id');
    const out = run(highCardinalityCheck, table(groups, fewer, small, email), { roles: { ids: ['email'] } });
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['product', 'shop']);
    assert.equal(byColumn.product!.severity, 'low');
    assert.equal(byColumn.product!.numbers.idLike, true);
    assert.equal(byColumn.shop!.severity, 'info');
    assert.equal(byColumn.shop!.numbers.distinct, 55);
  });
  test('a whole-number column named like an id with all values different is id-like', () => {
    const t = table(num('customer_id', [5, 3, 9, 1], 'integer'), num('visits', [5, 3, 9, 1], 'integer'));
    const f = only(run(highCardinalityCheck, t));
    assert.equal(f.columns[0], 'customer_id');
    assert.equal(f.numbers.idLike, true);
    assert.ok(isPassed(run(highCardinalityCheck, table(num('customer_id', [5, 5, 9], 'integer')))));
  });
});
