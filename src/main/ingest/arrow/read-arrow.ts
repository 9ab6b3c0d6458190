/**
 * Reads an Arrow IPC file or stream (Feather v2 is the IPC file format) with apache-arrow, one
 * record batch at a time: numbers (ints, floats, decimals, 64-bit ints with a note where precision
 * is lost), text and dictionary-encoded text, booleans, dates and timestamps. Nested columns
 * (lists, structs, maps, unions) and binary are skipped with a note. Feather v1 (the old format)
 * is refused with a clear message. Synchronous.
 */
import { RecordBatchReader, Type, util, type DataType, type Field, type RecordBatch, type Vector } from 'apache-arrow';
import { SlicewiseError } from '../../../shared/errors';
import { uniqueColumnNames } from '../columns/names';
import { ValueBuilder, finishTable } from '../columns/value-builder';
import { NUMBER_FORMAT, fileError, withFile, type ReadContext, type ReadOptions, type ReadResult } from '../read-result';
import { checkArrowIpc } from './ipc-check';

type Reading = 'number' | 'decimal' | 'text' | 'boolean' | 'date' | 'skip';

/** How a column's values are read, or why it is skipped. */
function readingFor(type: DataType): { how: Reading; what?: string } {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
      return { how: 'number' };
    case Type.Decimal:
      return { how: 'decimal' };
    case Type.Utf8:
    case Type.LargeUtf8:
      return { how: 'text' };
    case Type.Dictionary:
      return readingFor((type as DataType<Type.Dictionary> & { dictionary: DataType }).dictionary).how === 'text' ? { how: 'text' } : { how: 'skip', what: 'dictionary of non-text values' };
    case Type.Bool:
      return { how: 'boolean' };
    case Type.Date:
    case Type.Timestamp:
      return { how: 'date' };
    case Type.List:
    case Type.FixedSizeList:
      return { how: 'skip', what: 'list' };
    case Type.Struct:
      return { how: 'skip', what: 'struct' };
    case Type.Map:
      return { how: 'skip', what: 'map' };
    case Type.Union:
      return { how: 'skip', what: 'union' };
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return { how: 'skip', what: 'binary' };
    default:
      return { how: 'skip', what: String(type) };
  }
}

function magic(bytes: Buffer): 'file' | 'stream' | 'feather1' | null {
  const head = bytes.toString('latin1', 0, 6);
  if (head === 'ARROW1') return 'file';
  if (head.startsWith('FEA1')) return 'feather1';
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xffffffff) return 'stream';
  return null;
}

