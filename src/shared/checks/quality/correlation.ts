/**
 * quality.correlated-columns — pairs of number columns that move together so closely that one
 * mostly repeats the other.
 *
 * For each pair, over the rows where both have a value (pairwise deletion):
 *  - Pearson's r (scipy.stats.pearsonr);
 *  - Spearman's ρ = Pearson's r of the average ranks, the ranks computed on those same rows
 *    (scipy.stats.spearmanr(x, y, nan_policy='omit'); ties get their average rank).
 * A finding when |r| ≥ correlation or |ρ| ≥ correlation (default 0.9).
 * Columns: whole and decimal numbers that are not the target, the prediction or score, ids,
 * dates or ignored (the target is quality.target-leakage's business). At most
 * MAX_CORRELATION_COLUMNS columns (in table order) are paired, to bound the work (pairs grow as
 * the square of the columns); the evidence says when columns were left out.
 * Severity: |r| or |ρ| ≥ 0.99 → medium (one is nearly a copy of the other); otherwise low.
 */
import type { Finding } from '../../findings/types';
import type { NumberColumn } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { columnOrder } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, isNumeric, orPassed, qualityFinding, roleSets } from './common';
import { linkMissingRows, PairScratch, pearsonSpearmanPair, rankedColumn } from './rank-pairs';

export const CORRELATED_COLUMNS = 'quality.correlated-columns';
export const MAX_CORRELATION_COLUMNS = 40;
const NEAR_COPY_CORRELATION = 0.99;

export const correlatedColumnsCheck: Check = {
  id: CORRELATED_COLUMNS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const threshold = input.options.correlation;
    const roles = roleSets(input.roles);
    const cache = cacheOf(input);
    const candidates = checkedColumns(input).filter(
      (c): c is NumberColumn => isNumeric(c) && c.name !== roles.target && !roles.outputs.has(c.name) && !roles.ids.has(c.name),
    );
    const used = candidates.slice(0, MAX_CORRELATION_COLUMNS);
    // Each column is sorted once (shared with the other checks through the cache) and its tie
    // groups found once; each pair then corrects the ranks for the rows it drops (pearsonSpearmanPair).
    const prepared = used.map((col) => ({ col, ...rankedColumn(col, columnOrder(cache, col)) }));
    linkMissingRows(prepared, n);
    const scratch = new PairScratch(n);
    const pairs: { a: string; b: string; pearson: number | null; spearman: number | null; rows: number }[] = [];
    const findings: Finding[] = [];
    for (let i = 0; i < prepared.length; i++) {
      for (let j = i + 1; j < prepared.length; j++) {
        const a = prepared[i]!;
        const b = prepared[j]!;
        const { pearson, spearman, rows } = pearsonSpearmanPair(a, b, scratch);
        pairs.push({ a: a.col.name, b: b.col.name, pearson, spearman, rows });
        const strongest = Math.max(Math.abs(pearson ?? 0), Math.abs(spearman ?? 0));
        if (strongest < threshold) continue;
        findings.push(
          qualityFinding(CORRELATED_COLUMNS, `${a.col.name}|${b.col.name}`, {
            severity: strongest >= NEAR_COPY_CORRELATION ? 'medium' : 'low',
            severityRule: `|r| or |ρ| of ${NEAR_COPY_CORRELATION} or more → medium (nearly a copy); ${threshold} or more → low.`,
            columns: [a.col.name, b.col.name],
            numbers: { pearson, spearman, rows, threshold, strongest, a: a.col.name, b: b.col.name },
            sampleSize: rows,
          }),
        );
      }
    }
    cache.releaseAtStageEnd([prepared, scratch]);
    findings.sort((x, y) => Number(y.numbers.strongest) - Number(x.numbers.strongest));
    return {
      evidence: { threshold, columns: used.map((c) => c.name), leftOut: candidates.slice(MAX_CORRELATION_COLUMNS).map((c) => c.name), pairs },
      findings: orPassed(findings, CORRELATED_COLUMNS, { rows: n, columns: used.length, pairs: pairs.length, threshold }, n),
    };
  },
};
