/**
 * A dictionary keyed by bytes: maps a cell's UTF-8 bytes to an integer code without making a string
 * for it (the common case in category columns, and the whole cost in a free-text column where most
 * values are new). Open addressing with FNV-1a hashes; keys live in one growing byte arena, in code
 * order. Strings are made only when `values` is read, all at once: the arena is decoded in a few
 * large strings and each value is a substring of one — far cheaper than decoding 700,000 values
 * one by one (the benchmark's comment column: ~0.12 s instead of ~0.25 s).
 */
import { releaseBuffers } from '../../engine-host/release-buffers';
import { packPieces, utf8Values } from '../../store/dictionary-codec';
import { int32s, uint8s } from '../../../shared/big-arrays';

/** FNV-1a, 32-bit: the dictionary's hash, exported so a scanner can hash a value while it finds its end. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** A dictionary's entries as plain arrays (see ByteDictionary.toPart). */
export interface DictionaryPart {
  arena: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
}

export class ByteDictionary {
  // Everything starts small and doubles: a file can have 100,000 columns, and a dictionary per
  // column that starts at tens of kilobytes would then take gigabytes before any row is read.
  /** Pairs (hash, code + 1); code + 1 = 0 is an empty slot. Hash and code side by side, so a probe reads one cache line. */
  private slots = new Int32Array(32);
  private mask = 15;
  private hashes = new Int32Array(16);
  /** Entry k's bytes are arena[starts[k], ends[k]). */
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private arena = new Uint8Array(256);
  private arenaUsed = 0;
  private count = 0;
  private strings: string[] = [];
  private released = false;
  /** Set by absorb: nothing is looked up or added any more. */
  private closed = false;

  get size(): number {
    return this.count;
  }

  /** The values in code order (made on first use after new values arrived). */
  get values(): string[] {
    return this.valuesWith(() => {});
  }

  /** `values`, calling `check` between segments of the strings made (a reader's Cancel check: 7M values take ~2 s). */
  valuesWith(check: () => void): string[] {
    if (this.strings.length < this.count) this.makeStrings(check);
    return this.strings;
  }

  /**
   * Frees the byte arrays once the strings are made, so they do not stay resident through the save
   * (a big dictionary keeps its values' bytes for its stored form: releaseKeepingPacked). Only
   * `values` may be read afterwards.
   */
  release(): void {
    this.releaseArrays(true);
  }

  /** Frees the byte arrays (`values` made first unless told not to); the values' bytes and ends too unless told to keep them. */
  private releaseArrays(valuesBytesToo: boolean, makeStrings = true): void {
    if (makeStrings) void this.values;
    releaseBuffers([this.slots.buffer, this.hashes.buffer, this.starts.buffer, ...(valuesBytesToo ? [this.ends.buffer, this.arena.buffer] : [])]);
    // A lookup after this finds the one empty slot and reaches insert(), which refuses, rather
    // than probing detached arrays.
    this.slots = new Int32Array(2);
    this.mask = 0;
    this.released = true;
  }

  /** The buffers it holds now (growing replaces them: see CodesBuilder.absorb). */
  buffers(): ArrayBuffer[] {
    return [this.slots, this.hashes, this.starts, this.ends, this.arena].map((a) => a.buffer as ArrayBuffer);
  }

