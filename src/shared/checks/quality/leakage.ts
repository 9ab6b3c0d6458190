/**
 * quality.target-leakage — a column that gives the outcome away.
 *
 * Yes/no outcomes (this file). For each checked column except the target, the prediction and
 * score columns and ids, over the rows with an outcome:
 *  - number and date columns: the column's own values used as a score (rows where it is missing
 *    are left out);
 *  - text columns with at most highCardinality (50) categories: each category's share of positive
 *    outcomes used as the score, with "missing" as a category of its own. The shares are computed
 *    on the same rows they score (target encoding without a hold-out), so the AUC is optimistic;
 *    columns with more categories are skipped because that optimism grows with the number of
 *    small categories.
 * AUC = ROC AUC as sklearn's roc_auc_score (ties count half), reported as max(AUC, 1 − AUC) so a
 * column that predicts the outcome backwards counts too. A suspect when AUC ≥ leakageAuc (0.95).
 * Near copy: a column with at most two different values which, after mapping each value to the
 * outcome it most often comes with, equals the outcome in ≥ 99% of the rows with an outcome
 * (a missing value counts as not equal).
 * Several classes: leakage-classes.ts; amounts: leakage-amounts.ts. Severity for all three:
 * leakSeverity (leakage-common.ts) — near copy → critical; AUC ≥ leakageAuc → high; …
 */
import type { Finding } from '../../findings/types';
import { rocAuc } from '../../metrics/ranking';
import { emptyRangeFirst } from '../../metrics/row-ranges';
import { rankScores } from '../../metrics/score-ranking';
import type { Codes, CodesColumn, Column, NumberColumn } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { columnOrder, targetClassesOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, columnByName, qualityFinding, roleSets } from './common';
import { binaryOutcome, positiveIndex } from './classes';
import { regressionLeaks } from './leakage-amounts';
import { multiclassLeaks } from './leakage-classes';
import { categoryRanking, leakColumns, leakSeverity, NEAR_COPY_AGREEMENT, type ColumnLeak } from './leakage-common';
import { leakFinding } from './leakage-findings';
import type { PresentOrder, RowOrder, ValueGroups } from './numeric-stats';

export const TARGET_LEAKAGE = 'quality.target-leakage';
export { NEAR_COPY_AGREEMENT };

/** Best agreement with y over rows with an outcome, mapping each of ≤ 2 values to its majority outcome. */
function agreementOf(pos: Float64Array, tot: Float64Array, rowsWithOutcome: number): number | null {
  let used = 0;
  let agree = 0;
  for (let c = 0; c < tot.length; c++) {
    if (tot[c]! === 0) continue;
    used++;
    agree += Math.max(pos[c]!, tot[c]! - pos[c]!);
  }
  return used <= 2 && rowsWithOutcome > 0 ? agree / rowsWithOutcome : null;
}

function leakOfCodes(col: CodesColumn, y: Uint8Array, present: Uint8Array, maxCategories: number): ColumnLeak | null {
  const k = col.dictionary.length;
  const pos = new Float64Array(k + 1); // index k = missing
  const tot = new Float64Array(k + 1);
  const rows = countByCategory(col.codes, y, present, pos, tot);
  let categories = 0;
  for (let c = 0; c <= k; c++) if (tot[c]! > 0) categories++;
  if (categories > maxCategories) return null;
  const valuesOnly = tot.slice(0, k);
  const agreement = agreementOf(pos.slice(0, k), valuesOnly, rows);
  const ranking = categoryRanking(pos, tot);
  const auc = rocAuc(ranking).value;
  return { column: col.name, method: 'category-rate', auc: auc === null ? null : Math.max(auc, 1 - auc), rows, agreement };
}

/** Rows with an outcome and positives per category (the last index: missing); returns the rows with an outcome. */
function countByCategory(codes: Codes, y: Uint8Array, present: Uint8Array, pos: Float64Array, tot: Float64Array): number {
  const missing = tot.length - 1;
  let rows = 0;
  for (let i = 0; i < y.length; i++) {
    if (present[i] === 0) continue;
    const c = codes[i]! < 0 ? missing : codes[i]!;
    tot[c]!++;
    pos[c]! += y[i]!;
    rows++;
  }
  return rows;
}

