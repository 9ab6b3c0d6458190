/**
 * Estimated performance without labels (CBPE style). The coverage tests draw batches whose scores
 * are calibrated by construction (y ~ Bernoulli(score)), hide the labels, and check that the
 * stated 95% interval contains the hidden accuracy (and ROC AUC) in at least 90 of 100 seeds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatePerformance, expectedAccuracy, expectedRocAuc } from '../../../../src/shared/drift/estimate-performance';
import { fitIsotonic, predictIsotonic } from '../../../../src/shared/drift/isotonic';
import { aucWithVariance } from '../../../../src/shared/drift/performance-change';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { assertArrayClose, assertClose } from '../metrics/assert-close';

/** n rows: score = sigmoid(mu + 1.5·z); the hidden label is positive with probability truth(score). */
function batch(n: number, mu: number, seed: number, truth: (s: number) => number = (s) => s): { score: Float64Array; y: Uint8Array } {
  const r = mulberry32(seed);
  const score = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = mu + 1.5 * Math.sqrt(-2 * Math.log(Math.max(r(), 1e-300))) * Math.cos(2 * Math.PI * r());
    score[i] = 1 / (1 + Math.exp(-z));
    y[i] = r() < truth(score[i]!) ? 1 : 0;
  }
  return { score, y };
}
const accuracyOf = (b: { score: Float64Array; y: Uint8Array }): number => b.score.reduce((k, s, i) => k + ((s >= 0.5 ? 1 : 0) === b.y[i] ? 1 : 0), 0) / b.y.length;

describe('expected accuracy and ROC AUC, hand-worked', () => {
  test('p = [0.9, 0.2, 0.6], decisions [1, 0, 0]: right with chance [0.9, 0.8, 0.4] → 0.7, se √0.49/3', () => {
    const e = expectedAccuracy(Float64Array.of(0.9, 0.2, 0.6), Uint8Array.of(1, 0, 0))!;
    assertClose(e.estimate, 0.7, 1e-15);
    assertClose(e.standard_error, 0.7 / 3, 1e-15);
    assertClose(e.estimate - e.interval.lower, 1.959963984540054 * (0.7 / 3), 1e-12);
    assert.equal(e.interval.upper, 1); // clipped to [0, 1]
  });
  test('expected AUC = E[U]/E[P(n−P)], both by enumerating all 2^8 label outcomes', () => {
    const score = Float64Array.of(0.1, 0.3, 0.3, 0.45, 0.5, 0.7, 0.8, 0.8);
    const p = Array.from(score);
    let eU = 0;
    let eD = 0;
    for (let mask = 0; mask < 256; mask++) {
      let prob = 1;
      for (let i = 0; i < 8; i++) prob *= mask & (1 << i) ? p[i]! : 1 - p[i]!;
      let u = 0;
      let P = 0;
      for (let i = 0; i < 8; i++) {
        if (!(mask & (1 << i))) continue;
        P++;
        for (let j = 0; j < 8; j++) if (!(mask & (1 << j))) u += score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
      }
      eU += prob * u;
      eD += prob * P * (8 - P);
    }
    const e = expectedRocAuc(score, (s) => s)!;
    assertClose(e.estimate, eU / eD, 1e-14);
    assert.ok(e.standard_error > 0);
  });
});

describe('coverage over 100 seeds: calibrated scores, hidden labels, covariate shift', () => {
  test('the 95% intervals contain the hidden accuracy and ROC AUC in ≥ 90 of 100 batches', () => {
    let accuracyCovered = 0;
    let aucCovered = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const ref = batch(5000, -0.5, seed);
      const cur = batch(2000, 0.3, seed + 10_000); // different people, same score → chance link
      const e = estimatePerformance({ yTrue: ref.y, score: ref.score }, { score: cur.score });
      assert.equal(e.reliability, 'calibrated', `seed ${seed}`);
      const acc = accuracyOf(cur);
      const auc = aucWithVariance(cur.y, cur.score)!.auc;
      if (acc >= e.accuracy!.interval.lower && acc <= e.accuracy!.interval.upper) accuracyCovered++;
      if (auc >= e.roc_auc!.interval.lower && auc <= e.roc_auc!.interval.upper) aucCovered++;
    }
    assert.ok(accuracyCovered >= 90, `accuracy covered in ${accuracyCovered}/100`);
    assert.ok(aucCovered >= 90, `ROC AUC covered in ${aucCovered}/100`);
  });
});

