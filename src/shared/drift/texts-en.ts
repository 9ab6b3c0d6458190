/** Words for the drift findings (findings.ts), for a reader with no statistics. */
import type { Finding } from '../findings/types';
import { formatCount, formatNumber, formatPsi, formatShare, plural } from '../text/format';
import type { FindingTexts } from '../text/types';
import type { DriftExplanation } from './types';

/**
 * One sentence per verdict key: the difference between "statistically detectable" (the test's
 * p-value is small: probably not chance) and "large enough to matter" (the effect size reaches the
 * threshold). Only a change that is both counts as drift.
 */
export const DRIFT_EXPLANATIONS: Record<DriftExplanation, string> = {
  'detectable-and-large': 'Statistically detectable and large enough to matter: the change is very unlikely to be chance, and it is big by the usual rule of thumb.',
  'detectable-not-large': 'Statistically detectable, but not large enough to matter: with this many rows even a tiny difference is detectable, and this one is small.',
  'large-not-detectable': 'Large enough to matter if it were real, but not statistically detectable: with this few rows the difference could be chance.',
  neither: 'Neither detectable nor large: no sign that this changed.',
  'not-enough-data': 'Too few values on one side to say whether it changed.',
};

/** The paragraph the report shows once, above the per-column results. */
export const DRIFT_DETECTABLE_VS_LARGE =
  'Two different questions are asked of every column. "Statistically detectable" asks whether the difference could be chance; with a million rows almost any difference is detectable, however small. "Large enough to matter" asks how big the difference is, using a measure that does not grow with the number of rows (PSI). A column is called drifted only when the change is both: detectable, and at least a moderate change (PSI 0.1 or more; 0.25 or more is a major change).';

const num = (f: Finding, k: string): number | null => (typeof f.numbers[k] === 'number' ? (f.numbers[k] as number) : null);
const str = (f: Finding, k: string): string | null => (typeof f.numbers[k] === 'string' ? (f.numbers[k] as string) : null);
const pct = (v: number | null): string => (v === null ? 'an unknown share' : formatShare(v));
/** A performance figure to one decimal ("70.7%"): whole percentages would hide the changes that matter here. */
const pct1 = (v: number | null): string => (v === null ? 'unknown' : `${(v * 100).toFixed(1)}%`);
const fmt = (v: number | null): string => (v === null ? 'unknown' : formatNumber(v));
const quote = (s: string | null): string => `“${s ?? ''}”`;
const fmtPsi = formatPsi;

function gradeWords(f: Finding): string {
  const g = f.numbers.grade;
  return g === 'major' ? 'a major change' : g === 'moderate' ? 'a moderate change' : 'a small change';
}

function effectPhrase(f: Finding): string {
  const kind = f.numbers.effect_kind === 'missing-psi' ? 'PSI of the missing share' : 'PSI';
  return `${kind} ${fmtPsi(num(f, 'effect'))}, ${gradeWords(f)}`;
}

const moved = (from: number | null, to: number | null): string => (from === null || to === null ? 'changed' : to > from ? 'rose' : to < from ? 'fell' : 'stayed');

/** "the typical value rose from 42,000 to 51,000" / "“North” went from 30% to 45% of rows". */
function whatMoved(f: Finding, noun = 'value'): string {
  if (f.numbers.type === 'numeric') {
    const a = num(f, 'median_ref');
    const b = num(f, 'median_cur');
    if (a === b) return `the typical ${noun} stayed at ${fmt(a)}`;
    return `the typical ${noun} ${moved(a, b)} from ${fmt(a)} to ${fmt(b)}`;
  }
  const value = str(f, 'top_change_value');
  if (value === null) return 'its categories shifted';
  return `${quote(value)} went from ${pct(num(f, 'top_change_ref'))} to ${pct(num(f, 'top_change_cur'))} of rows`;
}

function newCategories(f: Finding): string {
  const count = num(f, 'new_categories') ?? 0;
  if (count === 0) return '';
  return ` ${count === 1 ? 'One new value' : `${formatCount(count)} new values`} appeared, the largest ${quote(str(f, 'new_category_top'))} (${pct(num(f, 'new_category_top_share'))} of rows).`;
}

