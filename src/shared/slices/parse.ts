/**
 * Slices a person writes: "age >= 60 & region = North".
 *
 *   slice     := condition ( ("&" | "&&" | "and") condition )*
 *   condition := column op value | column ["not"] "in" "(" value ("," value)* ")" | column "is" ["not"] "missing"
 *   op        := = | == | != | <> | < | <= | > | >= | ≠ | ≤ | ≥
 *   column    := a bare name, or any name in `backticks`, "double" or 'single' quotes
 *               (bare words up to the operator are also tried joined by single spaces: annual income > 5)
 *   value     := a bare word (no spaces), or a quoted text ("New York"); \" escapes a quote
 *
 * Values are checked against the column: numbers for number columns, ISO dates (2024-03-01) for date
 * columns, and one of the column's values for category columns (which take only =, !=, in, not in).
 * Every error says what is wrong and where (1-based character position), with a suggestion when a
 * name or value is close to a real one. A missing cell never satisfies a condition except "is missing".
 */
import type { Column, Table } from '../table';
import { inBin } from './encode';
import { conditionLabel } from './labels';
import type { ConditionOp, SliceCondition } from './types';

export interface ParsedCondition {
  condition: SliceCondition;
  columnIndex: number;
  /** For number/date columns: the numbers compared with (epoch ms for dates). */
  numbers: number[];
  /** For category columns: the dictionary codes named. */
  codes: number[];
}

export type ParseResult = { ok: true; conditions: ParsedCondition[] } | { ok: false; error: string; position: number };

type TokenKind = 'word' | 'quoted' | 'op' | 'and' | 'open' | 'close' | 'comma';
interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based position of the token's first character. */
  position: number;
  quote?: string;
}

class SliceSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const OPS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>', '≠', '≤', '≥'];
const OP_NAMES: Record<string, ConditionOp> = { '==': '=', '=': '=', '!=': '!=', '<>': '!=', '≠': '!=', '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };
const WORD_STOP = /[\s&()=!<>,"'`≠≤≥]/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const position = i + 1;
    if (/\s/u.test(ch)) {
      i++;
    } else if (ch === '&') {
      i += text[i + 1] === '&' ? 2 : 1;
      tokens.push({ kind: 'and', text: '&', position });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'open' : ch === ')' ? 'close' : 'comma', text: ch, position });
      i++;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let value = '';
      let j = i + 1;
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new SliceSyntaxError(`The quote ${ch} at position ${position} is never closed.`, position);
      tokens.push({ kind: 'quoted', text: value, position, quote: ch });
      i = j + 1;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, position });
        i += op.length;
      } else if (ch === '!') {
        throw new SliceSyntaxError(`"!" at position ${position} must be followed by "=" (as in region != North).`, position);
      } else {
        let j = i;
        while (j < text.length && !WORD_STOP.test(text[j]!)) j++;
        const word = text.slice(i, j);
        tokens.push(/^(and)$/iu.test(word) ? { kind: 'and', text: word, position } : { kind: 'word', text: word, position });
        i = j;
      }
    }
  }
  return tokens;
}

