/**
 * A streaming RFC 4180 CSV parser: feed it text in pieces of any size, it calls onRecord once per
 * record with the record's fields and the (1-based) line where the record starts.
 * Handles quoted delimiters, doubled quotes, newlines inside quotes, and CRLF/LF/CR line ends.
 * A bare quote inside an unquoted field is kept as text, as most spreadsheet tools do.
 */
import { SlicewiseError } from '../../shared/errors';

export type RecordHandler = (fields: string[], line: number) => void;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted, // just saw a quote inside a quoted field: either an escaped quote or the end
}

export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1; // physical line of the current position
  private recordLine = 1; // physical line where the current record started
  private pendingCR = false;
  private quotedCR = false;
  private sawAnything = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly fileName = 'the file',
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `"${delimiter}" cannot be used as a delimiter.` });
    }
  }

  push(text: string): void {
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue; // CRLF already ended the record at the CR
      }
      switch (this.state) {
        case State.FieldStart:
          if (ch === '"') {
            this.state = State.Quoted;
            this.sawAnything = true;
            break;
          }
          this.state = State.Unquoted;
          this.unquotedChar(ch);
          break;
        case State.Unquoted:
          this.unquotedChar(ch);
          break;
        case State.Quoted:
          if (ch === '"') {
            this.quotedCR = false;
            this.state = State.QuoteInQuoted;
          } else {
            // Count physical lines inside quotes too, so errors name the right line (CRLF = one).
            if (ch === '\r' || (ch === '\n' && !this.quotedCR)) this.line++;
            this.quotedCR = ch === '\r';
            this.field += ch;
          }
          break;
        case State.QuoteInQuoted:
          if (ch === '"') {
            this.field += '"';
            this.state = State.Quoted;
          } else if (ch === d) {
            this.endField();
          } else if (ch === '\n' || ch === '\r') {
            this.endRecord(ch);
          } else {
            // Text after a closing quote ("abc"def): keep it, as spreadsheet tools do.
            this.field += ch;
            this.state = State.Unquoted;
          }
          break;
      }
    }
  }

  private unquotedChar(ch: string): void {
    if (ch === this.delimiter) {
      this.endField();
    } else if (ch === '\n' || ch === '\r') {
      this.endRecord(ch);
    } else {
      this.field += ch;
      this.sawAnything = true;
    }
  }

  /** Call once after the last piece. Throws a PARSE_ERROR on an unclosed quote. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new SlicewiseError({
        code: 'PARSE_ERROR',
        message:
          `${this.fileName} ends inside a quoted value that starts on line ${this.recordLine}: ` +
          'a closing quote (") is missing. Check that line in a text editor.',
        location: { file: this.fileName, line: this.recordLine },
      });
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.fields.push(this.field);
      this.emit();
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(ch: string): void {
    this.fields.push(this.field);
    this.emit();
    this.line++;
    this.recordLine = this.line;
    if (ch === '\r') this.pendingCR = true;
  }

  private emit(): void {
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    // A blank line (one empty field, nothing quoted) is not a record.
    if (fields.length === 1 && fields[0] === '' && !this.sawAnything) return;
    this.sawAnything = false;
    this.onRecord(fields, this.recordLine);
  }
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Guesses the delimiter from the start of a file: the candidate that splits the first lines into
 * the same number (> 1) of fields most consistently, preferring more fields. Falls back to comma.
 */
export function sniffDelimiter(sample: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const d of CANDIDATE_DELIMITERS) {
    const counts: number[] = [];
    const parser = new CsvParser(d, (fields) => counts.push(fields.length));
    try {
      parser.push(sample);
    } catch {
      continue;
    }
    // Drop the last record: the sample may cut it in half.
    const lines = counts.slice(0, Math.max(1, counts.length - 1)).slice(0, 50);
    const first = lines[0] ?? 0;
    if (first < 2) continue;
    const consistent = lines.filter((n) => n === first).length / lines.length;
    const score = consistent * 1000 + first;
    if (consistent >= 0.9 && score > best.score) best = { delimiter: d, score };
  }
  return best.delimiter;
}
