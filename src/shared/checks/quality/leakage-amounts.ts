/**
 * Target leakage for amounts (regression): a number column that follows the outcome almost exactly,
 * or two that rebuild it when multiplied.
 *
 * For each number or date column (not the outcome, prediction, scores or ids), over the rows where
 * both it and the outcome have a value:
 *  - Spearman's ρ and Pearson's r with the outcome (scipy.stats.spearmanr / pearsonr, ties
 *    averaged, pairwise deletion — the same numbers as quality.correlated-columns). The rank
 *    correlation plays the part the ROC AUC plays for yes/no outcomes: how well the column's order
 *    alone gives the outcome's order. |ρ| or |r| ≥ leakageCorrelation (0.98) → high;
 *  - a rescaled copy (whole and decimal numbers): with the factor c = median(outcome ÷ column), the
 *    outcome is within 1% of c × column in ≥ 95% of those rows → critical (the amount's
 *    counterpart of a yes/no near copy);
 *  - products: for pairs of whole or decimal number columns that are not suspects on their own
 *    (and not constant), the same test with c × column × other column → high. This is the usual
 *    way a derived column leaks an amount: a price per m² is the price ÷ the area, so it rebuilds
 *    the price together with the area, while on its own it is only loosely related to it. Which of
 *    the two was worked out from the outcome cannot be told from the numbers, so both are named.
 *    Ratios (outcome ≈ c × a ÷ b) and sums are not tried.
 * At least MIN_ROWS rows with every value are needed for a rebuild. To bound the work, at most
 * MAX_PAIR_COLUMNS columns (in table order) are paired, and on large tables every rebuild is first
 * tried on an evenly spaced sample of about SCREEN_ROWS rows: only a column or pair that rebuilds
 * at least SCREEN_SHARE of the sample is then tested on every row (the verdict is always on every
 * row; the sample can only make a rebuild go unnoticed). Text columns are not checked for amounts.
 */
import type { Column, NumberColumn } from '../../table';
import type { CheckCache } from '../cache/check-cache';
import { columnOrder } from '../cache/shared-work';
import { isNumeric } from './common';
import { leakSeverity, RECONSTRUCT_SHARE, RECONSTRUCT_TOLERANCE, type ColumnLeak, type LeakThresholds } from './leakage-common';
import { linkMissingRows, PairScratch, pearsonSpearmanPair, rankedColumn } from './rank-pairs';

export const MAX_PAIR_COLUMNS = 40;
const MIN_ROWS = 20;
const SCREEN_ROWS = 2000;
const SCREEN_SHARE = 0.8;

interface Rebuild {
  /** Share of the rows with every value where the outcome is within the tolerance. */
  share: number;
  factor: number;
  rows: number;
}

/**
 * How well factor × a (× b) rebuilds y over every `step`-th row that has all the values, the factor
 * being the median of y ÷ (a × b) over those rows where the product is not 0; null with fewer than
 * MIN_ROWS such rows or no usable ratio. `ratios` is working memory of at least rows ÷ step + 1.
 */
export function rebuild(y: NumberColumn, a: NumberColumn, b: NumberColumn | null, step: number, ratios: Float64Array): Rebuild | null {
  const n = y.valid.length;
  let rows = 0;
  let m = 0;
  for (let i = 0; i < n; i += step) {
    if (y.valid[i] === 0 || a.valid[i] === 0 || (b !== null && b.valid[i] === 0)) continue;
    rows++;
    const product = b === null ? a.values[i]! : a.values[i]! * b.values[i]!;
    const ratio = y.values[i]! / product;
    if (product !== 0 && Number.isFinite(ratio)) ratios[m++] = ratio;
  }
  if (rows < MIN_ROWS || m === 0) return null;
  const sorted = ratios.subarray(0, m).sort();
  const factor = (sorted[(m - 1) >> 1]! + sorted[m >> 1]!) / 2;
  let close = 0;
  for (let i = 0; i < n; i += step) {
    if (y.valid[i] === 0 || a.valid[i] === 0 || (b !== null && b.valid[i] === 0)) continue;
    const v = y.values[i]!;
    const product = b === null ? a.values[i]! : a.values[i]! * b.values[i]!;
    if (Math.abs(v - factor * product) <= RECONSTRUCT_TOLERANCE * Math.abs(v)) close++;
  }
  return { share: close / rows, factor, rows };
}

/** rebuild on every row, after a passing try on a sample when the table is large; null when it does not rebuild (or cannot be tried). */
function screenedRebuild(y: NumberColumn, a: NumberColumn, b: NumberColumn | null, ratios: Float64Array): Rebuild | null {
  const n = y.valid.length;
  if (n > 2 * SCREEN_ROWS) {
    const sample = rebuild(y, a, b, Math.ceil(n / SCREEN_ROWS), ratios);
    if (!sample || sample.share < SCREEN_SHARE) return null;
  }
  return rebuild(y, a, b, 1, ratios);
}

/** A column whose values are all the same (or missing): a product with it is a rescaled copy of the other column. */
function isConstant(col: NumberColumn, cache: CheckCache): boolean {
  const order = columnOrder(cache, col);
  if (order.groups) return order.groups.sizes.length <= 1;
  for (let k = 0; k + 1 < order.tieNext.length; k++) if (order.tieNext[k] === 0) return false;
  return true;
}

export function regressionLeaks(
  target: NumberColumn,
  candidates: readonly Column[],
  cache: CheckCache,
  thresholds: LeakThresholds,
): { leaks: ColumnLeak[]; skipped: string[]; pairsTried: number; pairColumnsLeftOut: string[] } {
  const numbers = candidates.filter((c): c is NumberColumn => c.storage === 'number');
  const skipped = candidates.filter((c) => c.storage !== 'number').map((c) => c.name);
  const n = target.valid.length;
  const prepared = [target, ...numbers].map((col) => rankedColumn(col, columnOrder(cache, col)));
  linkMissingRows(prepared, n);
  const scratch = new PairScratch(n);
  const ratios = new Float64Array(n + 1);
  const leaks: ColumnLeak[] = [];
  numbers.forEach((col, j) => {
    const { pearson, spearman, rows } = pearsonSpearmanPair(prepared[0]!, prepared[j + 1]!, scratch);
    const copy = isNumeric(col) ? screenedRebuild(target, col, null, ratios) : null;
    leaks.push({ column: col.name, method: 'correlation', auc: null, agreement: null, rows, spearman, pearson, reconstructed: copy?.share ?? null, factor: copy?.factor ?? null });
  });
  cache.releaseAtStageEnd([prepared, scratch]);
  // Products of two columns that are not suspects on their own.
  const suspects = new Set(leaks.filter((l) => leakSeverity(l, thresholds) !== null).map((l) => l.column));
  const pairable = numbers.filter((c) => isNumeric(c) && !suspects.has(c.name) && !isConstant(c, cache));
  const paired = pairable.slice(0, MAX_PAIR_COLUMNS);
  let pairsTried = 0;
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      pairsTried++;
      const r = screenedRebuild(target, paired[i]!, paired[j]!, ratios);
      if (!r || r.share < RECONSTRUCT_SHARE) continue;
      leaks.push({ column: paired[i]!.name, partner: paired[j]!.name, method: 'product', auc: null, agreement: null, rows: r.rows, reconstructed: r.share, factor: r.factor });
    }
  }
  return { leaks, skipped, pairsTried, pairColumnsLeftOut: pairable.slice(MAX_PAIR_COLUMNS).map((c) => c.name) };
}
