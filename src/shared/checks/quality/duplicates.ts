/**
 * Repeated rows and repeated ids, found with exact row grouping (row-groups.ts): one hash pass per
 * column over the typed arrays, then an open-addressing table; no per-row strings. Nearly repeated
 * rows are defined once (nearRepeats), for the check and for the flagged-rows export
 * (nearDuplicateRows).
 */
import type { Finding } from '../../findings/types';
import type { Column, Table } from '../../table';
import { CheckCache, cacheOf } from '../cache/check-cache';
import { columnFirstOf, rowFirstOf, uniqueColumnAmong } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, MAX_EXAMPLE_ROWS, orPassed, qualityFinding } from './common';
import { firstOccurrences, keyOf, type KeyColumn, repeatedRows } from './row-groups';

export const DUPLICATE_ROWS = 'quality.duplicate-rows';
export const DUPLICATE_IDS = 'quality.duplicate-ids';
export const NEAR_DUPLICATES = 'quality.near-duplicates';

/** Share of repeated rows at or above which duplicates are 'medium' (1%); 'high' at 10%. */
const DUPLICATE_MEDIUM = 0.01;
const DUPLICATE_HIGH = 0.1;
const DUPLICATE_RULE = 'Repeats are 10% or more of the rows → high; 1% or more → medium; less → low.';

const duplicateSeverity = (share: number): 'high' | 'medium' | 'low' => (share >= DUPLICATE_HIGH ? 'high' : share >= DUPLICATE_MEDIUM ? 'medium' : 'low');


/**
 * quality.duplicate-rows — a row is a duplicate when every checked column holds the same value as
 * in an earlier row (missing equals missing). Count = rows that repeat an earlier row (the first
 * occurrence is not counted), so removing them leaves every distinct row once.
 */
export const duplicateRowsCheck: Check = {
  id: DUPLICATE_ROWS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const columns = checkedColumns(input);
    // An id column whose values are all different makes every row different: no grouping needed.
    const ids = new Set(input.roles.ids);
    const first = rowFirstOf(cacheOf(input), columns, columns.filter((c) => ids.has(c.name)));
    const { count, examples, firstOf } = repeatedRows(first, MAX_EXAMPLE_ROWS);
    const findings: Finding[] = [];
    if (count > 0) {
      const share = count / n;
      findings.push(
        qualityFinding(DUPLICATE_ROWS, 'rows', {
          severity: duplicateSeverity(share),
          severityRule: DUPLICATE_RULE,
          columns: columns.map((c) => c.name),
          rows: { count, examples },
          numbers: { duplicates: count, rows: n, share, distinct: n - count, firstExample: examples[0] ?? null, firstExampleOf: firstOf[0]?.[1] ?? null },
          examples: firstOf.map(([row, of]) => `row ${row} repeats row ${of}`),
          sampleSize: n,
        }),
      );
    }
    return {
      evidence: { rows: n, duplicateRows: count, examples: firstOf.map(([row, of]) => ({ row, of })) },
      findings: orPassed(findings, DUPLICATE_ROWS, { rows: n, duplicates: 0 }, n),
    };
  },
};

/**
 * quality.duplicate-ids — for each column in roles.ids: rows whose id (present) equals the id of
 * an earlier row. Of those, the ones that are not exact duplicate rows mean two different records
 * share an id. Severity: different records share an id → medium; every repeat is an exact
 * duplicate row (already reported) → low. Missing ids are not counted as repeats.
 */
