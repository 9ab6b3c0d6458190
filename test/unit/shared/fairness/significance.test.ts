import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalCdf, normalSf, twoSidedP } from '../../../../src/shared/fairness/normal-tail';
import { binomialTest, fisherExact, proportionGapTest, twoProportionZTest } from '../../../../src/shared/fairness/significance';
import { relClose } from './helpers';

describe('normal tail (against scipy.stats.norm.sf 1.17)', () => {
  const scipy: [number, number][] = [
    [0.5, 0.3085375387259869],
    [1.96, 0.024997895148220435],
    [2.4, 0.008197535924596131],
    [2.5, 0.006209665325776132],
    [3, 0.0013498980316300933],
    [5, 2.866515718791933e-7],
    [10, 7.61985302416047e-24],
    [20, 2.7536241186061556e-89],
    [37, 5.7255712225239266e-300],
  ];
  for (const [z, p] of scipy) test(`Q(${z})`, () => relClose(normalSf(z), p, 1e-12, `Q(${z})`));
  test('symmetry, Φ and two-sided p', () => {
    assert.equal(normalSf(0), 0.5);
    relClose(normalCdf(1.96), 0.9750021048517795, 1e-15);
    relClose(normalSf(-3), 1 - 0.0013498980316300933, 1e-15);
    relClose(twoSidedP(-1.96), 2 * 0.024997895148220435, 1e-13);
    assert.equal(normalSf(50), 0);
    assert.ok(Number.isNaN(normalSf(Number.NaN)));
  });
});

describe("Fisher's exact test, two-sided (against scipy.stats.fisher_exact 1.17)", () => {
  const scipy: [[number, number, number, number], number][] = [
    [[8, 2, 1, 5], 0.034965034965034975], // the brief's value 0.03496503496503495 (older scipy) to 1e-15
    [[3, 7, 12, 2], 0.01037243480708281],
    [[0, 30, 5, 25], 0.052185548617305996],
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[10, 0, 0, 10], 1.082508822446903e-5],
    [[5, 995, 20, 980], 0.0038590206248560925],
    [[3, 400000, 40, 600000], 2.236007340687423e-6],
  ];
  for (const [t, p] of scipy) test(`[[${t[0]}, ${t[1]}], [${t[2]}, ${t[3]}]]`, () => relClose(fisherExact(...t), p, 1e-9));
  test('tables as likely as they can be, and empty margins, give p = 1', () => {
    assert.equal(fisherExact(2, 2, 2, 2), 1);
    assert.equal(fisherExact(0, 40, 4, 1000), 1);
    assert.equal(fisherExact(0, 0, 3, 4), 1);
    relClose(fisherExact(8, 2, 1, 5), 0.03496503496503495, 1e-14);
    assert.throws(() => fisherExact(-1, 2, 3, 4), /non-negative/);
  });
});

describe('two-proportion z test (pooled; statsmodels proportions_ztest)', () => {
  test('41/100 vs 63/100, hand-worked: p̂ = 0.52, z = −0.22/√(0.52·0.48·0.02) = −3.11376…', () => {
    const t = twoProportionZTest(41, 100, 63, 100);
    relClose(t.z, -0.22 / Math.sqrt(0.52 * 0.48 * 0.02), 1e-14);
    relClose(t.z, -3.1137618438976387, 1e-14);
    relClose(t.pValue, 0.001847185243478315, 1e-12); // 2·norm.sf(3.1137618438976387)
  });
  test('identical all-0 or all-1 groups: no difference, p = 1', () => {
    assert.deepEqual(twoProportionZTest(0, 50, 0, 70), { z: 0, pValue: 1 });
    assert.deepEqual(twoProportionZTest(50, 50, 70, 70), { z: 0, pValue: 1 });
  });
  test('the gap test uses Fisher when an expected cell is below 5, z otherwise', () => {
    // 41/100 vs 63/100: smallest expected cell 100·96/200 = 48 → z.
    assert.equal(proportionGapTest(41, 100, 63, 100).method, 'two-proportion-z');
    // 8/10 vs 1/6: expected cells 10·9/16 = 5.6, 6·7/16 = 2.6 → Fisher.
    const f = proportionGapTest(8, 10, 1, 6);
    assert.equal(f.method, 'fisher-exact');
    relClose(f.pValue, 0.034965034965034975, 1e-9);
    // Rare event in big groups: 3 of 1,000 vs 12 of 1,000, expected 7.5 → z; 1 of 300 vs 6 of 400 → Fisher (expected 3).
    assert.equal(proportionGapTest(3, 1000, 12, 1000).method, 'two-proportion-z');
    assert.equal(proportionGapTest(1, 300, 6, 400).method, 'fisher-exact');
  });
});

describe('exact binomial test, two-sided (against scipy.stats.binomtest 1.17)', () => {
  const scipy: [[number, number, number], number][] = [
    [[3, 10, 0.5], 0.34375],
    [[7, 10, 0.5], 0.34375],
    [[0, 20, 0.1], 0.25452997802490435],
    [[45, 1000, 0.06], 0.04555934797082252],
    [[130, 1000000, 0.0001], 0.0036892284336664336],
    [[5, 5, 0.5], 0.0625],
    [[2, 7, 0.3], 1],
  ];
  for (const [t, p] of scipy) test(`binomtest(${t.join(', ')})`, () => relClose(binomialTest(...t), p, 1e-9));
  test('degenerate expected shares', () => {
    assert.equal(binomialTest(0, 10, 0), 1);
    assert.equal(binomialTest(1, 10, 0), 0);
    assert.equal(binomialTest(10, 10, 1), 1);
    assert.equal(binomialTest(0, 0, 0.3), 1);
  });
});
