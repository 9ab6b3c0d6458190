/**
 * One column, reference vs current: the test for its type, the effect sizes, and the verdict.
 *
 * Numbers: KS (p-value) + PSI at the reference's deciles (the effect) + Wasserstein-1 ÷ the
 * reference's standard deviation. Each side is sorted once; one merge walk gives KS and
 * Wasserstein, binary searches give the PSI and histogram counts.
 * Why the standard deviation (not the IQR) to normalise Wasserstein: a pure shift by δ moves every
 * quantile by δ, so W1 = |δ| and W1/σ reads as "moved by this many standard deviations" (Cohen's d
 * for a shift; Evidently's "normed Wasserstein" is the same); the IQR is 0 for any column where
 * more than half the values are tied (zero-inflated amounts, small counts), which would make the
 * normalised distance infinite. Its weakness — outliers inflate σ — does not touch the verdict,
 * which rests on PSI.
 * Categories (mapped between the two tables by their text): χ² test of homogeneity (p-value) +
 * PSI over categories (the effect) + Jensen–Shannon distance (base 2, shown, not used for the
 * verdict). Missing values are left out of every distribution and judged on their own: the
 * missing share's PSI over the two bins missing/present, with a 2×2 χ² test.
 *
 * Verdict: severity from the effect size alone (PSI ≥ psiModerate moderate, ≥ psiMajor major);
 * the column has drifted when the change is that large AND statistically detectable (its test's
 * p < alpha). Large-but-not-detectable happens with few rows, where PSI is noisy and biased
 * upwards; detectable-but-small happens with many rows, where any difference is detectable. A
 * p-value alone never calls drift.
 */
import { type Column, type ColumnKind, type NumberColumn } from '../table';
import { quantileOfSorted } from '../metrics/quantile';
import type { DriftOptions } from './options';
import { sortFinite } from './sort';
import { type PsiBin, psiCategorical, psiFromCounts, psiNumericSorted, rightClosedCounts } from './psi';
import { chi2Homogeneity, jensenShannonDistance, ksFromWalk, walkSorted } from './tests';
import type { CategoryCount, ColumnDrift, DriftExplanation, DriftSeverity, NumericSummary, OverlaidHistogram } from './types';

export interface NumericSide {
  /** Ascending finite values. */
  sorted: Float64Array;
  /** Cells that are missing (or not a finite number). */
  missing: number;
  kind: ColumnKind;
}

/** A number column's present, finite values, sorted (one copy, then sort.ts's fast sort). */
export function numericSide(col: NumberColumn): NumericSide {
  const { values, valid } = col;
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (valid[i] && v - v === 0) out[n++] = v; // v − v === 0 rejects NaN and ±Infinity
  }
  return { sorted: sortFinite(out.subarray(0, n)), missing: values.length - n, kind: col.kind };
}

export function gradeEffect(effect: number | null, o: Pick<DriftOptions, 'psiModerate' | 'psiMajor'>): DriftSeverity {
  if (effect === null || !(effect >= o.psiModerate)) return 'none';
  return effect >= o.psiMajor ? 'major' : 'moderate';
}

interface Judged {
  effect: number | null;
  effect_kind: ColumnDrift['effect_kind'];
  severity: DriftSeverity;
  detectable: boolean;
  drifted: boolean;
  explanation: DriftExplanation;
  missing_psi: number;
  missing_p_value: number | null;
  missing_rate_ref: number;
  missing_rate_cur: number;
  reason?: string;
}

