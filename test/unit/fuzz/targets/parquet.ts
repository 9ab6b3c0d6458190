/**
 * Fuzz target: the Parquet reader. Valid files are written with hyparquet-writer from generated
 * columns: doubles with NaN, ±Infinity and −0; int32/int64 at their extremes; DATE days and
 * TIMESTAMP millis/micros/nanos far outside what a date can hold (int64 min and max, as sentinel
 * values are); strings with missing tokens; booleans; all-null columns; many distinct categories;
 * a nested list column (skipped); one-row files; row groups of any size; UNCOMPRESSED or SNAPPY.
 * Writing is slow (milliseconds), so most cases damage a pool of such files written once per
 * worker: cut short, bytes changed anywhere or in the footer (where the table of contents and its
 * length live). Valid files must come back with every row and every flat column.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readParquetFile } from '../../../../src/main/ingest/parquet/read-parquet';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { concat, damaged, randomBytes, tailEdited, type Bytes } from '../lib/bytes';
import { plainText } from '../lib/cells';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const FIXTURES = join(import.meta.dirname, '../../../fixtures/formats');
const opts = { missingTokens: DEFAULT_MISSING_TOKENS };

export interface ParquetCase {
  source: string;
  bytes: Bytes;
  expect?: { rows: number; columns: number };
}

type Kind = 'double' | 'int32' | 'int64' | 'string' | 'bool' | 'date' | 'ts-ms' | 'ts-us' | 'ts-ns' | 'all-null' | 'categories' | 'list';
const KINDS: Kind[] = ['double', 'double', 'int32', 'int64', 'string', 'string', 'bool', 'date', 'ts-ms', 'ts-us', 'ts-ns', 'all-null', 'categories', 'list'];

const INT64_EDGES = [0n, 1n, -1n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), 86_400_000n * 100_000_000n];
const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { freq: 6, nil: null });

function values(kind: Kind, rows: number): fc.Arbitrary<unknown[]> {
  const n = { minLength: rows, maxLength: rows };
  switch (kind) {
    case 'double':
      return fc.array(nullable(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE))), n);
    case 'int32':
      return fc.array(nullable(fc.oneof(fc.integer(), fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 0))), n);
    case 'int64':
    case 'ts-ms':
    case 'ts-us':
    case 'ts-ns':
      return fc.array(nullable(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constantFrom(...INT64_EDGES), fc.bigInt({ min: 0n, max: 2n ** 41n }))), n);
    case 'date':
      return fc.array(nullable(fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -100_000, max: 100_000 }))), n);
    case 'string':
      return fc.array(nullable(fc.oneof(plainText, fc.constantFrom(...DEFAULT_MISSING_TOKENS))), n);
    case 'bool':
      return fc.array(nullable(fc.boolean()), n);
    case 'all-null':
      return fc.constant(Array.from({ length: rows }, () => null));
    case 'categories':
      return fc.nat(1_000_000).map((base) => Array.from({ length: rows }, (_, i) => `c${base + i}`));
    case 'list':
      return fc.array(nullable(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 })), n);
  }
}

const SCHEMA: Record<Kind, Record<string, string>> = {
  double: { type: 'DOUBLE' },
  int32: { type: 'INT32' },
  int64: { type: 'INT64' },
  'ts-ms': { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
  'ts-us': { type: 'INT64', converted_type: 'TIMESTAMP_MICROS' },
  'ts-ns': { type: 'INT64' },
  date: { type: 'INT32', converted_type: 'DATE' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  bool: { type: 'BOOLEAN' },
  'all-null': { type: 'DOUBLE' },
  categories: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  list: {},
};

interface Spec {
  columns: { kind: Kind; data: unknown[] }[];
  rows: number;
  rowGroupSize: number;
  codec: 'UNCOMPRESSED' | 'SNAPPY';
}

const spec: fc.Arbitrary<Spec> = fc
  .record({ kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 5 }), rows: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 24 })), codec: fc.constantFrom<'UNCOMPRESSED' | 'SNAPPY'>('UNCOMPRESSED', 'SNAPPY') })
  .chain(({ kinds, rows, codec }) =>
    fc.record({
      columns: fc.tuple(...kinds.map((kind) => values(kind, rows).map((data) => ({ kind, data })))),
      rows: fc.constant(rows),
      rowGroupSize: fc.integer({ min: 1, max: rows }),
      codec: fc.constant(codec),
    }),
  );

/** Writes a spec as a Parquet file, with its expected shape. */
function write(s: Spec): ParquetCase {
  const schema: Record<string, unknown>[] = [{ name: 'root', num_children: s.columns.length }];
  const columnData = s.columns.map((c, i) => {
    const name = `${c.kind}_${i}`;
    if (c.kind === 'list') {
      schema.push({ name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 }, { name: 'list', repetition_type: 'REPEATED', num_children: 1 }, { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    } else {
      const el: Record<string, unknown> = { name, repetition_type: 'OPTIONAL', ...SCHEMA[c.kind] };
      if (c.kind === 'ts-ns') el.logical_type = { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' };
      schema.push(el);
    }
    return { name, data: c.data };
  });
  const buf = parquetWriteBuffer({ columnData, schema, rowGroupSize: s.rowGroupSize, codec: s.codec } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
  const flat = s.columns.filter((c) => c.kind !== 'list').length;
  return { source: 'written', bytes: new Uint8Array(buf), ...(flat > 0 ? { expect: { rows: s.rows, columns: flat } } : {}) };
}

/** Valid files written once per worker (deterministic), the bodies most cases damage. */
const pool: ParquetCase[] = fc.sample(spec, { seed: 0x9a9e7, numRuns: 48 }).map(write);
const fixtures = ['mixed.parquet', 'truncated.parquet'].map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))));
const bodies: fc.Arbitrary<Bytes> = fc.oneof({ arbitrary: fc.constantFrom(...pool.map((p) => p.bytes)), weight: 6 }, { arbitrary: fc.constantFrom(...fixtures), weight: 1 });
const PAR1 = [0x50, 0x41, 0x52, 0x31];

