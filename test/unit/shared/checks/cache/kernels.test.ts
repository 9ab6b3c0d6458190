/**
 * The faster kernels behind the shared per-run work give exactly the numbers of the kernels they
 * replace (compared with Object.is, so even −0 against 0 would show): sort orders, sorted values,
 * pairwise Spearman with pairwise deletion, AUC from tie groups, scores sorted by class, DeLong's
 * interval, equal-count calibration edges, first occurrences.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scoresByClass } from '../../../../../src/shared/checks/cache/scores-by-class';
import {
  averageRanks,
  pearsonPair,
  presentOrder,
  rowOrder,
  sampleSkewness,
  sampleSkewnessOfPresent,
  sortedFromOrder,
  sortedPresent,
  sortedValuesOf,
  tukeyFences,
  tukeyFencesOf,
  presentSummary,
} from '../../../../../src/shared/checks/quality/numeric-stats';
import { linkMissingRows, PairScratch, pearsonSpearmanPair, rankedColumn, type RankedColumn } from '../../../../../src/shared/checks/quality/rank-pairs';
import { firstOccurrences, keyOf } from '../../../../../src/shared/checks/quality/row-groups';
import { rightClosedBinIndex } from '../../../../../src/shared/metrics/bins';
import { calibration } from '../../../../../src/shared/metrics/calibration';
import { delongAuc, delongAucSorted } from '../../../../../src/shared/metrics/fast-intervals';
import { quantileOfSorted, quantileOfSortedAt } from '../../../../../src/shared/metrics/quantile';
import { mulberry32 } from '../../../../../src/shared/metrics/random';
import { mergeSortedScores, rankScores, rankSortedScores, sortScoresByClass } from '../../../../../src/shared/metrics/score-ranking';
import type { NumberColumn } from '../../../../../src/shared/table';
import { awkwardColumns, codesColumn, normal, numberColumn } from './fixtures';

/** The order presentOrder promises, by a plain comparator sort: by value (−0 = 0), ties by row. */
function referenceOrder(col: NumberColumn): { order: number[]; tieNext: number[] } {
  const rows: number[] = [];
  for (let i = 0; i < col.valid.length; i++) if (col.valid[i] === 1) rows.push(i);
  const v = (r: number): number => col.values[r]!;
  rows.sort((a, b) => (v(a) < v(b) ? -1 : v(a) > v(b) ? 1 : a - b));
  return { order: rows, tieNext: rows.map((r, k) => (k + 1 < rows.length && v(r) === v(rows[k + 1]!) ? 1 : 0)) };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>, what: string): void => {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
};

describe('presentOrder (counting and sorting paths)', () => {
  for (const n of [0, 1, 7, 500, 5000]) {
    test(`${n} rows: every awkward column ordered as a comparator sort would`, () => {
      for (const col of awkwardColumns(n, 11 + n)) {
        const got = presentOrder(col);
        const want = referenceOrder(col);
        const rows = rowOrder(got, col.valid);
        same(rows.order, want.order, `${col.name} order`);
        same(rows.tieNext, want.tieNext, `${col.name} tieNext`);
        assert.equal(got.present, want.order.length, `${col.name} present`);
        same(sortedFromOrder(col.values, got), sortedPresent(col), `${col.name} sorted`);
        const view = sortedValuesOf(col.values, got);
        const array = sortedPresent(col);
        for (let k = 0; k < array.length; k++) assert.ok(Object.is(view.at(k), array[k]), `${col.name} at(${k})`);
        assert.deepStrictEqual(tukeyFencesOf(view, 3), tukeyFences(array, 3));
      }
    });
  }
  test('more values than the counting path takes, long runs of values closer than the kept bits', () => {
    const n = 70_000;
    const rand = mulberry32(5);
    // 70 000 different values in runs of ~40 that share their top bits, shuffled over the rows.
    const many = numberColumn('many', n, (i) => (rand() < 0.01 ? null : 1 + Math.floor(i / 40) * 2 ** -20 + ((i * 7919) % 40) * 2 ** -45));
    // Short runs (sorted by insertion) and −0 next to 0 among 100 000 mostly different values.
    const short = numberColumn('short', 100_000, (i) => (rand() < 0.01 ? null : rand() < 0.2 ? (rand() < 0.5 ? -0 : 0) : 1 + Math.floor(i / 10) * 2 ** -20 + ((i * 7919) % 10) * 2 ** -45));
    for (const col of [many, short]) {
      const got = presentOrder(col);
      assert.equal(got.groups, undefined, `${col.name} takes the sorting path`);
      const want = referenceOrder(col);
      same(got.order!, want.order, `${col.name} order`);
      same(got.tieNext!, want.tieNext, `${col.name} tieNext`);
      same(sortedFromOrder(col.values, got), sortedPresent(col), `${col.name} sorted`);
    }
  });
});

