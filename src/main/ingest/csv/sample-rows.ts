/**
 * The first rows of a delimited file, kept until they have chosen the columns' storage: the
 * records' bytes with their fields' offsets, from which each column's cells are made as text for
 * storage detection, one column at a time, and the rows are then added to the builders from their
 * bytes, as every later row is. Kept in a few growing arrays rather than an object, a buffer and
 * three typed arrays per row: 10,000 rows of small allocations cost more than reading them (~0.1 s,
 * most of it garbage collection). For the same reason no cell's text is made while the rows are
 * read: 200,000 strings alive at once (10,000 rows of 20 columns) outlived the engine worker's
 * small young generation and were copied on every collection until they were dropped.
 */
import { detectNumberConvention, type NumberConvention } from '../../../shared/value-patterns';
import type { ColumnBuilder } from '../columns/builders';
import { detectStorage, type StorageGuess } from '../columns/detect-kind';
import { fieldText, type RecordView } from './byte-tokenizer';
import type { FastRecords, MissingTokens } from './fast-records';

export class SampleRows {
  /** 1 for a record the fast path can read: as many fields as the header, none quoted. */
  private readonly simple: number[] = [];
  /** Row k's record (its fields and the delimiters between them) starts at recordStart[k] and is followed by a line feed. */
  private readonly recordStart: number[] = [];
  private readonly lines: number[] = [];
  private readonly counts: number[] = [];
  /** Row k's fields are fields [firstField[k], firstField[k] + counts[k]). */
  private readonly firstField: number[] = [];
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private fields = 0;
  private bytes = Buffer.alloc(64 * 1024);
  private used = 0;
  /** Bytes of the rows' records (for an estimate of the file's rows). */
  recordBytes = 0;

  constructor(private readonly width: number) {}

  get size(): number {
    return this.lines.length;
  }

  add(r: RecordView): void {
    const count = r.count;
    this.lines.push(r.line);
    this.counts.push(count);
    this.firstField.push(this.fields);
    const base = r.starts[0]!;
    const span = r.ends[count - 1]! - base;
    if (this.used + span + 1 > this.bytes.length) this.bytes = grow(this.bytes, this.used + span + 1, (n) => Buffer.alloc(n));
    r.bytes.copy(this.bytes, this.used, base, base + span);
    let simple = count === this.width ? 1 : 0;
    for (let c = 0; c < count && simple === 1; c++) if (r.flags[c] !== 0) simple = 0;
    this.simple.push(simple);
    this.recordStart.push(this.used);
    if (this.fields + count > this.starts.length) {
      const n = Math.max(this.starts.length * 2, this.fields + count);
      this.starts = grow(this.starts, n, (m) => new Int32Array(m));
      this.ends = grow(this.ends, n, (m) => new Int32Array(m));
      this.flags = grow(this.flags, n, (m) => new Uint8Array(m));
    }
    const shift = this.used - base;
    for (let c = 0; c < count; c++) {
      this.starts[this.fields + c] = r.starts[c]! + shift;
      this.ends[this.fields + c] = r.ends[c]! + shift;
      this.flags[this.fields + c] = r.flags[c]!;
    }
    this.fields += count;
    this.bytes[this.used + span] = LF;
    this.used += span + 1;
    this.recordBytes += span + 1;
  }

  /** Row k's cell in column c as text ('' for a field the record lacks). */
  private cell(k: number, c: number): string {
    if (c >= this.counts[k]!) return '';
    const f = this.firstField[k]! + c;
    return fieldText(this.bytes, this.starts[f]!, this.ends[f]!, this.flags[f]!);
  }

  /** Column c's present cells (those that are not a missing-value token), in row order. */
  private presentCells(c: number, missing: ReadonlySet<string>): string[] {
    const cells: string[] = [];
    for (let k = 0; k < this.lines.length; k++) {
      const v = this.cell(k, c);
      if (!missing.has(v)) cells.push(v);
    }
    return cells;
  }

  /**
   * The number convention, from the first 50,000 present cells taken column by column, then each
   * column's storage from its present cells. One column's cells are text at a time.
   */
  chooseStorage(missing: ReadonlySet<string>, delimiter: string): { convention: NumberConvention; storages: StorageGuess[] } {
    const shapes = new Set<string>();
    const seen = new Set<number>();
    for (let c = 0, cells = 0; c < this.width && cells < CONVENTION_CELLS; c++) {
      const present = this.presentCells(c, missing);
      addConventionShapes(present.length <= CONVENTION_CELLS - cells ? present : present.slice(0, CONVENTION_CELLS - cells), shapes, seen);
      cells += present.length;
    }
    const convention = detectNumberConvention([...shapes], delimiter);
    const storages = Array.from({ length: this.width }, (_, c): StorageGuess => {
      const cells = this.presentCells(c, missing);
      const guess = detectStorage(cells, convention);
      if (guess.storage !== 'codes' || this.size < MIN_ROWS_FOR_HINT) return guess;
      const distinct = new Set(cells);
      const share = distinct.size / this.size;
      if (share < HINT_SHARE) return guess;
      let bytes = 0;
      for (const v of distinct) bytes += Buffer.byteLength(v, 'utf8');
      return { storage: 'codes', distinct: { share, valueBytes: bytes / distinct.size } };
    });
    return { convention, storages };
  }