function distributionHeadline(f: Finding, subject: string, noun = 'value'): string {
  const explanation = f.numbers.explanation as DriftExplanation;
  if (explanation === 'not-enough-data') {
    return `There are too few values of ${subject} to tell whether it changed (${formatCount(num(f, 'rows_ref') ?? 0)} before, ${formatCount(num(f, 'rows_cur') ?? 0)} now).`;
  }
  if (f.numbers.effect_kind === 'missing-psi') {
    const a = num(f, 'missing_rate_ref');
    const b = num(f, 'missing_rate_cur');
    const how = a !== null && b !== null && b > a ? 'more' : 'less';
    const lead = explanation === 'detectable-and-large' ? `${subject} is missing ${how} often` : `${subject} is missing a little ${how} often`;
    return `${lead}: in ${pct(a)} of rows before, ${pct(b)} now (${effectPhrase(f)}).`;
  }
  switch (explanation) {
    case 'detectable-and-large':
      return `${subject} moved: ${whatMoved(f, noun)} (${effectPhrase(f)}).${newCategories(f)}`;
    case 'detectable-not-large':
      return `${subject} shifted slightly: ${whatMoved(f, noun)} — detectable with this many rows, but small (PSI ${fmtPsi(num(f, 'psi'))}).${newCategories(f)}`;
    case 'large-not-detectable':
      return `${subject} looks different (${effectPhrase(f)}), but with ${formatCount(Math.min(num(f, 'rows_ref') ?? 0, num(f, 'rows_cur') ?? 0))} values on the smaller side this could be chance.`;
    default:
      return `${subject} looks the same in both batches (${whatMoved(f, noun)}; PSI ${fmtPsi(num(f, 'psi'))}).${newCategories(f)}`;
  }
}

const why = {
  drifted: 'When the data a model sees differs from the data it was built on, its decisions can quietly get worse — often long before any outcome shows it.',
  small: 'With many rows even tiny differences are statistically detectable; this one is too small to matter by the usual rule (PSI under 0.1).',
  chance: 'The difference looks large, but with this few rows it could be chance: small samples make these measures noisy and biased upwards.',
  none: 'Nothing changed here that would affect a model.',
};

function distributionWhy(f: Finding): string {
  const e = f.numbers.explanation as DriftExplanation;
  return e === 'detectable-and-large' ? why.drifted : e === 'detectable-not-large' ? why.small : e === 'large-not-detectable' || e === 'not-enough-data' ? why.chance : why.none;
}

const DISTRIBUTION_LEARN_MORE =
  'Numbers: Kolmogorov–Smirnov test (largest gap between the two cumulative distributions; p-value exact up to 10,000 rows a side, else asymptotic — as scipy.stats.ks_2samp). PSI with 10 bins cut at the reference’s deciles (right-closed; a value equal to an edge goes to the lower bin), each bin’s share floored at 0.0001: PSI = Σ (current − reference) · ln(current / reference). Wasserstein distance (scipy.stats.wasserstein_distance) divided by the reference’s standard deviation: roughly “moved by this many standard deviations”. Categories: chi-square test of homogeneity (scipy.stats.chi2_contingency, Yates-corrected for two categories), PSI over the categories, Jensen–Shannon distance in base 2 (0 = same shares, 1 = nothing in common). Missing values are judged separately, by the PSI of the missing share. Verdict: PSI 0.1 or more is a moderate change and 0.25 or more a major one; a column has drifted only when the change is that large AND statistically detectable (p < 0.05). ' +
  DRIFT_DETECTABLE_VS_LARGE;

function points(d: number, unit = ' points'): string {
  return `${d < 0 ? '−' : '+'}${Math.abs(d * 100).toFixed(1)}${unit}`;
}

function metricHeadline(f: Finding): string {
  const metric = f.numbers.metric;
  const a = num(f, 'reference');
  const b = num(f, 'current');
  const d = num(f, 'difference') ?? 0;
  const lo = num(f, 'lower') ?? 0;
  const hi = num(f, 'upper') ?? 0;
  const level = pct(num(f, 'level') ?? 0.95);
  const group = str(f, 'slice') !== null ? `For the rows where ${str(f, 'slice')}, ` : str(f, 'group') === null ? '' : `For ${str(f, 'group_column')} = ${str(f, 'group')}, `;
  const cap = (s: string): string => (group ? s : s.charAt(0).toUpperCase() + s.slice(1));
  if (metric === 'accuracy') {
    return `${group}${cap('accuracy')} ${moved(a, b)} from ${pct1(a)} to ${pct1(b)} (${points(d)}; ${level} interval ${points(lo, '')} to ${points(hi)}).`;
  }
  const sign = (x: number): string => `${x < 0 ? '−' : '+'}${formatNumber(Math.abs(x))}`;
  const name = metric === 'roc_auc' ? 'ROC AUC' : 'the average error (MAE)';
  return `${group}${group ? name : name.charAt(0).toUpperCase() + name.slice(1)} ${moved(a, b)} from ${fmt(a)} to ${fmt(b)} (${sign(d)}; ${level} interval ${sign(lo)} to ${sign(hi)}).`;
}

