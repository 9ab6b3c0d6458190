import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  multiclassConfusionMatrix,
  multiclassLogLoss,
  multiclassMetrics,
  oneVsRestRocAuc,
} from '../../../../src/shared/metrics/multiclass';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { assertClose, assertUndefined, assertValue, f64, i32 } from './assert-close';

describe('multiclassConfusionMatrix', () => {
  test('confusion_matrix docstring: [2,0,2,2,0,1] vs [0,0,2,2,0,2] → [[2,0,0],[0,0,1],[1,0,2]]', () => {
    assert.deepEqual(multiclassConfusionMatrix(i32([2, 0, 2, 2, 0, 1]), i32([0, 0, 2, 2, 0, 2]), 3), [
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });
  test('codes outside 0..k−1 are a caller bug', () => {
    assert.throws(() => multiclassConfusionMatrix(i32([0, 3]), i32([0, 1]), 3), /0\.\.2/);
  });
});

describe('multiclassMetrics: precision_recall_fscore_support docstring', () => {
  // y_true = [cat, dog, pig, cat, dog, pig], y_pred = [cat, pig, dog, cat, cat, dog]; cat 0, dog 1, pig 2.
  // cat: tp 2, predicted 3, support 2 → P 2/3, R 1, F1 4/5. dog and pig: tp 0 → P = R = F1 = 0.
  const m = multiclassMetrics(i32([0, 1, 2, 0, 1, 2]), i32([0, 2, 1, 0, 0, 1]), 3);

  test('per class', () => {
    assertValue(m.perClass[0]!.precision, 2 / 3);
    assertValue(m.perClass[0]!.recall, 1);
    assertValue(m.perClass[0]!.f1, 0.8);
    assertValue(m.perClass[1]!.f1, 0);
    assert.deepEqual(m.perClass.map((c) => c.support), [2, 2, 2]);
  });
  test("average='macro' → (0.22, 0.33, 0.26)", () => {
    assertValue(m.macro.precision, 2 / 9);
    assertValue(m.macro.recall, 1 / 3);
    assertValue(m.macro.f1, 0.8 / 3);
  });
  test("average='micro' → (0.33, 0.33, 0.33), equal to accuracy", () => {
    assertValue(m.micro.precision, 1 / 3);
    assertValue(m.micro.recall, 1 / 3);
    assertValue(m.micro.f1, 1 / 3);
    assertClose(m.accuracy.value, 1 / 3);
  });
  test("average='weighted' → (0.22, 0.33, 0.26) (equal supports)", () => {
    assertValue(m.weighted.precision, 2 / 9);
    assertValue(m.weighted.f1, 0.8 / 3);
  });
  test('accuracy_score docstring: [0,2,1,3] vs [0,1,2,3] → 0.5, with a Wilson interval', () => {
    const a = multiclassMetrics(i32([0, 1, 2, 3]), i32([0, 2, 1, 3]), 4).accuracy;
    assertValue(a, 0.5);
    assert.equal(a.ci!.method, 'wilson');
  });
});

describe('undefined per-class values are left out of averages (sklearn zero_division=np.nan)', () => {
  // truth [0,0,1,1,1], pred [0,1,1,1,1], 3 classes; class 2 never occurs anywhere.
  // class 0: P 1/1, R 1/2, F1 2/3; class 1: P 3/4, R 1, F1 6/7; class 2: all 0/0 → null.
  const m = multiclassMetrics(i32([0, 0, 1, 1, 1]), i32([0, 1, 1, 1, 1]), 3);
  test('class 2 is null with reasons', () => {
    assertUndefined(m.perClass[2]!.precision, REASONS.noPredictedPositives);
    assertUndefined(m.perClass[2]!.recall, REASONS.noActualPositives);
    assertUndefined(m.perClass[2]!.f1, REASONS.noPositivesAnywhere);
  });
  test('macro over the two defined classes; weighted by support 2 and 3', () => {
    assertValue(m.macro.precision, (1 + 0.75) / 2);
    assertValue(m.macro.f1, (2 / 3 + 6 / 7) / 2);
    assertValue(m.weighted.recall, (2 * 0.5 + 3 * 1) / 5);
  });
  test('a class predicted but never true: precision 0 counts, recall is left out', () => {
    // truth [0,0], pred [0,1]: class 1 P = 0/1 = 0 (defined), R = 0/0 (null).
    const x = multiclassMetrics(i32([0, 0]), i32([0, 1]), 2);
    assertValue(x.macro.precision, 0.5);
    assertValue(x.macro.recall, 0.5);
    // Weighted precision: class 1 has weight 0 → (2·1 + 0·0)/2 = 1.
    assertValue(x.weighted.precision, 1);
  });
  test('no rows: everything undefined', () => {
    const x = multiclassMetrics(i32([]), i32([]), 2);
    assertUndefined(x.accuracy, REASONS.noRows);
    assertUndefined(x.macro.f1, REASONS.noClassDefined);
  });
});

describe('multiclassLogLoss', () => {
  test('hand-worked: −(ln .7 + ln .8 + ln .6)/3 = 0.363548', () => {
    const probs = [f64([0.7, 0.1, 0.2]), f64([0.2, 0.8, 0.2]), f64([0.1, 0.1, 0.6])];
    const ll = multiclassLogLoss(i32([0, 1, 2]), probs, 3);
    assertValue(ll, 0.3635480396729776, 1e-15);
    assert.equal(ll.rowsNotSummingToOne, 0);
  });
  test('log_loss docstring in two-column form → 0.21616…', () => {
    const probs = [f64([0.1, 0.9, 0.8, 0.35]), f64([0.9, 0.1, 0.2, 0.65])];
    assertValue(multiclassLogLoss(i32([1, 0, 0, 1]), probs, 2), 0.21616187468057912, 1e-15);
  });
  test('clips p = 0 to eps, does not renormalise, counts rows not summing to 1', () => {
    const ll = multiclassLogLoss(i32([0, 1]), [f64([0, 0.5]), f64([0.5, 0.25])], 2);
    assertValue(ll, (36.04365338911715 - Math.log(0.25)) / 2, 1e-12);
    assert.equal(ll.rowsNotSummingToOne, 2);
  });
  test('values outside [0, 1] → null', () => {
    assertUndefined(multiclassLogLoss(i32([0]), [f64([1.5]), f64([-0.5])], 2), REASONS.scoresNotProbabilities);
  });
});

describe('oneVsRestRocAuc (multi_class="ovr")', () => {
  // Seven rows, supports 3, 2, 2. Pairwise counts (ties ½):
  //   class 0: positives .6 .3 .5 vs negatives .2 .1 .4 .2 → 4 + 3 + 4 = 11 of 12
  //   class 1: positives .5 .4 vs negatives .3 .3 .4 .2 .25 → 5 + 4.5 = 9.5 of 10
  //   class 2: positives .6 .6 vs negatives .1 .3 .3 .2 .25 → 10 of 10
  const y = i32([0, 1, 2, 0, 1, 2, 0]);
  const rows = [
    [0.6, 0.3, 0.1],
    [0.2, 0.5, 0.3],
    [0.1, 0.3, 0.6],
    [0.3, 0.4, 0.3],
    [0.4, 0.4, 0.2],
    [0.2, 0.2, 0.6],
    [0.5, 0.25, 0.25],
  ];
  const columns = [0, 1, 2].map((c) => f64(rows.map((r) => r[c]!)));

  test('per class, macro (mean) and weighted (by support)', () => {
    const auc = oneVsRestRocAuc(y, columns, 3);
    assertValue(auc.perClass[0]!, 11 / 12);
    assertValue(auc.perClass[1]!, 0.95);
    assertValue(auc.perClass[2]!, 1);
    assertValue(auc.macro, (11 / 12 + 0.95 + 1) / 3);
    assertValue(auc.weighted, (3 * (11 / 12) + 2 * 0.95 + 2 * 1) / 7);
  });
  test('a class that never occurs: its AUC and the macro mean are null; weighted ignores it', () => {
    const auc = oneVsRestRocAuc(i32([0, 1, 0, 1]), [f64([0.8, 0.3, 0.6, 0.2]), f64([0.2, 0.7, 0.4, 0.8]), f64([0, 0, 0, 0])], 3);
    assertUndefined(auc.perClass[2]!, REASONS.classAbsent);
    assertUndefined(auc.macro, REASONS.classAbsent);
    assertValue(auc.weighted, 1);
  });
  test('scores that do not sum to 1 per row are refused, as sklearn does', () => {
    const auc = oneVsRestRocAuc(i32([0, 1]), [f64([0.5, 0.5]), f64([0.6, 0.5])], 2);
    assertUndefined(auc.macro, REASONS.rowsNotSummingToOne);
  });
});
