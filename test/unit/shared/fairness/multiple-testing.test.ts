import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benjaminiHochberg, significantAt } from '../../../../src/shared/fairness/multiple-testing';

function close(actual: number[], expected: number[], tol = 1e-12): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - (expected[i] as number)) <= tol, `index ${i}: ${a} vs ${expected[i]}`));
}

test('BH matches statsmodels fdr_bh on [0.01,0.04,0.03,0.005]', () => {
  close(benjaminiHochberg([0.01, 0.04, 0.03, 0.005]), [0.02, 0.04, 0.04, 0.02]);
});

test('BH matches statsmodels on a longer example with monotonicity enforcement', () => {
  // statsmodels.stats.multitest.multipletests([0.001,0.008,0.039,0.041,0.042,0.06,0.074,0.205,0.212,0.216], method='fdr_bh')[1]
  close(
    benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216]),
    [0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.10571428571428572, 0.216, 0.216, 0.216],
  );
});

test('BH caps at 1, handles empty and NaN', () => {
  close(benjaminiHochberg([0.9, 0.8]), [0.9, 0.9]);
  assert.deepEqual(benjaminiHochberg([]), []);
  const q = benjaminiHochberg([Number.NaN, 0.02]);
  assert.ok(Number.isNaN(q[0]));
  close([q[1] as number], [0.02]);
  assert.deepEqual(significantAt([0.01, 0.06, Number.NaN], 0.05), [true, false, false]);
});