/** Class of each row for leakOfNumbers: 0 = no outcome, 1 = negative, 2 = positive. */
function rowClasses(y: Uint8Array, present: Uint8Array): Uint8Array {
  const cls = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) cls[i] = present[i] === 1 ? 1 + y[i]! : 0;
  return cls;
}

/**
 * A number column's AUC from its sorted order (one sort per column per run, shared with other
 * checks): walking the tie groups upwards, U counts the positive–negative pairs where the positive
 * is higher, ties counting half (Mann–Whitney), and AUC = U / (P·N). 2U is the whole number
 * Σ p_g·(2·negatives below + q_g) and equals the trapezoid sum of rocAuc over the ROC curve's
 * points, exactly (whole numbers below 2⁵³), so AUC is the same double as rocAuc(rankScores(…)).
 * The tie groups holding rows with an outcome are the column's different values, which also gives
 * the near-copy test.
 */
function leakOfNumbers(col: NumberColumn, order: PresentOrder, cls: Uint8Array, y: Uint8Array, present: Uint8Array, rowsWithOutcome: number): ColumnLeak {
  const acc = new Float64Array(5);
  if (order.groups) countValueGroups(order.groups, col.valid, cls, acc);
  else emptyRangeFirst(order.present, (from, to) => countTieGroups(order, cls, from, to, acc));
  const twiceU = acc[0]!;
  const positives = acc[1]!;
  const negatives = acc[2]!;
  const groups = acc[3]!;
  const agree = acc[4]!;
  const rows = positives + negatives;
  // Past 2⁵³ the sums are no longer exact in either form: rank the old way.
  if (2 * positives * negatives > Number.MAX_SAFE_INTEGER) return leakOfNumbersBySort(col, y, present, rowsWithOutcome);
  const auc = rows > 0 && positives > 0 && negatives > 0 ? twiceU / (2 * positives * negatives) : null;
  return {
    column: col.name,
    method: 'values',
    auc: auc === null ? null : Math.max(auc, 1 - auc),
    rows,
    agreement: groups <= 2 && rowsWithOutcome > 0 ? agree / rowsWithOutcome : null,
  };
}

/**
 * countTieGroups for a column with few values (presentOrder's groups): positives and negatives per
 * value in one pass in row order, then the same sums over the values in increasing order.
 * The accumulation below repeats countTieGroups' on purpose: each hot loop sits alone at the end
 * of its own function, which keeps V8 (Node 20) from leaving it half-optimised (a long loop with
 * code after it measured 150 ms against 35 ms on later calls).
 */
function countValueGroups({ sizes, codes, rankOf }: ValueGroups, valid: Uint8Array, cls: Uint8Array, acc: Float64Array): void {
  const byCode = new Int32Array(3 * rankOf.length);
  tallyClasses(codes, valid, cls, byCode);
  const positivesAt = new Int32Array(sizes.length);
  const negativesAt = new Int32Array(sizes.length);
  for (let c = 0; c < rankOf.length; c++) {
    positivesAt[rankOf[c]!] = byCode[3 * c + 2]!;
    negativesAt[rankOf[c]!] = byCode[3 * c + 1]!;
  }
  let twiceU = 0;
  let positives = 0;
  let negatives = 0;
  let groups = 0;
  let agree = 0;
  for (let g = 0; g < sizes.length; g++) {
    const p = positivesAt[g]!;
    const q = negativesAt[g]!;
    if (p + q === 0) continue;
    twiceU += p * (2 * negatives + q);
    positives += p;
    negatives += q;
    groups++;
    agree += p > q ? p : q;
  }
  acc[0] = twiceU;
  acc[1] = positives;
  acc[2] = negatives;
  acc[3] = groups;
  acc[4] = agree;
}

