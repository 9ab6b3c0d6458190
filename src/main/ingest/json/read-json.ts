/**
 * Reads JSON tables: an array of objects (`[{…}, {…}]`) or NDJSON / JSON Lines (one object per
 * line). The file streams in pieces; each item (or line) is parsed on its own, so the file is never
 * one string and rows are never held as objects. Columns are the union of the keys in first-seen
 * order; nested objects and arrays are kept as their JSON text, with a note. Synchronous.
 */
import { uniqueColumnNames } from '../columns/names';
import { ValueBuilder, finishTable } from '../columns/value-builder';
import { isoDateMs } from './iso-date';
import { NUMBER_FORMAT, fileError, withFile, type HashedFile, type ReadContext, type ReadOptions, type ReadResult } from '../read-result';
import { ArraySplitter, memberTexts, type SplitProblem } from './json-split';

export interface JsonOptions extends ReadOptions {
  /** Largest single item or line, in bytes (default 64 MB). */
  maxItemBytes?: number | undefined;
}

const SUPPORTED = 'Slicewise reads JSON as an array of objects ([{"a": 1}, {"a": 2}]) or as one object per line (NDJSON / JSON Lines).';

/** Collects rows of typed values into one builder per key. */
class ObjectRows {
  readonly keys = new Map<string, ValueBuilder>();
  readonly nested = new Map<string, number>();
  rows = 0;

  constructor(private readonly missingTokens: readonly string[]) {}

