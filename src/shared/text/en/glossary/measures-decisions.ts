/**
 * Measures of a model's yes/no (or class) decisions: accuracy, precision, recall and their kin.
 * Worked out from the confusion counts the report stores (report.performance.confusion).
 */
import type { MetricChange } from '../../../drift/types';
import { checkReportOf, confusionOf, driftOf, matrixOf, measured, modelsOf, performanceOf, positiveLabelOf, type Confusion } from './read';
import { count, dec, division, pct, q } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

const pos = (r: GlossaryReport): string => q(positiveLabelOf(r) ?? 'positive');

/** A rate worked from confusion counts: "Of the 1,582 rows really “1”, the model said “1” for 1,257: 1,257 ÷ 1,582 = 79%." */
function rate(r: GlossaryReport, pick: (c: Confusion) => { k: number; n: number }, words: (k: string, n: string, p: string) => string): string | null {
  const c = confusionOf(r);
  if (!c) return null;
  const { k, n } = pick(c);
  const d = division(k, n);
  return d ? `${words(count(k), count(n), pos(r))}: ${d}.` : null;
}

function driftChange(r: GlossaryReport, metric: MetricChange['metric']): MetricChange | null {
  return driftOf(r)?.performance?.metrics.find((m) => m.metric === metric) ?? null;
}