  /**
   * Whether a value has white space between other characters — what /\s/.test(value.trim()) says
   * of one — read from the bytes: an ASCII value byte by byte (JavaScript's white space in ASCII is
   * tab, line feed, vertical tab, form feed, carriage return and space; the rest is not ASCII), any
   * other decoded. Stops at the first such value.
   */
  hasInnerSpace(): boolean {
    if (this.released) throw usedAfterRelease();
    const { arena, starts, ends } = this;
    for (let k = 0; k < this.count; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      let ascii = true;
      let solidSeen = false;
      let spaceAfterSolid = false;
      for (let i = start; i < end; i++) {
        const b = arena[i]!;
        if (b >= 0x80) {
          ascii = false;
          break;
        }
        if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) {
          if (solidSeen) spaceAfterSolid = true;
        } else if (spaceAfterSolid) return true;
        else solidSeen = true;
      }
      if (!ascii && /\s/.test(Buffer.from(arena.buffer, arena.byteOffset + start, end - start).toString('utf8').trim())) return true;
    }
    return false;
  }

  /**
   * Makes room for `entries` values of `arenaBytes` bytes in all, and sizes the lookup table for
   * about `lookups` values, each grown once now rather than doubled (and the table rehashed) as
   * values come. Never shrinks anything. The table gets 1.5 slots per value expected, not 2 (it
   * still doubles once more than half full): the estimate comes from a sample, and a free-text
   * column's first rows are more often new than the rest (the benchmark's: 99% of its first
   * 10,000 values, 70% of all); its slots, unlike the other arrays' pages, are all written.
   */
  reserve(entries: number, arenaBytes: number, lookups = entries): void {
    if (this.released || this.closed) throw usedAfterRelease();
    if (entries > this.starts.length) {
      this.hashes = grownInt32s(this.hashes, entries);
      this.starts = grownInt32s(this.starts, entries);
      this.ends = grownInt32s(this.ends, entries);
    }
    if (arenaBytes > this.arena.length) this.arena = grownUint8s(this.arena, this.arenaUsed, arenaBytes);
    let size = this.mask + 1;
    while (lookups * 1.5 > size) size *= 2;
    if (size > this.mask + 1) this.rehash(size);
  }

  /** The code for bytes[start, end); adds the value if new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
    return this.codeHashed(bytes, start, end, h);
  }

  /** `code` for a value whose FNV-1a hash the caller computed (starting at FNV_OFFSET, one byte at a time). */
  codeHashed(bytes: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) return this.insert(slot, h, bytes, start, end);
      if (slots[2 * slot] === h && this.same(entry - 1, bytes, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  private same(code: number, bytes: Uint8Array, start: number, end: number): boolean {
    let off = this.starts[code]!;
    if (this.ends[code]! - off !== end - start) return false;
    const arena = this.arena;
    for (let i = start; i < end; i++) if (arena[off++] !== bytes[i]) return false;
    return true;
  }

  private insert(slot: number, h: number, bytes: Uint8Array, start: number, end: number): number {
    if (this.released || this.closed) throw usedAfterRelease();
    const code = this.count;
    const len = end - start;
    if (code === this.hashes.length) this.growEntries();
    let used = this.arenaUsed;
    if (used + len > this.arena.length) this.arena = grownUint8s(this.arena, used, Math.max(this.arena.length * 2, used + len));
    const arena = this.arena;
    // A loop, not arena.set(bytes.subarray(…)): making a view object costs more than copying a short value.
    if (len < 64) for (let i = start; i < end; i++) arena[used++] = bytes[i]!;
    else {
      arena.set(bytes.subarray(start, end), used);
      used += len;
    }
    this.starts[code] = this.arenaUsed;
    this.arenaUsed = used;
    this.ends[code] = used;
    this.hashes[code] = h;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = code + 1;
    this.count = code + 1;
    // Keep the table at most half full so probes stay short.
    if (this.count * 2 > this.mask + 1) this.rehash();
    return code;
  }

  /**
   * The dictionary as plain arrays (for another thread to take over without copying): entry k's
   * bytes are arena[starts[k], ends[k]), hashed hashes[k].
   */
  toPart(): DictionaryPart {
    if (this.released || this.closed) throw usedAfterRelease();
    const n = this.count;
    return { arena: this.arena.subarray(0, this.arenaUsed), starts: this.starts.subarray(0, n), ends: this.ends.subarray(0, n), hashes: this.hashes.subarray(0, n) };
  }

  /**
   * Adds another dictionary's entries in its code order as this dictionary's last values, and
   * returns, for each of its codes, the code here. Values new here get codes in the order the
   * other dictionary first saw them, so a file read in two parts gets exactly the codes it gets
   * read in one. The part must be a ByteDictionary's: distinct values, back to back in its arena in
   * code order.
   *
   * The dictionary is closed by it: no value is looked up or added afterwards (the part read on a
   * helper thread is a file's last), so the values new here need no place in the slot table, and
   * the table and the hashes are dropped (`buffers` no longer lists them; the caller frees them).
   * Only `values`, `size`, `hasInnerSpace` and the release methods may be used afterwards.
   *
   * A free-text column's part has hundreds of thousands of values, nearly all new. Probed one by
   * one in code order, each read the slot table at random (a cache miss). Here the part is looked
   * up in slot order, and the values not found are copied a run of the part's arena at a time in
   * its code order. On the 1M-row benchmark's comment column that took ~0.2 s while it still
   * grew the table, rehashed it and gave the new values slots; ~0.1 s without.
   */
  absorb(part: DictionaryPart, check: () => void = () => {}): Int32Array {
    if (this.released || this.closed) throw usedAfterRelease();
    const { arena, starts, ends, hashes } = part;
    const n = starts.length;
    const map = new Int32Array(n);
    const order = slotOrder(hashes, n, this.mask);
    let fresh = 0;
    let freshBytes = 0;
    for (let i = 0; i < n; i++) {
      if ((i & CHECK_EVERY) === CHECK_EVERY) check();
      const k = order[i]!;
      const code = this.find(arena, starts[k]!, ends[k]!, hashes[k]!);
      map[k] = code;
      if (code < 0) {
        fresh++;
        freshBytes += ends[k]! - starts[k]!;
      }
    }
    // Closed: a later lookup finds the one empty slot and reaches insert(), which refuses.
    this.slots = new Int32Array(2);
    this.mask = 0;
    this.hashes = new Int32Array(0);
    this.closed = true;
    if (fresh === 0) return map;
    if (this.count + fresh > this.starts.length) {
      this.starts = grownInt32s(this.starts, this.count + fresh);
      this.ends = grownInt32s(this.ends, this.count + fresh);
    }
    if (this.arenaUsed + freshBytes > this.arena.length) this.arena = grownUint8s(this.arena, this.arenaUsed, this.arenaUsed + freshBytes);
    // New values in the part's order: each run of them is one run of the part's arena.
    const { starts: ownStarts, ends: ownEnds } = this;
    for (let k = 0; k < n; ) {
      if ((k & CHECK_EVERY) === CHECK_EVERY) check();
      if (map[k]! >= 0) {
        k++;
        continue;
      }
      const first = k;
      while (k < n && map[k]! < 0) k++;
      const from = starts[first]!;
      const shift = this.arenaUsed - from;
      this.arena.set(arena.subarray(from, ends[k - 1]!), this.arenaUsed);
      let code = this.count;
      for (let j = first; j < k; j++, code++) {
        ownStarts[code] = starts[j]! + shift;
        ownEnds[code] = ends[j]! + shift;
        map[j] = code;
      }
      this.count = code;
      this.arenaUsed = ends[k - 1]! + shift;
    }
    return map;
  }

  /** The code of bytes[start, end) hashed `h`, or -1 if it is not here. */
  private find(bytes: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * slot] === h && this.same(entry - 1, bytes, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grownInt32s(this.hashes, size);
    this.starts = grownInt32s(this.starts, size);
    this.ends = grownInt32s(this.ends, size);
  }

  /** Rebuilds the slot table at `size` slots, filling it in slot order (see absorb). */
  private rehash(size = (this.mask + 1) * 2): void {
    const slots = int32s(2 * size);
    const mask = size - 1;
    const hashes = this.hashes;
    const order = slotOrder(hashes, this.count, mask);
    for (let i = 0; i < this.count; i++) {
      const code = order[i]!;
      const h = hashes[code]!;
      let slot = h & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = code + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /**
   * Decodes the arena's new part in a few large segments and cuts each into values. UTF-8 byte
   * offsets become UTF-16 offsets by counting (every byte that starts a character is one unit, a
   * 4-byte character two); a segment that decodes to as many units as it has bytes is ASCII and
   * needs no counting. Values never split a character (they end at ASCII delimiters in valid
   * UTF-8). Segments stay far below the longest string V8 can make.
   */
  private makeStrings(check: () => void): void {
    utf8Values(this.arena.subarray(0, this.arenaUsed), this.starts, this.ends, this.strings.length, this.count, this.strings, check);
  }

  /**
   * Like release, but keeps the values' bytes for the dictionary's stored form (packed pieces, see
   * store/dictionary-codec), each piece made as `pieces` is read; the bytes are freed after the
   * last. The save stores one piece at a time, so the values' bytes are never there twice (a
   * free-text column's at 1M rows: ~40 MB).
   *
   * `values` reads the same bytes: each value's string is made when it is read, not all at once.
   * An import reads a few of a free-text column's values (the most frequent, for the roles guess)
   * before the save: its ~700,000 strings at 1M rows were ~57 MB of heap at the import's peak.
   * Reading `values` after the last piece was taken throws.
   */
  releaseKeepingPacked(): { values: string[]; pieces: Iterable<Buffer> } {
    if (this.released) throw usedAfterRelease();
    const { arena, ends, count } = this;
    const first = count === 0 ? 0 : this.starts[0]!;
    this.releaseArrays(false, false);
    let freed = false;
    const values = stringsOnRead(arena, first, ends, count, () => freed);
    const pieces = (function* () {
      yield* packPieces(arena, first, ends, count);
      freed = true;
      releaseBuffers([arena.buffer, ends.buffer]);
    })();
    return { values, pieces };
  }
}

/**
 * A read-only array of `count` strings whose UTF-8 bytes lie back to back in `text` from
 * `firstStart`, value k ending at ends[k]: each string is made when its element is read (an
 * Array's methods, spreading, JSON and `in` all work; writing throws). Once `freed()` says the
 * bytes are gone, reading throws rather than give wrong values.
 */
function stringsOnRead(text: Uint8Array, firstStart: number, ends: Int32Array, count: number, freed: () => boolean): string[] {
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const k = Number(key);
    return Number.isInteger(k) && k >= 0 && k < count && String(k) === key ? k : -1;
  };
  const readOnly = (): never => {
    throw new TypeError('A dictionary read from a file is read-only.');
  };
  const read = (k: number): string => {
    if (freed()) throw new Error('A big dictionary was read after its bytes were stored and freed.');
    return bytes.toString('utf8', k === 0 ? firstStart : ends[k - 1]!, ends[k]!);
  };
  return new Proxy([] as string[], {
    get(target, key, receiver) {
      if (key === 'length') return count;
      const k = index(key);
      return k < 0 ? Reflect.get(target, key, receiver) : read(k);
    },
    has: (target, key) => index(key) >= 0 || Reflect.has(target, key),
    getOwnPropertyDescriptor(target, key) {
      const k = index(key);
      return k < 0 ? Reflect.getOwnPropertyDescriptor(target, key) : { value: read(k), writable: false, enumerable: true, configurable: true };
    },
    ownKeys: (target) => [...Array.from({ length: count }, (_, k) => String(k)), ...Reflect.ownKeys(target)],
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

/** absorb calls its check once every CHECK_EVERY + 1 values (a power of two, minus one). */
const CHECK_EVERY = 0xffff;

const usedAfterRelease = (): Error => new Error('A ByteDictionary was used after release() or absorb(): only its values can be read.');

/** A copy of `a` in an array of `size` values. */
function grownInt32s(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = int32s(size);
  b.set(a);
  return b;
}

/** A copy of `a`'s first `used` bytes in an array of `size`. */
function grownUint8s(a: Uint8Array, used: number, size: number): Uint8Array<ArrayBuffer> {
  const b = uint8s(size);
  b.set(a.subarray(0, used));
  return b;
}

/** Buckets of slots sorted by: 2^16 of them, each a run of neighbouring slots (a few cache lines). */
const ORDER_BITS = 16;

/**
 * The indices 0…n-1 ordered by the slot each one's hash starts at in a table of `mask + 1` slots
 * (a counting sort on the slot's top bits: neighbours stay in their original order), so the table
 * is walked from start to end rather than at random. Small tables are left in index order.
 */
export function slotOrder(hashes: Int32Array, n: number, mask: number): Int32Array {
  const order = new Int32Array(n);
  const bits = 31 - Math.clz32(mask + 1);
  if (bits <= ORDER_BITS || n < 4096) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const shift = bits - ORDER_BITS;
  const at = new Int32Array((1 << ORDER_BITS) + 1);
  for (let i = 0; i < n; i++) at[((hashes[i]! & mask) >>> shift) + 1]!++;
  for (let b = 1; b < at.length; b++) at[b]! += at[b - 1]!;
  for (let i = 0; i < n; i++) order[at[(hashes[i]! & mask) >>> shift]!++] = i;
  return order;
}
