/**
 * Representation: is each group present in the data about as often as in a reference the person
 * gives (e.g. census shares)? Observed share = the group's rows ÷ rows with a value in that column
 * (missing values are left out of both, since reference shares describe people whose group is
 * known), with a Wilson interval and an exact two-sided binomial test against the expected share.
 * A group is under-represented when its observed share is below 0.8 × its expected share; the
 * caller decides whether that is also beyond chance (Benjamini–Hochberg over all fairness tests).
 */
import { proportion } from '../metrics/binary';
import { REASONS } from '../metrics/reasons';
import type { MetricValue } from '../metrics/types';
import { MISSING_GROUP, type Grouping } from './groups';
import { binomialTest } from './significance';

/** Observed share below this fraction of the expected share: under-represented. */
export const UNDER_REPRESENTED_RATIO = 0.8;

export interface RepresentationRow {
  group: string;
  count: number;
  observedShare: MetricValue;
  expectedShare: number;
  /** observed ÷ expected; null when the expected share is 0. */
  ratio: number | null;
  underRepresented: boolean;
  pValue: number;
  qValue: number | null;
  significant: boolean | null;
}

export interface RepresentationResult {
  column: string;
  /** Rows with a value in the column (the denominator of every share). */
  rows: number;
  missing: number;
  groups: RepresentationRow[];
  /** Groups in the data that the reference does not mention. */
  notInReference: string[];
}

const normalise = (s: string): string => s.trim().toLowerCase();

export function representation(grouping: Grouping, expected: Readonly<Record<string, number>>, level: number): RepresentationResult {
  const counts = new Float64Array(grouping.labels.length);
  for (let i = 0; i < grouping.codes.length; i++) counts[grouping.codes[i]!]! += 1;
  const missingCode = grouping.labels.indexOf(MISSING_GROUP);
  const missing = missingCode < 0 ? 0 : counts[missingCode]!;
  const rows = grouping.codes.length - missing;
  // Match the reference's names exactly, else ignoring case and surrounding spaces.
  const codeOf = (name: string): number => {
    const exact = grouping.labels.indexOf(name);
    if (exact >= 0) return exact;
    return grouping.labels.findIndex((l, c) => c !== missingCode && normalise(l) === normalise(name));
  };
  const mentioned = new Set<number>();
  const groups: RepresentationRow[] = Object.entries(expected).map(([name, share]) => {
    const code = codeOf(name);
    if (code >= 0) mentioned.add(code);
    const count = code >= 0 ? counts[code]! : 0;
    const observed = proportion(count, rows, REASONS.noRows, level);
    return {
      group: code >= 0 ? grouping.labels[code]! : name,
      count,
      observedShare: observed,
      expectedShare: share,
      ratio: share === 0 || observed.value === null ? null : observed.value / share,
      underRepresented: observed.value !== null && observed.value < UNDER_REPRESENTED_RATIO * share,
      pValue: binomialTest(count, rows, share),
      qValue: null,
      significant: null,
    };
  });
  const notInReference = grouping.labels.filter((_, c) => c !== missingCode && !mentioned.has(c) && counts[c]! > 0);
  return { column: grouping.key, rows, missing, groups, notInReference };
}