/** The verdict from the value change (psi, p) and the missing-share change, as described above. */
function judge(
  values: { psi: number | null; p: number | null; kind: 'psi' | 'psi-categories'; rowsRef: number; rowsCur: number },
  missing: { ref: number; totalRef: number; cur: number; totalCur: number },
  o: DriftOptions,
): Judged {
  const rateRef = missing.totalRef === 0 ? 0 : missing.ref / missing.totalRef;
  const rateCur = missing.totalCur === 0 ? 0 : missing.cur / missing.totalCur;
  const haveTotals = missing.totalRef > 0 && missing.totalCur > 0;
  const missingCounts = [[missing.ref, missing.totalRef - missing.ref], [missing.cur, missing.totalCur - missing.cur]] as const;
  const missingPsi = haveTotals ? psiFromCounts(missingCounts[0], missingCounts[1], o.psiFloor).psi : 0;
  const missingP = haveTotals ? (chi2Homogeneity(missingCounts[0], missingCounts[1])?.pValue ?? null) : null;
  const useMissing = values.psi === null || missingPsi > values.psi;
  const effect = useMissing ? (haveTotals ? missingPsi : null) : values.psi;
  const p = useMissing ? missingP : values.p;
  const severity = gradeEffect(effect, o);
  const detectable = p !== null && p < o.alpha;
  const enough = useMissing ? Math.min(missing.totalRef, missing.totalCur) >= o.minRows : Math.min(values.rowsRef, values.rowsCur) >= o.minRows;
  const large = severity !== 'none';
  const explanation: DriftExplanation = !enough
    ? 'not-enough-data'
    : large && detectable
      ? 'detectable-and-large'
      : large
        ? 'large-not-detectable'
        : detectable
          ? 'detectable-not-large'
          : 'neither';
  return {
    effect,
    effect_kind: useMissing ? 'missing-psi' : values.kind,
    severity,
    detectable,
    drifted: enough && large && detectable,
    explanation,
    missing_psi: missingPsi,
    missing_p_value: missingP,
    missing_rate_ref: rateRef,
    missing_rate_cur: rateCur,
    ...(enough ? {} : { reason: `Fewer than ${o.minRows} values on one side: too few to say whether the column changed.` }),
  };
}

function summarise(sorted: Float64Array): NumericSummary | null {
  const n = sorted.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) * (sorted[i]! - mean);
  return {
    mean,
    std: Math.sqrt(ss / n),
    min: sorted[0]!,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[n - 1]!,
  };
}

/** Shared equal-width bins over the pooled 0.5%–99.5% range (the tails folded into the end bins). */
function overlaidNumeric(ref: Float64Array, cur: Float64Array, bins: number): OverlaidHistogram {
  if (ref.length === 0 || cur.length === 0) return { edges: [], ref_shares: [], cur_shares: [] };
  let lo = Math.min(quantileOfSorted(ref, 0.005), quantileOfSorted(cur, 0.005));
  let hi = Math.max(quantileOfSorted(ref, 0.995), quantileOfSorted(cur, 0.995));
  const min = Math.min(ref[0]!, cur[0]!);
  const max = Math.max(ref[ref.length - 1]!, cur[cur.length - 1]!);
  if (!(hi > lo)) [lo, hi] = [min, max];
  if (!(hi > lo)) return { edges: [lo, hi], ref_shares: [1], cur_shares: [1], tails_folded: false };
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + ((hi - lo) * k) / bins));
  const inner = edges.slice(1, -1);
  const share = (s: Float64Array): number[] => rightClosedCounts(s, inner).map((c) => c / s.length);
  return { edges, ref_shares: share(ref), cur_shares: share(cur), tails_folded: min < lo || max > hi };
}

const EMPTY_CATEGORIES = { new_categories: [], new_categories_total: 0, vanished_categories: [], vanished_categories_total: 0, largest_share_change: null };

/** Compare a numeric column from both sides' sorted values. */
export function compareNumericSides(name: string, ref: NumericSide, cur: NumericSide, o: DriftOptions): ColumnDrift {
  const both = ref.sorted.length > 0 && cur.sorted.length > 0;
  const walk = both ? walkSorted(ref.sorted, cur.sorted) : null;
  const ks = walk ? ksFromWalk(walk, ref.sorted.length, cur.sorted.length) : null;
  const psi = both ? psiNumericSorted(ref.sorted, cur.sorted, { bins: o.psiBins, floor: o.psiFloor }) : null;
  const summaryRef = summarise(ref.sorted);
  const judged = judge(
    { psi: psi?.psi ?? null, p: ks?.pValue ?? null, kind: 'psi', rowsRef: ref.sorted.length, rowsCur: cur.sorted.length },
    { ref: ref.missing, totalRef: ref.missing + ref.sorted.length, cur: cur.missing, totalCur: cur.missing + cur.sorted.length },
    o,
  );
  const std = summaryRef?.std ?? 0;
  return {
    name,
    type: 'numeric',
    kind_ref: ref.kind,
    kind_cur: cur.kind,
    test: 'ks',
    statistic: ks?.statistic ?? null,
    p_value: ks?.pValue ?? null,
    p_value_method: ks?.method ?? null,
    dof: null,
    psi: psi?.psi ?? null,
    psi_bins: psi?.bins ?? [],
    wasserstein: walk?.wasserstein ?? null,
    wasserstein_normalised: walk && std > 0 ? walk.wasserstein / std : null,
    js_distance: null,
    ...judged,
    ...(both || judged.reason ? {} : { reason: 'One side has no values in this column, so its distribution cannot be compared; only its missing share is.' }),
    rows_ref: ref.sorted.length,
    rows_cur: cur.sorted.length,
    ...EMPTY_CATEGORIES,
    summary_ref: summaryRef,
    summary_cur: summarise(cur.sorted),
    histogram: overlaidNumeric(ref.sorted, cur.sorted, o.histogramBins),
  };
}

