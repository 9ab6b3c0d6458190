import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodesBuilder, NumberBuilder } from '../../../../src/main/ingest/columns/builders';

test('CodesBuilder.reserve sizes its dictionary from what the sample said of its distinct values, and only then', () => {
  const hinted = new CodesBuilder({ share: 0.5, valueBytes: 10 });
  hinted.reserve(1000, 400);
  const dict = hinted.toPart().dictionary!;
  assert.ok(dict.starts.buffer.byteLength >= 500 * 4, 'room for 500 values');
  assert.ok(dict.arena.buffer.byteLength >= 500 * 10, 'and their bytes');
  const plain = new CodesBuilder();
  plain.reserve(1000);
  assert.ok(plain.toPart().dictionary!.arena.buffer.byteLength < 5000);
});

test('NumberBuilder marks exactly the missing and odd cells invalid, with or without either', () => {
  const column = (cells: (string | null)[]): { values: number[]; valid: number[] } => {
    const b = new NumberBuilder({ decimal: '.', group: '' });
    cells.forEach((cell, i) => {
      if (cell === null) return b.addMissing('');
      const bytes = Buffer.from(cell);
      b.add(bytes, 0, bytes.length, 0, i + 2);
    });
    const built = b.finish('n').column;
    assert.ok(built.storage === 'number');
    return { values: [...built.values], valid: [...built.valid] };
  };
  assert.deepEqual(column(['1', '2.5', '-3']).valid, [1, 1, 1]);
  assert.deepEqual(column(['1', 'x', '3', '4', '5', '6', '7', '8', '9', '10', '11']).valid, [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'an odd cell, nothing missing');
  assert.deepEqual(column(['1', null, '3']).valid, [1, 0, 1], 'a missing cell, nothing odd');
});
