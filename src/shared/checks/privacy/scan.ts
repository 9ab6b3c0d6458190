/**
 * Runs a value test over one column and counts what it matched, weighted by rows.
 *
 * Text (codes) columns: each DISTINCT dictionary value is tested once (trimmed), then one pass
 * over the codes adds up rows — so a million rows with a thousand distinct values cost a thousand
 * tests. Only the first VALUES_CAP distinct values (dictionary order = first seen first) are
 * tested; rows holding later values are "not examined" and the share is over examined rows.
 *
 * Number columns: only when the caller gives a way to write a number as the text to test (e.g.
 * integers in a "phone" column); the first VALUES_CAP present values are examined.
 */
import type { CodesColumn, Column, NumberColumn } from '../../table';
import { MAX_EXAMPLES, MAX_ROW_EXAMPLES, VALUES_CAP } from './kinds';
import { trimmed } from './quick';
import { MATCH, SHAPE_ONLY, type ValueTest } from './verdict';

export interface ScanResult {
  /** Rows with a value. */
  present: number;
  /** Present rows whose value was examined (all of them unless the cap was reached). */
  examined: number;
  /** Examined rows whose value matched. */
  matched: number;
  /** Examined rows whose value had the right shape but failed its check digits. */
  shapeOnly: number;
  /** Distinct values tested (text columns) or values tested (number columns). */
  valuesTested: number;
  /** True when the cap stopped the scan before the end of the column. */
  capped: boolean;
  /** Up to MAX_EXAMPLES distinct matched values, unmasked (the finding masks them). */
  examples: string[];
  /** Up to MAX_ROW_EXAMPLES 1-based row numbers of matched rows. */
  rowExamples: number[];
  /** Distinct matched values (text columns); matched values (number columns). */
  distinctMatched: number;
  /** Matched rows per label, when ScanOptions.tag labels values (e.g. { ssn: 3, nino: 1 }). */
  tags: Map<string, number>;
}

export interface ScanOptions {
  cap?: number;
  /** Optional label for each matched value (e.g. 'ssn' or 'nino'); rows are counted per label. */
  tag?: (value: string) => string | null;
}

export function scanCodes(column: CodesColumn, test: ValueTest, opts: ScanOptions = {}): ScanResult | null {
  const cap = Math.min(column.dictionary.length, opts.cap ?? VALUES_CAP);
  const verdicts = new Uint8Array(cap);
  let any = false;
  for (let i = 0; i < cap; i++) {
    const v = trimmed(column.dictionary[i]!);
    if (v === '') continue;
    const verdict = test(v);
    verdicts[i] = verdict;
    if (verdict === MATCH) any = true;
  }
  // Nothing matched: no need to count rows at all.
  if (!any) return null;
  // Labels as small numbers per code (0 = none), so the row pass does no map look-ups.
  const labels: string[] = [];
  const tagOf = opts.tag ? new Uint8Array(cap) : null;
  const examples: string[] = [];
  let distinctMatched = 0;
  for (let i = 0; i < cap; i++) {
    if (verdicts[i] !== MATCH) continue;
    distinctMatched++;
    const v = column.dictionary[i]!.trim();
    if (examples.length < MAX_EXAMPLES) examples.push(v);
    const t = tagOf && opts.tag!(v);
    if (tagOf && t) {
      if (!labels.includes(t)) labels.push(t);
      tagOf[i] = labels.indexOf(t) + 1;
    }
  }
  const labelRows = new Float64Array(labels.length + 1);
  const rowExamples: number[] = [];
  let present = 0;
  let examined = 0;
  let matched = 0;
  let shapeOnly = 0;
  const codes = column.codes;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (c < 0) continue;
    present++;
    if (c >= cap) continue;
    examined++;
    const v = verdicts[c];
    if (v === MATCH) {
      matched++;
      if (rowExamples.length < MAX_ROW_EXAMPLES) rowExamples.push(r + 1);
      if (tagOf) labelRows[tagOf[c]!]!++;
    } else if (v === SHAPE_ONLY) shapeOnly++;
  }
  const tags = new Map(labels.map((l, i) => [l, labelRows[i + 1]!] as const));
  return { present, examined, matched, shapeOnly, valuesTested: cap, capped: cap < column.dictionary.length, examples, rowExamples, distinctMatched, tags };
}

export function scanNumbers(column: NumberColumn, toText: (v: number) => string | null, test: ValueTest, opts: ScanOptions = {}): ScanResult | null {
  const cap = opts.cap ?? VALUES_CAP;
  const { values, valid } = column;
  const examples: string[] = [];
  const rowExamples: number[] = [];
  const tags = new Map<string, number>();
  let present = 0;
  let examined = 0;
  let matched = 0;
  let shapeOnly = 0;
  for (let r = 0; r < values.length; r++) {
    if (!valid[r]) continue;
    present++;
    if (examined >= cap) continue;
    examined++;
    const text = toText(values[r]!);
    if (text === null) continue;
    const verdict = test(text);
    if (verdict === SHAPE_ONLY) shapeOnly++;
    if (verdict !== MATCH) continue;
    matched++;
    if (rowExamples.length < MAX_ROW_EXAMPLES) rowExamples.push(r + 1);
    if (examples.length < MAX_EXAMPLES && !examples.includes(text)) examples.push(text);
    const t = opts.tag?.(text);
    if (t) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  if (matched === 0) return null;
  return { present, examined, matched, shapeOnly, valuesTested: examined, capped: examined < present, examples, rowExamples, distinctMatched: matched, tags };
}

/** A non-negative whole number written out in full ("5553381248"), or null. */
export function integerText(v: number): string | null {
  return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
}

export function scanColumn(column: Column, test: ValueTest, toText: ((v: number) => string | null) | null, opts: ScanOptions = {}): ScanResult | null {
  if (column.storage === 'codes') return column.kind === 'boolean' || column.kind === 'empty' ? null : scanCodes(column, test, opts);
  return toText && column.kind === 'integer' ? scanNumbers(column, toText, test, opts) : null;
}
