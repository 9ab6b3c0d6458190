import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classImbalanceCheck } from '../../../../../src/shared/checks/quality/imbalance';
import { impossibleValuesCheck } from '../../../../../src/shared/checks/quality/impossible';
import { assertClose } from '../../metrics/assert-close';
import { codes, dates, isPassed, issues, num, only, run, table } from './helpers';

describe('quality.impossible-values', () => {
  test('ages below 0 or above 130 in a column named like an age (any language)', () => {
    const f = only(run(impossibleValuesCheck, table(num('Edad', [-1, 30, 131, 130, 0], 'integer'), num('mileage', [-5, 1, 2, 3, 4]))));
    assert.equal(f.id, 'quality.impossible-values:Edad:age');
    assert.equal(f.numbers.count, 2);
    assert.equal(f.numbers.below, 1);
    assert.equal(f.numbers.lowest, '-1');
    assert.equal(f.numbers.highest, '131');
    assert.deepEqual(f.rows, { count: 2, examples: [1, 3] });
    assert.equal(f.severity, 'high'); // 40%
  });
  test('probabilities: the score column, or a probability-like name with ≥ 90% of values in [0, 1]', () => {
    const score = num('vendor_score', [-0.1, 0.5, 1.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
    const named = num('churn_probability', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.5]);
    const creditScore = num('credit_score', [300, 850, 700, 0.5, 1, 1, 1, 1, 1, 900]);
    const out = run(impossibleValuesCheck, table(score, named, creditScore), { roles: { score: 'vendor_score' } });
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['churn_probability', 'vendor_score']);
    assert.equal(byColumn.vendor_score!.numbers.count, 2);
    assert.equal(byColumn.churn_probability!.numbers.count, 1);
    assert.equal(byColumn.churn_probability!.severity, 'high'); // 10%
  });
  test('dates after now or before 1900-01-01; a share under 5% is medium', () => {
    const values = [...Array<string>(40).fill('2025-01-01'), '2027-03-01', '1899-12-31', '1900-01-01', '2026-11-27'];
    const out = run(impossibleValuesCheck, table(dates('application_date', values)));
    const ids = issues(out).map((f) => f.id).sort();
    assert.deepEqual(ids, ['quality.impossible-values:application_date:early-date', 'quality.impossible-values:application_date:future-date']);
    const future = issues(out).find((f) => f.id.endsWith('future-date'))!;
    assert.equal(future.numbers.count, 1); // "now" itself (2026-11-27 00:00 UTC) is not in the future
    assert.equal(future.numbers.highest, '2027-03-01');
    assert.equal(future.severity, 'medium');
  });
  test('clean values → passed', () => {
    assert.ok(isPassed(run(impossibleValuesCheck, table(num('age', [0, 45, 130]), dates('d', ['1900-01-01', '2000-02-29', '2026-11-27'])))));
  });
});

describe('quality.class-imbalance', () => {
  test('binary: minority share with its Wilson interval; exactly 5% is medium (high is below 5%)', () => {
    const y = num('y', Array.from({ length: 20 }, (_, i) => (i === 7 ? 1 : 0)), 'integer');
    const f = only(run(classImbalanceCheck, table(y), { roles: { target: 'y', task: 'binary', positiveClass: '1' } }));
    assert.equal(f.numbers.minorityClass, '1');
    assert.equal(f.numbers.share, 0.05);
    assert.equal(f.severity, 'medium');
    assert.equal(f.confidence.kind, 'estimate');
    // Wilson 95% for 1 of 20 (statsmodels proportion_confint(1, 20, method='wilson')).
    assertClose(f.confidence.interval?.lower, 0.008881448800795375, 1e-12);
    assertClose(f.confidence.interval?.upper, 0.236131193446742, 1e-12);
  });
  test('below 5% → high; one class only → high; balanced → passed with the numbers', () => {
    const rare = codes('y', Array.from({ length: 100 }, (_, i) => (i < 4 ? 'yes' : 'no')));
    assert.equal(only(run(classImbalanceCheck, table(rare), { roles: { target: 'y', task: 'binary' } })).severity, 'high');
    const single = codes('y', ['a', 'a', null]);
    const f = only(run(classImbalanceCheck, table(single), { roles: { target: 'y', task: 'binary' } }));
    assert.equal(f.severity, 'high');
    assert.equal(f.numbers.classes, 1);
    const balanced = run(classImbalanceCheck, table(codes('y', ['a', 'b', 'a', 'b'])), { roles: { target: 'y', task: 'binary' } });
    assert.ok(isPassed(balanced));
    assert.equal(balanced.findings[0]!.numbers.share, 0.5);
  });
  test('multiclass: thresholds scaled by 2/K', () => {
    const values = [...Array<string>(40).fill('a'), ...Array<string>(40).fill('b'), ...Array<string>(15).fill('c'), ...Array<string>(5).fill('d')];
    const f = only(run(classImbalanceCheck, table(codes('y', values)), { roles: { target: 'y', task: 'multiclass' } }));
    assert.equal(f.numbers.share, 0.05);
    assert.equal(f.numbers.mediumThreshold, 0.1);
    assert.equal(f.severity, 'medium');
  });
  test('no target or a regression task → no findings (not applicable)', () => {
    assert.deepEqual(run(classImbalanceCheck, table(num('y', [1, 2]))).findings, []);
    assert.deepEqual(run(classImbalanceCheck, table(num('y', [1, 2])), { roles: { target: 'y', task: 'regression' } }).findings, []);
  });
});
