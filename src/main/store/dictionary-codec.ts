/**
 * How a codes column's dictionary (its distinct values, in code order) is stored in
 * dataset_columns.dictionary.
 *
 * - Up to PACK_ABOVE values: JSON text, as it always was.
 * - More (a free-text or id column): packed — "SWD1", the value count, each value's end offset, then
 *   every value's UTF-8 bytes back to back. The CSV reader already holds a dictionary that way (its
 *   byte arena, see ByteDictionary), so storing it is a copy: ~40 MB at 1M rows in a few ms, where
 *   its JSON took ~0.2 s and held the JSON's text beside its bytes at the import's peak. From
 *   strings (other readers) packing is also faster than JSON.
 * - Read back as well: BLOBs of JSON text, which versions up to project format 4 wrote for big
 *   dictionaries.
 *
 * Unicode text that UTF-8 cannot carry (a lone surrogate, which only a JSON source can contain) is
 * stored as JSON, which can.
 */

/** Dictionaries with more values than this are packed. */
export const PACK_ABOVE = 250_000;

/** "SWD1": Slicewise dictionary, layout 1. */
const MAGIC = 0x31445753;
const HEADER_BYTES = 8;

/** Values made into one string at a time when a packed dictionary is read or packed (see utf8Values). */
const SEGMENT_BYTES = 16 * 1024 * 1024;

/**
 * A dictionary as stored: JSON text when small, packed bytes when big. `between` is called between
 * pieces of a big one (so a job can answer Cancel). The packed form a reader left for this very
 * array (rememberPacked) is used as it is.
 */
export function encodeDictionary(values: readonly string[], between: () => void = () => {}): string | Buffer {
  if (values.length <= PACK_ABOVE) return JSON.stringify(values);
  const known = packedFor(values);
  if (known) return known;
  return packStrings(values, between) ?? JSON.stringify(values);
}

/** A stored dictionary (any of the forms encodeDictionary writes or wrote). */
export function decodeDictionary(stored: string | Uint8Array): string[] {
  if (typeof stored === 'string') return JSON.parse(stored) as string[];
  if (isPacked(stored)) return unpack(stored);
  return JSON.parse(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString('utf8')) as string[];
}

export function isPacked(stored: Uint8Array): boolean {
  return stored.byteLength >= HEADER_BYTES && new DataView(stored.buffer, stored.byteOffset, HEADER_BYTES).getUint32(0, true) === MAGIC;
}

const remembered = new WeakMap<readonly string[], Buffer>();

/**
 * Leaves, for a dictionary array, its packed form made from bytes already at hand; encodeDictionary
 * then stores that instead of packing the strings again. Ignored if the array gains values later.
 */
export function rememberPacked(values: readonly string[], packed: Buffer): void {
  remembered.set(values, packed);
}

function packedFor(values: readonly string[]): Buffer | undefined {
  const packed = remembered.get(values);
  if (!packed) return undefined;
  remembered.delete(values);
  return new DataView(packed.buffer, packed.byteOffset, HEADER_BYTES).getUint32(4, true) === values.length ? packed : undefined;
}

/**
 * Packs `count` values whose UTF-8 bytes lie back to back in `text` from `firstStart`, value k
 * ending (exclusive) at ends[k]: a ByteDictionary's arena.
 */
export function packBytes(text: Uint8Array, firstStart: number, ends: Int32Array, count: number): Buffer {
  const textBytes = count === 0 ? 0 : ends[count - 1]! - firstStart;
  const out = Buffer.allocUnsafe(HEADER_BYTES + 4 * count + textBytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, count, true);
  for (let k = 0, at = HEADER_BYTES; k < count; k++, at += 4) view.setUint32(at, ends[k]! - firstStart, true);
  out.set(text.subarray(firstStart, firstStart + textBytes), HEADER_BYTES + 4 * count);
  return out;
}

type StringWithWellFormed = string & { isWellFormed(): boolean };

/** Packs strings; null when one holds a lone surrogate (UTF-8 would turn it into U+FFFD). */
function packStrings(values: readonly string[], between: () => void): Buffer | null {
  const count = values.length;
  const ends = new Int32Array(count);
  // Text first, in pieces: its size is only known once written (UTF-8 may take 3 bytes a unit).
  const pieces: Buffer[] = [];
  let bytes = 0;
  for (let from = 0; from < count; ) {
    between();
    let to = from;
    let pieceChars = 0;
    while (to < count && (to === from || pieceChars + values[to]!.length <= SEGMENT_BYTES)) pieceChars += values[to++]!.length;
    const piece = Buffer.from(values.slice(from, to).join(''), 'utf8');
    if (piece.length === pieceChars) {
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
  const out = Buffer.allocUnsafe(HEADER_BYTES + 4 * count + bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, count, true);
  for (let k = 0, at = HEADER_BYTES; k < count; k++, at += 4) view.setUint32(at, ends[k]!, true);
  let at = HEADER_BYTES + 4 * count;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function unpack(stored: Uint8Array): string[] {
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const count = view.getUint32(4, true);
  const textAt = HEADER_BYTES + 4 * count;
  const damaged = (why: string): Error => new Error(`A stored dictionary is damaged (${why}); the project may be damaged.`);
  if (textAt > stored.byteLength) throw damaged(`${count} values announced, ${stored.byteLength} bytes in all`);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let previous = 0;
  for (let k = 0; k < count; k++) {
    const end = view.getUint32(HEADER_BYTES + 4 * k, true);
    if (end < previous) throw damaged(`value ${k + 1} ends before value ${k} does`);
    if (textAt + end > stored.byteLength) throw damaged(`value ${k + 1} ends outside the text`);
    starts[k] = previous;
    ends[k] = previous = end;
  }
  const out: string[] = [];
  utf8Values(stored.subarray(textAt), starts, ends, count, out);
  return out;
}

/**
 * Makes strings of values 0…count−1 whose UTF-8 bytes are bytes[starts[k], ends[k]), back to back
 * in code order, appending them to `out` (which may hold the first values already: it starts at
 * out.length). The bytes are decoded a segment of up to 16 MB at a time and each value is a
 * substring of its segment: far cheaper than decoding 700,000 values one by one. The bytes must be
 * valid UTF-8 (the readers check).
 */
export function utf8Values(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, out: string[]): void {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let code = out.length;
  while (code < count) {
    const from = starts[code]!;
    let last = code;
    while (last + 1 < count && ends[last + 1]! - from <= SEGMENT_BYTES) last++;
    const to = ends[last]!;
    const text = whole.toString('utf8', from, to);
    const ascii = text.length === to - from;
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
