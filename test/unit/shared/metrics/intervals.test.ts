import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { percentileBootstrap, wilsonInterval } from '../../../../src/shared/metrics/intervals';
import { normalQuantile } from '../../../../src/shared/metrics/normal';
import { medianOfSorted, quantileOfSorted } from '../../../../src/shared/metrics/quantile';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { assertClose, f64 } from './assert-close';

const Z95 = 1.959963984540054; // scipy.stats.norm.ppf(0.975)

describe('normalQuantile (AS 241)', () => {
  test('matches scipy.stats.norm.ppf at common levels', () => {
    assertClose(normalQuantile(0.975), Z95, 1e-15);
    assertClose(normalQuantile(0.95), 1.6448536269514722, 1e-15);
    assertClose(normalQuantile(0.995), 2.5758293035489004, 1e-15);
    assertClose(normalQuantile(0.1), -1.2815515655446004, 1e-15);
    assertClose(normalQuantile(1e-12), -7.034483825301131, 1e-13); // far tail branch
    assert.equal(normalQuantile(0.5), 0);
  });
  test('rejects p outside (0, 1)', () => {
    assert.throws(() => normalQuantile(0), RangeError);
    assert.throws(() => normalQuantile(1), RangeError);
  });
});

describe('wilsonInterval', () => {
  // Formula: centre = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²),
  // z = 1.959963984540054, z² = 3.841458820694124.
  test('0 of 10: p = 0, so centre = half = (z²/20)/(1 + z²/10) = 0.19207/1.38415 = 0.138766…', () => {
    const ci = wilsonInterval(0, 10)!;
    assert.equal(ci.lower, 0);
    assertClose(ci.upper, 0.2775327998628892); // 2 × 0.1387664
    assert.equal(ci.level, 0.95);
    assert.equal(ci.method, 'wilson');
  });
  test('5 of 10: centre = (0.5 + 0.19207)/1.38415 = 0.5, half = 1.41601·√(0.025 + 0.0096036) = 0.263407', () => {
    const ci = wilsonInterval(5, 10)!;
    assertClose(ci.lower, 0.236593090512564);
    assertClose(ci.upper, 0.7634069094874361);
  });
  test('10 of 10 mirrors 0 of 10: [1 − 0.27753, 1]', () => {
    const ci = wilsonInterval(10, 10)!;
    assertClose(ci.lower, 0.7224672001371107);
    assert.equal(ci.upper, 1);
  });
  test('8 of 10 and 3 of 4 (hand computed from the same formula)', () => {
    const a = wilsonInterval(8, 10)!;
    assertClose(a.lower, 0.4901624715366418);
    assertClose(a.upper, 0.9433178485456248);
    const b = wilsonInterval(3, 4)!;
    assertClose(b.lower, 0.30064184258240184);
    assertClose(b.upper, 0.9544127391902995);
  });
  test('another level uses its own z (90 %: z = 1.6448536…)', () => {
    const ci = wilsonInterval(5, 10, 0.9)!;
    assertClose(ci.lower, 0.2692718211382672, 1e-12);
    assertClose(ci.upper, 0.7307281788617328, 1e-12);
    assert.equal(ci.level, 0.9);
  });
  test('n = 0 has no interval; k outside [0, n] is a caller bug', () => {
    assert.equal(wilsonInterval(0, 0), null);
    assert.throws(() => wilsonInterval(3, 2), RangeError);
  });
});

describe('quantiles (numpy linear method)', () => {
  test('np.quantile([0.1, 0.2, 0.3, 0.4], [0.025, 0.5, 0.975]) = [0.1075, 0.25, 0.3925]', () => {
    const sorted = f64([0.1, 0.2, 0.3, 0.4]);
    assertClose(quantileOfSorted(sorted, 0.025), 0.1075);
    assertClose(quantileOfSorted(sorted, 0.5), 0.25);
    assertClose(quantileOfSorted(sorted, 0.975), 0.3925);
    assert.equal(quantileOfSorted(sorted, 0), 0.1);
    assert.equal(quantileOfSorted(sorted, 1), 0.4);
  });
  test('median: middle value, or mean of the two middle values', () => {
    assert.equal(medianOfSorted(f64([1, 2, 9])), 2);
    assert.equal(medianOfSorted(f64([1, 2, 4, 9])), 3);
  });
});

