import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Table as ArrowTable, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { ChunkEncoder, decodeChunks, encodeChunk, type ColumnShape } from '../../../../src/main/store/table-codec';
import type { Table } from '../../../../src/shared/table';

/** 10,000 rows: a number column with gaps, one without, and a text column with missing codes. */
function sample(): Table {
  const n = 10_000;
  const values = new Float64Array(n);
  const valid = new Uint8Array(n);
  const whole = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = i * 0.25 - 7;
    valid[i] = i % 7 === 3 ? 0 : 1;
    whole[i] = i;
    codes[i] = i % 11 === 0 ? -1 : i % 3;
  }
  return {
    rowCount: n,
    columns: [
      { storage: 'number', name: 'x', kind: 'decimal', values, valid },
      { storage: 'number', name: 'id', kind: 'integer', values: whole, valid: new Uint8Array(n).fill(1) },
      { storage: 'codes', name: 'g', kind: 'category', codes, dictionary: ['a', 'b', 'c'] },
    ],
  };
}

const shapes = (t: Table): ColumnShape[] =>
  t.columns.map((c) => ({ name: c.name, storage: c.storage, kind: c.kind, ...(c.storage === 'codes' ? { dictionary: c.dictionary } : {}) }));

test('ChunkEncoder writes the same bytes as tableToIPC, into one buffer it reuses', () => {
  const table = sample();
  const encoder = new ChunkEncoder();
  const bounds = [[0, 4096], [4096, 8192], [8192, 10_000], [0, 1], [5, 5]] as const;
  let buffer: ArrayBufferLike | null = null;
  for (const [from, to] of bounds) {
    const reused = encoder.encode(table, from, to);
    assert.deepEqual(Buffer.from(reused), Buffer.from(encodeChunk(table, from, to)), `rows ${from}–${to}`);
    if (from === 4096) assert.equal(reused.buffer, buffer, 'the second chunk is written over the first one’s buffer');
    buffer = reused.buffer;
  }
  // Odd lengths (padding), columns all missing, views into bigger buffers, and another table
  // (another schema) through the same encoder.
  const n = 13;
  const other: Table = {
    rowCount: n,
    columns: [
      { storage: 'codes', name: 'none', kind: 'empty', codes: new Int32Array(n).fill(-1), dictionary: [] },
      { storage: 'number', name: 'gaps', kind: 'date', values: new Float64Array(n + 9).map((_, i) => i * 1e11).subarray(9), valid: new Uint8Array(n).fill(0) },
      { storage: 'codes', name: 'ünï', kind: 'text', codes: new Int32Array(n + 3).map((_, i) => (i % 4) - 1).subarray(3), dictionary: ['p', 'q', 'r'] },
    ],
  };
  for (const [t, from, to] of [[other, 0, 13], [other, 1, 8], [other, 3, 4], [table, 9, 16], [other, 0, 0]] as const) {
    assert.deepEqual(Buffer.from(encoder.encode(t, from, to)), Buffer.from(encodeChunk(t, from, to)), `${t === other ? 'other' : 'sample'} rows ${from}–${to}`);
  }
});

test('chunks written by the encoder read back as the table, from a lazy sequence of chunks', () => {
  const table = sample();
  const encoder = new ChunkEncoder();
  function* chunks(): Generator<Uint8Array> {
    // Copied as SQLite would, since the next encode overwrites the view.
    for (let from = 0; from < table.rowCount; from += 3000) yield Uint8Array.from(encoder.encode(table, from, Math.min(table.rowCount, from + 3000)));
  }
  const back = decodeChunks(shapes(table), chunks(), table.rowCount);
  assert.equal(back.rowCount, table.rowCount);
  const [x, id, g] = back.columns;
  const [x0, id0, g0] = table.columns;
  assert.ok(x?.storage === 'number' && x0?.storage === 'number' && id?.storage === 'number' && id0?.storage === 'number' && g?.storage === 'codes' && g0?.storage === 'codes');
  assert.deepEqual(x.valid, x0.valid);
  for (let i = 0; i < table.rowCount; i++) if (x0.valid[i]) assert.equal(x.values[i], x0.values[i]);
  assert.ok(id.values instanceof Int32Array, 'whole numbers past 127, nothing missing: Int32');
  assert.deepEqual([...id.values], [...id0.values]);
  assert.ok(g.codes instanceof Int8Array, 'three values: a byte a row');
  assert.deepEqual([...g.codes], [...g0.codes]);
  assert.deepEqual(g.dictionary, ['a', 'b', 'c']);
});

