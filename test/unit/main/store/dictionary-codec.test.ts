import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaryJson, parseDictionary } from '../../../../src/main/store/datasets';

test('a dictionary made into JSON piece by piece is exactly JSON.stringify of it (as UTF-8 bytes past 250,000 values), with a Cancel check between pieces', () => {
  const odd = ['', 'a "quoted" word', 'back\\slash', 'line\nbreak', 'é日本😀', '\u0000', '[', ']', ',', 'lone \ud800 surrogate'];
  for (const n of [0, 1, 9, 250_000, 250_001, 600_003]) {
    const dictionary = Array.from({ length: n }, (_, i) => (i < odd.length ? odd[i]! : `value ${i}`));
    let checks = 0;
    const json = dictionaryJson(dictionary, () => checks++);
    if (n <= 250_000) assert.equal(json, JSON.stringify(dictionary), `${n} values`);
    else assert.ok(Buffer.isBuffer(json) && json.equals(Buffer.from(JSON.stringify(dictionary))), `${n} values: the UTF-8 of JSON.stringify`);
    assert.deepEqual(parseDictionary(json), dictionary);
    // What versions that stored text do with the bytes: JSON.parse reads a Buffer as its UTF-8 string.
    assert.deepEqual(JSON.parse(json as string), dictionary);
    assert.equal(checks, n <= 250_000 ? 0 : Math.ceil(n / 250_000), `${n} values: checks`);
  }
  // Values longer in UTF-8 than in UTF-16 overrun the first guess at the size: the buffer grows.
  const wide = Array.from({ length: 250_001 }, (_, i) => `日本語 ${i}`);
  assert.ok(Buffer.from(JSON.stringify(wide)).equals(dictionaryJson(wide) as Buffer));
  assert.throws(() => dictionaryJson(Array.from({ length: 300_000 }, String), () => {
    throw new Error('cancelled');
  }), /cancelled/);
});