export const parquetCase: fc.Arbitrary<ParquetCase> = fc.oneof(
  { arbitrary: fc.constantFrom(...pool), weight: 3 },
  { arbitrary: spec.map(write), weight: 1 },
  { arbitrary: damaged(bodies).map((bytes) => ({ source: 'damaged', bytes })), weight: 8 },
  { arbitrary: tailEdited(bodies, 64).map((bytes) => ({ source: 'footer damaged', bytes })), weight: 6 },
  // A footer whose length field points before the start, past the end, or at zero.
  {
    arbitrary: fc.tuple(bodies, fc.constantFrom(0, 1, 7, 2 ** 31 - 1, 2 ** 32 - 1, 0x7fff)).map(([b, len]) => {
      const out = Uint8Array.from(b);
      new DataView(out.buffer).setUint32(out.length - 8, len, true);
      return { source: 'footer length', bytes: out };
    }),
    weight: 2,
  },
  { arbitrary: randomBytes([PAR1], 256).map((b) => ({ source: 'random', bytes: concat([b, Uint8Array.from(PAR1)]) })), weight: 2 },
);

export const target: FuzzTarget<ParquetCase> = {
  arbitrary: parquetCase,
  async run(c, dir) {
    const out = await runReader(join(dir, 'case.parquet'), c.bytes, (p) => readParquetFile(p, opts, ctx), { libraryDetail: /\((?:[^()]|\([^()]*\))*\)\.?$/ });
    if (out.kind === 'error') {
      assert.equal(c.expect, undefined, `a valid file was refused: ${out.error.message}`);
      return `${c.source}: ${out.error.code}`;
    }
    checkResult(out.result, c.bytes, 'parquet');
    if (c.expect) {
      assert.equal(out.result.table.rowCount, c.expect.rows, 'every row');
      assert.equal(out.result.table.columns.length, c.expect.columns, 'every flat column');
    }
    return `${c.source}: table`;
  },
};
