import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCodesColumn, encodeFeatures, encodeNumberColumn, featureColumns, quantileCuts } from '../../../../src/shared/slices/encode';
import { mulberry32 } from '../../../../src/shared/metrics/random';
import type { Table } from '../../../../src/shared/table';
import { BINARY_ROLES, codes, num, roles, run } from './helpers';

const all = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);
const counts = (c: Uint8Array, k: number): number[] => {
  const out = new Array<number>(k).fill(0);
  for (const x of c) out[x]!++;
  return out;
};

test('quantile cuts: values at ⌊k·m/B⌋ of the sorted values, repeated cuts merged, a cut at the minimum dropped', () => {
  assert.deepEqual(quantileCuts(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 5), [3, 5, 7, 9]);
  // 70% zeros: the cuts at positions 2, 4, 6 are all 0 (the minimum) and are dropped.
  assert.deepEqual(quantileCuts(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 1, 2, 3), 5), [2]);
  assert.deepEqual(quantileCuts(Float64Array.of(4, 4, 4), 5), []);
});

test('quantile bins with ties are never empty, and a bin holding one value reads "= v"', () => {
  const tied = num('visits', [...Array(40).fill(1), ...Array(40).fill(2), ...Array(20).fill(3)], 'integer');
  const e = encodeNumberColumn(tied, all(100), 5);
  // Cuts at positions 20, 40, 60, 80 → 1, 2, 2, 3 → [2, 3]: three bins.
  assert.deepEqual(
    e.conditions.map((c) => [c.op, c.value, c.label]),
    [
      ['=', 1, 'visits = 1'],
      ['=', 2, 'visits = 2'],
      ['=', 3, 'visits = 3'],
    ],
  );
  assert.deepEqual(counts(e.codes, 3), [40, 40, 20]);

  const zeros = num('claims', [0, 0, 0, 0, 0, 0, 0, 0, 5, 6], 'integer');
  const z = encodeNumberColumn(zeros, all(10), 5);
  assert.deepEqual(
    z.conditions.map((c) => c.label),
    ['claims = 0', 'claims 5+'],
  );
  assert.deepEqual(counts(z.codes, 2), [8, 2]);
});

test('number labels: integers as ranges, decimals with ≥ and "to <"; every row in exactly one bin', () => {
  const age = num('age', Array.from({ length: 100 }, (_, i) => 20 + Math.floor(i / 2)), 'integer'); // 20…69, twice each
  const a = encodeNumberColumn(age, all(100), 5);
  assert.deepEqual(
    a.conditions.map((c) => c.label),
    ['age < 30', 'age 30–39', 'age 40–49', 'age 50–59', 'age 60+'],
  );
  assert.deepEqual(a.conditions[1], { column: 'age', op: 'between', value: [30, 40], label: 'age 30–39', bin: { lower: 30, upper: 40 } });
  // Every bin keeps its exact edges, open at both ends.
  assert.deepEqual(
    a.conditions.map((c) => c.bin),
    [
      { lower: null, upper: 30 },
      { lower: 30, upper: 40 },
      { lower: 40, upper: 50 },
      { lower: 50, upper: 60 },
      { lower: 60, upper: null },
    ],
  );
  assert.deepEqual(counts(a.codes, 5), [20, 20, 20, 20, 20]);

  const income = num('income', Array.from({ length: 10 }, (_, i) => 20_000 + i * 10_000.5));
  const inc = encodeNumberColumn(income, all(10), 2);
  assert.deepEqual(
    inc.conditions.map((c) => c.label),
    ['income < 70,002.5', 'income ≥ 70,002.5'],
  );
});

test('dates are binned like numbers, with dates in the labels and ISO dates as values', () => {
  const days = Array.from({ length: 12 }, (_, m) => Date.UTC(2024, m, 1));
  const col = num('signed_up', days, 'date');
  const e = encodeNumberColumn(col, all(12), 3);
  assert.deepEqual(
    e.conditions.map((c) => [c.op, c.value, c.label]),
    [
      ['<', '2024-05-01', 'signed_up before 2024-05-01'],
      ['between', ['2024-05-01', '2024-09-01'], 'signed_up 2024-05-01 to 2024-08-31'],
      ['>=', '2024-09-01', 'signed_up 2024-09-01 or later'],
    ],
  );
});

