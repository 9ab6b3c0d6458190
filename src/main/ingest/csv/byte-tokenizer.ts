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

/** One record, valid only during the `onRecord` call (the view and its arrays are reused). */
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

/** Reads the simple records of a piece itself (see fast-records.ts); returns where it stopped. */
export interface FastPath {
  run(bytes: Buffer, pos: number, end: number, line: number): number;
  /** Records the last run read (each one line). */
  readonly handled: number;
}

/** After the fast path gives up on a record, the tokenizer reads up to this many before it tries again. */
const MAX_FAST_BACKOFF = 1024;

export class ByteTokenizer {
  /** Set once the columns' types are known; null reads every record here. */
  fast: FastPath | null = null;
  private fastBackoff = 0;
  private fastWait = 0;
  /** An incomplete record carried to the next piece: work[0, carried). Reused, so pieces are not concatenated into new memory. */
  private work = Buffer.alloc(0);
  private carried = 0;
  private line = 1;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  private pendingCR = false;
  private readonly view: RecordView = { bytes: Buffer.alloc(0), starts: this.starts, ends: this.ends, flags: this.flags, count: 0, line: 0 };

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (r: RecordView) => void,
    /** A record longer than this many bytes is an error (protects memory on a broken file). */
    private readonly maxRecordBytes = 64 * 1024 * 1024,
  ) {}

  /**
   * Whether everything fed so far ended exactly at the end of a record, outside quotes: then the
   * next byte starts a record on line `nextLine`, and the rest of the file can be read on its own.
   */
  atRecordBoundary(): boolean {
    return this.carried === 0 && !this.pendingCR;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Feeds the next piece. Returns an error when a record is impossibly long. */
  push(piece: Buffer): TokenizerError | null {
    let bytes = piece;
    if (this.carried > 0) {
      const total = this.carried + piece.length;
      if (total > this.work.length) this.growWork(total);
      piece.copy(this.work, this.carried);
      bytes = this.work.subarray(0, total);
      this.carried = 0;
    }
    const consumed = this.scan(bytes, false);
    if (consumed < bytes.length) {
      const rest = bytes.length - consumed;
      if (rest > this.maxRecordBytes) return { kind: 'record-too-long', line: this.line };
      // Copy: the caller may reuse the piece's memory for the next read. (Within `work`, copyWithin
      // moves the tail to the front; the regions may overlap, which copyWithin allows.)
      if (rest > this.work.length) this.growWork(rest);
      if (bytes === piece) piece.copy(this.work, 0, consumed);
      else this.work.copyWithin(0, consumed, consumed + rest);
      this.carried = rest;
    }
    return null;
  }

  /** Call after the last piece. Returns an error for a quote that never closes. */
  end(): TokenizerError | null {
    if (this.carried === 0) return null;
    const bytes = this.work.subarray(0, this.carried);
    this.carried = 0;
    const consumed = this.scan(bytes, true);
    if (consumed < bytes.length) return { kind: 'unclosed-quote', line: this.line };
    return null;
  }

  private growWork(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(atLeast, this.work.length * 2, 4096));
    this.work.copy(next, 0, 0, this.carried);
    this.work = next;
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
      if (this.fast !== null && this.fastWait-- <= 0) {
        const next = this.fast.run(b, i, n, this.line);
        this.line += this.fast.handled;
        // Where the fast path keeps giving up at once (a file of quoted fields), try it less often.
        this.fastBackoff = this.fast.handled > 0 ? 0 : Math.min(MAX_FAST_BACKOFF, this.fastBackoff * 2 || 1);
        this.fastWait = this.fastBackoff;
        i = next;
        if (i >= n) return n;
      }
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
      const view = this.view;
      view.bytes = b;
      view.count = count;
      view.line = recordLine;
      this.onRecord(view);
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
    this.view.starts = s;
    this.view.ends = e;
    this.view.flags = f;
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