export function readArrowFile(path: string, opts: ReadOptions, ctx: ReadContext): ReadResult {
  return withFile(path, (f) => {
    const file = f.file;
    if (f.size === 0) throw fileError('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
    const pieces: Buffer[] = [];
    for (let p = f.next(); p; p = f.next()) {
      pieces.push(p);
      ctx.throwIfCancelled();
    }
    const bytes = Buffer.concat(pieces);
    const kind = magic(bytes);
    if (kind === 'feather1') {
      throw fileError('PARSE_ERROR', file, `${file} is a Feather version 1 file, an old format that Slicewise does not read. Save it again as Feather v2 / Arrow (in pandas: df.to_feather(path), which writes v2) or as Parquet.`);
    }
    if (kind === null) throw fileError('PARSE_ERROR', file, `${file} is not an Arrow IPC or Feather v2 file (it does not start with the Arrow signature).`);
    let reader: RecordBatchReader;
    try {
      checkArrowIpc(bytes, kind);
      reader = RecordBatchReader.from(bytes);
      reader.open();
    } catch (err) {
      throw damaged(file, err);
    }
    // A stream that ends before its schema (an end-of-stream marker first) has no columns at all.
    if (!reader.schema) throw fileError('PARSE_ERROR', file, `${file} is an Arrow stream that ends before it describes any columns: it is empty or damaged.`);
    const fields: Field[] = reader.schema.fields;
    const plan = fields.map((fl) => readingFor(fl.type));
    const skipped = fields.flatMap((fl, i) => (plan[i]!.how === 'skip' ? [`${fl.name} (${plan[i]!.what})`] : []));
    const kept = fields.flatMap((fl, i) => (plan[i]!.how === 'skip' ? [] : [i]));
    if (kept.length === 0) throw fileError('PARSE_ERROR', file, `${file} has no columns Slicewise can read (${skipped.join(', ')}). Flatten nested columns into plain ones and export again.`);
    const builders = kept.map(() => new ValueBuilder(opts.missingTokens));
    let rows = 0;
    let batches = 0;
    ctx.progress('Reading', 0);
    // A batch cannot hold more rows than its bytes can describe (a boolean takes one bit per
    // row); a damaged length field must not make the loop below run for billions of rows.
    const maxRows = 8 * bytes.length + 64;
    try {
      for (const batch of recordBatches(reader)) {
        ctx.throwIfCancelled();
        if (batch.numRows > maxRows || rows + batch.numRows > maxRows) throw new Error(`a record batch says it has ${NUMBER_FORMAT.format(batch.numRows)} rows, more than the file can hold`);
        kept.forEach((fi, k) => addVector(builders[k]!, plan[fi]!.how, batch.getChildAt(fi)!, fields[fi]!.type, rows));
        rows += batch.numRows;
        batches++;
        ctx.progress('Reading', 0.5, `${NUMBER_FORMAT.format(rows)} rows`);
      }
    } catch (err) {
      throw damaged(file, err);
    }
    if (rows === 0) throw fileError('EMPTY_FILE', file, `${file} has columns but no rows of data.`);
    const unique = uniqueColumnNames(kept.map((i) => fields[i]!.name));
    const built = finishTable(unique.names, builders, rows);
    const notes = [...unique.notes];
    if (skipped.length) notes.push(`Imported the flat columns; skipped: ${skipped.join(', ')}. Nested and binary columns are not read.`);
    ctx.progress('Reading', 1, `${NUMBER_FORMAT.format(rows)} rows`);
    return {
      ...built,
      notes: [...notes, ...built.notes],
      format: 'arrow',
      options: { ipcFormat: kind, batches, skippedColumns: skipped },
      source: f.fingerprint(),
    };
  });
}

/**
 * The record batches, in order. For the file format they are read by index from the footer:
 * iterating the reader instead loops forever when a damaged footer points a batch at a message
 * that is not a record batch (apache-arrow re-reads the same block; found by fuzzing).
 */
function* recordBatches(reader: RecordBatchReader): Generator<RecordBatch> {
  if (!reader.isFile()) {
    yield* reader;
    return;
  }
  // Built from bytes, so the synchronous reader: readRecordBatch returns the batch, not a Promise.
  const file = reader as unknown as { readRecordBatch(index: number): RecordBatch | null };
  for (let i = 0; i < reader.numRecordBatches; i++) {
    const batch = file.readRecordBatch(i);
    if (!batch) throw new Error(`record batch ${i + 1} of ${reader.numRecordBatches} is missing`);
    yield batch;
  }
}

function damaged(file: string, err: unknown): SlicewiseError {
  if (err instanceof SlicewiseError) return err;
  const message = (err as Error).message ?? String(err);
  if (/compress|codec/i.test(message)) {
    return fileError('PARSE_ERROR', file, `${file} is a compressed Arrow/Feather file (LZ4 or ZSTD), which Slicewise does not read yet. Save it uncompressed (pandas: df.to_feather(path, compression="uncompressed")) or as Parquet.`);
  }
  return fileError('PARSE_ERROR', file, `${file} is a damaged Arrow file: ${message}`);
}

/** Appends one batch's column to its builder; `before` is the row count before this batch. */
function addVector(b: ValueBuilder, how: Reading, v: Vector, type: DataType, before: number): void {
  const n = v.length;
  const scale = how === 'decimal' ? (type as DataType & { scale: number }).scale : 0;
  for (let i = 0; i < n; i++) {
    const line = before + i + 1;
    if (!v.isValid(i)) {
      b.addMissing('');
      continue;
    }
    const x: unknown = v.get(i);
    if (how === 'number') {
      if (typeof x === 'bigint') b.addBigInt(x, line);
      else b.addNumber(x as number, line);
    } else if (how === 'decimal') {
      b.addNumber(util.bigNumToNumber(x as Parameters<typeof util.bigNumToNumber>[0], scale), line);
    } else if (how === 'text') b.addString(x as string, line);
    else if (how === 'boolean') b.addBoolean(x as boolean, line);
    else b.addDate(Math.round(x instanceof Date ? x.getTime() : typeof x === 'bigint' ? Number(x) : (x as number)), line);
  }
}
