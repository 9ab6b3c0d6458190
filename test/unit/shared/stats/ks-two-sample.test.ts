/**
 * The two-sample KS p-value from (D, n1, n2), scipy.stats.ks_2samp's method='auto'.
 * Provenance: hand-worked lattice-path counts; the two outputs printed in scipy's ks_2samp
 * docstring (scipy 1.17, "Examples"); scipy's own test suite (scipy/stats/tests/test_stats.py,
 * TestKSTwoSamples) for the data-driven cases, in test/unit/shared/drift/tests.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KS_EXACT_MAX_N, ksTwoSamplePValue, outerProbInside, probOutsideSquare } from '../../../../src/shared/stats/ks-two-sample';
import { assertClose } from '../metrics/assert-close';

describe('exact two-sample distribution, hand-worked', () => {
  test('n1 = n2 = 3, D = 1: only the 2 of C(6,3) = 20 orderings with complete separation → 0.1', () => {
    assertClose(probOutsideSquare(3, 3), 0.1, 1e-15);
    assertClose(ksTwoSamplePValue(1, 3, 3).pValue, 0.1, 1e-15);
  });
  test('n1 = n2 = 2, D = 1: 2 of C(4,2) = 6 → 1/3', () => {
    assertClose(probOutsideSquare(2, 2), 1 / 3, 1e-15);
  });
  test('n1 = 2, n2 = 3, D = 2/3: 6 of the C(5,2) = 10 orderings reach a gap of 2/3 → 0.6', () => {
    // Orderings of {a,a,b,b,b}: the gap |i/2 − j/3| reaches 2/3 unless the path stays close to the
    // diagonal; counting the 10 paths gives 6 (scipy's testTwoVsThree agrees: 0.6).
    assertClose(ksTwoSamplePValue(2 / 3, 2, 3).pValue, 0.6, 1e-15);
    assertClose(outerProbInside(2, 3, 1, 4), 0.6, 1e-15); // h = D·lcm = 2/3·6
  });
  test('D = 0 (rounded to h = 0) → p = 1', () => {
    assert.deepEqual(ksTwoSamplePValue(0, 50, 70), { statistic: 0, pValue: 1, method: 'exact' });
  });
});

describe("scipy's ks_2samp docstring examples (p-value from the printed statistic)", () => {
  test('uniform (100) vs normal (110): D = 0.5454545454545454 → p = 7.37417839555191e-15', () => {
    const r = ksTwoSamplePValue(0.5454545454545454, 100, 110);
    assert.equal(r.method, 'exact');
    assertClose(r.pValue, 7.37417839555191e-15, 1e-27);
  });
  test('normal (105) vs normal (95): D = 0.10927318295739348 → p = 0.5438289009927495', () => {
    assertClose(ksTwoSamplePValue(0.10927318295739348, 105, 95).pValue, 0.5438289009927495, 1e-14);
  });
});

describe('method choice and rounding', () => {
  test('exact up to 10,000 values a side, asymptotic above (scipy MAX_AUTO_N)', () => {
    assert.equal(KS_EXACT_MAX_N, 10_000);
    assert.equal(ksTwoSamplePValue(0.01, 10_000, 10_000).method, 'exact');
    assert.equal(ksTwoSamplePValue(0.01, 10_001, 10_000).method, 'asymptotic');
  });
  test('exact is skipped when n1·n2/(n1+n2)·D² ≥ 150 (p < ~1e-130 either way): asymptotic, instantly', () => {
    const r = ksTwoSamplePValue(0.5, 10_000, 9_999);
    assert.equal(r.method, 'asymptotic');
    assert.equal(r.pValue, 0);
    assert.equal(ksTwoSamplePValue(0.17, 10_000, 9_999).method, 'exact'); // en·D² ≈ 144.5
  });
  test('exact mode reports D rounded to the lattice h/lcm(n1, n2), as scipy', () => {
    // lcm(4, 6) = 12: D = 0.4 → h = round(4.8) = 5 → 5/12.
    assertClose(ksTwoSamplePValue(0.4, 4, 6).statistic, 5 / 12, 1e-15);
  });
  test('asymptotic mode: kstwo.sf(D, round(n1·n2/(n1+n2))) — scipy 1.17 for 20000 vs 15000 (D 0.012583333333333335)', () => {
    // Printed by scipy.stats.ks_2samp on normal samples of these sizes; only D, n1, n2 enter.
    assertClose(ksTwoSamplePValue(0.012583333333333335, 20000, 15000).pValue, 0.13135922883756668, 1e-12);
    assertClose(ksTwoSamplePValue(0.008440000000000003, 50000, 50000).pValue, 0.056460906853760706, 1e-12);
    assertClose(ksTwoSamplePValue(0.32470000000000004, 20000, 50).pValue, 3.4134262338411596e-5, 1e-16);
  });
});
