/**
 * Byte-level helpers for reading JSON tables in pieces, so a large file is never one string:
 *   - ArraySplitter cuts a top-level array `[ {…}, {…} ]` into its items as the bytes stream in;
 *     each item is then parsed on its own by JSON.parse (native, and iterative in V8, so deeply
 *     nested input cannot overflow the stack).
 *   - memberTexts finds the raw JSON text of an object's nested members, so nested values are kept
 *     exactly as written without JSON.stringify (which recurses).
 * Nesting is tracked with a counter, never recursion.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export type SplitProblem =
  | { kind: 'not-array'; line: number }
  | { kind: 'not-object'; line: number; item: number }
  | { kind: 'syntax'; line: number; expected: string }
  | { kind: 'too-large'; line: number }
  | { kind: 'unfinished'; line: number };

const BEFORE = 0;
const ITEM_OR_END = 1;
const IN_ITEM = 2;
const COMMA_OR_END = 3;
const DONE = 4;
const ITEM = 5; // after a comma: an item must follow

export class ArraySplitter {
  private state = BEFORE;
  private depth = 0;
  private maxDepth = 0;
  private inString = false;
  private escape = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private line = 1;
  private itemLine = 0;
  items = 0;

  constructor(
    private readonly onItem: (bytes: Buffer, line: number, nested: boolean) => void,
    private readonly onProblem: (p: SplitProblem) => never,
    private readonly maxItemBytes: number,
  ) {}

  push(chunk: Buffer): void {
    let start = this.state === IN_ITEM ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === NEWLINE) this.line++;
      if (this.state === IN_ITEM) {
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (b === BACKSLASH) this.escape = true;
          else if (b === QUOTE) this.inString = false;
        } else if (b === QUOTE) this.inString = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
          if (++this.depth > this.maxDepth) this.maxDepth = this.depth;
        } else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --this.depth === 0) {
          this.emit(chunk, start, i + 1);
          this.state = COMMA_OR_END;
        }
        continue;
      }
      if (isSpace(b)) continue;
      if (this.state === BEFORE) {
        if (b !== OPEN_BRACKET) this.onProblem({ kind: 'not-array', line: this.line });
        this.state = ITEM_OR_END;
      } else if (this.state === ITEM_OR_END || this.state === ITEM) {
        if (b === CLOSE_BRACKET && this.state === ITEM_OR_END) this.state = DONE;
        else if (b === OPEN_BRACE) {
          this.state = IN_ITEM;
          this.depth = 1;
          this.maxDepth = 1;
          this.itemLine = this.line;
          start = i;
        } else if (b === CLOSE_BRACKET) this.onProblem({ kind: 'syntax', line: this.line, expected: 'another item after the last comma' });
        else this.onProblem({ kind: 'not-object', line: this.line, item: this.items + 1 });
      } else if (this.state === COMMA_OR_END) {
        if (b === COMMA) this.state = ITEM;
        else if (b === CLOSE_BRACKET) this.state = DONE;
        else this.onProblem({ kind: 'syntax', line: this.line, expected: 'a comma or the closing ]' });
      } else {
        this.onProblem({ kind: 'syntax', line: this.line, expected: 'nothing after the closing ]' });
      }
    }
    if (this.state === IN_ITEM) {
      this.parts.push(chunk.subarray(start));
      this.partBytes += chunk.length - start;
      if (this.partBytes > this.maxItemBytes) this.onProblem({ kind: 'too-large', line: this.itemLine });
    }
  }

  end(): void {
    if (this.state === BEFORE) this.onProblem({ kind: 'not-array', line: this.line });
    if (this.state !== DONE) this.onProblem({ kind: 'unfinished', line: this.state === IN_ITEM ? this.itemLine : this.line });
  }

  private emit(chunk: Buffer, start: number, end: number): void {
    const bytes = this.parts.length ? Buffer.concat([...this.parts, chunk.subarray(0, end)]) : chunk.subarray(start, end);
    this.parts = [];
    this.partBytes = 0;
    if (bytes.length > this.maxItemBytes) this.onProblem({ kind: 'too-large', line: this.itemLine });
    this.items++;
    this.onItem(bytes, this.itemLine, this.maxDepth > 1);
  }
}

/** Index just past the string that starts (with its quote) at `i`. */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return i;
}

/** Index just past the object or array that starts at `i` (a counter, not recursion). */
function skipNested(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) i = skipString(s, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return i;
}

/**
 * For an object already validated by JSON.parse: the raw text of each member whose value is an
 * object or an array, by key.
 */
export function memberTexts(json: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = json.indexOf('{') + 1;
  const space = (): void => {
    while (i < json.length && isSpace(json.charCodeAt(i))) i++;
  };
  for (;;) {
    space();
    if (json.charCodeAt(i) !== QUOTE) return out;
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = keyEnd;
    space();
    i++; // the colon
    space();
    const c = json.charCodeAt(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const end = skipNested(json, i);
      out.set(key, json.slice(i, end));
      i = end;
    } else if (c === QUOTE) i = skipString(json, i);
    else while (i < json.length && json.charCodeAt(i) !== COMMA && json.charCodeAt(i) !== CLOSE_BRACE) i++;
    space();
    if (json.charCodeAt(i) !== COMMA) return out;
    i++;
  }
}
