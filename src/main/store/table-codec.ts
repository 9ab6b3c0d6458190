/**
 * Moves typed tables in and out of Arrow IPC, the storage format of a project's data: numbers
 * (and dates) as Float64, text as Int32 dictionary codes, missing values as Arrow nulls. Built from
 * the typed arrays directly (no per-row values). Chunks written by the first importer (every
 * column as Utf8 text) still read back, as text codes.
 */
import { Field, Float64, Int32, RecordBatch as ArrowRecordBatch, Schema, Struct, Table as ArrowTable, makeData, tableFromIPC, tableToIPC, type Data, type DataType } from 'apache-arrow';
import { BufferRegion, FieldNode, Message, RecordBatch } from 'apache-arrow/ipc/metadata/message';
import { codesBytesFor, type Codes, type Column, type NumberValues, type Table } from '../../shared/table';
import { float64s, int16s, int32s, int8s, uint8s } from '../../shared/big-arrays';

/** Nulls in each byte of a bitmap: 8 − its set bits. */
const NULLS_IN_BYTE = Uint8Array.from({ length: 256 }, (_, b) => {
  let set = 0;
  for (let x = b; x; x >>= 1) set += x & 1;
  return 8 - set;
});

/**
 * Arrow validity bitmap (LSB first) of rows [from, to) from a byte-per-row mask (any non-zero byte
 * is a value), eight rows to a byte, and how many are null.
 */
export function packValidity(valid: Uint8Array, from: number, to: number): { bitmap: Uint8Array; nullCount: number } {
  const n = to - from;
  const bitmap = new Uint8Array((n + 7) >> 3);
  const whole = n >> 3;
  let nulls = 0;
  for (let b = 0, i = from; b < whole; b++, i += 8) {
    const byte =
      (valid[i] ? 1 : 0) | (valid[i + 1] ? 2 : 0) | (valid[i + 2] ? 4 : 0) | (valid[i + 3] ? 8 : 0) |
      (valid[i + 4] ? 16 : 0) | (valid[i + 5] ? 32 : 0) | (valid[i + 6] ? 64 : 0) | (valid[i + 7] ? 128 : 0);
    bitmap[b] = byte;
    nulls += NULLS_IN_BYTE[byte]!;
  }
  for (let i = from + 8 * whole; i < to; i++) {
    if (valid[i]) bitmap[(i - from) >> 3]! |= 1 << ((i - from) & 7);
    else nulls++;
  }
  return { bitmap, nullCount: nulls };
}

function unpackValidity(bitmap: Uint8Array, offset: number, length: number, out: Uint8Array, at: number): void {
  for (let i = 0; i < length; i++) {
    const bit = offset + i;
    out[at + i] = (bitmap[bit >> 3]! >> (bit & 7)) & 1;
  }
}

/** Validity of rows [from, to): no bitmap when nothing is missing (most columns). */
function numberValidity(valid: Uint8Array, from: number, to: number): { bitmap: Uint8Array | null; nullCount: number } {
  const packed = packValidity(valid, from, to);
  return packed.nullCount === 0 ? { bitmap: null, nullCount: 0 } : packed;
}

/** The same for codes, where -1 is missing. */
function codesValidity(codes: Codes, from: number, to: number): { bitmap: Uint8Array | null; nullCount: number } {
  let nullCount = 0;
  for (let i = from; i < to; i++) nullCount += codes[i]! >>> 31;
  if (nullCount === 0) return { bitmap: null, nullCount };
  const bitmap = new Uint8Array((to - from + 7) >> 3);
  for (let i = from; i < to; i++) if (codes[i]! >= 0) bitmap[(i - from) >> 3]! |= 1 << ((i - from) & 7);
  return { bitmap, nullCount };
}

/** One chunk of rows [from, to) of a table as an Arrow IPC stream, in a new buffer (saving uses ChunkEncoder). */
export function encodeChunk(table: Table, from: number, to: number): Uint8Array {
  return tableToIPC(chunkTable(table, from, to), 'stream');
}

