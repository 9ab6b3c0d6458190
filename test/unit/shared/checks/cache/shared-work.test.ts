/**
 * The check-up gives the same results whether its checks share one CheckCache (as runChecks runs
 * them) or each works alone, and the numbers that now come from shared work equal the previous
 * computations: leakage AUC (rocAuc of rankScores), correlations (ranks again per pair), outlier
 * fences (sortedPresent), ROC AUC with DeLong's interval, equal-count calibration bins.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CheckCache, cacheOf } from '../../../../../src/shared/checks/cache/check-cache';
import { columnFirstOf, columnOrder, outcomeOf, rowFirstOf, rowsWithUniqueValue } from '../../../../../src/shared/checks/cache/shared-work';
import { calibrationCheck } from '../../../../../src/shared/checks/model/calibration-check';
import { resolveOutcome } from '../../../../../src/shared/checks/model/outcome';
import { performanceCheck } from '../../../../../src/shared/checks/model/performance';
import { DEFAULT_CHECK_OPTIONS } from '../../../../../src/shared/checks/options';
import { privacyChecks } from '../../../../../src/shared/checks/privacy';
import { qualityChecks } from '../../../../../src/shared/checks/quality';
import { averageRanks, pearsonPair, presentOrder, rowOrder, sortedPresent, tukeyFences } from '../../../../../src/shared/checks/quality/numeric-stats';
import { firstOccurrences, keyOf } from '../../../../../src/shared/checks/quality/row-groups';
import { CHECKUP_STAGES } from '../../../../../src/shared/checks/registry';
import { runChecks, runChecksReleasing, type CheckStage } from '../../../../../src/shared/checks/run-checks';
import type { Check, CheckInput } from '../../../../../src/shared/checks/types';
import { calibration } from '../../../../../src/shared/metrics/calibration';
import { delongAuc } from '../../../../../src/shared/metrics/fast-intervals';
import { averagePrecision, rocAuc } from '../../../../../src/shared/metrics/ranking';
import { rankScores } from '../../../../../src/shared/metrics/score-ranking';
import type { DatasetRoles } from '../../../../../src/shared/roles/dataset-roles';
import type { NumberColumn, Table } from '../../../../../src/shared/table';
import { checkupTable, codesColumn, numberColumn } from './fixtures';

const STAGES: CheckStage[] = [
  { name: 'quality', checks: qualityChecks },
  { name: 'privacy', checks: privacyChecks },
  { name: 'model', checks: [performanceCheck] },
  { name: 'scores', checks: [calibrationCheck] },
];

const inputOf = (table: Table, roles: DatasetRoles): CheckInput => ({ table, columns: [], roles, options: DEFAULT_CHECK_OPTIONS, now: Date.UTC(2026, 10, 27) });

/** The same check, run without the run's cache (it then makes its own, used by it alone). */
const alone = (check: Check): Check => ({ ...check, run: (input) => check.run({ ...input, cache: undefined }) });

const column = (table: Table, name: string): NumberColumn => table.columns.find((c) => c.name === name) as NumberColumn;

