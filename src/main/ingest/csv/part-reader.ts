/**
 * Reads the second part of a delimited file — from a record boundary to the end — on a helper
 * thread, while the import's own thread reads the part before it (see parallel.ts). It is given
 * what the first rows decided (delimiter, the columns' storage, the number convention, the
 * missing-value tokens, the ragged-rows choice) and reads exactly as read-delimited.ts does, with
 * the same tokenizer, fast path, row sink and builders; line numbers count from the part's first
 * line, and the import's thread shifts them when it appends the part.
 */
import { closeSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { cancelledError } from '../../engine-host/job-context';
import { toErrorData, type SlicewiseErrorData } from '../../../shared/errors';
import type { NumberConvention } from '../../../shared/value-patterns';
import { builderFor, type BuilderPart } from '../columns/builders';
import type { StorageGuess } from '../columns/detect-kind';
import { openForReading, readError } from '../read-result';
import { ByteTokenizer, type TokenizerError } from './byte-tokenizer';
import { FastRecords, missingTokenBytes, fastKinds } from './fast-records';
import { RowSink, type RaggedRowPolicy } from './row-sink';
import { Utf8Pieces } from './utf8-pieces';

export interface PartSpec {
  path: string;
  /** Bytes [from, to) of the file; `from` starts a record. */
  from: number;
  to: number;
  /** UTF-8 bytes before `from` as the whole-file reader counts them (after a byte-order mark), for positions in messages. */
  utf8Before: number;
  delimiter: string;
  width: number;
  policy: RaggedRowPolicy;
  missingTokens: string[];
  storages: StorageGuess[];
  convention: NumberConvention;
  maxLineBytes: number;
  readBytes: number;
  fastPath: boolean;
  /** Rows the part probably has (+10%), so its arrays are sized once, not doubled. */
  reserveRows: number;
}

export type PartOutcome =
  | { ok: true; rows: number; raggedCount: number; raggedLines: number[]; builders: BuilderPart[]; tokenizerError: TokenizerError | null }
  | { ok: false; error: SlicewiseErrorData };

/** Shared between the threads: [CANCEL] is set by the import's thread, [KB_READ] by the part's. */
export const CANCEL = 0;
export const KB_READ = 1;

export function readPart(spec: PartSpec, signal: Int32Array): PartOutcome {
  try {
    return readPartOrThrow(spec, signal);
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

function readPartOrThrow(spec: PartSpec, signal: Int32Array): PartOutcome {
  const file = basename(spec.path);
  const builders = spec.storages.map((g) => builderFor(g, spec.convention));
  for (const b of builders) b.reserve(spec.reserveRows);
  const tokens = missingTokenBytes(spec.missingTokens);
  const sink = new RowSink(spec.width, spec.policy, tokens, new Set(spec.missingTokens), () => (tokenizer.fast = null));
  sink.builders = builders;
  const tokenizer = new ByteTokenizer(spec.delimiter.charCodeAt(0), (r) => {
      if (sink.keep(r)) sink.add(r);
    }, spec.maxLineBytes);
  const fast = spec.fastPath ? new FastRecords(builders, fastKinds(spec.storages), spec.delimiter.charCodeAt(0), tokens) : null;
  tokenizer.fast = fast;
  const pieces = new Utf8Pieces(file, 'utf-8', spec.utf8Before);
  const outcome = (tokenizerError: TokenizerError | null): PartOutcome => ({
    ok: true,
    rows: sink.rows + (fast?.total ?? 0),
    raggedCount: sink.raggedCount,
    raggedLines: sink.raggedLines,
    builders: builders.map((b) => b.toPart()),
    tokenizerError,
  });

  const fd = openForReading(spec.path);
  try {
    const buf = Buffer.allocUnsafe(spec.readBytes);
    let position = spec.from;
    while (position < spec.to) {
      if (Atomics.load(signal, CANCEL) !== 0) throw cancelledError();
      let n: number;
      try {
        n = readSync(fd, buf, 0, Math.min(spec.readBytes, spec.to - position), position);
      } catch (err) {
        throw readError(file, err);
      }
      if (n === 0) break; // the file got shorter: the import's thread sees it too, and says so
      position += n;
      Atomics.store(signal, KB_READ, Math.floor((position - spec.from) / 1024));
      const err = tokenizer.push(pieces.next(buf.subarray(0, n), position >= spec.to));
      if (err) return outcome(err);
    }
  } finally {
    closeSync(fd);
  }
  const rest = pieces.rest();
  if (rest) tokenizer.push(rest);
  return outcome(tokenizer.end());
}
