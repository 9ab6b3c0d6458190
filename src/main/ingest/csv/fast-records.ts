/**
 * The common case of a delimited file, read in one pass over each byte: once the columns' types
 * are known, a record whose fields are all unquoted, on one line (LF or CRLF) and exactly as many
 * as the header's is read here field by field, numbers parsed while their end is found and text
 * hashed for its dictionary on the way — instead of the tokenizer first finding every field's
 * bounds and the builders then reading the bytes again.
 *
 * Anything else — a quote at the start of a field, a lone CR, a blank line, a record with too few
 * or too many fields, one cut by the end of the piece — is left, whole, to the tokenizer
 * (`run` returns where that record starts), so every unusual case keeps exactly one code path.
 * A number that is not in the plain form (spaces, exponent, thousands separators, more than 15
 * digits, not a number at all) is handed to its builder's own `add`, as the tokenizer's path does.
 */
import type { CodesBuilder, ColumnBuilder, NumberBuilder } from '../columns/builders';
import type { StorageGuess } from '../columns/detect-kind';
import { FNV_OFFSET, FNV_PRIME } from '../columns/byte-dictionary';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** How the missing-value tokens are recognised (the same rules as the tokenizer's path). */
export interface MissingTokens {
  maxBytes: number;
  /** 1 for a byte some non-empty token starts with. */
  firstByte: Uint8Array;
  /** Whether the empty cell is a missing value. */
  empty: boolean;
  /** The token a plain cell's bytes are, or null. */
  match(bytes: Buffer, start: number, end: number): string | null;
}

/** The byte-level form of a list of missing-value tokens (exact match, case-sensitive, not trimmed). */
export function missingTokenBytes(tokens: readonly string[]): MissingTokens {
  const list = [...new Set(tokens)].map((t) => ({ text: t, bytes: Buffer.from(t, 'utf8') }));
  const maxBytes = Math.max(0, ...list.map((t) => t.bytes.length));
  // Grouped by byte length, so a cell is compared only with tokens of its own length.
  const byLength = Array.from({ length: maxBytes + 1 }, (_, len) => list.filter((t) => t.bytes.length === len));
  const firstByte = new Uint8Array(256);
  for (const t of list) if (t.bytes.length > 0) firstByte[t.bytes[0]!] = 1;
  return {
    maxBytes,
    firstByte,
    empty: list.some((t) => t.bytes.length === 0),
    match(b, start, end) {
      const len = end - start;
      if (len > maxBytes) return null;
      outer: for (const t of byLength[len]!) {
        for (let i = 0; i < len; i++) if (b[start + i] !== t.bytes[i]) continue outer;
        return t.text;
      }
      return null;
    },
  };
}

/** What the fast path needs to know of each column: numbers and text it reads itself, the rest (dates) it hands to the builder. */
export function fastKinds(storages: readonly StorageGuess[]): ('number' | 'codes' | 'other')[] {
  return storages.map((g) => (g.storage === 'date' ? 'other' : g.storage));
}

export class FastRecords {
  /** Records handled by the last `run`. */
  handled = 0;
  /** Records handled by every run. */
  total = 0;
  private readonly width: number;
  private readonly numbers: (NumberBuilder | null)[];
  private readonly codes: (CodesBuilder | null)[];
  private readonly decimals: Int32Array;
  // One record's fields, kept until the whole record is known to be simple.
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly hashes: Int32Array;
  private readonly values: Float64Array;
  private readonly parsed: Uint8Array;

  constructor(
    private readonly builders: readonly ColumnBuilder[],
    kinds: readonly ('number' | 'codes' | 'other')[],
    private readonly delimiter: number,
    private readonly missing: MissingTokens,
  ) {
    const w = builders.length;
    this.width = w;
    this.numbers = kinds.map((k, c) => (k === 'number' ? (builders[c] as NumberBuilder) : null));
    this.codes = kinds.map((k, c) => (k === 'codes' ? (builders[c] as CodesBuilder) : null));
    // (A decimal mark that is also the delimiter — only if someone chose it — splits fields in the tokenizer; here too.)
    this.decimals = Int32Array.from(this.numbers, (b) => (b && b.marks.decimal !== delimiter ? b.marks.decimal : -1));
    this.starts = new Int32Array(w);
    this.ends = new Int32Array(w);
    this.hashes = new Int32Array(w);
    this.values = new Float64Array(w);
    this.parsed = new Uint8Array(w);
  }

  /** Whether the fast path can read files with this delimiter at all. */
  static usable(delimiter: number): boolean {
    return delimiter !== LF && delimiter !== CR && delimiter !== QUOTE;
  }

  /**
   * Reads simple records of b[pos, end) starting at line `line`; returns the offset of the first
   * record it leaves to the tokenizer (or `end`). `handled` says how many it read.
   */
  run(b: Buffer, pos: number, end: number, line: number): number {
    const width = this.width;
    const last = width - 1;
    const d = this.delimiter;
    // Locals, so the loop does not reload fields after each commit.
    const decimals = this.decimals;
    const tokenFirst = this.missing.firstByte;
    const codes = this.codes;
    const values = this.values;
    const parsed = this.parsed;
    const starts = this.starts;
    const ends = this.ends;
    const hashes = this.hashes;
    let handled = 0;
    records: while (pos < end) {
      const first = b[pos]!;
      if (first === LF || first === CR) break; // a blank line (not a record) or a lone CR: the tokenizer's
      let i = pos;
      for (let c = 0; c < width; c++) {
        const stop = c === last ? LF : d;
        const start = i;
        const decimal = decimals[c]!;
        if (decimal >= 0 && i < end && tokenFirst[b[i]!] === 0) {
          // A plain decimal number, parsed while its end is found (as parseNumberBytes does it).
          let ch = b[i]!;
          let negative = false;
          if (ch === MINUS || ch === PLUS) {
            negative = ch === MINUS;
            i++;
          }
          let mantissa = 0;
          let digits = 0;
          let intDigits = 0;
          let fracDigits = 0;
          while (i < end) {
            ch = b[i]!;
            if (ch < ZERO || ch > NINE) break;
            if (mantissa > 0 || ch !== ZERO) digits++;
            mantissa = mantissa * 10 + (ch - ZERO);
            intDigits++;
            i++;
          }
          if (i < end && b[i] === decimal) {
            i++;
            while (i < end) {
              ch = b[i]!;
              if (ch < ZERO || ch > NINE) break;
              if (mantissa > 0 || ch !== ZERO) digits++;
              mantissa = mantissa * 10 + (ch - ZERO);
              fracDigits++;
              i++;
            }
          }
          // Exact as one division when the digits fit in 2^53 and 10^fracDigits is exact (Clinger).
          if (i < end && intDigits + fracDigits > 0 && digits <= 15 && fracDigits <= 22) {
            ch = b[i]!;
            let next = -1;
            if (ch === stop) next = i + 1;
            else if (c === last && ch === CR && i + 1 < end && b[i + 1] === LF) next = i + 2;
            if (next >= 0) {
              const v = fracDigits === 0 ? mantissa : mantissa / POW10[fracDigits]!;
              values[c] = negative ? -v : v;
              parsed[c] = 1;
              i = next;
              continue;
            }
          }
          i = start; // not plain: read it as a field like any other
        }
        if (i < end && b[i] === QUOTE) break records;
        let ch = 0;
        if (codes[c] !== null) {
          let h = FNV_OFFSET;
          while (i < end) {
            ch = b[i]!;
            if (ch === d || ch === LF || ch === CR) break;
            h = Math.imul(h ^ ch, FNV_PRIME);
            i++;
          }
          hashes[c] = h;
        } else {
          while (i < end) {
            ch = b[i]!;
            if (ch === d || ch === LF || ch === CR) break;
            i++;
          }
        }
        if (i >= end) break records; // cut by the end of the piece
        starts[c] = start;
        ends[c] = i;
        parsed[c] = 0;
        if (ch === stop) i++;
        else if (c === last && ch === CR && i + 1 < end && b[i + 1] === LF) i += 2;
        else break records; // too few or too many fields, or a lone CR
      }
      this.commit(b, line + handled);
      handled++;
      pos = i;
    }
    this.handled = handled;
    this.total += handled;
    return pos;
  }

  /** Gives one whole record's fields to the builders, with the tokenizer path's missing-value rules. */
  private commit(b: Buffer, line: number): void {
    const m = this.missing;
    for (let c = 0; c < this.width; c++) {
      if (this.parsed[c] === 1) {
        this.numbers[c]!.addNumber(this.values[c]!);
        continue;
      }
      const start = this.starts[c]!;
      const end = this.ends[c]!;
      const len = end - start;
      if (len <= m.maxBytes && (len === 0 ? m.empty : m.firstByte[b[start]!] === 1)) {
        const token = m.match(b, start, end);
        if (token !== null) {
          this.builders[c]!.addMissing(token);
          continue;
        }
      }
      const codes = this.codes[c] ?? null;
      if (codes !== null) codes.addHashed(b, start, end, this.hashes[c]!);
      else this.builders[c]!.add(b, start, end, 0, line);
    }
  }
}
