import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listSlices } from '../../../../src/shared/slices/dedupe';
import type { EncodedFeature } from '../../../../src/shared/slices/encode';
import { searchSlices, sliceScore, upperBoundScore } from '../../../../src/shared/slices/search';
import type { Moments } from '../../../../src/shared/slices/stats';
import { mulberry32 } from '../../../../src/shared/metrics/random';

test("SliceLine's score: α·(ē_S/ē − 1) − (1 − α)·(n/|S| − 1)", () => {
  // 100 rows of 1,000, 30 errors in the slice, overall error 0.1: 0.99·(0.3/0.1 − 1) − 0.01·(10 − 1) = 1.89
  assert.ok(Math.abs(sliceScore(100, 30, 1000, 0.1, 0.99) - 1.89) < 1e-12);
  // A slice with the average error scores below 0 (it is only smaller).
  assert.ok(sliceScore(100, 10, 1000, 0.1, 0.99) < 0);
  // The upper bound is reached by a slice of σ rows that are all wrong.
  assert.ok(Math.abs(upperBoundScore(500, 40, 1, 30, 1000, 0.1, 0.99) - sliceScore(40, 40, 1000, 0.1, 0.99)) < 1e-12);
});

/** Random features (with an effect planted so scores vary) and 0/1 errors. */
function dataset(n: number, seed: number): { features: EncodedFeature[]; errors: Float64Array } {
  const rand = mulberry32(seed);
  const ks = [3, 4, 5, 2];
  const features: EncodedFeature[] = ks.map((k, f) => ({
    column: `f${f}`,
    kind: 'category',
    sensitive: false,
    codes: Uint8Array.from({ length: n }, () => Math.floor(rand() * k)),
    conditions: Array.from({ length: k }, (_, c) => ({ column: `f${f}`, op: '=', value: String(c), label: `f${f} = ${c}` })),
  }));
  const errors = Float64Array.from({ length: n }, (_, i) => (rand() < (features[0]!.codes[i] === 1 && features[2]!.codes[i]! < 2 ? 0.35 : 0.15) ? 1 : 0));
  return { features, errors };
}

