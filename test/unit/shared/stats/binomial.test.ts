import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binomialUpperTail } from '../../../../src/shared/stats/binomial';

const close = (a: number, b: number, rel = 1e-10): void => assert.ok(Math.abs(a - b) <= rel * Math.max(1e-300, Math.abs(b)), `${a} ≠ ${b}`);

test('P(X ≥ k) by hand: 10 fair coins', () => {
  // P(X ≥ 8) = (C(10,8) + C(10,9) + C(10,10)) / 2¹⁰ = (45 + 10 + 1) / 1024.
  close(binomialUpperTail(8, 10, 0.5), 56 / 1024);
  // Below the mean the lower tail is summed: P(X ≥ 3) = 1 − (1 + 10 + 45) / 1024 = 0.9453125.
  close(binomialUpperTail(3, 10, 0.5), 968 / 1024);
});

test('the same numbers as scipy.stats.binomtest(k, n, p, alternative="greater")', () => {
  close(binomialUpperTail(6, 10, 0.6), 0.6331032576);
  close(binomialUpperTail(7, 10, 0.6), 0.3822806016);
  close(binomialUpperTail(600, 1000, 0.58), 0.10557451529072699, 1e-9);
  close(binomialUpperTail(30000, 100000, 0.297), 0.019170618586170397, 1e-8);
  close(binomialUpperTail(38, 40, 0.5), 7.466951501555741e-10, 1e-9);
});

test('edges: k ≤ 0 is certain, k > n impossible, p = 0 and p = 1', () => {
  assert.equal(binomialUpperTail(0, 5, 0.3), 1);
  assert.equal(binomialUpperTail(6, 5, 0.3), 0);
  assert.equal(binomialUpperTail(1, 5, 0), 0);
  assert.equal(binomialUpperTail(5, 5, 1), 1);
  assert.throws(() => binomialUpperTail(1.5, 5, 0.3), RangeError);
  assert.throws(() => binomialUpperTail(1, 5, 1.2), RangeError);
});