/** Levenshtein distance (small strings only: names and values). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest of `options` to `word` (same letters in another case first), if close enough. */
export function closest(word: string, options: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const sameCase = options.find((o) => o.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const o of options.slice(0, 5000)) {
    const d = distance(lower, o.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = o;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(Math.max(word.length, best.length) / 3)) ? best : null;
}

const quoted = (s: string): string => `"${s}"`;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/u;

/** A date as a person writes it in a slice ("2024-03-01", "2024-03-01 10:30", UTC) in epoch ms; NaN when it is not one. */
export function dateValue(text: string): number {
  return DATE.test(text) ? Date.parse(/[T ]\d{2}:\d{2}/u.test(text) && !text.endsWith('Z') ? `${text.replace(' ', 'T')}Z` : text) : NaN;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly table: Table,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private endPosition(): number {
    const last = this.tokens[this.tokens.length - 1];
    return last ? last.position + last.text.length + (last.quote ? 2 : 0) : 1;
  }

  private fail(message: string, position: number): never {
    throw new SliceSyntaxError(message, position);
  }

  parse(): ParsedCondition[] {
    const out: ParsedCondition[] = [];
    if (this.tokens.length === 0) this.fail('The slice is empty: write conditions such as age >= 60 & region = North.', 1);
    for (;;) {
      out.push(this.condition());
      const next = this.peek();
      if (!next) return out;
      if (next.kind !== 'and') {
        this.fail(`Unexpected ${quoted(next.text)} at position ${next.position}: join conditions with &.`, next.position);
      }
      this.at++;
      if (!this.peek()) this.fail(`A condition is missing after "${next.text}" at position ${next.position}.`, next.position);
    }
  }

  private column(): { index: number; col: Column; position: number } {
    const first = this.peek()!;
    const names = this.table.columns.map((c) => c.name);
    if (first.kind !== 'word' && first.kind !== 'quoted') this.fail(`Expected a column name at position ${first.position}, found ${quoted(first.text)}.`, first.position);
    this.at++;
    let name = first.text;
    // Bare words up to the operator, joined by spaces, for column names with spaces written plainly.
    if (first.kind === 'word') {
      const words = [first.text];
      for (let j = this.at; this.tokens[j]?.kind === 'word' && !/^(in|not|is)$/iu.test(this.tokens[j]!.text); j++) words.push(this.tokens[j]!.text);
      // The longest run of words that names a column ("annual income"); else all of them, to say so.
      let k = words.length;
      while (k > 1 && !names.includes(words.slice(0, k).join(' '))) k--;
      if (!names.includes(words.slice(0, k).join(' '))) k = words.length;
      name = words.slice(0, k).join(' ');
      this.at += k - 1;
    }
    const index = names.indexOf(name);
    if (index < 0) {
      const suggestion = closest(name, names);
      const hint = suggestion !== null ? `: did you mean ${quoted(suggestion)}?` : name.includes(' ') ? ': write a name with spaces in `backticks`.' : '.';
      this.fail(`Unknown column ${quoted(name)} at position ${first.position}${hint}`, first.position);
    }
    return { index, col: this.table.columns[index]!, position: first.position };
  }

  private value(col: Column): { text: string; position: number } {
    const t = this.peek();
    if (!t) this.fail(`A value for ${quoted(col.name)} is missing at the end (position ${this.endPosition()}).`, this.endPosition());
    if (t.kind !== 'word' && t.kind !== 'quoted') this.fail(`Expected a value for ${quoted(col.name)} at position ${t.position}, found ${quoted(t.text)}.`, t.position);
    this.at++;
    const next = this.peek();
    if (t.kind === 'word' && next?.kind === 'word') {
      const words = [t.text];
      for (let j = this.at; this.tokens[j]?.kind === 'word'; j++) words.push(this.tokens[j]!.text);
      const column = col.name.includes(' ') ? `\`${col.name}\`` : col.name;
      this.fail(`Unexpected ${quoted(next.text)} at position ${next.position}: put a value with spaces in quotes, as in ${column} = "${words.join(' ')}".`, next.position);
    }
    return { text: t.text, position: t.position };
  }

  private condition(): ParsedCondition {
    const { index, col, position } = this.column();
    const t = this.peek();
    if (!t) this.fail(`An operator (=, !=, <, <=, >, >=, in, is missing) is missing after ${quoted(col.name)} at position ${this.endPosition()}.`, this.endPosition());
    let op: ConditionOp;
    let values: { text: string; position: number }[] = [];
    if (t.kind === 'op') {
      this.at++;
      op = OP_NAMES[t.text]!;
      values = [this.value(col)];
    } else if (t.kind === 'word' && /^is$/iu.test(t.text)) {
      this.at++;
      const not = this.peek()?.kind === 'word' && /^not$/iu.test(this.peek()!.text);
      if (not) this.at++;
      const m = this.peek();
      if (!(m?.kind === 'word' && /^missing$/iu.test(m.text))) this.fail(`Expected "missing" after "is${not ? ' not' : ''}" at position ${m?.position ?? this.endPosition()}.`, m?.position ?? this.endPosition());
      this.at++;
      op = not ? 'is not missing' : 'is missing';
    } else if (t.kind === 'word' && /^(not|in)$/iu.test(t.text)) {
      const not = /^not$/iu.test(t.text);
      this.at++;
      if (not) {
        const i = this.peek();
        if (!(i?.kind === 'word' && /^in$/iu.test(i.text))) this.fail(`Expected "in" after "not" at position ${i?.position ?? this.endPosition()}.`, i?.position ?? this.endPosition());
        this.at++;
      }
      op = not ? 'not in' : 'in';
      values = this.list(col);
    } else {
      this.fail(`Expected an operator (=, !=, <, <=, >, >=, in, is missing) after ${quoted(col.name)} at position ${t.position}, found ${quoted(t.text)}.`, t.position);
    }
    return this.typed(index, col, op, values, position);
  }

  private list(col: Column): { text: string; position: number }[] {
    const open = this.peek();
    if (open?.kind !== 'open') this.fail(`Expected "(" to start the list of values at position ${open?.position ?? this.endPosition()}, as in region in (North, South).`, open?.position ?? this.endPosition());
    this.at++;
    const values = [this.value(col)];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'comma') {
        this.at++;
        values.push(this.value(col));
      } else if (t?.kind === 'close') {
        this.at++;
        return values;
      } else {
        this.fail(`Expected "," or ")" in the list of values at position ${t?.position ?? this.endPosition()}.`, t?.position ?? this.endPosition());
      }
    }
  }

  /** Checks each value against the column's type and builds the condition. */
  private typed(columnIndex: number, col: Column, op: ConditionOp, values: { text: string; position: number }[], position: number): ParsedCondition {
    const base = { columnIndex, numbers: [] as number[], codes: [] as number[] };
    if (op === 'is missing' || op === 'is not missing') return { ...base, condition: { column: col.name, op, value: null, label: conditionLabel(col.name, op, null) } };
    const list = op === 'in' || op === 'not in';
    if (col.storage === 'codes') {
      if (!(op === '=' || op === '!=' || list)) {
        this.fail(`${quoted(op)} compares numbers or dates, but ${quoted(col.name)} holds categories (at position ${position}): use =, != or in (…).`, position);
      }
      const names: string[] = [];
      for (const v of values) {
        const code = col.dictionary.indexOf(v.text);
        if (code < 0) {
          const suggestion = closest(v.text, col.dictionary);
          this.fail(`${quoted(v.text)} at position ${v.position} is not a value of ${quoted(col.name)}${suggestion !== null ? `: did you mean ${quoted(suggestion)}?` : '.'}`, v.position);
        }
        base.codes.push(code);
        names.push(v.text);
      }
      const value = list ? names : names[0]!;
      return { ...base, condition: { column: col.name, op, value, label: conditionLabel(col.name, op, value) } };
    }
    const isDate = col.kind === 'date' || col.kind === 'datetime';
    const shown: (number | string)[] = [];
    for (const v of values) {
      let x: number;
      if (isDate) {
        x = dateValue(v.text);
        if (!Number.isFinite(x)) this.fail(`${quoted(v.text)} at position ${v.position} is not a date; ${quoted(col.name)} holds dates (write them as 2024-03-01).`, v.position);
        shown.push(v.text);
      } else {
        x = v.text.trim() === '' ? NaN : Number(v.text);
        if (!Number.isFinite(x)) this.fail(`${quoted(v.text)} at position ${v.position} is not a number, and ${quoted(col.name)} holds numbers.`, v.position);
        shown.push(x);
      }
      base.numbers.push(x);
    }
    const value = list ? shown : shown[0]!;
    return { ...base, condition: { column: col.name, op, value, label: conditionLabel(col.name, op, value) } };
  }
}

