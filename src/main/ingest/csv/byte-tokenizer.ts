/**
 * A byte-level RFC 4180 tokenizer: finds field boundaries in UTF-8 (or any ASCII-compatible)
 * bytes without making a string per cell. Records that span pieces are carried over, so pieces
 * may split anywhere. For each record it calls `onRecord` with the piece's bytes and, per field,
 * start/end offsets and flags (QUOTED: the bytes are inside quotes; ESCAPED: they contain doubled
 * quotes to undo with `unescapeQuotes`). Handles CRLF/LF/CR, newlines inside quotes, and keeps text
 * after a closing quote ("ab"c → abc), as spreadsheet tools do.
 */
export const QUOTED = 1;
export const ESCAPED = 2;
/** The field had text after its closing quote; its bytes (start..end) need `looseQuotedText`. */
export const LOOSE = 4;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordView {
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  count: number;
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface TokenizerError {
  kind: 'unclosed-quote' | 'record-too-long';
  line: number;
}

export class ByteTokenizer {
  private carry: Buffer | null = null;
  private line = 1;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  private pendingCR = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (r: RecordView) => void,
    /** A record longer than this many bytes is an error (protects memory on a broken file). */
    private readonly maxRecordBytes = 64 * 1024 * 1024,
  ) {}

  /** Feeds the next piece. Returns an error when a record is impossibly long. */
  push(piece: Buffer): TokenizerError | null {
    let bytes = piece;
    if (this.carry) {
      bytes = Buffer.concat([this.carry, piece]);
      this.carry = null;
    }
    const consumed = this.scan(bytes, false);
    if (consumed < bytes.length) {
      if (bytes.length - consumed > this.maxRecordBytes) return { kind: 'record-too-long', line: this.line };
      // Copy: the caller may reuse the piece's memory for the next read.
      this.carry = Buffer.from(bytes.subarray(consumed));
    }
    return null;
  }

  /** Call after the last piece. Returns an error for a quote that never closes. */
  end(): TokenizerError | null {
    if (!this.carry) return null;
    const bytes = this.carry;
    this.carry = null;
    const consumed = this.scan(bytes, true);
    if (consumed < bytes.length) return { kind: 'unclosed-quote', line: this.line };
    return null;
  }

  /** Scans whole records; returns how many bytes were consumed (the rest is an incomplete record). */
  private scan(b: Buffer, final: boolean): number {
    const d = this.delimiter;
    const n = b.length;
    let i = 0;
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (b[0] === LF) i = 1;
    }
    let recordStart = i;
    while (i < n) {
      // One record.
      recordStart = i;
      const recordLine = this.line;
      let count = 0;
      let extraLines = 0;
      let complete = false;
      for (;;) {
        // One field, starting at i.
        if (count === this.starts.length) this.grow();
        let flag = 0;
        let start = i;
        let end: number;
        if (i < n && b[i] === QUOTE) {
          flag = QUOTED;
          start = i + 1;
          let j = start;
          let closed = false;
          while (j < n) {
            const c = b[j]!;
            if (c === QUOTE) {
              if (j + 1 < n && b[j + 1] === QUOTE) {
                flag |= ESCAPED;
                j += 2;
                continue;
              }
              if (j + 1 === n && !final) break; // cannot tell yet whether this quote is doubled
              closed = true;
              break;
            }
            if (c === LF) extraLines++;
            else if (c === CR && b[j + 1] !== LF) extraLines++;
            j++;
          }
          if (!closed) return recordStart; // need more bytes (or, at the end, the quote never closed)
          end = j;
          i = j + 1;
          // Text after the closing quote: keep it, as spreadsheets do.
          if (i < n && b[i] !== d && b[i] !== LF && b[i] !== CR) {
            flag |= LOOSE;
            while (i < n && b[i] !== d && b[i] !== LF && b[i] !== CR) i++;
            end = i;
          }
        } else {
          while (i < n) {
            const c = b[i]!;
            if (c === d || c === LF || c === CR) break;
            i++;
          }
          end = i;
        }
        this.starts[count] = start;
        this.ends[count] = end;
        this.flags[count] = flag;
        count++;
        if (i >= n) {
          if (!final) return recordStart;
          complete = true;
          break;
        }
        const c = b[i]!;
        if (c === d) {
          i++;
          if (i >= n && final) {
            // A trailing delimiter at the very end: one more empty field.
            if (count === this.starts.length) this.grow();
            this.starts[count] = i;
            this.ends[count] = i;
            this.flags[count] = 0;
            count++;
            complete = true;
            break;
          }
          if (i >= n) return recordStart;
          continue;
        }
        // c is CR or LF: the record ends here.
        if (c === CR) {
          if (i + 1 < n) {
            i += b[i + 1] === LF ? 2 : 1;
          } else {
            i += 1;
            this.pendingCR = true;
          }
        } else {
          i += 1;
        }
        complete = true;
        break;
      }
      if (!complete) return recordStart;
      this.line = recordLine + 1 + extraLines;
      // A blank line (one empty, unquoted field) is not a record.
      if (count === 1 && this.flags[0] === 0 && this.starts[0] === this.ends[0]) continue;
      this.onRecord({ bytes: b, starts: this.starts, ends: this.ends, flags: this.flags, count, line: recordLine });
    }
    return n;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const s = new Int32Array(size);
    s.set(this.starts);
    const e = new Int32Array(size);
    e.set(this.ends);
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }
}

/** The text of a field, undoing doubled quotes and loose text after a closing quote. */
export function fieldText(bytes: Buffer, start: number, end: number, flag: number): string {
  if (flag === 0 || flag === QUOTED) return bytes.toString('utf8', start, end);
  let s = bytes.toString('utf8', start, end);
  if (flag & LOOSE) {
    // start..end spans: inner text, the closing quote, then the loose tail.
    const close = s.lastIndexOf('"');
    s = s.slice(0, close) + s.slice(close + 1);
  }
  if (flag & ESCAPED) s = s.replace(/""/g, '"');
  return s;
}
