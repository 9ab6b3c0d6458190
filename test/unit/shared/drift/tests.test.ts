/**
 * KS, Wasserstein, chi-square and Jensen–Shannon on data, against hand-worked values and against
 * published scipy values: the docstring examples of wasserstein_distance, chi2_contingency and
 * jensenshannon (scipy 1.17), and the cases of scipy's test suite for ks_2samp
 * (scipy/stats/tests/test_stats.py, class TestKSTwoSamples). That suite checks its constants to 6
 * decimals only, and a few were recorded by older algorithms; where so, the expected value here is
 * what scipy 1.17.1 prints for the same data (noted next to it), checked to ~1e-13.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chi2Homogeneity, jensenShannonDistance, ks2samp, wasserstein1 } from '../../../../src/shared/drift/tests';
import { assertClose } from '../metrics/assert-close';

/** numpy.linspace: i·step + start, the last value set to stop exactly. */
function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : i * step + start));
}
const repeat = (pairs: [number, number][]): number[] => pairs.flatMap(([v, times]) => Array<number>(times).fill(v));

describe('ks2samp (two-sided, method auto)', () => {
  test('hand-worked: [1, 2] vs [3, 4, 5] are completely separated: D = 1, p = 2/C(5,2)·… = 0.2', () => {
    // Two orderings of 5 values put all of one sample first; of the C(5,2) = 10 orderings only
    // "a a b b b" and "b b b a a" reach D = 1: p = 2/10.
    const r = ks2samp([1, 2], [3, 4, 5]);
    assert.equal(r.statistic, 1);
    assertClose(r.pValue, 0.2, 1e-15);
    assert.equal(r.sign, 1); // the reference's ECDF is above: current values are larger
    assert.equal(r.location, 2);
  });
  test('scipy testTwoVsFour: [1.01, 2.01] vs [1, 2, 3, 4] → D 2/4, p 14/15; shifted down → D 3/4, p 6/15', () => {
    let r = ks2samp([1.01, 2.01], [1, 2, 3, 4]);
    assertClose(r.statistic, 0.5, 1e-15);
    assertClose(r.pValue, 14 / 15, 1e-14);
    r = ks2samp([0.99, 1.99], [1, 2, 3, 4]);
    assertClose(r.statistic, 0.75, 1e-15);
    assertClose(r.pValue, 6 / 15, 1e-14);
  });
  test('scipy test100_110: linspace(1,100,100) vs linspace(1,100,110)+20±0.1', () => {
    const x100 = linspace(1, 100, 100);
    const x110 = linspace(1, 100, 110);
    let r = ks2samp(x100, x110.map((v) => v + 20 + 0.1));
    assertClose(r.statistic, 232 / 1100, 1e-15);
    assertClose(r.pValue, 0.015739183865606153, 1e-16); // suite: 0.015739183865607353 (6 decimals)
    r = ks2samp(x100, x110.map((v) => v + 20 - 0.1));
    assertClose(r.statistic, 229 / 1100, 1e-15);
    assertClose(r.pValue, 0.01780380386102561, 1e-16); // suite: 0.017803803861026313
  });
  test('scipy testRepeatedValues: ties are counted with side="right"', () => {
    const x2233 = repeat([[2, 3], [3, 4], [5, 5], [6, 4]]);
    const x3344 = x2233.map((v) => v + 1);
    let r = ks2samp(x2233, x3344);
    assertClose(r.statistic, 5 / 16, 1e-15);
    assertClose(r.pValue, 0.42629346134549484, 1e-15);
    const x2356 = repeat([[2, 3], [3, 4], [5, 10], [6, 4]]);
    const x3467 = repeat([[3, 10], [4, 2], [6, 10], [7, 4]]);
    r = ks2samp(x2356, x3467);
    assertClose(r.statistic, 190 / 21 / 26, 1e-15);
    assertClose(r.pValue, 0.09192457901681189, 1e-15); // suite: 0.0919245790168125
  });
  test('scipy testLarge: 10,000 vs 110 values, exact → p 6.263465662260858e-26 (scipy 1.17.1)', () => {
    // The suite's constant 4.2188474935755949e-15 predates the current exact recursion; at 6
    // decimals both are 0. scipy 1.17.1 prints 6.263465662260858e-26 for this data.
    const n1 = 10000;
    const n2 = 110;
    const delta = 1 / n1 / n2 / 2 / 2;
    const r = ks2samp(linspace(1, 200, n1).map((v) => v - delta), linspace(2, 100, n2));
    assert.equal(r.method, 'exact');
    assertClose(r.statistic, 55275 / (n1 * 11), 1e-15);
    assertClose(r.pValue, 6.263465662260858e-26, 1e-36);
  });
  test('scipy testLargeBoth: 10,000 vs 11,000 values, asymptotic (auto) → p 0.9990660108966576', () => {
    const n1 = 10000;
    const n2 = 11000;
    const delta = 1 / n1 / n2 / 2 / 2;
    const r = ks2samp(linspace(1, 200, n1).map((v) => v - delta), linspace(2, 200, n2));
    assert.equal(r.method, 'asymptotic');
    assertClose(r.statistic, 563 / (n1 * 11), 1e-12);
    assertClose(r.pValue, 0.9990660108966576, 1e-12);
  });
  test('identical samples: D = 0, p = 1', () => {
    const r = ks2samp([3, 1, 2], [2, 3, 1]);
    assert.equal(r.statistic, 0);
    assert.equal(r.pValue, 1);
  });
  test('non-finite values are refused (the caller removes missing values)', () => {
    assert.throws(() => ks2samp([1, NaN], [2]), /not a finite number/);
    assert.throws(() => ks2samp([], [2]), /empty/);
  });
});

