import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileColumn, profileTable } from '../../../../src/shared/profile/column-profile';
import type { CodesColumn, NumberColumn } from '../../../../src/shared/table';

function numbers(name: string, values: (number | null)[], kind: NumberColumn['kind'] = 'decimal'): NumberColumn {
  return {
    storage: 'number',
    name,
    kind,
    values: Float64Array.from(values.map((v) => v ?? 0)),
    valid: Uint8Array.from(values.map((v) => (v === null ? 0 : 1))),
  };
}

function codes(name: string, values: (string | null)[], kind: CodesColumn['kind'] = 'category'): CodesColumn {
  const dictionary: string[] = [];
  const codesOut = values.map((v) => {
    if (v === null) return -1;
    let c = dictionary.indexOf(v);
    if (c < 0) c = dictionary.push(v) - 1;
    return c;
  });
  return { storage: 'codes', name, kind, codes: Int32Array.from(codesOut), dictionary };
}

test('a number column: missing, distinct, quartiles as numpy (linear), mean, and the outliers check fences', () => {
  // Present, sorted: 1 … 12, 100 (n = 13). np.quantile linear: Q1 at h = 3 → 4, median at h = 6 → 7, Q3 at h = 9 → 10.
  // IQR 6; k = 1.5 → fences 4 − 9 = −5 and 10 + 9 = 19: 100 is above, nothing below. Mean 178 / 13.
  const col = numbers('x', [5, 1, null, 3, 100, 2, 8, 4, null, 7, 6, 9, 10, 11, 12]);
  const p = profileColumn(col, 15, { outlierIqr: 1.5 });
  assert.equal(p.rows, 15);
  assert.equal(p.missing, 2);
  assert.equal(p.distinct, 13);
  assert.deepEqual(p.numbers, { min: 1, q1: 4, median: 7, q3: 10, max: 100, mean: 178 / 13 });
  assert.deepEqual(p.outliers, { k: 1.5, lower: -5, upper: 19, below: 0, above: 1 });
  assert.deepEqual(p.examples, ['5', '1', '3', '100', '2']);
  assert.equal(p.chart?.kind, 'histogram');
  if (p.chart?.kind !== 'histogram') return;
  // 30 equal bins from 1 to 100 (width 3.3): [1, 4.3) holds 1–4, [4.3, 7.6) 5–7, [7.6, 10.9) 8–10, [10.9, 14.2) 11–12, the last 100.
  assert.equal(p.chart.counts.length, 30);
  assert.deepEqual(p.chart.counts.slice(0, 5), [4, 3, 3, 2, 0]);
  assert.equal(p.chart.counts[29], 1);
  assert.equal(p.chart.counts.reduce((a, b) => a + b, 0), 13);
  assert.deepEqual(p.chart.markers?.map((m) => m.label), ['median', 'lower fence', 'upper fence']);
});

test('few distinct numbers are bars of their values; no IQR means no fences (never fences of width 0)', () => {
  const p = profileColumn(numbers('rooms', [2, 2, 2, 3, 2, 2]), 6);
  assert.equal(p.outliers, null);
  assert.deepEqual(p.chart, { kind: 'bars', title: 'rooms', labels: ['2', '3'], values: [5, 1], unit: 'count' });
});

test('an all-missing number column has no spread, no chart and says 0 distinct', () => {
  const p = profileColumn(numbers('empty', [null, null]), 2);
  assert.equal(p.missing, 2);
  assert.equal(p.distinct, 0);
  assert.equal(p.numbers, null);
  assert.equal(p.chart, null);
});

test('dates: by month over a short span, with empty months shown as 0; no fences for dates', () => {
  const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const p = profileColumn(numbers('when', [d('2025-01-15'), d('2025-03-01'), d('2025-01-02'), null], 'date'), 4);
  assert.equal(p.outliers, null);
  assert.deepEqual(p.chart, { kind: 'bars', title: 'when', labels: ['2025-01', '2025-02', '2025-03'], values: [2, 0, 1], unit: 'count' });
  assert.deepEqual(p.examples, ['2025-01-15', '2025-03-01', '2025-01-02']);
});

test('dates spread over centuries become a histogram of years, not hundreds of bars', () => {
  const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const p = profileColumn(numbers('built', [d('1900-06-01'), d('2020-01-01'), d('2205-01-01')], 'date'), 3);
  assert.equal(p.chart?.kind, 'histogram');
});

test('a category column: most common first (ties by value), the rest as "(other values)", missing counted', () => {
  const values = ['b', 'a', 'b', null, 'c', 'a', 'b', 'd'];
  const p = profileColumn(codes('c', values), values.length, { topCount: 2 });
  assert.equal(p.missing, 1);
  assert.equal(p.distinct, 4);
  assert.deepEqual(p.top, [
    { value: 'b', count: 3 },
    { value: 'a', count: 2 },
  ]);
  assert.equal(p.otherCount, 2);
  assert.deepEqual(p.chart, { kind: 'bars', title: 'c', labels: ['b', 'a', '(other values)'], values: [3, 2, 2], unit: 'count' });
});

test('free text and ids list examples, not a "most common" chart', () => {
  const p = profileColumn(codes('note', ['hello', 'hi', 'hello', 'hey'], 'text'), 4);
  assert.deepEqual(p.top, []);
  assert.equal(p.chart, null);
  assert.equal(p.distinct, 3);
  assert.deepEqual(p.examples, ['hello', 'hi', 'hey']);
});

test('profileTable profiles every column in order', () => {
  const t = { rowCount: 2, columns: [numbers('a', [1, 2]), codes('b', ['x', null])] };
  assert.deepEqual(
    profileTable(t).map((p) => [p.name, p.missing]),
    [
      ['a', 0],
      ['b', 1],
    ],
  );
});
