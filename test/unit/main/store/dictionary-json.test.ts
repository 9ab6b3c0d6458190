import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaryJson } from '../../../../src/main/store/datasets';

test('a dictionary made into JSON piece by piece is exactly JSON.stringify of it, with a Cancel check between pieces', () => {
  const odd = ['', 'a "quoted" word', 'back\\slash', 'line\nbreak', 'é日本😀', '\u0000', '[', ']', ','];
  for (const n of [0, 1, 9, 250_000, 250_001, 600_003]) {
    const dictionary = Array.from({ length: n }, (_, i) => (i < odd.length ? odd[i]! : `value ${i}`));
    let checks = 0;
    const json = dictionaryJson(dictionary, () => checks++);
    assert.equal(json, JSON.stringify(dictionary), `${n} values`);
    assert.deepEqual(JSON.parse(json), dictionary);
    assert.equal(checks, n <= 250_000 ? 0 : Math.ceil(n / 250_000), `${n} values: checks`);
  }
  assert.throws(() => dictionaryJson(Array.from({ length: 300_000 }, String), () => {
    throw new Error('cancelled');
  }), /cancelled/);
});
