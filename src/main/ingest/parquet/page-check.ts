/**
 * Checks a row group's page headers before hyparquet decodes it. hyparquet trusts what a file
 * says, and some lies send it into an endless loop or an enormous allocation:
 *   - a DATA_PAGE_V2 header without its level lengths makes hyparquet's read offset NaN, and it
 *     then rereads byte 0 forever (found by fuzzing: test/unit/fuzz/regressions.test.ts);
 *   - an uncompressed page size of 2 GB is allocated up front, from a page of a few bytes;
 *   - a row count far beyond the values stored makes the reader fill billions of missing cells.
 * So every page header of every column that will be read is walked (headers only, a small read
 * per page) and checked for the fields hyparquet needs, with sizes inside the column chunk and
 * within limits. A damaged file is refused with a clear message instead.
 */
import type { ColumnChunk, PageHeader, RowGroup } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import type { HashedFile } from '../read-result';

/** A page may unpack to more than this only if it is also packed less than MAX_RATIO times. */
const LARGE_PAGE_BYTES = 64 * 1024 * 1024;
const MAX_RATIO = 1000;
/** Page headers are small; statistics (min/max values) can make one a few kilobytes. */
const HEADER_WINDOW = 64 * 1024;

export class DamagedPage extends Error {}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkHeader(h: PageHeader, roomAfterHeader: number): void {
  if (!count(h.compressed_page_size) || !count(h.uncompressed_page_size)) throw new DamagedPage('a page has no valid size');
  if (h.compressed_page_size > roomAfterHeader) throw new DamagedPage('a page runs past the end of its column');
  if (h.uncompressed_page_size > LARGE_PAGE_BYTES && h.uncompressed_page_size > MAX_RATIO * Math.max(1, h.compressed_page_size)) {
    throw new DamagedPage(`a page of ${h.compressed_page_size} bytes says it unpacks to ${h.uncompressed_page_size} bytes`);
  }
  if (h.type === 'DATA_PAGE') {
    const d = h.data_page_header;
    if (!d || !count(d.num_values) || d.encoding === undefined) throw new DamagedPage('a data page header is incomplete');
  } else if (h.type === 'DATA_PAGE_V2') {
    const d = h.data_page_header_v2;
    if (!d || !count(d.num_values) || !count(d.num_nulls) || !count(d.num_rows) || d.encoding === undefined) throw new DamagedPage('a data page header is incomplete');
    if (d.num_nulls > d.num_values) throw new DamagedPage('a data page has more missing values than values');
    if (!count(d.definition_levels_byte_length) || !count(d.repetition_levels_byte_length) || d.definition_levels_byte_length + d.repetition_levels_byte_length > h.compressed_page_size) {
      throw new DamagedPage('a data page header gives no valid length for its levels');
    }
  } else if (h.type === 'DICTIONARY_PAGE') {
    const d = h.dictionary_page_header;
    if (!d || !count(d.num_values)) throw new DamagedPage('a dictionary page header is incomplete');
  } else {
    throw new DamagedPage(`a page has an unknown type (${String(h.type)})`);
  }
}

/** Rows the data pages of one flat column chunk hold; throws DamagedPage when a header is damaged. */
function checkChunk(f: HashedFile, chunk: ColumnChunk): number {
  const meta = chunk.meta_data;
  if (!meta) throw new DamagedPage('a column has no description');
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > f.size) throw new DamagedPage('a column lies outside the file');
  let rows = 0;
  for (let pos = start; pos < end - 1; ) {
    let window = Math.min(HEADER_WINDOW, end - pos);
    let header: PageHeader;
    let headerBytes: number;
    for (;;) {
      const bytes = f.readAt(pos, window);
      const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length), offset: 0 };
      try {
        header = parquetHeader(reader);
        headerBytes = reader.offset;
        break;
      } catch {
        // A header larger than the window (long statistics): read more, up to the whole column.
        if (window >= end - pos) throw new DamagedPage('a page header is unreadable');
        window = Math.min(end - pos, window * 4);
      }
    }
    checkHeader(header, end - pos - headerBytes);
    if (header.type === 'DATA_PAGE') rows += header.data_page_header!.num_values;
    else if (header.type === 'DATA_PAGE_V2') rows += header.data_page_header_v2!.num_rows;
    pos += headerBytes + header.compressed_page_size;
  }
  return rows;
}

/**
 * Checks the pages of the columns named in `columns` (flat columns: one value per row, nulls
 * included) in one row group. Throws DamagedPage, with what is wrong in words.
 */
export function checkRowGroup(f: HashedFile, group: RowGroup, columns: ReadonlySet<string>): void {
  const rows = Number(group.num_rows);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new DamagedPage(`it says it has ${String(group.num_rows)} rows`);
  for (const chunk of group.columns) {
    const path = chunk.meta_data?.path_in_schema;
    if (!path || path.length !== 1 || !columns.has(path[0]!)) continue;
    const stored = checkChunk(f, chunk);
    // Each row of a flat column is one value (or null) in some data page.
    if (stored < rows) throw new DamagedPage(`it says it has ${rows} rows, but its column "${path[0]}" holds ${stored} values`);
  }
}
