/**
 * Column builders: each receives one column's cells as bytes, one row at a time, and builds typed
 * storage directly (no per-row objects). Cells that do not fit the column's detected type are
 * counted, kept (so nothing is lost) and reported as examples with their line numbers.
 */
import type { Column } from '../../../shared/table';
import { isBooleanToken, parseIsoDateTime, parseSlashDate, type DateOrder, type NumberConvention } from '../../../shared/value-patterns';
import { QUOTED, fieldText } from '../csv/byte-tokenizer';
import { PACK_ABOVE, rememberPacked } from '../../store/dictionary-codec';
import { ByteDictionary, type DictionaryPart } from './byte-dictionary';
import { parseIsoDateBytes } from './date-bytes';
import { parseNumberBytes } from '../csv/number-bytes';
import { GrowableFloat64, GrowableInt32 } from './growable';
import type { DistinctHint, StorageGuess } from './detect-kind';
import { uint8s } from '../../../shared/big-arrays';

export interface CellExample {
  line: number;
  value: string;
}

export interface ColumnImportStats {
  missing: number;
  /** Missing-value tokens seen in this column, with counts (e.g. { '': 10, NA: 3 }). */
  missingTokens: Record<string, number>;
  /** Cells that did not fit the detected type (e.g. text in a number column). */
  nonConforming: number;
  nonConformingExamples: CellExample[];
  dateOrder?: DateOrder;
}

export interface BuiltColumn {
  column: Column;
  stats: ColumnImportStats;
}

const MAX_EXAMPLES = 5;

/**
 * What a builder read from one part of a file (on another thread): everything `absorb` needs to
 * append it to the builder that read the part before, with the result of reading both in one go.
 * Plain data and typed arrays, so it crosses threads by structured clone with the arrays moved.
 */
export interface BuilderPart {
  rows: number;
  missing: number;
  tokens: Record<string, number>;
  nonConforming: number;
  examples: CellExample[];
  /** Numbers and dates: the values (NaN for missing or odd), the odd cells' text by row, and what finish() decides by. */
  values?: Float64Array;
  odd?: [number, string][];
  allIntegers?: boolean;
  hasTime?: boolean;
  /** Text: codes into the part's own dictionary. */
  codes?: Int32Array;
  dictionary?: DictionaryPart;
  totalBytes?: number;
}

/** The typed arrays a part holds, to move rather than copy them between threads. */
export function partBuffers(part: BuilderPart): ArrayBuffer[] {
  const arrays = [part.values, part.codes, part.dictionary?.arena, part.dictionary?.starts, part.dictionary?.ends, part.dictionary?.hashes];
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer))];
}

export abstract class ColumnBuilder {
  protected rows = 0;
  protected missing = 0;
  protected readonly tokens: Record<string, number> = {};
  protected nonConforming = 0;
  protected readonly examples: CellExample[] = [];

  addMissing(token: string): void {
    this.tokens[token] = (this.tokens[token] ?? 0) + 1;
    this.missing++;
    this.pushMissing();
    this.rows++;
  }

  /** Called now and then in long work on a whole column (appending a part, finishing): a reader's Cancel check. */
  check: () => void = () => {};

  abstract add(bytes: Buffer, start: number, end: number, flag: number, line: number): void;
  /**
   * Makes room for about `rows` rows (an estimate from the file size), so arrays need not double;
   * `readRows` of them read by this builder, the rest appended from another's part (absorb).
   */
  abstract reserve(rows: number, readRows?: number): void;
  protected abstract pushMissing(): void;
  abstract finish(name: string): BuiltColumn;

  /** The part this builder read (see BuilderPart); subclasses add their data. */
  toPart(): BuilderPart {
    return { rows: this.rows, missing: this.missing, tokens: this.tokens, nonConforming: this.nonConforming, examples: this.examples };
  }