describe('mulberry32', () => {
  test('same seed, same stream; different seed, different stream; values in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    assert.deepEqual(Array.from({ length: 5 }, () => b()), xs);
    assert.notDeepEqual(Array.from({ length: 5 }, () => c()), xs);
    const r = mulberry32(1);
    for (let i = 0; i < 10000; i++) {
      const v = r();
      assert.ok(v >= 0 && v < 1);
    }
  });
});

describe('percentileBootstrap', () => {
  const values = f64(Array.from({ length: 200 }, (_, i) => (i * 37) % 101));
  const mean = (w: Uint32Array): number => {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += w[i]! * values[i]!;
    return s / values.length;
  };

  test('is deterministic for a seed and changes with the seed', () => {
    const a = percentileBootstrap(values.length, mean, { seed: 42 });
    const b = percentileBootstrap(values.length, mean, { seed: 42 });
    const c = percentileBootstrap(values.length, mean, { seed: 43 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.ci, c.ci);
    assert.equal(a.ci!.method, 'bootstrap-percentile');
    assert.equal(a.ci!.resamples, 1000);
    assert.equal(a.ci!.seed, 42);
    assert.equal(a.skipped, 0);
  });

  test('weights are multiplicities summing to n', () => {
    percentileBootstrap(50, (w) => {
      assert.equal(w.reduce((s, x) => s + x, 0), 50);
      return 0;
    }, { resamples: 20 });
  });

  test('brackets the sample mean, with a width close to 2·1.96·sd/√n', () => {
    let m = 0;
    for (const v of values) m += v;
    m /= values.length;
    let ss = 0;
    for (const v of values) ss += (v - m) ** 2;
    const se = Math.sqrt(ss / values.length / values.length);
    const ci = percentileBootstrap(values.length, mean, { seed: 1, resamples: 2000 }).ci!;
    assert.ok(ci.lower < m && m < ci.upper);
    const width = ci.upper - ci.lower;
    assert.ok(Math.abs(width / (2 * 1.96 * se) - 1) < 0.15, `width ${width} vs normal ${2 * 1.96 * se}`);
  });

  test('coverage sanity: a 90 % interval for a Bernoulli mean covers the true p in ~90 % of samples', () => {
    const truth = 0.3;
    const draw = mulberry32(99);
    let covered = 0;
    const trials = 150;
    for (let t = 0; t < trials; t++) {
      const x = Uint8Array.from({ length: 80 }, () => (draw() < truth ? 1 : 0));
      const ci = percentileBootstrap(x.length, (w) => {
        let s = 0;
        for (let i = 0; i < x.length; i++) s += w[i]! * x[i]!;
        return s / x.length;
      }, { seed: t + 1, resamples: 1000, level: 0.9 }).ci!;
      if (ci.lower <= truth && truth <= ci.upper) covered++;
    }
    // Binomial(150, 0.9) has sd ≈ 3.7, so 0.78..0.98 is a wide, non-flaky band (and deterministic).
    assert.ok(covered / trials > 0.78 && covered / trials < 0.98, `coverage ${covered / trials}`);
  });

  test('skips and counts resamples where the statistic is undefined', () => {
    let calls = 0;
    const result = percentileBootstrap(10, () => (calls++ % 4 === 0 ? null : calls), { resamples: 100 });
    assert.equal(result.skipped, 25);
    assert.equal(result.ci!.skipped, 25);
    const never = percentileBootstrap(10, () => null, { resamples: 10 });
    assert.equal(never.ci, null);
    assert.equal(never.reason, REASONS.undefinedInEveryResample);
    assert.equal(percentileBootstrap(0, () => 1).reason, REASONS.noRows);
  });
});