export function compareNumeric(name: string, ref: NumberColumn, cur: NumberColumn, o: DriftOptions): ColumnDrift {
  return compareNumericSides(name, numericSide(ref), numericSide(cur), o);
}

/** Counts per label of a column (numbers are labelled by their text, e.g. "1"), and its missing cells. */
export function labelCounts(col: Column): { labels: string[]; counts: number[]; missing: number } {
  if (col.storage === 'codes') {
    const counts = new Array<number>(col.dictionary.length).fill(0);
    const tally = new Float64Array(col.dictionary.length);
    let missing = 0;
    for (let i = 0; i < col.codes.length; i++) {
      const c = col.codes[i]!;
      if (c < 0) missing++;
      else tally[c]! += 1;
    }
    for (let k = 0; k < counts.length; k++) counts[k] = tally[k]!;
    return { labels: col.dictionary, counts, missing };
  }
  // Small integer ranges (0/1 decisions, class numbers) are tallied in an array, the rest in a Map.
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < col.values.length && integers; i++) {
    const v = col.values[i]!;
    if (!col.valid[i] || v - v !== 0) continue;
    if (Math.floor(v) !== v) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (integers && max - min <= 65_536) {
    const tally = new Float64Array(max >= min ? max - min + 1 : 0);
    let missing = 0;
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i]!;
      if (!col.valid[i] || v - v !== 0) missing++;
      else tally[v - min]! += 1;
    }
    const labels: string[] = [];
    const counts: number[] = [];
    tally.forEach((c, k) => {
      if (c > 0) {
        labels.push(String(k + min));
        counts.push(c);
      }
    });
    return { labels, counts, missing };
  }
  const index = new Map<number, number>();
  const labels: string[] = [];
  const counts: number[] = [];
  let missing = 0;
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i]!;
    if (!col.valid[i] || v - v !== 0) {
      missing++;
      continue;
    }
    let k = index.get(v);
    if (k === undefined) {
      k = labels.length;
      index.set(v, k);
      labels.push(String(v));
      counts.push(0);
    }
    counts[k]! += 1;
  }
  return { labels, counts, missing };
}

/** Both sides' counts over the union of their categories (matched by text), unused ones dropped. */
export function alignCategories(ref: { labels: string[]; counts: number[] }, cur: { labels: string[]; counts: number[] }): { labels: string[]; ref: number[]; cur: number[] } {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const r: number[] = [];
  const c: number[] = [];
  const slot = (label: string): number => {
    let k = index.get(label);
    if (k === undefined) {
      k = labels.length;
      index.set(label, k);
      labels.push(label);
      r.push(0);
      c.push(0);
    }
    return k;
  };
  ref.labels.forEach((l, k) => {
    if (ref.counts[k]! > 0) r[slot(l)]! += ref.counts[k]!;
  });
  cur.labels.forEach((l, k) => {
    if (cur.counts[k]! > 0) c[slot(l)]! += cur.counts[k]!;
  });
  return { labels, ref: r, cur: c };
}

function listed(labels: string[], counts: number[], keep: (k: number) => boolean, total: number, limit: number): { list: CategoryCount[]; total: number } {
  const all = labels.map((value, k) => ({ value, count: counts[k]!, share: total === 0 ? 0 : counts[k]! / total })).filter((_, k) => keep(k));
  all.sort((a, b) => b.count - a.count);
  return { list: all.slice(0, limit), total: all.length };
}

