import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { associatedCategoriesCheck, cramersV } from '../../../../../src/shared/checks/quality/association';
import { conflictingLabelRows, conflictingLabelsCheck } from '../../../../../src/shared/checks/quality/conflicting-labels';
import { correlatedColumnsCheck } from '../../../../../src/shared/checks/quality/correlation';
import { targetLeakageCheck } from '../../../../../src/shared/checks/quality/leakage';
import { assertClose } from '../../metrics/assert-close';
import { codes, isPassed, issues, num, only, run, table } from './helpers';

const binary = { target: 'y', task: 'binary' as const, positiveClass: '1' };

describe('quality.conflicting-labels', () => {
  test('identical feature rows with different outcomes: groups and rows; ids, timestamps and the score ignored', () => {
    const t = table(
      num('id', [1, 2, 3, 4, 5, 6, 7]),
      num('a', [1, 1, 1, 2, 2, 3, 3]),
      codes('b', ['x', 'x', 'x', 'x', 'x', 'y', 'y']),
      num('s', [0.1, 0.9, 0.3, 0.4, 0.5, 0.6, 0.7]),
      num('y', [1, 0, 1, 1, 1, 0, null], 'integer'),
    );
    const f = only(run(conflictingLabelsCheck, t, { roles: { ...binary, ids: ['id'], score: 's' } }));
    assert.equal(f.numbers.groups, 1);
    assert.equal(f.numbers.rows, 3);
    assert.equal(f.numbers.present, 6);
    assert.deepEqual(f.rows, { count: 3, examples: [1, 2, 3] });
    assert.equal(f.severity, 'medium');
    // The row-set function the export uses, from the finding's outcome and features: the same rows.
    assert.deepEqual(f.columns, ['y', 'a', 'b']);
    assert.deepEqual([...conflictingLabelRows(t, 'y', ['a', 'b'])!], [0, 1, 2]);
    assert.equal(conflictingLabelRows(t, 'y', ['a', 'missing']), null);
  });
  test('consistent outcomes → passed; regression → not applicable', () => {
    const t = table(num('a', [1, 1, 2]), num('y', [1, 1, 0]));
    assert.ok(isPassed(run(conflictingLabelsCheck, t, { roles: binary })));
    assert.deepEqual(run(conflictingLabelsCheck, t, { roles: { target: 'y', task: 'regression' } }).findings, []);
  });
});

describe('quality.target-leakage', () => {
  test('a number column as a score: AUC as sklearn (docstring example 0.75), reversed columns count too', () => {
    const y = num('y', [0, 0, 1, 1], 'integer');
    const out = run(targetLeakageCheck, table(y, num('s', [0.1, 0.4, 0.35, 0.8]), num('rev', [0.9, 0.6, 0.65, 0.2])), { roles: binary, options: { leakageAuc: 0.7 } });
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assertClose(Number(byColumn.s!.numbers.auc), 0.75);
    assertClose(Number(byColumn.rev!.numbers.auc), 0.75);
    assert.equal(byColumn.s!.severity, 'high');
  });
  test('a category column scored by its positive rate (same rows): hand-worked AUC 8/9', () => {
    // Rates: a = 1, b = 1/3, c = 0. Positive–negative pairs: a beats all 3 (×2 rows), b ties two
    // negatives (½ each) and beats one: (6 + 2) / 9.
    const t = table(num('y', [1, 1, 0, 0, 1, 0], 'integer'), codes('c', ['a', 'a', 'b', 'b', 'b', 'c']));
    const out = run(targetLeakageCheck, t, { roles: binary, options: { leakageAuc: 0.85 } });
    const f = only(out);
    assertClose(Number(f.numbers.auc), 8 / 9, 1e-12);
    assert.equal(f.numbers.method, 'category-rate');
    assert.equal(f.numbers.nearCopy, false); // three values: not a two-value copy
  });
  test('a near copy (≥ 99% equal after mapping) is critical; prediction, score and ids are not suspects', () => {
    const n = 200;
    const yv = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
    const t = table(
      num('y', yv, 'integer'),
      codes('collections', yv.map((v, i) => (i === 5 ? 'yes' : v === 0 ? 'yes' : 'no')), 'boolean'),
      num('pred', yv),
      num('key', yv),
      num('noise', Array.from({ length: n }, (_, i) => (i * 7919) % 101)),
    );
    const out = run(targetLeakageCheck, t, { roles: { ...binary, prediction: 'pred', ids: ['key'] } });
    const f = only(out);
    assert.equal(f.columns[0], 'collections');
    assert.equal(f.severity, 'critical');
    assert.equal(f.numbers.agreement, 199 / 200);
    assert.equal(f.numbers.nearCopy, true);
  });
  test('categories above highCardinality are skipped; no binary task → not applicable; clean → passed', () => {
    const t = table(num('y', [1, 0, 1, 0], 'integer'), codes('c', ['a', 'b', 'c', 'd']));
    const out = run(targetLeakageCheck, t, { roles: binary, options: { highCardinality: 3 } });
    assert.ok(isPassed(out));
    assert.deepEqual(out.evidence.skipped, ['c']);
    assert.deepEqual(run(targetLeakageCheck, t).findings, []);
    assert.deepEqual(run(targetLeakageCheck, t, { roles: { target: 'y', task: 'binary', positiveClass: 'nope' } }).findings, []);
  });
});

