import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  balancedAccuracyFromCounts,
  binaryMetrics,
  confusionCounts,
  f1FromCounts,
  f1Interval,
  mccFromCounts,
} from '../../../../src/shared/metrics/binary';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { assertClose, assertUndefined, assertValue, u8 } from './assert-close';

describe('confusionCounts', () => {
  test('confusion_matrix docstring: ([0,1,0,1], [1,1,1,0]) → tn 0, fp 2, fn 1, tp 1', () => {
    assert.deepEqual(confusionCounts(u8([0, 1, 0, 1]), u8([1, 1, 1, 0])), { tn: 0, fp: 2, fn: 1, tp: 1 });
  });
  test('rejects labels other than 0/1 and misaligned columns', () => {
    assert.throws(() => confusionCounts(u8([0, 1]), u8([1, 2])), /0 or 1/);
    assert.throws(() => confusionCounts(u8([0, 1]), u8([1])), /rows/);
  });
});

describe('binaryMetrics on a hand-worked example', () => {
  // y    = 1 1 1 0 0 0 0 1 0 0
  // pred = 1 0 1 0 0 1 0 1 0 0
  // tp = rows 0, 2, 7 → 3; fn = row 1 → 1; fp = row 5 → 1; tn = rows 3, 4, 6, 8, 9 → 5.
  const m = binaryMetrics(u8([1, 1, 1, 0, 0, 0, 0, 1, 0, 0]), u8([1, 0, 1, 0, 0, 1, 0, 1, 0, 0]));

  test('counts and proportions', () => {
    assert.deepEqual(m.confusion, { tn: 5, fp: 1, fn: 1, tp: 3 });
    assert.equal(m.rows, 10);
    assertClose(m.accuracy.value, 0.8); // (3 + 5)/10
    assertClose(m.precision.value, 0.75); // 3/4
    assertClose(m.recall.value, 0.75); // 3/4
    assertClose(m.specificity.value, 5 / 6);
    assertClose(m.falsePositiveRate.value, 1 / 6);
    assertClose(m.baseRate.value, 0.4); // 4 actual positives
    assertClose(m.selectionRate.value, 0.4); // 4 predicted positives
  });
  test('F1 = 2·3/(6 + 1 + 1) = 0.75; MCC = (3·5 − 1·1)/√(4·4·6·6) = 14/24; balanced = (3/4 + 5/6)/2', () => {
    assertValue(m.f1, 0.75);
    assertValue(m.mcc, 14 / 24);
    assertValue(m.balancedAccuracy, (0.75 + 5 / 6) / 2);
  });
  test('every proportion carries its Wilson interval (accuracy: 8 of 10)', () => {
    assert.equal(m.accuracy.ci!.method, 'wilson');
    assertClose(m.accuracy.ci!.lower, 0.4901624715366418);
    assertClose(m.accuracy.ci!.upper, 0.9433178485456248);
    assertClose(m.precision.ci!.lower, 0.30064184258240184); // 3 of 4
    assert.equal(m.f1.ci, undefined);
    assert.equal(m.mcc.ci, undefined);
  });
});

describe('sklearn docstring examples', () => {
  test('matthews_corrcoef([+1,+1,+1,−1], [+1,−1,+1,+1]) = −0.333…', () => {
    // Positive = +1: tp 2, fn 1, fp 1, tn 0 → (0 − 1)/√(3·3·1·1) = −1/3.
    const c = confusionCounts(u8([1, 1, 1, 0]), u8([1, 0, 1, 1]));
    assertValue(mccFromCounts(c), -1 / 3);
  });
  test('balanced_accuracy_score([0,1,0,0,1,0], [0,1,0,0,0,1]) = 0.625', () => {
    // recall(1) = 1/2, recall(0) = 3/4 → 0.625.
    const c = confusionCounts(u8([0, 1, 0, 0, 1, 0]), u8([0, 1, 0, 0, 0, 1]));
    assertValue(balancedAccuracyFromCounts(c), 0.625);
  });
});

describe('0/0 is null with a reason, never a made-up 0', () => {
  test('no predicted positives: precision null; F1 = 0 because positives exist (sklearn agrees)', () => {
    const m = binaryMetrics(u8([1, 0, 1]), u8([0, 0, 0]));
    assertUndefined(m.precision, REASONS.noPredictedPositives);
    assertValue(m.f1, 0);
    assertValue(m.recall, 0);
    assertUndefined(m.mcc, REASONS.mccUndefined); // sklearn returns 0.0 here
  });
  test('a single class in the truth: recall, balanced accuracy and MCC null; F1 null when nothing positive', () => {
    const m = binaryMetrics(u8([0, 0, 0]), u8([0, 0, 0]));
    assertUndefined(m.recall, REASONS.noActualPositives);
    assertUndefined(m.balancedAccuracy, REASONS.singleClass); // sklearn: 1.0 (mean over present class)
    assertUndefined(m.f1, REASONS.noPositivesAnywhere); // sklearn: 0.0 with zero_division warning
    assertUndefined(m.mcc, REASONS.mccUndefined);
    assertValue(m.specificity, 1);
    assertValue(m.accuracy, 1);
  });
  test('all positives: specificity and FPR null', () => {
    const m = binaryMetrics(u8([1, 1]), u8([1, 0]));
    assertUndefined(m.specificity, REASONS.noActualNegatives);
    assertUndefined(m.falsePositiveRate, REASONS.noActualNegatives);
  });
  test('no rows at all', () => {
    const m = binaryMetrics(u8([]), u8([]));
    assertUndefined(m.accuracy, REASONS.noRows);
    assertUndefined(m.baseRate, REASONS.noRows);
    assertUndefined(f1FromCounts(m.confusion), REASONS.noPositivesAnywhere);
  });
});

describe('F1 bootstrap interval', () => {
  const y = u8(Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? 1 : 0)));
  const p = u8(Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? (i % 12 === 0 ? 0 : 1) : i % 10 === 1 ? 1 : 0)));

  test('seeded, brackets the estimate, attached by binaryMetrics', () => {
    const m = binaryMetrics(y, p, { f1Bootstrap: { seed: 11, resamples: 1000 } });
    const again = binaryMetrics(y, p, { f1Bootstrap: { seed: 11, resamples: 1000 } });
    assert.deepEqual(m.f1, again.f1);
    const ci = m.f1.ci!;
    assert.equal(ci.method, 'bootstrap-percentile');
    assert.ok(ci.lower < m.f1.value! && m.f1.value! < ci.upper);
    assert.deepEqual(f1Interval(y, p, { seed: 11 }).ci, ci);
  });
  test('no bootstrap asked, no interval; undefined F1 gets none either', () => {
    assert.equal(binaryMetrics(y, p).f1.ci, undefined);
    assert.equal(binaryMetrics(u8([0, 0]), u8([0, 0]), { f1Bootstrap: {} }).f1.ci, undefined);
  });
});
