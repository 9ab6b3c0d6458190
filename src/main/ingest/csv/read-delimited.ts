/**
 * Reads a delimited text file (CSV, TSV, semicolon, pipe) into typed columns in one streaming pass:
 * encoding and delimiter sniffed, the first rows sampled to choose each column's storage, then
 * every cell written straight into its column builder. Never holds the file as one string or rows
 * as objects. Every problem is a SlicewiseError that names the file and, where it applies, the line.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { SlicewiseError } from '../../../shared/errors';
import type { Table } from '../../../shared/table';
import type { NumberConvention } from '../../../shared/value-patterns';
import { releaseBuffers, releasedBuffersFreed } from '../../engine-host/release-buffers';
import { builderFor, partBuffers, type ColumnBuilder, type ColumnImportStats } from '../columns/builders';
import { uniqueColumnNames } from '../columns/names';
import { openForReading, readError, type ReadContext } from '../read-result';
import { ByteTokenizer, fieldText, type RecordView, type TokenizerError } from './byte-tokenizer';
import { FastRecords, fastKinds, missingTokenBytes } from './fast-records';
import { findSplit, MAIN_SHARE, PARALLEL_MIN_BYTES, startPartHelper, waitForPart, type ParallelOptions, type PartHelper, type PartRun } from './parallel';
import type { PartOutcome } from './part-reader';
import { MAX_RAGGED_EXAMPLES, RowSink, type RaggedRowPolicy } from './row-sink';
import { SampleRows } from './sample-rows';
import { binarySignature, guessEncoding, sniffDelimiter, type TextEncoding } from './sniff';
import { Utf8Pieces } from './utf8-pieces';

export type { RaggedRowPolicy } from './row-sink';

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
  /** Read the second half of a big UTF-8 file on a helper thread (parallel.ts); only `readDelimited` does. */
  parallel?: ParallelOptions | undefined;
}

export interface DelimitedResult {
  table: Table;
  stats: ColumnImportStats[];
  notes: string[];
  detected: { delimiter: string; encoding: TextEncoding; numberConvention: NumberConvention };
  ragged: { count: number; lines: number[]; policy: RaggedRowPolicy };
  source: { sizeBytes: number; modifiedAt: string; sha256: string };
  /** How many threads read the file: 2 when a helper read its second part (parallel.ts). */
  parts: 1 | 2;
}

/** Where reading stands: finished, or waiting for the helper reading the file's second part. */
type Step =
  | { done: DelimitedResult }
  | {
      wait: PartRun;
      progress(): void;
      /** Appends the helper's part (null: it failed; this thread reads that part itself). */
      take(part: PartOutcome | null): Promise<void>;
      finish(): DelimitedResult;
    };

/** While a helper's part is appended, the memory given back is waited for once this much is due. */
const FREE_EVERY_BYTES = 4 * 1024 * 1024;

function fail(code: 'PARSE_ERROR' | 'EMPTY_FILE' | 'FILE_UNREADABLE', file: string, message: string, line?: number, details?: unknown): never {
  throw new SlicewiseError({ code, message, location: line === undefined ? { file } : { file, line }, ...(details ? { details } : {}) });
}

/** Reads a delimited file on this thread alone. */
export function readDelimitedFile(path: string, opts: DelimitedOptions, ctx: ReadContext): DelimitedResult {
  const fd = openForReading(path);
  try {
    const step = readOpenFile(path, fd, { ...opts, parallel: undefined }, ctx);
    if ('wait' in step) throw new Error('a part was started without opts.parallel');
    return step.done;
  } finally {
    closeSync(fd);
  }
}

/** Reads a delimited file, a big one on two threads when `opts.parallel` says how (see parallel.ts). */
export async function readDelimited(path: string, opts: DelimitedOptions, ctx: ReadContext): Promise<DelimitedResult> {
  const fd = openForReading(path);
  let step: Step | null = null;
  try {
    step = readOpenFile(path, fd, opts, ctx);
    if ('done' in step) return step.done;
    await step.take(await waitForPart(step.wait, ctx, step.progress));
    return step.finish();
  } finally {
    if (step && 'wait' in step) step.wait.stop();
    closeSync(fd);
  }
}