describe('skewness and summaries without copying the values out', () => {
  test('sampleSkewnessOfPresent = sampleSkewness of the present values', () => {
    for (const col of awkwardColumns(3000, 3)) {
      if (col.name === 'infinite') continue;
      const present: number[] = [];
      for (let i = 0; i < col.valid.length; i++) if (col.valid[i] === 1) present.push(col.values[i]!);
      const s = presentSummary(col.values, col.valid);
      assert.equal(s.present, present.length);
      assert.ok(Object.is(sampleSkewnessOfPresent(col.values, col.valid, s.present, s.sum), sampleSkewness(present)), col.name);
    }
  });
  test('quantileOfSortedAt = quantileOfSorted', () => {
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i * i * 0.37);
    for (const q of [0, 0.1, 0.25, 0.5, 0.75, 0.999, 1]) assert.ok(Object.is(quantileOfSortedAt(sorted.length, (k) => sorted[k]!, q), quantileOfSorted(sorted, q)));
  });
});

describe('pearsonSpearmanPair = averageRanks on the pair’s rows + pearsonPair', () => {
  /** The previous way: rank each side again over the rows both have, then one shifted pass. */
  function reference(a: NumberColumn, b: NumberColumn): { pearson: number | null; spearman: number | null } {
    const n = a.valid.length;
    const ranksA = new Float64Array(n);
    const ranksB = new Float64Array(n);
    const present = averageRanks(rowOrder(presentOrder(a), a.valid), a.valid, new Float64Array(n));
    let sum = 0;
    for (let i = 0; i < n; i++) if (a.valid[i] === 1) sum += a.values[i]!;
    const meanA = present > 0 ? sum / present : 0;
    const presentB = averageRanks(rowOrder(presentOrder(b), b.valid), b.valid, new Float64Array(n));
    sum = 0;
    for (let i = 0; i < n; i++) if (b.valid[i] === 1) sum += b.values[i]!;
    const meanB = presentB > 0 ? sum / presentB : 0;
    const rows = averageRanks(rowOrder(presentOrder(a), a.valid), b.valid, ranksA);
    averageRanks(rowOrder(presentOrder(b), b.valid), a.valid, ranksB);
    const centre = (rows + 1) / 2;
    const r = pearsonPair(a.values, b.values, ranksA, ranksB, a.valid, b.valid, { x: meanA, y: meanB, u: centre, w: centre });
    return { pearson: r.xy, spearman: r.uw };
  }

  /** Every pair of the columns by pearsonSpearmanPair = reference, compared with Object.is. */
  function assertEveryPair(cols: NumberColumn[], ranked: RankedColumn[]): void {
    linkMissingRows(ranked, cols[0]!.valid.length);
    const scratch = new PairScratch(cols[0]!.valid.length);
    for (let i = 0; i < cols.length; i++) {
      for (let j = i + 1; j < cols.length; j++) {
        const got = pearsonSpearmanPair(ranked[i]!, ranked[j]!, scratch);
        const want = reference(cols[i]!, cols[j]!);
        assert.ok(Object.is(got.pearson, want.pearson), `${cols[i]!.name}×${cols[j]!.name} pearson ${got.pearson} vs ${want.pearson}`);
        assert.ok(Object.is(got.spearman, want.spearman), `${cols[i]!.name}×${cols[j]!.name} spearman ${got.spearman} vs ${want.spearman}`);
      }
    }
  }

  for (const n of [3, 200, 4000]) {
    test(`${n} rows, every pair of awkward columns (finite ones)`, () => {
      const cols = awkwardColumns(n, 100 + n).filter((c) => c.name !== 'infinite');
      const ranked = cols.map((c) => rankedColumn(c, presentOrder(c)));
      assertEveryPair(cols, ranked);
    });
  }
  test('large tie groups losing many rows to the other column', () => {
    const n = 20_000;
    const rand = mulberry32(9);
    const heavy = numberColumn('heavy', n, () => (rand() < 0.01 ? null : Math.floor(rand() * 3)));
    const holes = numberColumn('holes', n, () => (rand() < 0.3 ? null : normal(rand)));
    const ranked = [rankedColumn(heavy, presentOrder(heavy)), rankedColumn(holes, presentOrder(holes))];
    linkMissingRows(ranked, n);
    const got = pearsonSpearmanPair(ranked[0]!, ranked[1]!, new PairScratch(n));
    const want = reference(heavy, holes);
    assert.ok(Object.is(got.spearman, want.spearman));
    assert.ok(Object.is(got.pearson, want.pearson));
  });
  test('columns with too many values to count (tie groups found by row), paired with each other and with counted ones', () => {
    // Over 65,536 different values sends a column past presentOrder's counting path, so its tie
    // groups are kept per row: lone rows and small groups packed, one huge group of zeros looked
    // up in the table of big groups.
    const n = 150_000;
    const rand = mulberry32(31);
    const latent = Float64Array.from({ length: n }, () => normal(rand));
    const cols = [
      numberColumn('continuous', n, (i) => (rand() < 0.03 ? null : latent[i]! * 1000 + normal(rand))),
      numberColumn('cents', n, (i) => (rand() < 0.2 ? null : Math.round((latent[i]! + normal(rand)) * 30_000) / 100)),
      numberColumn('zeros', n, (i) => (rand() < 0.1 ? null : rand() < 0.4 ? (rand() < 0.5 ? -0 : 0) : latent[i]! + normal(rand))),
      numberColumn('few', n, (i) => (rand() < 0.3 ? null : Math.round(latent[i]! * 2))),
    ];
    const ranked = cols.map((c) => rankedColumn(c, presentOrder(c)));
    assert.deepEqual(
      ranked.map((r) => r.ties.kind),
      ['start', 'start', 'start', 'code'],
    );
    assertEveryPair(cols, ranked);
  });
});

