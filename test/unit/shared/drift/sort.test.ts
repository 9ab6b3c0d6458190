/** sortFinite gives exactly the native ascending order on every path (counting, buckets, fallback). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sortFinite } from '../../../../src/shared/drift/sort';
import { mulberry32 } from '../../../../src/shared/metrics/random';

function check(label: string, values: Float64Array): void {
  const expected = values.slice().sort();
  const actual = sortFinite(values.slice());
  assert.equal(actual.length, expected.length, label);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    assert.ok(a === e || (Number.isNaN(a) && Number.isNaN(e)), `${label}: [${i}] ${a} vs ${e}`);
  }
}

describe('sortFinite', () => {
  const r = mulberry32(11);
  const make = (n: number, gen: () => number): Float64Array => Float64Array.from({ length: n }, gen);
  test('bucket path: uniform, skewed, rounded values with ties', () => {
    check('uniform', make(50_000, () => r() * 2 - 1));
    check('lognormal', make(50_000, () => Math.exp(6 * (r() + r() - 1))));
    check('2 decimals', make(50_000, () => Math.round(r() * 1e4) / 100));
  });
  test('counting path: small integer ranges, negatives included', () => {
    check('ints', make(50_000, () => Math.floor(r() * 200) - 100));
  });
  test('fallbacks: wide integers, an outlier, an infinite range, NaN, equal values, tiny inputs', () => {
    check('wide ints', make(20_000, () => Math.floor(r() * 1e12)));
    check('outlier', make(20_000, () => (r() < 0.001 ? 1e300 : r())));
    check('infinite width', make(20_000, () => (r() < 0.5 ? -1.7e308 : 1.7e308 * r())));
    check('NaN and Infinity', make(10_000, () => (r() < 0.01 ? NaN : r() < 0.01 ? -Infinity : r())));
    check('all equal', make(10_000, () => 3));
    check('one', Float64Array.of(2));
    check('zeros', Float64Array.of(0, -0, 0.5, -0.5, 0));
  });
});
