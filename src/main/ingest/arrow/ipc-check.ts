/**
 * Checks the framing and metadata of an Arrow IPC file or stream before apache-arrow reads it.
 * apache-arrow (and the flatbuffers code under it) trusts the lengths a file states, and a
 * damaged or hostile file found by fuzzing made it loop for billions of steps or run out of
 * memory: a schema whose field list says 16 million fields, a record batch whose list of
 * column nodes is enormous, a message length past the end of the file, a footer that points a
 * record batch at the schema. Here every message is walked with bounds checks: each length must
 * fit in the bytes that are really there and every flatbuffer vector in its message. Throws an
 * Error saying what is wrong; the reader turns it into a clear message.
 */

/** Reads flatbuffer tables, fields and vectors with every offset checked against the buffer. */
class Flat {
  constructor(
    private readonly b: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  private need(pos: number, bytes: number): void {
    if (!(pos >= this.start && pos + bytes <= this.end)) throw new Error('its metadata points outside itself');
  }

  u8(pos: number): number {
    this.need(pos, 1);
    return this.b[pos]!;
  }

  i32(pos: number): number {
    this.need(pos, 4);
    return this.b.readInt32LE(pos);
  }

  i64(pos: number): number {
    this.need(pos, 8);
    return Number(this.b.readBigInt64LE(pos));
  }

  root(): number {
    return this.start + this.i32(this.start);
  }

  /** Position of field `i` of the table at `table`, or 0 when the field is absent. */
  field(table: number, i: number): number {
    const vtable = table - this.i32(table);
    this.need(vtable, 4);
    const vtableSize = this.b.readUInt16LE(vtable);
    if (4 + 2 * i + 2 > vtableSize) return 0;
    this.need(vtable + 4 + 2 * i, 2);
    const off = this.b.readUInt16LE(vtable + 4 + 2 * i);
    return off === 0 ? 0 : table + off;
  }

  /** The table a field points to, or 0. */
  table(table: number, i: number): number {
    const at = this.field(table, i);
    return at === 0 ? 0 : at + this.i32(at);
  }

  /** A vector field: its first element's position and its length, checked to fit. */
  vector(table: number, i: number, elementBytes: number): { at: number; length: number } {
    const f = this.field(table, i);
    if (f === 0) return { at: 0, length: 0 };
    const v = f + this.i32(f);
    const length = this.i32(v);
    if (length < 0 || v + 4 + length * elementBytes > this.end) throw new Error('a list in its metadata is longer than the metadata');
    return { at: v + 4, length };
  }
}

const HEADER_SCHEMA = 1;
const HEADER_DICTIONARY = 2;
const HEADER_RECORD_BATCH = 3;
const MAX_FIELD_DEPTH = 64;

function checkFields(fb: Flat, table: number, vectorField: number, depth: number, budget: { fields: number }): void {
  if (depth > MAX_FIELD_DEPTH) throw new Error('its columns are nested too deeply');
  const fields = fb.vector(table, vectorField, 4);
  budget.fields -= fields.length;
  if (budget.fields < 0) throw new Error('it lists more columns than its metadata can hold');
  for (let k = 0; k < fields.length; k++) {
    const at = fields.at + 4 * k;
    const field = at + fb.i32(at);
    fb.vector(field, 0, 1); // name
    fb.vector(field, 6, 4); // custom metadata
    checkFields(fb, field, 5, depth + 1, budget); // children
  }
}

/** A Schema table: its fields (recursively), its custom metadata and its feature list. */
function checkSchema(fb: Flat, schema: number, metadataBytes: number): void {
  if (schema === 0) throw new Error('it has no schema');
  checkFields(fb, schema, 1, 0, { fields: metadataBytes / 4 });
  fb.vector(schema, 2, 4); // custom metadata
  fb.vector(schema, 3, 8); // features
}

// (How many rows a batch may claim is checked by the reader, which knows which columns it reads:
// a column of the Null type has no bytes at all, so the body does not bound the row count.)
function checkRecordBatch(fb: Flat, batch: number, bodyBytes: number): void {
  if (batch === 0) throw new Error('a record batch has no description');
  const rows = fb.field(batch, 0) ? fb.i64(fb.field(batch, 0)) : 0;
  if (rows < 0) throw new Error(`a record batch says it has ${rows} rows`);
  const nodes = fb.vector(batch, 1, 16);
  for (let k = 0; k < nodes.length; k++) {
    const length = fb.i64(nodes.at + 16 * k);
    const nulls = fb.i64(nodes.at + 16 * k + 8);
    if (length < 0 || nulls < -1 || nulls > length) throw new Error('a column in a record batch has an impossible length');
  }
  const buffers = fb.vector(batch, 2, 16);
  for (let k = 0; k < buffers.length; k++) {
    const offset = fb.i64(buffers.at + 16 * k);
    const length = fb.i64(buffers.at + 16 * k + 8);
    if (offset < 0 || length < 0 || offset + length > bodyBytes) throw new Error('a record batch points outside its own bytes');
  }
  fb.vector(batch, 4, 8); // variadic buffer counts
}

/** Checks one message (metadata flatbuffer at [start, end), then `bodyBytes` of body); returns its type. */
function checkMessage(b: Buffer, start: number, end: number, available: number): { type: number; bodyBytes: number } {
  const fb = new Flat(b, start, end);
  const message = fb.root();
  const type = fb.field(message, 1) ? fb.u8(fb.field(message, 1)) : 0;
  const bodyBytes = fb.field(message, 3) ? fb.i64(fb.field(message, 3)) : 0;
  if (!(bodyBytes >= 0 && bodyBytes <= available)) throw new Error(`a message says its body is ${bodyBytes} bytes, but only ${available} follow`);
  fb.vector(message, 4, 4); // custom metadata
  const header = fb.table(message, 2);
  if (type === HEADER_SCHEMA) checkSchema(fb, header, end - start);
  else if (type === HEADER_RECORD_BATCH) checkRecordBatch(fb, header, bodyBytes);
  else if (type === HEADER_DICTIONARY) checkRecordBatch(fb, header === 0 ? 0 : fb.table(header, 1), bodyBytes);
  return { type, bodyBytes };
}

/** The message at `pos` (continuation marker optional, as in old files): where its parts are. */
function frame(b: Buffer, pos: number, end: number): { metaStart: number; metaEnd: number; next: number; type: number } | null {
  if (pos + 4 > end) return null;
  let at = pos;
  if (b.readUInt32LE(at) === 0xffffffff) at += 4;
  if (at + 4 > end) return null;
  const length = b.readInt32LE(at);
  if (length === 0) return null; // end of stream
  if (length < 0 || at + 4 + length > end) throw new Error(`a message says its description is ${length} bytes, more than the file holds`);
  const metaStart = at + 4;
  const metaEnd = metaStart + length;
  const { type, bodyBytes } = checkMessage(b, metaStart, metaEnd, end - metaEnd);
  return { metaStart, metaEnd, next: metaEnd + bodyBytes, type };
}

/** Checks an Arrow IPC stream, or the file format (magic, footer and every block it lists). */
export function checkArrowIpc(b: Buffer, kind: 'file' | 'stream'): void {
  if (kind === 'stream') {
    for (let pos = 0, f = frame(b, 0, b.length); f; f = frame(b, pos, b.length)) {
      if (f.next <= pos) throw new Error('a message does not advance');
      pos = f.next;
    }
    return;
  }
  // File: "ARROW1", 2 bytes of padding, the stream, the footer, its int32 length, "ARROW1".
  if (b.length < 18 || b.toString('latin1', b.length - 6) !== 'ARROW1') throw new Error('its end (where the table of contents is) is missing: the file may be cut short');
  const footerLength = b.readInt32LE(b.length - 10);
  const footerStart = b.length - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) throw new Error('its table of contents has an impossible length');
  const fb = new Flat(b, footerStart, b.length - 10);
  const footer = fb.root();
  checkSchema(fb, fb.table(footer, 1), footerLength);
  fb.vector(footer, 4, 4); // custom metadata
  for (const [field, want] of [[2, HEADER_DICTIONARY], [3, HEADER_RECORD_BATCH]] as const) {
    const blocks = fb.vector(footer, field, 24);
    for (let k = 0; k < blocks.length; k++) {
      const offset = fb.i64(blocks.at + 24 * k);
      if (!(offset >= 8 && offset < footerStart)) throw new Error('its table of contents points outside the file');
      const f = frame(b, offset, footerStart);
      if (!f || f.type !== want) throw new Error(`its table of contents points at something that is not a ${want === HEADER_RECORD_BATCH ? 'record batch' : 'dictionary'}`);
    }
  }
}
