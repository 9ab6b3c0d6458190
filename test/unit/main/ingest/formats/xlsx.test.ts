import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readXlsxFile } from '../../../../../src/main/ingest/xlsx/read-xlsx';
import { chooseHeaderRow } from '../../../../../src/main/ingest/xlsx/header-row';
import { STR, NUM, type XRow } from '../../../../../src/main/ingest/xlsx/sheet-rows';
import { excelSerialToMs, isDateFormat } from '../../../../../src/main/ingest/xlsx/workbook';
import type { ReadResult } from '../../../../../src/main/ingest/read-result';
import { SlicewiseError } from '../../../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';

const DIR = join(import.meta.dirname, '../../../../fixtures/formats');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const ctx = { progress: () => {}, throwIfCancelled: () => {} };

/** [name, kind, missing] per column, hand-checked against scripts/make-format-fixtures.ts. */
function columns(r: ReadResult): [string, string, number][] {
  return r.table.columns.map((c, i) => [c.name, c.kind, r.stats[i]!.missing]);
}

function refuses(fn: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof SlicewiseError, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('xlsx reader', () => {
  test('finds the first sheet with data, skips two title rows, types every column', () => {
    const r = readXlsxFile(join(DIR, 'report.xlsx'), opts, ctx);
    assert.equal(r.format, 'xlsx');
    assert.equal(r.table.rowCount, 20);
    assert.equal(r.options.sheet, 'Report');
    assert.deepEqual(r.options.sheets, ['Cover', 'Report', 'Lookup']);
    assert.equal(r.options.headerRow, 3);
    assert.deepEqual(columns(r), [
      ['id', 'integer', 0],
      ['name', 'category', 0],
      ['joined', 'date', 1],
      ['amount', 'decimal', 1],
      ['score', 'integer', 2],
      ['active', 'boolean', 0],
    ]);
    // The one text cell in the numeric column is counted, with its Excel row number.
    assert.equal(r.stats[3]!.nonConforming, 1);
    assert.deepEqual(r.stats[3]!.nonConformingExamples, [{ line: 8, value: 'unknown' }]);
    assert.deepEqual(r.stats[4]!.missingTokens, { '#N/A': 2 });
    assert.ok(r.notes.some((n) => /#N\/A/.test(n)));
    assert.ok(r.notes.some((n) => /row 3; 2 rows above/.test(n)));
    const joined = r.table.columns[2]!;
    assert.equal(joined.storage, 'number');
    if (joined.storage === 'number') assert.equal(new Date(joined.values[0]!).toISOString(), '2023-01-01T00:00:00.000Z');
    const name = r.table.columns[1]!;
    if (name.storage === 'codes') assert.ok(name.dictionary.includes('Inline & <name>'));
    assert.equal(r.source.sha256, createHash('sha256').update(readFileSync(join(DIR, 'report.xlsx'))).digest('hex'));
  });

  test('reads a sheet chosen by name, and names the sheets when the name is wrong', () => {
    const r = readXlsxFile(join(DIR, 'report.xlsx'), { ...opts, sheet: 'Lookup' }, ctx);
    assert.equal(r.table.rowCount, 2);
    assert.deepEqual(columns(r), [
      ['code', 'category', 0],
      ['label', 'category', 0],
    ]);
    refuses(() => readXlsxFile(join(DIR, 'report.xlsx'), { ...opts, sheet: 'Nope' }, ctx), 'PARSE_ERROR', /no sheet called "Nope".*Cover, Report, Lookup/);
    refuses(() => readXlsxFile(join(DIR, 'report.xlsx'), { ...opts, sheet: 'Cover' }, ctx), 'EMPTY_FILE', /sheet "Cover" has no data/);
  });

  test('a header row given by the person wins over detection', () => {
    const r = readXlsxFile(join(DIR, 'report.xlsx'), { ...opts, headerRow: 3 }, ctx);
    assert.equal(r.options.headerRow, 3);
    assert.equal(r.table.columns[0]!.name, 'id');
  });

  test('1904 date system', () => {
    const r = readXlsxFile(join(DIR, 'date1904.xlsx'), opts, ctx);
    const day = r.table.columns[0]!;
    assert.equal(day.kind, 'datetime');
    if (day.storage === 'number') {
      assert.equal(new Date(day.values[0]!).toISOString(), '1904-01-01T00:00:00.000Z');
      assert.equal(new Date(day.values[1]!).toISOString(), '2027-03-16T12:00:00.000Z');
    }
    assert.equal(r.options.date1904, true);
  });

  test('bad input: each gets a clear message naming the file', () => {
    refuses(() => readXlsxFile(join(DIR, 'not-xlsx.zip'), opts, ctx), 'PARSE_ERROR', /^not-xlsx\.zip is a zip archive but not an Excel workbook/);
    refuses(() => readXlsxFile(join(DIR, 'no-sheets.xlsx'), opts, ctx), 'EMPTY_FILE', /^no-sheets\.xlsx has no sheets/);
    refuses(() => readXlsxFile(join(DIR, 'encrypted.xlsx'), opts, ctx), 'PARSE_ERROR', /^encrypted\.xlsx .*password-protected .*old Excel \.xls/);
    refuses(() => readXlsxFile(join(DIR, 'empty-sheet.xlsx'), opts, ctx), 'EMPTY_FILE', /^empty-sheet\.xlsx has no data in any sheet \(sheets: Only\)/);
    refuses(() => readXlsxFile(join(DIR, 'bomb.xlsx'), opts, ctx), 'PARSE_ERROR', /^bomb\.xlsx was refused: .*more than 200 times its packed size.*zip bomb/);
    refuses(() => readXlsxFile(join(DIR, 'people.json'), opts, ctx), 'PARSE_ERROR', /people\.json is not an Excel \.xlsx workbook/);
    refuses(() => readXlsxFile(join(DIR, 'missing.xlsx'), opts, ctx), 'FILE_UNREADABLE', /no longer exists/);
  });

  test('the total decompressed size is capped too', () => {
    refuses(
      () => readXlsxFile(join(DIR, 'report.xlsx'), { ...opts, zipLimits: { maxTotalBytes: 2000 } }, ctx),
      'PARSE_ERROR',
      /zip bomb/,
    );
  });

  test('stops when cancelled', () => {
    const cancel = { progress: () => {}, throwIfCancelled: () => { throw new SlicewiseError({ code: 'CANCELLED', message: 'stop' }); } };
    refuses(() => readXlsxFile(join(DIR, 'report.xlsx'), opts, cancel), 'CANCELLED', /stop/);
  });
});

describe('xlsx details', () => {
  test('Excel serial dates, with the 1900 leap-year bug', () => {
    const iso = (s: number, d1904 = false): string => new Date(excelSerialToMs(s, d1904)).toISOString();
    assert.equal(iso(1), '1900-01-01T00:00:00.000Z');
    assert.equal(iso(59), '1900-02-28T00:00:00.000Z');
    assert.equal(iso(61), '1900-03-01T00:00:00.000Z');
    assert.equal(iso(45_292), '2024-01-01T00:00:00.000Z');
    assert.equal(iso(45_292.75), '2024-01-01T18:00:00.000Z');
    assert.equal(iso(0, true), '1904-01-01T00:00:00.000Z');
    assert.ok(Number.isNaN(excelSerialToMs(-1, false)));
  });

  test('date number formats', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yy', '[$-409]mmmm d, yyyy', 'dd"."mm"."yyyy hh:mm']) assert.ok(isDateFormat(f), f);
    for (const f of ['0.00', '#,##0', 'General', 'mm:ss', '0" days"', '[Red]0.0']) assert.ok(!isDateFormat(f), f);
  });

  test('header detection: the first all-text row followed by rows as wide', () => {
    const row = (r: number, cells: (string | number)[], from = 0): XRow => ({ row: r, cells: cells.map((v, i) => ({ col: from + i, t: typeof v === 'string' ? STR : NUM, v })) });
    const rows = [row(1, ['Title']), row(2, ['a', 'b', 'c']), row(3, [1, 2, 3]), row(4, [4, 5])];
    assert.deepEqual(chooseHeaderRow(rows), { index: 1, firstCol: 0, lastCol: 2 });
    // No text-only row: the first row is the header and the table is as wide as the widest row.
    assert.deepEqual(chooseHeaderRow([row(1, [1, 2]), row(2, [3, 4, 5])]), { index: 0, firstCol: 0, lastCol: 2 });
    // A table that starts in column B.
    assert.deepEqual(chooseHeaderRow([row(5, ['x', 'y'], 1), row(6, [1, 2], 1)]), { index: 0, firstCol: 1, lastCol: 2 });
    assert.equal(chooseHeaderRow([]), null);
  });
});