describe('quality.correlated-columns', () => {
  test('Pearson and Spearman over pairwise-complete rows (scipy spearmanr nan_policy="omit")', () => {
    // scipy 1.17.1: spearmanr([1,2,4,6,7,8], [2,1,3,5,5,9]) = 0.9276336570439175; pearsonr = 0.9066036223087778.
    const t = table(num('x', [1, 2, null, 4, 5, 6, 7, 8]), num('z', [2, 1, 4, 3, null, 5, 5, 9]));
    const f = only(run(correlatedColumnsCheck, t));
    assert.equal(f.id, 'quality.correlated-columns:x|z');
    assertClose(Number(f.numbers.spearman), 0.9276336570439175, 1e-12);
    assertClose(Number(f.numbers.pearson), 0.9066036223087778, 1e-12);
    assert.equal(f.numbers.rows, 6);
    assert.equal(f.severity, 'low');
  });
  test('ties as scipy (docs example 0.8207826816681233) — below 0.9, so passed, with the pair in the evidence', () => {
    const out = run(correlatedColumnsCheck, table(num('a', [1, 2, 3, 4, 5]), num('b', [5, 6, 7, 8, 7])));
    assert.ok(isPassed(out));
    const pairs = out.evidence.pairs as { spearman: number }[];
    assertClose(pairs[0]!.spearman, 0.8207826816681233, 1e-12);
  });
  test('a copy in other units is medium; the target, ids and constant columns are left out', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const t = table(num('cm', x), num('inch', x.map((v) => v / 2.54)), num('y', x), num('id', x), num('k', x.map(() => 1)));
    const f = only(run(correlatedColumnsCheck, t, { roles: { target: 'y', ids: ['id'] } }));
    assert.equal(f.severity, 'medium');
    assertClose(Number(f.numbers.pearson), 1, 1e-12);
  });
});

describe("quality.associated-categories (Cramér's V)", () => {
  test('scipy.stats.contingency.association docs example: V = 0.18617813077483678', () => {
    const observed = [[100, 150], [203, 322], [420, 700], [320, 210]];
    const a: string[] = [];
    const b: string[] = [];
    observed.forEach((row, i) => row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(`r${i}`);
        b.push(`c${j}`);
      }
    }));
    const out = run(associatedCategoriesCheck, table(codes('a', a), codes('b', b)), { options: { cramersV: 0.1 } });
    assertClose(Number(only(out).numbers.v), 0.18617813077483678, 1e-12);
    assertClose(Number(only(out).numbers.chi2), 84.05606871861963, 1e-9);
  });
  test('hand-sized tables: [[2,0],[0,2]] → 1; [[3,1,0],[0,2,2]] → 0.816496580927726; missing rows and unused categories dropped', () => {
    const x = Int32Array.from([0, 0, 1, 1, -1]);
    const y = Int32Array.from([0, 0, 1, 1, 1]);
    assert.equal(cramersV(x, 3, y, 2)!.v, 1);
    const a = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const b = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    assertClose(cramersV(a, 2, b, 3)!.v, 0.816496580927726, 1e-12);
    assert.equal(cramersV(Int32Array.from([0, 0]), 1, Int32Array.from([0, 1]), 2), null);
  });
  test('the target is not paired (that is leakage); perfect relabelling is medium', () => {
    const t = table(codes('state', ['NY', 'CA', 'NY', 'TX']), codes('code', ['36', '06', '36', '48']), codes('y', ['a', 'b', 'a', 'c']));
    const f = only(run(associatedCategoriesCheck, t, { roles: { target: 'y' } }));
    assert.deepEqual(f.columns, ['state', 'code']);
    assert.equal(f.severity, 'medium');
  });
});
