/**
 * How much a column changed between two batches (drift): PSI and the tests and distances behind
 * the verdict, worked out on a comparison's columns (report.drift.columns).
 */
import type { ColumnDrift } from '../../../drift/types';
import { formatPsi } from '../../format';
import { driftColumnsOf, largestBy } from './read';
import { count, dec, pIs, pct, pct1, q } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

/** A share as a decimal with up to 4 places, so the PSI floor 0.0001 shows as itself. */
const share4 = (v: number): string => String(Number(v.toFixed(4)));

function rangeWords(lower: number | null, upper: number | null): string {
  if (lower === null && upper !== null) return `values up to ${dec(upper)}`;
  if (lower !== null && upper === null) return `values above ${dec(lower)}`;
  return lower !== null && upper !== null ? `values above ${dec(lower)} up to ${dec(upper)}` : 'every value';
}

const sides = (c: ColumnDrift): string => `${count(c.rows_ref)} and ${count(c.rows_cur)} values`;

/** The column a drift example is worked on: the largest value of `pick` among columns of one type. */
function column(r: GlossaryReport, type: ColumnDrift['type'] | null, pick: (c: ColumnDrift) => number | null): ColumnDrift | null {
  return largestBy(
    driftColumnsOf(r).filter((c) => type === null || c.type === type),
    pick,
  );
}