test('pruning is safe: the top-K by score equals a brute-force enumeration of every slice up to 2 conditions', () => {
  for (const seed of [1, 2, 3]) {
    const { features, errors } = dataset(3000, seed);
    const n = errors.length;
    const mean = errors.reduce((a, b) => a + b, 0) / n;
    const minSupport = 40;
    const brute: { key: string; score: number }[] = [];
    const add = (key: string, rows: number[]) => {
      if (rows.length < minSupport || rows.length >= n) return;
      const sum = rows.reduce((a, r) => a + errors[r]!, 0);
      brute.push({ key, score: sliceScore(rows.length, sum, n, mean, 0.99) });
    };
    const rowsWhere = (pred: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(pred);
    features.forEach((f, a) => {
      for (let c = 0; c < f.conditions.length; c++) {
        add(`${a}=${c}`, rowsWhere((i) => f.codes[i] === c));
        features.forEach((g, b) => {
          if (b <= a) return;
          for (let d = 0; d < g.conditions.length; d++) add(`${a}=${c}&${b}=${d}`, rowsWhere((i) => f.codes[i] === c && g.codes[i] === d));
        });
      }
    });
    const K = 5;
    const expected = brute
      .filter((s) => s.score > 0)
      .sort((x, y) => y.score - x.score)
      .slice(0, K);
    const found = searchSlices(features, errors, true, { maxDepth: 2, minSupport, topK: K })
      .examined.map((s) => ({ key: s.features.map((f, j) => `${f}=${s.codes[j]}`).join('&'), score: s.score }))
      .sort((x, y) => y.score - x.score)
      .slice(0, K);
    assert.deepEqual(
      found.map((s) => s.key),
      expected.map((s) => s.key),
      `seed ${seed}`,
    );
    for (let i = 0; i < K; i++) assert.ok(Math.abs(found[i]!.score - expected[i]!.score) < 1e-12);
  }
});

test('every examined slice meets the minimum support, and children never score above their upper bound', () => {
  const { features, errors } = dataset(4000, 9);
  const r = searchSlices(features, errors, true, { maxDepth: 3, minSupport: 50 });
  assert.equal(r.levels.length, 3);
  assert.ok(r.examined.every((s) => s.size >= 50 && s.size < 4000));
  const byKey = new Map(r.examined.map((s) => [s.features.map((f, j) => `${f}=${s.codes[j]}`).join('&'), s]));
  for (const s of r.examined) {
    if (s.features.length < 2) continue;
    const parents = s.features.map((_, drop) => byKey.get(s.features.map((f, j) => `${f}=${s.codes[j]}`).filter((_, j) => j !== drop).join('&'))!);
    assert.ok(parents.every(Boolean), 'every parent was examined');
    const ub = upperBoundScore(Math.min(...parents.map((p) => p.size)), Math.min(...parents.map((p) => p.errorSum)), 1, 50, r.n, r.meanError, 0.99);
    assert.ok(s.score <= ub + 1e-12);
    assert.ok(s.size <= Math.min(...parents.map((p) => p.size)));
  }
});

/** Row lists as slices: the rows candidate i shares with candidate l. */
function listingOf(candidates: Uint32Array[], errors: Float64Array) {
  return {
    shared: (i: number, l: number): Moments => {
      const mine = new Set(candidates[i]!);
      let n = 0;
      let sum = 0;
      for (const r of candidates[l]!) {
        if (!mine.has(r)) continue;
        n++;
        sum += errors[r]!;
      }
      return { n, sum, sumSq: sum };
    },
  };
}

test('listing: near-duplicates and slices explained by a listed one are dropped; an independent weakness is kept', () => {
  const n = 1000;
  // Rows 0–199: every other row wrong (50%); rows 500–699: 40% wrong; elsewhere every 10th row (10%).
  const errors = Float64Array.from({ length: n }, (_, i) => (i < 200 ? i % 2 : i >= 500 && i < 700 ? (i % 5 < 2 ? 1 : 0) : i % 10 === 0 ? 1 : 0));
  const range = (a: number, b: number) => Uint32Array.from({ length: b - a }, (_, i) => a + i);
  const candidates = [
    range(0, 200), // L: the weak slice
    range(0, 190), // 95% of L: near-duplicate
    range(0, 100), // a narrower L with the same error: explained
    range(500, 700), // a weakness of its own: kept
    range(100, 400), // half in L, the rest ordinary: explained
  ];
  const moments = candidates.map((rows): Moments => {
    let sum = 0;
    for (const r of rows) sum += errors[r]!;
    return { n: rows.length, sum, sumSq: sum };
  });
  const total = { n, sum: errors.reduce((a, b) => a + b, 0), sumSq: errors.reduce((a, b) => a + b, 0) };
  const listing = listSlices({ ...listingOf(candidates, errors), moments, total, binary: true, alpha: 0.001, limit: 20 });
  assert.deepEqual(listing.kept, [0, 3]);
  assert.deepEqual(listing.dropped, [
    { index: 1, rule: 'near-duplicate', by: 0 },
    { index: 2, rule: 'explained', by: 0 },
    { index: 4, rule: 'explained', by: 0 },
  ]);
  // A narrower slice that is clearly worse than the rest of L is kept.
  const sharper = Float64Array.from(errors, (e, i) => (i < 60 ? 1 : i < 200 ? (i % 4 === 0 ? 1 : 0) : e));
  const m2 = [range(0, 200), range(0, 60)].map((rows): Moments => {
    let sum = 0;
    for (const r of rows) sum += sharper[r]!;
    return { n: rows.length, sum, sumSq: sum };
  });
  const t2 = { n, sum: sharper.reduce((a, b) => a + b, 0), sumSq: sharper.reduce((a, b) => a + b, 0) };
  const l2 = listSlices({ ...listingOf([range(0, 200), range(0, 60)], sharper), moments: m2, total: t2, binary: true, alpha: 0.001, limit: 20 });
  assert.deepEqual(l2.kept, [0, 1]);
});