describe('calibration check first', () => {
  // Over-confident scores: the real chance is score², not score.
  const truth = (s: number): number => s * s;
  const ref = batch(20_000, 0, 1, truth);
  const cur = batch(20_000, 0.5, 2, truth);

  test('badly calibrated → recalibrated with isotonic fitted on the reference, and the estimate is right again', () => {
    const e = estimatePerformance({ yTrue: ref.y, score: ref.score }, { score: cur.score });
    assert.ok(e.ece_reference! >= 0.05, `ECE ${e.ece_reference}`);
    assert.equal(e.recalibration, 'isotonic');
    assert.equal(e.reliability, 'recalibrated');
    assert.ok(e.ece_after_recalibration! < 0.05);
    assert.ok(Math.abs(e.accuracy!.estimate - accuracyOf(cur)) < 0.015, `${e.accuracy!.estimate} vs ${accuracyOf(cur)}`);
    assert.ok(Math.abs(e.reference_check!.accuracy_z!) < 3);
  });
  test("recalibration switched off → the estimate is given but marked unreliable, with the reason", () => {
    const e = estimatePerformance({ yTrue: ref.y, score: ref.score }, { score: cur.score }, { recalibrate: 'never' });
    assert.equal(e.reliability, 'unreliable');
    assert.equal(e.reliable, false);
    assert.match(e.reliability_reason!, /do not match/);
    assert.ok(e.ece_reference! >= 0.05);
  });
  test('scores that are not chances (logits) are recalibrated; with recalibration off they cannot be used', () => {
    const logit = (s: Float64Array): Float64Array => s.map((x) => Math.log(x / (1 - x)));
    const e = estimatePerformance({ yTrue: ref.y, score: logit(ref.score), yPred: Uint8Array.from(ref.score, (s) => (s >= 0.5 ? 1 : 0)) }, { score: logit(cur.score), yPred: Uint8Array.from(cur.score, (s) => (s >= 0.5 ? 1 : 0)) });
    assert.equal(e.ece_reference, null);
    assert.equal(e.recalibration, 'isotonic');
    assert.ok(Math.abs(e.accuracy!.estimate - accuracyOf(cur)) < 0.015);
    const off = estimatePerformance({ yTrue: ref.y, score: logit(ref.score) }, { score: logit(cur.score) }, { recalibrate: 'never' });
    assert.equal(off.available, false);
  });
  test('a tiny reference is unreliable whatever its ECE', () => {
    const small = batch(50, 0, 3);
    const e = estimatePerformance({ yTrue: small.y, score: small.score }, { score: cur.score });
    assert.equal(e.reliability, 'unreliable');
    assert.match(e.reliability_reason!, /only 50 labelled rows/);
  });
});

describe('isotonic recalibration (sklearn IsotonicRegression, out_of_bounds="clip")', () => {
  test('PAV on 0/1 labels at distinct scores = scipy.optimize.isotonic_regression', () => {
    const fit = fitIsotonic(Uint8Array.of(0, 1, 0, 1, 1, 0, 1, 1), Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    // scipy.optimize.isotonic_regression([0,1,0,1,1,0,1,1]).x
    assertArrayClose(fit.y, [0, 0.5, 0.5, 2 / 3, 2 / 3, 2 / 3, 1, 1], 1e-15);
  });
  test('tied scores are pooled first; linear between fitted points, clipped outside', () => {
    const fit = fitIsotonic(Uint8Array.of(1, 0, 0, 1), Float64Array.of(1, 1, 2, 3));
    // x = 1: mean 0.5 (2 rows); x = 2: 0 → pooled (0.5·2 + 0)/3 = 1/3; x = 3: 1.
    assertArrayClose(fit.y, [1 / 3, 1 / 3, 1], 1e-15);
    assertClose(predictIsotonic(fit, 2.5), 2 / 3, 1e-15);
    assertClose(predictIsotonic(fit, 0), 1 / 3, 1e-15);
    assertClose(predictIsotonic(fit, 9), 1, 1e-15);
  });
});
