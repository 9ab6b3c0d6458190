/**
 * The gaps between groups, as fairlearn defines them, worked out on the report's fairness section
 * (report.fairness, keyed by sensitive column). Each example uses the sensitive column where the
 * gap is widest, and the two groups behind it.
 */
import type { KeyEvidence } from '../../../checks/fairness/evidence';
import { checkReportOf, fairnessKeysOf, findingsOf, groupOf, groupValue, testFor, widestGap, type DisparityName } from './read';
import { count, dec, pct1, points, q } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

const by = (key: KeyEvidence): string => key.columns.join(' × ');

/** The decision in the data's own words ("approved"), else the positive label, else "yes". */
function decision(r: GlossaryReport, key: KeyEvidence): string {
  const f = findingsOf(r, 'fairness.groups').find((x) => x.numbers.key === key.columns.join('+'));
  const d = f?.numbers.decision_label ?? f?.numbers.positive_label;
  return q(typeof d === 'string' && d !== '' ? d : 'yes');
}

/** "88.7% of “60+” (118 of 133)" — the counts when the test behind the gap has them. */
function rateOf(key: KeyEvidence, metric: string, group: string): string | null {
  const v = groupValue(key, group, metric);
  if (v === null) return null;
  const t = testFor(key, metric);
  const side = t?.high_group === group ? t.high : t?.low_group === group ? t.low : null;
  return `${pct1(v)} of ${q(group)}${side && typeof side.k === 'number' ? ` (${count(side.k)} of ${count(side.n)})` : ''}`;
}

/** Worked example of a max − min gap in one measure. */
function gapExample(r: GlossaryReport, name: DisparityName, metric: string, words: (key: KeyEvidence) => string): string | null {
  const w = widestGap(r, name);
  if (!w) return null;
  const high = rateOf(w.key, metric, w.gap.high_group);
  const low = rateOf(w.key, metric, w.gap.low_group);
  if (!high || !low) return null;
  return `By ${by(w.key)}, ${words(w.key)} ${high} and ${low}: a difference of ${points(w.gap.value)}.`;
}

/** Groups big enough for a verdict with a defined value of the measure. */
function judged(key: KeyEvidence, metric: string): { group: string; value: number }[] {
  return key.groups.flatMap((g) => {
    const v = g.small_group ? null : groupValue(key, g.group, metric);
    return v === null ? [] : [{ group: g.group, value: v }];
  });
}

function spread(key: KeyEvidence, metric: string): { high: { group: string; value: number }; low: { group: string; value: number } } | null {
  const list = judged(key, metric);
  if (list.length < 2) return null;
  const high = list.reduce((a, b) => (b.value > a.value ? b : a));
  const low = list.reduce((a, b) => (b.value < a.value ? b : a));
  return { high, low };
}

const CAVEAT = 'A gap is a reason to look closer, not proof of discrimination: the groups may differ in ways the data does not show.';

