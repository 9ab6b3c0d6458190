/**
 * Performance change between two labelled batches. Provenance: Newcombe (1998), "Interval
 * estimation for the difference between independent proportions", Stat. Med. 17:873–890, Table II
 * (method 10, the hybrid score interval), published to 4 decimals; AUC and DeLong's variance
 * against brute force over all positive–negative pairs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Outcome } from '../../../../src/shared/checks/model/outcome';
import { aucWithVariance, newcombeDifference, performanceChange } from '../../../../src/shared/drift/performance-change';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { assertClose } from '../metrics/assert-close';
import { codesColumn, numberColumn, table } from './helpers';

describe('Newcombe hybrid score interval for p1 − p2 (method 10)', () => {
  const cases: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
  ];
  for (const [k1, n1, k2, n2, lo, hi] of cases) {
    test(`${k1}/${n1} − ${k2}/${n2} → (${lo}, ${hi}) as published`, () => {
      const ci = newcombeDifference(k1, n1, k2, n2)!;
      assertClose(ci.lower, lo, 5e-5);
      assertClose(ci.upper, hi, 5e-5);
      assert.equal(ci.method, 'newcombe');
    });
  }
  test('an empty side → null', () => {
    assert.equal(newcombeDifference(0, 0, 3, 10), null);
  });
});

describe('ROC AUC with DeLong variance', () => {
  test('equals brute force over all pairs (ties count half), with ties in the scores', () => {
    const rand = mulberry32(3);
    const n = 60;
    const y = Uint8Array.from({ length: n }, () => (rand() < 0.4 ? 1 : 0));
    const s = Float64Array.from(y, (v) => Math.round((rand() + 0.3 * v) * 8) / 8); // coarse: many ties
    const pos = [...s].filter((_, i) => y[i] === 1);
    const neg = [...s].filter((_, i) => y[i] === 0);
    const psi = (a: number, b: number): number => (a > b ? 1 : a === b ? 0.5 : 0);
    const v10 = pos.map((a) => neg.reduce((t, b) => t + psi(a, b), 0) / neg.length);
    const v01 = neg.map((b) => pos.reduce((t, a) => t + psi(a, b), 0) / pos.length);
    const auc = v10.reduce((t, v) => t + v, 0) / pos.length;
    const sampleVar = (xs: number[]): number => xs.reduce((t, x) => t + (x - auc) ** 2, 0) / (xs.length - 1);
    const r = aucWithVariance(y, s)!;
    assertClose(r.auc, auc, 1e-14);
    assertClose(r.variance, sampleVar(v10) / pos.length + sampleVar(v01) / neg.length, 1e-15);
  });
  test('one class only → null', () => {
    assert.equal(aucWithVariance(Uint8Array.of(1, 1), Float64Array.of(0.2, 0.4)), null);
  });
});

const binary = (yTrue: number[], yPred: number[], score?: number[]): Outcome => ({
  task: 'binary',
  yTrue: Uint8Array.from(yTrue),
  yPred: Uint8Array.from(yPred),
  score: score ? Float64Array.from(score) : null,
  positiveLabel: '1',
  predictionPositive: '1',
  predictionFrom: 'column',
  excluded: { missingTarget: 0, missingPrediction: 0, missingScore: 0 },
  rows: Uint32Array.from(yTrue, (_, i) => i),
});

describe('performanceChange', () => {
  test('accuracy 90% → 60% on 100 rows each: worse, Newcombe interval below 0; groups split by a sensitive column', () => {
    const yTrue = Array.from({ length: 100 }, (_, i) => i % 2);
    const ref = binary(yTrue, yTrue.map((y, i) => (i < 10 ? 1 - y : y)));
    const cur = binary(yTrue, yTrue.map((y, i) => (i < 40 ? 1 - y : y)));
    const group = codesColumn('g', yTrue.map((_, i) => (i < 50 ? 'a' : 'b')));
    const r = performanceChange({ reference: ref, current: cur, tables: { reference: table(group), current: table(group), sensitive: ['g'] }, minGroupSize: 30 })!;
    const acc = r.metrics[0]!;
    assert.equal(acc.metric, 'accuracy');
    assertClose(acc.difference, -0.3, 1e-15);
    assert.equal(acc.worse, true);
    const expected = newcombeDifference(60, 100, 90, 100)!;
    assert.deepEqual([acc.interval.lower, acc.interval.upper], [expected.lower, expected.upper]);
    // Group a holds all 40 of the current errors (rows 0–39): 80% → 20%. Group b: 100% → 100%.
    assert.deepEqual(r.groups.map((g) => [g.group, g.reference, g.current]), [['a', 0.8, 0.2], ['b', 1, 1]]);
    assert.equal(r.groups[0]!.worse, true);
  });
  test('a number sensitive column is grouped as the fairness check groups it (age bands), with the same bands on both sides', () => {
    // 120 rows; ages 20…79 twice. Reference all right; current wrong for every row aged 60+.
    const ages = Array.from({ length: 120 }, (_, i) => 20 + (i % 60));
    const yTrue = ages.map((_, i) => i % 2);
    const ref = binary(yTrue, yTrue);
    const cur = binary(yTrue, yTrue.map((y, i) => (ages[i]! >= 60 ? 1 - y : y)));
    const age = numberColumn('age', ages);
    const r = performanceChange({ reference: ref, current: cur, tables: { reference: table(age), current: table(age), sensitive: ['age'] }, minGroupSize: 10 })!;
    // Bands under 25 (10 rows), 25–39 (30), 40–59 (40), 60+ (40): never one group per age.
    assert.deepEqual(r.groups.map((g) => [g.group, g.rows_ref, g.current]), [['60+', 40, 0], ['under 25', 10, 1], ['25–39', 30, 1], ['40–59', 40, 1]]);
    assert.equal(r.groups[0]!.worse, true);
  });
  test('a slice is selected in both batches by its conditions and judged on its BH q-value together with the groups', () => {
    // 200 rows; region North/South alternating. Reference: all right. Current: wrong on every
    // North row with x ≥ 50 (50 rows) — the slice "region = North & x ≥ 50".
    const n = 200;
    const yTrue = Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0);
    const region = codesColumn('region', yTrue.map((_, i) => (i % 2 === 0 ? 'North' : 'South')));
    const x = numberColumn('x', yTrue.map((_, i) => i % 100));
    const inSlice = (i: number): boolean => i % 2 === 0 && i % 100 >= 50;
    const ref = binary(yTrue, yTrue);
    const cur = binary(yTrue, yTrue.map((y, i) => (inSlice(i) ? 1 - y : y)));
    const slice = {
      description: 'region = North & x ≥ 50',
      conditions: [
        { column: 'region', op: '=' as const, value: 'North', label: 'region = North' },
        { column: 'x', op: '>=' as const, value: 50, label: 'x ≥ 50' },
      ],
    };
    const other = { description: 'region = South', conditions: [{ column: 'region', op: '=' as const, value: 'South', label: 'region = South' }] };
    const tables = { reference: table(region, x), current: table(region, x), sensitive: ['region'] };
    const r = performanceChange({ reference: ref, current: cur, tables, minGroupSize: 30, slices: [other, slice] })!;
    assert.deepEqual(r.slices!.map((s) => [s.description, s.rows_ref, s.rows_cur, s.reference, s.current]), [
      ['region = North & x ≥ 50', 50, 50, 1, 0],
      ['region = South', 100, 100, 1, 1],
    ]);
    assert.equal(r.slices![0]!.worse, true);
    assert.equal(r.slices![1]!.worse, false);
    // Four tests (groups North and South, two slices): every q-value is at least its p-value.
    for (const c of [...r.groups, ...r.slices!]) assert.ok(c.q_value! >= c.p_value! - 1e-15);
    assert.equal(r.groups.find((g) => g.group === 'North')!.worse, true);
  });
  test('ROC AUC change uses both sides’ DeLong variances', () => {
    const y = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1];
    const good = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.2, 0.6, 0.4, 0.95];
    const poor = [0.5, 0.6, 0.3, 0.4, 0.8, 0.5, 0.7, 0.2, 0.4, 0.55];
    const r = performanceChange({ reference: binary(y, y, good), current: binary(y, y, poor) })!;
    const auc = r.metrics.find((m) => m.metric === 'roc_auc')!;
    const a = aucWithVariance(Uint8Array.from(y), Float64Array.from(good))!;
    const b = aucWithVariance(Uint8Array.from(y), Float64Array.from(poor))!;
    assertClose(auc.difference, b.auc - a.auc, 1e-15);
    const half = 1.959963984540054 * Math.sqrt(a.variance + b.variance);
    assertClose(auc.interval.lower, Math.max(-1, b.auc - a.auc - half), 1e-12);
    assert.equal(auc.interval.method, 'delong');
  });
  test('regression: MAE difference with Welch normal interval; lower MAE is better', () => {
    const reg = (t: number[], p: number[]): Outcome => ({ task: 'regression', yTrue: Float64Array.from(t), yPred: Float64Array.from(p), excluded: { missingTarget: 0, missingPrediction: 0, missingScore: 0 }, rows: Uint32Array.from(t, (_, i) => i) });
    const t = Array.from({ length: 50 }, (_, i) => i);
    const r = performanceChange({ reference: reg(t, t.map((v, i) => v + (i % 2 ? 1 : -1))), current: reg(t, t.map((v, i) => v + (i % 2 ? 3 : -3))) })!;
    const mae = r.metrics[0]!;
    assert.deepEqual([mae.metric, mae.reference, mae.current, mae.difference], ['mae', 1, 3, 2]);
    assert.equal(mae.worse, true); // errors have no spread here, so the interval is the point
  });
  test('different tasks or no labels → null', () => {
    assert.equal(performanceChange({ reference: { task: null, reason: 'x' }, current: binary([1], [1]) }), null);
  });
});
