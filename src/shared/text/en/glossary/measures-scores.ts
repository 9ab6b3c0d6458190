/**
 * Measures of a model's score (a number between 0 and 1): how well it ranks, how well it can be
 * read as a chance, and what the cut-off does. Worked out from report.performance (the curves and
 * the threshold table) and report.calibration (the reliability bins).
 */
import { calibrationOf, driftOf, measured, modelsOf, numberAt, performanceOf, positiveLabelOf } from './read';
import { count, dec, pct, points, q } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

const pos = (r: GlossaryReport): string => q(positiveLabelOf(r) ?? 'positive');
const multiclass = (r: GlossaryReport): boolean => performanceOf(r)?.task === 'multiclass';
/** What a score is a chance of: the positive outcome, or (several classes) the model's answer being right. */
const hit = (r: GlossaryReport): string => (multiclass(r) ? 'had the right answer' : `really were ${pos(r)}`);

interface ThresholdRow {
  threshold: number;
  precision: number | null;
  recall: number | null;
  falsePositiveRate: number | null;
  selectionRate: number | null;
}

/** The threshold-table row closest to `t`. */
function thresholdRow(r: GlossaryReport, t: number): ThresholdRow | null {
  const table = performanceOf(r)?.threshold_table;
  if (!Array.isArray(table)) return null;
  let best: ThresholdRow | null = null;
  for (const row of table as Record<string, unknown>[]) {
    const th = numberAt(row, 'threshold');
    if (th === null || (best && Math.abs(best.threshold - t) <= Math.abs(th - t))) continue;
    best = { threshold: th, precision: numberAt(row, 'precision'), recall: numberAt(row, 'recall'), falsePositiveRate: numberAt(row, 'falsePositiveRate'), selectionRate: numberAt(row, 'selectionRate') };
  }
  return best;
}

interface Bin {
  lower: number;
  upper: number;
  count: number;
  mean: number;
  positive: number;
}

function binsOf(r: GlossaryReport): Bin[] {
  const bins = calibrationOf(r)?.bins;
  if (!Array.isArray(bins)) return [];
  const out: Bin[] = [];
  for (const b of bins as Record<string, unknown>[]) {
    const [lower, upper, n, mean, positive] = [numberAt(b, 'lower'), numberAt(b, 'upper'), numberAt(b, 'count'), numberAt(b, 'mean_score'), numberAt(b, 'fraction_positive')];
    if (lower !== null && upper !== null && n !== null && n > 0 && mean !== null && positive !== null) out.push({ lower, upper, count: n, mean, positive });
  }
  return out;
}

/** The bin whose gap weighs most in the ECE. */
const heaviest = (bins: readonly Bin[]): Bin | null => bins.reduce<Bin | null>((best, b) => (!best || b.count * Math.abs(b.mean - b.positive) > best.count * Math.abs(best.mean - best.positive) ? b : best), null);

const range = (b: Bin): string => `${pct(b.lower)} and ${pct(b.upper)}`;
const scores = (b: Bin): string => `scores ${pct(b.lower)} to ${pct(b.upper)}`;