/** Parses a person's slice against a table's columns. */
export function parseSlice(text: string, table: Table): ParseResult {
  try {
    const conditions = new Parser(tokenize(text), table).parse();
    return { ok: true, conditions };
  } catch (e) {
    if (e instanceof SliceSyntaxError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}

function satisfies(col: Column, p: ParsedCondition, row: number, accept: Uint8Array | null): boolean {
  const op = p.condition.op;
  if (col.storage === 'codes') {
    const c = col.codes[row]!;
    if (op === 'is missing') return c < 0;
    if (op === 'is not missing') return c >= 0;
    return c >= 0 && accept![c] === 1;
  }
  if (op === 'is missing') return !col.valid[row];
  if (op === 'is not missing') return col.valid[row] === 1;
  if (!col.valid[row]) return false;
  const x = col.values[row]!;
  // A discovered slice's quantile bin: its exact edges decide, as they did in the search.
  const bin = p.condition.bin;
  if (bin) return inBin(x, bin.lower ?? -Infinity, bin.upper ?? Infinity);
  const v = p.numbers[0]!;
  switch (op) {
    case '=':
      return x === v;
    case '!=':
      return x !== v;
    case '<':
      return x < v;
    case '<=':
      return x <= v;
    case '>':
      return x > v;
    case '>=':
      return x >= v;
    case 'in':
      return p.numbers.includes(x);
    case 'not in':
      return !p.numbers.includes(x);
    case 'between':
      return inBin(x, v, p.numbers[1]!);
    default:
      return false;
  }
}

/** 1 for the table rows that satisfy every condition. */
export function sliceMask(table: Table, conditions: readonly ParsedCondition[]): Uint8Array {
  const mask = new Uint8Array(table.rowCount).fill(1);
  for (const p of conditions) {
    const col = table.columns[p.columnIndex]!;
    let accept: Uint8Array | null = null;
    if (col.storage === 'codes') {
      const op = p.condition.op;
      const named = new Uint8Array(col.dictionary.length);
      for (const c of p.codes) named[c] = 1;
      accept = op === '!=' || op === 'not in' ? named.map((x) => 1 - x) : named;
    }
    for (let r = 0; r < table.rowCount; r++) if (mask[r] && !satisfies(col, p, r, accept)) mask[r] = 0;
  }
  return mask;
}
