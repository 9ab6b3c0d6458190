import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { rankScores } from '../../../../src/shared/metrics/score-ranking';
import { distinctScoreThresholds, evenThresholds, thresholdTable } from '../../../../src/shared/metrics/thresholds';
import { assertArrayClose, assertClose, f64, u8 } from './assert-close';

describe('thresholdTable (predicted positive when score >= threshold)', () => {
  // y = [0,0,1,1], s = [.1,.4,.35,.8].
  const ranking = rankScores(u8([0, 0, 1, 1]), f64([0.1, 0.4, 0.35, 0.8]));
  const table = thresholdTable(ranking, [0, 0.35, 0.5, 0.8, 0.9]);
  const at = (i: number) => table.rows[i]!;

  test('threshold 0: everything positive (tp 2, fp 2): precision .5, recall 1, F1 4/6', () => {
    assert.deepEqual([at(0).tp, at(0).fp, at(0).tn, at(0).fn], [2, 2, 0, 0]);
    assertClose(at(0).precision, 0.5);
    assertClose(at(0).f1, 2 / 3);
    assertClose(at(0).selectionRate, 1);
  });
  test('threshold exactly at a score includes it: .35 → .8, .4, .35 positive (tp 2, fp 1)', () => {
    assert.deepEqual([at(1).tp, at(1).fp, at(1).tn, at(1).fn], [2, 1, 1, 0]);
    assertClose(at(1).precision, 2 / 3);
    assertClose(at(1).falsePositiveRate, 0.5);
    assertClose(at(1).f1, 0.8); // 2·2/(4 + 1 + 0)
    assertClose(at(1).accuracy, 0.75);
  });
  test('.5 and .8 give the same table row (only .8 is >=)', () => {
    for (const row of [at(2), at(3)]) {
      assert.deepEqual([row.tp, row.fp, row.tn, row.fn], [1, 0, 2, 1]);
      assertClose(row.recall, 0.5);
      assertClose(row.selectionRate, 0.25);
    }
  });
  test('above every score nothing is positive: precision 0/0 → null with a reason, F1 = 0', () => {
    assert.equal(at(4).precision, null);
    assert.equal(at(4).f1, 0);
    assert.equal(at(4).recall, 0);
    assert.equal(table.reasons.precision, REASONS.noPredictedPositives);
    assert.equal(table.reasons.f1, undefined);
  });
  test('agrees with the ROC curve points at the distinct scores', () => {
    const rows = thresholdTable(ranking, ranking.thresholds).rows;
    assert.deepEqual(rows.map((r) => r.tp), Array.from(ranking.tps));
    assert.deepEqual(rows.map((r) => r.fp), Array.from(ranking.fps));
  });
  test('one class: recall column undefined with a reason', () => {
    const t = thresholdTable(rankScores(u8([0, 0]), f64([0.2, 0.6])), [0.5]);
    assert.equal(t.rows[0]!.recall, null);
    assert.equal(t.rows[0]!.f1, 0);
    assert.equal(t.reasons.recall, REASONS.noActualPositives);
  });
});

describe('threshold lists', () => {
  test('evenThresholds: 101 points k/100, with 0.3 exactly the double 0.3', () => {
    const t = evenThresholds();
    assert.equal(t.length, 101);
    assert.equal(t[0], 0);
    assert.equal(t[30], 0.3);
    assert.equal(t[100], 1);
  });
  test('distinctScoreThresholds: increasing, keeps min and max, thins to maxCount', () => {
    const scores = f64(Array.from({ length: 1000 }, (_, i) => i / 999));
    const ranking = rankScores(new Uint8Array(1000), scores);
    const t = distinctScoreThresholds(ranking, 11);
    assert.equal(t.length, 11);
    assert.equal(t[0], 0);
    assert.equal(t[10], 1);
    for (let i = 1; i < t.length; i++) assert.ok(t[i]! > t[i - 1]!);
    assertArrayClose(distinctScoreThresholds(rankScores(u8([1, 0]), f64([0.3, 0.7])), 50), [0.3, 0.7]);
  });
});