  /**
   * Adds the rows to the builders as they were read. Runs of simple records on consecutive lines go
   * through `fast` (a FastRecords of its own, over the same builders: its row count is not the
   * reader's, the sink counted these rows), as the rest of the file does; the others cell by cell:
   * a missing-value token by its bytes; a cell with doubled quotes or text after its closing quote,
   * or a field the record lacks, as its text.
   */
  addTo(builders: readonly ColumnBuilder[], tokens: MissingTokens, missing: ReadonlySet<string>, fast: FastRecords | null): void {
    const n = this.lines.length;
    for (let k = 0; k < n; ) {
      if (fast === null || this.simple[k] === 0) {
        this.addRecord(k++, builders, tokens, missing);
        continue;
      }
      let last = k;
      while (last + 1 < n && this.simple[last + 1] === 1 && this.lines[last + 1] === this.lines[last]! + 1) last++;
      const end = last + 1 < n ? this.recordStart[last + 1]! : this.used;
      const stop = fast.run(this.bytes, this.recordStart[k]!, end, this.lines[k]!);
      k += fast.handled;
      // A record the fast path leaves (one it reads as blank: an empty first field of a one-column file).
      if (stop < end) this.addRecord(k++, builders, tokens, missing);
    }
  }

  private addRecord(k: number, builders: readonly ColumnBuilder[], tokens: MissingTokens, missing: ReadonlySet<string>): void {
    const { width, bytes } = this;
    const count = this.counts[k]!;
    const line = this.lines[k]!;
    const first = this.firstField[k]!;
    for (let c = 0; c < width; c++) {
      const b = builders[c]!;
      const flag = c < count ? this.flags[first + c]! : 0;
      if (c >= count || flag > 1) {
        const text = this.cell(k, c);
        if (missing.has(text)) b.addMissing(text);
        else {
          const own = Buffer.from(text, 'utf8');
          b.add(own, 0, own.length, 0, line);
        }
        continue;
      }
      const start = this.starts[first + c]!;
      const end = this.ends[first + c]!;
      const token = end - start <= tokens.maxBytes ? tokens.match(bytes, start, end) : null;
      if (token !== null) b.addMissing(token);
      else b.add(bytes, start, end, 0, line);
    }
  }
}

/**
 * Adds to `shapes` what detectNumberConvention needs to see of `cells` to give its answer for them,
 * far fewer cells. It only asks whether each of its patterns matched some cell, and its patterns
 * see digits only as \d and need a '.' or ','; so cells without either are left out, and of cells
 * that differ only in their digits one is kept, as its shape ("40743.63" and "12345.67" are both
 * "11111.11"). The shape is checked by a loop, not a regex, so no cell can make it backtrack; and
 * a short cell's shape is first told by a number (its sign, length and where its marks are), so
 * the shape's text is made once per shape, not once per cell.
 */
export function addConventionShapes(cells: readonly string[], shapes: Set<string>, seen: Set<number>): void {
  for (const v of cells) {
    const t = v.trim();
    let separator = false;
    const signed = t.charCodeAt(0) === 0x2b || t.charCodeAt(0) === 0x2d;
    // Base 3 over the characters after the sign (digit 0, '.' 1, ',' 2), then the length and the
    // sign: one number per shape while it stays below 2^53 (see SHORT_SHAPE).
    let key = 0;
    let i = signed ? 1 : 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x2c || c === 0x2e) {
        separator = true;
        key = key * 3 + (c === 0x2e ? 1 : 2);
      } else if (c >= 0x30 && c <= 0x39) key *= 3;
      else break;
    }
    if (!separator || i !== t.length) continue;
    const short = t.length < SHORT_SHAPE;
    if (short) {
      key = (key * SHORT_SHAPE + t.length) * 3 + (signed ? (t.charCodeAt(0) === 0x2b ? 1 : 2) : 0);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    shapes.add(t.replace(DIGITS, '1'));
  }
}
const DIGITS = /[0-9]/g;
/** Cells shorter than this have their shape told by a number: 3^29 · 30 · 3 < 2^53. */
const SHORT_SHAPE = 30;

/** A text column's sample says how many distinct values to expect (DistinctHint) from this many rows… */
const MIN_ROWS_FOR_HINT = 1000;
/** …when at least this share of them were distinct: such a column's values keep coming (ids, free text); a category's stop. */
const HINT_SHARE = 0.5;

/** How many of the sample's first present cells the number convention is chosen from. */
const CONVENTION_CELLS = 50_000;

const LF = 0x0a;

function grow<T extends Uint8Array | Int32Array>(a: T, atLeast: number, make: (n: number) => T): T {
  const next = make(Math.max(atLeast, a.length * 2));
  next.set(a);
  return next;
}
