/**
 * PSI exactly as issue #6 defines it, hand-worked: bins at the reference's deciles (numpy linear
 * quantiles), right-closed — a value equal to an edge goes to the lower bin — each share floored at
 * 0.0001, PSI = Σ (cur − ref)·ln(cur/ref).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { psiCategorical, psiNumeric, psiTerm, quantileEdges } from '../../../../src/shared/drift/psi';
import { assertArrayClose, assertClose } from '../metrics/assert-close';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('numeric PSI', () => {
  test('reference 1…10: deciles 1.9, 2.8, …, 9.1 put one value in each bin', () => {
    const edges = quantileEdges(Float64Array.from(range(1, 10)));
    assertArrayClose(edges, [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1], 1e-12);
    const r = psiNumeric(range(1, 10), range(1, 10));
    assert.equal(r.psi, 0);
    assert.deepEqual(r.bins.map((b) => b.ref_share), Array<number>(10).fill(0.1));
    assert.equal(r.bins[0]!.lower, null); // open end (−∞), null to stay JSON-safe
    assert.equal(r.bins[9]!.upper, null);
  });

  test('a shift to the bottom: half the current in bin 1, bins 2–5 empty (floored), 6–10 unchanged', () => {
    const r = psiNumeric(range(1, 10), [1, 1, 1, 1, 1, 6, 7, 8, 9, 10]);
    assert.deepEqual(r.bins.map((b) => b.cur_share), [0.5, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1]);
    const expected = (0.5 - 0.1) * Math.log(0.5 / 0.1) + 4 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1);
    assertClose(r.psi, expected, 1e-13);
    assertClose(r.psi, 0.4 * 1.6094379 + 0.3996 * 6.9077553, 1e-6); // ≈ 3.404114
    assertClose(
      r.bins.reduce((s, b) => s + b.contribution, 0),
      r.psi,
      1e-13,
    );
  });

  test('a value equal to an edge goes to the lower bin (right-closed)', () => {
    // Reference 0…10: deciles are exactly 1, 2, …, 9. Bin 1 = (−∞, 1] holds 0 and 1 (2/11).
    const r = psiNumeric(range(0, 10), [1, 1, 1, 1]);
    assert.equal(r.bins[0]!.upper, 1);
    assertClose(r.bins[0]!.ref_share, 2 / 11, 1e-15);
    assert.equal(r.bins[0]!.cur_share, 1); // every 1 is in (−∞, 1], not in (1, 2]
    assert.equal(r.bins[1]!.cur_share, 0);
    const expected = (1 - 2 / 11) * Math.log(1 / (2 / 11)) + 9 * (0.0001 - 1 / 11) * Math.log(0.0001 / (1 / 11));
    assertClose(r.psi, expected, 1e-13);
  });

  test('ties in the reference make edges coincide; the empty bins between them add exactly 0', () => {
    const ref = [...Array<number>(60).fill(0), ...range(1, 40)];
    const edges = quantileEdges(Float64Array.from(ref));
    assert.deepEqual(edges.slice(0, 5), [0, 0, 0, 0, 0]); // q10 … q50 are all 0
    const r = psiNumeric(ref, ref);
    assert.equal(r.psi, 0);
    assertClose(r.bins[0]!.ref_share, 0.6, 1e-15);
    assert.equal(r.bins[1]!.ref_share, 0);
    assert.equal(r.bins[1]!.contribution, 0);
  });

  test('the floor applies to each share (not renormalised): psiTerm(0, 0.2)', () => {
    assertClose(psiTerm(0, 0.2), (0.2 - 0.0001) * Math.log(0.2 / 0.0001), 1e-15);
    assert.equal(psiTerm(0, 0), 0);
    assertClose(psiTerm(0.3, 0.1), psiTerm(0.1, 0.3), 1e-15); // symmetric
  });
});

describe('PSI over categories', () => {
  test('A 50 / B 50 → A 40 / B 40 / C 20 (C new: its reference share is floored)', () => {
    const r = psiCategorical([50, 50, 0], [40, 40, 20], ['A', 'B', 'C']);
    const expected = 2 * (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.2 - 0.0001) * Math.log(0.2 / 0.0001);
    assertClose(r.psi, expected, 1e-14);
    assert.deepEqual(r.bins.map((b) => b.label), ['A', 'B', 'C']);
    assert.ok(r.psi >= 0.25, 'a new category holding 20% of rows is a major change');
  });
  test('the same shares (different row counts) → 0', () => {
    assert.equal(psiCategorical([10, 30], [100, 300]).psi, 0);
  });
  test('a side with no values is refused', () => {
    assert.throws(() => psiCategorical([0, 0], [1, 2]), /at least one value/);
  });
});