function overlaidCategories(labels: string[], refShares: number[], curShares: number[], limit: number): OverlaidHistogram {
  const order = labels.map((_, k) => k).sort((a, b) => Math.max(refShares[b]!, curShares[b]!) - Math.max(refShares[a]!, curShares[a]!));
  const shown = order.slice(0, limit);
  const rest = order.slice(limit);
  const hist: OverlaidHistogram = { labels: shown.map((k) => labels[k]!), ref_shares: shown.map((k) => refShares[k]!), cur_shares: shown.map((k) => curShares[k]!) };
  if (rest.length > 0) {
    hist.other = { categories: rest.length, ref_share: rest.reduce((s, k) => s + refShares[k]!, 0), cur_share: rest.reduce((s, k) => s + curShares[k]!, 0) };
  }
  return hist;
}

/** Compare a column as categories (codes columns; number columns by their values' text). */
export function compareCategorical(name: string, refCol: Column, curCol: Column, o: DriftOptions): ColumnDrift {
  const refCounts = labelCounts(refCol);
  const curCounts = labelCounts(curCol);
  const aligned = alignCategories(refCounts, curCounts);
  const nRef = aligned.ref.reduce((s, x) => s + x, 0);
  const nCur = aligned.cur.reduce((s, x) => s + x, 0);
  const both = nRef > 0 && nCur > 0;
  const chi2 = both ? chi2Homogeneity(aligned.ref, aligned.cur) : null;
  const psi = both ? psiCategorical(aligned.ref, aligned.cur, aligned.labels, o.psiFloor) : null;
  const refShares = aligned.ref.map((x) => (nRef === 0 ? 0 : x / nRef));
  const curShares = aligned.cur.map((x) => (nCur === 0 ? 0 : x / nCur));
  const judged = judge(
    { psi: psi?.psi ?? null, p: chi2?.pValue ?? null, kind: 'psi-categories', rowsRef: nRef, rowsCur: nCur },
    { ref: refCounts.missing, totalRef: refCounts.missing + nRef, cur: curCounts.missing, totalCur: curCounts.missing + nCur },
    o,
  );
  const fresh = listed(aligned.labels, aligned.cur, (k) => aligned.ref[k] === 0, nCur, o.listCategories);
  const gone = listed(aligned.labels, aligned.ref, (k) => aligned.cur[k] === 0, nRef, o.listCategories);
  let largest: ColumnDrift['largest_share_change'] = null;
  if (both) {
    aligned.labels.forEach((value, k) => {
      const gap = Math.abs(curShares[k]! - refShares[k]!);
      if (!largest || gap > Math.abs(largest.cur_share - largest.ref_share)) largest = { value, ref_share: refShares[k]!, cur_share: curShares[k]! };
    });
  }
  return {
    name,
    type: 'categorical',
    kind_ref: refCol.kind,
    kind_cur: curCol.kind,
    test: 'chi2',
    statistic: chi2?.statistic ?? null,
    p_value: chi2?.pValue ?? null,
    p_value_method: chi2 ? 'asymptotic' : null,
    dof: chi2?.dof ?? null,
    psi: psi?.psi ?? null,
    psi_bins: psi?.bins ?? ([] as PsiBin[]),
    wasserstein: null,
    wasserstein_normalised: null,
    js_distance: both ? jensenShannonDistance(aligned.ref, aligned.cur, 2) : null,
    ...judged,
    ...(both || judged.reason ? {} : { reason: 'One side has no values in this column, so its categories cannot be compared; only its missing share is.' }),
    rows_ref: nRef,
    rows_cur: nCur,
    new_categories: nRef > 0 ? fresh.list : [],
    new_categories_total: nRef > 0 ? fresh.total : 0,
    vanished_categories: nCur > 0 ? gone.list : [],
    vanished_categories_total: nCur > 0 ? gone.total : 0,
    summary_ref: null,
    summary_cur: null,
    largest_share_change: largest,
    histogram: overlaidCategories(aligned.labels, refShares, curShares, o.histogramCategories),
  };
}
