/**
 * Reads a delimited text file (CSV, TSV, semicolon, pipe) into typed columns in one streaming pass:
 * encoding and delimiter sniffed, the first rows sampled to choose each column's storage, then
 * every cell written straight into its column builder. Never holds the file as one string or rows
 * as objects. Every problem is a SlicewiseError that names the file and, where it applies, the line.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { SlicewiseError } from '../../../shared/errors';
import type { Table } from '../../../shared/table';
import { detectNumberConvention, type NumberConvention } from '../../../shared/value-patterns';
import type { JobContext } from '../../engine-host/job-context';
import { CodesBuilder, DateBuilder, NumberBuilder, type ColumnBuilder, type ColumnImportStats } from '../columns/builders';
import { detectStorage } from '../columns/detect-kind';
import { uniqueColumnNames } from '../columns/names';
import { ByteTokenizer, fieldText, type RecordView } from './byte-tokenizer';
import { FastRecords, missingTokenBytes } from './fast-records';
import { openForReading, readError } from '../read-result';
import { binarySignature, completeUtf8Length, guessEncoding, sniffDelimiter, type TextEncoding } from './sniff';

export type RaggedRowPolicy = 'error' | 'skip' | 'keep';

export interface DelimitedOptions {
  missingTokens: readonly string[];
  delimiter?: string | undefined;
  encoding?: TextEncoding | undefined;
  /** What to do with rows whose field count differs from the header's. */
  raggedRows?: RaggedRowPolicy | undefined;
  maxLineBytes?: number | undefined;
  sampleRows?: number | undefined;
  readBytes?: number | undefined;
  /** false reads every record through the tokenizer (fast-records.ts must give the same table; for tests). */
  fastPath?: boolean | undefined;
}

export interface DelimitedResult {
  table: Table;
  stats: ColumnImportStats[];
  notes: string[];
  detected: { delimiter: string; encoding: TextEncoding; numberConvention: NumberConvention };
  ragged: { count: number; lines: number[]; policy: RaggedRowPolicy };
  source: { sizeBytes: number; modifiedAt: string; sha256: string };
}

const MAX_RAGGED_EXAMPLES = 5;

/** A row read before the columns' storage is chosen: its fields as text, and its bytes with offsets relative to them. */
interface SampleRecord {
  cells: string[];
  line: number;
  count: number;
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
}

/**
 * The cells detectNumberConvention needs to see to give its answer for `cells`, far fewer of them.
 * It only asks whether each of its patterns matched some cell, and its patterns see digits only as
 * \d and need a '.' or ','; so cells without either are left out, and of cells that differ only in
 * their digits one is kept ("40743.63" and "12345.67" are both "11111.11"). The shape is checked
 * by a loop, not a regex, so no cell can make it backtrack.
 */
function conventionCells(cells: readonly string[]): string[] {
  const shapes = new Set<string>();
  for (const v of cells) {
    const t = v.trim();
    let separator = false;
    let i = t.charCodeAt(0) === 0x2b || t.charCodeAt(0) === 0x2d ? 1 : 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x2c || c === 0x2e) separator = true;
      else if (c < 0x30 || c > 0x39) break;
    }
    if (separator && i === t.length) shapes.add(t.replace(DIGITS, '1'));
  }
  return [...shapes];
}
const DIGITS = /[0-9]/g;

function fail(code: 'PARSE_ERROR' | 'EMPTY_FILE' | 'FILE_UNREADABLE', file: string, message: string, line?: number, details?: unknown): never {
  throw new SlicewiseError({ code, message, location: line === undefined ? { file } : { file, line }, ...(details ? { details } : {}) });
}

export function readDelimitedFile(path: string, opts: DelimitedOptions, ctx: Pick<JobContext, 'progress' | 'throwIfCancelled'>): DelimitedResult {
  const file = basename(path);
  const fd = openForReading(path);
  try {
    return readOpenFile(fd, file, opts, ctx);
  } finally {
    closeSync(fd);
  }
}

