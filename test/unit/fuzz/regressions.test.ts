/**
 * The smallest inputs that broke a reader when the fuzz targets first ran, kept so each fix stays
 * fixed. Each test names what used to happen. Binary files the fuzzers found are in fixtures/
 * (see its README) and are read in a child process with a time limit, since they used to hang.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readArrowFile } from '../../../src/main/ingest/arrow/read-arrow';
import { uniqueColumnNames } from '../../../src/main/ingest/columns/names';
import { readCsv } from '../../../src/main/ingest/read-any';
import type { ReadResult } from '../../../src/main/ingest/read-result';
import { readXlsxFile } from '../../../src/main/ingest/xlsx/read-xlsx';
import { decodeXmlText } from '../../../src/main/ingest/xlsx/xml';
import { SlicewiseError } from '../../../src/shared/errors';
import { DEFAULT_MISSING_TOKENS } from '../../../src/shared/missing';
import { tempDir } from '../helpers/temp';
import { checkResult } from './lib/outcome';
import { buildXlsx, type XRowSpec } from './lib/xlsx-build';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };
const dir = tempDir('slicewise-fuzz-regressions-');
const FIXTURES = join(import.meta.dirname, 'fixtures');

async function csv(text: string): Promise<ReadResult> {
  const path = join(dir, 'case.csv');
  writeFileSync(path, text);
  const r = await readCsv(path, opts, ctx);
  checkResult(r, Buffer.from(text));
  return r;
}

function xlsx(rows: XRowSpec[], extra: Parameters<typeof buildXlsx>[0] extends infer W ? Partial<W> : never = {}): ReadResult {
  const path = join(dir, 'case.xlsx');
  const bytes = buildXlsx({ sheets: [{ name: 'S', rows }], ...extra });
  writeFileSync(path, bytes);
  const r = readXlsxFile(path, opts, ctx);
  checkResult(r, bytes);
  return r;
}

const text = (ref: string, t: string): { ref: string; t: string; inline: string } => ({ ref, t: 'inlineStr', inline: `<t>${t}</t>` });

describe('CSV regressions', () => {
  test('a number too large for a double (1e309) is kept as text, not stored as Infinity', async () => {
    // Fuzz counterexample: ',,a,,a,\n0,"""",0,,1e309,""""'; minimal: one such cell in a number column.
    const r = await csv(`a\n${['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '1e309'].join('\n')}\n`);
    const col = r.table.columns[0]!;
    assert.equal(col.storage, 'number');
    if (col.storage === 'number') assert.ok(col.values.every((v) => !Number.isFinite(v) === Number.isNaN(v)), 'no ±Infinity');
    assert.deepEqual(r.stats[0]!.nonConformingExamples, [{ line: 13, value: '1e309' }]);
  });

  test('a header of 200,000 blank names: a few notes, not a stack overflow (RangeError from notes.push(...200k))', () => {
    const u = uniqueColumnNames(Array.from({ length: 200_000 }, () => ''));
    assert.equal(u.names.length, 200_000);
    assert.equal(new Set(u.names).size, 200_000);
    assert.ok(u.notes.length <= 22);
    assert.match(u.notes.at(-1)!, /199,990 more columns have no name/);
  });

  test('100,000 columns with the same name are renamed in linear time (it was quadratic)', () => {
    const started = performance.now();
    const u = uniqueColumnNames(Array.from({ length: 100_000 }, () => 'a'));
    assert.equal(new Set(u.names).size, 100_000);
    assert.equal(u.names[99_999], 'a_100000');
    assert.ok(performance.now() - started < 5_000);
  });
});

describe('xlsx regressions', () => {
  test('a header cell holding a date that is not one (t="d", "nope") — was RangeError: Invalid time value', () => {
    const r = xlsx([{ r: '1', cells: [{ ref: 'A1', t: 'd', v: 'nope' }] }, { r: '2', cells: [{ ref: 'A2', v: '1' }] }]);
    assert.equal(r.table.columns[0]!.name, 'column_1');
  });

  test('a character reference past U+10FFFF (&#x110000;) — was RangeError: Invalid code point', () => {
    assert.equal(decodeXmlText('a&#x110000;b&#99999999999;c'), 'a\uFFFDb\uFFFDc');
    const r = xlsx([{ r: '1', cells: [text('A1', 'name')] }, { r: '2', cells: [{ ref: 'A2', t: 'str', v: '&#x110000;' }] }]);
    assert.equal(r.table.rowCount, 1);
  });

  test('a cell reference past column XFD (ZZZZ1, AAAAAAAAAAAAAA1) is ignored with a note — was a stack overflow / Invalid array length', () => {
    for (const ref of ['ZZZZ1', 'AAAAAAAAAAAAAA1']) {
      const r = xlsx([{ r: '1', cells: [text('A1', 'a'), text(ref, 'far')] }, { r: '2', cells: [{ ref: 'A2', v: '1' }] }]);
      assert.equal(r.table.columns.length, 1, ref);
      assert.ok(r.notes.some((n) => /past column XFD/.test(n)), ref);
    }
  });

  test('a date-styled number no date can hold (1e15) stays a number — was RangeError: Invalid time value', () => {
    const r = xlsx([{ r: '1', cells: [text('A1', 'when')] }, { r: '2', cells: [{ ref: 'A2', s: 1, v: '1e15' }] }, { r: '3', cells: [{ ref: 'A3', s: 1, v: '45000' }] }], { styles: [undefined, 14] });
    const col = r.table.columns[0]!;
    assert.equal(col.storage, 'codes'); // one date and one number: mixed, kept as text
    if (col.storage === 'codes') assert.ok(col.dictionary.includes('1000000000000000'));
  });

  test('fifty rows of empty strings before the header — was TypeError: Cannot destructure property of null', () => {
    const blank: XRowSpec[] = Array.from({ length: 50 }, (_, i) => ({ r: String(i + 1), cells: [text(`A${i + 1}`, '')] }));
    const r = xlsx([...blank, { r: '51', cells: [text('A51', 'name')] }, { r: '52', cells: [text('A52', 'x')] }]);
    assert.equal(r.table.columns[0]!.name, 'name');
    assert.equal(r.table.rowCount, 1);
  });
});

describe('Arrow regressions', () => {
  test('a stream that is only an end-of-stream marker (FF FF FF FF 00 00 00 00) — was TypeError: reading "fields" of undefined', () => {
    const path = join(dir, 'empty.arrows');
    writeFileSync(path, Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
    assert.throws(() => readArrowFile(path, opts, ctx), (err: unknown) => err instanceof SlicewiseError && err.code === 'PARSE_ERROR' && /ends before it describes any columns/.test(err.message));
  });
});

describe('binary files found by fuzzing (fixtures/)', () => {
  const expected: Record<string, RegExp> = {
    'parquet-v2-page-without-level-lengths.parquet': /damaged Parquet file: row group 1 cannot be read \(a data page header is incomplete\)/,
    'parquet-column-without-name.parquet': /damaged Parquet file: a column in its table of contents has no name/,
    'parquet-schema-children-past-end.parquet': /damaged Parquet file: the list of its columns could not be read/,
    'arrow-footer-points-at-schema.arrow': /damaged Arrow file/,
    'arrow-schema-claims-16m-fields.arrows': /damaged Arrow file: a list in its metadata is longer than the metadata/,
    'arrow-batch-node-list-too-long.arrows': /damaged Arrow file/,
    'arrow-out-of-memory.arrows': /damaged Arrow file/,
    'arrow-schema-custom-metadata-too-long.arrows': /damaged Arrow file: a list in its metadata is longer than the metadata/,
  };

  test('each is refused quickly with a clear PARSE_ERROR (they used to hang, take seconds, or crash the process)', () => {
    const files = readdirSync(FIXTURES, { withFileTypes: true }).filter((f) => f.isFile() && !f.name.endsWith('.md')).map((f) => f.name);
    assert.deepEqual(files.sort(), Object.keys(expected).sort());
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib/read-fixtures.ts'), ...files.map((f) => join(FIXTURES, f))], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, `reading the fixtures did not finish within 60 s (a reader hangs again): ${r.stdout}`);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; outcome: string; code?: string; message?: string; ms: number });
    assert.equal(lines.length, files.length);
    for (const l of lines) {
      assert.equal(l.outcome, 'error', `${l.file}: ${l.outcome} ${l.message ?? ''}`);
      assert.equal(l.code, 'PARSE_ERROR', l.file);
      assert.match(l.message!, expected[l.file]!, l.file);
      assert.ok(l.ms < 2_000, `${l.file} took ${l.ms} ms`);
    }
  });
});

test('SlicewiseError is what the readers throw (sanity check for the helpers above)', async () => {
  await assert.rejects(csv(''), SlicewiseError);
});

// Known, not fixed: found by `npm run fuzz -- --runs 5 --seed 4242`. A data page whose level
// run-length encoding claims a run of about two billion values makes hyparquet (readRle) write
// that many array slots before it fails: ~3 s for a 482-byte file (18 s on a loaded machine).
// The run is inside the (possibly compressed) page, so refusing it up front means decoding every
// page twice; the fix belongs in hyparquet (clamp the run to the values left), or a time limit
// on the import job. Kept here so it is not forgotten; run it with FUZZ_KNOWN=1.
test('known: a Parquet page with an RLE run of billions is refused quickly', { skip: process.env.FUZZ_KNOWN ? false : 'known hyparquet issue (see the comment above); FUZZ_KNOWN=1 runs it' }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib/read-fixtures.ts'), join(FIXTURES, 'known', 'parquet-rle-run-of-billions.parquet')], { encoding: 'utf8', timeout: 60_000 });
  const line = JSON.parse(r.stdout.trim()) as { outcome: string; code?: string; ms: number };
  assert.equal(line.code, 'PARSE_ERROR');
  assert.ok(line.ms < 2_000, `took ${line.ms} ms`);
});
