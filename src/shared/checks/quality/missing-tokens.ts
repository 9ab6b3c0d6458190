/**
 * quality.missing-tokens — one column writing "no value" in more than one way, or with a word that
 * is not on the import's missing-value list and so is read as a real value (text columns) or as an
 * unreadable cell (number and date columns).
 *
 * Definitions:
 *  - listed tokens: the import's missing-value tokens seen in the column (ColumnSummary.missingTokens,
 *    '' = empty cell), with counts;
 *  - likely missing markers: present values that, trimmed and lower-cased, are one of
 *    LIKELY_MISSING_MARKERS (e.g. "n/a", "unknown", "-", "none", "missing", "#N/A"). In text columns
 *    they are counted exactly; in number and date columns only the importer's examples of
 *    unreadable cells are known, so they are listed without a count.
 * A finding when the column uses 2 or more ways in total, or any likely marker.
 * Severity: likely markers present → medium (they are analysed as values, or lost as unreadable);
 * only listed tokens → low (all are already read as missing; tidy-up only).
 */
import type { Finding } from '../../findings/types';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, orPassed, qualityFinding, quoted, rowsWithCodes, summaryOf } from './common';

export const MISSING_TOKENS = 'quality.missing-tokens';

/** Words people write for "no value" (compared trimmed and lower-cased). */
export const LIKELY_MISSING_MARKERS: ReadonlySet<string> = new Set([
  '', 'na', 'n/a', 'n.a.', 'n.a', 'nan', 'null', 'none', 'nil', 'unknown', 'unk', 'missing', '-', '--', '---', '—', '?', '??',
  '#n/a', '#na', '#null!', 'not available', 'not applicable', 'not known', 'undefined', 'blank', 'empty', '.', 'no data', 'tbd',
  'desconocido', 'sin dato', 'sin datos', 'inconnu', 'unbekannt', 'k.a.', 'keine angabe',
]);

export const isLikelyMissingMarker = (value: string): boolean => LIKELY_MISSING_MARKERS.has(value.trim().toLowerCase());

/** How a variant is shown: quoted, and the empty cell in words. */
const shown = (value: string): string => (value === '' ? '(empty)' : quoted(value));

interface Variant {
  value: string;
  /** Cells, or null when only seen among the import's examples of unreadable cells. */
  count: number | null;
  source: 'token' | 'value' | 'unreadable';
}

export const missingTokensCheck: Check = {
  id: MISSING_TOKENS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const findings: Finding[] = [];
    const evidence: { column: string; variants: Variant[] }[] = [];
    for (const col of checkedColumns(input)) {
      const summary = summaryOf(input, col.name);
      const variants: Variant[] = [];
      for (const [value, count] of Object.entries(summary?.missingTokens ?? {})) if (count > 0) variants.push({ value, count, source: 'token' });
      let rows: { count: number; examples: number[] } | undefined;
      if (col.storage === 'codes') {
        const { counts } = codeCountsOf(cacheOf(input), col);
        const marked = new Uint8Array(col.dictionary.length);
        col.dictionary.forEach((value, code) => {
          if (counts[code]! > 0 && isLikelyMissingMarker(value)) {
            marked[code] = 1;
            variants.push({ value, count: counts[code]!, source: 'value' });
          }
        });
        if (variants.some((v) => v.source === 'value')) rows = rowsWithCodes(col, marked);
      } else {
        const seen = new Set<string>();
        for (const ex of summary?.nonConformingExamples ?? []) {
          if (isLikelyMissingMarker(ex.value) && !seen.has(ex.value)) {
            seen.add(ex.value);
            variants.push({ value: ex.value, count: null, source: 'unreadable' });
          }
        }
      }
      if (variants.length === 0) continue;
      evidence.push({ column: col.name, variants });
      const hidden = variants.filter((v) => v.source !== 'token');
      if (variants.length < 2 && hidden.length === 0) continue;
      const listedCells = variants.filter((v) => v.source === 'token').reduce((s, v) => s + (v.count ?? 0), 0);
      const counted = variants.filter((v) => v.count !== null);
      findings.push(
        qualityFinding(MISSING_TOKENS, col.name, {
          severity: hidden.length > 0 ? 'medium' : 'low',
          severityRule: 'A word for "no value" that is read as a real value or as an unreadable cell → medium; only several listed missing-value tokens → low.',
          columns: [col.name],
          ...(rows ? { rows } : {}),
          numbers: {
            ways: variants.length,
            listed: variants.length - hidden.length,
            hidden: hidden.length,
            listedCells,
            hiddenCells: hidden.reduce((s, v) => s + (v.count ?? 0), 0),
            hiddenUncounted: hidden.some((v) => v.count === null),
            variants: variants.map((v) => shown(v.value)).join(', '),
            rows: n,
          },
          examples: variants.map((v) => `${shown(v.value)}: ${v.count === null ? 'seen among unreadable cells' : `${v.count} cells`}${v.source === 'token' ? '' : ' (not on the missing-value list)'}`),
          sampleSize: n,
          chart: { kind: 'bars', title: 'How "no value" is written', labels: counted.map((v) => shown(v.value)), values: counted.map((v) => v.count!), unit: 'count' },
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, MISSING_TOKENS, { rows: n }, n) };
  },
};
