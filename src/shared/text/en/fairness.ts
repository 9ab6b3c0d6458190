/** Words for the fairness checks (groups and representation). */
import type { Finding } from '../../findings/types';
import { formatCount, formatNumber, formatShare } from '../format';
import type { FindingTexts } from '../types';

const num = (f: Finding, k: string): number | null => (typeof f.numbers[k] === 'number' ? (f.numbers[k] as number) : null);
const str = (f: Finding, k: string): string => (f.numbers[k] === null || f.numbers[k] === undefined ? '' : String(f.numbers[k]));
const pct = (v: number | null): string => (v === null ? 'unknown' : formatShare(v));
const by = (f: Finding): string => str(f, 'key').split('+').join(' × ');

/** "p = 0.003", "p < 0.001". */
export function formatP(p: number | null): string {
  if (p === null) return 'no test possible';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(p < 0.01 ? 1 : 2))}`;
}

function chance(f: Finding): string {
  const p = formatP(num(f, 'p_value'));
  return f.numbers.significant === true ? `a gap this large would be unusual by chance (${p})` : `a gap this size could be chance with this many people (${p})`;
}

/** The two groups' numbers in words, for the metric the finding is about. */
function gapWords(f: Finding): string {
  const low = `“${str(f, 'group_low')}”`;
  const high = `“${str(f, 'group_high')}”`;
  const pos = `“${str(f, 'positive_label')}”`;
  // The decision in its own words ("approved") when the prediction column has them.
  const decision = `“${typeof f.numbers.decision_label === 'string' && f.numbers.decision_label ? f.numbers.decision_label : str(f, 'positive_label')}”`;
  const lo = pct(num(f, 'rate_low'));
  const hi = pct(num(f, 'rate_high'));
  switch (f.numbers.metric) {
    case 'tpr':
      return `Of the people who really were ${pos}, the model found ${lo} in ${low} but ${hi} in ${high}`;
    case 'fpr':
      return `Of the people who were not ${pos}, the model wrongly said ${pos} for ${hi} in ${high} but ${lo} in ${low}`;
    case 'mae':
      return `the model’s guesses are off by ${formatNumber(num(f, 'rate_high') ?? 0)} on average for ${high}, ${formatNumber(num(f, 'rate_low') ?? 0)} for ${low}`;
    default:
      return `${low} got ${decision} ${lo} of the time, ${high} ${hi}`;
  }
}

const FOUR_FIFTHS =
  'The “four-fifths rule” comes from US employment guidelines (1978): a selection rate for one group below 80% of the highest group’s is taken as a sign of possible adverse impact. It is a rule of thumb, not a legal or statistical test: with small groups it flags chance differences, with large ones it misses real gaps in other measures, and passing it does not show a model is fair.';

export const fairnessTexts: FindingTexts = {
  'fairness.groups': {
    title: 'Fairness across groups',
    headline(f) {
      if (f.status === 'not-enough-data') {
        return `Too few ${by(f)} groups have enough people to compare (${formatCount(num(f, 'groups_excluded') ?? 0)} too small), so there is not enough data to say.`;
      }
      if (f.status === 'issue' || f.numbers.large === true) return `By ${by(f)}: ${gapWords(f)}: ${chance(f)}.`;
      if (f.numbers.task === 'regression') {
        return `By ${by(f)}, the model’s average error is similar across groups (from ${formatNumber(num(f, 'rate_low') ?? 0)} to ${formatNumber(num(f, 'rate_high') ?? 0)}).`;
      }
      const decided = typeof f.numbers.decision_label === 'string' && f.numbers.decision_label ? f.numbers.decision_label : str(f, 'positive_label');
      return `By ${by(f)}, the share given “${decided}” only ranges from ${pct(num(f, 'rate_low'))} (“${str(f, 'group_low')}”) to ${pct(num(f, 'rate_high'))} (“${str(f, 'group_high')}”).`;
    },
    why(f) {
      if (f.status === 'not-enough-data') return 'With only a handful of people in a group, any difference could be luck; a verdict would be a guess.';
      if (f.status === 'issue') {
        return 'Groups of people are treated differently by the model, by more than chance would explain. A gap is not proof of discrimination — it can come from real differences between the groups, from the data, or from the model — but it is exactly what a regulator, a customer or a journalist would ask about.';
      }
      if (f.numbers.large === true) return 'The gap looks large, but the groups are small enough that it could be luck. More data would tell.';
      return 'No large gap between groups was found on the measures checked. That is not proof the model is fair: other measures, other groups or the data itself may still hide a problem.';
    },
    action(f) {
      if (f.status === 'not-enough-data') return 'Collect more rows for the small groups, or combine groups where that makes sense, and check again.';
      if (f.status === 'issue') {
        return 'Find out why before acting: compare the groups’ real outcomes (base rates) and the reasons behind the decisions, ask the model’s maker how it was built and tested, and get legal advice if the decisions affect people’s access to jobs, credit, housing or services.';
      }
      return 'Keep checking as the data changes; look at the intersections below, where gaps can hide inside groups that look fine on their own.';
    },
    learnMore: [
      'Per group: selection rate = share predicted positive; base rate = share actually positive; TPR = of the actual positives, the share predicted positive; FPR = of the actual negatives, the share predicted positive; FNR = 1 − TPR; precision = of the predicted positives, the share actually positive. Every rate has a Wilson 95% interval; ROC AUC per group has DeLong’s interval; calibration per group is the expected calibration error over 10 equal-width bins and the mean score.',
      'Disparities as fairlearn defines them, over the groups big enough to compare (at least 30 rows and 5 of each outcome; smaller groups are listed as excluded): demographic parity difference = highest − lowest selection rate; demographic parity ratio = lowest ÷ highest; equalized odds difference = the larger of the TPR gap and the FPR gap; equal opportunity difference = TPR gap; predictive parity difference = precision gap. Each group is also compared with a reference group (the largest, unless chosen).',
      'Could it be chance? The two groups at the ends of each gap are compared with a two-proportion z test, or Fisher’s exact test when a group is small (any expected count below 5); for amounts, a Welch z test on the absolute errors. Because many gaps are tested at once, p-values are adjusted with the Benjamini–Hochberg procedure (false discovery rate 5%).',
      'An issue is raised when a gap is large (selection-rate ratio below 0.8, or equalized odds difference 0.1 or more; for amounts, one group’s average error 1.25 × another’s) and beyond chance after that adjustment; high when the ratio is below 0.6 or the difference 0.2 or more.',
      FOUR_FIFTHS,
      'Number columns are grouped: age as under 25, 25–39, 40–59, 60+; five or fewer distinct values as themselves; other numbers by quartiles. Missing values form their own group, “(missing)”.',
    ].join('\n\n'),
  },
  'fairness.representation': {
    title: 'Are groups represented as expected?',
    headline(f) {
      if (f.status === 'not-enough-data') return `Too few rows have a ${str(f, 'column')} to compare with the expected shares.`;
      if (f.status === 'passed') return `Every ${str(f, 'column')} group is present in about the share you expected (none below 80% of it).`;
      return `“${str(f, 'group')}” are ${pct(num(f, 'observed_share'))} of the rows with a ${str(f, 'column')}, against ${pct(num(f, 'expected_share'))} expected (${formatP(num(f, 'p_value'))}).`;
    },
    why(f) {
      return f.status === 'issue'
        ? 'A group that is scarce in the data gives the model few examples to learn from, so it often works worse for that group — and checks on that group are less certain.'
        : 'Groups that are well represented give the model, and these checks, enough examples of everyone.';
    },
    action(f) {
      return f.status === 'issue'
        ? 'Find out why this group is scarce (how the data was collected, who was left out) and collect more of it if you can; treat the model’s results for this group with extra care.'
        : 'Nothing to do; check again when the data changes.';
    },
    learnMore:
      'Observed share = the group’s rows ÷ rows with a value in the column (missing values left out), with a Wilson 95% interval, compared with the share you entered (e.g. from a census). A group is flagged when its share is below 0.8 × the expected share and an exact binomial test says the shortfall is beyond chance after Benjamini–Hochberg adjustment (false discovery rate 5%); high when below half.',
  },
};
