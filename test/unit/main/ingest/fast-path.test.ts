/**
 * The CSV reader's fast record path (src/main/ingest/csv/fast-records.ts) against the tokenizer
 * path it shortcuts: on seeded generated files mixing every case the fast path must hand back
 * (generated-csv.ts), read in tiny and large pieces with tiny and normal samples, the reader must
 * give exactly the same table, statistics, notes and errors either way.
 * A longer campaign: FAST_PATH_CASES=50000 FAST_PATH_SEED=7 node --import tsx --test <this file>.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { readDelimitedFile } from '../../../../src/main/ingest/csv/read-delimited';
import { csvGenerator, outcome } from './generated-csv';

const CASES = Number(process.env.FAST_PATH_CASES ?? 1500);
const SEED = Number(process.env.FAST_PATH_SEED ?? 20261127);
const ctx = { progress: (): void => {}, throwIfCancelled: (): void => {} };

test(`the fast record path reads ${CASES} generated files exactly as the tokenizer path does`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slicewise-fast-path-'));
  const file = csvGenerator(SEED);
  let tables = 0;
  try {
    for (let k = 0; k < CASES; k++) {
      const { text, opts } = file();
      const path = join(dir, `case-${k}.csv`);
      writeFileSync(path, text);
      const fast = await outcome(() => readDelimitedFile(path, opts, ctx));
      const slow = await outcome(() => readDelimitedFile(path, { ...opts, fastPath: false }, ctx));
      if (!isDeepStrictEqual(fast.comparable, slow.comparable)) {
        assert.fail(`case ${k}: the fast record path differs\noptions ${JSON.stringify(opts)}\nfile ${JSON.stringify(text)}\nfast: ${JSON.stringify(fast.comparable).slice(0, 1500)}\nslow: ${JSON.stringify(slow.comparable).slice(0, 1500)}`);
      }
      if (fast.raw) tables++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Most files read into tables; the rest must be refused with the same error both ways.
  assert.ok(tables > CASES / 2, `${tables} of ${CASES} read into tables`);
});
