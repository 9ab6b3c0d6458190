/**
 * A dictionary keyed by bytes: maps a cell's UTF-8 bytes to an integer code without making a string
 * for values it has seen before (the common case in category columns). Open addressing with FNV-1a
 * hashes; keys live in one growing byte arena. A string is made once per distinct value.
 */
export class ByteDictionary {
  readonly values: string[] = [];
  // Everything starts small and doubles: a file can have 100,000 columns, and a dictionary per
  // column that starts at tens of kilobytes would then take gigabytes before any row is read.
  private slots: Int32Array; // code + 1, 0 = empty
  private hashes = new Int32Array(16);
  private offsets = new Int32Array(16);
  private lengths = new Int32Array(16);
  private arena = Buffer.allocUnsafe(256);
  private arenaUsed = 0;
  private mask: number;

  constructor() {
    this.slots = new Int32Array(16);
    this.mask = 15;
  }

  get size(): number {
    return this.values.length;
  }

  /** The code for bytes[start, end); adds the value if new. */
  code(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0; // int32, as stored in `hashes`
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const code = entry - 1;
      if (this.hashes[code] === h && this.lengths[code] === len && this.sameBytes(code, bytes, start, len)) return code;
      slot = (slot + 1) & this.mask;
    }
    return this.insert(slot, h, bytes, start, end);
  }

  private sameBytes(code: number, bytes: Uint8Array, start: number, len: number): boolean {
    const off = this.offsets[code]!;
    const arena = this.arena;
    for (let i = 0; i < len; i++) if (arena[off + i] !== bytes[start + i]) return false;
    return true;
  }

  private insert(slot: number, h: number, bytes: Uint8Array, start: number, end: number): number {
    const code = this.values.length;
    const len = end - start;
    if (code === this.hashes.length) this.growEntries();
    if (this.arenaUsed + len > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + len));
      this.arena.copy(next, 0, 0, this.arenaUsed);
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.offsets[code] = this.arenaUsed;
    this.lengths[code] = len;
    this.hashes[code] = h;
    this.arenaUsed += len;
    this.values.push(this.arena.toString('utf8', this.offsets[code]!, this.offsets[code]! + len));
    this.slots[slot] = code + 1;
    // Keep the table at most half full so probes stay short.
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    return code;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.offsets = grow(this.offsets);
    this.lengths = grow(this.lengths);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.hashes[code]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
