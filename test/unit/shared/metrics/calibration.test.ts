import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { equalWidthEdges, rightClosedBinIndex } from '../../../../src/shared/metrics/bins';
import { calibration } from '../../../../src/shared/metrics/calibration';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { assertClose, assertUndefined, assertValue, f64, u8 } from './assert-close';

describe('bin edges: [0, .1], (.1, .2], …, (.9, 1] — right-closed, first bin closed', () => {
  const edges = equalWidthEdges(10);
  test('0 and exactly 0.1 go in the first bin; 1 in the last', () => {
    assert.equal(rightClosedBinIndex(edges, 0), 0);
    assert.equal(rightClosedBinIndex(edges, 0.1), 0); // numpy.digitize's default would say bin 1
    assert.equal(rightClosedBinIndex(edges, 1), 9);
  });
  test('just above an edge moves up; 0.3 is exactly the edge k/10, in (0.2, 0.3]', () => {
    assert.equal(rightClosedBinIndex(edges, 0.1 + Number.EPSILON), 1);
    assert.equal(edges[3], 0.3);
    assert.equal(rightClosedBinIndex(edges, 0.3), 2);
    assert.equal(rightClosedBinIndex(edges, 0.30000000000000004), 3); // numpy.linspace's 3·0.1
    assert.equal(rightClosedBinIndex(edges, 0.95), 9);
  });
});

describe('calibration, equal-width bins, hand-worked', () => {
  // Scores 0, .1, .15, .3, 1, .95, .55 with outcomes 0, 0, 1, 0, 1, 1, 0; plus NaN, −.1, 1.2 (excluded).
  // Bins: [0,.1] ← 0, .1 (mean .05, 0 of 2 positive, gap .05); (.1,.2] ← .15 (1 of 1, gap .85);
  // (.2,.3] ← .3 (0 of 1, gap .3); (.5,.6] ← .55 (0 of 1, gap .55); (.9,1] ← 1, .95 (mean .975, 2 of 2, gap .025).
  // ECE = (2·.05 + .85 + .3 + .55 + 2·.025)/7 = 1.85/7; MCE = .85.
  // Brier = (0 + .01 + .7225 + .09 + 0 + .0025 + .3025)/7 = 1.1275/7.
  const c = calibration(u8([0, 0, 1, 0, 1, 1, 0, 1, 0, 1]), f64([0, 0.1, 0.15, 0.3, 1, 0.95, 0.55, NaN, -0.1, 1.2]));

  test('bins', () => {
    assert.equal(c.bins.length, 10);
    assert.deepEqual(c.bins.map((b) => b.count), [2, 1, 1, 0, 0, 1, 0, 0, 0, 2]);
    assertClose(c.bins[0]!.mean_score, 0.05);
    assert.equal(c.bins[0]!.lower, 0);
    assert.equal(c.bins[0]!.upper, 0.1);
    assertValue({ value: c.bins[0]!.fraction_positive.value }, 0);
    assertClose(c.bins[9]!.mean_score, 0.975);
    assertClose(c.bins[9]!.fraction_positive.value, 1);
    assert.equal(c.bins[9]!.fraction_positive.ci!.method, 'wilson');
    assert.equal(c.bins[3]!.mean_score, null);
    assertUndefined(c.bins[3]!.fraction_positive, REASONS.emptyBin);
  });
  test('ECE, maximum calibration error, Brier', () => {
    assertValue(c.ece, 1.85 / 7);
    assertValue(c.maxCalibrationError, 0.85);
    assertValue(c.brier, 1.1275 / 7);
  });
  test('NaN and out-of-range scores are excluded and counted', () => {
    assert.equal(c.rows, 7);
    assert.equal(c.excludedScores, 3);
  });
});

describe('calibration, equal-count (quantile) bins', () => {
  test('scores .1 .2 .3 .4 in 2 bins: edges .1, .25, .4; ECE = .5·.35 + .5·.15', () => {
    const c = calibration(u8([0, 1, 0, 1]), f64([0.1, 0.2, 0.3, 0.4]), { strategy: 'quantile', bins: 2 });
    assert.deepEqual(c.bins.map((b) => [b.lower, b.upper, b.count]), [
      [0.1, 0.25, 2],
      [0.25, 0.4, 2],
    ]);
    assertClose(c.bins[0]!.mean_score, 0.15);
    assertValue(c.ece, 0.25);
    assertValue(c.maxCalibrationError, 0.35);
    assert.equal(c.strategy, 'quantile');
  });
  test('a score equal to an inner edge falls in the lower bin (right-closed)', () => {
    // Edges of .1 .2 .3 at 2 bins: .1, .2, .3 → .2 sits on the inner edge → first bin.
    const c = calibration(u8([0, 0, 1]), f64([0.1, 0.2, 0.3]), { strategy: 'quantile', bins: 2 });
    assert.deepEqual(c.bins.map((b) => b.count), [2, 1]);
  });
});

describe('calibration without usable scores', () => {
  test('everything null with a reason, exclusions still counted', () => {
    const c = calibration(u8([1, 0]), f64([NaN, 2]));
    assertUndefined(c.ece, REASONS.noScoresInRange);
    assertUndefined(c.brier, REASONS.noScoresInRange);
    assert.equal(c.excludedScores, 2);
    assert.ok(c.bins.every((b) => b.count === 0));
  });
});
