import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileColumn, topCodes } from '../../../../src/shared/roles/profile';

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