/** Rows per (value code, class) for the present rows: byCode[3·code + class]. */
function tallyClasses(codes: Uint16Array, valid: Uint8Array, cls: Uint8Array, byCode: Int32Array): void {
  for (let i = 0; i < valid.length; i++) if (valid[i] === 1) byCode[3 * codes[i]! + cls[i]!]!++;
}

/**
 * Over the tie groups starting in sorted positions [from, to): 2U, positives, negatives, groups
 * holding rows with an outcome, and Σ max(positives, negatives) per such group, into `acc`.
 */
function countTieGroups({ order, tieNext }: RowOrder, cls: Uint8Array, from: number, to: number, acc: Float64Array): void {
  let twiceU = acc[0]!;
  let positives = acc[1]!;
  let negatives = acc[2]!;
  let groups = acc[3]!;
  let agree = acc[4]!;
  for (let k = from; k < to; ) {
    let p = 0;
    let q = 0;
    for (;;) {
      const c = cls[order[k]!]!;
      if (c === 2) p++;
      else if (c === 1) q++;
      if (tieNext[k++] === 0) break;
    }
    if (p + q === 0) continue;
    twiceU += p * (2 * negatives + q);
    positives += p;
    negatives += q;
    groups++;
    agree += p > q ? p : q;
  }
  acc[0] = twiceU;
  acc[1] = positives;
  acc[2] = negatives;
  acc[3] = groups;
  acc[4] = agree;
}

/** leakOfNumbers by copying the rows with an outcome and ranking them (rankScores). */
function leakOfNumbersBySort(col: NumberColumn, y: Uint8Array, present: Uint8Array, rowsWithOutcome: number): ColumnLeak {
  let rows = 0;
  for (let i = 0; i < y.length; i++) if (present[i] === 1 && col.valid[i] === 1) rows++;
  const ys = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  // Up to two distinct values: counts for the near-copy test.
  const twoValues: number[] = [];
  const pos = new Float64Array(2);
  const tot = new Float64Array(2);
  let twoOrFewer = true;
  for (let i = 0, j = 0; i < y.length; i++) {
    if (present[i] === 0 || col.valid[i] === 0) continue;
    const v = col.values[i]!;
    ys[j] = y[i]!;
    scores[j++] = v;
    if (!twoOrFewer) continue;
    let slot = twoValues.indexOf(v);
    if (slot < 0 && twoValues.length < 2) slot = twoValues.push(v) - 1;
    if (slot < 0) twoOrFewer = false;
    else {
      tot[slot]!++;
      pos[slot]! += y[i]!;
    }
  }
  const auc = rows > 0 ? rocAuc(rankScores(ys, scores)).value : null;
  return {
    column: col.name,
    method: 'values',
    auc: auc === null ? null : Math.max(auc, 1 - auc),
    rows,
    agreement: twoOrFewer ? agreementOf(pos, tot, rowsWithOutcome) : null,
  };
}

interface LeakScan {
  target: Column;
  task: 'binary' | 'multiclass' | 'regression';
  rowsWithOutcome: number;
  leaks: ColumnLeak[];
  skipped: string[];
  /** Amounts: how many pairs of columns were tried as a product, and the columns left out of pairing. */
  pairsTried?: number;
  pairColumnsLeftOut?: string[];
}

function countValid(valid: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < valid.length; i++) m += valid[i]!;
  return m;
}

/**
 * Every candidate column's power to give the outcome away (AUC, agreement, correlation, rebuild),
 * computed once per run (the run's cache) for the leakage check and for the checks that must not
 * treat a near-copy of the outcome as an ordinary feature (weak slices). Null without an outcome
 * that can be checked (a yes/no outcome needs its positive value; an amount needs numbers).
 */
