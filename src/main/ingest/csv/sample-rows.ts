/**
 * The first rows of a delimited file, kept until they have chosen the columns' storage: each
 * cell's text (what storage detection reads) and the record's bytes with its fields' offsets (so
 * the rows are then added to the builders from their bytes, as every later row is). Kept in a few
 * growing arrays rather than an object, a buffer and three typed arrays per row: 10,000 rows of
 * small allocations cost more than reading them (~0.1 s, most of it garbage collection).
 */
import type { ColumnBuilder } from '../columns/builders';
import { fieldText, type RecordView } from './byte-tokenizer';
import type { MissingTokens } from './fast-records';

export class SampleRows {
  /** Row-major: row k's cell c is cells[k * width + c] ('' for a field the record lacks). */
  private readonly cells: string[] = [];
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
    const { width } = this;
    const count = r.count;
    for (let c = 0; c < width; c++) this.cells.push(c < count ? fieldText(r.bytes, r.starts[c]!, r.ends[c]!, r.flags[c]!) : '');
    this.lines.push(r.line);
    this.counts.push(count);
    this.firstField.push(this.fields);
    const base = r.starts[0]!;
    const span = r.ends[count - 1]! - base;
    if (this.used + span > this.bytes.length) this.bytes = grow(this.bytes, this.used + span, (n) => Buffer.alloc(n));
    r.bytes.copy(this.bytes, this.used, base, base + span);
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
    this.used += span;
    this.recordBytes += span + 1;
  }

  /** Each column's present cells (those that are not a missing-value token), in row order. */
  presentCells(missing: ReadonlySet<string>): string[][] {
    const cols: string[][] = Array.from({ length: this.width }, () => []);
    const { width, cells } = this;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i]!;
      if (!missing.has(v)) cols[i % width]!.push(v);
    }
    return cols;
  }

  /**
   * Adds the rows to the builders as they were read: a missing-value token by its bytes; a cell
   * with doubled quotes or text after its closing quote, or a field the record lacks, as its text.
   */
  addTo(builders: readonly ColumnBuilder[], tokens: MissingTokens, missing: ReadonlySet<string>): void {
    const { width, bytes } = this;
    for (let k = 0; k < this.lines.length; k++) {
      const count = this.counts[k]!;
      const line = this.lines[k]!;
      const first = this.firstField[k]!;
      for (let c = 0; c < width; c++) {
        const b = builders[c]!;
        const flag = c < count ? this.flags[first + c]! : 0;
        if (c >= count || flag > 1) {
          const text = this.cells[k * width + c]!;
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
}

function grow<T extends Uint8Array | Int32Array>(a: T, atLeast: number, make: (n: number) => T): T {
  const next = make(Math.max(atLeast, a.length * 2));
  next.set(a);
  return next;
}
