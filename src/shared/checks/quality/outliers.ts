/**
 * Unusual numbers: values far outside the bulk of a column (robust fences), and columns whose
 * values pile up on one side with a long tail (skew).
 *
 * Columns looked at: whole and decimal numbers; not dates, not ids, not the model's prediction or
 * score columns, not ignored columns.
 */
import type { Finding } from '../../findings/types';
import type { NumberColumn } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { columnOrder } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, isNumeric, MAX_EXAMPLE_ROWS, orPassed, pct, qualityFinding, roleSets } from './common';
import { hasValueBetween, lowerBoundOf, presentHistogram, presentSummary, sampleSkewnessOfPresent, sortedValuesOf, tukeyFencesOf, type SortedValues } from './numeric-stats';

export const OUTLIERS = 'quality.outliers';
export const SKEW = 'quality.skew';

/** Share of a column's values beyond the fences at or above which outliers are 'medium'. */
const OUTLIER_MEDIUM = 0.01;
const HISTOGRAM_BINS = 30;

function numericColumns(input: CheckInput): NumberColumn[] {
  const roles = roleSets(input.roles);
  return checkedColumns(input).filter((c): c is NumberColumn => isNumeric(c) && !roles.ids.has(c.name) && !roles.outputs.has(c.name));
}

function edgesOf(min: number, max: number): number[] {
  const width = (max - min) / HISTOGRAM_BINS;
  return Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => (k === HISTOGRAM_BINS ? max : min + k * width));
}

/** Counts per bin [e_k, e_{k+1}) — the last bin closed — from sorted values. */
function histogramOfSorted(sorted: SortedValues, edges: number[]): number[] {
  const counts: number[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const end = k + 2 === edges.length ? sorted.length : lowerBoundOf(sorted, edges[k + 1]!);
    counts.push(end - lowerBoundOf(sorted, edges[k]!));
  }
  return counts;
}

/** The values at positions [from, to) of sorted values. */
function slice(sorted: SortedValues, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(sorted.at(k));
  return out;
}

/**
 * quality.outliers — values strictly below Q1 − k·IQR or above Q3 + k·IQR, k = outlierIqr
 * (default 3, Tukey's "far out"); quartiles by linear interpolation (numpy's default). Columns
 * whose IQR is 0 (at least half the values equal) have no fences and are skipped.
 * Severity: outliers ≥ 1% of the column's values → medium; fewer → low.
 */
export const outliersCheck: Check = {
  id: OUTLIERS,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const k = input.options.outlierIqr;
    const findings: Finding[] = [];
    const evidence: Record<string, unknown>[] = [];
    const cache = cacheOf(input);
    for (const col of numericColumns(input)) {
      // The column's one sort per run (shared with correlation and leakage), read where needed.
      const sorted = sortedValuesOf(col.values, columnOrder(cache, col));
      const fences = tukeyFencesOf(sorted, k);
      if (!fences) continue;
      const present = sorted.length;
      evidence.push({ column: col.name, present, ...fences, skipped: fences.iqr === 0 ? 'IQR is 0' : null });
      const count = fences.below + fences.above;
      if (fences.iqr === 0 || count === 0) continue;
      const examples: number[] = [];
      for (let i = 0; i < n && examples.length < MAX_EXAMPLE_ROWS; i++) {
        if (col.valid[i] === 1 && (col.values[i]! < fences.lower || col.values[i]! > fences.upper)) examples.push(i + 1);
      }
      const extremes = [...slice(sorted, 0, Math.min(fences.below, 5)), ...slice(sorted, present - Math.min(fences.above, 5), present)];
      const min = sorted.at(0);
      const max = sorted.at(present - 1);
      const edges = edgesOf(min, max);
      const share = count / present;
      findings.push(
        qualityFinding(OUTLIERS, col.name, {
          severity: share >= OUTLIER_MEDIUM ? 'medium' : 'low',
          severityRule: `Values beyond the fences are ${pct(OUTLIER_MEDIUM)} or more of the column → medium; fewer → low.`,
          columns: [col.name],
          rows: { count, examples },
          numbers: {
            outliers: count,
            below: fences.below,
            above: fences.above,
            present,
            share,
            q1: fences.q1,
            median: fences.median,
            q3: fences.q3,
            iqr: fences.iqr,
            lowerFence: fences.lower,
            upperFence: fences.upper,
            k,
            min,
            max,
          },
          examples: extremes.map(String),
          sampleSize: present,
          chart: {
            kind: 'histogram',
            title: `Values of ${col.name}`,
            edges,
            counts: histogramOfSorted(sorted, edges),
            markers: [
              { label: 'lower fence', value: fences.lower },
              { label: 'median', value: fences.median },
              { label: 'upper fence', value: fences.upper },
            ],
          },
        }),
      );
    }
    return { evidence: { k, columns: evidence }, findings: orPassed(findings, OUTLIERS, { rows: n, k }, n) };
  },
};

/**
 * quality.skew — |G1| ≥ skew (default 2), G1 the adjusted Fisher–Pearson sample skewness
 * (scipy.stats.skew(bias=False)), over the present values. Columns with at most two different
 * values (yes/no flags) are left out: their skewness only restates how rare one value is.
 * Severity: low.
 */
export const skewCheck: Check = {
  id: SKEW,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const threshold = input.options.skew;
    const findings: Finding[] = [];
    const evidence: { column: string; skewness: number | null; present: number }[] = [];
    for (const col of numericColumns(input)) {
      // The count, range and sum (in row order, as the skewness sums them), without copying.
      const { values, valid } = col;
      const { present, min, max, sum } = presentSummary(values, valid);
      if (!hasValueBetween(values, valid, min, max)) continue; // at most two values
      const skewness = sampleSkewnessOfPresent(values, valid, present, sum);
      evidence.push({ column: col.name, skewness, present });
      if (skewness === null || Math.abs(skewness) < threshold) continue;
      const edges = edgesOf(min, max);
      const bins = new Float64Array(HISTOGRAM_BINS);
      presentHistogram(values, valid, min, (max - min) / HISTOGRAM_BINS, bins);
      const counts = Array.from(bins);
      findings.push(
        qualityFinding(SKEW, col.name, {
          severity: 'low',
          severityRule: `Skewness of ${threshold} or more (either side) → low: worth knowing, rarely an error.`,
          columns: [col.name],
          numbers: { skewness, direction: skewness > 0 ? 'high' : 'low', threshold, present, mean: sum / present, min, max },
          sampleSize: present,
          chart: { kind: 'histogram', title: `Values of ${col.name}`, edges, counts, markers: [{ label: 'average', value: sum / present }] },
        }),
      );
    }
    return { evidence: { threshold, columns: evidence }, findings: orPassed(findings, SKEW, { rows: n, threshold }, n) };
  },
};