/**
 * Encodes chunk after chunk as Arrow IPC streams, each written straight into one buffer it reuses.
 * The bytes are those of Arrow's own stream writer (tableToIPC; the tests compare them), but that
 * writer copies every column into padded pieces and then joins them (~0.2 s for a 1M-row table,
 * a padded copy of every column as garbage); here each column is copied once, into place (~0.08 s
 * with the validity bitmaps). The schema's message is Arrow's, made once per table; each batch's
 * metadata is made with Arrow's own flatbuffer encoder. Each result is a view that the next
 * `encode` overwrites, so it must be used (written to SQLite, which copies it) before then.
 */
export class ChunkEncoder {
  private scratch = new Uint8Array(0);
  private schemaFor: Table | null = null;
  private schemaMessage: Uint8Array = new Uint8Array(0);

  encode(table: Table, from: number, to: number): Uint8Array {
    if (this.schemaFor !== table) {
      this.schemaMessage = schemaMessageOf(table);
      this.schemaFor = table;
    }
    const rows = to - from;
    const nodes: FieldNode[] = [];
    const regions: BufferRegion[] = [];
    const bodies: Uint8Array[] = [];
    let bodyLength = 0;
    const addBuffer = (bytes: Uint8Array): void => {
      const padded = (bytes.byteLength + 7) & ~7;
      regions.push(new BufferRegion(bodyLength, padded));
      bodies.push(bytes);
      bodyLength += padded;
    };
    for (const col of table.columns) {
      const { bitmap, nullCount } = col.storage === 'number' ? numberValidity(col.valid, from, to) : codesValidity(col.codes, from, to);
      nodes.push(new FieldNode(rows, nullCount));
      addBuffer(bitmap ?? EMPTY);
      const data = col.storage === 'number' ? float64Chunk(col.values, from, to) : int32Codes(col.codes, from, to);
      addBuffer(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
    const metadata = Message.encode(Message.from(new RecordBatch(rows, nodes, regions, null), bodyLength));
    const metadataSize = (metadata.byteLength + 8 + 7) & ~7;
    const size = this.schemaMessage.byteLength + metadataSize + bodyLength + 8;
    if (this.scratch.byteLength < size) this.scratch = new Uint8Array(Math.ceil(size * 1.125));
    const out = this.scratch;
    out.set(this.schemaMessage, 0);
    let at = this.schemaMessage.byteLength;
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    view.setInt32(at, -1, true);
    view.setInt32(at + 4, metadataSize - 8, true);
    out.set(metadata, at + 8);
    out.fill(0, at + 8 + metadata.byteLength, at + metadataSize);
    at += metadataSize;
    for (let i = 0; i < bodies.length; i++) {
      const b = bodies[i]!;
      out.set(b, at);
      const padded = Number(regions[i]!.length);
      out.fill(0, at + b.byteLength, at + padded);
      at += padded;
    }
    // End of stream: a continuation marker and a zero length.
    view.setInt32(at, -1, true);
    view.setInt32(at + 4, 0, true);
    return out.subarray(0, size);
  }
}

const EMPTY = new Uint8Array(0);

/** Rows [from, to) of values as the Float64 they are stored as (a loaded table's may be narrower). */
function float64Chunk(values: NumberValues, from: number, to: number): Float64Array {
  return values instanceof Float64Array ? values.subarray(from, to) : Float64Array.from(values.subarray(from, to));
}

/** Rows [from, to) of codes as the Int32 they are stored as (a loaded table's may be narrower). */
function int32Codes(codes: Codes, from: number, to: number): Int32Array {
  return codes instanceof Int32Array ? codes.subarray(from, to) : Int32Array.from(codes.subarray(from, to));
}

/** The stream's first message (the schema), as Arrow's writer makes it: its bytes up to the first batch. */
function schemaMessageOf(table: Table): Uint8Array {
  const stream = tableToIPC(chunkTable(table, 0, 0), 'stream');
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (view.getInt32(0, true) !== -1) throw new Error('Arrow wrote a stream without a continuation marker; this encoder expects the current IPC format.');
  return stream.slice(0, 8 + view.getInt32(4, true));
}

function chunkTable(table: Table, from: number, to: number): ArrowTable {
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const col of table.columns) {
    if (col.storage === 'number') {
      const { bitmap, nullCount } = numberValidity(col.valid, from, to);
      fields.push(new Field(col.name, new Float64(), true));
      children.push(makeData({ type: new Float64(), length: to - from, nullCount, nullBitmap: bitmap, data: float64Chunk(col.values, from, to) }));
    } else {
      const { bitmap, nullCount } = codesValidity(col.codes, from, to);
      fields.push(new Field(col.name, new Int32(), true));
      children.push(makeData({ type: new Int32(), length: to - from, nullCount, nullBitmap: bitmap, data: int32Codes(col.codes, from, to) }));
    }
  }
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: to - from, nullCount: 0, children });
  return new ArrowTable([new ArrowRecordBatch(schema, struct)]);
}