export const decisionEntries: GlossaryEntry[] = [
  {
    id: 'accuracy',
    kind: 'measure',
    term: 'Right calls',
    technical: 'accuracy',
    what: 'The share of rows where the model’s decision matched what really happened. It is the simplest way to say how often a model is right.',
    misleads:
      'When one outcome is much more common, a model can be “accurate” by always guessing it: if 95 cases in 100 are ordinary, a model that calls every case ordinary is 95% accurate and useless. Accuracy also treats every mistake alike, while a missed fraud and a false alarm rarely cost the same. And an overall figure can hide a group for whom the model is often wrong.',
    definition: 'accuracy = (TP + TN) ÷ (TP + TN + FP + FN): the fraction of correct decisions (scikit-learn accuracy_score). Shown with a 95% Wilson interval.',
    related: ['balanced-accuracy', 'confusion-matrix', 'precision', 'recall', 'wilson-interval', 'quality.class-imbalance'],
    example(r) {
      const c = confusionOf(r);
      if (c) {
        const n = c.tp + c.tn + c.fp + c.fn;
        const d = division(c.tp + c.tn, n);
        return d ? `Your model was right on ${count(c.tp + c.tn)} of ${count(n)} rows (${count(c.tp)} rightly called ${pos(r)} and ${count(c.tn)} rightly called not ${pos(r)}): ${d}.` : null;
      }
      const m = matrixOf(r);
      if (m) {
        const right = m.matrix.reduce((s, row, i) => s + (row[i] ?? 0), 0);
        const n = m.matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
        const d = division(right, n);
        return d ? `Your model picked the right class on ${count(right)} of ${count(n)} rows (the diagonal of the confusion matrix): ${d}.` : null;
      }
      const change = driftChange(r, 'accuracy');
      if (change) return `The model was right ${pct(change.reference)} of the time on the earlier batch (${count(change.rows_ref)} rows) and ${pct(change.current)} on the new one (${count(change.rows_cur)} rows).`;
      const models = modelsOf(r);
      if (models) {
        const a = Math.round(models.accuracy_a.value * models.rows);
        const b = Math.round(models.accuracy_b.value * models.rows);
        return `On the same ${count(models.rows)} rows, ${q(models.models.a)} was right on ${count(a)} (${pct(models.accuracy_a.value)}) and ${q(models.models.b)} on ${count(b)} (${pct(models.accuracy_b.value)}).`;
      }
      return null;
    },
  },
  {
    id: 'balanced-accuracy',
    kind: 'measure',
    term: 'Right calls, both outcomes weighed equally',
    technical: 'balanced accuracy',
    what: 'The average of two shares: how many of the really-positive rows the model caught, and how many of the really-negative rows it let pass. A model that always says the same thing scores 50%, however common that answer is.',
    misleads: 'It assumes both kinds of mistake matter equally, which is rarely true. It also says nothing about how sure the model was.',
    definition: 'balanced accuracy = (recall + specificity) ÷ 2 = (TP ÷ (TP + FN) + TN ÷ (TN + FP)) ÷ 2 (scikit-learn balanced_accuracy_score; for several classes, the mean recall per class).',
    related: ['accuracy', 'recall', 'specificity', 'quality.class-imbalance'],
    example(r) {
      const c = confusionOf(r);
      const b = measured(performanceOf(r), 'balanced_accuracy');
      if (!c || !b || c.tp + c.fn === 0 || c.tn + c.fp === 0) return null;
      const rec = c.tp / (c.tp + c.fn);
      const spec = c.tn / (c.tn + c.fp);
      return `Of the ${count(c.tp + c.fn)} rows really ${pos(r)}, the model caught ${count(c.tp)} (${pct(rec)}); of the ${count(c.tn + c.fp)} others it let ${count(c.tn)} pass (${pct(spec)}). The average of the two is (${pct(rec)} + ${pct(spec)}) ÷ 2 = ${pct(b.value)}, against ${pct((c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn))} plain accuracy.`;
    },
  },
  {
    id: 'precision',
    kind: 'measure',
    term: 'Flagged rows that were right',
    technical: 'precision (positive predictive value)',
    what: 'Of the rows where the model said “yes”, the share that really were “yes”. High precision means few false alarms among the model’s “yes” answers.',
    misleads: 'A model can have high precision by saying “yes” very rarely, only when it is sure, and miss most real cases. Always read it with recall. It also depends on how common “yes” is: the same model has lower precision where “yes” is rarer.',
    definition: 'precision = TP ÷ (TP + FP) (scikit-learn precision_score); not defined when the model never says “yes”.',
    related: ['recall', 'f1', 'pr-curve', 'predictive-parity-difference', 'confusion-matrix'],
    example: (r) => rate(r, (c) => ({ k: c.tp, n: c.tp + c.fp }), (k, n, p) => `The model said ${p} for ${n} rows, and ${k} of them really were ${p}`),
  },
  {
    id: 'recall',
    kind: 'measure',
    term: 'Positive rows the model caught',
    technical: 'recall, true positive rate (TPR), sensitivity',
    what: 'Of the rows that really were “yes”, the share the model also said “yes” to. High recall means the model misses few real cases. In the fairness tables it is “chosen when deserving”.',
    misleads: 'A model that says “yes” to everyone has 100% recall. Always read it with precision or the false positive rate. With few real “yes” rows, it rests on few people and its range is wide.',
    definition: 'recall = TPR = TP ÷ (TP + FN) (scikit-learn recall_score); not defined when no row is really positive.',
    related: ['precision', 'false-positive-rate', 'equal-opportunity-difference', 'roc-curve', 'specificity'],
    example: (r) => rate(r, (c) => ({ k: c.tp, n: c.tp + c.fn }), (k, n, p) => `Of the ${n} rows really ${p}, the model said ${p} for ${k}`),
  },
  {
    id: 'specificity',
    kind: 'measure',
    term: 'Negative rows the model let pass',
    technical: 'specificity, true negative rate',
    what: 'Of the rows that really were “no”, the share the model also said “no” to. It is 100% minus the false positive rate.',
    misleads: 'A model that says “no” to everyone has perfect specificity. Read it with recall.',
    definition: 'specificity = TN ÷ (TN + FP) = 1 − FPR.',
    related: ['false-positive-rate', 'recall', 'balanced-accuracy'],
    example: (r) => rate(r, (c) => ({ k: c.tn, n: c.tn + c.fp }), (k, n, p) => `Of the ${n} rows that were not ${p}, the model also said no to ${k}`),
  },
  {
    id: 'false-positive-rate',
    kind: 'measure',
    term: 'False alarms among negative rows',
    technical: 'false positive rate (FPR)',
    what: 'Of the rows that really were “no”, the share the model wrongly said “yes” to. In the fairness tables it is “chosen when not deserving”.',
    misleads: 'It ignores the real “yes” rows completely, so a model that says “no” to everyone scores a perfect 0%. When “no” rows are few, the rate rests on few people.',
    definition: 'FPR = FP ÷ (FP + TN) (the x axis of the ROC curve).',
    related: ['specificity', 'recall', 'roc-curve', 'equalized-odds-difference'],
    example: (r) => rate(r, (c) => ({ k: c.fp, n: c.fp + c.tn }), (k, n, p) => `Of the ${n} rows that were not ${p}, the model wrongly said ${p} for ${k}`),
  },
  {
    id: 'f1',
    kind: 'measure',
    term: 'Balance of precision and recall',
    technical: 'F1 score',
    what: 'One number that is high only when both precision and recall are high: a model cannot score well on it by being very cautious or very generous with “yes”.',
    misleads: 'It ignores the rows correctly left at “no” entirely, and weighs misses and false alarms as equally bad. Two models with the same F1 can make very different mistakes.',
    definition: 'F1 = 2 · precision · recall ÷ (precision + recall) = 2·TP ÷ (2·TP + FP + FN) (scikit-learn f1_score). Interval: percentile bootstrap over the confusion counts.',
    related: ['precision', 'recall', 'macro-f1', 'bootstrap-interval'],
    example(r) {
      const c = confusionOf(r);
      const f = measured(performanceOf(r), 'f1');
      if (!c || !f) return null;
      return `2 × ${count(c.tp)} right ${pos(r)} ÷ (2 × ${count(c.tp)} + ${count(c.fp)} false alarms + ${count(c.fn)} misses) = ${count(2 * c.tp)} ÷ ${count(2 * c.tp + c.fp + c.fn)} = ${dec(f.value)}.`;
    },
  },
  {
    id: 'mcc',
    kind: 'measure',
    term: 'Agreement beyond chance',
    technical: 'Matthews correlation coefficient (MCC)',
    what: 'How much better than a coin toss the model’s decisions agree with what happened, using all four kinds of right and wrong calls: 1 is perfect, 0 is no better than chance, −1 is always wrong.',
    misleads: 'It is hard to put into words for a decision-maker, and like every single number it hides which mistakes the model makes.',
    definition: 'MCC = (TP·TN − FP·FN) ÷ √((TP + FP)(TP + FN)(TN + FP)(TN + FN)) (scikit-learn matthews_corrcoef); not defined when any of the four sums is 0.',
    related: ['accuracy', 'balanced-accuracy', 'confusion-matrix'],
    example(r) {
      const c = confusionOf(r);
      const m = measured(performanceOf(r), 'mcc');
      if (!c || !m) return null;
      return `(${count(c.tp)} × ${count(c.tn)} − ${count(c.fp)} × ${count(c.fn)}) ÷ √(${count(c.tp + c.fp)} × ${count(c.tp + c.fn)} × ${count(c.tn + c.fp)} × ${count(c.tn + c.fn)}) = ${dec(m.value)}.`;
    },
  },
  {
    id: 'base-rate',
    kind: 'measure',
    term: 'Rows that are positive',
    technical: 'base rate (prevalence)',
    what: 'How common the “yes” outcome really is in the data, whatever the model says. Every other rate should be read against it.',
    misleads: 'It describes this data, not the world: if the data was collected in a skewed way (only approved loans, only people who came back), the base rate is skewed too.',
    definition: 'base rate = (TP + FN) ÷ all rows = the share of rows whose true outcome is the positive class.',
    related: ['selection-rate', 'quality.class-imbalance', 'precision'],
    example: (r) => rate(r, (c) => ({ k: c.tp + c.fn, n: c.tp + c.fn + c.tn + c.fp }), (k, n, p) => `${k} of your ${n} rows really were ${p}`),
  },
  {
    id: 'selection-rate',
    kind: 'measure',
    term: 'Rows the model flagged (chosen)',
    technical: 'selection rate',
    what: 'The share of rows the model said “yes” to (approved, flagged, chosen), whether rightly or not. Comparing it between groups is the first fairness question: is one group chosen more often?',
    misleads: 'A different selection rate between groups is not proof of unfairness: the groups may really differ in the outcome. Compare it with each group’s base rate, and with the error rates.',
    definition: 'selection rate = (TP + FP) ÷ all rows (fairlearn selection_rate).',
    related: ['base-rate', 'demographic-parity-difference', 'demographic-parity-ratio', 'four-fifths-rule'],
    example: (r) => rate(r, (c) => ({ k: c.tp + c.fp, n: c.tp + c.fp + c.tn + c.fn }), (k, n, p) => `The model said ${p} for ${k} of your ${n} rows`),
  },
  {
    id: 'confusion-matrix',
    kind: 'measure',
    term: 'Right and wrong calls',
    technical: 'confusion matrix',
    what: 'A small table counting the four kinds of call: rightly “yes” (true positives), rightly “no” (true negatives), a “yes” that should have been “no” (false positives, false alarms) and a “no” that should have been “yes” (false negatives, misses). Almost every other measure is worked out from it.',
    misleads: 'It is for one cut-off of the score: move the cut-off and every count changes. Counts also do not say how much each mistake costs.',
    definition: 'C[i][j] = number of rows whose true class is i and predicted class is j (scikit-learn confusion_matrix).',
    related: ['accuracy', 'precision', 'recall', 'false-positive-rate', 'threshold'],
    example(r) {
      const c = confusionOf(r);
      if (c) return `Of your ${count(c.tp + c.tn + c.fp + c.fn)} rows: ${count(c.tp)} rightly ${pos(r)}, ${count(c.tn)} rightly not, ${count(c.fp)} false alarms (said ${pos(r)}, was not) and ${count(c.fn)} misses (was ${pos(r)}, the model said no).`;
      const m = matrixOf(r);
      if (!m) return null;
      const right = m.matrix.reduce((s, row, i) => s + (row[i] ?? 0), 0);
      const n = m.matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
      return `Your ${m.classes.length} classes (${m.classes.map(q).join(', ')}) give a table of ${m.classes.length} × ${m.classes.length} cells; its diagonal holds the ${count(right)} right calls of ${count(n)} rows.`;
    },
  },
  {
    id: 'macro-f1',
    kind: 'measure',
    term: 'Balance of precision and recall, classes weighed equally',
    technical: 'macro F1',
    what: 'The F1 score worked out for each class on its own, then averaged with every class counting the same, however rare. A model that ignores a rare class is pulled down.',
    misleads: 'A very rare class with a handful of rows can swing it a lot, and its per-class F1 rests on few rows.',
    definition: 'macro F1 = the unweighted mean of the per-class F1 scores (scikit-learn f1_score, average="macro").',
    related: ['f1', 'weighted-f1', 'support'],
    example(r) {
      const classes = perClass(r);
      const m = measured(performanceOf(r), 'macro_f1');
      if (!classes.length || !m) return null;
      return `F1 per class: ${classes.map((c) => `${q(c.name)} ${dec(c.f1)}`).join(', ')}. Their plain average is ${dec(m.value)}.`;
    },
  },
  {
    id: 'weighted-f1',
    kind: 'measure',
    term: 'Balance of precision and recall, weighed by class size',
    technical: 'weighted F1',
    what: 'The per-class F1 scores averaged with each class weighed by how many rows really belong to it, so common classes count more.',
    misleads: 'A rare class the model gets wrong barely moves it: look at macro F1 or the per-class figures too.',
    definition: 'weighted F1 = Σ (support of class ÷ all rows) · F1 of class (scikit-learn f1_score, average="weighted").',
    related: ['macro-f1', 'f1', 'support'],
    example(r) {
      const classes = perClass(r);
      const m = measured(performanceOf(r), 'weighted_f1');
      if (!classes.length || !m) return null;
      const n = classes.reduce((s, c) => s + c.support, 0);
      return `${classes.map((c) => `${dec(c.f1)} × ${count(c.support)}`).join(' + ')}, divided by ${count(n)} rows = ${dec(m.value)}.`;
    },
  },
  {
    id: 'support',
    kind: 'certainty',
    term: 'How many rows a figure rests on',
    technical: 'support (sample size)',
    what: 'The number of rows behind a figure: the rows of one class, one group or one slice. The fewer rows, the more a figure can move by chance, and the wider its likely range.',
    misleads: 'A big support does not make a figure right if the rows are not like the ones the model will meet. A small one does not make it wrong, only uncertain.',
    definition: 'support = the number of rows whose true class is the class (scikit-learn classification_report); for a group or slice, the rows in it. Slices need at least the minimum support to be searched.',
    related: ['confidence-interval', 'minimum-group-size', 'slices.weak'],
    example(r) {
      const classes = perClass(r);
      if (classes.length) return `Rows per true class: ${classes.map((c) => `${q(c.name)} ${count(c.support)}`).join(', ')}.`;
      const c = confusionOf(r);
      if (c) return `${count(c.tp + c.fn)} rows really were ${pos(r)} and ${count(c.tn + c.fp)} were not: recall rests on the first number, specificity on the second.`;
      const min = checkReportOf(r)?.slices_summary?.min_support;
      return typeof min === 'number' ? `Each group of rows searched for weak spots needed at least ${count(min)} rows.` : null;
    },
  },
];

interface ClassFigures {
  name: string;
  f1: number;
  support: number;
}

/** Multiclass: F1 and support of each class, when every class has both. */
function perClass(r: GlossaryReport): ClassFigures[] {
  const list = performanceOf(r)?.per_class;
  if (!Array.isArray(list) || list.length === 0) return [];
  const out: ClassFigures[] = [];
  for (const c of list as Record<string, unknown>[]) {
    const f1 = measured(c, 'f1');
    if (typeof c.class !== 'string' || !f1 || typeof c.support !== 'number') return [];
    out.push({ name: c.class, f1: f1.value, support: c.support });
  }
  return out;
}