export const changeMeasureEntries: GlossaryEntry[] = [
  {
    id: 'psi',
    kind: 'change',
    term: 'How much a column’s mix of values moved',
    technical: 'population stability index (PSI)',
    what: 'The values of a column are sorted into bins (ten ranges of numbers, or one bin per category). For each bin, the share of rows it held before and now are compared; PSI adds up those changes, weighing big relative changes more. Under 0.1: little change; 0.1 to 0.25: a moderate change; 0.25 or more: a major change.',
    misleads: 'With few rows PSI is inflated by chance alone (which is why a change must also pass a test), and a new category that was almost absent before counts very heavily. The thresholds are a habit of the credit industry, not laws of nature.',
    definition: 'PSI = Σ over bins (cur − ref) · ln(cur ÷ ref), each share floored at 0.0001; bins at the reference’s deciles for numbers.',
    related: ['ks-test', 'chi-square-test', 'drift.column', 'jensen-shannon-distance'],
    example(r) {
      const c = column(r, null, (x) => x.psi);
      if (!c || c.psi === null) return null;
      const bin = c.psi_bins.reduce<(typeof c.psi_bins)[number] | null>((best, b) => (!best || b.contribution > best.contribution ? b : best), null);
      if (!bin) return null;
      const label = bin.label !== undefined ? q(bin.label) : rangeWords(bin.lower ?? null, bin.upper ?? null);
      const refShare = Math.max(bin.ref_share, 0.0001);
      const curShare = Math.max(bin.cur_share, 0.0001);
      return `${q(c.name)} changed most: PSI ${formatPsi(c.psi)}. The largest part is ${label}, ${pct(bin.ref_share)} of the earlier rows and ${pct(bin.cur_share)} of the new ones: (${share4(curShare)} − ${share4(refShare)}) × ln(${share4(curShare)} ÷ ${share4(refShare)}) = ${formatPsi(bin.contribution)}; the other bins add the rest.`;
    },
  },
  {
    id: 'ks-test',
    kind: 'change',
    term: 'Did a number column’s values shift?',
    technical: 'Kolmogorov–Smirnov test (two-sample)',
    what: 'Line up each batch’s values and, at every value, compare the share of rows at or below it in each batch. The largest gap between those two running shares is the KS statistic; the test says whether a gap that large could be chance with this many rows.',
    misleads: 'With many rows it detects changes too small to matter — read it together with PSI. It is most sensitive in the middle of the values and least in the tails.',
    definition: 'D = sup over x |F_ref(x) − F_cur(x)| of the two empirical distribution functions; p exact for up to 10,000 values, else asymptotic (scipy.stats.ks_2samp).',
    related: ['psi', 'p-value', 'wasserstein-distance', 'drift.column'],
    example(r) {
      const c = column(r, 'numeric', (x) => (x.test === 'ks' ? x.statistic : null));
      if (!c || c.statistic === null || c.p_value === null) return null;
      return `For ${q(c.name)} (${sides(c)}), the running shares of the two batches differ by at most ${dec(c.statistic)} (${pct1(c.statistic)} of rows): D = ${dec(c.statistic)}, p ${pIs(c.p_value)}.`;
    },
  },
  {
    id: 'chi-square-test',
    kind: 'change',
    term: 'Did a category column’s mix shift?',
    technical: 'chi-square test of homogeneity',
    what: 'Counts each category in both batches and compares those counts with what they would be if the mix had not changed. The bigger the gaps, the bigger the statistic (χ²) and the smaller the p-value.',
    misleads: 'With many rows any small change becomes “significant”; read it together with PSI. Categories with very few rows make it unreliable.',
    definition: 'χ² = Σ (observed − expected)² ÷ expected over the 2 × k table of counts, k − 1 degrees of freedom; Yates’ correction when k = 2 (scipy.stats.chi2_contingency).',
    related: ['psi', 'p-value', 'drift.column', 'quality.associated-categories'],
    example(r) {
      const c = column(r, 'categorical', (x) => (x.test === 'chi2' ? x.statistic : null));
      if (!c || c.statistic === null || c.p_value === null || c.dof === null) return null;
      const moved = c.largest_share_change;
      return `For ${q(c.name)}, χ² = ${dec(c.statistic)} with ${count(c.dof)} degrees of freedom, so p ${pIs(c.p_value)}${moved ? `; the share that moved most is ${q(moved.value)}, from ${pct(moved.ref_share)} to ${pct(moved.cur_share)}` : ''}.`;
    },
  },
  {
    id: 'wasserstein-distance',
    kind: 'change',
    term: 'How far a number column’s values moved',
    technical: 'Wasserstein distance (earth mover’s distance)',
    what: 'How far, on average, values would have to be moved to turn one batch’s spread of values into the other’s. Slicewise divides it by the earlier batch’s standard deviation, so 0.1 means a tenth of a typical spread.',
    misleads: 'It is dominated by a few values moved very far, and it does not say whether the change could be chance.',
    definition: 'W₁ = ∫ |F_ref(x) − F_cur(x)| dx (scipy.stats.wasserstein_distance), then ÷ the reference’s standard deviation.',
    related: ['ks-test', 'psi'],
    example(r) {
      const c = column(r, 'numeric', (x) => x.wasserstein_normalised);
      if (!c || c.wasserstein === null || c.wasserstein_normalised === null) return null;
      return `${q(c.name)}’s values moved by ${dec(c.wasserstein)} on average, which is ${dec(c.wasserstein_normalised)} of its earlier standard deviation.`;
    },
  },
  {
    id: 'jensen-shannon-distance',
    kind: 'change',
    term: 'How different two mixes of categories are',
    technical: 'Jensen–Shannon distance',
    what: 'A number between 0 (the two batches have the same mix of categories) and 1 (no category in common).',
    misleads: 'It has no common rule of thumb, and like PSI it is inflated by chance when categories hold few rows.',
    definition: 'JS = √((KL(p‖m) + KL(q‖m)) ÷ 2) with m = (p + q) ÷ 2, base-2 logarithms (scipy.spatial.distance.jensenshannon, base=2).',
    related: ['psi', 'chi-square-test'],
    example(r) {
      const c = column(r, 'categorical', (x) => x.js_distance);
      if (!c || c.js_distance === null) return null;
      return `${q(c.name)} changed most among the category columns: Jensen–Shannon distance ${dec(c.js_distance)} (0 = same mix, 1 = nothing in common).`;
    },
  },
];
