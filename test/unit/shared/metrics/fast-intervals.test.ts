import assert from 'node:assert/strict';
import { test } from 'node:test';
import { f1FromCounts } from '../../../../src/shared/metrics/binary';
import { binomial, confusionBootstrap, delongAuc } from '../../../../src/shared/metrics/fast-intervals';
import { percentileBootstrap } from '../../../../src/shared/metrics/intervals';
import { mulberry32 } from '../../../../src/shared/metrics/random';

test('binomial draws have the right mean and variance in every regime', () => {
  const rand = mulberry32(1);
  for (const [n, p] of [[20, 0.3], [1000, 0.01], [100_000, 0.005], [1_000_000, 0.4], [50, 0.97]] as const) {
    const draws = Array.from({ length: 4000 }, () => binomial(n, p, rand));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    const sd = Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(mean - n * p) < 4 * (sd / Math.sqrt(draws.length)) + 1e-9, `mean n=${n} p=${p}: ${mean}`);
    assert.ok(Math.abs(variance / (sd * sd) - 1) < 0.1, `variance n=${n} p=${p}: ${variance} vs ${sd * sd}`);
    assert.ok(draws.every((d) => Number.isInteger(d) && d >= 0 && d <= n));
  }
  assert.equal(binomial(10, 0, rand), 0);
  assert.equal(binomial(10, 1, rand), 10);
});

test('the confusion-count bootstrap of F1 agrees with a row-resampling bootstrap', () => {
  // 400 rows: tp 120, fp 40, fn 60, tn 180.
  const c = { tp: 120, fp: 40, fn: 60, tn: 180 };
  const f1 = (x: typeof c): number | null => f1FromCounts(x).value;
  const fast = confusionBootstrap(c, f1, { resamples: 4000, seed: 3 })!;
  const cells = [...Array(c.tp).fill(3), ...Array(c.fp).fill(1), ...Array(c.fn).fill(2), ...Array(c.tn).fill(0)] as number[];
  const slow = percentileBootstrap(
    cells.length,
    (w) => {
      const k = { tn: 0, fp: 0, fn: 0, tp: 0 };
      w.forEach((times, i) => {
        const cell = cells[i]!;
        if (cell === 3) k.tp += times;
        else if (cell === 1) k.fp += times;
        else if (cell === 2) k.fn += times;
        else k.tn += times;
      });
      return f1(k);
    },
    { resamples: 4000, seed: 3 },
  ).ci!;
  assert.ok(Math.abs(fast.lower - slow.lower) < 0.01, `${fast.lower} vs ${slow.lower}`);
  assert.ok(Math.abs(fast.upper - slow.upper) < 0.01, `${fast.upper} vs ${slow.upper}`);
  assert.equal(fast.method, 'bootstrap-percentile');
  assert.equal(fast.resamples, 4000);
  assert.deepEqual(confusionBootstrap(c, f1, { seed: 9 }), confusionBootstrap(c, f1, { seed: 9 }), 'same seed, same interval');
});

test('DeLong: AUC equals the Mann–Whitney form; hand-worked variance', () => {
  // sklearn's docstring example: AUC 0.75.
  const r = delongAuc(Uint8Array.from([0, 0, 1, 1]), Float64Array.from([0.1, 0.4, 0.35, 0.8]))!;
  assert.equal(r.auc, 0.75);
  // Placements: V10 (positives 0.35, 0.8) = [0.5, 1]; V01 (negatives 0.1, 0.4) = [1, 0.5].
  // var(V10) = 0.125, var(V01) = 0.125; SE = sqrt(0.125/2 + 0.125/2) = 0.3536.
  const se = Math.sqrt(0.125 / 2 + 0.125 / 2);
  assert.ok(Math.abs(r.interval.lower - Math.max(0, 0.75 - 1.959963984540054 * se)) < 1e-12);
  assert.equal(r.interval.upper, 1);
  // Ties count half.
  assert.equal(delongAuc(Uint8Array.from([0, 1]), Float64Array.from([0.5, 0.5]))!.auc, 0.5);
  assert.equal(delongAuc(Uint8Array.from([1, 1]), Float64Array.from([0.2, 0.5])), null);
});