  /**
   * Appends the part read after this builder's rows, whose line numbers start `lineOffset` lines
   * later. Subclasses append their data first (they need `rows` as it was), then call this.
   * Returns the buffers of its own it outgrew on the way, which nothing holds any more (the
   * caller releases them with the part's: see read-delimited's appendPart).
   */
  absorb(part: BuilderPart, lineOffset: number): ArrayBuffer[] {
    for (const [token, n] of Object.entries(part.tokens)) this.tokens[token] = (this.tokens[token] ?? 0) + n;
    this.missing += part.missing;
    this.nonConforming += part.nonConforming;
    for (const e of part.examples) if (this.examples.length < MAX_EXAMPLES) this.examples.push({ line: e.line + lineOffset, value: e.value });
    this.rows += part.rows;
    return [];
  }

  protected noteNonConforming(line: number, value: string): void {
    this.nonConforming++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ line, value });
  }

  protected stats(extra: Partial<ColumnImportStats> = {}): ColumnImportStats {
    return { missing: this.missing, missingTokens: this.tokens, nonConforming: this.nonConforming, nonConformingExamples: this.examples, ...extra };
  }
}

/** Strings → dictionary codes. Decides category / text / id / boolean from what it saw. */
export class CodesBuilder extends ColumnBuilder {
  private readonly codes = new GrowableInt32();
  private readonly dict = new ByteDictionary();

  constructor(private readonly distinct?: DistinctHint) {
    super();
  }
  /** Total UTF-8 bytes of present values (for the average length). */
  private totalBytes = 0;

  add(bytes: Buffer, start: number, end: number, flag: number): void {
    if (flag === 0 || flag === QUOTED) {
      this.codes.push(this.dict.code(bytes, start, end));
      this.totalBytes += end - start;
      this.rows++;
    } else {
      this.addText(fieldText(bytes, start, end, flag));
    }
  }

  /** A plain (unquoted) value whose FNV-1a hash the scanner already computed. */
  addHashed(bytes: Buffer, start: number, end: number, hash: number): void {
    this.codes.push(this.dict.codeHashed(bytes, start, end, hash));
    this.totalBytes += end - start;
    this.rows++;
  }

  /**
   * With a DistinctHint, the dictionary too: its values and their bytes for all `rows` (pages never
   * written take no memory), and its lookup table (which is written all over) for the values of
   * the rows this builder reads itself: after a part is absorbed nothing is looked up.
   */
  reserve(rows: number, readRows = rows): void {
    this.codes.reserve(rows);
    const hint = this.distinct;
    if (!hint) return;
    const entries = Math.ceil(rows * hint.share);
    this.dict.reserve(entries, Math.ceil(entries * hint.valueBytes * 1.1), Math.ceil(readRows * hint.share));
  }

  addText(text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.add(b, 0, b.length, 0);
  }

  protected pushMissing(): void {
    this.codes.push(-1);
  }

  override toPart(): BuilderPart {
    return { ...super.toPart(), codes: this.codes.data.subarray(0, this.codes.length), dictionary: this.dict.toPart(), totalBytes: this.totalBytes };
  }

  override absorb(part: BuilderPart, lineOffset: number): ArrayBuffer[] {
    const before = this.dict.buffers();
    const map = this.dict.absorb(part.dictionary!, this.check);
    const kept = new Set(this.dict.buffers());
    // Remapped in place: the part's arrays are this builder's to use up.
    const codes = part.codes!;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c >= 0) codes[i] = map[c]!;
    }
    const outgrown = [...before.filter((b) => !kept.has(b)), map.buffer as ArrayBuffer, this.codes.append(codes)];
    this.totalBytes += part.totalBytes!;
    super.absorb(part, lineOffset);
    return outgrown.filter((b) => b !== null);
  }

  /**
   * The column; this builder is used up (its dictionary's byte arrays are freed). A big dictionary
   * keeps its values' bytes, for the save to store them from (see store/dictionary-codec).
   */
  finish(name: string): BuiltColumn {
    let dictionary: string[];
    let innerSpace: (() => boolean) | undefined;
    if (this.dict.size > PACK_ABOVE) {
      // Read from the bytes before they are kept for the save only: no string is made for it.
      const spaced = this.dict.hasInnerSpace();
      innerSpace = () => spaced;
      const kept = this.dict.releaseKeepingPacked();
      dictionary = kept.values;
      rememberPacked(dictionary, dictionary.length, kept.pieces);
    } else {
      dictionary = this.dict.valuesWith(this.check);
      this.dict.release();
    }
    const kind = classifyCodes(dictionary, this.rows - this.missing, this.totalBytes, innerSpace);
    return { column: { storage: 'codes', name, kind, codes: this.codes.finish(), dictionary }, stats: this.stats() };
  }
}

