/**
 * The large hostile cases, one of each (too big to generate thousands of): a header with 100,000
 * columns, many distinct categories, a 10 MB field, JSON nested 100,000 deep on one NDJSON line,
 * a 16 MB zip bomb disguised as a workbook (with honest and with lying sizes), and NaN, ±Infinity
 * and −0 in numeric columns of every typed reader. Each must end in a valid table or a clear
 * error, within time and memory bounds. FUZZ_RUNS > 1 (npm run fuzz) makes the big ones bigger
 * (10^6 distinct categories).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Float64, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readArrowFile } from '../../../src/main/ingest/arrow/read-arrow';
import { readJsonFile } from '../../../src/main/ingest/json/read-json';
import { readParquetFile } from '../../../src/main/ingest/parquet/read-parquet';
import { readCsv } from '../../../src/main/ingest/read-any';
import type { ReadResult } from '../../../src/main/ingest/read-result';
import { readXlsxFile } from '../../../src/main/ingest/xlsx/read-xlsx';
import { SlicewiseError } from '../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../src/shared/missing';
import { tempDir } from '../helpers/temp';
import { checkResult } from './lib/outcome';
import { runsMultiplier } from './lib/runner';
import { buildXlsx, workbookParts, zipParts } from './lib/xlsx-build';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const dir = tempDir('slicewise-fuzz-limits-');
const big = runsMultiplier() > 1;

function file(name: string, bytes: Uint8Array | string): { path: string; bytes: Uint8Array } {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const path = join(dir, name);
  writeFileSync(path, b);
  return { path, bytes: b };
}

/** Runs `read`, checks the table, and returns it with the time and the memory it took. */
async function measured(bytes: Uint8Array, read: () => ReadResult | Promise<ReadResult>): Promise<{ r: ReadResult; ms: number; mb: number }> {
  const before = process.memoryUsage();
  const started = performance.now();
  const r = await read();
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  checkResult(r, bytes);
  return { r, ms, mb: (after.arrayBuffers - before.arrayBuffers + after.heapUsed - before.heapUsed) / 1024 ** 2 };
}

function refuses(err: unknown, pattern: RegExp): boolean {
  assert.ok(err instanceof SlicewiseError, String(err));
  assert.equal(err.code, 'PARSE_ERROR');
  assert.match(err.message, pattern);
  return true;
}

describe('wide and long', () => {
  test('a CSV header with 100,000 columns and one row', async (t) => {
    const n = 100_000;
    const f = file('wide.csv', `${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: n }, (_, i) => (i % 3 === 0 ? String(i) : i % 3 === 1 ? `v${i}` : '')).join(',')}\n`);
    const { r, ms, mb } = await measured(f.bytes, () => readCsv(f.path, opts, ctx));
    t.diagnostic(`100,000 columns: ${Math.round(ms)} ms, ~${Math.round(mb)} MB`);
    assert.equal(r.table.columns.length, n);
    assert.equal(r.table.rowCount, 1);
    // Per-column buffers start small: it took gigabytes when each column's dictionary began at 84 KB.
    assert.ok(mb < 1_000, `${Math.round(mb)} MB for 100,000 columns`);
  });

  test('an xlsx sheet as wide as Excel allows (A1 to XFD1: 16,384 columns), and one past it', async (t) => {
    const sheet = (far: string): Uint8Array =>
      buildXlsx({ sheets: [{ name: 'S', rows: [{ r: '1', cells: [{ ref: 'A1', t: 'inlineStr', inline: '<t>a</t>' }, { ref: far, t: 'inlineStr', inline: '<t>z</t>' }] }, { r: '2', cells: [{ ref: 'A2', v: '1' }] }] }] });
    const f = file('wide.xlsx', sheet('XFD1'));
    const { r, ms } = await measured(f.bytes, () => readXlsxFile(f.path, opts, ctx));
    t.diagnostic(`16,384 columns: ${Math.round(ms)} ms`);
    assert.equal(r.table.columns.length, 16_384);
    const past = file('past.xlsx', sheet('XFE1'));
    const { r: r2 } = await measured(past.bytes, () => readXlsxFile(past.path, opts, ctx));
    assert.equal(r2.table.columns.length, 1);
  });

  test(`a CSV column of ${big ? '1,000,000' : '200,000'} distinct categories`, async (t) => {
    const n = big ? 1_000_000 : 200_000;
    const rows = Array.from({ length: n }, (_, i) => `${i},cat-${i.toString(36)}`);
    const f = file('categories.csv', `id,label\n${rows.join('\n')}\n`);
    const { r, ms } = await measured(f.bytes, () => readCsv(f.path, opts, ctx));
    t.diagnostic(`${n} distinct categories: ${Math.round(ms)} ms`);
    assert.equal(r.table.rowCount, n);
    const label = r.table.columns[1]!;
    assert.equal(label.storage, 'codes');
    if (label.storage === 'codes') assert.equal(label.dictionary.length, n);
  });

  test('a 10 MB quoted field: read whole, or refused by the line limit with a clear message', async () => {
    const field = `"${'x'.repeat(5 << 20)}""${'y'.repeat(5 << 20)}"`;
    const f = file('huge-field.csv', `a,b\n1,${field}\n2,z\n`);
    const { r } = await measured(f.bytes, () => readCsv(f.path, opts, ctx));
    assert.equal(r.table.rowCount, 2);
    await assert.rejects(readCsv(f.path, { ...opts, maxLineBytes: 1 << 20 }, ctx), (err) => refuses(err, /longer than 1024 KB/));
  });

  test('NDJSON with one value nested 100,000 deep (and a JSON array item nested 1,000,000 deep)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nd = file('deep.ndjson', `{"a":1,"deep":${deep}}\n{"a":2}\n`);
    const { r } = await measured(nd.bytes, () => readJsonFile(nd.path, opts, ctx));
    assert.equal(r.table.rowCount, 2);
    const deeper = file('deeper.json', `[{"a":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}]`);
    try {
      const { r: r2 } = await measured(deeper.bytes, () => readJsonFile(deeper.path, opts, ctx));
      assert.equal(r2.table.rowCount, 1);
    } catch (err) {
      // JSON.parse may refuse that depth; then it must say so as a typed error.
      assert.ok(err instanceof SlicewiseError, String(err));
    }
  });
});

