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
      const rows = formatCount(n(f, 'rows_used') ?? 0);
      if (f.numbers.task === 'regression') {
        const mae = n(f, 'mae');
        const base = n(f, 'baseline_mae');
        const r2 = n(f, 'r2');
        if (mae === null) return 'The model’s guesses could not be compared with what happened.';
        if (base === null) return `On average the model’s guess is off by ${formatNumber(mae)} (over ${rows} rows).`;
        if (r2 === null) return `The model’s guess is off by ${formatNumber(mae)} on average; every true value is ${formatNumber(n(f, 'mean_true') ?? 0)}, so R² is undefined.`;
        return `The model’s guess is off by ${formatNumber(mae)} on average; always guessing the average would be off by ${formatNumber(base)} (R² ${formatNumber(r2)}).`;
      }
      const acc = n(f, 'accuracy');
      if (f.numbers.task === 'multiclass') {
        const base = n(f, 'baseline_accuracy');
        const auc = n(f, 'roc_auc_ovr_macro');
        if (acc === null && auc !== null) return `The scores tell each class from the others with ROC AUC ${formatNumber(auc)} on average (0.5 is chance).`;
        if (acc === null) return 'The model’s answers could not be compared with what happened.';
        const start = `The model is right ${pct(acc)} of the time on ${rows} rows`;
        return base === null ? `${start}.` : `${start}; always answering “${String(f.numbers.majority_class)}” would be right ${pct(base)}.`;
      }
      const auc = n(f, 'roc_auc');
      if (acc === null && auc !== null) return `The score ranks a random positive above a random negative ${pct(auc)} of the time (ROC AUC ${formatNumber(auc)}).`;
      const base = `The model is right ${pct(acc)} of the time on ${rows} rows`;
      return auc === null ? `${base}.` : `${base}; its score separates the outcomes with ROC AUC ${formatNumber(auc)} (0.5 is chance).`;
    },
    why(f) {
      if (f.status === 'not-enough-data') return 'With every true value the same, there is nothing to tell apart: whether the model is useful cannot be judged on this data.';
      if (f.status !== 'issue') return 'This is the starting point: the other checks look at where and for whom the model does worse than this.';
      if (f.numbers.task === 'regression') return 'A model that does no better than always guessing the average adds nothing: its guesses are as far off as a guess that ignores every detail of the row.';
      if (f.numbers.task === 'multiclass' && (n(f, 'accuracy') ?? 0) <= (n(f, 'baseline_accuracy') ?? -1)) {
        return 'A model that is not right more often than always giving the most common answer has not learnt anything useful from the rows.';
      }
      if (f.numbers.task === 'multiclass') return 'The model is right a little more often than always giving the most common answer, but not clearly so: the difference could be chance.';
      return 'A model that barely beats chance makes many wrong calls; decisions based on it may be little better than a coin toss.';
    },
    action(f) {
      if (f.status === 'not-enough-data') return 'Check the outcome column: it should hold what really happened for each row.';
      return f.status === 'issue'
        ? 'Ask whoever built or sold the model how it was tested, and compare it with a simple rule before relying on it.'
        : 'Look at the groups and weak spots below: an overall number can hide people for whom the model does much worse.';
    },
    learnMore:
      'Accuracy = share of rows where the model’s decision matches the outcome. Precision = of the rows predicted positive, the share that are positive; recall = of the positive rows, the share predicted positive. F1 = 2·TP / (2·TP + FP + FN). ROC AUC = chance that a random positive row scores above a random negative one (ties count half), with DeLong’s 95% interval. Proportions carry Wilson 95% intervals; F1 a percentile bootstrap (1,000 resamples of the confusion counts, seeded). ' +
      'Yes/no: ROC AUC below 0.6 → high, below 0.7 → medium. Several classes: accuracy is compared with always answering the most common class (one-sided exact binomial test, as scipy.stats.binomtest with alternative "greater"): no higher → high, higher but p > 0.05 → medium; macro F1 = the plain mean of the per-class F1; with a score per class, the macro one-vs-rest ROC AUC gets the yes/no rule too. Amounts: MAE = mean |true − predicted|; R² = 1 − Σ(true − predicted)² / Σ(true − mean)² (scikit-learn’s r2_score); R² of 0 or less → high; otherwise an MAE no smaller than that of always guessing the mean → medium.',
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
      if (f.numbers.kind === 'top-label') {
        return `When the model is ${pct(says)} sure of its answer, it is right ${pct(seen)} of the time (off by ${pct(n(f, 'ece'))} on average).`;
      }
      return `When the model says ${pct(says)}, “${String(f.numbers.target)} = ${String(f.numbers.positive_label)}” happens ${pct(seen)} of the time (off by ${pct(n(f, 'ece'))} on average).`;
    },
    why: (f) =>
      f.status === 'passed'
        ? 'The scores match how often things really happen, so a score of 70% can be read as a 70% chance.'
        : f.numbers.kind === 'top-label'
          ? 'If people read the score of the model’s answer as how sure it is (“90% a fox”), they will trust some answers far more than they deserve.'
          : 'If people read the score as a chance (“70% likely to repay”), they will be misled: the real chance is different.',
    action: (f) =>
      f.status === 'passed'
        ? 'Nothing to do; keep checking this when the data changes.'
        : 'Do not read the score as a percentage chance. If you need chances, the model can be re-calibrated on recent data (for example with Platt scaling, temperature scaling or isotonic regression).',
    learnMore:
      'Scores are grouped in 10 equal-width bins [0, 0.1], (0.1, 0.2], …, (0.9, 1]. Expected calibration error (ECE) = Σ over non-empty bins (rows in bin / all rows) · |mean score − share positive|. Maximum calibration error = the largest gap in any bin. Brier score = mean (score − outcome)². ' +
      'With several classes, the top-label score is used (Guo et al. 2017, “On Calibration of Modern Neural Networks”): each row’s score for the class the model answered, against whether that answer was right; the share positive is then the share of right answers, and the Brier score is mean (top score − right)². ECE ≥ 0.05 is flagged as medium, ≥ 0.1 as high.',
  },
};
