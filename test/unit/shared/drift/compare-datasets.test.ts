/**
 * compareDatasets on hand-made tables: which columns are compared and how, the verdict rules,
 * and the property the issue asks for — the verdict rests on effect size, so the same shift judged
 * on 1,000 and on 1,000,000 rows gets the same verdict while the p-value changes by many orders.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareDatasets } from '../../../../src/shared/drift/compare-datasets';
import { codesColumn, draw, normals, numberColumn, roles, table } from './helpers';

const col = (d: ReturnType<typeof compareDatasets>, name: string) => {
  const c = d.columns.find((x) => x.name === name);
  assert.ok(c, `column ${name} not compared`);
  return c;
};

describe('the verdict is stable under sample size (effect size, not p-value)', () => {
  const judge = (n: number, shift: number, seed: number) => {
    const ref = table(numberColumn('x', normals(n, 0, 1, seed)));
    const cur = table(numberColumn('x', normals(n, shift, 1, seed + 1000)));
    return col(compareDatasets(ref, cur, roles()), 'x');
  };

  test('a tiny shift (0.05 sd): no drift on 1,000 rows and none on 1,000,000 — though only the large sample is "significant"', () => {
    const small = judge(1_000, 0.05, 1);
    const large = judge(1_000_000, 0.05, 1);
    assert.equal(small.severity, 'none');
    assert.equal(large.severity, 'none');
    assert.equal(small.drifted, false);
    assert.equal(large.drifted, false);
    assert.ok(small.p_value! > 0.05, `p on 1,000 rows: ${small.p_value}`);
    assert.ok(large.p_value! < 1e-12, `p on 1,000,000 rows: ${large.p_value}`);
    assert.equal(small.explanation, 'neither');
    assert.equal(large.explanation, 'detectable-not-large'); // a p-value rule would have called drift here
    assert.ok(large.psi! < 0.01 && small.psi! < 0.1);
  });

  test('a moderate shift (0.4 sd): moderate drift on both sizes, p-values 1e-9-ish vs 0', () => {
    for (const seed of [1, 2, 3]) {
      const small = judge(1_000, 0.4, seed);
      assert.equal(small.severity, 'moderate', `seed ${seed}: PSI ${small.psi}`);
      assert.equal(small.drifted, true);
      assert.ok(small.p_value! > 1e-20 && small.p_value! < 1e-6, `seed ${seed}: p ${small.p_value}`);
    }
    const large = judge(1_000_000, 0.4, 1);
    assert.equal(large.severity, 'moderate');
    assert.equal(large.drifted, true);
    assert.equal(large.p_value, 0);
    assert.ok(Math.abs(large.psi! - 0.153) < 0.005, `PSI ${large.psi}`);
    assert.ok(Math.abs(large.wasserstein_normalised! - 0.4) < 0.01, `W/sd ${large.wasserstein_normalised}`);
  });
});

describe('which columns are compared, and how', () => {
  const n = 400;
  const base = (shift: number, seed: number, extra: boolean) =>
    table(
      numberColumn('income', normals(n, 40_000 + shift * 10_000, 10_000, seed)),
      codesColumn('region', draw(n, ['North', 'South', 'East'], [0.5, 0.3, 0.2], seed)),
      numberColumn('id', Array.from({ length: n }, (_, i) => i + seed * n), 'integer'),
      numberColumn('when', Array.from({ length: n }, (_, i) => 1.7e12 + i * 1e6 + seed * 1e9), 'date'),
      codesColumn('notes', Array.from({ length: n }, (_, i) => `note ${i}`), 'text'),
      codesColumn('zip', Array.from({ length: n }, (_, i) => `z${i % 7}`)),
      ...(extra ? [codesColumn('only_here', Array<string>(n).fill('x'))] : []),
    );
  const ref = base(0, 1, true);
  const cur = base(0, 2, false);
  cur.columns.push(numberColumn('new_col', normals(n, 0, 1, 5)));
  // zip became numbers in the current batch: a type change
  cur.columns[5] = numberColumn('zip', Array.from({ length: n }, (_, i) => i % 7));
  const d = compareDatasets(ref, cur, roles({ ids: ['id'], timestamps: ['when'] }));

  test('ids, timestamps and free text are skipped with a reason; one-sided columns and type changes listed', () => {
    assert.deepEqual(d.columns.map((c) => c.name), ['income', 'region']);
    assert.deepEqual(d.skipped.map((s) => s.name), ['id', 'when', 'notes']);
    assert.match(d.skipped[0]!.reason, /identifier/);
    assert.deepEqual(d.only_in_reference, ['only_here']);
    assert.deepEqual(d.only_in_current, ['new_col']);
    assert.deepEqual(d.type_mismatches, [{ name: 'zip', type_ref: 'category', type_cur: 'decimal' }]);
  });

  test('numbers get KS + PSI + Wasserstein/sd; categories get χ² + PSI + JS', () => {
    const income = col(d, 'income');
    assert.equal(income.type, 'numeric');
    assert.equal(income.test, 'ks');
    assert.equal(income.p_value_method, 'exact');
    assert.equal(income.psi_bins.length, 10);
    assert.equal(income.js_distance, null);
    assert.ok(income.summary_ref && income.summary_cur);
    assert.equal(income.histogram.edges!.length, 21);
    assertSumsToOne(income.histogram.ref_shares);
    const region = col(d, 'region');
    assert.equal(region.type, 'categorical');
    assert.equal(region.test, 'chi2');
    assert.equal(region.dof, 2);
    assert.equal(region.wasserstein, null);
    assert.ok(region.js_distance !== null && region.js_distance >= 0 && region.js_distance <= 1);
    assert.equal(d.verdict.severity, 'none');
    assert.equal(d.share_drifted, 0);
  });
});

function assertSumsToOne(xs: readonly number[]): void {
  assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) - 1) < 1e-12);
}

describe('categories are matched by their text, not their codes', () => {
  test('the same values under different dictionaries → PSI 0; a new value is listed with its count', () => {
    const values = draw(1000, ['a', 'b', 'c'], [0.5, 0.3, 0.2], 7);
    const ref = table(codesColumn('k', values, 'category', ['a', 'b', 'c']));
    const same = table(codesColumn('k', values, 'category', ['c', 'b', 'a', 'unused']));
    const d = compareDatasets(ref, same, roles());
    assert.equal(col(d, 'k').psi, 0);
    assert.deepEqual(col(d, 'k').new_categories, []);

    const withNew = table(codesColumn('k', [...values.slice(0, 900), ...Array<string>(100).fill('d')]));
    const c = col(compareDatasets(ref, withNew, roles()), 'k');
    assert.deepEqual(c.new_categories, [{ value: 'd', count: 100, share: 0.1 }]);
    assert.equal(c.new_categories_total, 1);
    assert.equal(c.severity, 'major'); // (0.1 − 0.0001)·ln(1000) ≈ 0.69 from "d" alone
    assert.equal(c.drifted, true);
  });
});

describe('missing values are judged on their own', () => {
  test('1% → 40% missing with the same values: a major change of the missing share', () => {
    const values = Array.from(normals(2000, 0, 1, 3));
    const ref = table(numberColumn('x', values.map((v, i) => (i % 100 === 0 ? null : v))));
    const cur = table(numberColumn('x', values.map((v, i) => (i % 5 < 2 ? null : v))));
    const c = col(compareDatasets(ref, cur, roles()), 'x');
    assert.equal(c.missing_rate_ref, 0.01);
    assert.equal(c.missing_rate_cur, 0.4);
    assert.equal(c.effect_kind, 'missing-psi');
    assert.equal(c.severity, 'major');
    assert.equal(c.drifted, true);
    assert.ok(c.missing_p_value! < 1e-10);
    // PSI over missing / present: (0.4 − 0.01)·ln(40) + (0.6 − 0.99)·ln(0.6/0.99)
    assert.ok(Math.abs(c.missing_psi - (0.39 * Math.log(40) - 0.39 * Math.log(0.6 / 0.99))) < 1e-12);
  });
  test('a column that is entirely empty in the current batch is compared by its missing share', () => {
    const ref = table(numberColumn('x', normals(500, 0, 1, 4)));
    const cur = table(codesColumn('x', Array<string | null>(500).fill(null), 'empty'));
    const c = col(compareDatasets(ref, cur, roles()), 'x');
    assert.equal(c.type, 'numeric');
    assert.equal(c.statistic, null);
    assert.equal(c.missing_rate_cur, 1);
    assert.equal(c.drifted, true);
    assert.ok(c.reason === undefined || typeof c.reason === 'string');
  });
});

describe('few rows: large but not detectable is "not enough data", never drift', () => {
  test('20 values a side', () => {
    const ref = table(numberColumn('x', normals(20, 0, 1, 1)));
    const cur = table(numberColumn('x', normals(20, 0.3, 1, 2)));
    const c = col(compareDatasets(ref, cur, roles()), 'x');
    assert.equal(c.explanation, 'not-enough-data');
    assert.equal(c.drifted, false);
  });
});

describe('the dataset verdict', () => {
  test('3 of 4 columns drift → major, the dataset has drifted; 1 of 4 → moderate', () => {
    const make = (shifts: number[], seed: number) => table(...shifts.map((s, k) => numberColumn(`c${k}`, normals(2000, s, 1, seed + k))));
    const ref = make([0, 0, 0, 0], 10);
    let d = compareDatasets(ref, make([0.8, 0.8, 0.8, 0], 20), roles());
    assert.equal(d.drifted_count, 3);
    assert.equal(d.share_drifted, 0.75);
    assert.deepEqual([d.verdict.severity, d.verdict.drifted], ['major', true]);
    d = compareDatasets(ref, make([0.8, 0, 0, 0], 20), roles());
    assert.deepEqual([d.verdict.severity, d.verdict.drifted], ['moderate', false]);
  });
});

describe('model columns: prediction drift, label drift, performance change', () => {
  const n = 3000;
  const batch = (scoreShift: number, seed: number, labelled: boolean) => {
    const z = normals(n, scoreShift, 1, seed);
    const score = Array.from(z, (v) => 1 / (1 + Math.exp(-v)));
    const u = normals(n, 0, 1, seed + 7);
    const label = score.map((s, i) => (labelled ? (Math.abs(u[i]!) % 1 < s ? '1' : '0') : null));
    return table(
      numberColumn('age', normals(n, 40, 10, seed + 3)),
      codesColumn('sex', draw(n, ['f', 'm'], [0.5, 0.5], seed + 5)),
      numberColumn('score', score),
      codesColumn('decision', score.map((s) => (s >= 0.5 ? 'approve' : 'decline'))),
      codesColumn('outcome', label),
    );
  };
  const r = roles({ target: 'outcome', prediction: 'decision', score: 'score', positiveClass: '1', predictionPositive: 'approve', task: 'binary', sensitive: { sex: 'sex' } });

  test('the model’s own columns are not features; their drift is reported separately', () => {
    const d = compareDatasets(batch(0, 1, true), batch(1, 2, true), r);
    assert.deepEqual(d.columns.map((c) => c.name), ['age', 'sex']);
    assert.equal(d.prediction.score?.type, 'numeric');
    assert.equal(d.prediction.score?.drifted, true);
    assert.equal(d.prediction.prediction?.type, 'categorical');
    assert.equal(d.label?.type, 'categorical');
    assert.deepEqual(d.labels_available, { reference: true, current: true });
    assert.ok(d.performance);
    assert.deepEqual(d.performance.metrics.map((m) => m.metric), ['accuracy', 'roc_auc']);
    assert.equal(d.performance.metrics[0]!.interval.method, 'newcombe');
    assert.ok(d.performance.groups.every((g) => g.column === 'sex'));
    assert.ok(d.estimated_performance?.available);
    // Plain data: survives JSON as it is (no NaN, no ±Infinity, no typed arrays).
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
  });

  test('no labels in the current batch: no label drift, no performance change, an estimate instead', () => {
    const d = compareDatasets(batch(0, 1, true), batch(0.5, 3, false), r);
    assert.equal(d.label, null);
    assert.equal(d.performance, null);
    assert.deepEqual(d.labels_available, { reference: true, current: false });
    const e = d.estimated_performance!;
    assert.equal(e.available, true);
    assert.equal(e.rows_cur, n);
    assert.ok(e.accuracy && e.accuracy.interval.lower <= e.accuracy.estimate && e.accuracy.estimate <= e.accuracy.interval.upper);
  });
});