/** What the store keeps about a column besides its chunks. */
export interface ColumnShape {
  name: string;
  storage: Column['storage'];
  kind: Column['kind'];
  /** For codes columns. */
  dictionary?: string[];
}

/**
 * Rebuilds the table from its chunks. Text chunks from the first importer (Utf8 columns) become
 * codes columns with a dictionary made on the way. `chunks` may be a lazy sequence: each chunk is
 * copied into the columns and let go before the next is read, so loading a table never holds its
 * stored bytes and its columns at once (for 1M rows that was ~130 MB more at the peak).
 *
 * Narrower than it is stored: codes go into the narrowest array for their dictionary
 * (`codesBytesFor`; widened if a chunk holds a code past it); the number columns with nothing
 * missing share one all-present mask; and a whole-number column with nothing missing is held as
 * Int8 or Int32 while every chunk fits (`valuesBytesFor`; widened when one does not). At 1M rows
 * that is 18 MB less for the bench table's six category columns, 5 MB for its complete number
 * columns' masks, and 18 MB for its id, label and prediction.
 */
export function decodeChunks(shapes: readonly ColumnShape[], chunks: Iterable<Uint8Array>, rowCount: number): Table {
  // Validity masks are made when a column's first missing value is met (until then, every row so far is present).
  const masks: (Uint8Array | null)[] = shapes.map(() => null);
  const maskOf = (c: number, filledTo: number): Uint8Array => (masks[c] ??= uint8s(rowCount).fill(1, 0, filledTo));
  // Bytes a value of each number column takes so far: whole-number columns start at one.
  const valueBytes: (1 | 4 | 8)[] = shapes.map((s) => (s.storage === 'number' && s.kind === 'integer' ? 1 : 8));
  const columns: Column[] = shapes.map((s, c) =>
    s.storage === 'number'
      ? { storage: 'number', name: s.name, kind: s.kind as 'integer', values: valueBytes[c] === 1 ? int8s(rowCount) : float64s(rowCount), valid: EMPTY }
      : { storage: 'codes', name: s.name, kind: s.kind as 'category', codes: codesFor(s.dictionary?.length ?? 0, rowCount).fill(-1), dictionary: s.dictionary ?? [] },
  );
  // Value → code maps, only for Utf8 chunks from the first importer (built when one is met: a
  // dictionary of 700k free-text values takes most of a second to map, and coded chunks need none).
  const lookups: (Map<string, number> | null)[] = columns.map(() => null);
  let at = 0;
  for (const bytes of chunks) {
    const t = tableFromIPC(bytes);
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const vector = t.getChildAt(c);
      if (!vector) throw new Error(`A stored chunk has no column ${c + 1} (${col.name}); the project may be damaged.`);
      let offset = at;
      for (const data of vector.data as Data<DataType>[]) {
        const n = data.length;
        const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
        if (col.storage === 'number' && data.values instanceof Float64Array) {
          const values = data.values.subarray(data.offset, data.offset + n);
          if (valueBytes[c] !== 8) {
            const need = bitmap ? 8 : valuesBytesFor(values);
            if (need > valueBytes[c]!) col.values = widenedValues(col.values, (valueBytes[c] = need as 4 | 8), offset);
          }
          col.values.set(values, offset);
          if (bitmap) unpackValidity(bitmap, data.offset, n, maskOf(c, offset), offset);
          else masks[c]?.fill(1, offset, offset + n);
        } else if (col.storage === 'number') {
          // A column the first importer stored as text and called 'number'.
          if (valueBytes[c] !== 8) col.values = widenedValues(col.values, (valueBytes[c] = 8), offset);
          const valid = maskOf(c, offset);
          for (let i = 0; i < n; i++) {
            const v = vector.get(offset - at + i) as string | null;
            const x = v === null ? NaN : Number(v.trim());
            col.values[offset + i] = x;
            valid[offset + i] = Number.isNaN(x) ? 0 : 1;
          }
        } else if (data.values instanceof Int32Array) {
          const values = data.values.subarray(data.offset, data.offset + n);
          if (!fitsIn(col.codes, values)) col.codes = widened(col.codes);
          const codes = col.codes;
          if (!bitmap) codes.set(values, offset);
          else for (let i = 0; i < n; i++) codes[offset + i] = (bitmap[(data.offset + i) >> 3]! >> ((data.offset + i) & 7)) & 1 ? values[i]! : -1;
        } else {
          // A Utf8 column from the first importer. Its dictionary grows here, so the column takes
          // a copy first: the shape's may be cached. (Coded columns keep the shape's, uncopied.)
          if (!(col.codes instanceof Int32Array)) col.codes = widened(col.codes);
          if (!lookups[c]) col.dictionary = [...col.dictionary];
          const lookup = (lookups[c] ??= new Map(col.dictionary.map((v, i) => [v, i])));
          for (let i = 0; i < n; i++) {
            const v = vector.get(offset - at + i) as string | null;
            if (v === null) continue;
            let code = lookup.get(v);
            if (code === undefined) {
              code = col.dictionary.length;
              col.dictionary.push(v);
              lookup.set(v, code);
            }
            col.codes[offset + i] = code;
          }
        }
        offset += n;
      }
    }
    at += t.numRows;
  }
  let allPresent: Uint8Array | null = null;
  columns.forEach((col, c) => {
    if (col.storage === 'number') col.valid = masks[c] ?? (allPresent ??= uint8s(rowCount).fill(1));
  });
  return { rowCount, columns };
}

