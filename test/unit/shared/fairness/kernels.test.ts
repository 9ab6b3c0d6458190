import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFairness, analyzeGrouping, type BinaryKeyAnalysis, type RegressionKeyAnalysis } from '../../../../src/shared/fairness/analyze';
import { columnGrouping } from '../../../../src/shared/fairness/groups';
import { prepareBinary, prepareRegression } from '../../../../src/shared/fairness/prepare';
import { REASONS } from '../../../../src/shared/metrics/reasons';
import { close, codes, relClose, rep, u8 } from './helpers';

const LOOSE = { minGroupSize: 1, minClassCount: 1, level: 0.95, referenceGroups: {} };
const DEFAULTS = { minGroupSize: 30, minClassCount: 5, level: 0.95, referenceGroups: {} };

function binary(sf: (string | null)[], yTrue: number[], yPred: number[], settings = LOOSE): BinaryKeyAnalysis {
  const a = analyzeGrouping(prepareBinary(u8(yTrue), u8(yPred), null), columnGrouping(codes('sf', sf)), settings);
  assert.equal(a.task, 'binary');
  return a as BinaryKeyAnalysis;
}

describe('the fairlearn user guide example (docs/user_guide/assessment/perform_fairness_assessment.rst)', () => {
  // Published arrays and MetricFrame.by_group output, read from the fairlearn repository
  // (docs/user_guide/assessment/perform_fairness_assessment.rst and common_fairness_metrics.rst; the
  // same 18-row arrays in both — the 20-row y_true quoted in our brief is not in those pages): a tpr 0.5 fpr 1.0 sel 0.75 count 4; b 0.6 0.0 0.50 6; c 0.4 0.666667 0.50 8;
  // demographic_parity_difference 0.25, ratio 0.66666…, equalized_odds_difference 1.0.
  const yTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
  const yPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
  const sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];
  // fairlearn compares every group; with the default small-group rule all three would be "small".
  const a = binary(sf, yTrue, yPred);
  const g = (name: string) => a.groups.find((x) => x.group === name)!;
  test('by group: tpr, fpr, selection rate, count', () => {
    assert.deepEqual(a.groups.map((x) => x.group), ['b', 'a', 'c']);
    for (const [name, tpr, fpr, sel, count] of [
      ['a', 0.5, 1.0, 0.75, 4],
      ['b', 0.6, 0.0, 0.5, 6],
      ['c', 0.4, 2 / 3, 0.5, 8],
    ] as const) {
      close(g(name).tpr.value, tpr, 1e-15, `${name} tpr`);
      close(g(name).fpr.value, fpr, 1e-15, `${name} fpr`);
      close(g(name).selectionRate.value, sel, 1e-15, `${name} sel`);
      assert.equal(g(name).count, count);
    }
  });
  test('differences and ratios', () => {
    close(a.disparities.demographicParityDifference.value, 0.25);
    close(a.disparities.demographicParityRatio.value, 2 / 3);
    close(a.disparities.equalizedOddsDifference.value, 1.0);
    assert.equal(a.disparities.equalizedOddsDifference.metric, 'fpr');
    assert.deepEqual([a.disparities.equalizedOddsDifference.highGroup, a.disparities.equalizedOddsDifference.lowGroup], ['a', 'b']);
    // MetricFrame.difference(): tpr 0.20; hand-worked precision a 1/3, b 3/3, c 2/4 → 2/3.
    close(a.disparities.equalOpportunityDifference.value, 0.2);
    close(a.disparities.predictiveParityDifference.value, 2 / 3);
  });
  test('hand-worked confusion counts, FNR, precision, accuracy, base rate, shares', () => {
    assert.deepEqual(g('a').confusion, { tn: 0, fp: 2, fn: 1, tp: 1 });
    assert.deepEqual(g('b').confusion, { tn: 1, fp: 0, fn: 2, tp: 3 });
    assert.deepEqual(g('c').confusion, { tn: 1, fp: 2, fn: 3, tp: 2 });
    close(g('c').fnr.value, 0.6);
    close(g('c').precision.value, 0.5);
    close(g('c').accuracy.value, 3 / 8);
    close(g('b').baseRate.value, 5 / 6);
    close(g('c').share, 8 / 18);
  });
  test('Wilson 95% intervals (statsmodels proportion_confint method="wilson")', () => {
    // a: tpr 1 of 2 → (0.0945312057342, 0.9054687942658); selection 3 of 4 → (0.3006418425824, 0.9544127391903).
    close(g('a').tpr.ci!.lower, 0.09453120573423074, 1e-12);
    close(g('a').tpr.ci!.upper, 0.9054687942657693, 1e-12);
    close(g('a').selectionRate.ci!.lower, 0.30064184258240184, 1e-12);
    close(g('a').selectionRate.ci!.upper, 0.9544127391902995, 1e-12);
  });
});