export const fairnessEntries: GlossaryEntry[] = [
  {
    id: 'demographic-parity-difference',
    kind: 'fairness',
    term: 'Difference in how often each group is chosen',
    technical: 'demographic parity difference',
    what: 'Take each group’s selection rate (the share the model says “yes” to). The difference between the highest and the lowest is the demographic parity difference: 0 means every group is chosen equally often.',
    misleads: `It ignores whether the groups really differ in the outcome: if one group really has the good outcome more often, equal selection rates would be unfair in another way. With small groups the gap is mostly chance — check “could it be chance?”. ${CAVEAT}`,
    definition: 'demographic_parity_difference = max over groups of the selection rate − min over groups (fairlearn.metrics.demographic_parity_difference, method="between_groups"). Groups below the minimum size are left out.',
    related: ['selection-rate', 'demographic-parity-ratio', 'four-fifths-rule', 'equalized-odds-difference', 'two-proportion-z-test', 'fairness.groups'],
    example: (r) => gapExample(r, 'demographic_parity_difference', 'selection_rate', (key) => `the model said ${decision(r, key)} to`),
  },
  {
    id: 'demographic-parity-ratio',
    kind: 'fairness',
    term: 'Ratio of how often each group is chosen',
    technical: 'demographic parity ratio (disparate impact ratio)',
    what: 'The lowest group selection rate divided by the highest. 1 means every group is chosen equally often; 0.5 means one group is chosen half as often as another.',
    misleads: `A ratio makes small rates look very different (2% vs 4% is a ratio of 0.5) and large ones look alike. Like the difference, it ignores whether the groups really differ in the outcome. ${CAVEAT}`,
    definition: 'demographic_parity_ratio = min over groups of the selection rate ÷ max over groups (fairlearn.metrics.demographic_parity_ratio).',
    related: ['demographic-parity-difference', 'four-fifths-rule', 'selection-rate'],
    example(r) {
      const w = widestGap(r, 'demographic_parity_ratio');
      if (!w) return null;
      const high = groupValue(w.key, w.gap.high_group, 'selection_rate');
      const low = groupValue(w.key, w.gap.low_group, 'selection_rate');
      if (high === null || low === null) return null;
      return `By ${by(w.key)}, the model said ${decision(r, w.key)} to ${pct1(low)} of ${q(w.gap.low_group)} and ${pct1(high)} of ${q(w.gap.high_group)}: ${pct1(low)} ÷ ${pct1(high)} = ${dec(w.gap.value)}${w.gap.value < 0.8 ? ', below the four-fifths line of 0.8' : ''}.`;
    },
  },
  {
    id: 'four-fifths-rule',
    kind: 'fairness',
    term: 'The four-fifths rule',
    technical: 'four-fifths (80%) rule of adverse impact',
    what: 'A rule of thumb from US employment guidelines (1978): if a group is chosen at less than four-fifths (80%) of the rate of the most-chosen group, that is taken as a sign of possible adverse impact.',
    misleads: 'It is not a legal verdict or a statistical test. With small groups it flags chance differences; with large groups it misses real gaps; and passing it does not show that a model is fair — it looks only at who is chosen, not at who is wrongly refused.',
    definition: 'Flag when (selection rate of a group) ÷ (highest group selection rate) < 0.8 (Uniform Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D)).',
    related: ['demographic-parity-ratio', 'selection-rate', 'minimum-group-size'],
    example(r) {
      const w = widestGap(r, 'demographic_parity_ratio');
      if (!w) return null;
      const list = judged(w.key, 'selection_rate');
      const top = list.find((g) => g.group === w.gap.high_group);
      if (!top) return null;
      const line = 0.8 * top.value;
      const below = list.filter((g) => g.value < line);
      return `By ${by(w.key)}, the most-chosen group is ${q(top.group)} at ${pct1(top.value)}; four-fifths of that is ${pct1(line)}. ${below.length ? `Below it: ${below.map((g) => `${q(g.group)} (${pct1(g.value)})`).join(', ')}.` : 'No group is below it.'}`;
    },
  },
  {
    id: 'equalized-odds-difference',
    kind: 'fairness',
    term: 'Larger of the two error-rate gaps',
    technical: 'equalized odds difference',
    what: 'Two gaps between groups: in how often people who deserve “yes” get it (true positive rate), and in how often people who do not deserve it get it anyway (false positive rate). The equalized odds difference is the larger of the two; 0 means the model makes both kinds of mistake equally often in every group.',
    misleads: `It depends on the recorded outcome being right: if past decisions shaped the outcome (only approved people could repay), the “deserving” column is biased too. Small groups make both rates unstable. ${CAVEAT}`,
    definition: 'equalized_odds_difference = max(TPR max − min, FPR max − min) over groups (fairlearn.metrics.equalized_odds_difference, agg="worst_case").',
    related: ['equal-opportunity-difference', 'recall', 'false-positive-rate', 'demographic-parity-difference'],
    example(r) {
      const w = widestGap(r, 'equalized_odds_difference');
      if (!w) return null;
      const tpr = spread(w.key, 'tpr');
      const fpr = spread(w.key, 'fpr');
      if (!tpr || !fpr) return null;
      const tGap = tpr.high.value - tpr.low.value;
      const fGap = fpr.high.value - fpr.low.value;
      if (Math.abs(Math.max(tGap, fGap) - w.gap.value) > 1e-9) return null;
      return `By ${by(w.key)}: people who deserved it were chosen ${pct1(tpr.high.value)} of the time in ${q(tpr.high.group)} and ${pct1(tpr.low.value)} in ${q(tpr.low.group)} (a gap of ${points(tGap)}); people who did not were chosen ${pct1(fpr.high.value)} in ${q(fpr.high.group)} and ${pct1(fpr.low.value)} in ${q(fpr.low.group)} (${points(fGap)}). The larger gap, ${points(w.gap.value)}, is the equalized odds difference.`;
    },
  },
  {
    id: 'equal-opportunity-difference',
    kind: 'fairness',
    term: 'Difference in how often deserving people are chosen',
    technical: 'equal opportunity difference (true positive rate difference)',
    what: 'Among people who really had the good outcome, the share the model said “yes” to, compared between groups: highest minus lowest. 0 means deserving people are chosen equally often in every group.',
    misleads: `It ignores false alarms entirely, and relies on the recorded outcome being fair. ${CAVEAT}`,
    definition: 'equal_opportunity_difference = max − min over groups of TPR = TP ÷ (TP + FN) (fairlearn true_positive_rate_difference).',
    related: ['recall', 'equalized-odds-difference'],
    example: (r) => gapExample(r, 'equal_opportunity_difference', 'tpr', () => 'among people who really had the good outcome, the model chose'),
  },
  {
    id: 'predictive-parity-difference',
    kind: 'fairness',
    term: 'Difference in how often a “yes” is right',
    technical: 'predictive parity difference (precision difference)',
    what: 'Of the people the model said “yes” to, the share who really had the good outcome, compared between groups: highest minus lowest. 0 means a “yes” is equally trustworthy for every group.',
    misleads: `When groups differ in how common the outcome is, it cannot be 0 at the same time as the error-rate gaps (a proven trade-off): choose the gap that matters for your decision. ${CAVEAT}`,
    definition: 'predictive_parity_difference = max − min over groups of precision = TP ÷ (TP + FP), over groups where the model says “yes” at least once.',
    related: ['precision', 'equalized-odds-difference'],
    example: (r) => gapExample(r, 'predictive_parity_difference', 'precision', () => 'a “yes” from the model was right for'),
  },
  {
    id: 'mae-gap',
    kind: 'fairness',
    term: 'Difference in average error between groups',
    technical: 'MAE difference and ratio',
    what: 'For a model that guesses amounts: each group’s average miss, compared between the group with the largest and the group with the smallest.',
    misleads: 'A group with larger amounts naturally has larger misses in money terms; compare with the typical amount in each group.',
    definition: 'mae_difference = max − min over groups of MAE; mae_ratio = min ÷ max. Tested with a Welch z test on the absolute errors.',
    related: ['mae', 'welch-t-test'],
    example(r) {
      const d = widestGap(r, 'mae_difference');
      if (!d) return null;
      const high = groupValue(d.key, d.gap.high_group, 'mae');
      const low = groupValue(d.key, d.gap.low_group, 'mae');
      if (high === null || low === null) return null;
      return `By ${by(d.key)}, the average miss is ${dec(high)} for ${q(d.gap.high_group)} and ${dec(low)} for ${q(d.gap.low_group)}: a difference of ${dec(d.gap.value)}, a ratio of ${dec(low / high)}.`;
    },
  },
  {
    id: 'reference-group',
    kind: 'fairness',
    term: 'The group others are compared with',
    technical: 'reference group',
    what: 'For “ratio to reference”, each group’s rate is divided by the rate of one chosen group: the largest group, unless you picked another.',
    misleads: 'Choosing a different reference changes every ratio. The largest group is not necessarily the best-treated one.',
    definition: 'ratio_to_reference[group][measure] = measure(group) ÷ measure(reference group).',
    related: ['demographic-parity-ratio', 'selection-rate'],
    example(r) {
      const key = fairnessKeysOf(r).find((k) => k.columns.length === 1 && k.ratio_to_reference);
      if (!key) return null;
      const ref = groupOf(key, key.reference_group);
      const other = key.groups.find((g) => g.group !== key.reference_group && !g.small_group && typeof key.ratio_to_reference[g.group]?.selection_rate === 'number');
      const refRate = groupValue(key, key.reference_group, 'selection_rate');
      const otherRate = other ? groupValue(key, other.group, 'selection_rate') : null;
      if (!ref || !other || refRate === null || otherRate === null) return null;
      return `By ${by(key)}, the reference is ${q(key.reference_group)} (${count(ref.count)} rows${key.reference_chosen_by === 'largest' ? ', the largest group' : ''}). ${q(other.group)} was chosen ${pct1(otherRate)} of the time against ${pct1(refRate)}: a ratio of ${dec(key.ratio_to_reference[other.group]!.selection_rate!)}.`;
    },
  },
  {
    id: 'minimum-group-size',
    kind: 'fairness',
    term: 'Smallest group we judge',
    technical: 'minimum group size',
    what: 'A group needs a minimum number of rows (30 by default) before its rates are compared: with fewer, a rate can swing widely by chance. Smaller groups are shown as “not enough data to say”, never with a made-up rate.',
    misleads: 'Leaving small groups out means the people most at risk of being overlooked may not be judged at all: collect more data for them rather than reading “no gap found” as good news.',
    definition: 'A group is judged when it has at least min_group_size rows (and, for each rate, at least min_class_count rows of the class the rate is about).',
    related: ['support', 'confidence-interval', 'fairness.representation'],
    example(r) {
      const settings = checkReportOf(r)?.fairness_summary?.settings as Record<string, unknown> | undefined;
      const min = typeof settings?.min_group_size === 'number' ? settings.min_group_size : null;
      const keys = fairnessKeysOf(r).filter((k) => k.columns.length === 1);
      if (min === null || keys.length === 0) return null;
      const small = keys.flatMap((k) => k.groups.filter((g) => g.small_group).map((g) => `${q(g.group)} (${count(g.count)} rows)`));
      if (small.length) return `Groups needed at least ${count(min)} rows. Too small to judge in your data: ${small.join(', ')}.`;
      const smallest = keys.flatMap((k) => k.groups).reduce((a, b) => (b.count < a.count ? b : a));
      return `Groups needed at least ${count(min)} rows; every group in your data had enough — the smallest, ${q(smallest.group)}, has ${count(smallest.count)}.`;
    },
  },
];
