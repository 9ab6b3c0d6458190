import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  averagePrecision,
  prCurve,
  rankingMetricInterval,
  rocAuc,
  rocCurve,
  withInterval,
} from '../../../../src/shared/metrics/ranking';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { rankScores, weightedRanking } from '../../../../src/shared/metrics/score-ranking';
import { assertArrayClose, assertUndefined, assertValue, f64, u8 } from './assert-close';

// The example used throughout sklearn's ranking docstrings.
const Y = u8([0, 0, 1, 1]);
const S = f64([0.1, 0.4, 0.35, 0.8]);

describe('rankScores (sklearn confusion_matrix_at_thresholds)', () => {
  test('docstring example: thresholds [0.8, 0.4, 0.35, 0.1], tps [1, 1, 2, 2], fps [0, 1, 1, 2]', () => {
    const r = rankScores(Y, S);
    assertArrayClose(r.thresholds, [0.8, 0.4, 0.35, 0.1]);
    assertArrayClose(r.tps, [1, 1, 2, 2]);
    assertArrayClose(r.fps, [0, 1, 1, 2]);
    assert.equal(r.positives, 2);
    assert.equal(r.negatives, 2);
  });
  test('tied scores form one threshold counting every tied row', () => {
    const r = rankScores(u8([0, 1, 0, 1, 1]), f64([0.5, 0.5, 0.2, 0.8, 0.5]));
    assertArrayClose(r.thresholds, [0.8, 0.5, 0.2]);
    assertArrayClose(r.tps, [1, 3, 3]);
    assertArrayClose(r.fps, [0, 1, 2]);
  });
  test('-0 and +0 are one score, as numpy.diff sees them', () => {
    const r = rankScores(u8([1, 0]), f64([0, -0]));
    assert.equal(r.thresholds.length, 1);
  });
  test('rejects misaligned columns, non-binary labels and NaN scores (caller bugs)', () => {
    assert.throws(() => rankScores(u8([0, 1]), f64([0.1])), /rows/);
    assert.throws(() => rankScores(u8([0, 2]), f64([0.1, 0.2])), /0 or 1/);
    assert.throws(() => rankScores(u8([0, 1]), f64([0.1, NaN])), /missing/);
  });
});

describe('rocAuc', () => {
  test('roc_auc_score docstring-style example: 0.75', () => {
    // ROC points (0,0) (0,.5) (.5,.5) (.5,1) (1,1): area = .5·.5 + .5·1 = 0.75.
    assertValue(rocAuc(rankScores(Y, S)), 0.75);
  });
  test('ties count one half, as sklearn (and Mann–Whitney with mid-ranks)', () => {
    // y = [0,1,0,1], s = [.5,.5,.2,.8]. Pairs (pos, neg): (.8,.5) 1, (.8,.2) 1, (.5,.5) ½, (.5,.2) 1
    // → 3.5/4 = 0.875. Trapezoids: (0,0)→(0,.5)→(.5,1)→(1,1): .5·(.5+1)/2 + .5·1 = 0.875.
    assertValue(rocAuc(rankScores(u8([0, 1, 0, 1]), f64([0.5, 0.5, 0.2, 0.8]))), 0.875);
  });
  test('all scores tied: 0.5; perfectly reversed: 0; perfect: 1', () => {
    assertValue(rocAuc(rankScores(u8([0, 1, 1, 0]), f64([0.3, 0.3, 0.3, 0.3]))), 0.5);
    assertValue(rocAuc(rankScores(u8([1, 1, 0]), f64([0.1, 0.2, 0.9]))), 0);
    assertValue(rocAuc(rankScores(u8([1, 1, 0]), f64([0.8, 0.9, 0.1]))), 1);
  });
  test('one class present: null with a reason (sklearn: NaN + warning)', () => {
    assertUndefined(rocAuc(rankScores(u8([1, 1]), f64([0.2, 0.9]))), REASONS.singleClass);
    assertUndefined(rocAuc(rankScores(u8([]), f64([]))), REASONS.singleClass);
  });
});

describe('rocCurve', () => {
  test('roc_curve docstring: fpr [0,0,.5,.5,1], tpr [0,.5,.5,1,1], thresholds [inf,.8,.4,.35,.1]', () => {
    const roc = rocCurve(rankScores(Y, S));
    assert.ok(roc.defined);
    assertArrayClose(roc.value.fpr, [0, 0, 0.5, 0.5, 1]);
    assertArrayClose(roc.value.tpr, [0, 0.5, 0.5, 1, 1]);
    assertArrayClose(roc.value.thresholds, [Infinity, 0.8, 0.4, 0.35, 0.1]);
  });
  test('drop_intermediate removes the collinear point (fps second difference 0 and tps too)', () => {
    // tps [1,2,2,2], fps [0,0,1,2]: the point at 0.3 (fpr .5, tpr 1) lies on the segment to (1, 1).
    const r = rankScores(u8([1, 1, 0, 0]), f64([0.9, 0.8, 0.3, 0.2]));
    const dropped = rocCurve(r);
    assert.ok(dropped.defined);
    assertArrayClose(dropped.value.fpr, [0, 0, 0, 1]);
    assertArrayClose(dropped.value.tpr, [0, 0.5, 1, 1]);
    assertArrayClose(dropped.value.thresholds, [Infinity, 0.9, 0.8, 0.2]);
    const full = rocCurve(r, { dropIntermediate: false });
    assert.ok(full.defined);
    assertArrayClose(full.value.fpr, [0, 0, 0, 0.5, 1]);
  });
  test('undefined with one class', () => {
    const roc = rocCurve(rankScores(u8([0, 0]), f64([0.1, 0.2])));
    assert.deepEqual(roc, { defined: false, reason: REASONS.singleClass });
  });
});

