/**
 * shared/big-arrays.ts: until a host turns it on, arrays get exactly their bytes; once on, arrays
 * from the floor up to glibc's ceiling get buffers past the ceiling (mapped alone), zeroed, with
 * views of exactly the asked length; smaller and bigger ones are unchanged. And the engine's
 * threads turn it on where the C library is glibc (this machine) and nowhere else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bigArraysMappedAlone, bigArraysSlackBytes, bigBuffer, float64s, GLIBC_MMAP_CEILING, int32s, mapBigArraysAlone, uint16s, uint32s, uint8s } from '../../../src/shared/big-arrays';
import { collectGarbage } from '../../../src/main/engine-host/collect-garbage';
import { runsOnGlibc } from '../../../src/main/engine-host/glibc-arrays';
import { bundleChild } from '../helpers/child-bundle';

const MB = 1024 * 1024;

test('big arrays: exact buffers until turned on; then buffers past glibc’s ceiling from the floor up to it, zeroed, views of the asked length', () => {
  assert.equal(bigArraysMappedAlone(), false);
  for (const bytes of [0, 1, MB, 8 * MB, GLIBC_MMAP_CEILING]) assert.equal(bigBuffer(bytes).byteLength, bytes);
  assert.equal(float64s(MB).buffer.byteLength, 8 * MB);

  mapBigArraysAlone(2 * MB);
  assert.equal(bigArraysMappedAlone(), true);
  assert.equal(bigBuffer(2 * MB - 1).byteLength, 2 * MB - 1, 'below the floor: exact');
  assert.equal(bigBuffer(GLIBC_MMAP_CEILING + 1).byteLength, GLIBC_MMAP_CEILING + 1, 'past the ceiling already: exact');
  for (const bytes of [2 * MB, 5 * MB + 3, GLIBC_MMAP_CEILING]) assert.ok(bigBuffer(bytes).byteLength > GLIBC_MMAP_CEILING, `${bytes} bytes`);

  const n = 2_000_000;
  const arrays = [float64s(n), int32s(n), uint32s(n), uint16s(n), uint8s(3 * MB)];
  for (const a of arrays) {
    assert.ok(a.buffer.byteLength > GLIBC_MMAP_CEILING);
    assert.equal(a.byteOffset, 0);
    assert.ok(a.every((x) => x === 0), 'zeroed');
  }
  assert.deepEqual(arrays.map((a) => a.length), [n, n, n, n, 3 * MB]);
  assert.equal(float64s(10).buffer.byteLength, 80, 'small arrays: exact');
  assert.equal(uint8s(MB).buffer.byteLength, MB, 'under this floor: exact');
});

test('the address space past mapped-alone arrays is counted while they live, and no longer once they are collected', async () => {
  mapBigArraysAlone(MB);
  const settle = async (): Promise<void> => {
    for (let i = 0, last = -1; i < 50 && bigArraysSlackBytes() !== last; i++) {
      last = bigArraysSlackBytes();
      collectGarbage();
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await settle(); // the earlier test's arrays
  const before = bigArraysSlackBytes();
  let arrays: Uint8Array[] | null = [uint8s(2 * MB), uint8s(3 * MB), uint8s(MB - 1)];
  const slack = bigBuffer(2 * MB).byteLength - 2 * MB + bigBuffer(3 * MB).byteLength - 3 * MB;
  assert.equal(bigArraysSlackBytes() - before, 2 * slack, 'two arrays and two buffers of 2 and 3 MB; the one under 1 MB is not mapped alone');
  assert.equal(arrays.length, 3);
  arrays = null;
  await settle();
  assert.equal(bigArraysSlackBytes(), before);
});

test('the engine’s threads map big arrays alone where the C library is glibc', async () => {
  assert.equal(runsOnGlibc(), process.platform === 'linux' && typeof (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime === 'string');
  // A fresh thread, as an engine worker starts: off until it asks.
  const dir = mkdtempSync(join(tmpdir(), 'slicewise-big-arrays-'));
  try {
    const entry = await bundleChild(join(import.meta.dirname, '../helpers/big-arrays-thread.ts'), dir);
    const seen = await new Promise<unknown>((resolve, reject) => {
      const w = new Worker(entry);
      w.once('message', (m) => {
        void w.terminate();
        resolve(m);
      });
      w.once('error', reject);
    });
    const glibc = runsOnGlibc();
    assert.deepEqual(seen, { before: false, on: glibc, after: glibc, bytes: glibc ? GLIBC_MMAP_CEILING + 64 * 1024 : 8 * MB });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
