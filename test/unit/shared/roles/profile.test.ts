import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileColumn, scanNumbers, topCodes } from '../../../../src/shared/roles/profile';

test('topCodes: the k most counted codes, most first, equal counts by lower code — as a full sort gives them', () => {
  assert.deepEqual(topCodes(Float64Array.from([0, 3, 1, 3, 0, 5, 1]), 3), { top: [5, 1, 3], used: 5 });
  assert.deepEqual(topCodes(Float64Array.from([2, 2, 2]), 2), { top: [0, 1], used: 3 });
  assert.deepEqual(topCodes(Float64Array.from([0, 0]), 5), { top: [], used: 0 });
  assert.deepEqual(topCodes(Float64Array.from([1, 4]), 0), { top: [], used: 2 });
  let seed = 7;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 200; round++) {
    const counts = Float64Array.from({ length: Math.floor(rnd() * 300) }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * (rnd() < 0.5 ? 3 : 40))));
    const k = Math.floor(rnd() * 60);
    const used = [...counts.keys()].filter((c) => counts[c]! > 0);
    const sorted = [...used].sort((a, b) => counts[b]! - counts[a]! || a - b);
    assert.deepEqual(topCodes(counts, k), { top: sorted.slice(0, k), used: used.length }, `round ${round}`);
  }
});

test('a text column’s profile: present, distinct and its most frequent values', () => {
  const p = profileColumn({ storage: 'codes', name: 'city', kind: 'category', dictionary: ['Oslo', 'Lima', 'Pune'], codes: Int32Array.from([1, 0, 1, -1, 2, 1, 0]) });
  assert.deepEqual({ present: p.present, distinct: p.distinct, values: p.values }, { present: 6, distinct: 3, values: ['Lima', 'Oslo', 'Pune'] });
});

/** What scanNumbers must give, the plain way: a Map (which holds 0 and −0 as one key). */
function reference(values: Float64Array, valid: Uint8Array, limit: number): ReturnType<typeof scanNumbers> {
  const seen = new Map<number, number>();
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!valid[i]) continue;
    const v = values[i]!;
    present++;
    min = Math.min(min, v);
    max = Math.max(max, v);
    seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  return { present, min, max, counted: seen.size > limit ? null : [...seen.entries()] };
}

test('scanNumbers counts values as a Map does, up to its limit: few values, exactly 50, 51, −0, dates, gaps', () => {
  let seed = 11;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pools = [[0, 1], [0, -0, 1.5, -2], Array.from({ length: 50 }, (_, i) => i * 1000), Array.from({ length: 51 }, (_, i) => i), [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)], [1e308, -1e-308, 0.1, 0.2]];
  for (let round = 0; round < 300; round++) {
    const pool = pools[round % pools.length]!;
    const n = Math.floor(rnd() * 3000);
    const values = Float64Array.from({ length: n }, () => pool[Math.floor(rnd() * pool.length)]!);
    const valid = Uint8Array.from({ length: n }, () => (rnd() < 0.1 ? 0 : 1));
    const got = scanNumbers(values, valid, 50);
    const want = reference(values, valid, 50);
    const sort = (c: [number, number][] | null): [number, number][] | null => c && [...c].sort((a, b) => a[0] - b[0]);
    assert.deepEqual({ ...got, counted: sort(got.counted) }, { ...want, counted: sort(want.counted) }, `round ${round}`);
  }
  assert.equal(scanNumbers(Float64Array.from({ length: 51 }, (_, i) => i), new Uint8Array(51).fill(1), 50).counted, null);
  assert.equal(scanNumbers(Float64Array.from({ length: 50 }, (_, i) => i), new Uint8Array(50).fill(1), 50).counted?.length, 50);
});

test('a number column’s profile: its values most frequent first, or none past 50 different ones', () => {
  const label = profileColumn({ storage: 'number', name: 'label', kind: 'integer', values: Float64Array.from([1, 0, 0, 1, 0, 7]), valid: Uint8Array.from([1, 1, 1, 1, 1, 0]) });
  assert.deepEqual({ present: label.present, distinct: label.distinct, values: label.values, min: label.min, max: label.max }, { present: 5, distinct: 2, values: ['0', '1'], min: 0, max: 1 });
  const many = profileColumn({ storage: 'number', name: 'x', kind: 'decimal', values: Float64Array.from({ length: 60 }, (_, i) => i / 2), valid: new Uint8Array(60).fill(1) });
  assert.deepEqual({ distinct: many.distinct, values: many.values, min: many.min, max: many.max }, { distinct: null, values: [], min: 0, max: 29.5 });
});
