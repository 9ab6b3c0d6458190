/** Words for weak slices: the ones found automatically ('slices.weak') and the person's own ('slices.custom'). */
import type { Finding } from '../../findings/types';
import { formatCount, formatNumber, formatShare } from '../format';
import type { FindingTexts } from '../types';

const n = (f: Finding, k: string): number | null => (typeof f.numbers[k] === 'number' ? (f.numbers[k] as number) : null);
const s = (f: Finding, k: string): string => (typeof f.numbers[k] === 'string' ? (f.numbers[k] as string) : '');

/** An error as people read it: a share for "wrong", a number for log loss or absolute error. */
function err(f: Finding, key: string): string {
  const v = n(f, key);
  if (v === null) return 'unknown';
  return f.numbers.error_kind === 'misclassification' ? formatShare(v) : formatNumber(v);
}

/** "The model is wrong 38% of the time for age 60+ and region = North (412 rows), against 12% elsewhere." */
function comparison(f: Finding): string {
  const who = `${s(f, 'description')} (${formatCount(n(f, 'size') ?? 0)} rows)`;
  switch (f.numbers.error_kind) {
    case 'misclassification':
      return `The model is wrong ${err(f, 'error')} of the time for ${who}, against ${err(f, 'error_outside')} elsewhere`;
    case 'log_loss':
      return `The model’s scores are further from what happened for ${who}: log loss ${err(f, 'error')}, against ${err(f, 'error_outside')} elsewhere`;
    default:
      return `The model’s guess is off by ${err(f, 'error')} on average for ${who}, against ${err(f, 'error_outside')} elsewhere`;
  }
}

function times(f: Finding): string {
  const lift = n(f, 'lift');
  return lift === null ? 'while it makes no mistakes elsewhere' : `${formatNumber(lift)} times the error of everyone else`;
}

function sensitiveNote(f: Finding): string {
  return f.numbers.sensitive === true ? ` It involves ${s(f, 'sensitive_columns')}, which describes people in a way the law protects: look at the fairness section too.` : '';
}

const p = (v: number | null): string => (v === null ? 'unknown' : v < 0.001 ? 'below 0.001' : formatNumber(v, 2));

export const slicesTexts: FindingTexts = {
  'slices.weak': {
    title: 'Where the model does worse',
    headline(f) {
      if (f.status === 'passed') {
        if (n(f, 'overall_error') === 0) return 'The model makes no mistakes on these rows, so there is no group where it does worse.';
        return `We examined ${formatCount(n(f, 'examined') ?? 0)} groups of rows; none is clearly worse than the rest.`;
      }
      if (f.status === 'not-enough-data') return `There were too few rows or usable columns to look for groups where the model does worse (a group needs at least ${formatCount(n(f, 'min_support') ?? 0)} rows).`;
      return `${comparison(f)}.`;
    },
    why(f) {
      if (f.status !== 'issue') return 'An overall score can hide a group of people for whom the model does much worse; this check looks for such groups so they do not go unnoticed.';
      return `An overall score can hide groups like this one: here the model has ${times(f)}. We looked at ${formatCount(n(f, 'examined') ?? 0)} groups, and a gap this large would be unusual by chance even after allowing for that many tries.${sensitiveNote(f)}`;
    },
    action(f) {
      if (f.status !== 'issue') return 'Nothing to do; if you have a group in mind, check it directly as your own slice.';
      return 'Find out why the model struggles here: too few rows like these when it was built, missing or poor values, or a different pattern for these people. Until then, have a person check the model’s decisions for this group.';
    },
    learnMore:
      'Search: every column except the outcome, prediction, score, ids and ignored columns; numbers and dates in equal-count bins (5 by default), categories by value (rare ones grouped as “another value”), missing as a value of its own. Groups of up to 3 conditions are searched level by level as in SliceLine (Sagadeeva & Boehm, 2021), ranked by its score α·(error in group / overall error − 1) − (1 − α)·(rows / rows in group − 1) with α = 0.99, which weighs how much worse a group is against how small it is; combinations that cannot beat the best groups found so far are skipped. A group must hold at least max(30 rows, 1% of the rows) by default. Error: share of wrong decisions, log loss per row when there is only a score, or absolute error for amounts. Each group is tested against everyone else (one-sided two-proportion z test, or Welch’s t test), and the p-values of ALL groups examined are corrected with Benjamini–Hochberg at a 5% false discovery rate (by default): only groups with q at or below that rate are listed (at most 20), best score first, leaving out any that shares 90% or more of its rows with one already listed. Intervals: Wilson 95% for shares, mean ± 1.96 standard errors otherwise.',
  },
  'slices.custom': {
    title: 'Your own slice',
    headline(f) {
      if (f.status === 'not-enough-data') return `Only ${formatCount(n(f, 'size') ?? 0)} rows match “${s(f, 'definition')}” — too few to say whether the model does worse there.`;
      const base = comparison(f);
      return f.status === 'issue' ? `${base} (p = ${p(n(f, 'p_value'))}).` : `${base}: not clearly different from the rest (p = ${p(n(f, 'p_value'))}).`;
    },
    why(f) {
      if (f.status === 'not-enough-data') return `A group needs at least ${formatCount(n(f, 'min_group_size') ?? 0)} rows (and some rows outside it) before a difference means anything.`;
      return f.status === 'issue'
        ? `Here the model has ${times(f)}, and a gap this large would be unusual by chance.${sensitiveNote(f)}`
        : 'The difference is small enough that it could be chance.';
    },
    action(f) {
      return f.status === 'issue'
        ? 'Find out why the model struggles for this group, and have a person check its decisions for them until it is fixed.'
        : 'Nothing to do for this group; check again when the data or the model changes.';
    },
    learnMore:
      'Your slice is compared with everyone else on the same rows and error as the automatic search (share of wrong decisions, log loss, or absolute error), with a one-sided test (two-proportion z test, or Welch’s t test). Because you chose the group before looking, its plain p-value is used with no correction for multiple tests; it counts as worse when p ≤ 0.05. A missing value never matches a condition except “is missing”.',
  },
};