describe('averagePrecision and prCurve', () => {
  test('average_precision_score docstring: 0.8333…', () => {
    // Descending: .8 (pos) R=.5 P=1; .4 (neg) R=.5; .35 (pos) R=1 P=2/3; .1 (neg) R=1.
    // AP = .5·1 + .5·(2/3) = 0.83333…
    assertValue(averagePrecision(rankScores(Y, S)), 5 / 6);
  });
  test('step-wise, not trapezoidal: ties in one step', () => {
    // y = [0,1,0,1], s = [.5,.5,.2,.8]: .8 R=.5 P=1; .5 (pos+neg) R=1 P=2/3 → AP = .5 + .5·2/3.
    // (A trapezoid would give .5·1 + .5·(1 + 2/3)/2 ≈ 0.9167: too optimistic.)
    assertValue(averagePrecision(rankScores(u8([0, 1, 0, 1]), f64([0.5, 0.5, 0.2, 0.8]))), 5 / 6);
  });
  test('only positives: AP = 1; no positives: null (sklearn returns 0 with a warning)', () => {
    assertValue(averagePrecision(rankScores(u8([1, 1]), f64([0.2, 0.4]))), 1);
    assertUndefined(averagePrecision(rankScores(u8([0, 0]), f64([0.2, 0.4]))), REASONS.noActualPositives);
  });
  test('precision_recall_curve docstring: P [.5,.667,.5,1,1], R [1,1,.5,.5,0], thresholds [.1,.35,.4,.8]', () => {
    const pr = prCurve(rankScores(Y, S));
    assert.ok(pr.defined);
    assertArrayClose(pr.value.precision, [0.5, 2 / 3, 0.5, 1, 1]);
    assertArrayClose(pr.value.recall, [1, 1, 0.5, 0.5, 0]);
    assertArrayClose(pr.value.thresholds, [0.1, 0.35, 0.4, 0.8]);
  });
  test('prCurve drop_intermediate keeps the first and last point of each recall run', () => {
    // Thresholds .9 .8 .7 .6 have tps [1,1,1,2]: in the recall-.5 run (.9, .8, .7) the middle .8 goes.
    const pr = prCurve(rankScores(u8([1, 0, 0, 1]), f64([0.9, 0.8, 0.7, 0.6])), { dropIntermediate: true });
    assert.ok(pr.defined);
    assertArrayClose(pr.value.thresholds, [0.6, 0.7, 0.9]);
    assertArrayClose(pr.value.recall, [1, 0.5, 0.5, 0]);
  });
  test('prCurve undefined without positives', () => {
    assert.deepEqual(prCurve(rankScores(u8([0]), f64([0.5]))), { defined: false, reason: REASONS.noActualPositives });
  });
});

describe('bootstrap intervals on the single sort', () => {
  const n = 400;
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 3 === 0 ? 1 : 0;
    s[i] = Math.round(((y[i]! ? 0.6 : 0.4) + (((i * 7919) % 97) / 97 - 0.5) * 0.8) * 20) / 20; // ties
  }
  const ranking = rankScores(y, s);

  test('unit weights reproduce the ranking', () => {
    const same = weightedRanking(ranking, new Uint32Array(n).fill(1));
    assert.deepEqual(same.tps, ranking.tps);
    assert.deepEqual(same.fps, ranking.fps);
  });

  test('AUC interval is seeded, brackets the estimate, and skips undefined resamples', () => {
    const auc = rocAuc(ranking);
    const a = rankingMetricInterval(rocAuc, ranking, { seed: 5 });
    const b = rankingMetricInterval(rocAuc, ranking, { seed: 5 });
    assert.deepEqual(a, b);
    assert.ok(a.ci!.lower < auc.value! && auc.value! < a.ci!.upper);
    assert.equal(withInterval(auc, a).ci, a.ci);
    // Two rows, one of each class: a resample has both classes only half the time.
    const tiny = rankingMetricInterval(rocAuc, rankScores(u8([0, 1]), f64([0.2, 0.8])), { resamples: 200, seed: 3 });
    assert.ok(tiny.skipped > 50 && tiny.skipped < 150, `skipped ${tiny.skipped}`);
    assert.equal(tiny.ci!.lower, 1);
  });

  test('AP interval works through the same path', () => {
    const ap = averagePrecision(ranking).value!;
    const ci = rankingMetricInterval(averagePrecision, ranking, { seed: 9, resamples: 300 }).ci!;
    assert.ok(ci.lower < ap && ap < ci.upper);
  });
});
