import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbage } from '../../../../src/main/engine-host/collect-garbage';

test('collectGarbage runs a full collection: garbage the heap holds goes at once, live data stays', () => {
  const kept = Array.from({ length: 1000 }, (_, i) => `kept ${i}`);
  let junk: string[] | null = Array.from({ length: 300_000 }, (_, i) => `dropped value ${i} ${'x'.repeat(24)}`);
  assert.equal(junk.length, 300_000);
  const before = process.memoryUsage().heapUsed;
  junk = null;
  assert.equal(collectGarbage(), true);
  const freed = before - process.memoryUsage().heapUsed;
  assert.ok(freed > 10 * 1048576, `freed ${(freed / 1048576).toFixed(1)} MB of ~20 MB of garbage`);
  assert.equal(kept[999], 'kept 999');
  assert.equal(collectGarbage(), true, 'the collector is found once and reused');
});
