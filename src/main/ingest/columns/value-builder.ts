/**
 * A column builder for cells that arrive already typed (xlsx, JSON, Parquet, Arrow): numbers,
 * strings, booleans, dates, bigints, null. Each row costs one tag byte and one float (a string is
 * stored as its dictionary code), so no per-row objects are kept; the column's storage is decided
 * once at the end from what was seen, with the same rules as the CSV builders:
 *   - only numbers → integer/decimal; only dates → date/datetime (epoch ms UTC);
 *   - only booleans → a boolean codes column ('true'/'false'); only strings → codes (classifyCodes);
 *   - numbers (or dates) with ≤ 10% other cells → stay numeric, the others counted as
 *     non-conforming with examples; otherwise text, every value written out so nothing is lost.
 */
import type { CodesColumn, NumberColumn, Table } from '../../../shared/table';
import { CodesBuilder, classifyCodes, type CellExample, type ColumnImportStats } from './builders';
import { GrowableFloat64, GrowableUint8 } from './growable';

export type CellValue = number | string | boolean | Date | bigint | null | undefined;

const MISSING = 0;
const NUMBER = 1;
const DATE = 2;
const STRING = 3;
const BOOL = 4;
type Tag = typeof MISSING | typeof NUMBER | typeof DATE | typeof STRING | typeof BOOL;

const MAX_EXAMPLES = 5;
const DAY_MS = 86_400_000;
const MAX_EXACT = 2 ** 53;
/** The largest epoch milliseconds a Date can hold (year 275760). */
const MAX_DATE_MS = 8.64e15;

export interface BuiltValueColumn {
  column: NumberColumn | CodesColumn;
  stats: ColumnImportStats;
  /** Things to tell the person about this column (e.g. precision lost on huge integers). */
  notes: string[];
}

export class ValueBuilder {
  private readonly tags = new GrowableUint8();
  /** The number, date (ms), boolean (0/1) or string code of each row. */
  private readonly values = new GrowableFloat64();
  private readonly dict = new Map<string, number>();
  private readonly strings: string[] = [];
  private stringLength = 0;
  private readonly counts = [0, 0, 0, 0, 0];
  private readonly tokens: Record<string, number> = {};
  /** The first few cells of each kind, so whichever kind turns out to be the odd one has examples. */
  private readonly examples: CellExample[][] = [[], [], [], [], []];
  private allIntegers = true;
  private hasTime = false;
  private imprecise = 0;
  private readonly missingTokens: ReadonlySet<string>;

  constructor(missingTokens: Iterable<string>) {
    this.missingTokens = new Set(missingTokens);
  }

  get rows(): number {
    return this.tags.length;
  }

  /** Any typed value; strings go through the missing-value tokens. */
  add(v: CellValue, line: number): void {
    if (v === null || v === undefined) this.addMissing('');
    else if (typeof v === 'number') this.addNumber(v, line);
    else if (typeof v === 'string') this.addString(v, line);
    else if (typeof v === 'boolean') this.addBoolean(v, line);
    else if (typeof v === 'bigint') this.addBigInt(v, line);
    else this.addDate(v.getTime(), line);
  }

  addMissing(token: string): void {
    this.tokens[token] = (this.tokens[token] ?? 0) + 1;
    this.push(MISSING, NaN);
  }

  /** Fills rows up to `rows` with missing cells (a JSON key first seen on a later row). */
  padTo(rows: number): void {
    while (this.rows < rows) this.addMissing('');
  }

  addNumber(v: number, line: number): void {
    if (Number.isNaN(v)) return this.addMissing('NaN');
    if (!Number.isFinite(v)) return this.addString(v > 0 ? 'Infinity' : '-Infinity', line);
    if (this.allIntegers && !Number.isInteger(v)) this.allIntegers = false;
    this.example(NUMBER, line, v);
    this.push(NUMBER, v);
  }

  addBigInt(v: bigint, line: number): void {
    if (v > MAX_EXACT || v < -MAX_EXACT) this.imprecise++;
    this.addNumber(Number(v), line);
  }

  /** A date as epoch milliseconds UTC. */
  addDate(ms: number, line: number): void {
    if (Number.isNaN(ms)) return this.addMissing('');
    // Past what a date can hold (±273,790 years; an int64 sentinel, a wrong unit): not a date, so
    // it is kept as its number, as text, and counted like any cell that does not fit the column.
    if (!(Math.abs(ms) <= MAX_DATE_MS)) return this.addString(String(ms), line);
    if (!this.hasTime && ms % DAY_MS !== 0) this.hasTime = true;
    this.example(DATE, line, ms);
    this.push(DATE, ms);
  }

  addBoolean(v: boolean, line: number): void {
    this.example(BOOL, line, v ? 1 : 0);
    this.push(BOOL, v ? 1 : 0);
  }

  addString(s: string, line: number): void {
    if (this.missingTokens.has(s)) return this.addMissing(s);
    let code = this.dict.get(s);
    if (code === undefined) {
      code = this.strings.length;
      this.dict.set(s, code);
      this.strings.push(s);
    }
    this.stringLength += s.length;
    this.example(STRING, line, code);
    this.push(STRING, code);
  }

