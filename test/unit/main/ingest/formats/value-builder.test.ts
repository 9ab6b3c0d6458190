import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValueBuilder, type CellValue } from '../../../../../src/main/ingest/columns/value-builder';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';

function build(values: CellValue[]) {
  const b = new ValueBuilder(DEFAULT_MISSING_TOKENS);
  values.forEach((v, i) => b.add(v, i + 2));
  return b.finish('c');
}

describe('ValueBuilder', () => {
  test('numbers: integer or decimal; null, undefined, NaN and missing tokens are missing', () => {
    const ints = build([1, 2, null, 3, undefined, 'NA']);
    assert.equal(ints.column.kind, 'integer');
    assert.equal(ints.stats.missing, 3);
    assert.deepEqual(ints.stats.missingTokens, { '': 2, NA: 1 });
    assert.equal(build([1, 2.5, NaN]).column.kind, 'decimal');
    assert.deepEqual(build([1, 2.5, NaN]).stats.missingTokens, { NaN: 1 });
  });

  test('dates and date-times as epoch ms UTC', () => {
    const d = build([new Date(Date.UTC(2024, 0, 1)), null]);
    assert.equal(d.column.kind, 'date');
    const dt = build([new Date(Date.UTC(2024, 0, 1, 5)), new Date(Date.UTC(2024, 0, 2))]);
    assert.equal(dt.column.kind, 'datetime');
  });

  test('booleans become a boolean codes column', () => {
    const b = build([true, false, null, true]);
    assert.equal(b.column.kind, 'boolean');
    assert.ok(b.column.storage === 'codes');
    if (b.column.storage === 'codes') assert.deepEqual([...b.column.codes].map((c) => b.column.storage === 'codes' && c >= 0 ? b.column.dictionary[c] : null), ['true', 'false', null, 'true']);
  });

  test('strings: classified like CSV text', () => {
    assert.equal(build(['a', 'b', 'a']).column.kind, 'category');
    assert.equal(build(Array.from({ length: 30 }, (_, i) => `id-${i}`)).column.kind, 'id');
    assert.equal(build([null, 'NA']).column.kind, 'empty');
  });

  test('numbers with at most 10% text stay numeric; the text is counted with its line', () => {
    const values: CellValue[] = [...Array.from({ length: 9 }, (_, i) => i), 'oops'];
    const r = build(values);
    assert.equal(r.column.kind, 'integer');
    assert.equal(r.stats.nonConforming, 1);
    assert.deepEqual(r.stats.nonConformingExamples, [{ line: 11, value: 'oops' }]);
    if (r.column.storage === 'number') assert.equal(r.column.valid[9], 0);
  });

  test('more text than that: text, with numbers in their shortest form and nothing lost', () => {
    const r = build([1, 0.1 + 0.2, 'x', 'y', 1e21, true]);
    assert.equal(r.column.storage, 'codes');
    if (r.column.storage === 'codes') {
      const col = r.column;
      assert.deepEqual([...col.codes].map((c) => col.dictionary[c]), ['1', '0.30000000000000004', 'x', 'y', '1e+21', 'true']);
    }
    assert.equal(r.stats.nonConforming, 0);
  });

  test('bigints: precision loss beyond 2^53 is noted', () => {
    const r = build([1n, 2n ** 60n]);
    assert.equal(r.column.kind, 'integer');
    assert.match(r.notes[0]!, /1 whole number is larger than 2\^53/);
  });

  test('padTo fills missing rows for a key first seen later', () => {
    const b = new ValueBuilder(DEFAULT_MISSING_TOKENS);
    b.padTo(3);
    b.add(5, 5);
    const r = b.finish('late');
    assert.equal(r.stats.missing, 3);
    if (r.column.storage === 'number') assert.deepEqual([...r.column.valid], [0, 0, 0, 1]);
  });
});
