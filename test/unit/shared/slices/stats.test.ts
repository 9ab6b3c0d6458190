import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hypergeometricUpperTail, normalUpperTail, studentUpperTail } from '../../../../src/shared/slices/distributions';
import { evaluateCustomSlice } from '../../../../src/shared/slices/custom';
import { resolveOutcome } from '../../../../src/shared/checks/model/outcome';
import { rowErrors, type RowErrors } from '../../../../src/shared/slices/row-errors';
import { errorWithInterval, fisherExactGreater, sliceStatistics, welchTTest } from '../../../../src/shared/slices/stats';
import { BINARY_ROLES, codes, num, roles } from './helpers';
import type { Table } from '../../../../src/shared/table';

const close = (actual: number | null | undefined, expected: number, tol = 1e-9): void => {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);
};

test('distributions match scipy (norm.sf, t.sf, hypergeom.sf)', () => {
  close(normalUpperTail(1.96), 0.024997895148220435, 1e-12);
  close(normalUpperTail(10), 7.619853024160527e-24, 1e-10);
  close(normalUpperTail(-1), 0.8413447460685429, 1e-12);
  close(studentUpperTail(2.1, 5), 0.044876624942299395, 1e-10);
  close(studentUpperTail(0.5, 30.5), 0.31033176195726286, 1e-10);
  close(studentUpperTail(-1.2, 12), 0.8733526348732028, 1e-10);
  close(studentUpperTail(8, 3), 0.002038288793892733, 1e-10);
  // hypergeom.sf(k − 1, N, K, n)
  close(hypergeometricUpperTail(42, 3000, 600, 122), 9.948102518180017e-5, 1e-9);
  close(hypergeometricUpperTail(10, 3000, 600, 122), 0.9999228040617273, 1e-9);
  close(hypergeometricUpperTail(25, 3000, 600, 122), 0.4822820723433081, 1e-9);
  close(hypergeometricUpperTail(180_500, 1_000_000, 300_000, 600_000), 0.013034378404862986, 1e-6);
  assert.equal(hypergeometricUpperTail(0, 10, 3, 4), 1);
});

// Ten rows; the slice (group = A) has 4 rows, 3 of them wrong; the other 6 rows have 1 wrong.
const tiny: Table = {
  rowCount: 10,
  columns: [
    codes('group', ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'B']),
    codes('outcome', ['yes', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'no']),
    codes('decision', ['no', 'yes', 'no', 'no', 'yes', 'no', 'yes', 'no', 'no', 'no']),
  ],
};

test('hand-worked statistics: lift, Wilson intervals, one-sided Fisher exact p-value', () => {
  const s = sliceStatistics({ n: 4, sum: 3, sumSq: 3 }, { n: 10, sum: 4, sumSq: 4 }, true, 0.95);
  assert.equal(s.size, 4);
  assert.equal(s.share, 0.4);
  assert.equal(s.error.value, 0.75);
  close(s.error_outside.value, 1 / 6, 1e-15);
  // lift = 0.75 / (1/6) = 4.5
  close(s.lift, 4.5, 1e-12);
  // Wilson 95% (statsmodels proportion_confint(3, 4, method='wilson')): 0.30064…, 0.95441…
  close(s.error.interval?.lower, 0.30064184258240184, 1e-12);
  close(s.error.interval?.upper, 0.9544127391902995, 1e-12);
  close(s.error_outside.interval?.lower, 0.03005336974830658, 1e-12);
  close(s.error_outside.interval?.upper, 0.5635028221864702, 1e-12);
  assert.equal(s.error.interval?.method, 'wilson');
  // P(X ≥ 3), X ~ Hypergeometric(10 rows, 4 errors, 4 drawn) = (C(4,3)·C(6,1) + C(4,4)) / C(10,4) = 25/210;
  // scipy.stats.fisher_exact([[3, 1], [1, 5]], alternative='greater') → 0.119047…
  close(s.p_value, 25 / 210, 1e-12);
  close(fisherExactGreater(3, 4, 1, 6), 0.11904761904761904, 1e-12);
});

test('a person-defined slice gets the same numbers on a real table, with its plain p-value and no q-value', () => {
  const errors = rowErrors(resolveOutcome(tiny, BINARY_ROLES)) as RowErrors;
  assert.equal(errors.kind, 'misclassification');
  const r = evaluateCustomSlice(tiny, BINARY_ROLES, errors, 'group = A', { minGroupSize: 3, confidenceLevel: 0.95 });
  assert.equal(r.parse_error, null);
  if (r.parse_error !== null) return;
  assert.equal(r.size, 4);
  assert.equal(r.error.value, 0.75);
  close(r.lift, 4.5, 1e-12);
  close(r.p_value, 25 / 210, 1e-12);
  assert.equal(r.q_value, null);
  assert.equal(r.enough_data, true);
  assert.deepEqual(r.examples, [1, 2, 3, 4]);
  assert.equal(r.description, 'group = A');
});

test('lift is null with a reason when the model makes no errors outside the slice', () => {
  const s = sliceStatistics({ n: 4, sum: 2, sumSq: 2 }, { n: 10, sum: 2, sumSq: 2 }, true, 0.95);
  assert.equal(s.lift, null);
  assert.match(s.lift_reason ?? '', /no errors outside/);
});

test('mean errors: normal interval and one-sided Welch t test as scipy.stats.ttest_ind(equal_var=False, alternative="greater")', () => {
  const a = [0.5, 2.0, 3.5, 1.0, 4.0];
  const b = [0.2, 0.4, 1.1, 0.3, 0.9, 0.5, 0.7];
  const m = (xs: number[]) => ({ n: xs.length, sum: xs.reduce((s, x) => s + x, 0), sumSq: xs.reduce((s, x) => s + x * x, 0) });
  close(welchTTest(m(a), m(b)), 0.03812385232709745, 1e-9);
  const e = errorWithInterval(m(a), false, 0.95);
  close(e.value, 2.2, 1e-12);
  // mean ± 1.959964 · s / √n with s the sample standard deviation (ddof = 1)
  close(e.interval?.lower, 0.8634827529647184, 1e-9);
  close(e.interval?.upper, 3.536517247035282, 1e-9);
});

test('row errors: log loss with only a score, absolute error for amounts, not available without a prediction', () => {
  const t: Table = { rowCount: 4, columns: [codes('y', ['1', '0', '1', '0']), num('score', [0.9, 0.2, 0.4, 0.5])] };
  const ll = rowErrors(resolveOutcome(t, roles({ target: 'y', score: 'score', task: 'binary', positiveClass: '1' }))) as RowErrors;
  assert.equal(ll.kind, 'log_loss');
  assert.equal(ll.binary, false);
  close(ll.values[0], -Math.log(0.9), 1e-12);
  close(ll.values[1], -Math.log(0.8), 1e-12);
  const reg: Table = { rowCount: 3, columns: [num('price', [10, 20, 30]), num('guess', [12, 20, 25])] };
  const ae = rowErrors(resolveOutcome(reg, roles({ target: 'price', prediction: 'guess', task: 'regression' }))) as RowErrors;
  assert.equal(ae.kind, 'absolute_error');
  assert.deepEqual([...ae.values], [2, 0, 5]);
  const none = rowErrors(resolveOutcome(reg, roles({ target: 'price', task: 'regression' })));
  assert.ok('reason' in none);
});
