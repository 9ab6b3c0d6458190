/**
 * Reads a Parquet file's flat columns (numbers, text, booleans, dates, timestamps, INT96) with
 * hyparquet, one row group at a time, so memory holds one row group's decoded values plus the
 * typed columns being built; progress and cancellation happen between row groups. Nested columns
 * (lists, maps, structs) are skipped with a note naming them. Returns a Promise (hyparquet's
 * reads are async).
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type ColumnData, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { SlicewiseError } from '../../../shared/errors';
import { uniqueColumnNames } from '../columns/names';
import { ValueBuilder, finishTable, type CellValue } from '../columns/value-builder';
import { NUMBER_FORMAT, fileError, withFileAsync, type HashedFile, type ReadContext, type ReadOptions, type ReadResult } from '../read-result';
import { DamagedPage, checkRowGroup } from './page-check';

/**
 * Timestamps and dates come back as epoch milliseconds (numbers), not Date objects: one less
 * allocation per cell, and the schema already says which columns are dates.
 */
const PARSERS = {
  timestampFromMilliseconds: (v: bigint): number => Number(v),
  timestampFromMicroseconds: (v: bigint): number => Number(v / 1000n),
  timestampFromNanoseconds: (v: bigint): number => Number(v / 1_000_000n),
  dateFromDays: (days: number): number => days * 86_400_000,
};

interface FlatColumn {
  name: string;
  dates: boolean;
}

function nestedKind(node: SchemaTree): string {
  const e = node.element;
  const t = e.logical_type?.type ?? e.converted_type;
  if (t === 'LIST') return 'list';
  if (t === 'MAP' || t === 'MAP_KEY_VALUE') return 'map';
  if (node.children.length === 0) return 'repeated values';
  return 'struct';
}

function isDateColumn(node: SchemaTree): boolean {
  const e = node.element;
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  return logical === 'DATE' || logical === 'TIMESTAMP' || converted === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || (e.type === 'INT96' && !converted);
}

function asyncBuffer(f: HashedFile): AsyncBuffer {
  return {
    byteLength: f.size,
    slice(start: number, end?: number): ArrayBuffer {
      const b = f.readAt(start, (end ?? f.size) - start);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
    },
  };
}