export const duplicateIdsCheck: Check = {
  id: DUPLICATE_IDS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const ids = new Set(input.roles.ids);
    const idColumns = checkedColumns(input).filter((c) => ids.has(c.name));
    if (idColumns.length === 0) return { evidence: { skipped: 'No column is marked as an id.' }, findings: [] };
    const cache = cacheOf(input);
    const rowFirst = rowFirstOf(cache, checkedColumns(input), idColumns);
    const findings: Finding[] = [];
    const evidence: { column: string; repeated: number; distinctRepeated: number; differentRecords: number }[] = [];
    for (const col of idColumns) {
      // First occurrences among the rows with an id: those of the whole column (missing equals
      // missing), with the missing rows left out — a present id never equals a missing one.
      const first = presentOnly(col, columnFirstOf(cache, col));
      let repeated = 0;
      let differentRecords = 0;
      const examples: number[] = [];
      const repeatedIds = new Uint8Array(n);
      const values: string[] = [];
      for (let i = 0; i < n; i++) {
        const f = first[i]!;
        if (f < 0 || f === i) continue;
        repeated++;
        if (rowFirst[i] !== rowFirst[f]) differentRecords++;
        if (examples.length < MAX_EXAMPLE_ROWS) examples.push(i + 1);
        if (repeatedIds[f] === 0) {
          repeatedIds[f] = 1;
          if (values.length < MAX_EXAMPLE_ROWS) values.push(col.storage === 'codes' ? col.dictionary[col.codes[i]!]! : String(col.values[i]));
        }
      }
      let distinctRepeated = 0;
      for (let i = 0; i < n; i++) distinctRepeated += repeatedIds[i]!;
      evidence.push({ column: col.name, repeated, distinctRepeated, differentRecords });
      if (repeated === 0) continue;
      findings.push(
        qualityFinding(DUPLICATE_IDS, col.name, {
          severity: differentRecords > 0 ? 'medium' : 'low',
          severityRule: 'Different rows share an id → medium; every repeated id belongs to an exact duplicate row → low.',
          columns: [col.name],
          rows: { count: repeated, examples },
          numbers: { repeated, distinctRepeated, differentRecords, exactDuplicates: repeated - differentRecords, rows: n },
          examples: values,
          sampleSize: n,
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, DUPLICATE_IDS, { rows: n, columns: idColumns.length }, n) };
  },
};

/** `first` with −1 for the rows where the column has no value (as firstOccurrences with those rows left out). */
function presentOnly(col: Column, first: Int32Array): Int32Array {
  const out = Int32Array.from(first);
  if (col.storage === 'codes') {
    const codes = col.codes;
    for (let i = 0; i < out.length; i++) if (codes[i]! < 0) out[i] = -1;
  } else {
    const valid = col.valid;
    for (let i = 0; i < out.length; i++) if (valid[i] === 0) out[i] = -1;
  }
  return out;
}

/** Trimmed and lower-cased (Unicode case folding as String.prototype.toLowerCase does it). */
export const foldText = (s: string): string => s.trim().toLowerCase();

/**
 * quality.near-duplicates' definition, shared by the check and the flagged-rows export: for each
 * row, the earlier row it nearly repeats, or −1. A near repeat equals an earlier row in `columns`
 * once text values are trimmed and lower-cased (numbers and dates as they are), and is not an
 * exact repeat of any earlier row (those are quality.duplicate-rows). Null when there can be none:
 * folding merges no two values, or one of `uniqueCandidates` (ids) that holds numbers, which
 * folding leaves as they are, differs in every row (found before any text is folded: folding a
 * free-text column's ~700,000 values took ~0.8 s at 1M rows). `cache`: the run's (exact row
 * groups are shared with duplicate rows); a fresh one, or no candidates, give the same answer.
 */
export function nearRepeats(table: Table, columns: readonly Column[], cache: CheckCache = new CheckCache(table), uniqueCandidates: readonly Column[] = []): Int32Array | null {
  const n = table.rowCount;
  if (uniqueColumnAmong(cache, columns, uniqueCandidates.filter((c) => c.storage === 'number'))) return null;
  let folded = false;
  const keys = columns.map((c): KeyColumn => {
    if (c.storage === 'number') return keyOf(c);
    const ids = new Map<string, number>();
    const remap = new Int32Array(c.dictionary.length);
    c.dictionary.forEach((v, code) => {
      const key = foldText(v);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      remap[code] = id;
    });
    if (ids.size === c.dictionary.length) return keyOf(c); // folding merges nothing here
    folded = true;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = c.codes[i]! < 0 ? -1 : remap[c.codes[i]!]!;
    return { storage: 'codes', codes };
  });
  if (!folded) return null;
  const near = firstOccurrences(n, keys);
  const exact = rowFirstOf(cache, columns);
  markNearRepeats(near, exact);
  return near;
}

/** Turns `near` (first occurrences once folded) into the earlier row each near repeat matches, −1 elsewhere. */
function markNearRepeats(near: Int32Array, exact: Int32Array): void {
  for (let i = 0; i < near.length; i++) {
    // A near repeat that is not an exact repeat of anything earlier.
    if (near[i] === i || exact[i] !== i) near[i] = -1;
  }
}

/**
 * The rows a near-duplicates finding counts (0-based, ascending) and the earlier row each matches,
 * from the finding's columns (the export rebuilds the full set with this). Null when a column is
 * not in the table.
 */
export function nearDuplicateRows(table: Table, columnNames: readonly string[]): { rows: Int32Array; of: Int32Array } | null {
  const columns = columnNames.map((name) => table.columns.find((c) => c.name === name));
  if (columns.length === 0 || columns.some((c) => c === undefined)) return null;
  const of = nearRepeats(table, columns as Column[]) ?? new Int32Array(table.rowCount).fill(-1);
  const rows: number[] = [];
  for (let i = 0; i < of.length; i++) if (of[i]! >= 0) rows.push(i);
  return { rows: Int32Array.from(rows), of };
}

/**
 * quality.near-duplicates — rows that equal an earlier row once text values are trimmed and
 * lower-cased, but are not exact duplicates (those are quality.duplicate-rows); see nearRepeats.
 * Severity as duplicate rows.
 */
export const nearDuplicatesCheck: Check = {
  id: NEAR_DUPLICATES,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const columns = checkedColumns(input);
    const ids = new Set(input.roles.ids);
    const repeats = nearRepeats(input.table, columns, cacheOf(input), columns.filter((c) => ids.has(c.name))) ?? new Int32Array(n).fill(-1);
    let count = 0;
    const examples: number[] = [];
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const f = repeats[i]!;
      if (f < 0) continue;
      count++;
      if (examples.length < MAX_EXAMPLE_ROWS) {
        examples.push(i + 1);
        pairs.push([i + 1, f + 1]);
      }
    }
    const findings: Finding[] = [];
    if (count > 0) {
      findings.push(
        qualityFinding(NEAR_DUPLICATES, 'rows', {
          severity: duplicateSeverity(count / n),
          severityRule: DUPLICATE_RULE,
          columns: columns.map((c) => c.name),
          rows: { count, examples },
          numbers: { nearDuplicates: count, rows: n, share: count / n, firstExample: pairs[0]?.[0] ?? null, firstExampleOf: pairs[0]?.[1] ?? null },
          examples: pairs.map(([row, of]) => `row ${row} matches row ${of} apart from capitals or spaces`),
          sampleSize: n,
        }),
      );
    }
    return { evidence: { rows: n, nearDuplicates: count }, findings: orPassed(findings, NEAR_DUPLICATES, { rows: n }, n) };
  },
};