/** Chunks of `table`, 3,000 rows each, as a project stores them. */
function storedChunks(table: Table): Uint8Array[] {
  const encoder = new ChunkEncoder();
  const out: Uint8Array[] = [];
  for (let from = 0; from < table.rowCount; from += 3000) out.push(Uint8Array.from(encoder.encode(table, from, Math.min(table.rowCount, from + 3000))));
  return out;
}

test('codes load into the narrowest array for their dictionary, with room for one code more, and store as the same Int32', () => {
  const n = 7000;
  const column = (name: string, size: number): Table['columns'][number] => ({
    storage: 'codes', name, kind: 'category',
    codes: Int32Array.from({ length: n }, (_, i) => (i % 13 === 0 ? -1 : i % size)),
    dictionary: Array.from({ length: size }, (_, i) => `v${i}`),
  });
  // The edges: 126 values (codes 0–125, and 126 for a group past them) fit a byte; 127 do not.
  const sizes = [1, 126, 127, 32_766, 32_767, 40_000];
  const table: Table = { rowCount: n, columns: sizes.map((k) => column(`k${k}`, k)) };
  const back = decodeChunks(shapes(table), storedChunks(table), n);
  const kinds = back.columns.map((c) => (c.storage === 'codes' ? c.codes.constructor.name : 'number'));
  assert.deepEqual(kinds, ['Int8Array', 'Int8Array', 'Int16Array', 'Int16Array', 'Int32Array', 'Int32Array']);
  back.columns.forEach((c, i) => {
    const c0 = table.columns[i]!;
    assert.ok(c.storage === 'codes' && c0.storage === 'codes');
    assert.deepEqual([...c.codes], [...c0.codes], c.name);
  });
  // Saved again (a joined or recovered table is), narrow codes give the bytes Int32 codes gave.
  assert.deepEqual(storedChunks(back).map((b) => Buffer.from(b)), storedChunks(table).map((b) => Buffer.from(b)));
  assert.deepEqual(Buffer.from(encodeChunk(back, 10, 4000)), Buffer.from(encodeChunk(table, 10, 4000)));
});

test('a chunk holding codes past its dictionary (a damaged or hand-made file) widens the column, never wraps them', () => {
  const n = 9000;
  // The second chunk holds 300 and 40,000 where the stored dictionary has two values.
  const codes = Int32Array.from({ length: n }, (_, i) => (i === 4000 ? 300 : i === 8000 ? 40_000 : i % 2));
  const table: Table = { rowCount: n, columns: [{ storage: 'codes', name: 'g', kind: 'category', codes, dictionary: ['a', 'b'] }] };
  const [g] = decodeChunks(shapes(table), storedChunks(table), n).columns;
  assert.ok(g?.storage === 'codes');
  assert.ok(g.codes instanceof Int32Array);
  assert.deepEqual([...g.codes], [...codes]);
});

test('number columns with nothing missing share one all-present mask; a gap met late gets its own, present before it', () => {
  const n = 10_000;
  const number = (name: string, gapAt: number | null): Table['columns'][number] => ({
    storage: 'number', name, kind: 'decimal',
    values: Float64Array.from({ length: n }, (_, i) => i / 4),
    valid: Uint8Array.from({ length: n }, (_, i) => (i === gapAt ? 0 : 1)),
  });
  const table: Table = { rowCount: n, columns: [number('full', null), number('late', 9500), number('also full', null), number('early', 0)] };
  const [full, late, alsoFull, early] = decodeChunks(shapes(table), storedChunks(table), n).columns;
  assert.ok(full?.storage === 'number' && late?.storage === 'number' && alsoFull?.storage === 'number' && early?.storage === 'number');
  assert.equal(full.valid, alsoFull.valid, 'one mask for both');
  assert.equal(full.valid.length, n);
  assert.ok(full.valid.every((v) => v === 1));
  assert.notEqual(late.valid, full.valid);
  table.columns.forEach((c0, i) => {
    const c = [full, late, alsoFull, early][i]!;
    assert.ok(c0.storage === 'number');
    assert.deepEqual([...c.valid], [...c0.valid], c.name);
  });
});

test('a damaged chunk stops the load with a message that names the column', () => {
  const table = sample();
  const narrow: Table = { rowCount: table.rowCount, columns: table.columns.slice(0, 1) };
  assert.throws(() => decodeChunks(shapes(table), [encodeChunk(narrow, 0, table.rowCount)], table.rowCount), /no column 2 \(id\)/);
});