export function readParquetFile(path: string, opts: ReadOptions, ctx: ReadContext): Promise<ReadResult> {
  return withFileAsync(path, async (f) => {
    const file = f.file;
    if (f.size === 0) throw fileError('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
    const head = f.readAt(0, 4).toString('latin1');
    const tail = f.readAt(Math.max(0, f.size - 4), 4).toString('latin1');
    if (head !== 'PAR1') throw fileError('PARSE_ERROR', file, `${file} is not a Parquet file (it does not start with the Parquet signature).`);
    if (tail === 'PARE') throw fileError('PARSE_ERROR', file, `${file} is an encrypted Parquet file; Slicewise cannot read encrypted Parquet. Export it without encryption.`);
    if (tail !== 'PAR1') throw fileError('PARSE_ERROR', file, `${file} is an incomplete Parquet file: its end (where Parquet keeps its table of contents) is missing. Was the copy cut short?`);
    const buffer = asyncBuffer(f);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS });
    } catch (err) {
      throw fileError('PARSE_ERROR', file, `${file} is a damaged Parquet file: its table of contents could not be read (${(err as Error).message}).`);
    }
    const flat: FlatColumn[] = [];
    const skipped: string[] = [];
    let schema: SchemaTree;
    try {
      schema = parquetSchema(metadata);
    } catch (err) {
      throw fileError('PARSE_ERROR', file, `${file} is a damaged Parquet file: the list of its columns could not be read (${(err as Error).message}).`);
    }
    for (const node of schema.children) {
      const e = node.element;
      if (typeof e.name !== 'string') throw fileError('PARSE_ERROR', file, `${file} is a damaged Parquet file: a column in its table of contents has no name.`);
      if (node.children.length > 0 || e.repetition_type === 'REPEATED') skipped.push(`${e.name} (${nestedKind(node)})`);
      else flat.push({ name: e.name, dates: isDateColumn(node) });
    }
    if (flat.length === 0) {
      throw fileError('PARSE_ERROR', file, `${file} has only nested columns (${skipped.join(', ')}), which Slicewise does not read. Flatten them into plain columns and export again.`);
    }
    const notes: string[] = [];
    if (skipped.length) notes.push(`Imported the flat columns; skipped: ${skipped.join(', ')}. Nested columns are not read.`);
    const builders = flat.map(() => new ValueBuilder(opts.missingTokens));
    const total = Number(metadata.num_rows);
    let rowStart = 0;
    ctx.progress('Reading', 0);
    const flatNames = new Set(flat.map((c) => c.name));
    for (const [g, group] of metadata.row_groups.entries()) {
      ctx.throwIfCancelled();
      try {
        checkRowGroup(f, group, flatNames);
      } catch (err) {
        if (!(err instanceof DamagedPage)) throw err;
        throw fileError('PARSE_ERROR', file, `${file} is a damaged Parquet file: row group ${g + 1} cannot be read (${err.message}).`, { line: rowStart + 1 });
      }
      const rowEnd = rowStart + Number(group.num_rows);
      const chunks = new Map<string, ColumnData[]>();
      try {
        await parquetRead({
          file: buffer,
          metadata,
          columns: flat.map((c) => c.name),
          rowStart,
          rowEnd,
          compressors,
          parsers: PARSERS,
          onChunk: (chunk) => {
            const list = chunks.get(chunk.columnName) ?? [];
            list.push(chunk);
            chunks.set(chunk.columnName, list);
          },
        });
      } catch (err) {
        if (err instanceof SlicewiseError) throw err;
        throw fileError('PARSE_ERROR', file, `${file}: row group ${g + 1} could not be read (${(err as Error).message}).`, { line: rowStart + 1 });
      }
      flat.forEach((c, i) => addRange(builders[i]!, c, chunks.get(c.name) ?? [], rowStart, rowEnd));
      rowStart = rowEnd;
      ctx.progress('Reading', total ? rowStart / total : 1, `${NUMBER_FORMAT.format(rowStart)} rows`);
    }
    if (rowStart === 0) throw fileError('EMPTY_FILE', file, `${file} has columns but no rows of data.`);
    const unique = uniqueColumnNames(flat.map((c) => c.name));
    const built = finishTable(unique.names, builders, rowStart);
    const createdBy = metadata.created_by ?? '';
    return {
      ...built,
      notes: [...unique.notes, ...notes, ...built.notes],
      format: 'parquet',
      options: { rowGroups: metadata.row_groups.length, skippedColumns: skipped, ...(createdBy ? { createdBy } : {}) },
      source: f.fingerprint(),
    };
  });
}

/** JSON, BSON and binary cells, kept as text (JSON text, or hex for raw bytes). */
function asText(v: object): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Feeds rows [from, to) of one column, in order, from chunks that may overlap the range. */
function addRange(b: ValueBuilder, col: FlatColumn, chunks: ColumnData[], from: number, to: number): void {
  chunks.sort((a, c) => a.rowStart - c.rowStart);
  let next = from;
  for (const chunk of chunks) {
    const data = chunk.columnData;
    const end = Math.min(to, chunk.rowEnd);
    for (let r = Math.max(next, chunk.rowStart); r < end; r++) {
      const v = data[r - chunk.rowStart] as CellValue;
      const line = r + 1;
      if (v === null || v === undefined) b.addMissing('');
      else if (col.dates && typeof v === 'number') b.addDate(v, line);
      else if (typeof v === 'object' && !(v instanceof Date)) b.addString(asText(v), line);
      else b.add(v, line);
    }
    next = Math.max(next, end);
  }
  // A chunk that never came means the column is missing for those rows (should not happen).
  for (let r = next; r < to; r++) b.addMissing('');
}
