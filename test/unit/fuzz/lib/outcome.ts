/**
 * What every fuzz case must end in: a valid table, or a SlicewiseError with a clear message.
 * `runReader` writes the case's bytes to a file, calls a reader, and classifies what happened;
 * `checkTable` and `checkError` are the invariants. Anything else (a TypeError, a RangeError, a
 * message that leaks an engine error) is a bug in the reader, and the property fails.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReadResult } from '../../../../src/main/ingest/read-result';
import { ERROR_CODES, SlicewiseError } from '../../../../src/shared/errors';
import type { Table } from '../../../../src/shared/table';

/** The largest and smallest epoch milliseconds a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15;

/**
 * Texts of JavaScript engine errors. A typed error whose message carries one of these is a crash
 * in disguise: the reader wrapped an exception it should have prevented.
 */
const ENGINE_ERRORS = /Invalid array length|Cannot destructure|is not iterable|is not defined|Maximum call stack|Invalid time value|Invalid string length|Invalid typed array length|Array buffer allocation failed|out of memory|Invalid code point|is not a function|Cannot read propert|Cannot set propert|undefined is not|null is not|\[object Object\]/i;

export type Outcome = { kind: 'table'; result: ReadResult } | { kind: 'error'; error: SlicewiseError };

export interface CheckOptions {
  /** Error codes this reader may throw for a file that exists and is readable. */
  codes?: readonly string[];
  /**
   * Readers that wrap a third-party parser (Parquet, Arrow) may quote its words for a damaged
   * file after their own clear sentence; those words may then be any engine text.
   */
  libraryDetail?: RegExp;
}

const DEFAULT_CODES = ['PARSE_ERROR', 'EMPTY_FILE'];

/** Throws (an AssertionError, which fast-check reports with the input) unless `t` is well formed. */
export function checkTable(t: Table): void {
  assert.ok(Number.isInteger(t.rowCount) && t.rowCount >= 1, `rowCount ${t.rowCount} is not a positive integer`);
  assert.ok(t.columns.length >= 1, 'a table without columns');
  const names = new Set<string>();
  for (const c of t.columns) {
    assert.equal(typeof c.name, 'string');
    assert.ok(c.name.trim() !== '', 'a column without a name');
    assert.ok(!names.has(c.name), `two columns are called "${c.name}"`);
    names.add(c.name);
    if (c.storage === 'number') {
      assert.equal(c.values.length, t.rowCount, `column "${c.name}": ${c.values.length} values for ${t.rowCount} rows`);
      assert.equal(c.valid.length, t.rowCount, `column "${c.name}": ${c.valid.length} validity flags for ${t.rowCount} rows`);
      const dates = c.kind === 'date' || c.kind === 'datetime';
      for (let r = 0; r < t.rowCount; r++) {
        const ok: number = c.valid[r]!;
        assert.ok(ok === 0 || ok === 1, `column "${c.name}" row ${r}: validity flag ${ok}`);
        const v: number = c.values[r]!;
        if (ok === 1) {
          assert.ok(Number.isFinite(v), `column "${c.name}" row ${r}: a present value ${v} is not a finite number`);
          if (dates) assert.ok(Math.abs(v) <= MAX_DATE_MS, `column "${c.name}" row ${r}: date ${v} ms is outside what a date can hold`);
          if (c.kind === 'integer') assert.ok(Number.isInteger(v), `column "${c.name}" is integer but row ${r} holds ${v}`);
        }
      }
    } else {
      assert.equal(c.codes.length, t.rowCount, `column "${c.name}": ${c.codes.length} codes for ${t.rowCount} rows`);
      const n = c.dictionary.length;
      for (const d of c.dictionary) assert.equal(typeof d, 'string');
      for (let r = 0; r < t.rowCount; r++) {
        const code: number = c.codes[r]!;
        assert.ok(code === -1 || (code >= 0 && code < n), `column "${c.name}" row ${r}: code ${code} outside its dictionary of ${n}`);
        if (c.kind === 'empty') assert.equal(code, -1, `column "${c.name}" is empty but row ${r} has a value`);
      }
    }
  }
}

/** The table plus what the reader says about it: stats per column, a true fingerprint. */
export function checkResult(result: ReadResult, bytes: Uint8Array, format?: string | readonly string[]): void {
  checkTable(result.table);
  const t = result.table;
  assert.equal(result.stats.length, t.columns.length, 'one stats entry per column');
  t.columns.forEach((c, i) => {
    const s = result.stats[i]!;
    const absent = c.storage === 'number' ? c.valid.reduce((n, v) => n + (v === 0 ? 1 : 0), 0) : [...c.codes].filter((v) => v === -1).length;
    assert.ok(s.missing >= 0 && s.missing <= t.rowCount, `column "${c.name}": ${s.missing} missing of ${t.rowCount}`);
    // A number column's absent cells are its missing cells plus the ones that did not parse.
    const expected = c.storage === 'number' ? s.missing + s.nonConforming : s.missing;
    assert.equal(absent, expected, `column "${c.name}": ${absent} absent cells, stats say ${s.missing} missing + ${s.nonConforming} odd`);
  });
  for (const n of result.notes) assert.equal(typeof n, 'string');
  if (format !== undefined) assert.ok((typeof format === 'string' ? [format] : format).includes(result.format), `format ${result.format}`);
  assert.equal(result.source.sizeBytes, bytes.length);
  assert.equal(result.source.sha256, createHash('sha256').update(bytes).digest('hex'));
}

/** A thrown value must be a SlicewiseError with a code, the file's name, and plain words. */
export function checkError(err: unknown, file: string, opts: CheckOptions = {}): asserts err is SlicewiseError {
  if (!(err instanceof SlicewiseError)) {
    const e = err as Error;
    throw new assert.AssertionError({ message: `not a SlicewiseError: ${e?.name ?? typeof err}: ${e?.message ?? String(err)}\n${e?.stack ?? ''}` });
  }
  assert.ok((ERROR_CODES as readonly string[]).includes(err.code));
  const codes = opts.codes ?? DEFAULT_CODES;
  assert.ok(codes.includes(err.code), `unexpected code ${err.code}: ${err.message}`);
  assert.equal(typeof err.message, 'string');
  assert.ok(err.message.length >= 20 && err.message.length <= 4000, `message of ${err.message.length} characters: ${err.message.slice(0, 200)}`);
  assert.ok(err.message.includes(file), `the message does not name the file: ${err.message}`);
  assert.equal(err.location?.file, file);
  const own = opts.libraryDetail ? err.message.replace(opts.libraryDetail, '') : err.message;
  assert.ok(!ENGINE_ERRORS.test(own), `the message leaks an engine error: ${err.message}`);
}

/** Writes the case to `path`, runs the reader, and returns what happened (never throws a reader error). */
export async function runReader(path: string, bytes: Uint8Array, read: (path: string) => ReadResult | Promise<ReadResult>, opts: CheckOptions = {}): Promise<Outcome> {
  writeFileSync(path, bytes);
  let result: ReadResult;
  try {
    result = await read(path);
  } catch (err) {
    checkError(err, basename(path), opts);
    return { kind: 'error', error: err };
  }
  return { kind: 'table', result };
}
