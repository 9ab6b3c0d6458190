/**
 * Just enough of the zip format to read an .xlsx: the central directory, and each entry inflated
 * in pieces (fflate's streaming Inflate) so a large sheet is never one buffer. Every byte that
 * comes out is counted against two limits, because a zip's own size fields can lie: the total
 * decompressed bytes, and the ratio of decompressed to compressed bytes (a "zip bomb" turns a few
 * kilobytes into gigabytes; real spreadsheets compress 5–30×, rarely past 100×).
 */
import { Inflate } from 'fflate';
import { SlicewiseError } from '../../../shared/errors';
import { fileError } from '../read-result';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Total decompressed bytes allowed across all entries read. */
  maxTotalBytes: number;
  /** Decompressed ÷ compressed, checked once an entry has produced more than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 4 * 1024 ** 3, maxRatio: 200, ratioFloorBytes: 1 << 20 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const PIECE = 64 * 1024;

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly file: string,
    private readonly limits: ZipLimits,
  ) {
    this.readDirectory();
  }

  private damaged(why: string): never {
    throw fileError('PARSE_ERROR', this.file, `${this.file} is a damaged zip archive (${why}), so it cannot be read as an Excel workbook. Open it in Excel and save it again.`);
  }

  private readDirectory(): void {
    const b = this.bytes;
    // The end record is in the last 22 bytes plus an optional comment of up to 64 KB.
    let end = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
      if (b.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) this.damaged('its table of contents is missing; the file may be cut short');
    const count = b.readUInt16LE(end + 10);
    const dirOffset = b.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) {
      throw fileError('PARSE_ERROR', this.file, `${this.file} is a zip64 archive (over 4 GB or 65,535 parts); Slicewise reads workbooks smaller than that. Save the sheet as CSV and import that.`);
    }
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) this.damaged('its table of contents is unreadable');
      const nameLength = b.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        flags: b.readUInt16LE(p + 8),
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        size: b.readUInt32LE(p + 24),
        localOffset: b.readUInt32LE(p + 42),
        name: b.toString('utf8', p + 46, p + 46 + nameLength),
      };
      // Part names are case-insensitive in OOXML; keep them as written but look up lower-case.
      this.entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
      p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  private bomb(entry: ZipEntry, produced: number, reason: string): never {
    throw fileError(
      'PARSE_ERROR',
      this.file,
      `${this.file} was refused: its part "${entry.name}" ${reason}. That is what a "zip bomb" does (a small file that unpacks to an enormous one), so Slicewise stopped after ${Math.round(produced / 1024 ** 2)} MB. If the workbook is genuine, save the sheet as CSV and import that.`,
      {},
      { entry: entry.name, produced },
    );
  }

  /**
   * Inflates one entry, handing each decompressed piece to `onData`. `onPiece` runs between
   * compressed pieces (for progress and cancellation) with the fraction of the entry consumed.
   */
  read(entry: ZipEntry, onData: (chunk: Uint8Array) => void, onPiece?: (fraction: number) => void): void {
    if (entry.flags & 1) {
      throw fileError('PARSE_ERROR', this.file, `${this.file} is password-protected (its part "${entry.name}" is encrypted). Open it in Excel, remove the password, save, and import it again.`);
    }
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) this.damaged(`the part "${entry.name}" is missing`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) this.damaged(`the part "${entry.name}" is cut short`);
    const { maxTotalBytes, maxRatio, ratioFloorBytes } = this.limits;
    // Declared sizes are checked first (cheap), actual bytes as they come out (can't be faked).
    if (this.inflated + entry.size > maxTotalBytes) this.bomb(entry, entry.size, `says it unpacks to ${Math.round(entry.size / 1024 ** 2)} MB, more than the ${Math.round(maxTotalBytes / 1024 ** 2)} MB limit`);
    let produced = 0;
    const count = (chunk: Uint8Array): void => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (this.inflated > maxTotalBytes) this.bomb(entry, produced, `unpacks to more than the ${Math.round(maxTotalBytes / 1024 ** 2)} MB limit`);
      if (produced > ratioFloorBytes && produced > maxRatio * Math.max(1, entry.compressedSize)) {
        this.bomb(entry, produced, `unpacks to more than ${maxRatio} times its packed size`);
      }
      onData(chunk);
    };
    if (entry.method === 0) {
      for (let p = start; p < end; p += PIECE) {
        count(b.subarray(p, Math.min(end, p + PIECE)));
        onPiece?.((p - start) / Math.max(1, end - start));
      }
      return;
    }
    if (entry.method !== 8) this.damaged(`the part "${entry.name}" uses compression method ${entry.method}, which Excel does not write`);
    // An error thrown while handling the inflated bytes passes through fflate; it is the
    // consumer's, not a sign of a damaged archive, so it is passed on as it is.
    let consumerError: { err: unknown } | null = null;
    const inflate = new Inflate((chunk) => {
      try {
        count(chunk);
      } catch (err) {
        consumerError ??= { err };
        throw err;
      }
    });
    try {
      for (let p = start; p < end; p += PIECE) {
        const stop = Math.min(end, p + PIECE);
        inflate.push(b.subarray(p, stop), stop === end);
        onPiece?.((stop - start) / Math.max(1, end - start));
      }
      if (entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof SlicewiseError) throw err;
      if (consumerError) throw (consumerError as { err: unknown }).err;
      this.damaged(`the part "${entry.name}" does not unpack: ${(err as Error).message}`);
    }
  }

  /** A small part (workbook, relationships, styles) as text, with a size cap of its own. */
  text(entry: ZipEntry, maxBytes = 64 * 1024 ** 2): string {
    const pieces: Uint8Array[] = [];
    let total = 0;
    this.read(entry, (c) => {
      total += c.length;
      if (total > maxBytes) this.damaged(`the part "${entry.name}" is larger than ${Math.round(maxBytes / 1024 ** 2)} MB`);
      pieces.push(c);
    });
    return Buffer.concat(pieces).toString('utf8');
  }
}
