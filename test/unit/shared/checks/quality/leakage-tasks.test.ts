/**
 * quality.target-leakage for several classes and for amounts, on small hand-worked examples, and
 * the leaking columns left out of the weak-slice search (leakageSuspects).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CHECK_OPTIONS } from '../../../../../src/shared/checks/options';
import { leakageSuspects, targetLeakageCheck } from '../../../../../src/shared/checks/quality/leakage';
import type { Table } from '../../../../../src/shared/table';
import { qualityTexts } from '../../../../../src/shared/text/en/quality';
import { codes, issues, isPassed, num, roles, run, table } from './helpers';

const close = (a: unknown, b: number, eps = 1e-12): void => assert.ok(typeof a === 'number' && Math.abs(a - b) < eps, `${String(a)} ≠ ${b}`);
const headline = (f: Parameters<(typeof qualityTexts)[string]['headline']>[0]): string => qualityTexts[f.check]!.headline(f);
const evidenceOf = (out: ReturnType<typeof run>) => out.evidence as { columns: { column: string; auc: number | null; agreement: number | null }[]; skipped: string[] };

describe('several classes', () => {
  const mc = { target: 'y', task: 'multiclass' as const };
  test('class shares as scores: hand-worked macro one-vs-rest AUC 0.75, agreement 4/6', () => {
    // Categories p (rows a, a, b) and q (b, c, c). Shares: p = (⅔, ⅓, 0), q = (0, ⅓, ⅔).
    // a vs rest: each a (⅔) beats the three q rows (0) and ties the b in p: (3 + ½)·2 / 8 = 0.875.
    // b vs rest: every row scores ⅓ → 0.5. c vs rest: as a, 0.875. Macro = 0.75.
    const t = table(codes('y', ['a', 'a', 'b', 'b', 'c', 'c']), codes('f', ['p', 'p', 'p', 'q', 'q', 'q']));
    const out = run(targetLeakageCheck, t, { roles: mc });
    const f = evidenceOf(out).columns.find((c) => c.column === 'f')!;
    close(f.auc, 0.75);
    close(f.agreement, 4 / 6);
    assert.ok(isPassed(out));
  });
  test('a category standing for the class is critical; one that sorts it perfectly with more values is high', () => {
    const y = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
    const t = table(
      codes('y', y),
      codes('code', y.map((v) => `${v.toUpperCase()}-1`)),
      codes('site', ['a1', 'a1', 'a2', 'a2', 'b1', 'b1', 'b2', 'b2', 'c1', 'c1', 'c2', 'c2']),
      codes('colour', ['red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'blue']),
      num('class_id', y.map((v) => (v === 'a' ? 0 : v === 'b' ? 1 : 2)), 'integer'),
    );
    const out = run(targetLeakageCheck, t, { roles: mc });
    const byColumn = Object.fromEntries(issues(out).map((f) => [f.columns[0], f]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['class_id', 'code', 'site']);
    assert.equal(byColumn.code!.severity, 'critical');
    close(byColumn.code!.numbers.agreement, 1);
    assert.equal(byColumn.class_id!.severity, 'critical'); // a number column with few values is read as categories
    assert.equal(byColumn.site!.severity, 'high');
    close(byColumn.site!.numbers.auc, 1);
    assert.equal(byColumn.site!.numbers.agreement, null); // six values for three classes: not a relabelling
    assert.equal(headline(byColumn.site!), '"site" alone tells the outcomes in "y" apart almost perfectly (score 1 out of 1).');
    assert.deepEqual(leakageSuspects({ table: t, columns: [], roles: roles(mc), options: DEFAULT_CHECK_OPTIONS, now: 0 }).sort(), ['class_id', 'code', 'site']);
  });
  test('number columns with more than 50 values are skipped, and said so', () => {
    const n = 60;
    const t = table(codes('y', Array.from({ length: n }, (_, i) => 'abc'[i % 3]!)), num('x', Array.from({ length: n }, (_, i) => i)));
    assert.deepEqual(evidenceOf(run(targetLeakageCheck, t, { roles: mc })).skipped, ['x']);
  });
});

describe('amounts', () => {
  const reg = { target: 'price', task: 'regression' as const };
  const n = 20;
  const area = Array.from({ length: n }, (_, i) => 50 + 7 * i);
  const perM2 = Array.from({ length: n }, (_, i) => 1000 + ((i * 37) % 11) * 700);
  const price = area.map((a, i) => a * perM2[i]!);
  const noise = Array.from({ length: n }, (_, i) => ((i * 7919) % 13) - 6);

  test('a rescaled copy (price in thousands) is critical: factor 1000, rebuilt in every row', () => {
    const t = table(num('price', price), num('price_k', price.map((p) => p / 1000)), num('noise', noise));
    const f = issues(run(targetLeakageCheck, t, { roles: reg }))[0]!;
    assert.equal(f.id, 'quality.target-leakage:price_k');
    assert.equal(f.severity, 'critical');
    close(f.numbers.factor, 1000, 1e-9);
    close(f.numbers.reconstructed, 1);
    close(f.numbers.spearman, 1);
    assert.equal(headline(f), '"price_k" × 1,000 gives "price" to within 1% in 100% of rows: it is almost a copy of the outcome.');
  });
  test('a column in the same order as the outcome (Spearman 1) but not a rescaled copy is high', () => {
    const t = table(num('price', price), num('price_squared', price.map((p) => p * p)));
    const f = issues(run(targetLeakageCheck, t, { roles: reg }))[0]!;
    assert.equal(f.severity, 'high');
    close(f.numbers.spearman, 1);
    assert.ok(Number(f.numbers.pearson) < 0.999);
    assert.ok(Number(f.numbers.reconstructed) < 0.95);
    assert.match(headline(f), /^"price_squared" alone follows "price" almost exactly \(Spearman 1, Pearson 0\.\d+\)\.$/);
  });
  test('two columns whose product rebuilds the outcome: both named, high; 19 of 20 rows rebuilt is enough, 18 is not', () => {
    const oneOff = price.map((p, i) => (i === 3 ? p * 1.1 : p));
    const t = table(num('price', oneOff), num('area_m2', area, 'integer'), num('price_per_m2', perM2, 'integer'), num('noise', noise));
    const out = run(targetLeakageCheck, t, { roles: reg });
    const f = issues(out)[0]!;
    assert.equal(issues(out).length, 1);
    assert.equal(f.id, 'quality.target-leakage:area_m2×price_per_m2');
    assert.deepEqual(f.columns, ['area_m2', 'price_per_m2', 'price']);
    assert.equal(f.severity, 'high');
    close(f.numbers.reconstructed, 19 / 20);
    close(f.numbers.factor, 1);
    assert.equal(headline(f), '"area_m2" × "price_per_m2" gives "price" to within 1% in 95% of rows: together they give the outcome away.');
    const suspects = leakageSuspects({ table: t, columns: [], roles: roles(reg), options: DEFAULT_CHECK_OPTIONS, now: 0 });
    assert.deepEqual(suspects.sort(), ['area_m2', 'price_per_m2']);

    const twoOff: Table = table(num('price', oneOff.map((p, i) => (i === 4 ? p * 0.9 : p))), num('area_m2', area, 'integer'), num('price_per_m2', perM2, 'integer'));
    assert.ok(isPassed(run(targetLeakageCheck, twoOff, { roles: reg })));
  });
  test('unrelated columns pass; fewer than 20 rows cannot be rebuilt', () => {
    assert.ok(isPassed(run(targetLeakageCheck, table(num('price', price), num('noise', noise)), { roles: reg })));
    const few = table(num('price', price.slice(0, 10)), num('a', area.slice(0, 10)), num('b', perM2.slice(0, 10)));
    assert.ok(isPassed(run(targetLeakageCheck, few, { roles: reg })));
  });
});
