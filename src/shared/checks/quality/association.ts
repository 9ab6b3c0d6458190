/**
 * quality.associated-categories — pairs of category columns where knowing one nearly tells the other.
 *
 * Cramér's V (Cramér 1946), bias-uncorrected, as scipy.stats.contingency.association(table,
 * method='cramer') (which uses chi2_contingency with correction=False):
 *   V = √( χ² / (n · (min(r, c) − 1)) ),  χ² = Σ (O − E)² / E,  E = row total · column total / n,
 * over the rows where both columns have a value; r and c count the categories that occur in those
 * rows. Undefined (skipped) when either side has a single category there.
 * A finding when V ≥ cramersV (default 0.9).
 * Columns: category and yes/no columns with 2 to MAX_ASSOCIATION_CATEGORIES (200) categories, not
 * the target (that is leakage), the prediction, ids or ignored ones; at most
 * MAX_ASSOCIATION_COLUMNS columns, in table order, to bound the work.
 * Severity: V ≥ 0.99 → medium (one is nearly a relabelling of the other); otherwise low.
 */
import type { Finding } from '../../findings/types';
import type { Codes, CodesColumn } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, orPassed, qualityFinding, roleSets } from './common';

export const ASSOCIATED_CATEGORIES = 'quality.associated-categories';
export const MAX_ASSOCIATION_CATEGORIES = 200;
export const MAX_ASSOCIATION_COLUMNS = 40;
const NEAR_COPY_V = 0.99;

/** Cramér's V of two code arrays (−1 = missing), with χ² and the counts behind it; null when undefined. */
export function cramersV(a: Codes, ka: number, b: Codes, kb: number): { v: number; chi2: number; n: number; r: number; c: number } | null {
  const observed = new Float64Array(ka * kb);
  const rowTotals = new Float64Array(ka);
  const colTotals = new Float64Array(kb);
  const n = crossTabulate(a, b, kb, observed, rowTotals, colTotals);
  let r = 0;
  let c = 0;
  for (let x = 0; x < ka; x++) if (rowTotals[x]! > 0) r++;
  for (let y = 0; y < kb; y++) if (colTotals[y]! > 0) c++;
  if (n === 0 || r < 2 || c < 2) return null;
  let chi2 = 0;
  for (let x = 0; x < ka; x++) {
    const rt = rowTotals[x]!;
    if (rt === 0) continue;
    for (let y = 0; y < kb; y++) {
      const ct = colTotals[y]!;
      if (ct === 0) continue;
      const expected = (rt * ct) / n;
      const d = observed[x * kb + y]! - expected;
      chi2 += (d * d) / expected;
    }
  }
  const v = Math.min(1, Math.sqrt(chi2 / (n * (Math.min(r, c) - 1))));
  return { v, chi2, n, r, c };
}

/** The counts of cramersV; returns the rows with both codes. (Ends with its loop: see metrics/row-ranges.ts.) */
function crossTabulate(a: Codes, b: Codes, kb: number, observed: Float64Array, rowTotals: Float64Array, colTotals: Float64Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0 || y < 0) continue;
    observed[x * kb + y]!++;
    rowTotals[x]!++;
    colTotals[y]!++;
    n++;
  }
  return n;
}

export const associatedCategoriesCheck: Check = {
  id: ASSOCIATED_CATEGORIES,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const threshold = input.options.cramersV;
    const roles = roleSets(input.roles);
    const cache = cacheOf(input);
    const candidates = checkedColumns(input).filter((c): c is CodesColumn => {
      if (c.storage !== 'codes' || (c.kind !== 'category' && c.kind !== 'boolean')) return false;
      if (c.name === roles.target || roles.outputs.has(c.name) || roles.ids.has(c.name)) return false;
      const { counts } = codeCountsOf(cache, c);
      let k = 0;
      for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) k++;
      return k >= 2 && k <= MAX_ASSOCIATION_CATEGORIES;
    });
    const used = candidates.slice(0, MAX_ASSOCIATION_COLUMNS);
    const pairs: { a: string; b: string; v: number | null; rows: number }[] = [];
    const findings: Finding[] = [];
    for (let i = 0; i < used.length; i++) {
      for (let j = i + 1; j < used.length; j++) {
        const a = used[i]!;
        const b = used[j]!;
        const result = cramersV(a.codes, a.dictionary.length, b.codes, b.dictionary.length);
        pairs.push({ a: a.name, b: b.name, v: result?.v ?? null, rows: result?.n ?? 0 });
        if (!result || result.v < threshold) continue;
        findings.push(
          qualityFinding(ASSOCIATED_CATEGORIES, `${a.name}|${b.name}`, {
            severity: result.v >= NEAR_COPY_V ? 'medium' : 'low',
            severityRule: `Cramér's V of ${NEAR_COPY_V} or more → medium (nearly a relabelling); ${threshold} or more → low.`,
            columns: [a.name, b.name],
            numbers: { v: result.v, chi2: result.chi2, rows: result.n, categoriesA: result.r, categoriesB: result.c, threshold, a: a.name, b: b.name },
            sampleSize: result.n,
          }),
        );
      }
    }
    findings.sort((x, y) => Number(y.numbers.v) - Number(x.numbers.v));
    return {
      evidence: { threshold, columns: used.map((c) => c.name), leftOut: candidates.slice(MAX_ASSOCIATION_COLUMNS).map((c) => c.name), pairs },
      findings: orPassed(findings, ASSOCIATED_CATEGORIES, { rows: n, columns: used.length, pairs: pairs.length, threshold }, n),
    };
  },
};