/**
 * Bytes a value of this chunk needs: 1 when every value is a whole number from −128 to 127, 4
 * when every one is a whole number within 32 bits, else 8 (a fraction, −0, NaN or ±Infinity, or
 * a bigger number: only Float64 holds those as they are).
 */
function valuesBytesFor(values: Float64Array): 1 | 4 | 8 {
  let bytes: 1 | 4 | 8 = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) return 8;
    if (v < -128 || v > 127) bytes = 4;
  }
  return bytes;
}

/** `values` copied into a wider array of the same length, its first `filled` rows kept. */
function widenedValues(values: NumberValues, bytes: 4 | 8, filled: number): NumberValues {
  const wide = bytes === 4 ? int32s(values.length) : float64s(values.length);
  wide.set(values.subarray(0, filled));
  return wide;
}

function codesFor(dictionarySize: number, rowCount: number): Codes {
  const bytes = codesBytesFor(dictionarySize);
  return bytes === 1 ? int8s(rowCount) : bytes === 2 ? int16s(rowCount) : int32s(rowCount);
}

/** Whether every stored code fits `codes` (a damaged or hand-made file may hold codes past its dictionary). */
function fitsIn(codes: Codes, values: Int32Array): boolean {
  if (codes instanceof Int32Array) return true;
  const max = codes instanceof Int8Array ? 0x7f : 0x7fff;
  for (let i = 0; i < values.length; i++) if (values[i]! > max || values[i]! < -1) return false;
  return true;
}

function widened(codes: Codes): Int32Array {
  const wide = int32s(codes.length);
  wide.set(codes);
  return wide;
}
