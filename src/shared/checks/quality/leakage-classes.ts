/**
 * Target leakage for outcomes with several classes: a column whose categories give the class away.
 *
 * For each candidate column with at most `maxCategories` categories — text columns, and number or
 * date columns with that few different values — over the rows with an outcome, "missing" being a
 * category of its own:
 *  - each category's share of every class is used as that class's score (target encoding on the
 *    same rows, optimistic as for yes/no outcomes), and the macro one-vs-rest ROC AUC is taken over
 *    the classes — scikit-learn's roc_auc_score(y, shares, multi_class='ovr', average='macro'),
 *    classes whose one-vs-rest AUC is undefined (no rows of them, or only them) left out;
 *  - near copy: a column with at most as many values as there are classes which, mapping each value
 *    to the class it most often comes with, equals the outcome in ≥ 99% of the rows with an outcome
 *    (a missing value counts as not equal).
 * The yes/no rule applies: AUC ≥ leakageAuc → high; near copy → critical (leakage-common.ts).
 * Number columns with more different values are skipped (said in the evidence).
 */
import { rocAuc } from '../../metrics/ranking';
import type { Codes, Column } from '../../table';
import type { CheckCache } from '../cache/check-cache';
import { columnOrder } from '../cache/shared-work';
import type { TargetClasses } from './classes';
import { categoryRanking, type ColumnLeak } from './leakage-common';

/** Each row's category (the last one: missing), and how many categories that makes; null when the column has too many values. */
function categoriesOf(col: Column, cache: CheckCache, maxCategories: number): { category: Int32Array; count: number } | null {
  if (col.storage === 'codes') {
    // A large dictionary: count the categories in use first, before a table of categories × classes.
    if (col.dictionary.length > maxCategories && categoriesInUse(col.codes, col.dictionary.length) > maxCategories) return null;
    const missing = col.dictionary.length;
    const category = new Int32Array(col.codes.length);
    for (let i = 0; i < category.length; i++) category[i] = col.codes[i]! < 0 ? missing : col.codes[i]!;
    return { category, count: missing + 1 };
  }
  const groups = columnOrder(cache, col).groups;
  if (!groups || groups.sizes.length > maxCategories) return null;
  const missing = groups.sizes.length;
  const category = new Int32Array(col.valid.length);
  for (let i = 0; i < category.length; i++) category[i] = col.valid[i] === 1 ? groups.codes[i]! : missing;
  return { category, count: missing + 1 };
}

function categoriesInUse(codes: Codes, size: number): number {
  const seen = new Uint8Array(size);
  let used = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0 && seen[c] === 0) {
      seen[c] = 1;
      used++;
    }
  }
  return used;
}

/** Rows per (category, class) over the rows with an outcome: counts[category · K + class]. */
function crossCounts(category: Int32Array, classIndex: Int32Array, categories: number, k: number): Float64Array {
  const counts = new Float64Array(categories * k);
  for (let i = 0; i < classIndex.length; i++) {
    const c = classIndex[i]!;
    if (c >= 0) counts[category[i]! * k + c]!++;
  }
  return counts;
}

/** One column's leak numbers from its cross counts (the last category: missing); null with too many categories in use. */
export function classLeakOf(column: string, counts: Float64Array, categories: number, k: number, rowsWithOutcome: number, maxCategories: number): ColumnLeak | null {
  const tot = new Float64Array(categories);
  for (let g = 0; g < categories; g++) for (let c = 0; c < k; c++) tot[g]! += counts[g * k + c]!;
  let used = 0;
  let usedValues = 0;
  let agree = 0;
  for (let g = 0; g < categories; g++) {
    if (tot[g]! === 0) continue;
    used++;
    if (g === categories - 1) continue; // missing: never equal to the outcome
    usedValues++;
    let best = 0;
    for (let c = 0; c < k; c++) best = Math.max(best, counts[g * k + c]!);
    agree += best;
  }
  if (used > maxCategories) return null;
  let sum = 0;
  let defined = 0;
  const pos = new Float64Array(categories);
  for (let c = 0; c < k; c++) {
    for (let g = 0; g < categories; g++) pos[g] = counts[g * k + c]!;
    const auc = rocAuc(categoryRanking(pos, tot)).value;
    if (auc === null) continue;
    sum += auc;
    defined++;
  }
  return {
    column,
    method: 'class-shares',
    auc: defined > 0 ? sum / defined : null,
    rows: rowsWithOutcome,
    agreement: usedValues <= k && rowsWithOutcome > 0 ? agree / rowsWithOutcome : null,
  };
}

/** Every candidate's leak numbers for a target with several classes; columns with too many values are listed as skipped. */
export function multiclassLeaks(classes: TargetClasses, candidates: readonly Column[], cache: CheckCache, maxCategories: number): { leaks: ColumnLeak[]; skipped: string[] } {
  const k = classes.labels.length;
  const leaks: ColumnLeak[] = [];
  const skipped: string[] = [];
  for (const col of candidates) {
    const cats = categoriesOf(col, cache, maxCategories);
    const leak = cats ? classLeakOf(col.name, crossCounts(cats.category, classes.index, cats.count, k), cats.count, k, classes.present, maxCategories) : null;
    if (leak) leaks.push(leak);
    else skipped.push(col.name);
  }
  return { leaks, skipped };
}
