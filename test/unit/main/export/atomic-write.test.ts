import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test("a writer killed mid-write left its temporary file: the next write of that file removes it, and leaves a live writer's alone", async () => {
  const dir = tempDir('slicewise-atomic-');
  const target = join(dir, 'report.html');
  // pid 2^22 + 1 is above Linux's largest pid, so no process has it; process.pid is this (live) one.
  const dead = join(dir, `.report.html.${2 ** 22 + 1}.0123456789ab.tmp`);
  const live = join(dir, `.report.html.${process.ppid}.ba9876543210.tmp`);
  const other = join(dir, `.other.html.${2 ** 22 + 1}.0123456789ab.tmp`);
  for (const f of [dead, live, other]) writeFileSync(f, 'half a report');
  await writeFileAtomic(target, '<html></html>');
  assert.equal(existsSync(dead), false, 'the dead writer’s temporary file is gone');
  assert.equal(existsSync(live), true, 'a running writer’s temporary file is kept');
  assert.equal(existsSync(other), true, 'another file’s temporary files are not touched');
  assert.equal(readFileSync(target, 'utf8'), '<html></html>');
});