describe('disparities on a hand example, with small groups excluded', () => {
  // men: TP 40, FN 10, FP 20, TN 30 → selection 0.6, TPR 0.8, FPR 0.4, precision 2/3.
  // women: TP 30, FN 20, FP 10, TN 40 → selection 0.4, TPR 0.6, FPR 0.2, precision 0.75.
  // other: 10 rows → small (fewer than 30), listed, left out.
  const cells = (g: string, tp: number, fn: number, fp: number, tn: number) => ({
    sf: rep<string | null>([g, tp + fn + fp + tn]),
    y: rep([1, tp], [1, fn], [0, fp], [0, tn]),
    p: rep([1, tp], [0, fn], [1, fp], [0, tn]),
  });
  const parts = [cells('men', 40, 10, 20, 30), cells('women', 30, 20, 10, 40), cells('other', 5, 0, 0, 5)];
  const a = binary(parts.flatMap((x) => x.sf), parts.flatMap((x) => x.y), parts.flatMap((x) => x.p), DEFAULTS);
  test('small group flagged with its reason and excluded', () => {
    const other = a.groups.find((g) => g.group === 'other')!;
    assert.equal(other.small, true);
    assert.equal(other.smallReason, 'Only 10 rows (fewer than 30).');
    assert.deepEqual(a.excludedGroups, ['other']);
    // "other" selects 50%: had it been included the max would still be men; its TPR 1.0 would have won.
    close(a.spreads.tpr.high, 0.8);
  });
  test('fairlearn definitions over men and women', () => {
    const d = a.disparities;
    close(d.demographicParityDifference.value, 0.2);
    close(d.demographicParityRatio.value, 0.4 / 0.6);
    assert.deepEqual([d.demographicParityRatio.highGroup, d.demographicParityRatio.lowGroup], ['men', 'women']);
    close(d.equalizedOddsDifference.value, 0.2); // TPR gap 0.2 = FPR gap 0.2
    close(d.equalOpportunityDifference.value, 0.2);
    close(d.predictiveParityDifference.value, 0.75 - 2 / 3);
  });
  test('reference group (the largest; men and women tie, first wins) and ratios to it', () => {
    assert.deepEqual(a.reference, { group: 'men', chosenBy: 'largest' });
    close(a.ratioToReference.women!.selection_rate, 0.4 / 0.6);
    close(a.ratioToReference.women!.fpr, 0.5);
    assert.equal(a.ratioToReference.other!.selection_rate, null);
    const chosen = analyzeGrouping(prepareBinary(u8(parts.flatMap((x) => x.y)), u8(parts.flatMap((x) => x.p)), null), columnGrouping(codes('sf', parts.flatMap((x) => x.sf))), { ...DEFAULTS, referenceGroups: { sf: 'women' } }) as BinaryKeyAnalysis;
    assert.deepEqual(chosen.reference, { group: 'women', chosenBy: 'person' });
    close(chosen.ratioToReference.men!.selection_rate, 1.5);
  });
  test('the tests behind each gap: pooled z (scipy-computed p), then BH over all of them', () => {
    const t = Object.fromEntries(a.tests.map((x) => [x.metric, x]));
    assert.deepEqual(Object.keys(t), ['selection_rate', 'tpr', 'fpr', 'precision']);
    assert.equal(t.selection_rate!.method, 'two-proportion-z');
    assert.deepEqual([t.selection_rate!.high, t.selection_rate!.low], [{ value: 0.6, k: 60, n: 100 }, { value: 0.4, k: 40, n: 100 }]);
    close(t.selection_rate!.pValue, 0.0046777349810472576, 1e-12); // z = 0.2/√(0.25·0.02) = 2.828…
    close(t.tpr!.pValue, 0.029096331741252188, 1e-12); // 40/50 vs 30/50
    close(t.fpr!.pValue, 0.029096331741252188, 1e-12); // 20/50 vs 10/50
    close(t.precision!.pValue, 0.372998483613487, 1e-12); // 30/40 vs 40/60
    const run = analyzeFairness(prepareBinary(u8(parts.flatMap((x) => x.y)), u8(parts.flatMap((x) => x.p)), null), [columnGrouping(codes('sf', parts.flatMap((x) => x.sf)))], [], { ...DEFAULTS, fdr: 0.05 });
    const q = run.analyses[0]!.tests.map((x) => x.qValue!);
    // scipy.stats.false_discovery_control (= statsmodels fdr_bh) of the four p-values.
    [0.018710939924188708, 0.03879510898833625, 0.03879510898833625, 0.372998483613487].forEach((v, i) => close(q[i], v, 1e-12));
    assert.deepEqual(run.analyses[0]!.tests.map((x) => x.significant), [true, true, true, false]);
  });
});

