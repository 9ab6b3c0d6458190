/** Words for the model checks (performance, calibration). */
import type { Finding } from '../../findings/types';
import { formatCount, formatNumber, formatShare } from '../format';
import type { FindingTexts } from '../types';

const n = (f: Finding, k: string): number | null => (typeof f.numbers[k] === 'number' ? (f.numbers[k] as number) : null);
const pct = (v: number | null): string => (v === null ? 'unknown' : formatShare(v));

export const modelTexts: FindingTexts = {
  'model.performance': {
    title: 'How well the model does',
    headline(f) {
      if (f.numbers.task === 'regression') {
        const mae = n(f, 'mae');
        return mae === null ? 'The model’s guesses could not be compared with what happened.' : `On average the model’s guess is off by ${formatNumber(mae)} (over ${formatCount(n(f, 'rows_used') ?? 0)} rows).`;
      }
      const acc = n(f, 'accuracy');
      const auc = n(f, 'roc_auc');
      if (acc === null && auc !== null) return `The score ranks a random positive above a random negative ${pct(auc)} of the time (ROC AUC ${formatNumber(auc)}).`;
      const base = `The model is right ${pct(acc)} of the time on ${formatCount(n(f, 'rows_used') ?? 0)} rows`;
      return auc === null ? `${base}.` : `${base}; its score separates the outcomes with ROC AUC ${formatNumber(auc)} (0.5 is chance).`;
    },
    why(f) {
      return f.status === 'issue'
        ? 'A model that barely beats chance makes many wrong calls; decisions based on it may be little better than a coin toss.'
        : 'This is the starting point: the other checks look at where and for whom the model does worse than this.';
    },
    action(f) {
      return f.status === 'issue'
        ? 'Ask whoever built or sold the model how it was tested, and compare it with a simple rule before relying on it.'
        : 'Look at the groups and weak spots below: an overall number can hide people for whom the model does much worse.';
    },
    learnMore:
      'Accuracy = share of rows where the model’s decision matches the outcome. Precision = of the rows predicted positive, the share that are positive; recall = of the positive rows, the share predicted positive. F1 = 2·TP / (2·TP + FP + FN). ROC AUC = chance that a random positive row scores above a random negative one (ties count half), with DeLong’s 95% interval. Proportions carry Wilson 95% intervals; F1 a percentile bootstrap (1,000 resamples of the confusion counts, seeded).',
  },
  'model.excluded-rows': {
    title: 'Rows left out of the model check',
    headline: (f) => `${formatCount(n(f, 'excluded') ?? 0)} of ${formatCount(n(f, 'rows') ?? 0)} rows (${pct(n(f, 'share'))}) have no outcome, prediction or score and were left out.`,
    why: () => 'The model was only checked on the rows that have everything; if the left-out rows are different, the results may not hold for them.',
    action: () => 'Find out why these rows are incomplete (not decided yet? lost in an export?) and fill them in if you can.',
    learnMore: 'A row is left out of the model checks when the outcome, the prediction or the score is missing. Counted separately: missing outcome, missing prediction, missing score.',
  },
  'model.calibration': {
    title: 'Can the scores be read as chances?',
    headline(f) {
      const says = n(f, 'worst_says');
      const seen = n(f, 'worst_observed');
      if (f.status === 'not-enough-data') return 'There are too few rows with a score to tell whether the scores can be read as chances.';
      if (says === null || seen === null) return `The scores are off from what happens by ${pct(n(f, 'ece'))} on average.`;
      return `When the model says ${pct(says)}, “${String(f.numbers.target)} = ${String(f.numbers.positive_label)}” happens ${pct(seen)} of the time (off by ${pct(n(f, 'ece'))} on average).`;
    },
    why: (f) =>
      f.status === 'passed'
        ? 'The scores match how often things really happen, so a score of 70% can be read as a 70% chance.'
        : 'If people read the score as a chance (“70% likely to repay”), they will be misled: the real chance is different.',
    action: (f) =>
      f.status === 'passed'
        ? 'Nothing to do; keep checking this when the data changes.'
        : 'Do not read the score as a percentage chance. If you need chances, the model can be re-calibrated on recent data (for example with Platt scaling or isotonic regression).',
    learnMore:
      'Scores are grouped in 10 equal-width bins [0, 0.1], (0.1, 0.2], …, (0.9, 1]. Expected calibration error (ECE) = Σ over non-empty bins (rows in bin / all rows) · |mean score − share positive|. Maximum calibration error = the largest gap in any bin. Brier score = mean (score − outcome)². ECE ≥ 0.05 is flagged as medium, ≥ 0.1 as high.',
  },
};