function readOpenFile(path: string, fd: number, opts: DelimitedOptions, ctx: ReadContext): Step {
  const file = basename(path);
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw readError(file, Object.assign(new Error(), { code: 'EISDIR' }));
  if (stat.size === 0) fail('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
  const readBytes = opts.readBytes ?? 1 << 20;
  const buf = Buffer.allocUnsafe(readBytes);
  let hash = createHash('sha256');
  let position = 0;
  /** Where this thread stops reading: the end, or where the helper's part starts. */
  let limit = Infinity;
  /** The helper thread, started before it is given its part (or stopped if there is none). */
  let helper: PartHelper | null = null;
  let part: PartRun | null = null;
  let partFrom = Infinity;
  const read = (): Buffer | null => {
    if (position >= limit) return null;
    let n: number;
    try {
      n = readSync(fd, buf, 0, Math.min(readBytes, limit - position), position);
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

  // Turns raw pieces into checked UTF-8 bytes for the tokenizer.
  const pieces = new Utf8Pieces(file, encoding);
  let firstUtf8 = pieces.next(first.subarray(guess.bomBytes), position >= stat.size);
  if (firstUtf8[0] === 0xef && firstUtf8[1] === 0xbb && firstUtf8[2] === 0xbf && (pieces.decoding || guess.bomBytes === 0)) firstUtf8 = firstUtf8.subarray(3);
  const delimiter = opts.delimiter ?? sniffDelimiter(firstUtf8.subarray(0, 65_536));
  const policy = opts.raggedRows ?? 'error';
  const missing = new Set(opts.missingTokens);
  const tokens = missingTokenBytes(opts.missingTokens);
  const sampleRows = opts.sampleRows ?? 10_000;
  const minParallelBytes = opts.parallel?.minBytes ?? PARALLEL_MIN_BYTES;
  const maxLineBytes = opts.maxLineBytes ?? 64 * 1024 * 1024;

  let names: string[] | null = null;
  let sink: RowSink | null = null;
  let builders: ColumnBuilder[] | null = null;
  /** The first rows: their cells as text (to choose the storage) and their bytes (to add them afterwards). */
  let sample: SampleRows | null = null;
  let convention: NumberConvention | null = null;
  /** Reads the simple records once the columns are known; its rows are counted apart from the sink's. */
  let fast: FastRecords | null = null;
  /** Rows of the helper's part, once appended. */
  let partRows = 0;
  let parts: 1 | 2 = 1;
  const allRows = (): number => (sink?.rows ?? 0) + (fast?.total ?? 0) + partRows;

  const stopHelper = (): void => {
    helper?.stop();
    helper = null;
  };

  const startBuilders = (): void => {
    const width = names!.length;
    const rowsSeen = sample ?? new SampleRows(width);
    sample = null;
    const chosen = rowsSeen.chooseStorage(missing, delimiter);
    const conv = (convention = chosen.convention);
    const storages = chosen.storages;
    // A big UTF-8 file: the rest of it in two parts, the second on the helper thread, cut before
    // the middle (MAIN_SHARE says why).
    const left = stat.size - position;
    const split = helper === null || left < minParallelBytes ? null : findSplit(fd, position + Math.floor(left * MAIN_SHARE), stat.size);
    if (split === null) stopHelper();
    // Size the columns once for the whole file from the sample's bytes per row (+10%), so the
    // helper's part is appended without growing them. The pages this thread does not fill until
    // then cost no memory: big arrays are mapped alone (shared/big-arrays.ts), and other
    // platforms' allocators map big blocks lazily too. (Reused from glibc's arenas, they were
    // zeroed, and so resident, when reserved: with the helper's part, ~1.5× the columns.)
    const bytesPerRow = rowsSeen.recordBytes / Math.max(1, rowsSeen.size);
    const rowsIn = (bytes: number): number => Math.min(2 ** 30, Math.ceil((bytes / Math.max(1, bytesPerRow)) * 1.1));
    const useFast = opts.fastPath !== false && FastRecords.usable(delimiter.charCodeAt(0));
    if (split !== null && helper !== null) {
      // Begun before this thread sets up its own columns and adds the sample to them (~0.1 s at
      // 1M rows), which the helper's own set-up then overlaps.
      limit = partFrom = split;
      part = helper.begin({
        path,
        from: split,
        to: stat.size,
        utf8Before: split - guess.bomBytes,
        delimiter,
        width,
        policy,
        missingTokens: [...opts.missingTokens],
        storages,
        convention: conv,
        maxLineBytes,
        readBytes,
        fastPath: useFast,
        reserveRows: rowsIn(stat.size - split),
      });
    }
    builders = sink!.builders = storages.map((g) => builderFor(g, conv));
    // Appending the helper's part and finishing a 10M-row free-text column take seconds each.
    for (const b of builders) b.check = () => ctx.throwIfCancelled();
    for (const b of builders) b.reserve(rowsIn(stat.size), split === null ? undefined : rowsIn(split - position));
    const fastFor = (): FastRecords => new FastRecords(builders!, fastKinds(storages), delimiter.charCodeAt(0), tokens);
    rowsSeen.addTo(builders, tokens, missing, useFast ? fastFor() : null);
    if (useFast) tokenizer.fast = fast = fastFor();
  };

  const onRecord = (r: RecordView): void => {
    if (!names) {
      const header: string[] = [];
      for (let c = 0; c < r.count; c++) header.push(fieldText(r.bytes, r.starts[c]!, r.ends[c]!, r.flags[c]!));
      const unique = uniqueColumnNames(header);
      names = unique.names;
      notes.push(...unique.notes);
      sink = new RowSink(names.length, policy, tokens, missing, () => (tokenizer.fast = null));
      return;
    }
    if (!sink!.keep(r)) return;
    if (builders !== null) return sink!.add(r);
    sample ??= new SampleRows(names.length);
    sample.add(r);
    if (sample.size >= sampleRows) startBuilders();
  };

  const tokenizer = new ByteTokenizer(delimiter.charCodeAt(0), onRecord, maxLineBytes);
  const tooLong = (line: number): never =>
    fail('PARSE_ERROR', file, `${file}: the line starting at ${line} is longer than ${Math.round(maxLineBytes / 1024)} KB; the file may be damaged, or a quote (") is never closed.`, line);
  const tokenizerError = (err: TokenizerError | null): void => {
    if (err?.kind === 'unclosed-quote') {
      fail('PARSE_ERROR', file, `${file} ends inside a quoted value that starts on line ${err.line}: a closing quote (") is missing. Check that line in a text editor.`, err.line);
    }
    if (err) tooLong(err.line);
  };
  const progress = (): void =>
    ctx.progress('Reading', (Math.min(position, partFrom) + (part?.bytesRead() ?? 0)) / stat.size, `${allRows().toLocaleString('en-US')} rows`);

  /** Reads on up to `limit`. */
  const readOn = (): void => {
    for (;;) {
      ctx.throwIfCancelled();
      progress();
      const piece = read();
      if (!piece) return;
      const err = tokenizer.push(pieces.next(piece, position >= stat.size));
      if (err) tooLong(err.line);
    }
  };

  /** The helper failed or the cut was not a record's end: read its part here after all. */
  const readPartHere = (): void => {
    part?.stop();
    part = null;
    limit = partFrom = Infinity;
    readOn();
  };

  /**
   * Appends the helper's part, its line numbers shifted by the lines before it. Column by column,
   * each column's part (and the arrays its builder outgrew) freed before the next is appended, so
   * the part and the grown columns are never all there at once (at 1M rows that was ~70 MB more
   * at the import's peak).
   */
  const appendPart = async (p: PartOutcome, lineOffset: number): Promise<void> => {
    if (!p.ok) throw new SlicewiseError(p.error);
    tokenizerError(p.tokenizerError && { kind: p.tokenizerError.kind, line: p.tokenizerError.line + lineOffset });
    const s = sink!;
    s.raggedCount += p.raggedCount;
    for (const line of p.raggedLines) if (s.raggedLines.length < MAX_RAGGED_EXAMPLES) s.raggedLines.push(line + lineOffset);
    let unfreed = 0;
    for (let c = 0; c < builders!.length; c++) {
      ctx.throwIfCancelled();
      const part = p.builders[c]!;
      const done = [...partBuffers(part), ...builders![c]!.absorb(part, lineOffset)];
      // Waiting for the memory to go back costs a turn of the event loop: once a few MB are due.
      unfreed += done.reduce((sum, b) => sum + b.byteLength, 0);
      releaseBuffers(done);
      if (unfreed >= FREE_EVERY_BYTES) {
        await releasedBuffersFreed();
        unfreed = 0;
      }
    }
    await releasedBuffersFreed();
    partRows = p.rows;
    parts = 2;
  };

  const finish = (): DelimitedResult => {
    const rest = pieces.rest();
    if (rest) tokenizer.push(rest);
    tokenizerError(tokenizer.end());

    const after = fstatSync(fd);
    if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs || position !== stat.size) {
      fail('FILE_UNREADABLE', file, `${file} changed while it was being read. Wait until whatever is writing it has finished, then import it again.`);
    }
    if (!names || !sink) fail('EMPTY_FILE', file, `${file} has no lines of data.`);
    const columnNames: string[] = names;
    const width = columnNames.length;
    const { raggedCount, raggedLines } = sink;
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
    const rows = allRows();
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
    const built = builders!.map((b, c) => {
      ctx.throwIfCancelled();
      return b.finish(columnNames[c]!);
    });
    return {
      table: { rowCount: rows, columns: built.map((b) => b.column) },
      stats: built.map((b) => b.stats),
      notes,
      detected: { delimiter, encoding, numberConvention: convention! },
      ragged: { count: raggedCount, lines: raggedLines, policy },
      source: { sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString(), sha256: hash.digest('hex') },
      parts,
    };
  };

  try {
    // A big UTF-8 file will most likely be read in two parts: the helper starts up meanwhile.
    if (opts.parallel && !pieces.decoding && stat.size - position >= minParallelBytes) helper = startPartHelper(opts.parallel.script);
    ctx.progress('Reading', 0);
    const err = tokenizer.push(firstUtf8);
    if (err) tooLong(err.line);
    readOn();
    const run: PartRun | null = part;
    if (run === null) return { done: finish() };
    if (!tokenizer.atRecordBoundary()) {
      readPartHere();
      return { done: finish() };
    }
    // The cut was a record's end. Hash the rest while the helper reads it.
    const split = position;
    const lineOffset = tokenizer.nextLine - 1;
    const hashAtSplit = hash.copy();
    limit = Infinity;
    while (read()) {
      ctx.throwIfCancelled();
      progress();
    }
    return {
      wait: run,
      progress,
      async take(p) {
        try {
          if (p !== null) await appendPart(p, lineOffset);
          else {
            hash = hashAtSplit;
            position = limit = split;
            readPartHere();
          }
        } finally {
          run.stop();
        }
      },
      finish,
    };
  } catch (err) {
    stopHelper();
    throw err;
  }
}
