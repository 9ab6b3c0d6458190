import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readArrowFile } from '../../../../../src/main/ingest/arrow/read-arrow';
import { readParquetFile } from '../../../../../src/main/ingest/parquet/read-parquet';
import type { ReadResult } from '../../../../../src/main/ingest/read-result';
import { SlicewiseError } from '../../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';

const DIR = join(import.meta.dirname, '../../../../fixtures/formats');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const ctx = { progress: () => {}, throwIfCancelled: () => {} };

function columns(r: ReadResult): [string, string, number][] {
  return r.table.columns.map((c, i) => [c.name, c.kind, r.stats[i]!.missing]);
}

function isError(code: string, pattern: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof SlicewiseError, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    return true;
  };
}

describe('Parquet reader', () => {
  test('reads the flat columns row group by row group and names the skipped nested one', async () => {
    const stages: number[] = [];
    const r = await readParquetFile(join(DIR, 'mixed.parquet'), opts, { progress: (_s, f) => stages.push(f), throwIfCancelled: () => {} });
    assert.equal(r.format, 'parquet');
    assert.equal(r.table.rowCount, 6);
    assert.equal(r.options.rowGroups, 2);
    assert.deepEqual(columns(r), [
      ['id', 'integer', 0],
      ['amount', 'decimal', 2],
      ['name', 'category', 2], // one null, one "NA"
      ['flag', 'boolean', 1],
      ['ts', 'datetime', 0],
      ['day', 'date', 0],
      ['big', 'integer', 0],
    ]);
    assert.deepEqual(r.options.skippedColumns, ['tags (list)']);
    assert.ok(r.notes.includes('Imported the flat columns; skipped: tags (list). Nested columns are not read.'));
    assert.ok(r.notes.some((n) => /"big": 1 whole number is larger than 2\^53/.test(n)));
    const ts = r.table.columns[4]!;
    if (ts.storage === 'number') assert.equal(new Date(ts.values[0]!).toISOString(), '2024-01-01T12:00:00.000Z');
    const day = r.table.columns[5]!;
    if (day.storage === 'number') assert.equal(new Date(day.values[5]!).toISOString(), '2024-01-06T00:00:00.000Z');
    // Progress after each of the two row groups.
    assert.deepEqual(stages.filter((f) => f > 0), [4 / 6, 1]);
    assert.equal(r.source.sha256, createHash('sha256').update(readFileSync(join(DIR, 'mixed.parquet'))).digest('hex'));
  });

  test('cancels between row groups', async () => {
    let calls = 0;
    const cancel = {
      progress: () => {},
      throwIfCancelled: () => {
        if (++calls > 1) throw new SlicewiseError({ code: 'CANCELLED', message: 'stop' });
      },
    };
    await assert.rejects(readParquetFile(join(DIR, 'mixed.parquet'), opts, cancel), isError('CANCELLED', /stop/));
  });

  test('bad input', async () => {
    await assert.rejects(readParquetFile(join(DIR, 'truncated.parquet'), opts, ctx), isError('PARSE_ERROR', /^truncated\.parquet is an incomplete Parquet file/));
    await assert.rejects(readParquetFile(join(DIR, 'people.json'), opts, ctx), isError('PARSE_ERROR', /^people\.json is not a Parquet file/));
  });
});

describe('Arrow reader', () => {
  for (const name of ['dict.arrow', 'dict.arrows']) {
    test(`${name}: dictionary text, numbers, dates, booleans; nested list skipped`, () => {
      const r = readArrowFile(join(DIR, name), opts, ctx);
      assert.equal(r.format, 'arrow');
      assert.equal(r.options.ipcFormat, name.endsWith('s') ? 'stream' : 'file');
      assert.equal(r.options.batches, 2);
      assert.equal(r.table.rowCount, 6);
      assert.deepEqual(columns(r), [
        ['id', 'integer', 0],
        ['label', 'category', 1],
        ['price', 'decimal', 1],
        ['day', 'date', 0],
        ['big', 'integer', 0],
        ['ok', 'boolean', 0],
      ]);
      const label = r.table.columns[1]!;
      if (label.storage === 'codes') assert.deepEqual([...label.codes].map((c) => (c < 0 ? null : label.dictionary[c])), ['red', 'blue', null, 'red', 'blue', 'green']);
      const day = r.table.columns[3]!;
      if (day.storage === 'number') assert.equal(new Date(day.values[0]!).toISOString(), '2024-02-01T00:00:00.000Z');
      assert.deepEqual(r.options.skippedColumns, ['tags (list)']);
    });
  }

  test('bad input', () => {
    assert.throws(() => readArrowFile(join(DIR, 'old.feather'), opts, ctx), isError('PARSE_ERROR', /^old\.feather is a Feather version 1 file, an old format/));
    assert.throws(() => readArrowFile(join(DIR, 'people.json'), opts, ctx), isError('PARSE_ERROR', /is not an Arrow IPC or Feather v2 file/));
  });
});