describe('undefined values are null with a reason, never 0', () => {
  test('a group with no actual positives: TPR and FNR null; no predicted positives: precision null', () => {
    const a = binary(['x', 'x', 'x', 'y', 'y'], [0, 0, 0, 1, 0], [0, 0, 0, 1, 1]);
    const x = a.groups[0]!;
    assert.equal(x.tpr.value, null);
    assert.equal(x.tpr.reason, REASONS.noActualPositives);
    assert.equal(x.fnr.value, null);
    assert.equal(x.precision.value, null);
    assert.equal(x.precision.reason, REASONS.noPredictedPositives);
    assert.equal(x.selectionRate.value, 0); // 0 of 3 is a real 0
  });
  test('fewer than two groups to compare: every disparity null with the reason', () => {
    const a = binary(['x', 'x', 'y'], [0, 1, 1], [0, 1, 1], DEFAULTS);
    assert.equal(a.disparities.demographicParityDifference.value, null);
    assert.match(a.disparities.demographicParityDifference.reason!, /Fewer than two groups/);
    assert.equal(a.tests.length, 0);
  });
  test('nobody selected in any group: ratio 0/0 is null, difference 0', () => {
    const a = binary(['x', 'x', 'y', 'y'], [0, 1, 1, 0], [0, 0, 0, 0]);
    assert.equal(a.disparities.demographicParityDifference.value, 0);
    assert.equal(a.disparities.demographicParityRatio.value, null);
    assert.match(a.disparities.demographicParityRatio.reason!, /0 out of 0/);
  });
  test('too few of one outcome makes a group small even when it is big', () => {
    const sf = rep(['x', 40], ['y', 40]);
    const y = [...rep([1, 3], [0, 37]), ...rep([1, 20], [0, 20])];
    const a = binary(sf, y, y, DEFAULTS);
    assert.equal(a.groups[0]!.smallReason, 'Only 3 rows with the positive outcome (fewer than 5).');
    assert.equal(a.groups[1]!.small, false);
  });
});

describe('amounts (regression): MAE and RMSE per group, Welch test on the gap', () => {
  test('hand-worked', () => {
    // g1 errors |e| = 1, 3 (×20 each) → MAE 2, RMSE √5; g2 errors 1 (×40) → MAE 1, RMSE 1.
    const sf = rep(['g1', 40], ['g2', 40]);
    const yTrue = new Float64Array(80);
    const yPred = Float64Array.from([...rep([1, 20], [-3, 20]), ...rep([1, 40])]);
    const a = analyzeGrouping(prepareRegression(yTrue, yPred), columnGrouping(codes('sf', sf)), DEFAULTS) as RegressionKeyAnalysis;
    close(a.groups[0]!.mae.value, 2);
    close(a.groups[0]!.rmse.value, Math.sqrt(5));
    close(a.groups[1]!.mae.value, 1);
    close(a.maeDifference.value, 1);
    close(a.maeRatio.value, 0.5);
    assert.equal(a.maeDifference.highGroup, 'g1');
    // Sample variance of |e| in g1: 40·1/39; z = 1/√((40/39)/40) = √39 → p = 2·Q(√39).
    close(a.groups[0]!.absErrorVariance, 40 / 39);
    relClose(a.tests[0]!.pValue, 2 * 2.1190277130397217e-10, 1e-11); // scipy: 2·norm.sf(√39)
    // MAE interval: 2 ± 1.959964·√((40/39)/40).
    close(a.groups[0]!.mae.ci!.upper, 2 + 1.959963984540054 * Math.sqrt(40 / 39 / 40), 1e-12);
  });
});
