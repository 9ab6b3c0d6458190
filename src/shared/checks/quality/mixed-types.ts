/**
 * Columns holding more than one kind of value: text in a number or date column, and numbers kept
 * as text.
 */
import type { Finding } from '../../findings/types';
import { looksNumeric } from '../../missing';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, orPassed, qualityFinding, quoted, rowsWithCodes, summaryOf } from './common';

export const MIXED_TYPES = 'quality.mixed-types';
export const NUMBERS_AS_TEXT = 'quality.numbers-as-text';

/** Share of odd cells at or above which mixed types are 'medium' (below: 'low'). */
const MIXED_MEDIUM = 0.01;

/**
 * quality.mixed-types — a number or date column with cells the import could not read as one
 * (ColumnSummary.nonConforming; they are treated as missing by every analysis).
 * share = unreadable cells / cells that are not missing-value tokens.
 * Severity: share ≥ 1% → medium; less → low.
 */
export const mixedTypesCheck: Check = {
  id: MIXED_TYPES,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const findings: Finding[] = [];
    const evidence: { column: string; unreadable: number; share: number }[] = [];
    for (const col of checkedColumns(input)) {
      if (col.storage !== 'number') continue;
      const summary = summaryOf(input, col.name);
      if (!summary || summary.nonConforming === 0) continue;
      const filled = n - summary.missing;
      const share = filled > 0 ? summary.nonConforming / filled : 0;
      evidence.push({ column: col.name, unreadable: summary.nonConforming, share });
      const dates = col.kind === 'date' || col.kind === 'datetime';
      const first = summary.nonConformingExamples[0];
      findings.push(
        qualityFinding(MIXED_TYPES, col.name, {
          severity: share >= MIXED_MEDIUM ? 'medium' : 'low',
          severityRule: `Unreadable cells are ${MIXED_MEDIUM * 100}% or more of the filled cells → medium; fewer → low.`,
          columns: [col.name],
          // The import keeps line numbers for its first examples only, so no row list here.
          rows: { count: summary.nonConforming, examples: [] },
          numbers: {
            unreadable: summary.nonConforming,
            filled,
            share,
            expected: dates ? 'dates' : 'numbers',
            firstValue: first?.value ?? null,
            firstLine: first?.line ?? null,
          },
          examples: summary.nonConformingExamples.map((e) => `line ${e.line}: ${quoted(e.value)}`),
          sampleSize: filled,
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, MIXED_TYPES, { rows: n }, n) };
  },
};

/** A plain number, or one with thousands separators ("1,234,567.8"), surrounding spaces allowed. */
export function looksLikeNumberText(value: string): boolean {
  const t = value.trim();
  return looksNumeric(t) || /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t);
}

/** A text column counts as "numbers stored as text" when at least this share of its cells are numbers. */
export const NUMBERS_AS_TEXT_SHARE = 0.5;
const NUMBERS_AS_TEXT_MEDIUM = 0.9;

/**
 * quality.numbers-as-text — a text column (not an id, not yes/no) where at least 50% of the filled
 * cells are numbers (looksLikeNumberText). It is analysed as labels, so sums, averages, outliers
 * and correlations never see it. Severity: ≥ 90% numbers → medium; otherwise low.
 */
export const numbersAsTextCheck: Check = {
  id: NUMBERS_AS_TEXT,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const ids = new Set(input.roles.ids);
    const findings: Finding[] = [];
    for (const col of checkedColumns(input)) {
      if (col.storage !== 'codes' || col.kind === 'boolean' || col.kind === 'empty' || ids.has(col.name)) continue;
      const { counts, present } = codeCountsOf(cacheOf(input), col);
      if (present === 0) continue;
      const textCodes = new Uint8Array(col.dictionary.length);
      let numeric = 0;
      col.dictionary.forEach((v, code) => {
        if (looksLikeNumberText(v)) numeric += counts[code]!;
        else textCodes[code] = 1;
      });
      const share = numeric / present;
      if (share < NUMBERS_AS_TEXT_SHARE) continue;
      // The text that kept the column from being read as numbers, most frequent first.
      const others = col.dictionary
        .map((value, code) => ({ value, count: counts[code]! }))
        .filter((v, code) => textCodes[code] === 1 && v.count > 0)
        .sort((a, b) => b.count - a.count);
      const rows = rowsWithCodes(col, textCodes);
      findings.push(
        qualityFinding(NUMBERS_AS_TEXT, col.name, {
          severity: share >= NUMBERS_AS_TEXT_MEDIUM ? 'medium' : 'low',
          severityRule: `${NUMBERS_AS_TEXT_MEDIUM * 100}% or more of the cells are numbers → medium; ${NUMBERS_AS_TEXT_SHARE * 100}% or more → low.`,
          columns: [col.name],
          rows,
          numbers: { numeric, present, share, textCells: present - numeric, firstText: others[0]?.value ?? null },
          examples: others.slice(0, 10).map((v) => `${quoted(v.value)}: ${v.count} cells`),
          sampleSize: present,
        }),
      );
    }
    return { evidence: {}, findings: orPassed(findings, NUMBERS_AS_TEXT, { rows: n }, n) };
  },
};
