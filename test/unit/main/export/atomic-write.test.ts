import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../../../../src/main/export/atomic-write';
import { tempDir } from '../../helpers/temp';

test('writes strings, bytes and chunks, replacing the old file, and leaves no temporary file', async () => {
  const dir = tempDir();
  const path = join(dir, 'report.md');
  writeFileSync(path, 'old');
  assert.equal(await writeFileAtomic(path, 'héllo'), 6);
  assert.equal(readFileSync(path, 'utf8'), 'héllo');
  await writeFileAtomic(path, new Uint8Array([104, 105]));
  assert.equal(readFileSync(path, 'utf8'), 'hi');
  function* chunks(): Generator<string | Uint8Array> {
    yield 'a,b\r\n';
    yield Buffer.from('1,2\r\n');
  }
  await writeFileAtomic(path, chunks());
  assert.equal(readFileSync(path, 'utf8'), 'a,b\r\n1,2\r\n');
  assert.deepEqual(readdirSync(dir), ['report.md']);
});

test('a failure part-way leaves the old file as it was and removes the temporary file', async () => {
  const dir = tempDir();
  const path = join(dir, 'rows.csv');
  writeFileSync(path, 'the old export');
  async function* failing(): AsyncGenerator<string> {
    yield 'first chunk';
    throw new Error('disk on fire');
  }
  await assert.rejects(writeFileAtomic(path, failing()), /disk on fire/);
  assert.equal(readFileSync(path, 'utf8'), 'the old export');
  assert.deepEqual(readdirSync(dir), ['rows.csv']);
});

test('a missing folder is an error, not a half-written file', async () => {
  await assert.rejects(writeFileAtomic(join(tempDir(), 'no', 'such', 'x.html'), 'x'), /ENOENT/);
});
