/**
 * The model check's verdict for several classes and for amounts, and top-label calibration, on
 * small hand-worked examples.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calibrationCheck } from '../../../../src/shared/checks/model/calibration-check';
import { performanceCheck } from '../../../../src/shared/checks/model/performance';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../../../src/shared/checks/options';
import type { Finding } from '../../../../src/shared/findings/types';
import { calibration, topLabelConfidence } from '../../../../src/shared/metrics/calibration';
import type { Table } from '../../../../src/shared/table';
import { modelTexts } from '../../../../src/shared/text/en/model';
import { codes, num, roles, table } from './quality/helpers';

const close = (a: unknown, b: number, eps = 1e-9): void => assert.ok(typeof a === 'number' && Math.abs(a - b) < eps, `${String(a)} ≠ ${b}`);
const headline = (f: Finding): string => modelTexts[f.check]!.headline(f);
const times = <T>(xs: T[], k: number): T[] => Array.from({ length: k }, () => xs).flat();

function performance(t: Table, r: Parameters<typeof roles>[0]): Finding {
  return performanceCheck.run({ table: t, columns: [], roles: roles(r), options: DEFAULT_CHECK_OPTIONS, now: 0 }).findings[0]!;
}

describe('several classes: accuracy against always answering the most common class', () => {
  const truth = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'c'];
  const mc = { target: 'y', prediction: 'p', task: 'multiclass' as const };

  test('always answering "a" is right 60% of the time, no better than the baseline → high', () => {
    const f = performance(table(codes('y', truth), codes('p', Array<string>(10).fill('a'))), mc);
    assert.equal(f.status, 'issue');
    assert.equal(f.severity, 'high');
    close(f.numbers.accuracy, 0.6);
    close(f.numbers.baseline_accuracy, 0.6);
    assert.equal(f.numbers.majority_class, 'a');
    // P(X ≥ 6), X ~ Binomial(10, 0.6) = 0.6331032576 (scipy.stats.binomtest, alternative="greater").
    close(f.numbers.accuracy_vs_baseline_p, 0.6331032576);
    assert.equal(headline(f), 'The model is right 60% of the time on 10 rows; always answering “a” would be right 60%.');
  });
  test('right 70% against 60%: better, but not clearly (p = 0.382) → medium', () => {
    const f = performance(table(codes('y', truth), codes('p', ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'a', 'a'])), mc);
    close(f.numbers.accuracy, 0.7);
    close(f.numbers.accuracy_vs_baseline_p, 0.3822806016);
    assert.equal(f.severity, 'medium');
    assert.equal(f.status, 'issue');
  });
  test('right 38 of 40 against 50%: clearly better (p ≈ 7.5e-10) → passed, with macro F1', () => {
    const y = times(['a', 'a', 'b', 'c'], 10);
    const p = y.map((v, i) => (i < 2 ? 'c' : v));
    const f = performance(table(codes('y', y), codes('p', p)), mc);
    close(f.numbers.accuracy, 0.95);
    close(f.numbers.baseline_accuracy, 0.5);
    close(f.numbers.accuracy_vs_baseline_p, 7.466951501555741e-10, 1e-15);
    assert.equal(f.status, 'passed');
    assert.equal(f.severity, 'info');
    assert.equal(typeof f.numbers.macro_f1, 'number');
    assert.deepEqual(f.chart && f.chart.kind, 'confusion');
  });
});

describe('amounts: R² and the mean predictor', () => {
  const reg = { target: 'y', prediction: 'p', task: 'regression' as const };
  test('guessing the mean (R² = 0) → high; MAE equals the mean predictor’s', () => {
    const f = performance(table(num('y', [1, 2, 3, 4]), num('p', [2.5, 2.5, 2.5, 2.5])), reg);
    close(f.numbers.r2, 0);
    close(f.numbers.mae, 1); // (1.5 + 0.5 + 0.5 + 1.5) / 4
    close(f.numbers.baseline_mae, 1);
    assert.equal(f.severity, 'high');
    assert.equal(headline(f), 'The model’s guess is off by 1 on average; always guessing the average would be off by 1 (R² 0).');
  });
  test('R² above 0 but a larger absolute error than the mean predictor → medium', () => {
    // Truth 0,0,0,0,10 (mean 2): the mean is off by 2,2,2,2,8 → MAE 3.2, Σ² 80. The model is off by
    // 3.3 everywhere → MAE 3.3, Σ² 54.45, R² = 1 − 54.45/80 = 0.3194.
    const f = performance(table(num('y', [0, 0, 0, 0, 10]), num('p', [3.3, -3.3, 3.3, -3.3, 13.3])), reg);
    close(f.numbers.r2, 1 - 54.45 / 80);
    close(f.numbers.mae, 3.3);
    close(f.numbers.baseline_mae, 3.2);
    assert.equal(f.severity, 'medium');
    assert.equal(f.status, 'issue');
  });
  test('a useful model passes: R² 0.8, MAE 0.25 against 1', () => {
    const f = performance(table(num('y', [1, 2, 3, 4]), num('p', [1, 2, 3, 5])), reg);
    close(f.numbers.r2, 0.8);
    assert.equal(f.status, 'passed');
  });
  test('every true value equal: R² undefined, said, not enough data to judge', () => {
    const f = performance(table(num('y', [5, 5, 5]), num('p', [4, 5, 6])), reg);
    assert.equal(f.numbers.r2, null);
    assert.equal(f.status, 'not-enough-data');
    assert.match(headline(f), /every true value is 5, so R² is undefined/);
  });
});

describe('top-label calibration (Guo et al. 2017)', () => {
  // Rows: true a b b c; answers a a b b; scores for (a, b, c):
  const y = ['a', 'b', 'b', 'c'];
  const p = ['a', 'a', 'b', 'b'];
  const sa = [0.9, 0.8, 0.3, 0.2];
  const sb = [0.05, 0.1, 0.6, 0.55];
  const sc = [0.05, 0.1, 0.1, 0.25];
  test('confidence = the answered class’s score; right = the answer was right', () => {
    const { right, confidence } = topLabelConfidence(Int32Array.from([0, 1, 1, 2]), Int32Array.from([0, 0, 1, 1]), [Float64Array.from(sa), Float64Array.from(sb), Float64Array.from(sc)]);
    assert.deepEqual([...right], [1, 0, 1, 0]);
    assert.deepEqual([...confidence], [0.9, 0.8, 0.6, 0.55]);
    // Without answers, the class with the highest score (the same here).
    const byArgmax = topLabelConfidence(Int32Array.from([0, 1, 1, 2]), null, [Float64Array.from(sa), Float64Array.from(sb), Float64Array.from(sc)]);
    assert.deepEqual([...byArgmax.confidence], [0.9, 0.8, 0.6, 0.55]);
    // Bins (0.8, 0.9]: 0.9 right; (0.7, 0.8]: 0.8 wrong; (0.5, 0.6]: 0.6 right, 0.55 wrong.
    // ECE = ¼·|0.9 − 1| + ¼·|0.8 − 0| + ½·|0.575 − 0.5| = 0.025 + 0.2 + 0.0375 = 0.2625.
    close(calibration(right, confidence).ece.value, 0.2625, 1e-12);
  });
  test('the check: same finding, numbers and severity rule as for yes/no scores', () => {
    const k = 10; // 40 rows, the same ECE
    const t = table(codes('y', times(y, k)), codes('p', times(p, k)), num('score_a', times(sa, k)), num('score_b', times(sb, k)), num('score_c', times(sc, k)));
    const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, minGroupSize: 5 };
    const r = roles({ target: 'y', prediction: 'p', task: 'multiclass', classScores: { a: 'score_a', b: 'score_b', c: 'score_c' } });
    const out = calibrationCheck.run({ table: t, columns: [], roles: r, options, now: 0 });
    const f = out.findings[0]!;
    assert.equal(f.id, 'model.calibration:overall');
    close(f.numbers.ece, 0.2625, 1e-12);
    assert.equal(f.severity, 'high');
    assert.equal(f.numbers.kind, 'top-label');
    close(f.numbers.accuracy, 0.5);
    close(f.numbers.mean_confidence, (0.9 + 0.8 + 0.6 + 0.55) / 4, 1e-12);
    assert.equal(f.chart?.kind, 'reliability');
    assert.equal((out.evidence as { kind: string }).kind, 'top-label');
    // The bin with the largest gap among bins with ≥ 5 rows: 80% sure, right 0% of the time.
    assert.equal(headline(f), 'When the model is 80% sure of its answer, it is right 0% of the time (off by 26% on average).');
  });
});
