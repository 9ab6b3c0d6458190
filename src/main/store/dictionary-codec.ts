/**
 * How a codes column's dictionary (its distinct values, in code order) is stored.
 *
 * - Up to PACK_ABOVE values: JSON text in dataset_columns.dictionary, as it always was.
 * - More (a free-text or id column): packed, in pieces of at most PIECE_BYTES. The first piece is
 *   dataset_columns.dictionary, the others rows of dataset_dictionary_pieces. Each piece is
 *   "SWD1", its value count, the number of pieces, its own number, each value's end offset, then
 *   the values' UTF-8 bytes back to back; a value is never cut between pieces.
 *   - The CSV reader already holds a dictionary that way (its byte arena, see ByteDictionary), so
 *     storing it is a copy: ~40 MB at 1M rows in a few ms, where its JSON took ~0.2 s and held
 *     the JSON's text beside its bytes at the import's peak. From strings (other readers) packing
 *     is also faster than JSON.
 *   - Pieces, because SQLite and its binding copy a value twice on the way in: one 40 MB value
 *     took ~125 ms and 80 MB more memory at the import's peak; 4 MB ones take ~45 ms for the same
 *     bytes and 8 MB.
 * - Read back as well: BLOBs of JSON text, which project format 4 wrote for big dictionaries.
 *
 * Unicode text that UTF-8 cannot carry (a lone surrogate, which only a JSON source can contain) is
 * stored as JSON, which can.
 */

/** Dictionaries with more values than this are packed. */
export const PACK_ABOVE = 250_000;

/** The most bytes in a piece, unless one value alone is longer. */
export const PIECE_BYTES = 4 * 1024 * 1024;

/** "SWD1": Slicewise dictionary, layout 1. */
const MAGIC = 0x31445753;
/** Magic, values in the piece, pieces in all, this piece's number (from 0). */
const HEADER_BYTES = 16;

/** Values made into one string at a time when packed values are read (see utf8Values). */
const SEGMENT_BYTES = 16 * 1024 * 1024;

/**
 * A dictionary as stored: JSON text, or packed pieces (the first for dataset_columns, the rest for
 * dataset_dictionary_pieces), each made when the sequence is read that far, in the memory of the
 * one before: use each piece (SQLite copies it) before taking the next. So a big dictionary is
 * never whole twice, and its pieces take one piece's memory.
 */
export type StoredDictionary = string | Iterable<Buffer>;

/**
 * A dictionary as stored: JSON text when small, packed pieces when big. `between` is called between
 * pieces of work on a big one (so a job can answer Cancel). The packed form a reader left for this
 * very array (rememberPacked) is used as it is.
 */
export function encodeDictionary(values: readonly string[], between: () => void = () => {}): StoredDictionary {
  if (values.length <= PACK_ABOVE) return JSON.stringify(values);
  const known = packedFor(values);
  if (known) return known;
  const whole = utf8Of(values, between);
  return whole === null ? JSON.stringify(values) : packPieces(whole.text, 0, whole.ends, values.length);
}

/**
 * A stored dictionary (any of the forms encodeDictionary writes or wrote). `more` gives the pieces
 * after the first, in order; it is only called for a packed dictionary of more than one piece.
 */
export function decodeDictionary(stored: string | Uint8Array, more: () => Iterable<Uint8Array> = () => []): string[] {
  if (typeof stored === 'string') return JSON.parse(stored) as string[];
  if (!isPacked(stored)) return JSON.parse(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString('utf8')) as string[];
  const out: string[] = [];
  const pieces = unpackPiece(stored, 0, null, out);
  if (pieces > 1) {
    let k = 1;
    for (const piece of more()) {
      if (k >= pieces) break;
      unpackPiece(piece, k++, pieces, out);
    }
    if (k < pieces) throw damaged(`${pieces} pieces announced, ${k} found`);
  }
  return out;
}

export function isPacked(stored: Uint8Array): boolean {
  return stored.byteLength >= HEADER_BYTES && new DataView(stored.buffer, stored.byteOffset, HEADER_BYTES).getUint32(0, true) === MAGIC;
}

const damaged = (why: string): Error => new Error(`A stored dictionary is damaged (${why}); the project may be damaged.`);

const remembered = new WeakMap<readonly string[], { count: number; pieces: Iterable<Buffer> }>();

/**
 * Leaves, for a dictionary array, its packed pieces to be made from bytes already at hand (once);
 * encodeDictionary then stores those instead of packing the strings again. Not used if the array
 * no longer has `count` values.
 */
export function rememberPacked(values: readonly string[], count: number, pieces: Iterable<Buffer>): void {
  remembered.set(values, { count, pieces });
}

function packedFor(values: readonly string[]): Iterable<Buffer> | undefined {
  const known = remembered.get(values);
  if (!known) return undefined;
  remembered.delete(values);
  return known.count === values.length ? known.pieces : undefined;
}

/**
 * Packs `count` values whose UTF-8 bytes lie back to back in `text` from `firstStart`, value k
 * ending (exclusive) at ends[k] (a ByteDictionary's arena), as pieces of at most PIECE_BYTES,
 * each made when the sequence is read that far, in the buffer of the one before (see
 * StoredDictionary).
 */