export const scoreEntries: GlossaryEntry[] = [
  {
    id: 'roc-auc',
    kind: 'measure',
    term: 'How well the score ranks',
    technical: 'ROC AUC (area under the ROC curve)',
    what: 'Pick one row that really was “yes” and one that was “no”. ROC AUC is the chance that the model gave the “yes” row the higher score. 0.5 is a coin toss, 1 is a perfect ranking.',
    misleads: 'It only measures ranking, not whether the scores can be read as chances, nor how good the decisions are at the cut-off actually used. When “yes” is rare, a high AUC can go with many false alarms; the precision–recall curve shows that better.',
    definition: 'AUC = P(score of a random positive > score of a random negative), ties counted ½ (the Mann–Whitney statistic; scikit-learn roc_auc_score). 95% interval by DeLong’s method.',
    related: ['roc-curve', 'pr-auc', 'delong-test', 'quality.target-leakage'],
    example(r) {
      const m = measured(performanceOf(r), 'roc_auc');
      if (m) {
        const interval = m.lower !== null && m.upper !== null ? ` (likely range ${dec(m.lower)} – ${dec(m.upper)})` : '';
        return `Your score’s ROC AUC is ${dec(m.value)}${interval}: take a row that really was ${pos(r)} and one that was not; ${pct(m.value)} of the time the first has the higher score.`;
      }
      const models = modelsOf(r);
      if (models?.auc) return `${q(models.models.score_a ?? models.models.a)} ranks with ROC AUC ${dec(models.auc.auc_a)} and ${q(models.models.score_b ?? models.models.b)} with ${dec(models.auc.auc_b)} on the same ${count(models.rows)} rows.`;
      const change = driftOf(r)?.performance?.metrics.find((c) => c.metric === 'roc_auc');
      return change ? `ROC AUC was ${dec(change.reference)} on the earlier batch and ${dec(change.current)} on the new one.` : null;
    },
  },
  {
    id: 'roc-curve',
    kind: 'measure',
    term: 'Catches against false alarms, at every cut-off',
    technical: 'ROC curve (receiver operating characteristic)',
    what: 'Each point is one cut-off of the score: across, the share of “no” rows wrongly flagged (false positive rate); up, the share of “yes” rows caught (true positive rate). A curve hugging the top-left corner ranks well; the diagonal is a coin toss.',
    misleads: 'It hides how common “yes” is: with rare positives, a small false positive rate can still mean far more false alarms than catches.',
    definition: 'The points (FPR(t), TPR(t)) for every threshold t (scikit-learn roc_curve); the area under it is the ROC AUC.',
    related: ['roc-auc', 'recall', 'false-positive-rate', 'threshold', 'pr-curve'],
    example(r) {
      const row = thresholdRow(r, 0.5);
      if (!row || row.recall === null || row.falsePositiveRate === null) return null;
      return `At a cut-off of ${dec(row.threshold)}, the score catches ${pct(row.recall)} of the rows really ${pos(r)} while flagging ${pct(row.falsePositiveRate)} of the others: that is the point (${dec(row.falsePositiveRate)}, ${dec(row.recall)}) of your curve.`;
    },
  },
  {
    id: 'pr-auc',
    kind: 'measure',
    term: 'Precision across all cut-offs',
    technical: 'average precision (area under the precision–recall curve)',
    what: 'How precise the model’s “yes” answers stay as it is asked to catch more and more of the real “yes” rows, summed up in one number between 0 and 1.',
    misleads: 'Its floor is not 0.5 but the share of “yes” rows: a score that knows nothing gets about that. Compare it with the base rate, not with 0.',
    definition: 'AP = Σ (R_n − R_(n−1)) · P_n over thresholds, the precision at each threshold weighted by the increase in recall (scikit-learn average_precision_score).',
    related: ['pr-curve', 'precision', 'recall', 'base-rate', 'roc-auc'],
    example(r) {
      const m = measured(performanceOf(r), 'pr_auc');
      const base = measured(performanceOf(r), 'base_rate');
      if (!m || !base) return null;
      return `Your score’s average precision is ${dec(m.value)}. A score that knew nothing would get about ${dec(base.value)}, the share of rows really ${pos(r)}.`;
    },
  },
  {
    id: 'pr-curve',
    kind: 'measure',
    term: 'Precision against recall, at every cut-off',
    technical: 'precision–recall curve',
    what: 'Each point is one cut-off of the score: across, the share of real “yes” rows caught (recall); up, the share of flagged rows that were right (precision). Lowering the cut-off usually catches more and is right less often.',
    misleads: 'It ignores the rows correctly left at “no”, and its shape at the far left rests on very few rows.',
    definition: 'The points (recall(t), precision(t)) for every threshold t (scikit-learn precision_recall_curve).',
    related: ['pr-auc', 'precision', 'recall', 'threshold', 'roc-curve'],
    example(r) {
      const a = thresholdRow(r, 0.5);
      const b = thresholdRow(r, 0.7);
      if (!a || !b || a.precision === null || a.recall === null || b.precision === null || b.recall === null || a.threshold === b.threshold) return null;
      return `At a cut-off of ${dec(a.threshold)}: precision ${pct(a.precision)}, recall ${pct(a.recall)}. Raise it to ${dec(b.threshold)}: precision ${pct(b.precision)}, recall ${pct(b.recall)}.`;
    },
  },
  {
    id: 'threshold',
    kind: 'measure',
    term: 'Cut-off score',
    technical: 'decision threshold',
    what: 'The score at or above which a row is treated as “yes”. Every rate — who is chosen, who is caught, who gets a false alarm — depends on it, for every group.',
    misleads: 'Figures worked out at one cut-off say nothing about another. A cut-off chosen to look good overall can be poor for one group.',
    definition: 'prediction = positive if score ≥ t. The report’s decisions use the prediction column when there is one; the threshold table recomputes every rate for t = 0, 0.01, …, 1.',
    related: ['confusion-matrix', 'roc-curve', 'pr-curve', 'selection-rate'],
    example(r) {
      const a = thresholdRow(r, 0.5);
      const b = thresholdRow(r, 0.7);
      if (!a || !b || a.selectionRate === null || b.selectionRate === null || a.threshold === b.threshold) return null;
      return `With a cut-off of ${dec(a.threshold)}, your model would say ${pos(r)} for ${pct(a.selectionRate)} of rows; with ${dec(b.threshold)}, for ${pct(b.selectionRate)}.`;
    },
  },
  {
    id: 'log-loss',
    kind: 'measure',
    term: 'Penalty for confident mistakes',
    technical: 'log loss (cross-entropy)',
    what: 'Each row costs more the less likely the score said its real outcome was: a confident right score costs almost nothing, a confident wrong one costs a lot. The average cost is the log loss; lower is better.',
    misleads: 'One row scored 0 or 1 and wrong costs without limit and can dominate the average. It has no natural scale: compare it only between models on the same rows.',
    definition: 'log loss = −(1/N) Σ [y·ln p + (1 − y)·ln(1 − p)] (scikit-learn log_loss; scores are clipped away from 0 and 1).',
    related: ['brier-score', 'ece', 'roc-auc'],
    example(r) {
      const m = measured(performanceOf(r), 'log_loss');
      if (!m) return null;
      const row = multiclass(r) ? 'A row whose true class got a score of' : `A row that was ${pos(r)} with a score of`;
      return `${row} 0.9 costs −ln(0.9) = 0.105; with a score of 0.1 it costs −ln(0.1) = 2.3. Averaged over your rows, the cost is ${dec(m.value)}.`;
    },
  },
  {
    id: 'brier-score',
    kind: 'measure',
    term: 'Average squared gap between score and outcome',
    technical: 'Brier score',
    what: 'For each row, the gap between the score and what happened (1 or 0), squared, then averaged. 0 is perfect; lower is better.',
    misleads: 'Its size depends on how common “yes” is, so it cannot be compared between datasets. A good Brier score can hide poor scores for a small group.',
    definition: 'Brier = (1/N) Σ (p − y)² (scikit-learn brier_score_loss).',
    related: ['log-loss', 'ece', 'reliability-diagram', 'base-rate'],
    example(r) {
      const m = measured(performanceOf(r), 'brier') ?? measured(calibrationOf(r), 'brier');
      const base = measured(performanceOf(r), 'base_rate');
      if (!m) return null;
      if (!base) return `Your score’s Brier score is ${dec(m.value)}.`;
      const constant = base.value * (1 - base.value);
      return `Your score’s Brier score is ${dec(m.value)}. Giving every row the same score, ${pct(base.value)} (the share really ${pos(r)}), would score ${dec(base.value)} × ${dec(1 - base.value)} = ${dec(constant)}${m.value > constant ? ' — better than your score' : ''}.`;
    },
  },
  {
    id: 'ece',
    kind: 'measure',
    term: 'Average gap between score and what happened',
    technical: 'expected calibration error (ECE)',
    what: 'Rows are grouped by score (0–10%, 10–20%, …). In each group, the average score is compared with how often “yes” really happened. ECE is the average of those gaps, bigger groups counting more. 0 means the scores can be read as chances.',
    misleads: 'It changes with the number and kind of score groups, and with few rows a group’s gap is mostly chance. Gaps in opposite directions do not cancel, but a small ECE can still hide a badly off group of rare scores.',
    definition: 'ECE = Σ over non-empty bins (n_bin / N) · |mean score − fraction positive|, 10 equal-width bins (Naeini et al. 2015).',
    related: ['max-calibration-error', 'reliability-diagram', 'brier-score', 'model.calibration'],
    example(r) {
      const m = measured(calibrationOf(r), 'ece');
      const bins = binsOf(r);
      const b = heaviest(bins);
      if (!m || !b) return null;
      const n = bins.reduce((s, x) => s + x.count, 0);
      return `Scores between ${range(b)} (${count(b.count)} rows) average ${pct(b.mean)}, but ${pct(b.positive)} of those rows ${hit(r)}: a gap of ${points(b.positive - b.mean)}, weighed ${count(b.count)} ÷ ${count(n)}. Adding every score group’s weighed gap gives ${pct(m.value)}.`;
    },
  },
  {
    id: 'max-calibration-error',
    kind: 'measure',
    term: 'Largest gap in any range of scores',
    technical: 'maximum calibration error (MCE)',
    what: 'The largest gap, over the score groups, between the average score and how often “yes” really happened.',
    misleads: 'It can come from a group with very few rows, where the gap is mostly chance: check how many rows the group has.',
    definition: 'MCE = max over non-empty bins |mean score − fraction positive|.',
    related: ['ece', 'reliability-diagram'],
    example(r) {
      const m = measured(calibrationOf(r), 'max_calibration_error');
      const b = binsOf(r).reduce<Bin | null>((best, x) => (!best || Math.abs(x.mean - x.positive) > Math.abs(best.mean - best.positive) ? x : best), null);
      if (!m || !b) return null;
      return `The largest gap is for scores between ${range(b)}: they average ${pct(b.mean)}, but ${pct(b.positive)} of those ${count(b.count)} rows ${hit(r)} — off by ${points(m.value)}.`;
    },
  },
  {
    id: 'reliability-diagram',
    kind: 'measure',
    term: 'Do the scores match what happened?',
    technical: 'reliability diagram (calibration curve)',
    what: 'A chart with one point per score group: across, the average score; up, how often “yes” really happened. On the diagonal, a score of 70% means a 70% chance.',
    misleads: 'Points resting on few rows jump around by chance; look at how many rows each group has.',
    definition: 'For each bin: (mean predicted probability, fraction of positives) (scikit-learn calibration_curve, strategy="uniform").',
    related: ['ece', 'max-calibration-error', 'model.calibration'],
    example(r) {
      const bins = binsOf(r);
      if (bins.length < 2) return null;
      const [a, b] = [bins[0]!, bins[bins.length - 1]!];
      return `Your lowest score group (${scores(a)}, ${count(a.count)} rows) averages ${pct(a.mean)}, and ${pct(a.positive)} of its rows ${hit(r)}; your highest (${scores(b)}, ${count(b.count)} rows) averages ${pct(b.mean)}, and ${pct(b.positive)} ${hit(r)}.`;
    },
  },
];