describe('a zip bomb disguised as a workbook', () => {
  const MB16 = 16 << 20;
  const base = workbookParts({ sheets: [{ name: 'S', rows: [{ cells: [{ ref: 'A1', t: 'inlineStr', inline: '<t>a</t>' }] }] }], sharedStrings: ['<t>x</t>'] });
  const cases: [string, Record<string, string>][] = [
    ['a sheet of 16 MB of zeros', { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${'0'.repeat(MB16)}</sheetData></worksheet>` }],
    ['shared strings of 16 MB', { 'xl/sharedStrings.xml': `<sst><si><t>${'a'.repeat(MB16)}</t></si></sst>` }],
  ];
  for (const [what, parts] of cases) {
    let zipped: Uint8Array | null = null; // built once for both tests (deflating 16 MB takes a while)
    for (const lying of [false, true]) {
      test(`${what}${lying ? ', its sizes lying' : ''}, is refused fast without inflating it`, () => {
        zipped ??= zipParts({ ...base, ...parts }, 6);
        const bytes = Buffer.from(zipped);
        if (lying) for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) bytes.writeUInt32LE(100, p + 24);
        const f = file('bomb.xlsx', bytes);
        assert.ok(bytes.length < 1 << 20, `the bomb is ${bytes.length} bytes`);
        const started = performance.now();
        assert.throws(() => readXlsxFile(f.path, opts, ctx), (err) => refuses(err, /zip bomb/));
        assert.ok(performance.now() - started < 5_000);
      });
    }
  }
});

describe('NaN, ±Infinity and −0 in numeric columns', () => {
  const values = [1.5, NaN, Infinity, -Infinity, -0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  const noInfinity = (r: ReadResult): void => {
    for (const c of r.table.columns) if (c.storage === 'number') for (let i = 0; i < r.table.rowCount; i++) assert.ok(!c.valid[i] || Number.isFinite(c.values[i]!), `${c.name}[${i}] = ${c.values[i]}`);
  };

  test('CSV', async () => {
    const f = file('special.csv', `x\n${values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join('\n')}\n1e309\n`);
    noInfinity((await measured(f.bytes, () => readCsv(f.path, opts, ctx))).r);
  });

  test('JSON', async () => {
    const f = file('special.json', `[${values.map((v) => `{"x":${Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : v) : v > 0 ? '1e999' : Number.isNaN(v) ? 'null' : '-1e999'}}`).join(',')}]`);
    noInfinity((await measured(f.bytes, () => readJsonFile(f.path, opts, ctx))).r);
  });

  test('Parquet and Arrow', async () => {
    const pq = file('special.parquet', new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: values, type: 'DOUBLE' }] })));
    const a = (await measured(pq.bytes, () => readParquetFile(pq.path, opts, ctx))).r;
    noInfinity(a);
    assert.equal(a.stats[0]!.nonConforming, 2, 'the two infinities');
    const ar = file('special.arrow', tableToIPC(new Table({ x: vectorFromArray(values, new Float64()) }), 'file'));
    const b = (await measured(ar.bytes, () => readArrowFile(ar.path, opts, ctx))).r;
    noInfinity(b);
    const x = b.table.columns[0]!;
    if (x.storage === 'number') assert.ok(Object.is(x.values[4], -0), '−0 is kept');
  });
});