export function* packPieces(text: Uint8Array, firstStart: number, ends: Int32Array, count: number): Generator<Buffer> {
  // Where each piece starts (value numbers), then the pieces.
  const firsts = [0];
  let start = firstStart;
  let size = HEADER_BYTES;
  for (let k = 0; k < count; k++) {
    const grow = 4 + ends[k]! - start;
    if (size + grow > PIECE_BYTES && k > firsts[firsts.length - 1]!) {
      firsts.push(k);
      size = HEADER_BYTES;
    }
    size += grow;
    start = ends[k]!;
  }
  firsts.push(count);
  let buffer = Buffer.allocUnsafe(0);
  for (let p = 0; p + 1 < firsts.length; p++) {
    const a = firsts[p]!;
    const b = firsts[p + 1]!;
    const from = a === 0 ? firstStart : ends[a - 1]!;
    const textBytes = b === 0 ? 0 : ends[b - 1]! - from;
    const size = HEADER_BYTES + 4 * (b - a) + textBytes;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, Math.min(PIECE_BYTES, 2 * buffer.length)));
    const out = buffer.subarray(0, size);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, b - a, true);
    view.setUint32(8, firsts.length - 1, true);
    view.setUint32(12, p, true);
    for (let k = a, at = HEADER_BYTES; k < b; k++, at += 4) view.setUint32(at, ends[k]! - from, true);
    out.set(text.subarray(from, from + textBytes), HEADER_BYTES + 4 * (b - a));
    yield out;
  }
}

type StringWithWellFormed = string & { isWellFormed(): boolean };

/** The values' UTF-8 back to back and each one's end; null when one holds a lone surrogate (UTF-8 would make it U+FFFD). */
function utf8Of(values: readonly string[], between: () => void): { text: Uint8Array; ends: Int32Array } | null {
  const count = values.length;
  const ends = new Int32Array(count);
  // In pieces: the size is only known once written (UTF-8 may take 3 bytes a unit).
  const pieces: Buffer[] = [];
  let bytes = 0;
  for (let from = 0; from < count; ) {
    between();
    let to = from;
    let chars = 0;
    while (to < count && (to === from || chars + values[to]!.length <= SEGMENT_BYTES)) chars += values[to++]!.length;
    const piece = Buffer.from(values.slice(from, to).join(''), 'utf8');
    if (piece.length === chars) {
      // Every unit one byte: ends follow from the lengths.
      for (let k = from; k < to; k++) ends[k] = bytes += values[k]!.length;
    } else {
      for (let k = from; k < to; k++) {
        const v = values[k]! as StringWithWellFormed;
        if (!v.isWellFormed()) return null;
        ends[k] = bytes += Buffer.byteLength(v, 'utf8');
      }
    }
    pieces.push(piece);
    from = to;
  }
  return { text: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, bytes), ends };
}

/** Appends piece number `expect`'s values to `out`; returns the number of pieces it announces. */
function unpackPiece(stored: Uint8Array, expect: number, pieces: number | null, out: string[]): number {
  if (!isPacked(stored)) throw damaged(`piece ${expect + 1} is not a packed piece`);
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const count = view.getUint32(4, true);
  const total = view.getUint32(8, true);
  if (view.getUint32(12, true) !== expect || (pieces !== null && total !== pieces)) throw damaged(`piece ${expect + 1} is out of order`);
  const textAt = HEADER_BYTES + 4 * count;
  if (textAt > stored.byteLength) throw damaged(`${count} values announced, ${stored.byteLength} bytes in all`);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let previous = 0;
  for (let k = 0; k < count; k++) {
    const end = view.getUint32(HEADER_BYTES + 4 * k, true);
    if (end < previous) throw damaged(`value ${out.length + k + 1} ends before value ${out.length + k} does`);
    if (textAt + end > stored.byteLength) throw damaged(`value ${out.length + k + 1} ends outside the text`);
    starts[k] = previous;
    ends[k] = previous = end;
  }
  utf8Values(stored.subarray(textAt), starts, ends, 0, count, out);
  return total;
}

/**
 * Makes strings of values from…count−1 whose UTF-8 bytes are bytes[starts[k], ends[k]), back to
 * back in order, pushing them onto `out`. The bytes are decoded a segment of up to 16 MB at a time
 * and each value is a substring of its segment: far cheaper than decoding 700,000 values one by
 * one. `beforeSegment` runs before each segment (a Cancel check). The bytes must be valid UTF-8
 * (the readers check).
 */
export function utf8Values(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, count: number, out: string[], beforeSegment: () => void = () => {}): void {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let code = from;
  while (code < count) {
    beforeSegment();
    const segmentFrom = starts[code]!;
    let last = code;
    while (last + 1 < count && ends[last + 1]! - segmentFrom <= SEGMENT_BYTES) last++;
    const to = ends[last]!;
    const text = whole.toString('utf8', segmentFrom, to);
    const ascii = text.length === to - segmentFrom;
    let unit = 0;
    for (; code <= last; code++) {
      const start = starts[code]!;
      const end = ends[code]!;
      let units = end - start;
      if (!ascii) {
        units = 0;
        for (let i = start; i < end; i++) {
          const b = bytes[i]!;
          if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
        }
      }
      out.push(text.substring(unit, unit + units));
      unit += units;
    }
  }
}
