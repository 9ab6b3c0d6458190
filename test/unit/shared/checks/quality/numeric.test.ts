import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  averageRanks,
  pearsonPair,
  presentOrder,
  rowOrder,
  sampleSkewness,
  sortedPresent,
  tukeyFences,
} from '../../../../../src/shared/checks/quality/numeric-stats';
import { outliersCheck, skewCheck } from '../../../../../src/shared/checks/quality/outliers';
import { assertClose } from '../../metrics/assert-close';
import { isPassed, num, only, run, table } from './helpers';

const f64 = (v: number[]): Float64Array => Float64Array.from(v);

describe('numeric kernels', () => {
  test('sortedPresent: ascending, missing left out, negatives and −0 handled', () => {
    const col = num('x', [3, null, -1.5, 0, -0, 1e-300, -Infinity, 2]);
    assert.deepEqual([...sortedPresent(col)], [-Infinity, -1.5, 0, 0, 1e-300, 2, 3]);
  });
  test('presentOrder: rows by value, ties in row order, values closer than the key bits ordered exactly', () => {
    const a = 1;
    const b = 1 + 2 ** -50; // differs only in the lowest mantissa bits
    const col = num('x', [b, a, null, -2, a, b, 0]);
    const { order, tieNext } = rowOrder(presentOrder(col), col.valid);
    assert.deepEqual([...order], [3, 6, 1, 4, 0, 5]);
    assert.deepEqual([...tieNext], [0, 0, 1, 0, 1, 0]);
  });
  test('average ranks as scipy.stats.rankdata (method average), on the used rows only', () => {
    const col = num('x', [10, 20, 20, 5, 20, null]);
    const ranks = new Float64Array(6);
    assert.equal(averageRanks(rowOrder(presentOrder(col), col.valid), col.valid, ranks), 5);
    assert.deepEqual([...ranks.subarray(0, 5)], [2, 4, 4, 1, 4]);
    const use = Uint8Array.from([1, 1, 0, 1, 1, 1]);
    averageRanks(rowOrder(presentOrder(col), col.valid), use, ranks);
    assert.deepEqual([ranks[0], ranks[1], ranks[3], ranks[4]], [2, 3.5, 1, 3.5]);
  });
  test('quartiles by linear interpolation (numpy default): [1,2,3,4] → 1.75, 2.5, 3.25', () => {
    const fences = tukeyFences(f64([1, 2, 3, 4]), 3)!;
    assert.equal(fences.q1, 1.75);
    assert.equal(fences.median, 2.5);
    assert.equal(fences.q3, 3.25);
    assert.equal(fences.iqr, 1.5);
    assert.equal(fences.lower, 1.75 - 4.5);
    // np.quantile([1,2,3,4,7,9,10], [.25,.75]) = [2.5, 8]
    const other = tukeyFences(f64([1, 2, 3, 4, 7, 9, 10]), 1.5)!;
    assert.equal(other.q1, 2.5);
    assert.equal(other.q3, 8);
  });
  test('sample skewness = scipy.stats.skew(bias=False)', () => {
    // scipy 1.17.1: skew([1,2,3,4,10], bias=False) = 1.6970562748477143 (by hand: m2 = 10, m3 = 36,
    // g1 = 36/10^1.5 = 1.13842, G1 = √20/3 · g1).
    assertClose(sampleSkewness([1, 2, 3, 4, 10]), 1.6970562748477143, 1e-12);
    assertClose(sampleSkewness([2, 8, 0, 4, 1, 9, 9, 0]), 0.3305821804079746, 1e-12);
    assert.equal(sampleSkewness([1, 2]), null);
    assert.equal(sampleSkewness([4, 4, 4, 4]), null);
  });
  test('Pearson (scipy.stats.pearsonr docs example) in one shifted pass', () => {
    const x = f64([1, 2, 3, 4, 5, 6, 7]);
    const y = f64([10, 9, 2.5, 6, 4, 3, 2]);
    const all = new Uint8Array(7).fill(1);
    const r = pearsonPair(x, y, x, x, all, all, { x: 4, y: 5, u: 100, w: 100 });
    assertClose(r.xy, -0.828503883588428, 1e-12);
    assertClose(r.uw, 1, 1e-12);
    assert.equal(pearsonPair(x, f64([1, 1, 1, 1, 1, 1, 1]), x, x, all, all, { x: 0, y: 1, u: 0, w: 0 }).xy, null);
  });
});

describe('quality.outliers', () => {
  test('Tukey far-out fences (k = 3): counts, rows, extremes, histogram', () => {
    // Q1 = 2, Q3 = 4 (np.quantile), IQR = 2, fences −4 and 10: 10 is not beyond, 11 and −5 are.
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 10, 11, -5, 2, 3, 4, 4];
    const t = table(num('x', values));
    const out = run(outliersCheck, t);
    const f = only(out);
    assert.equal(f.numbers.q1, 2);
    assert.equal(f.numbers.q3, 4);
    assert.equal(f.numbers.lowerFence, -4);
    assert.equal(f.numbers.upperFence, 10);
    assert.equal(f.numbers.outliers, 2);
    assert.equal(f.numbers.below, 1);
    assert.deepEqual(f.rows, { count: 2, examples: [10, 11] });
    assert.deepEqual(f.examples, ['-5', '11']);
    assert.equal(f.severity, 'medium'); // 2 of 15
    assert.ok(f.chart?.kind === 'histogram' && f.chart.counts.reduce((s, c) => s + c, 0) === values.length);
    // With k = 1.5 the upper fence is 7, so 10 counts too.
    assert.equal(only(run(outliersCheck, t, { options: { outlierIqr: 1.5 } })).numbers.outliers, 3);
  });
  test('IQR 0, dates, ids and the score are skipped; empty and one-row columns pass', () => {
    const t = table(num('flag', [0, 0, 0, 0, 0, 1]), num('id', [1, 2, 3, 4, 5, 1000]), num('s', [0.1, 0.2, 0.2, 0.3, 0.2, 50]), num('d', [1, 2, 3, 4, 5, 1e12], 'date'));
    assert.ok(isPassed(run(outliersCheck, t, { roles: { ids: ['id'], score: 's' } })));
    assert.ok(isPassed(run(outliersCheck, table(num('x', [null, null])))));
    assert.ok(isPassed(run(outliersCheck, table(num('y', [3])))));
  });
});

describe('quality.skew', () => {
  test('|G1| ≥ 2 → low finding with the value; yes/no columns skipped', () => {
    const long = num('x', [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 40]);
    const f = only(run(skewCheck, table(long, num('flag', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))));
    assert.equal(f.columns[0], 'x');
    assert.ok(Number(f.numbers.skewness) > 3);
    assert.equal(f.numbers.direction, 'high');
    assert.ok(isPassed(run(skewCheck, table(num('x', [1, 2, 3, 4, 10])))));
  });
});