describe('wasserstein1 = scipy.stats.wasserstein_distance', () => {
  test('docstring examples', () => {
    assertClose(wasserstein1([0, 1, 3], [5, 6, 8]), 5.0, 1e-15);
    assertClose(wasserstein1([0, 1], [0, 1], [3, 1], [2, 2]), 0.25, 1e-15);
    assertClose(wasserstein1([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5]), 4.0781331438047861, 1e-14);
  });
  test('hand-worked: a pure shift by δ has distance |δ|; [1,2,3] vs [1,2,3,10] = ∫|F−G| = 7·(1/4) + … = 2', () => {
    assertClose(wasserstein1([0], [2.5]), 2.5);
    assertClose(wasserstein1([1, 5, 9], [3, 7, 11]), 2, 1e-15);
    // F − G on [1,2): 1/3 − 1/4; [2,3): 2/3 − 2/4; [3,10): 1 − 3/4 → 1/12 + 1/6 + 7/4 = 2.
    assertClose(wasserstein1([1, 2, 3], [1, 2, 3, 10]), 2, 1e-15);
  });
});

describe('chi2Homogeneity = scipy.stats.chi2_contingency(correction=True) on the 2×k table', () => {
  test('docstring example [[10, 10, 20], [20, 20, 20]] → χ² 2.7777777777777777, p 0.24935220877729619, dof 2', () => {
    const r = chi2Homogeneity([10, 10, 20], [20, 20, 20])!;
    assertClose(r.statistic, 2.7777777777777777, 1e-14);
    assertClose(r.pValue, 0.24935220877729619, 1e-14);
    assert.equal(r.dof, 2);
    assert.equal(r.corrected, false); // Yates only applies at dof = 1
  });
  test('docstring example with correction=False: [[12, 3], [17, 16]] → p 0.0614122539870913', () => {
    const r = chi2Homogeneity([12, 3], [17, 16], { correction: false })!;
    assertClose(r.pValue, 0.0614122539870913, 1e-14);
    assertClose(r.statistic, 3.498828576142551, 1e-13);
  });
  test('hand-worked Yates (dof 1): [[10, 20], [20, 10]]: E = 15, |O − E| = 5 → 4.5 → χ² = 4·4.5²/15 = 5.4', () => {
    const r = chi2Homogeneity([10, 20], [20, 10])!;
    assert.equal(r.corrected, true);
    assertClose(r.statistic, 5.4, 1e-14);
    assertClose(r.pValue, 0.02013675155034633, 1e-15); // scipy chi2_contingency
  });
  test('hand-worked: [[3, 1], [2, 4]]: E = [[2, 2], [3, 3]], corrected |O − E| = 0.5 → 0.25/2·2 + 0.25/3·2 = 5/12', () => {
    assertClose(chi2Homogeneity([3, 1], [2, 4])!.statistic, 5 / 12, 1e-15);
  });
  test('categories with no rows on either side are dropped; one category left → χ² 0, p 1 (scipy dof 0)', () => {
    const r = chi2Homogeneity([5, 0, 0], [7, 0, 0])!;
    assert.deepEqual([r.statistic, r.pValue, r.dof], [0, 1, 0]);
    assert.equal(chi2Homogeneity([10, 10, 20, 0], [20, 20, 20, 0])!.dof, 2);
  });
  test('a side with no rows → null', () => {
    assert.equal(chi2Homogeneity([0, 0], [3, 4]), null);
  });
});

describe('jensenShannonDistance = scipy.spatial.distance.jensenshannon', () => {
  test('docstring examples', () => {
    assertClose(jensenShannonDistance([1, 0, 0], [0, 1, 0], 2), 1.0, 1e-15);
    assertClose(jensenShannonDistance([1, 0], [0.5, 0.5]), 0.46450140402245893, 1e-15);
    assert.equal(jensenShannonDistance([1, 0, 0], [1, 0, 0]), 0);
  });
  test('hand-worked, base 2: [0.5, 0.5] vs [1, 0]: m = [0.75, 0.25]', () => {
    const kl = 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25) + 1 * Math.log(1 / 0.75);
    assertClose(jensenShannonDistance([0.5, 0.5], [1, 0], 2), Math.sqrt(kl / Math.LN2 / 2), 1e-15);
    assertClose(jensenShannonDistance([0.5, 0.5], [1, 0], 2), 0.5579230452841438, 1e-15); // scipy
  });
  test('counts are normalised first', () => {
    assertClose(jensenShannonDistance([10, 0], [5, 5]), 0.46450140402245893, 1e-15);
  });
});