  add(obj: Record<string, unknown>, line: number, raw: () => Map<string, string>): void {
    let texts: Map<string, string> | null = null;
    for (const key in obj) {
      let b = this.keys.get(key);
      if (!b) {
        b = new ValueBuilder(this.missingTokens);
        b.padTo(this.rows);
        this.keys.set(key, b);
      }
      const v = obj[key];
      if (typeof v === 'object' && v !== null) {
        texts ??= raw();
        b.addString(texts.get(key) ?? '', line);
        this.nested.set(key, (this.nested.get(key) ?? 0) + 1);
      } else if (typeof v === 'string' && v.length >= 10 && v.charCodeAt(0) >= 0x30 && v.charCodeAt(0) <= 0x39) {
        // Dates travel as ISO 8601 strings in JSON.
        const ms = isoDateMs(v);
        if (Number.isNaN(ms)) b.addString(v, line);
        else b.addDate(ms, line);
      } else {
        b.add(v as string | number | boolean | null | undefined, line);
      }
    }
    this.rows++;
    // Keys this row lacks are missing in it.
    for (const b of this.keys.values()) if (b.rows < this.rows) b.addMissing('');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readJsonFile(path: string, opts: JsonOptions, ctx: ReadContext): ReadResult {
  return withFile(path, (f) => {
    const file = f.file;
    if (f.size === 0) throw fileError('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
    let first = f.next();
    if (!first) throw fileError('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
    if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) first = first.subarray(3);
    let at = 0;
    while (at < first.length && (first[at] === 0x20 || first[at] === 0x09 || first[at] === 0x0a || first[at] === 0x0d)) at++;
    if (at === first.length && f.position >= f.size) throw fileError('EMPTY_FILE', file, `${file} has only blank space: there is nothing to import.`);
    const lead = first[at];
    if (lead !== 0x5b && lead !== 0x7b) throw fileError('PARSE_ERROR', file, `${file} is not a JSON table. ${SUPPORTED}`);
    const rows = new ObjectRows(opts.missingTokens);
    const maxItemBytes = opts.maxItemBytes ?? 64 * 1024 * 1024;
    const format = lead === 0x5b ? 'json' : 'ndjson';
    if (format === 'json') readArray(f, first, rows, maxItemBytes, ctx);
    else readLines(f, first, rows, maxItemBytes, ctx);
    if (rows.rows === 0) throw fileError('EMPTY_FILE', file, `${file} has no rows: ${format === 'json' ? 'the array is empty' : 'there are no objects in it'}.`);
    if (rows.keys.size === 0) throw fileError('EMPTY_FILE', file, `${file} has ${NUMBER_FORMAT.format(rows.rows)} objects, but none has any keys, so there are no columns.`);
    const unique = uniqueColumnNames([...rows.keys.keys()]);
    const notes = [...unique.notes];
    for (const [key, n] of rows.nested) notes.push(`Column "${key}" holds nested objects or lists in ${NUMBER_FORMAT.format(n)} row${n === 1 ? '' : 's'}; they were kept as their JSON text.`);
    const built = finishTable(unique.names, [...rows.keys.values()], rows.rows);
    ctx.progress('Reading', 1, `${NUMBER_FORMAT.format(rows.rows)} rows`);
    return { ...built, notes: [...notes, ...built.notes], format, options: { format, rows: rows.rows }, source: f.fingerprint() };
  });
}

function parseItem(text: string, file: string, line: number, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message.replace(/^Unexpected/, 'unexpected').replace(/ in JSON at position \d+.*$/s, '');
    throw fileError('PARSE_ERROR', file, `${file}: ${what} starting on line ${line} is not valid JSON (${why}).`, { line });
  }
}

function readArray(f: HashedFile, first: Buffer, rows: ObjectRows, maxItemBytes: number, ctx: ReadContext): void {
  const file = f.file;
  const problem: (p: SplitProblem) => never = (p) => {
    const msg =
      p.kind === 'not-array' ? `${file} is not a JSON array. ${SUPPORTED}`
      : p.kind === 'not-object' ? `${file}: item ${NUMBER_FORMAT.format(p.item)} of the array (line ${p.line}) is not an object with named values. ${SUPPORTED}`
      : p.kind === 'syntax' ? `${file}: the JSON is damaged on line ${p.line}: expected ${p.expected}.`
      : p.kind === 'too-large' ? `${file}: the item starting on line ${p.line} is larger than ${Math.round(maxItemBytes / 1024 ** 2)} MB; the file may be damaged.`
      : `${file} ends before the JSON array is closed (last item started on line ${p.line}); the file may be cut short.`;
    throw fileError('PARSE_ERROR', file, msg, { line: p.line });
  };
  const splitter = new ArraySplitter(
    (bytes, line, nested) => {
      const text = bytes.toString('utf8');
      const value = parseItem(text, file, line, 'the item');
      if (!isObject(value)) problem({ kind: 'not-object', line, item: splitter.items });
      rows.add(value, line, nested ? () => memberTexts(text) : () => new Map());
    },
    problem,
    maxItemBytes,
  );
  splitter.push(first);
  for (let piece = f.next(); piece; piece = f.next()) {
    ctx.throwIfCancelled();
    ctx.progress('Reading', f.position / f.size, `${NUMBER_FORMAT.format(rows.rows)} rows`);
    splitter.push(piece);
  }
  splitter.end();
}

function readLines(f: HashedFile, first: Buffer, rows: ObjectRows, maxItemBytes: number, ctx: ReadContext): void {
  const file = f.file;
  let line = 0;
  let carry: Buffer | null = null;
  const onLine = (bytes: Buffer): void => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    const text = bytes.toString('utf8', 0, end);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      if (line === 1 && text.trim() === '{') {
        throw fileError('PARSE_ERROR', file, `${file} looks like one JSON object written over several lines, not a table. ${SUPPORTED}`, { line });
      }
      const why = (err as Error).message.replace(/ in JSON at position \d+.*$/s, '');
      throw fileError('PARSE_ERROR', file, `${file}: line ${line} is not valid JSON (${why}). In NDJSON every line must be one complete object; fix or remove that line and import again.`, { line });
    }
    if (!isObject(value)) throw fileError('PARSE_ERROR', file, `${file}: line ${line} is not an object with named values. ${SUPPORTED}`, { line });
    rows.add(value, line, () => memberTexts(text));
  };
  const push = (piece: Buffer): void => {
    let start = 0;
    for (let nl = piece.indexOf(0x0a); nl >= 0; nl = piece.indexOf(0x0a, start)) {
      onLine(carry ? Buffer.concat([carry, piece.subarray(start, nl)]) : piece.subarray(start, nl));
      carry = null;
      start = nl + 1;
    }
    if (start < piece.length) carry = carry ? Buffer.concat([carry, piece.subarray(start)]) : piece.subarray(start);
    if (carry && carry.length > maxItemBytes) {
      throw fileError('PARSE_ERROR', file, `${file}: line ${line + 1} is longer than ${Math.round(maxItemBytes / 1024 ** 2)} MB; the file may be damaged.`, { line: line + 1 });
    }
  };
  push(first);
  for (let piece = f.next(); piece; piece = f.next()) {
    ctx.throwIfCancelled();
    ctx.progress('Reading', f.position / f.size, `${NUMBER_FORMAT.format(rows.rows)} rows`);
    push(piece);
  }
  if (carry) onLine(carry);
}
