/**
 * What the target-leakage scans (leakage.ts: yes/no outcomes; leakage-classes.ts: several classes;
 * leakage-amounts.ts: amounts) find for each column, the kernels they share, and the rule that
 * turns a scan into a severity.
 */
import type { Severity } from '../../findings/types';
import type { ScoreRanking } from '../../metrics/score-ranking';

/** A column (≤ two values, or ≤ one per class) equal to the outcome in this share of rows: a near copy. */
export const NEAR_COPY_AGREEMENT = 0.99;
/** An amount "reconstructed" when within this relative distance of the outcome (1%)… */
export const RECONSTRUCT_TOLERANCE = 0.01;
/** …in at least this share of the rows that have all the values. */
export const RECONSTRUCT_SHARE = 0.95;

export interface ColumnLeak {
  column: string;
  /**
   * 'values': the column's values as a score (yes/no); 'category-rate': each category's share of
   * positives as the score (yes/no); 'class-shares': each category's share of every class as
   * class scores (several classes); 'correlation': Spearman and Pearson with the amount, and how
   * well factor × column rebuilds it (amounts); 'product': factor × column × partner rebuilds it.
   */
  method: 'values' | 'category-rate' | 'class-shares' | 'correlation' | 'product';
  /** 'product': the second column. */
  partner?: string;
  /** ROC AUC as max(AUC, 1 − AUC) (yes/no), or the macro one-vs-rest ROC AUC (several classes). */
  auc: number | null;
  /** Rows the numbers were computed on. */
  rows: number;
  /** Near-copy agreement, for columns with at most two values (yes/no) or one per class. */
  agreement: number | null;
  spearman?: number | null;
  pearson?: number | null;
  /** Share of the rows with every value where the outcome is within RECONSTRUCT_TOLERANCE of factor × column (× partner). */
  reconstructed?: number | null;
  /** The median of outcome ÷ (column × partner). */
  factor?: number | null;
}

export interface LeakThresholds {
  leakageAuc: number;
  leakageCorrelation: number;
}

/**
 * Near copy (agreement ≥ NEAR_COPY_AGREEMENT) or a rescaled copy of an amount (factor × column
 * rebuilds it in ≥ RECONSTRUCT_SHARE of rows) → critical; AUC ≥ leakageAuc, |Spearman| or
 * |Pearson| ≥ leakageCorrelation, or two columns whose product rebuilds the amount → high;
 * otherwise not a suspect (null).
 */
export function leakSeverity(leak: ColumnLeak, t: LeakThresholds): Severity | null {
  const rebuilt = leak.reconstructed !== undefined && leak.reconstructed !== null && leak.reconstructed >= RECONSTRUCT_SHARE;
  if (leak.agreement !== null && leak.agreement >= NEAR_COPY_AGREEMENT) return 'critical';
  if (leak.method === 'correlation' && rebuilt) return 'critical';
  if (leak.auc !== null && leak.auc >= t.leakageAuc) return 'high';
  if (Math.max(Math.abs(leak.spearman ?? 0), Math.abs(leak.pearson ?? 0)) >= t.leakageCorrelation) return 'high';
  if (leak.method === 'product' && rebuilt) return 'high';
  return null;
}

/** The columns a suspect leak names (a product names two). */
export function leakColumns(leak: ColumnLeak): string[] {
  return leak.partner === undefined ? [leak.column] : [leak.column, leak.partner];
}

/**
 * The ranking of categories by their share of positives (`pos[c] / tot[c]`), for rocAuc: ties
 * (equal shares) form one threshold. Categories with no rows are left out.
 */
export function categoryRanking(pos: Float64Array, tot: Float64Array): ScoreRanking {
  const cats: number[] = [];
  for (let c = 0; c < tot.length; c++) if (tot[c]! > 0) cats.push(c);
  const rate = (c: number): number => pos[c]! / tot[c]!;
  cats.sort((a, b) => rate(b) - rate(a));
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < cats.length; k++) {
    const c = cats[k]!;
    tp += pos[c]!;
    fp += tot[c]! - pos[c]!;
    if (k + 1 < cats.length && rate(cats[k + 1]!) === rate(c)) continue;
    thresholds.push(rate(c));
    tps.push(tp);
    fps.push(fp);
  }
  return { thresholds: Float64Array.from(thresholds), tps: Float64Array.from(tps), fps: Float64Array.from(fps), positives: tp, negatives: fp };
}
