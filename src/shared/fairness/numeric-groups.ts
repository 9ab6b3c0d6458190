/**
 * How a number column that describes people (age, income…) is cut into groups, so fairness can be
 * measured per group. The rule, in order:
 *
 * 1. Five or fewer distinct values (e.g. a 0/1 flag): one group per value ("0", "1").
 * 2. A column about age (its sensitive kind is "age", or its name has the word "age": age,
 *    Age, age_years, applicant_age): the usual life stages — under 25, 25–39, 40–59, 60+ — so
 *    groups mean the same thing in every dataset and are named the way people talk.
 * 3. Otherwise quartiles: cut at the 25th, 50th and 75th percentiles (numpy's linear method; a
 *    repeated cut point is used once). Groups are left-closed, [cut_k, cut_k+1). Whole-number
 *    columns are labelled by the whole numbers they hold ("18–29", "30–41", "42–57", "58–90");
 *    others "under 1.5", "1.5 to under 3.2", …, "7.9 or more".
 * Missing values are their own group, "(missing)", like in any other column.
 */
import type { NumberValues } from '../table';
import { quantileOfSorted } from '../metrics/quantile';

export interface NumericBins {
  /** Inner cut points, increasing: group k holds values in [cuts[k−1], cuts[k]). */
  cuts: number[];
  labels: string[];
  rule: 'values' | 'age' | 'quartiles';
}

export const AGE_CUTS = [25, 40, 60];
export const AGE_LABELS = ['under 25', '25–39', '40–59', '60+'];
const MAX_DISTINCT_AS_GROUPS = 5;

/** True for "age", "Age", "age_years", "applicant age" — the word age, not "page" or "agent". */
export function looksLikeAge(name: string, sensitiveKind?: string): boolean {
  if (sensitiveKind !== undefined && sensitiveKind.toLowerCase() === 'age') return true;
  return /(^|[^a-z])age([^a-z]|$)/i.test(name.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

function show(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** Which group a value belongs to: the number of cuts at or below it. */
export function binOf(cuts: readonly number[], value: number): number {
  let k = 0;
  while (k < cuts.length && value >= cuts[k]!) k++;
  return k;
}

export function numericBins(values: NumberValues, valid: Uint8Array, name: string, sensitiveKind?: string): NumericBins {
  // Up to six distinct values, found without sorting (most columns stop after a few rows).
  const distinct: number[] = [];
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!valid[i]) continue;
    n++;
    const v = values[i]!;
    if (distinct.length <= MAX_DISTINCT_AS_GROUPS && !distinct.includes(v)) distinct.push(v);
  }
  if (distinct.length <= MAX_DISTINCT_AS_GROUPS) {
    distinct.sort((a, b) => a - b);
    // Cut between consecutive values: the cut is the upper value itself ([v_k, v_k+1)).
    return { cuts: distinct.slice(1), labels: distinct.map(show), rule: 'values' };
  }
  if (looksLikeAge(name, sensitiveKind)) return { cuts: [...AGE_CUTS], labels: [...AGE_LABELS], rule: 'age' };

  const sorted = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (valid[i]) sorted[j++] = values[i]!;
  sorted.sort();

  const cuts: number[] = [];
  for (const q of [0.25, 0.5, 0.75]) {
    const c = quantileOfSorted(sorted, q);
    if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
  }
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  let whole = true;
  for (let i = 0; i < n && whole; i++) whole = Number.isInteger(sorted[i]!);
  const labels: string[] = [];
  for (let k = 0; k <= cuts.length; k++) {
    if (whole) {
      const lo = k === 0 ? min : Math.ceil(cuts[k - 1]!);
      const hi = k === cuts.length ? max : Math.ceil(cuts[k]!) - 1;
      labels.push(lo >= hi ? show(lo) : `${show(lo)}–${show(hi)}`);
    } else if (k === 0) labels.push(`under ${show(cuts[0]!)}`);
    else if (k === cuts.length) labels.push(`${show(cuts[k - 1]!)} or more`);
    else labels.push(`${show(cuts[k - 1]!)} to under ${show(cuts[k]!)}`);
  }
  return { cuts, labels, rule: 'quartiles' };
}