describe('shared per-run work', () => {
  for (const [label, n, uniqueIds] of [
    ['2 000 rows, unique ids', 2000, true],
    ['2 000 rows, repeated ids', 2000, false],
    ['40 rows', 40, true],
  ] as const) {
    test(`${label}: one cache for the run = every check on its own`, () => {
      const { table, roles } = checkupTable(n, n + (uniqueIds ? 1 : 2), { uniqueIds });
      const shared = runChecks(inputOf(table, roles), STAGES);
      const separate = runChecks(inputOf(table, roles), STAGES.map((s) => ({ ...s, checks: s.checks.map(alone) })));
      assert.deepStrictEqual(shared.evidence, separate.evidence);
      assert.deepStrictEqual(shared.findings, separate.findings);
      // And a cache passed in by the caller is used as it is.
      const cache = new CheckCache(table);
      const passed = runChecks({ ...inputOf(table, roles), cache }, STAGES);
      assert.deepStrictEqual(passed.evidence, shared.evidence);
      assert.equal(cacheOf({ ...inputOf(table, roles), cache }), cache);
    });
  }

  test('rowsWithUniqueValue marks exactly the rows whose value no other row holds, from either kind of sort order', () => {
    const n = 2000;
    // Values held once, by two rows, by many. Counted: few different values; sorted: a column with a
    // NaN takes the sorting path too (no need for more than 65,536 different values).
    const spread = (i: number): number => (i < 700 ? i * 0.5 : i < 900 ? 1000 + Math.floor(i / 2) : 5000 + (i % 150));
    const counted = numberColumn('counted', n, (i) => (i % 17 === 0 ? null : spread(i)));
    const sorted = numberColumn('sorted', n, (i) => (i === 5 ? Number.NaN : i % 13 === 0 ? null : spread(i)));
    for (const col of [counted, sorted]) {
      const table: Table = { rowCount: n, columns: [col] };
      const cache = new CheckCache(table);
      assert.equal(rowsWithUniqueValue(cache, table.columns), null, 'nothing is sorted here: no sort order to read');
      const order = columnOrder(cache, col);
      assert.equal(order.groups !== undefined, col === counted, `${col.name}: the kind of order under test`);
      const got = rowsWithUniqueValue(cache, table.columns);
      const held = new Map<number, number>();
      for (let i = 0; i < n; i++) if (col.valid[i] === 1) held.set(col.values[i]!, (held.get(col.values[i]!) ?? 0) + 1);
      const want = Uint8Array.from({ length: n }, (_, i) => (col.valid[i] === 1 && held.get(col.values[i]!) === 1 ? 1 : 0));
      assert.ok(want.reduce((a, b) => a + b, 0) >= n / 4, `${col.name}: enough unique rows to be used`);
      assert.deepStrictEqual(got, want, col.name);
    }
  });

  test('per-column work and row groups last one stage; the outcome and the leakage scan last the run', () => {
    const { table, roles } = checkupTable(300, 7);
    const cache = new CheckCache(table);
    const col = table.columns.find((c): c is NumberColumn => c.storage === 'number')!;
    const order = columnOrder(cache, col);
    const rowFirst = rowFirstOf(cache, table.columns);
    const outcome = outcomeOf(cache, roles);
    assert.equal(columnOrder(cache, col), order);
    assert.equal(cache.peekColumn(col, 'present-order'), order);
    cache.endStage();
    assert.equal(cache.peekColumn(col, 'present-order'), undefined);
    assert.notEqual(columnOrder(cache, col), order, 'sorted again after the stage ended');
    assert.deepStrictEqual(columnOrder(cache, col), order);
    assert.notEqual(rowFirstOf(cache, table.columns), rowFirst);
    assert.equal(outcomeOf(cache, roles), outcome, 'the outcome is kept for the later stages');
    // runChecks ends every stage: a later stage that sorts a column sorts it again.
    const seen: unknown[] = [];
    const sorter: Check = { id: 'test.sort', category: 'quality', run: (input) => (seen.push(columnOrder(cacheOf(input), col)), { evidence: {}, findings: [] }) };
    runChecks(inputOf(table, roles), [{ name: 'a', checks: [sorter, sorter] }, { name: 'b', checks: [sorter] }]);
    assert.equal(seen[0], seen[1]);
    assert.notEqual(seen[1], seen[2]);
  });

  test('giving back each stage’s own buffers (detached, as the worker does) changes no result and leaves the table whole', async () => {
    // 20,000 rows, so the per-column work passes the 64 KB below which nothing is given back.
    const { table, roles } = checkupTable(20_000, 11);
    const options = { ...DEFAULT_CHECK_OPTIONS, sliceMaxDepth: 2 };
    const input: CheckInput = { ...inputOf(table, roles), options };
    const plain = runChecks(input, CHECKUP_STAGES);
    const tableBytes = table.columns.map((c) => (c.storage === 'number' ? c.values.byteLength + c.valid.byteLength : c.codes.byteLength));
    const released: number[] = [];
    const out = await runChecksReleasing(input, CHECKUP_STAGES, {
      release: async (buffers) => {
        let bytes = 0;
        for (const b of buffers) {
          bytes += b.byteLength;
          structuredClone(b, { transfer: [b as ArrayBuffer] });
          assert.equal(b.byteLength, 0);
        }
        released.push(bytes);
      },
    });
    assert.deepStrictEqual(out.evidence, plain.evidence);
    assert.deepStrictEqual(out.findings, plain.findings);
    assert.deepStrictEqual(
      table.columns.map((c) => (c.storage === 'number' ? c.values.byteLength + c.valid.byteLength : c.codes.byteLength)),
      tableBytes,
    );
    assert.equal(released.length, CHECKUP_STAGES.length);
    // The quality stage's sort orders and correlation work alone are several column-sized arrays.
    assert.ok(released[0]! > 10 * 20_000 * 4, `quality gave back ${released[0]} bytes`);
  });

  test('a cache made for another table is not used', () => {
    const a = checkupTable(50, 1);
    const b = checkupTable(50, 2);
    const input = { ...inputOf(a.table, a.roles), cache: new CheckCache(b.table) };
    assert.notEqual(cacheOf(input), input.cache);
    assert.deepStrictEqual(outcomeOf(cacheOf(input), a.roles), resolveOutcome(a.table, a.roles));
  });

  test('leakage AUC per number column = rocAuc(rankScores(…)) of the rows with an outcome', () => {
    const { table, roles } = checkupTable(3000, 7);
    const out = runChecks(inputOf(table, roles), STAGES);
    const leaks = (out.evidence['quality.target-leakage'] as { columns: { column: string; auc: number | null; rows: number }[] }).columns;
    const label = column(table, 'label');
    for (const leak of leaks) {
      const col = table.columns.find((c) => c.name === leak.column)!;
      if (col.storage !== 'number') continue;
      const ys: number[] = [];
      const scores: number[] = [];
      for (let i = 0; i < table.rowCount; i++) {
        if (label.valid[i] === 1 && col.valid[i] === 1) {
          ys.push(label.values[i] === 1 ? 1 : 0);
          scores.push(col.values[i]!);
        }
      }
      const auc = rocAuc(rankScores(Uint8Array.from(ys), Float64Array.from(scores))).value;
      assert.equal(leak.rows, ys.length, leak.column);
      assert.ok(Object.is(leak.auc, auc === null ? null : Math.max(auc, 1 - auc)), `${leak.column}: ${leak.auc} vs ${auc}`);
    }
  });

  test('correlations = ranking again for every pair; outlier fences = sortedPresent', () => {
    const { table, roles } = checkupTable(3000, 8);
    const out = runChecks(inputOf(table, roles), STAGES);
    const pairs = (out.evidence['quality.correlated-columns'] as { pairs: { a: string; b: string; pearson: number | null; spearman: number | null; rows: number }[] }).pairs;
    assert.ok(pairs.length >= 10);
    const n = table.rowCount;
    const meanOf = (c: NumberColumn): number => {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (c.valid[i] === 1) {
          sum += c.values[i]!;
          count++;
        }
      }
      return count > 0 ? sum / count : 0;
    };
    for (const pair of pairs) {
      const a = column(table, pair.a);
      const b = column(table, pair.b);
      const ranksA = new Float64Array(n);
      const ranksB = new Float64Array(n);
      const rows = averageRanks(rowOrder(presentOrder(a), a.valid), b.valid, ranksA);
      averageRanks(rowOrder(presentOrder(b), b.valid), a.valid, ranksB);
      const r = pearsonPair(a.values, b.values, ranksA, ranksB, a.valid, b.valid, { x: meanOf(a), y: meanOf(b), u: (rows + 1) / 2, w: (rows + 1) / 2 });
      assert.equal(pair.rows, rows);
      assert.ok(Object.is(pair.pearson, r.xy), `${pair.a}×${pair.b} pearson`);
      assert.ok(Object.is(pair.spearman, r.uw), `${pair.a}×${pair.b} spearman`);
    }
    const fences = (out.evidence['quality.outliers'] as { columns: ({ column: string; present: number } & Record<string, unknown>)[] }).columns;
    for (const f of fences) {
      const sorted = sortedPresent(column(table, f.column));
      const { column: _name, present, skipped: _skipped, ...numbers } = f;
      assert.equal(present, sorted.length);
      assert.deepStrictEqual(numbers, { ...tukeyFences(sorted, DEFAULT_CHECK_OPTIONS.outlierIqr) });
    }
  });

  test('ROC AUC and its interval, PR AUC and equal-count calibration bins = the metric kernels on the outcome arrays', () => {
    const { table, roles } = checkupTable(3000, 9);
    const out = runChecks(inputOf(table, roles), STAGES);
    const o = resolveOutcome(table, roles);
    assert.ok(o.task === 'binary' && o.score);
    const perf = out.evidence['model.performance'] as Record<string, { value: number | null; interval: unknown }>;
    const d = delongAuc(o.yTrue, o.score, DEFAULT_CHECK_OPTIONS.confidenceLevel)!;
    assert.ok(Object.is(perf.roc_auc!.value, d.auc));
    assert.deepStrictEqual(perf.roc_auc!.interval, { lower: d.interval.lower, upper: d.interval.upper, level: d.interval.level, method: d.interval.method });
    assert.ok(Object.is(perf.pr_auc!.value, averagePrecision(rankScores(o.yTrue, o.score)).value));
    const equalCount = (out.evidence['model.calibration'] as { equal_count: { bins: { lower: number; upper: number; count: number }[] } }).equal_count;
    const want = calibration(o.yTrue, o.score, { strategy: 'quantile', bins: 10, level: DEFAULT_CHECK_OPTIONS.confidenceLevel });
    assert.deepStrictEqual(
      equalCount.bins.map((b) => [b.lower, b.upper, b.count]),
      want.bins.map((b) => [b.lower, b.upper, b.count]),
    );
  });

  test('whole-row first occurrences: the unique-id shortcut and the unique-value hint change nothing', () => {
    for (const uniqueIds of [true, false]) {
      const { table } = checkupTable(2000, 3, { uniqueIds });
      const cache = new CheckCache(table);
      const ids = table.columns.filter((c) => c.name === 'id');
      // Sort a column first (through the cache), so its unique values can be used as a hint.
      columnOrder(cache, column(table, 'income'));
      const got = rowFirstOf(cache, table.columns, ids);
      assert.deepStrictEqual(got, firstOccurrences(table.rowCount, table.columns.map(keyOf)));
    }
  });

  test('first occurrences of one column: ids in increasing order are told apart without grouping', () => {
    const cases: [string, (number | null)[]][] = [
      ['increasing', [1, 2, 3, 10, 11]],
      ['a missing id', [1, 2, null, 4]],
      ['−0 then 0', [-1, -0, 0, 1]],
      ['a repeat', [1, 2, 2, 3]],
      ['decreasing', [3, 2, 1]],
    ];
    for (const [label, values] of cases) {
      const table: Table = { rowCount: values.length, columns: [numberColumn('id', values.length, (i) => values[i]!)] };
      assert.deepStrictEqual(columnFirstOf(new CheckCache(table), table.columns[0]!), firstOccurrences(values.length, [keyOf(table.columns[0]!)]), label);
    }
    for (const texts of [['a', 'b', 'c'], ['a', 'b', 'a'], [null, 'a', 'b']]) {
      const table: Table = { rowCount: texts.length, columns: [codesColumn('id', texts.length, (i) => texts[i]!)] };
      assert.deepStrictEqual(columnFirstOf(new CheckCache(table), table.columns[0]!), firstOccurrences(texts.length, [keyOf(table.columns[0]!)]), texts.join());
    }
  });

  test('outcome labels from number columns: text equality without making strings', () => {
    const values = [1, 0, -0, 1, 2.5, null, 1e21, 0.1, Infinity];
    const n = values.length;
    const table: Table = {
      rowCount: n,
      columns: [
        numberColumn('y', n, (i) => values[i]!),
        numberColumn('p', n, (i) => (i % 2 === 0 ? 1 : 0)),
        codesColumn('c', n, (i) => (i % 3 === 0 ? 'yes' : 'no')),
      ],
    };
    const roles = (target: string, positiveClass: string, prediction: string | null): DatasetRoles => ({
      target, prediction, score: null, classScores: {}, positiveClass, task: 'binary', sensitive: {}, ids: [], timestamps: [], ignored: [],
    });
    for (const [target, positive, prediction] of [
      ['y', '1', 'p'],
      ['y', '0', 'p'],
      ['y', '1e+21', null],
      ['y', 'Infinity', null],
      ['y', '1.0', null],
      ['y', '-0', null],
      ['c', 'yes', 'p'],
    ] as const) {
      const o = resolveOutcome(table, roles(target, positive, prediction));
      assert.equal(o.task, 'binary', `${target}=${positive}`);
      if (o.task !== 'binary') continue;
      const col = table.columns.find((c) => c.name === target)!;
      const want = [...o.rows].map((r) => (col.storage === 'codes' ? col.dictionary[col.codes[r]!] : String(col.values[r])) === positive ? 1 : 0);
      assert.deepStrictEqual([...o.yTrue], want, `${target}=${positive}`);
    }
  });
});
