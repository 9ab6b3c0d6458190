/**
 * Two models on the same rows (issue 6, "compare two models"): how often they agree, each one's
 * accuracy and ROC AUC, the differences with paired tests, and the groups where the new model is
 * worse — so a person can judge a retrained, distilled or quantized model before switching.
 *
 * - Accuracy difference: McNemar's test on the discordant pairs (b = A right and B wrong,
 *   c = A wrong and B right): exact two-sided binomial when b + c < 25, otherwise the chi-square
 *   statistic with continuity correction (|b − c| − 1)² / (b + c), as statsmodels' mcnemar.
 * - ROC AUC difference: DeLong, DeLong & Clarke-Pearson (1988) test for two correlated ROC curves
 *   (the paired test for two scores on the same rows; the issue names a paired bootstrap — DeLong's
 *   closed form answers the same question without 1,000 re-rankings of a million rows).
 * - Per group of each sensitive column: the accuracy difference with McNemar; Benjamini–Hochberg
 *   over the groups tested.
 */
import { benjaminiHochberg } from '../fairness/multiple-testing';
import type { GroupCodes } from '../fairness/groups';
import { twoSidedP } from '../fairness/normal-tail';
import { binomialTest } from '../fairness/significance';
import { normalQuantile } from '../metrics/normal';
import { wilsonInterval } from '../metrics/intervals';
import type { ConfidenceInterval } from '../metrics/types';
import { chiSquareSurvival } from '../stats/incomplete-gamma';

export interface McNemarResult {
  /** A right, B wrong. */
  b: number;
  /** A wrong, B right. */
  c: number;
  statistic: number | null;
  p_value: number;
  method: 'exact-binomial' | 'chi-square-corrected';
}

export function mcnemar(b: number, c: number): McNemarResult {
  const n = b + c;
  if (n === 0) return { b, c, statistic: null, p_value: 1, method: 'exact-binomial' };
  if (n < 25) return { b, c, statistic: null, p_value: binomialTest(Math.min(b, c), n, 0.5), method: 'exact-binomial' };
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { b, c, statistic, p_value: chiSquareSurvival(statistic, 1), method: 'chi-square-corrected' };
}

/** Midranks (ties get the average rank, 1-based) of `values`. */
function midranks(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]!] = r;
    i = j + 1;
  }
  return ranks;
}

/** DeLong's structural components of one score: AUC, V10 (per positive) and V01 (per negative). */
function components(y: Uint8Array, s: Float64Array): { auc: number; v10: Float64Array; v01: Float64Array } {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] ? pos : neg).push(s[i]!);
  const m = pos.length;
  const n = neg.length;
  const all = midranks(s);
  const rp = midranks(Float64Array.from(pos));
  const rn = midranks(Float64Array.from(neg));
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let pi = 0;
  let ni = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]) {
      v10[pi] = (all[i]! - rp[pi]!) / n;
      pi++;
    } else {
      v01[ni] = 1 - (all[i]! - rn[ni]!) / m;
      ni++;
    }
  }
  let sum = 0;
  for (const v of v10) sum += v;
  return { auc: sum / m, v10, v01 };
}

const cov = (a: Float64Array, b: Float64Array, ma: number, mb: number): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return a.length > 1 ? s / (a.length - 1) : 0;
};
const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / (a.length || 1);

export interface PairedAuc {
  auc_a: number;
  auc_b: number;
  difference: number;
  interval: ConfidenceInterval;
  z: number;
  p_value: number;
}

/** DeLong's paired test of AUC(B) − AUC(A); null when one outcome class is absent. */
export function delongPaired(y: Uint8Array, a: Float64Array, b: Float64Array, level = 0.95): PairedAuc | null {
  let m = 0;
  for (const v of y) m += v;
  if (m === 0 || m === y.length) return null;
  const A = components(y, a);
  const B = components(y, b);
  const n = y.length - m;
  const mA10 = mean(A.v10);
  const mB10 = mean(B.v10);
  const mA01 = mean(A.v01);
  const mB01 = mean(B.v01);
  const var10 = cov(A.v10, A.v10, mA10, mA10) + cov(B.v10, B.v10, mB10, mB10) - 2 * cov(A.v10, B.v10, mA10, mB10);
  const var01 = cov(A.v01, A.v01, mA01, mA01) + cov(B.v01, B.v01, mB01, mB01) - 2 * cov(A.v01, B.v01, mA01, mB01);
  const se = Math.sqrt(Math.max(0, var10 / m + var01 / n));
  const difference = B.auc - A.auc;
  const zq = normalQuantile(1 - (1 - level) / 2);
  const z = se > 0 ? difference / se : difference === 0 ? 0 : Infinity * Math.sign(difference);
  return {
    auc_a: A.auc,
    auc_b: B.auc,
    difference,
    interval: { lower: difference - zq * se, upper: difference + zq * se, level, method: 'delong-paired' as ConfidenceInterval['method'] },
    z,
    p_value: se > 0 ? twoSidedP(z) : difference === 0 ? 1 : 0,
  };
}

export interface GroupComparison {
  column: string;
  group: string;
  rows: number;
  accuracy_a: number;
  accuracy_b: number;
  difference: number;
  mcnemar: McNemarResult;
  q_value: number | null;
  /** B significantly worse than A here (q ≤ fdr and difference < 0). */
  worse: boolean;
  better: boolean;
}

export interface ModelComparison {
  rows: number;
  agreement: { value: number; interval: ConfidenceInterval | null };
  accuracy_a: { value: number; interval: ConfidenceInterval | null };
  accuracy_b: { value: number; interval: ConfidenceInterval | null };
  accuracy_difference: number;
  mcnemar: McNemarResult;
  auc: PairedAuc | null;
  groups: GroupComparison[];
  /** 'b-better' | 'a-better' | 'no-difference', on accuracy (and AUC when both have scores). */
  verdict: 'b-better' | 'a-better' | 'no-difference';
}