test('missing is a value of its own, in number and category columns', () => {
  const income = num('income', [10, null, 30, null, 50]);
  const e = encodeNumberColumn(income, all(5), 2);
  assert.equal(e.conditions.at(-1)?.label, 'income is missing');
  assert.equal(e.conditions.at(-1)?.op, 'is missing');
  assert.deepEqual([...e.codes].map((c) => e.conditions[c]!.label), ['income = 10', 'income is missing', 'income ≥ 30', 'income is missing', 'income ≥ 30']);
  const region = codes('region', ['N', null, 'S']);
  const r = encodeCodesColumn(region, all(3), 1, 30);
  assert.deepEqual(
    [...r.codes].map((c) => r.conditions[c]!.label),
    ['region = N', 'region is missing', 'region = S'],
  );
});

test('rare categories are merged into "another value", and at most maxValues keep their own code', () => {
  const values = [...Array(50).fill('A'), ...Array(40).fill('B'), ...Array(5).fill('C'), ...Array(3).fill('D'), null, null];
  const e = encodeCodesColumn(codes('plan', values), all(values.length), 30, 30);
  assert.deepEqual(
    e.conditions.map((c) => [c.op, c.value, c.label]),
    [
      ['=', 'A', 'plan = A'],
      ['=', 'B', 'plan = B'],
      ['not in', ['A', 'B'], 'plan = another value (2 less common values)'],
      ['is missing', null, 'plan is missing'],
    ],
  );
  assert.deepEqual(counts(e.codes, 4), [50, 40, 8, 2]);
  const many = Array.from({ length: 40 * 35 }, (_, i) => `v${i % 40}`);
  const m = encodeCodesColumn(codes('city', many), all(many.length), 30, 30);
  assert.equal(m.conditions.length, 31);
  assert.equal(m.conditions[30]!.label, 'city = another value (10 less common values)');
});

test('features: everything but the outcome, prediction, score, ids, ignored, text and empty columns; sensitive ones flagged', () => {
  const t: Table = {
    rowCount: 4,
    columns: [
      codes('outcome', ['y', 'n', 'y', 'n']),
      codes('decision', ['y', 'y', 'n', 'n']),
      num('score', [0.9, 0.6, 0.4, 0.1]),
      codes('customer', ['a', 'b', 'c', 'd'], 'id'),
      codes('notes', ['x', 'y', 'z', 'w'], 'text'),
      codes('nothing', [null, null, null, null], 'empty'),
      codes('branch', ['1', '2', '1', '2']),
      codes('sex', ['f', 'm', 'f', 'm']),
      num('age', [30, 40, 50, 60], 'integer'),
      codes('internal', ['a', 'a', 'b', 'b']),
      codes('flag', ['z', 'z', 'z', 'z']),
    ],
  };
  const r = roles({ target: 'outcome', prediction: 'decision', score: 'score', task: 'binary', positiveClass: 'y', sensitive: { sex: 'sex' }, ignored: ['internal'] });
  assert.deepEqual(
    featureColumns(t, r).features.map((c) => c.name),
    ['branch', 'sex', 'age', 'flag'],
  );
  const { features, skipped } = encodeFeatures(t, r, all(4), { bins: 2, minCount: 1 });
  assert.deepEqual(
    features.map((f) => [f.column, f.sensitive]),
    [
      ['branch', false],
      ['sex', true],
      ['age', false],
    ],
  );
  assert.deepEqual(skipped.find((s) => s.column === 'flag'), { column: 'flag', reason: 'one value' });
});

test('a slice of rows with a missing value is found like any other', () => {
  const rand = mulberry32(5);
  const n = 8000;
  const income: (number | null)[] = [];
  const region: string[] = [];
  const outcome: string[] = [];
  const decision: string[] = [];
  for (let i = 0; i < n; i++) {
    const missing = rand() < 0.1;
    income.push(missing ? null : Math.round(rand() * 100_000));
    region.push(['a', 'b', 'c'][Math.floor(rand() * 3)]!);
    const y = rand() < 0.5 ? 'yes' : 'no';
    const wrong = rand() < (missing ? 0.3 : 0.1);
    outcome.push(y);
    decision.push(wrong === (y === 'yes') ? 'no' : 'yes');
  }
  const t: Table = { rowCount: n, columns: [num('income', income), codes('region', region), codes('outcome', outcome), codes('decision', decision)] };
  const ev = run(t, BINARY_ROLES).evidence as { slices: { description: string; conditions: { op: string }[] }[] };
  assert.equal(ev.slices[0]?.description, 'income is missing');
  assert.equal(ev.slices[0]?.conditions[0]?.op, 'is missing');
});