  private push(tag: Tag, v: number): void {
    this.tags.push(tag);
    this.values.push(v);
    this.counts[tag]!++;
  }

  private example(tag: Tag, line: number, v: number): void {
    const list = this.examples[tag]!;
    if (list.length < MAX_EXAMPLES) list.push({ line, value: this.text(tag, v) });
  }

  /** How a cell is written when it has to be text: numbers in their shortest exact form. */
  private text(tag: number, v: number): string {
    if (tag === STRING) return this.strings[v]!;
    if (tag === BOOL) return v ? 'true' : 'false';
    if (tag === DATE) {
      const iso = new Date(v).toISOString();
      return this.hasTime ? iso : iso.slice(0, 10);
    }
    return String(v);
  }

  finish(name: string): BuiltValueColumn {
    const [missing, numbers, dates, strings, bools] = this.counts as [number, number, number, number, number];
    const present = this.rows - missing;
    const notes: string[] = [];
    if (this.imprecise > 0) {
      notes.push(`Column "${name}": ${this.imprecise} whole number${this.imprecise === 1 ? ' is' : 's are'} larger than 2^53 and kept only approximately (to about 16 digits).`);
    }
    const base: ColumnImportStats = { missing, missingTokens: this.tokens, nonConforming: 0, nonConformingExamples: [] };
    if (present === 0) return { column: this.codes(name, [], 'empty'), stats: base, notes };
    if (strings === present || bools === present) {
      const column = this.codes(name, null, null);
      return { column, stats: base, notes };
    }
    const main = numbers >= dates ? NUMBER : DATE;
    const mainCount = Math.max(numbers, dates);
    if (mainCount === present || mainCount >= 0.9 * present) {
      const odd = present - mainCount;
      const examples = this.examples
        .filter((_, tag) => tag !== MISSING && tag !== main)
        .flat()
        .sort((a, b) => a.line - b.line)
        .slice(0, MAX_EXAMPLES);
      return { column: this.numbers(name, main), stats: { ...base, nonConforming: odd, nonConformingExamples: odd ? examples : [] }, notes };
    }
    return { column: this.asText(name), stats: base, notes };
  }

  private numbers(name: string, main: typeof NUMBER | typeof DATE): NumberColumn {
    const n = this.rows;
    const values = this.values.finish();
    const valid = new Uint8Array(n);
    const tags = this.tags.data;
    for (let r = 0; r < n; r++) {
      if (tags[r] === main) valid[r] = 1;
      else values[r] = NaN;
    }
    const kind = main === DATE ? (this.hasTime ? 'datetime' : 'date') : this.allIntegers ? 'integer' : 'decimal';
    return { storage: 'number', name, kind, values, valid };
  }

  /**
   * A codes column straight from the string dictionary (strings only) or from booleans. Booleans
   * get their own small dictionary in first-seen order.
   */
  private codes(name: string, fixed: string[] | null, fixedKind: 'empty' | null): CodesColumn {
    const n = this.rows;
    const codes = new Int32Array(n);
    const tags = this.tags.data;
    const values = this.values.data;
    if (fixedKind === 'empty') return { storage: 'codes', name, kind: 'empty', codes: codes.fill(-1), dictionary: fixed ?? [] };
    const bool = this.counts[BOOL]! > 0;
    const dictionary = bool ? [] as string[] : this.strings;
    const boolCode = [-1, -1];
    for (let r = 0; r < n; r++) {
      if (tags[r] === MISSING) codes[r] = -1;
      else if (!bool) codes[r] = values[r]!;
      else {
        const b = values[r]!;
        if (boolCode[b] === -1) boolCode[b] = dictionary.push(b ? 'true' : 'false') - 1;
        codes[r] = boolCode[b]!;
      }
    }
    const kind = bool ? 'boolean' : classifyCodes(dictionary, n - this.counts[MISSING]!, this.stringLength);
    return { storage: 'codes', name, kind, codes, dictionary };
  }

  /** Mixed cells: everything written as text, through the CSV importer's own codes builder. */
  private asText(name: string): CodesColumn {
    const text = new CodesBuilder();
    const tags = this.tags.data;
    const values = this.values.data;
    for (let r = 0; r < this.rows; r++) {
      const tag = tags[r]!;
      if (tag === MISSING) text.addMissing('');
      else text.addText(this.text(tag, values[r]!));
    }
    return text.finish(name).column as CodesColumn;
  }
}

/** Finishes one builder per column into a table, with the per-column stats and notes. */
export function finishTable(names: readonly string[], builders: readonly ValueBuilder[], rowCount: number): { table: Table; stats: ColumnImportStats[]; notes: string[] } {
  const built = builders.map((b, i) => {
    b.padTo(rowCount);
    return b.finish(names[i]!);
  });
  return { table: { rowCount, columns: built.map((b) => b.column) }, stats: built.map((b) => b.stats), notes: built.flatMap((b) => b.notes) };
}
