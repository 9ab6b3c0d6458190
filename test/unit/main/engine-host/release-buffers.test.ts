import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseBuffers, releasedBuffersFreed, tableBuffers } from '../../../../src/main/engine-host/release-buffers';
import type { Table } from '../../../../src/shared/table';

test('releaseBuffers detaches the buffers it is given (their memory goes with the unread message)', () => {
  const a = new Float64Array(1000).fill(1);
  const b = new Int32Array(10);
  const view = new Uint8Array(a.buffer, 8, 16);
  releaseBuffers([a.buffer, b.buffer, a.buffer]);
  assert.equal(a.buffer.byteLength, 0);
  assert.equal(a.length, 0);
  assert.equal(view.length, 0, 'every view of a released buffer reads as empty');
  assert.equal(b.length, 0);
});

test('tableBuffers: every column\'s buffers; tables that share columns (a join and its dataset) are released whole, each buffer once', () => {
  const values = new Float64Array([1, 2]);
  const valid = new Uint8Array([1, 0]);
  const codes = new Int32Array([0, -1]);
  const left: Table = { rowCount: 2, columns: [{ name: 'x', kind: 'decimal', storage: 'number', values, valid }] };
  const joined: Table = { rowCount: 2, columns: [...left.columns, { name: 'c', kind: 'category', storage: 'codes', codes, dictionary: ['a'] }] };
  assert.deepEqual(tableBuffers(joined), [values.buffer, valid.buffer, codes.buffer]);
  assert.doesNotThrow(() => releaseBuffers([left, joined].flatMap(tableBuffers)));
  assert.deepEqual([values.length, valid.length, codes.length], [0, 0, 0]);
});

test('releaseBuffers leaves what cannot be transferred to the collector, without throwing', () => {
  const pooled = Buffer.from('small'); // a slice of Node's shared pool, marked untransferable
  const shared = new Int32Array(new SharedArrayBuffer(16));
  const own = new Uint8Array(8);
  assert.doesNotThrow(() => releaseBuffers([pooled.buffer, shared.buffer]));
  assert.equal(pooled.toString(), 'small');
  assert.equal(shared.length, 4);
  releaseBuffers([own.buffer, pooled.buffer]); // the transferable one is released, the other kept
  assert.equal(own.length, 0);
  assert.equal(pooled.toString(), 'small');
  releaseBuffers([]);
});

test('released memory is freed once releasedBuffersFreed resolves, not during the synchronous work after releaseBuffers', async () => {
  const mb = 64;
  const arrayBuffers = (): number => process.memoryUsage().arrayBuffers / 1048576;
  await releasedBuffersFreed();
  const before = arrayBuffers();
  // Released from a timer, as a job's code runs from a message or timer, not from the check phase
  // where setImmediate callbacks run (from there a single setImmediate would already be late enough).
  const held = await new Promise<number>((resolve) =>
    setTimeout(() => {
      const big = new Uint8Array(mb * 1048576).fill(7);
      releaseBuffers([big.buffer]);
      assert.equal(big.length, 0);
      const still = arrayBuffers() - before;
      void releasedBuffersFreed().then(() => resolve(still));
    }, 0),
  );
  assert.ok(held > mb * 0.9, 'still held right after releaseBuffers');
  assert.ok(arrayBuffers() - before < mb * 0.1, `freed after releasedBuffersFreed (${(arrayBuffers() - before).toFixed(0)} MB still held)`);
});
