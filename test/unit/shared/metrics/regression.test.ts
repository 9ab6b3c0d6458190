import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import {
  meanAbsolutePercentageError,
  r2Score,
  regressionMetrics,
  residualsByPredictionDecile,
} from '../../../../src/shared/metrics/regression';
import { assertUndefined, assertValue, f64 } from './assert-close';

// The example shared by sklearn's regression docstrings.
const Y = f64([3, -0.5, 2, 7]);
const P = f64([2.5, 0, 2, 8]);

describe('regressionMetrics: sklearn docstring example y = [3,−.5,2,7], ŷ = [2.5,0,2,8]', () => {
  // Errors 0.5, −0.5, 0, −1 → |e| = .5 .5 0 1.
  const m = regressionMetrics(Y, P);
  test('mean_absolute_error = 0.5', () => assertValue(m.mae, 0.5));
  test('root_mean_squared_error = √0.375 = 0.612…', () => assertValue(m.rmse, Math.sqrt(0.375)));
  test('r2_score = 0.948…', () => {
    // SS_res = .25 + .25 + 0 + 1 = 1.5; ȳ = 2.875, SS_tot = 29.1875 → 1 − 1.5/29.1875.
    assertValue(m.r2, 1 - 1.5 / 29.1875);
    assertValue(m.r2, 0.9486081370449679, 1e-15);
  });
  test('mean_absolute_percentage_error = 0.3273…', () => {
    // (.5/3 + .5/.5 + 0/2 + 1/7)/4 = (0.166667 + 1 + 0 + 0.142857)/4 = 0.327381.
    assertValue(m.mape, 0.3273809523809524, 1e-15);
  });
  test('median_absolute_error = 0.5 (median of .5 .5 0 1)', () => assertValue(m.medianAbsoluteError, 0.5));
});

describe('r2Score docstring cases', () => {
  test('perfect 1.0, constant-mean prediction 0.0, reversed −3.0', () => {
    assertValue(r2Score(f64([1, 2, 3]), f64([1, 2, 3])), 1);
    assertValue(r2Score(f64([1, 2, 3]), f64([2, 2, 2])), 0);
    assertValue(r2Score(f64([1, 2, 3]), f64([3, 2, 1])), -3);
  });
  test('constant truth: null (sklearn returns 1.0 or 0.0 with force_finite)', () => {
    assertUndefined(r2Score(f64([-2, -2, -2]), f64([-2, -2, -2])), REASONS.constantTruth);
    assertUndefined(r2Score(f64([-2, -2, -2]), f64([-2, -2, -2 + 1e-8])), REASONS.constantTruth);
  });
  test('fewer than two rows: null', () => {
    assertUndefined(r2Score(f64([1]), f64([1])), REASONS.tooFewRowsForR2);
    assertUndefined(r2Score(f64([]), f64([])), REASONS.noRows);
  });
});

describe('MAPE where a true value is 0', () => {
  test('null with the reason "undefined where the true value is 0" (sklearn: 112589990684262.48)', () => {
    // sklearn's docstring: y = [1, 0, 2.4, 7], ŷ = [1.2, .1, 2.4, 8] gives a huge number because it
    // divides by eps; our product rule says the value does not exist.
    const mape = meanAbsolutePercentageError(f64([1, 0, 2.4, 7]), f64([1.2, 0.1, 2.4, 8]));
    assert.deepEqual(mape, { value: null, reason: 'undefined where the true value is 0' });
  });
  test('negative truths are fine: |y − ŷ|/|y|', () => {
    assertValue(meanAbsolutePercentageError(f64([-2]), f64([-1])), 0.5);
  });
});

describe('bootstrap intervals for MAE and RMSE', () => {
  const y = f64(Array.from({ length: 200 }, (_, i) => i));
  const p = f64(Array.from({ length: 200 }, (_, i) => i + ((i * 31) % 17) - 8));
  test('seeded, bracket the estimates, RMSE ≥ MAE', () => {
    const a = regressionMetrics(y, p, { bootstrap: { seed: 3 } });
    const b = regressionMetrics(y, p, { bootstrap: { seed: 3 } });
    assert.deepEqual(a, b);
    for (const metric of [a.mae, a.rmse]) {
      assert.equal(metric.ci!.method, 'bootstrap-percentile');
      assert.ok(metric.ci!.lower < metric.value! && metric.value! < metric.ci!.upper);
    }
    assert.ok(a.rmse.value! >= a.mae.value!);
    assert.equal(regressionMetrics(y, p).mae.ci, undefined);
  });
});

describe('residualsByPredictionDecile', () => {
  test('two bins over predictions 1..4: edges 1, 2.5, 4; residual = true − predicted', () => {
    const bins = residualsByPredictionDecile(f64([2, 2, 2, 2]), f64([1, 2, 3, 4]), 2);
    assert.deepEqual(bins, [
      { lower: 1, upper: 2.5, count: 2, meanPredicted: 1.5, meanTrue: 2, meanResidual: 0.5, meanAbsoluteError: 0.5 },
      { lower: 2.5, upper: 4, count: 2, meanPredicted: 3.5, meanTrue: 2, meanResidual: -1.5, meanAbsoluteError: 1.5 },
    ]);
  });
  test('ten deciles by default; tied predictions can leave bins empty (nulls)', () => {
    const bins = residualsByPredictionDecile(f64([1, 2, 3, 4, 5]), f64([1, 1, 1, 1, 2]));
    assert.equal(bins.length, 10);
    assert.equal(bins.reduce((s, b) => s + b.count, 0), 5);
    assert.ok(bins.some((b) => b.count === 0 && b.meanResidual === null));
  });
  test('empty input: no bins; NaN input is a caller bug', () => {
    assert.deepEqual(residualsByPredictionDecile(f64([]), f64([])), []);
    assert.throws(() => regressionMetrics(f64([1, NaN]), f64([1, 2])), /missing/);
  });
});
