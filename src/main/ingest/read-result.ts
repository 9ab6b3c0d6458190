/**
 * The one shape every file reader returns (CSV, xlsx, JSON, Parquet, Arrow), so the import job can
 * store any of them the same way, plus the small helpers the readers share: the error wording for
 * unreadable files, and the source fingerprint (size, modified time, SHA-256 of the bytes).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { SlicewiseError, type ErrorCode } from '../../shared/errors';
import type { Table } from '../../shared/table';
import type { ColumnImportStats } from './columns/builders';

export type ReadFormat = 'csv' | 'xlsx' | 'json' | 'ndjson' | 'parquet' | 'arrow';

export interface SourceFingerprint {
  sizeBytes: number;
  modifiedAt: string;
  sha256: string;
}

export interface ReadResult {
  table: Table;
  stats: ColumnImportStats[];
  notes: string[];
  format: ReadFormat;
  /** What was detected or used (sheet name, header row, delimiter, encoding…), for the record and the UI. */
  options: Record<string, string | number | boolean | string[]>;
  source: SourceFingerprint;
}

/** What a reader sees of the job host (the same two calls readDelimitedFile uses). */
export interface ReadContext {
  progress(stage: string, fraction: number, message?: string): void;
  throwIfCancelled(): void;
}

export interface ReadOptions {
  missingTokens: readonly string[];
}

type FileErrorCode = Extract<ErrorCode, 'PARSE_ERROR' | 'EMPTY_FILE' | 'FILE_UNREADABLE'>;

export function fileError(code: FileErrorCode, file: string, message: string, where: { line?: number; column?: string | number } = {}, details?: unknown): SlicewiseError {
  return new SlicewiseError({ code, message, location: { file, ...where }, ...(details === undefined ? {} : { details }) });
}

/** Wording for an operating-system error on a file (same words as the CSV reader's). */
export function readError(file: string, err: unknown): SlicewiseError {
  if (err instanceof SlicewiseError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'it no longer exists (was it moved or deleted?)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission to read it was denied'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : `the computer reported ${code ?? (err as Error).message}`;
  return fileError('FILE_UNREADABLE', file, `Could not read ${file}: ${why}.`);
}

/** Opens a file for reading, or throws FILE_UNREADABLE saying why in words. */
export function openForReading(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (err) {
    throw readError(basename(path), err);
  }
}

export const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/**
 * An open file read in pieces with a running SHA-256, so the fingerprint costs no second pass when
 * a reader streams the file front to back. Readers that jump around (Parquet) call `hashRest`.
 */
export class HashedFile {
  readonly file: string;
  readonly stat: Stats;
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private hashedTo = 0;

  private constructor(readonly path: string) {
    this.file = basename(path);
    this.fd = openForReading(path);
    try {
      this.stat = fstatSync(this.fd);
    } catch (err) {
      closeSync(this.fd);
      throw readError(this.file, err);
    }
    if (this.stat.isDirectory()) {
      closeSync(this.fd);
      throw readError(this.file, Object.assign(new Error(), { code: 'EISDIR' }));
    }
  }

  static open(path: string): HashedFile {
    return new HashedFile(path);
  }

  get size(): number {
    return this.stat.size;
  }

  /** Reads bytes at a position (no hashing). */
  readAt(position: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, out, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
    } catch (err) {
      throw readError(this.file, err);
    }
    return done === length ? out : out.subarray(0, done);
  }

  /** The next sequential piece, hashed; null at the end. */
  next(pieceBytes = 1 << 20): Buffer | null {
    if (this.hashedTo >= this.size) return null;
    const piece = this.readAt(this.hashedTo, Math.min(pieceBytes, this.size - this.hashedTo));
    if (piece.length === 0) return null;
    this.hash.update(piece);
    this.hashedTo += piece.length;
    return piece;
  }

  get position(): number {
    return this.hashedTo;
  }

  /** Hashes whatever has not been read sequentially yet. */
  hashRest(ctx?: ReadContext): void {
    while (this.next(4 << 20)) ctx?.throwIfCancelled();
  }

  /** The fingerprint; refuses a file that changed while it was read. */
  fingerprint(): SourceFingerprint {
    this.hashRest();
    let after: Stats;
    try {
      after = fstatSync(this.fd);
    } catch (err) {
      throw readError(this.file, err);
    }
    if (after.size !== this.stat.size || after.mtimeMs !== this.stat.mtimeMs || this.hashedTo !== this.stat.size) {
      throw fileError('FILE_UNREADABLE', this.file, `${this.file} changed while it was being read. Wait until whatever is writing it has finished, then import it again.`);
    }
    return { sizeBytes: this.stat.size, modifiedAt: this.stat.mtime.toISOString(), sha256: this.hash.digest('hex') };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Opens a file, runs `body`, always closes it. */
export function withFile<T>(path: string, body: (f: HashedFile) => T): T {
  const f = HashedFile.open(path);
  try {
    return body(f);
  } finally {
    f.close();
  }
}

export async function withFileAsync<T>(path: string, body: (f: HashedFile) => Promise<T>): Promise<T> {
  const f = HashedFile.open(path);
  try {
    return await body(f);
  } finally {
    f.close();
  }
}
