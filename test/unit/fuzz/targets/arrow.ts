/**
 * Fuzz target: the Arrow IPC / Feather v2 reader. Valid files are written with apache-arrow, as
 * the file format or the stream format, in one or several record batches, from generated
 * columns: float64 with NaN, ±Infinity and −0; int32; int64 at its extremes; dates in days and
 * milliseconds and nanosecond timestamps far outside what a date can hold; text, dictionary text
 * and booleans with nulls; all-null columns; many distinct categories; a list column and a Null
 * column (both skipped). Writing takes milliseconds, so most cases damage a pool of such files
 * written once per worker: cut short, bytes changed (in the flatbuffer metadata too), magic
 * numbers kept or broken. Valid files must come back with every row and every readable column.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bool, DateDay, DateMillisecond, Dictionary, Field, Float64, Int32, Int64, List, Null, Table, TimestampNanosecond, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import fc from 'fast-check';
import { readArrowFile } from '../../../../src/main/ingest/arrow/read-arrow';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { damaged, randomBytes, type Bytes } from '../lib/bytes';
import { plainText } from '../lib/cells';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const FIXTURES = join(import.meta.dirname, '../../../fixtures/formats');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };

export interface ArrowCase {
  source: string;
  bytes: Bytes;
  expect?: { rows: number; columns: number };
}

type Kind = 'float64' | 'int32' | 'int64' | 'date-day' | 'date-ms' | 'ts-ns' | 'utf8' | 'dict' | 'bool' | 'all-null' | 'categories' | 'list' | 'null';
const KINDS: Kind[] = ['float64', 'float64', 'int32', 'int64', 'date-day', 'date-ms', 'ts-ns', 'utf8', 'utf8', 'dict', 'bool', 'all-null', 'categories', 'list', 'null'];
const SKIPPED: Kind[] = ['list', 'null'];

const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { freq: 6, nil: null });
const DAY_MS = 86_400_000;

function column(kind: Kind, rows: number): fc.Arbitrary<{ type: DataType; data: unknown[] }> {
  const n = { minLength: rows, maxLength: rows };
  const of = (type: DataType, a: fc.Arbitrary<unknown[]>): fc.Arbitrary<{ type: DataType; data: unknown[] }> => a.map((data) => ({ type, data }));
  switch (kind) {
    case 'float64':
      return of(new Float64(), fc.array(nullable(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0))), n));
    case 'int32':
      return of(new Int32(), fc.array(nullable(fc.oneof(fc.integer(), fc.constantFrom(2 ** 31 - 1, -(2 ** 31)))), n));
    case 'int64':
      return of(new Int64(), fc.array(nullable(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n))), n));
    case 'date-day':
      // Days far past year 275760 make Dates that are invalid (NaN) when built; Arrow writes what it can.
      return of(new DateDay(), fc.array(nullable(fc.integer({ min: -100_000_000, max: 100_000_000 }).map((d) => new Date(d * DAY_MS))), n));
    case 'date-ms':
      return of(new DateMillisecond(), fc.array(nullable(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(8.64e15, -8.64e15, 0)).map((ms) => new Date(ms))), n));
    case 'ts-ns':
      // Milliseconds (apache-arrow multiplies by 10^6); int64 nanoseconds wrap past ±9.2e12 ms.
      return of(new TimestampNanosecond(), fc.array(nullable(fc.oneof(fc.double({ min: -9e18, max: 9e18, noNaN: true }).map(Math.trunc), fc.constantFrom(9.2e12, -9.2e12, 9.2e18, 0))), n));
    case 'utf8':
      return of(new Utf8(), fc.array(nullable(fc.oneof(plainText, fc.constantFrom(...DEFAULT_MISSING_TOKENS))), n));
    case 'dict':
      return of(new Dictionary(new Utf8(), new Int32()), fc.array(nullable(fc.constantFrom('red', 'blue', 'NA', '', 'green')), n));
    case 'bool':
      return of(new Bool(), fc.array(nullable(fc.boolean()), n));
    case 'all-null':
      return of(new Float64(), fc.constant(Array.from({ length: rows }, () => null)));
    case 'categories':
      return of(new Utf8(), fc.nat(1_000_000).map((base) => Array.from({ length: rows }, (_, i) => `c${base + i}`)));
    case 'list':
      return of(new List(new Field('item', new Utf8(), true)), fc.array(nullable(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 })), n));
    case 'null':
      return of(new Null(), fc.constant(Array.from({ length: rows }, () => null)));
  }
}

interface Spec {
  columns: { kind: Kind; type: DataType; data: unknown[] }[];
  rows: number;
  /** Rows per record batch. */
  batch: number;
  format: 'file' | 'stream';
}

