import { describe, test } from 'node:test';
import { brierScore, LOG_LOSS_EPS, logLoss } from '../../../../src/shared/metrics/probabilistic';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { assertUndefined, assertValue, f64, u8 } from './assert-close';

describe('logLoss (sklearn ≥ 1.5 clipping)', () => {
  test('log_loss docstring: ["spam","ham","ham","spam"] with P(spam) = [.9,.1,.2,.65] → 0.21616…', () => {
    // Labels sort as ham = 0, spam = 1. Loss = −(ln .9 + ln .9 + ln .8 + ln .65)/4
    //   = (0.105361 + 0.105361 + 0.223144 + 0.430783)/4 = 0.216162.
    assertValue(logLoss(u8([1, 0, 0, 1]), f64([0.9, 0.1, 0.2, 0.65])), 0.21616187468057912, 1e-15);
  });
  test('p = 0 for a positive is clipped to eps = 2⁻⁵²: loss = −ln(2.22e-16) = 36.0437', () => {
    assertValue(logLoss(u8([1]), f64([0])), 36.04365338911715, 1e-12);
    assertValue(logLoss(u8([0]), f64([1])), 36.04365338911715, 1e-12);
    // A confident correct prediction costs −ln(1 − eps) ≈ eps, not exactly 0.
    assertValue(logLoss(u8([1, 0]), f64([1, 0])), -Math.log(1 - LOG_LOSS_EPS), 1e-30);
  });
  test('one class present is fine (the labels 0/1 are known)', () => {
    assertValue(logLoss(u8([1, 1]), f64([0.5, 0.5])), Math.LN2);
  });
  test('scores outside [0, 1] are not probabilities; no rows → null', () => {
    assertUndefined(logLoss(u8([1, 0]), f64([1.2, 0.1])), REASONS.scoresNotProbabilities);
    assertUndefined(logLoss(u8([1, 0]), f64([NaN, 0.1])), REASONS.scoresNotProbabilities);
    assertUndefined(logLoss(u8([]), f64([])), REASONS.noRows);
  });
});

describe('brierScore', () => {
  test('brier_score_loss docstring: y [0,1,1,0], p [.1,.9,.8,.3] → 0.0375', () => {
    // (.01 + .01 + .04 + .09)/4 = 0.0375.
    assertValue(brierScore(u8([0, 1, 1, 0]), f64([0.1, 0.9, 0.8, 0.3])), 0.0375, 1e-15);
    // Docstring: hard predictions p > .5 → [0,1,1,0] → 0.0.
    assertValue(brierScore(u8([0, 1, 1, 0]), f64([0, 1, 1, 0])), 0);
  });
  test('outside [0, 1] → null (sklearn raises); no rows → null', () => {
    assertUndefined(brierScore(u8([1]), f64([-0.1])), REASONS.scoresNotProbabilities);
    assertUndefined(brierScore(u8([]), f64([])), REASONS.noRows);
  });
});
