/** Words for the alert rules a person set on a project, and "consider retraining". */
import type { Finding } from '../../findings/types';
import { formatNumber, formatShare } from '../format';
import type { FindingTexts } from '../types';

const METRIC_NAMES: Record<string, string> = {
  accuracy: 'accuracy',
  roc_auc: 'ROC AUC',
  ece: 'calibration error',
  worst_dp_ratio: 'the smallest ratio of selection rates between groups',
  worst_dp_difference: 'the largest gap in selection rates between groups',
  share_drifted: 'the share of columns that changed',
};

const num = (f: Finding, k: string): number | null => (typeof f.numbers[k] === 'number' ? (f.numbers[k] as number) : null);
const shown = (f: Finding, v: number | null): string => (v === null ? 'unknown' : f.numbers.metric === 'roc_auc' || f.numbers.metric === 'worst_dp_ratio' ? formatNumber(v) : formatShare(v));

export const historyTexts: FindingTexts = {
  'history.rule': {
    title: 'A rule you set',
    headline(f) {
      const name = METRIC_NAMES[String(f.numbers.metric)] ?? String(f.numbers.metric);
      const where = typeof f.numbers.fairness_key === 'string' ? ` (${f.numbers.fairness_key.split('+').join(' × ')})` : '';
      if (f.status !== 'issue') return `Your rule on ${name} could not be checked: this run did not measure it.`;
      if (f.numbers.kind === 'drop') {
        const from = f.numbers.from === 'previous' ? 'the previous run' : 'the first run';
        return `${name[0]!.toUpperCase()}${name.slice(1)} went from ${shown(f, num(f, 'baseline'))} in ${from} to ${shown(f, num(f, 'current'))}: worse by more than the ${shown(f, num(f, 'limit'))} you allowed.`;
      }
      return `${name[0]!.toUpperCase()}${name.slice(1)}${where} is ${shown(f, num(f, 'current'))}, ${f.numbers.kind === 'below' ? 'below' : 'above'} your limit of ${shown(f, num(f, 'limit'))}.`;
    },
    why: (f) =>
      f.status === 'issue'
        ? 'You asked to be warned about this: something about the data or the model has changed since you set the rule.'
        : 'A rule that cannot be checked gives no protection; the number it watches needs the right columns (outcome, prediction, sensitive columns, a comparison).',
    action: (f) =>
      f.status === 'issue'
        ? 'Look at what changed (the drift comparison and the groups sections) before relying on the model’s new decisions.'
        : 'Check the roles of this dataset, or change the rule.',
    learnMore:
      'Rules are evaluated on every new run against the project’s history, oldest run first. “Worse by more than” compares with the first run (or the previous one, if you chose that); exactly the limit does not fire. Rules in force until you set your own: accuracy down more than 5 points from the first run; more than 30% of columns drifting. Also offered: any sensitive group’s selection-rate ratio below 0.8.',
  },
  'history.retrain': {
    title: 'Consider retraining',
    headline: (f) =>
      f.numbers.with_drift
        ? `The model is getting worse (${String(f.numbers.metrics)}) while the data is changing: it may no longer fit the people it decides about.`
        : `The model has been getting worse (${String(f.numbers.metrics)}) on two runs in a row.`,
    why: () => 'A model learns from past data; when the people or circumstances change, its decisions drift away from what is right.',
    action: () =>
      'Ask whoever built the model to retrain it on recent data (with outcomes), then compare the new model with the old one on the same rows before switching.',
    learnMore:
      'Raised when a performance rule (accuracy, ROC AUC or calibration error) fires on two runs in a row, or together with the drift rule in the same run.',
  },
};
