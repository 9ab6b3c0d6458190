/**
 * The threshold explorer's logic on a hand-worked example. Ten rows, positive class "yes":
 *   positives (4): scores .9 .8 .6 .3      negatives (6): scores .7 .55 .4 .2 .1 .05
 * Cut-offs 0, .25, .5, .75, 1 (a row is predicted "yes" when score ≥ cut-off):
 *   0    tp 4 fp 6 tn 0 fn 0     .25  tp 4 fp 3 tn 3 fn 0     .5  tp 3 fp 2 tn 4 fn 1
 *   .75  tp 2 fp 0 tn 6 fn 2     1    tp 0 fp 0 tn 6 fn 4
 * Groups of "sex": A = positives .9 .6, negatives .7 .2 .1; B = positives .8 .3, negatives .55 .4 .05;
 * C has 2 rows and is left out as too small.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  costCurve,
  groupsAt,
  modelCutoff,
  nearestIndex,
  overallAt,
  parseCost,
  parseThreshold,
  readCosts,
  sensitiveKeys,
  thresholdData,
  type AvailableThresholdData,
} from '../../../../src/shared/explore/threshold-view';
import { exploreWordsEn as w } from '../../../../src/shared/explore/words-en';
import { rankScores } from '../../../../src/shared/metrics/score-ranking';
import { thresholdTable, type ThresholdRow } from '../../../../src/shared/metrics/thresholds';
import type { CheckReport } from '../../../../src/shared/report/check-report';
import { assertClose, f64, u8 } from '../metrics/assert-close';

const T = [0, 0.25, 0.5, 0.75, 1];
function row(threshold: number, tp: number, fp: number, tn: number, fn: number): ThresholdRow {
  const n = tp + fp + tn + fn;
  const f1d = 2 * tp + fp + fn;
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    falsePositiveRate: fp + tn === 0 ? null : fp / (fp + tn),
    f1: f1d === 0 ? null : (2 * tp) / f1d,
    selectionRate: (tp + fp) / n,
    accuracy: (tp + tn) / n,
  };
}
const ROWS = [row(0, 4, 6, 0, 0), row(0.25, 4, 3, 3, 0), row(0.5, 3, 2, 4, 1), row(0.75, 2, 0, 6, 2), row(1, 0, 0, 6, 4)];

const group = (name: string, count: number, small = false, reason?: string) => ({ group: name, count, small_group: small, ...(reason ? { small_group_reason: reason } : {}) });

function report(performance: Record<string, unknown> | null, fairness: Record<string, unknown> | null = null): CheckReport {
  return {
    schema_version: '0.3.0',
    generated_by: { app: 'slicewise', version: 'test' },
    generated_at: '2026-01-01T00:00:00.000Z',
    source: { file_name: 'x.csv', size_bytes: 1, modified_at: '2026-01-01T00:00:00.000Z', sha256: '0' },
    dataset: { name: 'x', rows: 12, columns: [] },
    performance,
    fairness,
  };
}

const PERF = { task: 'binary', positive_class: 'yes', prediction_from: 'column', confusion: { tp: 3, fp: 2, tn: 4, fn: 1 }, threshold_table: ROWS };
const FAIRNESS = {
  sex: {
    columns: ['sex'],
    groups: [group('A', 5), group('B', 5), group('C', 2, true, 'Only 2 rows (fewer than 30).')],
    excluded_groups: ['C'],
    thresholds: {
      values: T,
      groups: [
        { group: 'A', selection_rate: [1, 0.6, 0.6, 0.2, 0], tpr: [1, 1, 1, 0.5, 0], fpr: [1, 1 / 3, 1 / 3, 0, 0] },
        { group: 'B', selection_rate: [1, 0.8, 0.4, 0.2, 0], tpr: [1, 1, 0.5, 0.5, 0], fpr: [1, 2 / 3, 1 / 3, 0, 0] },
      ],
    },
  },
  'age+sex': { columns: ['age', 'sex'], groups: [group('young & A', 3)], excluded_groups: [] },
  age: {
    columns: ['age'],
    groups: [group('young', 4), group('old', 8)],
    excluded_groups: [],
    thresholds: {
      values: T,
      groups: [
        { group: 'young', selection_rate: [1, 0.5, 0.25, 0, 0], tpr: [null, null, null, null, null], fpr: [1, 0.5, 0.25, 0, 0] },
        { group: 'old', selection_rate: [1, 0.75, 0.5, 0.25, 0], tpr: [1, 1, 0.75, 0.5, 0], fpr: [1, 0.5, 0.25, 0, 0] },
      ],
    },
  },
};

const data = (r: CheckReport): AvailableThresholdData => {
  const d = thresholdData(r);
  assert.ok(d.available, 'expected a threshold to move');
  return d;
};

describe('the hand-worked table', () => {
  test('matches the engine’s own threshold table for the same ten scores', () => {
    const y = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    const s = [0.9, 0.8, 0.6, 0.3, 0.7, 0.55, 0.4, 0.2, 0.1, 0.05];
    assert.deepEqual(thresholdTable(rankScores(u8(y), f64(s)), T).rows, ROWS);
  });
});

describe('thresholdData', () => {
  test('the cut-offs, the positive class, and the model’s own cut-off found from its counts (tp 3 fp 2 tn 4 fn 1 → .5)', () => {
    const d = data(report(PERF));
    assert.deepEqual(d.thresholds, T);
    assert.equal(d.positiveClass, 'yes');
    assert.equal(d.defaultIndex, 2);
    assert.deepEqual(d.model, { index: 2, how: 'counts' });
    assert.equal(d.startIndex, 2);
  });
  test('a decision column whose counts match .25 (tp 4 fp 3 tn 3 fn 0) starts the slider at .25', () => {
    const d = data(report({ ...PERF, confusion: { tp: 4, fp: 3, tn: 3, fn: 0 } }));
    assert.deepEqual(d.model, { index: 1, how: 'counts' });
    assert.equal(d.startIndex, 1);
  });
  test('counts matching no cut-off: the model’s cut-off is unknown and the slider starts at 0.5', () => {
    const d = data(report({ ...PERF, confusion: { tp: 1, fp: 1, tn: 1, fn: 7 } }));
    assert.equal(d.model, null);
    assert.equal(d.startIndex, 2);
  });
  test('decisions made by the app from the score are the 0.5 cut-off', () => {
    assert.deepEqual(data(report({ ...PERF, prediction_from: 'score', confusion: undefined })).model, { index: 2, how: 'score' });
  });
  test('several cut-offs with the same counts: the one nearest 0.5', () => {
    const rows = [row(0.3, 2, 1, 1, 0), row(0.45, 2, 1, 1, 0), row(0.6, 2, 1, 1, 0)];
    assert.deepEqual(modelCutoff({ prediction_from: 'column', confusion: { tp: 2, fp: 1, tn: 1, fn: 0 } }, rows), { index: 1, how: 'counts' });
  });
  test('no score column → a clear "no threshold to move" state', () => {
    const { threshold_table: _, ...noScore } = PERF;
    const d = thresholdData(report({ ...noScore }));
    assert.deepEqual(d, { available: false, reason: w.noScore });
    assert.match(w.noScore, /no score column, so there is no threshold to move/);
  });
  test('no model results, an amount outcome, or a broken table each say so', () => {
    assert.deepEqual(thresholdData(report(null)), { available: false, reason: w.noPerformance });
    assert.deepEqual(thresholdData(report({ task: 'regression' })), { available: false, reason: w.notYesNo });
    assert.deepEqual(thresholdData(report({ ...PERF, threshold_table: [ROWS[1], ROWS[0]] })), { available: false, reason: w.badTable });
    assert.deepEqual(thresholdData(report({ ...PERF, threshold_table: [{ threshold: 0.5, tp: 'x' }] })), { available: false, reason: w.badTable });
  });
});

describe('overallAt', () => {
  const d = data(report(PERF));
  test('at .5: accuracy 7/10, precision 3/5, recall 3/4, false alarms 2/6, F1 6/9, selection 5/10', () => {
    const o = overallAt(d, 2);
    assert.equal(o.threshold, 0.5);
    assert.deepEqual(o.confusion, { tp: 3, fp: 2, tn: 4, fn: 1, total: 10 });
    assertClose(o.metrics.accuracy.value, 0.7);
    assertClose(o.metrics.precision.value, 0.6);
    assertClose(o.metrics.recall.value, 0.75);
    assertClose(o.metrics.falsePositiveRate.value, 1 / 3);
    assertClose(o.metrics.f1.value, 2 / 3);
    assertClose(o.metrics.selectionRate.value, 0.5);
    assert.ok(Object.values(o.metrics).every((m) => m.reason === undefined));
  });
  test('at 1 nothing is chosen: precision is undefined with its reason (not 0); recall and F1 really are 0; accuracy 6/10', () => {
    const o = overallAt(d, 4);
    assert.deepEqual(o.metrics.precision, { value: null, reason: w.noPredictedPositives });
    assert.deepEqual(o.metrics.recall, { value: 0 });
    assert.deepEqual(o.metrics.f1, { value: 0 });
    assertClose(o.metrics.accuracy.value, 0.6);
  });
  test('an index out of range is clamped', () => {
    assert.equal(overallAt(d, 99).threshold, 1);
    assert.equal(overallAt(d, -3).threshold, 0);
  });
});

describe('parseThreshold', () => {
  const hundred = Array.from({ length: 101 }, (_, k) => k / 100);
  test('"0.37", ".37" and "37%" are the 38th cut-off; "0.333" rounds to 0.33 and says so', () => {
    for (const s of ['0.37', '.37', ' 37% ']) assert.deepEqual(parseThreshold(s, hundred), { ok: true, index: 37, value: 0.37, rounded: false });
    assert.deepEqual(parseThreshold('0.333', hundred), { ok: true, index: 33, value: 0.33, rounded: true });
  });
  test('empty, words, and values outside 0–1 are refused with what is wrong', () => {
    assert.deepEqual(parseThreshold('', hundred), { ok: false, message: w.thresholdEmpty });
    assert.deepEqual(parseThreshold('half', hundred), { ok: false, message: w.thresholdNotNumber('half') });
    assert.deepEqual(parseThreshold('1.5', hundred), { ok: false, message: w.thresholdOutOfRange });
    assert.deepEqual(parseThreshold('-0.1', hundred), { ok: false, message: w.thresholdOutOfRange });
  });
  test('nearestIndex: the lower one on an exact tie', () => {
    assert.equal(nearestIndex([0, 0.5, 1], 0.75), 1);
  });
});

describe('groups at a cut-off', () => {
  const r = report(PERF, FAIRNESS);
  test('sensitive keys: single columns first, with whether their rates at every cut-off were stored', () => {
    assert.deepEqual(
      sensitiveKeys(r).map((k) => [k.key, k.hasThresholds]),
      [
        ['sex', true],
        ['age', true],
        ['age+sex', false],
      ],
    );
  });
  test('sex at .5: A 60% chosen, B 40%; largest gaps 20 points (selection), 50 points (caught), 0 (false alarms); ratio 0.4/0.6 = 2/3', () => {
    const g = groupsAt(r, 'sex', 0.5);
    assert.ok(g.available);
    assert.equal(g.threshold, 0.5);
    const [a, b, c] = g.groups;
    assert.ok(a?.included && b?.included);
    assert.deepEqual([a.rates.selection_rate.value, a.rates.tpr.value], [0.6, 1]);
    assert.deepEqual([b.rates.selection_rate.value, b.rates.tpr.value, b.count], [0.4, 0.5, 5]);
    assert.deepEqual(c, { group: 'C', count: 2, included: false, reason: 'Only 2 rows (fewer than 30).' });
    assertClose(g.gaps.selection_rate.value, 0.2);
    assert.deepEqual([g.gaps.selection_rate.high, g.gaps.selection_rate.low], ['A', 'B']);
    assertClose(g.gaps.tpr.value, 0.5);
    assertClose(g.gaps.fpr.value, 0);
    assertClose(g.parityRatio.value, 2 / 3);
    assert.deepEqual([g.parityRatio.high, g.parityRatio.low], ['A', 'B']);
  });
  test('sex at .25: B is chosen more (80% against 60%): gap 20 points the other way, ratio 0.75', () => {
    const g = groupsAt(r, 'sex', 0.25);
    assert.ok(g.available);
    assert.deepEqual([g.gaps.selection_rate.high, g.gaps.selection_rate.low], ['B', 'A']);
    assertClose(g.parityRatio.value, 0.75);
  });
  test('at 1 no group is chosen: the ratio is 0 out of 0, said so', () => {
    const g = groupsAt(r, 'sex', 1);
    assert.ok(g.available);
    assert.deepEqual(g.parityRatio, { value: null, high: null, low: null, reason: w.ratioNoneSelected });
    assert.equal(g.gaps.selection_rate.value, 0);
  });
  test('a group with no positives has no "caught" rate (with the reason), so that gap cannot be measured', () => {
    const g = groupsAt(r, 'age', 0.5);
    assert.ok(g.available);
    const young = g.groups[0]!;
    assert.ok(young.included);
    assert.deepEqual(young.rates.tpr, { value: null, reason: w.groupNoPositives });
    assert.deepEqual(g.gaps.tpr, { value: null, high: null, low: null, reason: w.tooFewGroups });
    assertClose(g.parityRatio.value, 0.5);
  });
  test('keys without stored rates, unknown keys and reports without groups each say why', () => {
    assert.deepEqual(groupsAt(r, 'age+sex', 0.5), { available: false, reason: w.noGroupThresholds });
    assert.deepEqual(groupsAt(r, 'region', 0.5), { available: false, reason: w.unknownKey('region') });
    assert.deepEqual(groupsAt(report(PERF), 'sex', 0.5), { available: false, reason: w.noFairness });
  });
});

describe('costs', () => {
  test('a wrong "yes" costs 1, a missed "yes" 5: totals 6, 3, 7, 10, 20; cheapest .25 (3); 7 at .5', () => {
    const c = costCurve(ROWS, { fp: 1, fn: 5 });
    assert.deepEqual(c.totals, [6, 3, 7, 10, 20]);
    assert.equal(c.cheapestIndex, 1);
    assert.equal(c.cheapestTotal, 3);
    assert.equal(c.totals[2], 7);
  });
  test('a tie (costs 1 and 1.5: 3 at .25 and at .75, both 0.25 from 0.5) goes to the lower cut-off', () => {
    const c = costCurve(ROWS, { fp: 1, fn: 1.5 });
    assert.deepEqual(c.totals, [6, 3, 3.5, 3, 6]);
    assert.deepEqual(c.tied, [1, 3]);
    assert.equal(c.cheapestIndex, 1);
  });
  test('a tie up to rounding (0.7 = 1·0.7 and 7·0.1 = 0.7000000000000001) goes to the cut-off nearest 0.5', () => {
    const rows = [
      { threshold: 0.2, fp: 1, fn: 0 },
      { threshold: 0.4, fp: 1, fn: 2 },
      { threshold: 0.7, fp: 0, fn: 7 },
    ];
    const c = costCurve(rows, { fp: 0.7, fn: 0.1 });
    assert.deepEqual(c.tied, [0, 2]);
    assert.equal(c.cheapestIndex, 2);
  });
  test('invalid costs are refused by costCurve itself', () => {
    assert.throws(() => costCurve(ROWS, { fp: 0, fn: 0 }), RangeError);
    assert.throws(() => costCurve(ROWS, { fp: -1, fn: 2 }), RangeError);
    assert.throws(() => costCurve(ROWS, { fp: Number.NaN, fn: 2 }), RangeError);
  });
  test('typed costs: numbers, "1,250" and "$40" are read; words, NaN, negatives and huge numbers are refused with what is wrong', () => {
    assert.deepEqual(parseCost(' 12.5 '), { ok: true, value: 12.5 });
    assert.deepEqual(parseCost('1,250'), { ok: true, value: 1250 });
    assert.deepEqual(parseCost('$40'), { ok: true, value: 40 });
    assert.deepEqual(parseCost('0'), { ok: true, value: 0 });
    assert.deepEqual(parseCost('ten'), { ok: false, message: w.costNotNumber('ten') });
    assert.deepEqual(parseCost('NaN'), { ok: false, message: w.costNotNumber('NaN') });
    assert.deepEqual(parseCost('12abc'), { ok: false, message: w.costNotNumber('12abc') });
    assert.deepEqual(parseCost('-3'), { ok: false, message: w.costNegative });
    assert.deepEqual(parseCost('1e400'), { ok: false, message: w.costTooLarge });
    assert.deepEqual(parseCost(''), { ok: false, message: w.costEmpty });
  });
  test('readCosts: both empty is "no costs"; one bad box is named; both 0 is refused; otherwise the two costs', () => {
    assert.deepEqual(readCosts('', ' '), { state: 'none' });
    assert.deepEqual(readCosts('5', ''), { state: 'invalid', fn: w.costEmpty });
    assert.deepEqual(readCosts('-1', 'x'), { state: 'invalid', fp: w.costNegative, fn: w.costNotNumber('x') });
    assert.deepEqual(readCosts('0', '0'), { state: 'invalid', both: w.costsAllZero });
    assert.deepEqual(readCosts('0', '20'), { state: 'ok', costs: { fp: 0, fn: 20 } });
  });
});
