/**
 * One value written several ways ("NY", "ny ", "N.Y."), and values with spaces around them.
 * Both work on the dictionary of a text column (one entry per distinct value), then count rows.
 */
import type { Finding } from '../../findings/types';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, orPassed, qualityFinding, quoted, rowsWithCodes } from './common';

export const INCONSISTENT_SPELLINGS = 'quality.inconsistent-spellings';
export const SURROUNDING_SPACES = 'quality.surrounding-spaces';

/** Text columns with more distinct values than this are not compared (free text, ids). */
export const MAX_SPELLING_DICTIONARY = 50_000;
/** Share of rows holding a minority spelling at or above which the finding is 'medium'. */
const SPELLING_MEDIUM = 0.01;

/**
 * The spelling key: Unicode compatibility decomposition (NFKD) with accents (combining marks)
 * removed, lower case, punctuation removed (except a '.' or ',' between two digits, so "1.5" and
 * "15" stay apart), runs of white space made one space, trimmed. Two values with the same key
 * differ only in case, accents, punctuation or spacing.
 */
export function spellingKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)[.,](?=\d)/g, '$1\uE000')
    .replace(/\p{P}+/gu, '')
    .replace(/\uE000/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Variant {
  value: string;
  count: number;
}

/**
 * quality.inconsistent-spellings — in a category, yes/no or text column (≤ 50,000 distinct values;
 * ids left out), groups of two or more present values with the same spellingKey. Only what the
 * normalisation proves is reported: "N." and "North" have different keys and are not grouped.
 * Affected rows: rows holding a variant other than the most frequent one of its group.
 * Severity: affected rows ≥ 1% of the filled cells → medium; fewer → low.
 */
export const inconsistentSpellingsCheck: Check = {
  id: INCONSISTENT_SPELLINGS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const ids = new Set(input.roles.ids);
    const findings: Finding[] = [];
    const evidence: { column: string; groups: Variant[][] }[] = [];
    for (const col of checkedColumns(input)) {
      if (col.storage !== 'codes' || ids.has(col.name)) continue;
      if (col.kind !== 'category' && col.kind !== 'boolean' && col.kind !== 'text') continue;
      if (col.dictionary.length > MAX_SPELLING_DICTIONARY) continue;
      const { counts, present } = codeCountsOf(cacheOf(input), col);
      const byKey = new Map<string, number[]>();
      col.dictionary.forEach((value, code) => {
        if (counts[code] === 0) return;
        const key = spellingKey(value);
        if (key === '') return; // punctuation only ("-", "."): a missing marker, not a spelling
        const list = byKey.get(key);
        if (list) list.push(code);
        else byKey.set(key, [code]);
      });
      const groups: number[][] = [];
      for (const codes of byKey.values()) if (codes.length > 1) groups.push(codes.sort((a, b) => counts[b]! - counts[a]! || a - b));
      if (groups.length === 0) continue;
      groups.sort((a, b) => counts[b[0]!]! - counts[a[0]!]!);
      const minority = new Uint8Array(col.dictionary.length);
      for (const g of groups) for (const code of g.slice(1)) minority[code] = 1;
      const rows = rowsWithCodes(col, minority);
      const variantGroups = groups.map((g) => g.map((code) => ({ value: col.dictionary[code]!, count: counts[code]! })));
      evidence.push({ column: col.name, groups: variantGroups });
      const flat = variantGroups.flat();
      const share = present > 0 ? rows.count / present : 0;
      findings.push(
        qualityFinding(INCONSISTENT_SPELLINGS, col.name, {
          severity: share >= SPELLING_MEDIUM ? 'medium' : 'low',
          severityRule: `Rows with a less common spelling are ${SPELLING_MEDIUM * 100}% or more of the filled cells → medium; fewer → low.`,
          columns: [col.name],
          rows,
          numbers: {
            groups: groups.length,
            variants: flat.length,
            affected: rows.count,
            present,
            share,
            firstGroup: variantGroups[0]!.map((v) => quoted(v.value)).join(', '),
          },
          examples: variantGroups.map((g) => g.map((v) => `${quoted(v.value)} (${v.count})`).join(', ')),
          sampleSize: present,
          chart: {
            kind: 'bars',
            title: 'Spellings that mean the same value',
            labels: flat.map((v) => quoted(v.value)),
            values: flat.map((v) => v.count),
            unit: 'count',
            highlight: variantGroups.flatMap((g, gi) => g.map((_, vi) => ({ gi, vi }))).map((x, i) => (x.vi > 0 ? i : -1)).filter((i) => i >= 0),
          },
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, INCONSISTENT_SPELLINGS, { rows: n }, n) };
  },
};

/**
 * quality.surrounding-spaces — text values with white space before or after them ("north ").
 * They look like another value but are not equal to it. Severity: low.
 */
export const surroundingSpacesCheck: Check = {
  id: SURROUNDING_SPACES,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const findings: Finding[] = [];
    for (const col of checkedColumns(input)) {
      if (col.storage !== 'codes') continue;
      const marked = new Uint8Array(col.dictionary.length);
      const values: string[] = [];
      col.dictionary.forEach((v, code) => {
        if (v.length > 0 && v !== v.trim()) {
          marked[code] = 1;
          values.push(v);
        }
      });
      if (values.length === 0) continue;
      const rows = rowsWithCodes(col, marked);
      if (rows.count === 0) continue;
      findings.push(
        qualityFinding(SURROUNDING_SPACES, col.name, {
          severity: 'low',
          severityRule: 'Spaces around values → low (easy to fix, but they split one value in two).',
          columns: [col.name],
          rows,
          numbers: { cells: rows.count, values: values.length, rows: n, firstValue: values[0]! },
          examples: values.slice(0, 10).map(quoted),
          sampleSize: n,
        }),
      );
    }
    return { evidence: {}, findings: orPassed(findings, SURROUNDING_SPACES, { rows: n }, n) };
  },
};