describe('scores by class, merged, ranked; DeLong; equal-count bins', () => {
  function scores(n: number, seed: number, round: boolean): { y: Uint8Array; s: Float64Array } {
    const rand = mulberry32(seed);
    const y = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
    const s = Float64Array.from(y, (v) => {
      const p = 1 / (1 + Math.exp(-(normal(rand) + v)));
      return round ? (rand() < 0.05 ? (rand() < 0.5 ? -0 : 0) : Math.round(p * 1000) / 1000) : p;
    });
    return { y, s };
  }
  for (const [label, n, round] of [
    ['rounded scores (counted)', 5000, true],
    ['every score different (sorted)', 80_000, false],
  ] as const) {
    test(label, () => {
      const { y, s } = scores(n, n, round);
      const fast = scoresByClass(y, s);
      const sorted = sortScoresByClass(y, s);
      same(fast.positives, sorted.positives, 'positives');
      same(fast.negatives, sorted.negatives, 'negatives');
      same(mergeSortedScores(fast), Float64Array.from(s).sort(), 'merged');
      assert.deepStrictEqual(rankSortedScores(fast.positives, fast.negatives), rankScores(y, s));
      assert.deepStrictEqual(delongAucSorted(fast, 0.9), delongAuc(y, s, 0.9));
      const plain = calibration(y, s, { strategy: 'quantile', bins: 10 });
      const given = calibration(y, s, { strategy: 'quantile', bins: 10, sortedScores: mergeSortedScores(fast) });
      assert.deepStrictEqual(given, plain);
    });
  }
  test('scores outside [0, 1] are left out of the equal-count edges the same way', () => {
    const y = Uint8Array.from([1, 0, 1, 0, 1, 0, 0]);
    const s = Float64Array.from([1.2, -0.1, 0.4, 0.4, 0.9, -0, 0.2]);
    const given = calibration(y, s, { strategy: 'quantile', bins: 3, sortedScores: Float64Array.from(s).sort() });
    assert.deepStrictEqual(given, calibration(y, s, { strategy: 'quantile', bins: 3 }));
  });
});

describe('calibration bins', () => {
  test('each score in the bin rightClosedBinIndex gives, equal-width and equal-count, edges and ties included', () => {
    const rand = mulberry32(12);
    const values = [0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.7, 0.9, 1, 0.05, 0.15];
    const s = Float64Array.from({ length: 4000 }, (_, i) => (i < 400 ? values[i % values.length]! : rand() < 0.3 ? Math.round(rand() * 20) / 20 : rand()));
    const y = Uint8Array.from(s, () => (rand() < 0.4 ? 1 : 0));
    for (const strategy of ['uniform', 'quantile'] as const) {
      for (const bins of [1, 3, 10, 17]) {
        const got = calibration(y, s, { strategy, bins });
        const edges = [got.bins[0]!.lower, ...got.bins.map((b) => b.upper)];
        const counts = new Array<number>(bins).fill(0);
        const sums = new Array<number>(bins).fill(0);
        for (let i = 0; i < s.length; i++) {
          const b = rightClosedBinIndex(edges, s[i]!);
          counts[b]!++;
          sums[b]! += s[i]!;
        }
        assert.deepStrictEqual(got.bins.map((b) => b.count), counts, `${strategy} ${bins}`);
        assert.deepStrictEqual(got.bins.map((b) => b.mean_score), counts.map((c, b) => (c === 0 ? null : sums[b]! / c)), `${strategy} ${bins}`);
      }
    }
  });
});

describe('firstOccurrences with rows known to be unique', () => {
  test('the same groups when the rows whose value occurs once are not looked up', () => {
    const n = 3000;
    const rand = mulberry32(4);
    const a = numberColumn('a', n, () => (rand() < 0.05 ? null : Math.floor(rand() * 2000)));
    const b = codesColumn('b', n, () => (rand() < 0.5 ? 'x' : 'y'));
    const keys = [keyOf(a), keyOf(b)];
    const order = rowOrder(presentOrder(a), a.valid);
    const unique = new Uint8Array(n);
    for (let k = 0; k < order.order.length; k++) if (order.tieNext[k] === 0 && (k === 0 || order.tieNext[k - 1] === 0)) unique[order.order[k]!] = 1;
    const include = Uint8Array.from({ length: n }, () => (rand() < 0.9 ? 1 : 0));
    assert.deepStrictEqual(firstOccurrences(n, keys, undefined, unique), firstOccurrences(n, keys));
    assert.deepStrictEqual(firstOccurrences(n, keys, include, unique), firstOccurrences(n, keys, include));
  });
});