function scanLeaks(input: CheckInput): LeakScan | null {
  const { roles, options } = input;
  const cache = cacheOf(input);
  const key = [roles.target, roles.positiveClass, roles.task, roles.prediction, roles.score, roles.classScores, roles.ids, roles.ignored, options.highCardinality, options.leakageAuc, options.leakageCorrelation];
  return cache.get(`leakage-scan:${JSON.stringify(key)}`, (): LeakScan | null => {
    const sets = roleSets(roles);
    const target = columnByName(input.table, roles.target);
    if (!target || !roles.task || sets.ignored.has(target.name)) return null;
    const candidates = checkedColumns(input).filter((col) => col.name !== target.name && !sets.outputs.has(col.name) && !sets.ids.has(col.name));
    if (roles.task === 'regression') {
      if (target.storage !== 'number') return null;
      const r = regressionLeaks(target, candidates, cache, options);
      return { target, task: 'regression', rowsWithOutcome: countValid(target.valid), ...r };
    }
    const classes = targetClassesOf(cache, target);
    if (!classes) return null;
    if (roles.task === 'multiclass') {
      if (classes.labels.length < 2) return null;
      return { target, task: 'multiclass', rowsWithOutcome: classes.present, ...multiclassLeaks(classes, candidates, cache, options.highCardinality) };
    }
    const positive = positiveIndex(classes, roles);
    if (positive < 0) return null;
    const { y, present } = binaryOutcome(classes, positive);
    const cls = rowClasses(y, present);
    const rowsWithOutcome = classes.present;
    const leaks: ColumnLeak[] = [];
    const skipped: string[] = [];
    for (const col of candidates) {
      const leak =
        col.storage === 'codes'
          ? leakOfCodes(col, y, present, options.highCardinality)
          : leakOfNumbers(col, columnOrder(cache, col), cls, y, present, rowsWithOutcome);
      if (leak) leaks.push(leak);
      else skipped.push(col.name);
    }
    return { target, task: 'binary', rowsWithOutcome, leaks, skipped };
  });
}

/** Columns that give the outcome away (the ones the leakage check flags; both columns of a product). */
export function leakageSuspects(input: CheckInput): string[] {
  const leaks = scanLeaks(input)?.leaks.filter((l) => leakSeverity(l, input.options) !== null) ?? [];
  return [...new Set(leaks.flatMap(leakColumns))];
}

const SKIPPED: Record<string, string> = {
  binary: 'Needs a yes/no outcome column and the outcome value that counts as positive.',
  multiclass: 'Needs an outcome column with at least two classes.',
  regression: 'Needs an outcome column that holds numbers.',
};

export const targetLeakageCheck: Check = {
  id: TARGET_LEAKAGE,
  category: 'quality',
  run(input: CheckInput) {
    const { options } = input;
    const scan = scanLeaks(input);
    if (!scan) return { evidence: { skipped: SKIPPED[input.roles.task ?? 'binary'] ?? SKIPPED.binary }, findings: [] };
    const { target, task, rowsWithOutcome, leaks, skipped } = scan;
    const findings: Finding[] = [];
    for (const leak of leaks) {
      const severity = leakSeverity(leak, options);
      if (severity) findings.push(leakFinding(leak, severity, task, target.name, options));
    }
    findings.sort((a, b) => severityOrder(a) - severityOrder(b) || Number(b.numbers.strength ?? 0) - Number(a.numbers.strength ?? 0));
    const evidence = { target: target.name, task, rowsWithOutcome, columns: leaks, skipped, ...(scan.pairsTried !== undefined ? { pairsTried: scan.pairsTried, pairColumnsLeftOut: scan.pairColumnsLeftOut } : {}) };
    return {
      evidence,
      findings: findings.length > 0 ? findings : [qualityFinding(TARGET_LEAKAGE, 'passed', {
        status: 'passed',
        severity: 'info',
        severityRule: 'Nothing found, so nothing to rank.',
        columns: [target.name],
        numbers: { columns: leaks.length, threshold: task === 'regression' ? options.leakageCorrelation : options.leakageAuc, target: target.name, rows: rowsWithOutcome, task },
        sampleSize: rowsWithOutcome,
      })],
    };
  },
};

const severityOrder = (f: Finding): number => (f.severity === 'critical' ? 0 : 1);