/**
 * How a text column is used: boolean (only yes/no-like values), id (nearly every value different),
 * free text (long or mostly unique values), or category.
 */
export function classifyCodes(
  dictionary: readonly string[],
  present: number,
  totalLength: number,
  /** Whether a value has white space between other characters (a caller may know it without the strings). */
  innerSpace = (): boolean => dictionary.some((d) => /\s/.test(d.trim())),
): 'boolean' | 'category' | 'text' | 'id' | 'empty' {
  const distinct = dictionary.length;
  if (present === 0) return 'empty';
  if (distinct <= 2 && dictionary.every(isBooleanToken)) return 'boolean';
  // Bytes, not characters: close enough to tell short labels from sentences.
  const avgLength = totalLength / present;
  // (Nearly) every value different: an identifier when short and without spaces (duplicate ids
  // are a quality problem, not a reason to stop being an id), free text otherwise.
  if (distinct >= 0.9 * present && present >= 20) return avgLength <= 40 && !innerSpace() ? 'id' : 'text';
  if (avgLength > 40 || (present > 50 && distinct > 0.5 * present)) return 'text';
  return 'category';
}

/**
 * A column parsed into numbers (numbers, dates). Cells that do not parse are kept aside with their
 * text; when more than 10% of present cells do not parse, the column becomes text after all, so a
 * wrong guess from the sample never loses data.
 */
abstract class ParsedBuilder extends ColumnBuilder {
  /** NaN marks a missing cell or one that did not parse (no parse yields NaN), so the validity mask is derived once at the end. */
  protected readonly values = new GrowableFloat64();
  /** Row → original text, for cells that did not parse. */
  private readonly odd = new Map<number, string>();

  reserve(rows: number): void {
    this.values.reserve(rows);
  }

  protected pushParsed(v: number, line: number, text: () => string): void {
    if (Number.isNaN(v)) this.pushOdd(line, text());
    else this.values.push(v);
    this.rows++;
  }

  /** A cell that did not parse: NaN, its text kept aside. (No rows++; the caller counts.) */
  protected pushOdd(line: number, text: string): void {
    this.noteNonConforming(line, text);
    this.odd.set(this.rows, text);
    this.values.push(NaN);
  }

  protected pushMissing(): void {
    this.values.push(NaN);
  }

  override toPart(): BuilderPart {
    return { ...super.toPart(), values: this.values.data.subarray(0, this.values.length), odd: [...this.odd] };
  }

  override absorb(part: BuilderPart, lineOffset: number): ArrayBuffer[] {
    const at = this.rows;
    const outgrown = this.values.append(part.values!);
    for (const [row, text] of part.odd!) this.odd.set(at + row, text);
    super.absorb(part, lineOffset);
    return outgrown ? [outgrown] : [];
  }

  protected tooManyOdd(): boolean {
    const present = this.rows - this.missing;
    return present > 0 && this.nonConforming > 0.1 * present;
  }

  /** The values and their validity mask (1 = a value). */
  protected finishValues(): { values: Float64Array; valid: Uint8Array } {
    const values = this.values.finish();
    const valid = uint8s(values.length);
    // NaN marks exactly the missing cells and those that did not parse: with neither, all are valid.
    if (this.missing === 0 && this.odd.size === 0) valid.fill(1);
    else for (let i = 0; i < values.length; i++) valid[i] = values[i] === values[i] ? 1 : 0;
    return { values, valid };
  }

  /** How a parsed value is written when the column falls back to text. */
  protected abstract format(v: number): string;

  protected asText(name: string): BuiltColumn {
    const text = new CodesBuilder();
    const values = this.values.data;
    for (let r = 0; r < this.rows; r++) {
      const odd = this.odd.get(r);
      if (odd !== undefined) text.addText(odd);
      else if (!Number.isNaN(values[r]!)) text.addText(this.format(values[r]!));
      else text.addMissing('');
    }
    const built = text.finish(name);
    return { column: built.column, stats: { ...this.stats(), nonConforming: 0, nonConformingExamples: [] } };
  }
}

