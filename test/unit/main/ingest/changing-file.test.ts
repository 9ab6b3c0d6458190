import assert from 'node:assert/strict';
import { appendFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDelimitedFile } from '../../../../src/main/ingest/csv/read-delimited';
import { SlicewiseError } from '../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { tempDir } from '../../helpers/temp';

const rows = (n: number): string => 'id,value\n' + Array.from({ length: n }, (_, i) => `${i},${i * 2}`).join('\n') + '\n';

test('a file that grows while it is being read is refused with a clear message', () => {
  const dir = tempDir();
  const file = join(dir, 'growing.csv');
  writeFileSync(file, rows(5000));
  let grown = false;
  const ctx = {
    progress: () => {
      if (!grown) {
        appendFileSync(file, '5000,10000\n');
        grown = true;
      }
    },
    throwIfCancelled: () => {},
  };
  assert.throws(
    () => readDelimitedFile(file, { missingTokens: DEFAULT_MISSING_TOKENS, readBytes: 4096 }, ctx),
    (err: unknown) => err instanceof SlicewiseError && err.code === 'FILE_UNREADABLE' && /growing\.csv changed while it was being read/.test(err.message),
  );
});

test('a file deleted while it is being read is still read whole (the open file stays readable)', () => {
  const dir = tempDir();
  const file = join(dir, 'vanishing.csv');
  writeFileSync(file, rows(5000));
  let gone = false;
  const ctx = {
    progress: () => {
      if (!gone) {
        unlinkSync(file);
        gone = true;
      }
    },
    throwIfCancelled: () => {},
  };
  const read = readDelimitedFile(file, { missingTokens: DEFAULT_MISSING_TOKENS, readBytes: 4096 }, ctx);
  assert.equal(read.table.rowCount, 5000);
});
