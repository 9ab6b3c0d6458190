import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chooseFormat, formatFromBytes, readAnyFile } from '../../../../../src/main/ingest/read-any';
import { SlicewiseError } from '../../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';
import { tempDir } from '../../../helpers/temp';

const FORMATS = join(import.meta.dirname, '../../../../fixtures/formats');
const CSV = join(import.meta.dirname, '../../../../fixtures/csv');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const ctx = { progress: () => {}, throwIfCancelled: () => {} };

describe('read-any dispatcher', () => {
  test('each fixture goes to its reader and comes back in the common shape', async () => {
    const cases: [string, string, number][] = [
      [join(CSV, 'small.csv'), 'csv', 4],
      [join(FORMATS, 'report.xlsx'), 'xlsx', 20],
      [join(FORMATS, 'people.json'), 'json', 4],
      [join(FORMATS, 'events.ndjson'), 'ndjson', 3],
      [join(FORMATS, 'mixed.parquet'), 'parquet', 6],
      [join(FORMATS, 'dict.arrow'), 'arrow', 6],
      [join(FORMATS, 'dict.arrows'), 'arrow', 6],
    ];
    for (const [path, format, rows] of cases) {
      const r = await readAnyFile(path, opts, ctx);
      assert.equal(r.format, format, path);
      assert.equal(r.table.rowCount, rows, path);
      assert.equal(r.stats.length, r.table.columns.length);
      assert.match(r.source.sha256, /^[0-9a-f]{64}$/);
    }
    const csv = await readAnyFile(join(CSV, 'small.csv'), opts, ctx);
    assert.deepEqual(csv.options, { delimiter: ',', encoding: 'utf-8', decimal: '.', thousands: '', raggedRows: 'error', raggedCount: 0 });
  });

  test('content wins over the name', async () => {
    const dir = tempDir();
    copyFileSync(join(FORMATS, 'mixed.parquet'), join(dir, 'data.csv'));
    copyFileSync(join(CSV, 'small.csv'), join(dir, 'table.xlsx'));
    assert.equal((await readAnyFile(join(dir, 'data.csv'), opts, ctx)).format, 'parquet');
    assert.equal((await readAnyFile(join(dir, 'table.xlsx'), opts, ctx)).format, 'csv');
  });

  test('magic bytes', () => {
    const b = (s: string | number[]): Uint8Array => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Uint8Array.from(s));
    assert.equal(formatFromBytes(b('PK\x03\x04....')), 'xlsx');
    assert.equal(formatFromBytes(b([0xd0, 0xcf, 0x11, 0xe0, 0xa1])), 'xlsx');
    assert.equal(formatFromBytes(b('PAR1....')), 'parquet');
    assert.equal(formatFromBytes(b('ARROW1\0\0')), 'arrow');
    assert.equal(formatFromBytes(b([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0])), 'arrow');
    assert.equal(formatFromBytes(b('\xef\xbb\xbf \n [{"a":1}]')), 'json');
    assert.equal(formatFromBytes(b('{"a":1}\n')), 'json');
    assert.equal(formatFromBytes(b('a,b\n1,2\n')), null);
    assert.equal(chooseFormat('x.tsv', b('a\tb\n')), 'csv');
    assert.equal(chooseFormat('x.json', b('42')), 'json');
  });

  test('unknown and binary files get a message listing what Slicewise reads', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.csv'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]));
    const check = (pattern: RegExp) => (err: unknown) => {
      assert.ok(err instanceof SlicewiseError);
      assert.equal(err.code, 'PARSE_ERROR');
      assert.match(err.message, pattern);
      assert.match(err.message, /Excel workbooks \(\.xlsx\).*Parquet.*Arrow/);
      return true;
    };
    await assert.rejects(readAnyFile(join(FORMATS, 'unknown.bin'), opts, ctx), check(/^unknown\.bin is not in a format Slicewise reads/));
    await assert.rejects(readAnyFile(join(dir, 'scan.csv'), opts, ctx), check(/^scan\.csv is not a table Slicewise can read: it looks like a PDF document/));
  });

  test('bad inputs reach their reader\'s message through the dispatcher', async () => {
    const expect = async (name: string, pattern: RegExp): Promise<void> => {
      await assert.rejects(readAnyFile(join(FORMATS, name), opts, ctx), (err: unknown) => err instanceof SlicewiseError && pattern.test(err.message));
    };
    await expect('not-xlsx.zip', /is a zip archive but not an Excel workbook/);
    await expect('encrypted.xlsx', /password-protected/);
    await expect('bomb.xlsx', /zip bomb/);
    await expect('old.feather', /Feather version 1/);
    await expect('broken.ndjson', /line 3 is not valid JSON/);
    await expect('scalar.json', /is not a JSON table/);
    await expect('truncated.parquet', /incomplete Parquet file/);
    await assert.rejects(readAnyFile(join(CSV, 'empty.csv'), opts, ctx), (err: unknown) => err instanceof SlicewiseError && err.code === 'EMPTY_FILE');
  });
});