const spec: fc.Arbitrary<Spec> = fc
  .record({ kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 5 }), rows: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 24 })), format: fc.constantFrom<'file' | 'stream'>('file', 'stream') })
  .chain(({ kinds, rows, format }) =>
    fc.record({
      columns: fc.tuple(...kinds.map((kind) => column(kind, rows).map((c) => ({ kind, ...c })))),
      rows: fc.constant(rows),
      batch: fc.integer({ min: 1, max: rows }),
      format: fc.constant(format),
    }),
  );

function write(s: Spec): ArrowCase {
  const whole = new Table(Object.fromEntries(s.columns.map((c, i) => [`${c.kind}_${i}`, vectorFromArray(c.data as never[], c.type)])));
  const batches = [];
  for (let at = 0; at < s.rows; at += s.batch) batches.push(...whole.slice(at, Math.min(s.rows, at + s.batch)).batches);
  const bytes = tableToIPC(new Table(batches), s.format);
  const kept = s.columns.filter((c) => !SKIPPED.includes(c.kind)).length;
  return { source: `written ${s.format}`, bytes, ...(kept > 0 ? { expect: { rows: s.rows, columns: kept } } : {}) };
}

/** Valid files written once per worker (deterministic), the bodies most cases damage. */
const pool: ArrowCase[] = fc.sample(spec, { seed: 0xa4404, numRuns: 40 }).map(write);
const fixtures = ['dict.arrow', 'dict.arrows', 'old.feather'].map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))));
const bodies: fc.Arbitrary<Bytes> = fc.oneof({ arbitrary: fc.constantFrom(...pool.map((p) => p.bytes)), weight: 6 }, { arbitrary: fc.constantFrom(...fixtures), weight: 1 });

export const arrowCase: fc.Arbitrary<ArrowCase> = fc.oneof(
  { arbitrary: fc.constantFrom(...pool), weight: 6 },
  // Writing with apache-arrow costs milliseconds a file: fresh files are a small share.
  { arbitrary: spec.map(write), weight: 1 },
  { arbitrary: damaged(bodies).map((bytes) => ({ source: 'damaged', bytes })), weight: 24 },
  { arbitrary: randomBytes([[0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0], [0xff, 0xff, 0xff, 0xff], [0x46, 0x45, 0x41, 0x31]], 256).map((bytes) => ({ source: 'random', bytes })), weight: 4 },
);

export const target: FuzzTarget<ArrowCase> = {
  arbitrary: arrowCase,
  async run(c, dir) {
    const out = await runReader(join(dir, 'case.arrow'), c.bytes, (p) => readArrowFile(p, opts, ctx), { libraryDetail: /damaged Arrow file: [\s\S]*$/ });
    if (out.kind === 'error') {
      assert.equal(c.expect, undefined, `a valid file was refused: ${out.error.message}`);
      return `${c.source}: ${out.error.code}`;
    }
    checkResult(out.result, c.bytes, 'arrow');
    if (c.expect) {
      assert.equal(out.result.table.rowCount, c.expect.rows, 'every row');
      assert.equal(out.result.table.columns.length, c.expect.columns, 'every readable column');
    }
    return `${c.source}: table`;
  },
};