/** Numbers, parsed straight from bytes in the file's convention. */
export class NumberBuilder extends ParsedBuilder {
  private readonly decimal: number;
  private readonly group: number;
  private allIntegers = true;

  constructor(conv: NumberConvention) {
    super();
    this.decimal = conv.decimal.charCodeAt(0);
    this.group = conv.group ? conv.group.charCodeAt(0) : 0;
  }

  add(bytes: Buffer, start: number, end: number, flag: number, line: number): void {
    const v = parseNumberBytes(bytes, start, end, this.decimal, this.group);
    // A literal too large for a double ("1e309") parses to ±Infinity, which no analysis can use:
    // it is kept as text, like any cell that is not a number (the typed readers do the same).
    if (v - v === 0) {
      // Finite. (NaN and ±Infinity fail v - v === 0.)
      if (this.allIntegers && Math.floor(v) !== v) this.allIntegers = false;
      this.values.push(v);
    } else this.pushOdd(line, fieldText(bytes, start, end, flag));
    this.rows++;
  }

  /** A finite number the scanner parsed exactly as `add` would have. */
  addNumber(v: number): void {
    if (this.allIntegers && Math.floor(v) !== v) this.allIntegers = false;
    this.values.push(v);
    this.rows++;
  }

  override toPart(): BuilderPart {
    return { ...super.toPart(), allIntegers: this.allIntegers };
  }

  override absorb(part: BuilderPart, lineOffset: number): ArrayBuffer[] {
    if (!part.allIntegers) this.allIntegers = false;
    return super.absorb(part, lineOffset);
  }

  /** The convention's decimal mark and thousands separator (0 for none), as bytes. */
  get marks(): { decimal: number; group: number } {
    return { decimal: this.decimal, group: this.group };
  }

  protected format(v: number): string {
    return String(v);
  }

  finish(name: string): BuiltColumn {
    if (this.tooManyOdd()) return this.asText(name);
    return {
      column: { storage: 'number', name, kind: this.allIntegers ? 'integer' : 'decimal', ...this.finishValues() },
      stats: this.stats(),
    };
  }
}

/** Dates (ISO, or d/m/y in a detected order) as epoch milliseconds UTC. */
export class DateBuilder extends ParsedBuilder {
  private hasTime = false;

  constructor(private readonly order: DateOrder) {
    super();
  }

  add(bytes: Buffer, start: number, end: number, flag: number, line: number): void {
    if (this.order === 'iso' && flag === 0) {
      const fast = parseIsoDateBytes(bytes, start, end);
      if (!Number.isNaN(fast)) return this.pushParsed(fast, line, () => '');
    }
    const text = fieldText(bytes, start, end, flag);
    const v = this.order === 'iso' ? parseIsoDateTime(text) : parseSlashDate(text, this.order);
    if (!this.hasTime && !Number.isNaN(v) && v % 86_400_000 !== 0) this.hasTime = true;
    this.pushParsed(v, line, () => text);
  }

  override toPart(): BuilderPart {
    return { ...super.toPart(), hasTime: this.hasTime };
  }

  override absorb(part: BuilderPart, lineOffset: number): ArrayBuffer[] {
    if (part.hasTime) this.hasTime = true;
    return super.absorb(part, lineOffset);
  }

  protected format(v: number): string {
    const iso = new Date(v).toISOString();
    return this.hasTime ? iso : iso.slice(0, 10);
  }

  finish(name: string): BuiltColumn {
    if (this.tooManyOdd()) return this.asText(name);
    const kind = this.hasTime ? 'datetime' : 'date';
    return {
      column: { storage: 'number', name, kind, ...this.finishValues() },
      stats: this.stats({ dateOrder: this.order }),
    };
  }
}

/** The builder for a column whose storage was chosen from the sample. */
export function builderFor(g: StorageGuess, conv: NumberConvention): ColumnBuilder {
  return g.storage === 'number' ? new NumberBuilder(conv) : g.storage === 'date' ? new DateBuilder(g.order) : new CodesBuilder(g.distinct);
}