export interface ModelsInput {
  /** 1 = positive outcome, per row (rows with any value missing already removed). */
  yTrue: Uint8Array;
  predA: Uint8Array;
  predB: Uint8Array;
  scoreA?: Float64Array | null;
  scoreB?: Float64Array | null;
  /** Group labels per row for each sensitive column. */
  groups?: { column: string; labels: readonly string[]; codes: GroupCodes }[];
  level?: number;
  fdr?: number;
  minGroupSize?: number;
}

export function compareModels(input: ModelsInput): ModelComparison {
  const { yTrue, predA, predB } = input;
  const level = input.level ?? 0.95;
  const n = yTrue.length;
  let agree = 0;
  let rightA = 0;
  let rightB = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const ra = predA[i] === yTrue[i];
    const rb = predB[i] === yTrue[i];
    if (predA[i] === predB[i]) agree++;
    if (ra) rightA++;
    if (rb) rightB++;
    if (ra && !rb) b++;
    if (!ra && rb) c++;
  }
  const test = mcnemar(b, c);
  const auc = input.scoreA && input.scoreB ? delongPaired(yTrue, input.scoreA, input.scoreB, level) : null;

  const groups: GroupComparison[] = [];
  for (const g of input.groups ?? []) {
    const k = g.labels.length;
    const rows = new Int32Array(k);
    const ga = new Int32Array(k);
    const gb = new Int32Array(k);
    const gbDisc = new Int32Array(k);
    const gcDisc = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const code = g.codes[i]!;
      if (code < 0) continue;
      const ra = predA[i] === yTrue[i];
      const rb = predB[i] === yTrue[i];
      rows[code]!++;
      if (ra) ga[code]!++;
      if (rb) gb[code]!++;
      if (ra && !rb) gbDisc[code]!++;
      if (!ra && rb) gcDisc[code]!++;
    }
    for (let j = 0; j < k; j++) {
      if (rows[j]! < (input.minGroupSize ?? 30)) continue;
      const accA = ga[j]! / rows[j]!;
      const accB = gb[j]! / rows[j]!;
      groups.push({ column: g.column, group: g.labels[j]!, rows: rows[j]!, accuracy_a: accA, accuracy_b: accB, difference: accB - accA, mcnemar: mcnemar(gbDisc[j]!, gcDisc[j]!), q_value: null, worse: false, better: false });
    }
  }
  const q = benjaminiHochberg(groups.map((g) => g.mcnemar.p_value));
  const fdr = input.fdr ?? 0.05;
  groups.forEach((g, i) => {
    g.q_value = q[i] ?? null;
    const significant = g.q_value !== null && g.q_value <= fdr;
    g.worse = significant && g.difference < 0;
    g.better = significant && g.difference > 0;
  });

  const alpha = 1 - level;
  const accSignificant = test.p_value <= alpha;
  const aucSignificant = auc !== null && auc.p_value <= alpha;
  const bBetter = (accSignificant && c > b) || (aucSignificant && auc!.difference > 0 && !(accSignificant && b > c));
  const aBetter = (accSignificant && b > c) || (aucSignificant && auc!.difference < 0 && !(accSignificant && c > b));
  return {
    rows: n,
    agreement: { value: n ? agree / n : Number.NaN, interval: wilsonInterval(agree, n, level) },
    accuracy_a: { value: n ? rightA / n : Number.NaN, interval: wilsonInterval(rightA, n, level) },
    accuracy_b: { value: n ? rightB / n : Number.NaN, interval: wilsonInterval(rightB, n, level) },
    accuracy_difference: n ? (rightB - rightA) / n : Number.NaN,
    mcnemar: test,
    auc,
    groups,
    verdict: bBetter && !aBetter ? 'b-better' : aBetter && !bBetter ? 'a-better' : 'no-difference',
  };
}

/** The plain recommendation ("the new model is better overall but worse for age 60+: …"). */
export function recommendation(r: ModelComparison, names: { a: string; b: string }): string {
  const worse = r.groups.filter((g) => g.worse).map((g) => `${g.column} = ${g.group}`);
  const better = r.verdict === 'b-better';
  const head =
    r.verdict === 'b-better'
      ? `“${names.b}” is better overall than “${names.a}”`
      : r.verdict === 'a-better'
        ? `“${names.b}” is worse overall than “${names.a}”`
        : `“${names.a}” and “${names.b}” are not distinguishably different overall`;
  // When accuracy and the score's ranking disagree, say so: a decision can improve while the score ranks worse.
  const auc = r.auc;
  const aucNote =
    auc && auc.p_value <= 0.05 && ((better && auc.difference < 0) || (r.verdict === 'a-better' && auc.difference > 0))
      ? ` Note that its score ranks ${auc.difference < 0 ? 'worse' : 'better'} (ROC AUC ${auc.auc_b.toFixed(3)} against ${auc.auc_a.toFixed(3)}), so a different cut-off could change the picture.`
      : '';
  if (worse.length === 0) return `${head}${better ? ', and no group is significantly worse off: switching looks safe on this data.' : '.'}${aucNote}`;
  const conjunction = r.verdict === 'a-better' ? 'and also' : 'but';
  return `${head}${aucNote ? ` (${aucNote.trim().replace(/\.$/, '')})` : ''}, ${conjunction} worse for ${worse.join(', ')}: ${better ? `consider keeping “${names.a}” for ${worse.length === 1 ? 'that group' : 'those groups'} or fixing the new model there before switching.` : 'keep the current model.'}`;
}