test('coded columns keep the shape’s dictionary; a text chunk from the first importer grows a copy, never the shape’s', () => {
  const n = 6;
  const coded: Table = { rowCount: n, columns: [{ storage: 'codes', name: 'g', kind: 'category', codes: Int32Array.from([0, 1, 0, 1, -1, 0]), dictionary: ['a', 'b'] }] };
  const shape = shapes(coded);
  const back = decodeChunks(shape, storedChunks(coded), n).columns[0]!;
  assert.ok(back.storage === 'codes');
  assert.equal(back.dictionary, shape[0]!.dictionary, 'not copied');
  // Utf8 chunks, as the first importer stored every column.
  const utf8 = tableToIPC(new ArrowTable({ g: vectorFromArray(['b', 'c', null, 'a', 'c', 'd'], new Utf8()) }), 'stream');
  const legacyShape: ColumnShape[] = [{ name: 'g', storage: 'codes', kind: 'category', dictionary: ['a', 'b'] }];
  const grown = decodeChunks(legacyShape, [utf8], n).columns[0]!;
  assert.ok(grown.storage === 'codes');
  assert.deepEqual(grown.dictionary, ['a', 'b', 'c', 'd']);
  assert.deepEqual([...grown.codes], [1, 2, -1, 0, 2, 3]);
  assert.deepEqual(legacyShape[0]!.dictionary, ['a', 'b'], 'the shape’s dictionary is untouched');
});

test('a whole-number column with nothing missing loads as Int8 or Int32 while every chunk fits, else as Float64; saved again, the same bytes', () => {
  const n = 9000; // three chunks of 3,000 rows
  const integer = (name: string, at: (i: number) => number, gapAt: number | null = null): Table['columns'][number] => ({
    storage: 'number', name, kind: 'integer',
    // A missing row holds 0 here, as another Arrow writer may leave it: only the validity says it is missing.
    values: Float64Array.from({ length: n }, (_, i) => (i === gapAt ? 0 : at(i))),
    valid: Uint8Array.from({ length: n }, (_, i) => (i === gapAt ? 0 : 1)),
  });
  const table: Table = {
    rowCount: n,
    columns: [
      integer('label', (i) => i % 2),
      integer('small', (i) => (i % 256) - 128), // −128…127
      integer('one past', (i) => (i === 100 ? 128 : 0)),
      integer('one below', (i) => (i === 100 ? -129 : 0)),
      integer('id', (i) => i),
      integer('grows late', (i) => (i < 6000 ? i % 100 : 100_000 + i)), // Int8, then Int32 from the third chunk
      integer('gap', (i) => i % 3, 7000),
      integer('minus zero', (i) => (i === 4500 ? -0 : 1)),
      integer('past 32 bits', (i) => (i === 8999 ? 2 ** 31 : i)),
      integer('fraction late', (i) => (i === 8000 ? 0.5 : 2)),
      { storage: 'number', name: 'decimal', kind: 'decimal', values: Float64Array.from({ length: n }, (_, i) => i % 2), valid: new Uint8Array(n).fill(1) },
    ],
  };
  const back = decodeChunks(shapes(table), storedChunks(table), n);
  const kinds = back.columns.map((c) => (c.storage === 'number' ? c.values.constructor.name : 'codes'));
  assert.deepEqual(kinds, ['Int8Array', 'Int8Array', 'Int32Array', 'Int32Array', 'Int32Array', 'Int32Array', 'Float64Array', 'Float64Array', 'Float64Array', 'Float64Array', 'Float64Array']);
  back.columns.forEach((c, i) => {
    const c0 = table.columns[i]!;
    assert.ok(c.storage === 'number' && c0.storage === 'number');
    assert.deepEqual([...c.valid], [...c0.valid], `${c.name} valid`);
    for (let r = 0; r < n; r++) if (c0.valid[r]) assert.ok(Object.is(c.values[r], c0.values[r]), `${c.name} row ${r}: ${c.values[r]} against ${c0.values[r]}`);
  });
  assert.deepEqual(storedChunks(back).map((b) => Buffer.from(b)), storedChunks(table).map((b) => Buffer.from(b)));
  assert.deepEqual(Buffer.from(encodeChunk(back, 17, 5000)), Buffer.from(encodeChunk(table, 17, 5000)));
});