function estimatedHeadline(f: Finding): string {
  if (f.numbers.available !== true) return `Performance could not be estimated without labels: ${str(f, 'reliability_reason') ?? 'no usable scores'}`;
  const est = num(f, 'accuracy_estimate');
  const base = `accuracy ${f.numbers.reliable ? 'is estimated at' : 'may be about'} ${pct1(est)} (${pct(num(f, 'level') ?? 0.95)} interval ${pct1(num(f, 'accuracy_lower'))} to ${pct1(num(f, 'accuracy_upper'))}), against ${pct1(num(f, 'accuracy_reference'))} measured on the reference`;
  return f.numbers.reliable ? `Without labels yet, ${base}.` : `Rough estimate only: ${base}. ${str(f, 'reliability_reason') ?? ''}`.trim();
}

export const driftTexts: FindingTexts = {
  'drift.column': {
    title: 'Did this column change?',
    headline: (f) => distributionHeadline(f, String(f.numbers.column)),
    why: distributionWhy,
    action: (f) =>
      f.status === 'issue'
        ? 'Find out why it changed: a new data source, a changed form or unit, a different group of people, or a bug in the pipeline. If the change is real and lasting, check the model on recent labelled data and consider retraining it.'
        : f.status === 'not-enough-data'
          ? 'Compare again when more rows have arrived.'
          : 'Nothing to do.',
    learnMore: DISTRIBUTION_LEARN_MORE,
  },
  'drift.dataset': {
    title: 'How much did the data change?',
    headline(f) {
      const compared = num(f, 'compared') ?? 0;
      if (compared === 0) return 'No column could be compared between the two datasets.';
      const drifted = num(f, 'drifted') ?? 0;
      const largest = str(f, 'largest_column');
      const schema = [
        str(f, 'only_in_reference') ? ` Missing from the current batch: ${str(f, 'only_in_reference')}.` : '',
        str(f, 'type_mismatches') ? ` Changed type: ${str(f, 'type_mismatches')}.` : '',
      ].join('');
      if (drifted === 0) return `None of the ${plural(compared, 'compared column')} changed enough to matter (largest: ${largest}, PSI ${fmtPsi(num(f, 'largest_effect'))}).${schema}`;
      const whole = f.numbers.dataset_drifted === true ? ` That is at least ${pct(num(f, 'dataset_share'))} of the columns, so the dataset as a whole has drifted.` : '';
      return `${formatCount(drifted)} of ${plural(compared, 'column')} changed enough to matter (${pct(num(f, 'share_drifted'))}); the largest change is in ${largest} (PSI ${fmtPsi(num(f, 'largest_effect'))}).${whole}${schema}`;
    },
    why: (f) =>
      f.status === 'issue'
        ? 'A model assumes new data looks like the data it learned from. The more columns move, the less its past performance tells you about how it does now.'
        : 'The new batch looks like the reference, so the model’s past performance is still a fair guide.',
    action: (f) =>
      f.status === 'issue'
        ? 'Start with the columns that changed most (the chart). Check missing or renamed columns first: a model reading them may be silently filling in defaults.'
        : 'Nothing to do; compare again with the next batch.',
    learnMore: `Each column in both datasets is compared except the model’s own columns (outcome, prediction, score: see prediction and label drift), ids, timestamps, free text and ignored columns. The share of drifted columns is drifted ÷ compared; 30% or more means the dataset as a whole has drifted. ${DRIFT_DETECTABLE_VS_LARGE}`,
  },
  'drift.prediction': {
    title: 'Did the model’s output change?',
    headline(f) {
      if (f.numbers.role === 'prediction' && str(f, 'positive_label') !== null && num(f, 'positive_cur') !== null) {
        const a = num(f, 'positive_ref');
        const b = num(f, 'positive_cur');
        const e = f.numbers.explanation as DriftExplanation;
        const tail = e === 'detectable-and-large' ? ` (${effectPhrase(f)})` : ` (PSI ${fmtPsi(num(f, 'psi'))})`;
        return `The model now predicts ${quote(str(f, 'positive_label'))} for ${pct(b)} of rows, ${a === null ? 'a value it never gave before' : b! > a ? `up from ${pct(a)}` : b! < a ? `down from ${pct(a)}` : 'as before'}${tail}.`;
      }
      return distributionHeadline(f, f.numbers.role === 'score' ? 'The model’s score' : 'The model’s decision', f.numbers.role === 'score' ? 'score' : 'value');
    },
    why: (f) =>
      f.status === 'issue'
        ? 'The model is giving different answers than it used to. Either the people or cases changed, or something upstream is feeding it different data; either way its past accuracy may no longer hold.'
        : distributionWhy(f),
    action: (f) =>
      f.status === 'issue'
        ? 'Look at which input columns changed (above) to find the cause, and check the model on recent labelled cases before relying on its decisions.'
        : 'Nothing to do.',
    learnMore: `Scores are compared as numbers, decisions as categories, with the same tests as every column. ${DISTRIBUTION_LEARN_MORE}`,
  },
  'drift.label': {
    title: 'Did the outcome change?',
    headline(f) {
      if (str(f, 'positive_label') !== null && num(f, 'positive_cur') !== null) {
        return `The outcome ${quote(str(f, 'positive_label'))} happens in ${pct(num(f, 'positive_cur'))} of rows now, ${pct(num(f, 'positive_ref'))} before (PSI ${fmtPsi(num(f, 'psi'))}, ${gradeWords(f)}).`;
      }
      return distributionHeadline(f, 'The outcome');
    },
    why: (f) =>
      f.status === 'issue'
        ? 'How often the outcome happens has changed. A model tuned to the old rate will tend to predict it too often or too rarely, and thresholds chosen on old data may no longer fit.'
        : 'The outcome happens about as often as before.',
    action: (f) => (f.status === 'issue' ? 'Check whether the decision threshold still fits, and whether the change is seasonal or lasting.' : 'Nothing to do.'),
    learnMore: DISTRIBUTION_LEARN_MORE,
  },
  'drift.performance': {
    title: 'Did the model get worse?',
    headline: metricHeadline,
    why: (f) =>
      f.status === 'issue'
        ? 'The model makes more mistakes on the new batch than on the reference, and the interval shows this is not just chance.'
        : f.status === 'not-enough-data'
          ? 'The drop looks sizeable, but the interval still includes no change: with these rows it could be chance.'
          : 'Performance held up: any change is small or within chance.',
    action: (f) =>
      f.status === 'issue'
        ? 'Look at which columns drifted and which groups got worse; consider retraining on recent data, and keep the old model’s results for comparison.'
        : f.status === 'not-enough-data'
          ? 'Check again when more labelled rows have arrived.'
          : 'Nothing to do.',
    learnMore:
      'Change = current − reference. Accuracy: Newcombe’s hybrid score interval for the difference of two independent proportions (method 10, from each side’s Wilson interval). ROC AUC: each side’s DeLong variance, added (the batches are independent), normal interval. MAE: Welch normal interval for the difference of two means. Overall, a change counts as worse only when its interval lies entirely below no change. Groups (of each sensitive column) and slices (the current batch’s weak slices, found as in the check-up and selected in the reference by the same conditions) are many comparisons at once: each gets a test of no change (Fisher’s exact or the two-proportion z test for accuracy, Welch’s z for MAE) and counts as worse only when its Benjamini–Hochberg q-value over all of them is at most 0.05. A drop of 5 points or more is high, 2 or more medium.',
  },
  'drift.estimated-performance': {
    title: 'How well is the model doing on the new batch? (estimated, no labels yet)',
    headline: estimatedHeadline,
    why: (f) =>
      f.numbers.reliable === true
        ? 'Outcomes often arrive weeks later. Until then, honest scores already tell how often the model should be right — if the link between score and outcome has not changed.'
        : 'The estimate rests on the scores being honest chances; on the reference they are not, so the estimate could be off by more than its interval shows.',
    action: (f) =>
      f.status === 'issue'
        ? 'Treat this as an early warning: check a sample of recent cases by hand, or get labels for them, before the real outcomes arrive.'
        : 'Replace this estimate with the real figure once the outcomes arrive.',
    learnMore:
      'Confidence-based performance estimation (in the style of NannyML’s CBPE). First the scores are checked on the reference, which has labels: the expected calibration error (10 equal-width bins) must be under 0.05, and the accuracy the scores predict for the reference must be within 3 standard errors of its real accuracy; if not, the scores are recalibrated with isotonic regression fitted on the reference (its error checked by 2-fold cross-fitting), and this is said. Then each row’s chance of being decided correctly is its score (if the model says yes) or one minus it (if no); the estimated accuracy is the average, with a normal interval from the sum of the rows’ Bernoulli variances. ROC AUC is estimated the same way (expected Mann–Whitney statistic, delta-method interval). Assumptions in plain words: the scores are honest chances, and the same score means the same chance in the new batch as in the reference. The interval covers only which rows happen to turn out positive — not errors in the calibration itself, nor a change in what the score means, which no method without labels can see.',
  },
};
