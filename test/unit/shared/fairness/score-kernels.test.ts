import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeGrouping, type BinaryKeyAnalysis } from '../../../../src/shared/fairness/analyze';
import { columnGrouping } from '../../../../src/shared/fairness/groups';
import { prepareBinary, thresholdBucketOf } from '../../../../src/shared/fairness/prepare';
import { scoreOrder } from '../../../../src/shared/fairness/score-order';
import { calibration } from '../../../../src/shared/metrics/calibration';
import { delongAuc } from '../../../../src/shared/metrics/fast-intervals';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import { rankScores } from '../../../../src/shared/metrics/score-ranking';
import { evenThresholds, thresholdTable } from '../../../../src/shared/metrics/thresholds';
import { close, codes, f64, u8 } from './helpers';

const SETTINGS = { minGroupSize: 30, minClassCount: 5, level: 0.95, referenceGroups: {} };

/** Random rows in 4 groups; scores rounded to 2 decimals so there are many ties; some outside [0, 1]. */
function data(n: number, seed: number) {
  const rand = mulberry32(seed);
  const names = ['a', 'b', 'c', 'd'];
  const sf: string[] = [];
  const y: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = Math.floor(rand() * 4);
    const truth = rand() < 0.3 + 0.1 * g ? 1 : 0;
    let score = Math.round(Math.min(1, Math.max(0, 0.35 * truth + 0.5 * rand() + 0.05 * g)) * 100) / 100;
    if (i % 97 === 0) score = 1.2; // not a probability: left out of calibration only
    sf.push(names[g]!);
    y.push(truth);
    s.push(score);
  }
  const yPred = s.map((v) => (v >= 0.5 ? 1 : 0));
  return { sf, y: u8(y), p: u8(yPred), s: f64(s) };
}

function subset<T extends Uint8Array | Float64Array>(arr: T, sf: string[], group: string): T {
  const idx = sf.flatMap((g, i) => (g === group ? [i] : []));
  const out = new (arr.constructor as new (n: number) => T)(idx.length);
  idx.forEach((i, k) => (out[k] = arr[i]!));
  return out;
}

describe('per-group scores, against the overall kernels run on each group alone', () => {
  const d = data(3000, 7);
  const a = analyzeGrouping(prepareBinary(d.y, d.p, d.s), columnGrouping(codes('sf', d.sf)), SETTINGS) as BinaryKeyAnalysis;
  for (const g of a.groups) {
    test(`group ${g.group}: ROC AUC and DeLong interval = delongAuc`, () => {
      const ref = delongAuc(subset(d.y, d.sf, g.group), subset(d.s, d.sf, g.group), 0.95)!;
      close(g.rocAuc!.value, ref.auc, 1e-12);
      close(g.rocAuc!.ci!.lower, ref.interval.lower, 1e-9);
      close(g.rocAuc!.ci!.upper, ref.interval.upper, 1e-9);
      assert.equal(g.rocAuc!.ci!.method, 'delong');
    });
    test(`group ${g.group}: ECE and mean score = calibration() (10 equal-width bins, scores outside [0, 1] left out)`, () => {
      const yy = subset(d.y, d.sf, g.group);
      const ss = subset(d.s, d.sf, g.group);
      const ref = calibration(yy, ss, { bins: 10 });
      close(g.ece!.value, ref.ece.value!, 1e-12);
      let sum = 0;
      let k = 0;
      for (const v of ss) {
        if (v >= 0 && v <= 1) {
          sum += v;
          k++;
        }
      }
      close(g.meanScore!.value, sum / k, 1e-12);
    });
    test(`group ${g.group}: threshold curves = thresholdTable at 0, 0.01, …, 1`, () => {
      const curve = a.thresholds!.groups.find((c) => c.group === g.group)!;
      const ref = thresholdTable(rankScores(subset(d.y, d.sf, g.group), subset(d.s, d.sf, g.group)), evenThresholds(100)).rows;
      assert.equal(curve.selectionRate.length, 101);
      ref.forEach((r, k) => {
        close(curve.selectionRate[k], r.selectionRate!, 1e-12, `sel at ${r.threshold}`);
        close(curve.tpr[k], r.recall!, 1e-12, `tpr at ${r.threshold}`);
        close(curve.fpr[k], r.falsePositiveRate!, 1e-12, `fpr at ${r.threshold}`);
      });
    });
  }
  test('a group with one outcome only: ROC AUC null with a reason', () => {
    const b = analyzeGrouping(prepareBinary(u8([1, 1, 0, 1]), u8([1, 0, 0, 1]), f64([0.9, 0.2, 0.1, 0.8])), columnGrouping(codes('sf', ['x', 'x', 'y', 'y'])), SETTINGS) as BinaryKeyAnalysis;
    assert.equal(b.groups[0]!.rocAuc!.value, null);
    assert.match(b.groups[0]!.rocAuc!.reason!, /one kind of outcome/);
    assert.equal(b.groups[1]!.rocAuc!.value, 1);
    assert.equal(b.thresholds!.groups.length, 0); // curves only for groups big enough to compare
  });
});

describe('prepared per-row arrays', () => {
  test('score order: rows sorted by score (stable), tie runs marked', () => {
    const so = scoreOrder(f64([0.5, 0.1, 0.5, 0.9, 0.1]));
    assert.deepEqual(Array.from(so.order), [1, 4, 0, 2, 3]);
    assert.deepEqual(Array.from(so.tieStart), [1, 0, 1, 0, 1]);
    assert.deepEqual(Array.from(scoreOrder(f64([])).order), []);
  });
  test('radix order = comparator sort on awkward numbers: negatives, −0 and +0 (tied), tiny, huge, ±Infinity', () => {
    const rand = mulberry32(3);
    const special = [-0, 0, -1e-300, 1e-300, -5, 5, 1e300, -1e300, Infinity, -Infinity, 0.1, 0.30000000000000004, 0.3];
    const values = Array.from({ length: 5000 }, (_, i) => (i % 5 === 0 ? special[i % special.length]! : Math.round((rand() - 0.3) * 1000) / 100));
    const so = scoreOrder(f64(values));
    const expected = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    // Equal scores keep row order, except −0/+0, which are tied but ordered −0 first.
    const sortedValues = Array.from(so.order, (r) => values[r]!);
    assert.deepEqual(sortedValues.map((v) => (v === 0 ? 0 : v)), expected.map(([v]) => (v === 0 ? 0 : v)));
    for (let i = 1; i < values.length; i++) assert.equal(so.tieStart[i], sortedValues[i] === sortedValues[i - 1] ? 0 : 1);
  });
  test('threshold bucket = how many of k/100 are ≤ the score (exact at the edges)', () => {
    const t = evenThresholds(100);
    assert.equal(thresholdBucketOf(t, -0.1), 0);
    assert.equal(thresholdBucketOf(t, 0), 1);
    assert.equal(thresholdBucketOf(t, 0.29), 30);
    assert.equal(thresholdBucketOf(t, 0.3), 31);
    assert.equal(thresholdBucketOf(t, 0.3 - 1e-17), 31); // the same double as 0.3
    assert.equal(thresholdBucketOf(t, 0.29999999999999993), 30);
    assert.equal(thresholdBucketOf(t, 1), 101);
    assert.equal(thresholdBucketOf(t, 7), 101);
  });
});
