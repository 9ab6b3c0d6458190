/**
 * Picks the reader for a file: by its first bytes first (a file's name can lie: a CSV saved as
 * .xlsx, a Parquet file without an extension), by its extension second, and falls back to
 * delimited text when the bytes look like text. Every reader returns the same ReadResult.
 */
import { closeSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readArrowFile } from './arrow/read-arrow';
import { readDelimited, type DelimitedOptions } from './csv/read-delimited';
import { binarySignature } from './csv/sniff';
import { readJsonFile, type JsonOptions } from './json/read-json';
import { readParquetFile } from './parquet/read-parquet';
import { fileError, openForReading, readError, type ReadContext, type ReadFormat, type ReadResult } from './read-result';
import { readXlsxFile, type XlsxOptions } from './xlsx/read-xlsx';

export type ReadAnyOptions = DelimitedOptions & Omit<XlsxOptions, 'missingTokens'> & Omit<JsonOptions, 'missingTokens'>;

export const SUPPORTED_FORMATS = 'CSV or other delimited text (.csv, .tsv, .txt), Excel workbooks (.xlsx), JSON (an array of objects) or NDJSON / JSON Lines, Parquet, and Arrow IPC / Feather v2';

const BY_EXTENSION: Record<string, ReadFormat> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.txt': 'csv',
  '.psv': 'csv',
  '.dat': 'csv',
};

const starts = (head: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => head[i] === b);

/** The format a file's first bytes announce, or null when they announce none. */
export function formatFromBytes(head: Uint8Array): ReadFormat | null {
  if (head.length === 0) return null;
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  // An OLE compound file: an encrypted .xlsx or an old .xls; the xlsx reader explains which.
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'xlsx';
  if (starts(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (starts(head, [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]) || starts(head, [0x46, 0x45, 0x41, 0x31])) return 'arrow';
  if (starts(head, [0xff, 0xff, 0xff, 0xff]) && head.length >= 8) return 'arrow';
  let i = starts(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x5b || head[i] === 0x7b) return 'json';
  return null;
}

function looksLikeText(head: Uint8Array): boolean {
  if (starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control <= head.length * 0.01;
}

/** Which reader a file goes to; throws a message listing what Slicewise reads when none fits. */
export function chooseFormat(path: string, head: Uint8Array): ReadFormat {
  const file = basename(path);
  const byBytes = formatFromBytes(head);
  if (byBytes) return byBytes;
  const ext = extname(path).toLowerCase();
  const binary = binarySignature(head);
  if (binary) throw fileError('PARSE_ERROR', file, `${file} is not a table Slicewise can read: it looks like ${binary}. Slicewise reads ${SUPPORTED_FORMATS}.`);
  const byName = BY_EXTENSION[ext];
  // A .json name with other text goes to the JSON reader, which says what JSON it expects; other
  // text under any name is delimited text (a CSV saved as .xls/.xlsx is common); binary bytes
  // under a binary format's name go to that reader, which says precisely what is wrong.
  if (byName === 'json' && head.length > 0) return 'json';
  if (head.length === 0 || looksLikeText(head)) return 'csv';
  if (byName) return byName;
  throw fileError('PARSE_ERROR', file, `${file} is not in a format Slicewise reads (it is not text, and its first bytes match no known table format). Slicewise reads ${SUPPORTED_FORMATS}.`);
}

function readHead(path: string, bytes = 4096): Buffer {
  const fd = openForReading(path);
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } catch (err) {
    throw readError(basename(path), err);
  } finally {
    closeSync(fd);
  }
}

/** Reads any supported file. Returns a Promise because the Parquet reader is asynchronous. */
export async function readAnyFile(path: string, opts: ReadAnyOptions, ctx: ReadContext): Promise<ReadResult> {
  const format = chooseFormat(path, readHead(path));
  switch (format) {
    case 'xlsx':
      return readXlsxFile(path, opts, ctx);
    case 'json':
    case 'ndjson':
      return readJsonFile(path, opts, ctx);
    case 'parquet':
      return readParquetFile(path, opts, ctx);
    case 'arrow':
      return readArrowFile(path, opts, ctx);
    case 'csv':
      return readCsv(path, opts, ctx);
  }
}

/** The CSV reader's result in the common shape (read-delimited.ts itself is unchanged). */
export async function readCsv(path: string, opts: DelimitedOptions, ctx: ReadContext): Promise<ReadResult> {
  const r = await readDelimited(path, opts, ctx);
  return {
    table: r.table,
    stats: r.stats,
    notes: r.notes,
    format: 'csv',
    options: {
      delimiter: r.detected.delimiter,
      encoding: r.detected.encoding,
      decimal: r.detected.numberConvention.decimal,
      thousands: r.detected.numberConvention.group,
      raggedRows: r.ragged.policy,
      raggedCount: r.ragged.count,
    },
    source: r.source,
  };
}