function readOpenFile(fd: number, file: string, opts: DelimitedOptions, ctx: Pick<JobContext, 'progress' | 'throwIfCancelled'>): DelimitedResult {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw readError(file, Object.assign(new Error(), { code: 'EISDIR' }));
  if (stat.size === 0) fail('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
  const readBytes = opts.readBytes ?? 1 << 20;
  const buf = Buffer.allocUnsafe(readBytes);
  const hash = createHash('sha256');
  let position = 0;
  const read = (): Buffer | null => {
    let n: number;
    try {
      n = readSync(fd, buf, 0, readBytes, null);
    } catch (err) {
      throw readError(file, err);
    }
    if (n === 0) return null;
    const piece = buf.subarray(0, n);
    hash.update(piece);
    position += n;
    return piece;
  };

  // First piece: what kind of file is this?
  const first = read();
  if (!first) fail('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
  const binary = binarySignature(first);
  if (binary) fail('PARSE_ERROR', file, `${file} is not a text table: it looks like ${binary}.`);
  const notes: string[] = [];
  const guess = opts.encoding ? { encoding: opts.encoding, bomBytes: 0 } : guessEncoding(first, position >= stat.size);
  if ('note' in guess && guess.note) notes.push(guess.note);
  const encoding = guess.encoding;
  if (encoding === 'utf-8' || encoding === 'windows-1252') {
    const nul = first.indexOf(0);
    if (nul >= 0) fail('PARSE_ERROR', file, `${file} contains NUL bytes (at byte ${nul}): it looks like a binary file, not text.`);
  }

  // Turns raw pieces into UTF-8 bytes for the tokenizer.
  const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
  let heldBack: Buffer | null = null; // an incomplete UTF-8 sequence cut by a piece boundary
  let consumedBefore = 0;
  const toUtf8 = (piece: Buffer, last: boolean): Buffer => {
    if (decoder) return Buffer.from(decoder.decode(piece, { stream: !last }), 'utf8');
    let bytes = heldBack ? Buffer.concat([heldBack, piece]) : piece;
    heldBack = null;
    if (!last) {
      const complete = completeUtf8Length(bytes);
      if (complete < bytes.length) {
        heldBack = Buffer.from(bytes.subarray(complete));
        bytes = bytes.subarray(0, complete);
      }
    }
    if (!isUtf8(bytes)) {
      const at = consumedBefore + firstInvalidUtf8(bytes);
      fail('PARSE_ERROR', file, `${file} is not valid UTF-8 text: the bytes at position ${at} are not a character in UTF-8. If it was saved by an older program, import it again choosing the Windows-1252 encoding.`, undefined, { byteOffset: at });
    }
    if (bytes.indexOf(0) >= 0) {
      fail('PARSE_ERROR', file, `${file} contains NUL bytes (near byte ${consumedBefore + bytes.indexOf(0)}): it looks like a binary file, not text.`);
    }
    consumedBefore += bytes.length;
    return bytes;
  };

  let firstUtf8 = toUtf8(first.subarray(guess.bomBytes), position >= stat.size);
  if (encoding === 'utf-8' && guess.bomBytes === 0 && firstUtf8[0] === 0xef && firstUtf8[1] === 0xbb && firstUtf8[2] === 0xbf) {
    firstUtf8 = firstUtf8.subarray(3);
  }
  if (decoder && firstUtf8[0] === 0xef && firstUtf8[1] === 0xbb && firstUtf8[2] === 0xbf) firstUtf8 = firstUtf8.subarray(3);
  const delimiter = opts.delimiter ?? sniffDelimiter(firstUtf8.subarray(0, 65_536));
  const policy = opts.raggedRows ?? 'error';
  const missing = new Set(opts.missingTokens);
  const tokens = missingTokenBytes(opts.missingTokens);
  const sampleRows = opts.sampleRows ?? 10_000;

  let names: string[] | null = null;
  let width = 0;
  let builders: ColumnBuilder[] | null = null;
  /** The first rows: their cells as text (to choose the storage) and their bytes (to add them afterwards). */
  let sample: SampleRecord[] = [];
  let sampleBytes = 0;
  let convention: NumberConvention | null = null;
  let rows = 0;
  let raggedCount = 0;
  /** Reads the simple records once the columns are known; its rows are counted apart from `rows`. */
  let fast: FastRecords | null = null;
  const allRows = (): number => rows + (fast?.total ?? 0);
  const raggedLines: number[] = [];

  // Compares bytes, so short numbers ("1", "42") are not turned into strings just to be checked.
  const missingToken = (b: Buffer, start: number, end: number, flag: number): string | null => {
    if (flag <= 1) return tokens.match(b, start, end);
    const text = fieldText(b, start, end, flag);
    return missing.has(text) ? text : null;
  };

  const startBuilders = (): void => {
    const cols = names!.map((_, c) => sample.map((s) => s.cells[c]!).filter((v) => !missing.has(v)));
    const firstCells: string[] = [];
    for (let c = 0; c < cols.length && firstCells.length < 50_000; c++) firstCells.push(...cols[c]!.slice(0, 50_000 - firstCells.length));
    convention = detectNumberConvention(conventionCells(firstCells), delimiter);
    builders = cols.map((values) => {
      const g = detectStorage(values, convention!);
      return g.storage === 'number' ? new NumberBuilder(convention!) : g.storage === 'date' ? new DateBuilder(g.order) : new CodesBuilder();
    });
    // Size the columns once from the file size and the sample's bytes per row (+10%).
    const bytesPerRow = sampleBytes / Math.max(1, sample.length);
    const estimate = Math.min(2 ** 30, Math.ceil((stat.size / Math.max(1, bytesPerRow)) * 1.1));
    for (const b of builders) b.reserve(estimate);
    // The sample's cells, added as they were read (a missing-value token by its bytes; a cell with
    // doubled quotes or text after its closing quote as its text, which is what the builders saw
    // when the sample was added from its text).
    for (const s of sample) {
      for (let c = 0; c < width; c++) {
        const b = builders[c]!;
        const flag = c < s.count ? s.flags[c]! : 0;
        if (c >= s.count || flag > 1) {
          const text = s.cells[c]!;
          if (missing.has(text)) b.addMissing(text);
          else {
            const bytes = Buffer.from(text, 'utf8');
            b.add(bytes, 0, bytes.length, 0, s.line);
          }
          continue;
        }
        const start = s.starts[c]!;
        const end = s.ends[c]!;
        const token = end - start <= tokens.maxBytes ? tokens.match(s.bytes, start, end) : null;
        if (token !== null) b.addMissing(token);
        else b.add(s.bytes, start, end, 0, s.line);
      }
    }
    sample = [];
    const kinds = builders.map((b) => (b instanceof NumberBuilder ? 'number' : b instanceof CodesBuilder ? 'codes' : 'other'));
    if (opts.fastPath !== false && FastRecords.usable(delimiter.charCodeAt(0))) tokenizer.fast = fast = new FastRecords(builders, kinds, delimiter.charCodeAt(0), tokens);
  };

  const onRecord = (r: RecordView): void => {
    if (!names) {
      const header: string[] = [];
      for (let c = 0; c < r.count; c++) header.push(fieldText(r.bytes, r.starts[c]!, r.ends[c]!, r.flags[c]!));
      const unique = uniqueColumnNames(header);
      names = unique.names;
      notes.push(...unique.notes);
      width = names.length;
      return;
    }
    let count = r.count;
    if (count !== width) {
      raggedCount++;
      if (raggedLines.length < MAX_RAGGED_EXAMPLES) raggedLines.push(r.line);
      if (policy === 'error') tokenizer.fast = null; // only counting from here on
      if (policy !== 'keep') return;
    }
    if (raggedCount > 0 && policy === 'error') return; // only counting from here on
    rows++;
    if (builders === null) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) cells.push(c < count ? fieldText(r.bytes, r.starts[c]!, r.ends[c]!, r.flags[c]!) : '');
      const base = r.starts[0]!;
      const span = r.ends[count - 1]! - base;
      sample.push({
        cells,
        line: r.line,
        count,
        bytes: Buffer.from(r.bytes.subarray(base, base + span)),
        starts: r.starts.slice(0, count).map((v) => v - base),
        ends: r.ends.slice(0, count).map((v) => v - base),
        flags: r.flags.slice(0, count),
      });
      sampleBytes += span + 1;
      if (sample.length >= sampleRows) startBuilders();
      return;
    }
    if (count > width) count = width;
    const bs = builders;
    const { bytes, starts, ends, flags, line } = r;
    for (let c = 0; c < count; c++) {
      const start = starts[c]!;
      const end = ends[c]!;
      const flag = flags[c]!;
      const len = end - start;
      // Most cells are not a missing-value token: decided here by length and first byte.
      if (len <= tokens.maxBytes && (flag > 1 || (len === 0 ? tokens.empty : tokens.firstByte[bytes[start]!] === 1))) {
        const token = missingToken(bytes, start, end, flag);
        if (token !== null) {
          bs[c]!.addMissing(token);
          continue;
        }
      }
      bs[c]!.add(bytes, start, end, flag, line);
    }
    for (let c = count; c < width; c++) bs[c]!.addMissing('');
  };

  const tokenizer = new ByteTokenizer(delimiter.charCodeAt(0), onRecord, opts.maxLineBytes ?? 64 * 1024 * 1024);
  const tooLong = (line: number): never =>
    fail('PARSE_ERROR', file, `${file}: the line starting at ${line} is longer than ${Math.round((opts.maxLineBytes ?? 64 * 1024 * 1024) / 1024)} KB; the file may be damaged, or a quote (") is never closed.`, line);

  ctx.progress('Reading', 0);
  let err = tokenizer.push(firstUtf8);
  if (err) tooLong(err.line);
  for (;;) {
    ctx.throwIfCancelled();
    ctx.progress('Reading', position / stat.size, `${allRows().toLocaleString('en-US')} rows`);
    const piece = read();
    if (!piece) break;
    err = tokenizer.push(toUtf8(piece, position >= stat.size));
    if (err) tooLong(err.line);
  }
  if (decoder) {
    const rest = Buffer.from(decoder.decode(), 'utf8');
    if (rest.length) tokenizer.push(rest);
  } else if (heldBack) {
    tokenizer.push(toUtf8(Buffer.alloc(0), true));
  }
  err = tokenizer.end();
  if (err?.kind === 'unclosed-quote') {
    fail('PARSE_ERROR', file, `${file} ends inside a quoted value that starts on line ${err.line}: a closing quote (") is missing. Check that line in a text editor.`, err.line);
  }
  if (err) tooLong(err.line);

  const after = fstatSync(fd);
  if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs || position !== stat.size) {
    fail('FILE_UNREADABLE', file, `${file} changed while it was being read. Wait until whatever is writing it has finished, then import it again.`);
  }
  if (!names) fail('EMPTY_FILE', file, `${file} has no lines of data.`);
  const columnNames: string[] = names;
  if (raggedCount > 0 && policy === 'error') {
    fail(
      'PARSE_ERROR',
      file,
      `${file}: ${raggedCount.toLocaleString('en-US')} line${raggedCount === 1 ? '' : 's'} ${raggedCount === 1 ? 'does' : 'do'} not have ${width} values like the header ` +
        `(line${raggedLines.length === 1 ? '' : 's'} ${raggedLines.join(', ')}${raggedCount > raggedLines.length ? ', …' : ''}). You can import again keeping or skipping those lines.`,
      raggedLines[0],
      { raggedLines, raggedCount },
    );
  }
  rows = allRows();
  if (rows === 0) fail('EMPTY_FILE', file, `${file} has column names but no rows of data.`);
  if (builders === null) startBuilders();
  if (raggedCount > 0) {
    notes.push(
      policy === 'skip'
        ? `${raggedCount} line${raggedCount === 1 ? '' : 's'} with the wrong number of values ${raggedCount === 1 ? 'was' : 'were'} skipped (first: line ${raggedLines[0]}).`
        : `${raggedCount} line${raggedCount === 1 ? '' : 's'} with the wrong number of values ${raggedCount === 1 ? 'was' : 'were'} kept: missing values left empty, extra values dropped (first: line ${raggedLines[0]}).`,
    );
  }
  ctx.progress('Reading', 1, `${rows.toLocaleString('en-US')} rows`);
  const built = builders!.map((b, c) => b.finish(columnNames[c]!));
  return {
    table: { rowCount: rows, columns: built.map((b) => b.column) },
    stats: built.map((b) => b.stats),
    notes,
    detected: { delimiter, encoding, numberConvention: convention! },
    ragged: { count: raggedCount, lines: raggedLines, policy },
    source: { sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString(), sha256: hash.digest('hex') },
  };
}

/** Offset of the first byte that breaks UTF-8 (for a precise message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes that are valid once trailing incomplete sequences are trimmed.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const prefix = bytes.subarray(0, mid);
    if (isUtf8(prefix.subarray(0, completeUtf8Length(prefix)))) lo = mid;
    else hi = mid;
  }
  return lo;
}
