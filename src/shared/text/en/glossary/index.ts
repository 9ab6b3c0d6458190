/**
 * The glossary (English): one entry per check and per measure, each with plain words, when it
 * misleads, the exact definition and a worked example on the person's own report. Pure and
 * shared, so the app, the exports and the CLI can all use it.
 */
import { changeMeasureEntries } from './change-measures';
import { certaintyEntries } from './certainty';
import { changeCheckEntries } from './checks-changes';
import { modelCheckEntries } from './checks-model';
import { privacyEntries } from './checks-privacy';
import { qualityEntries } from './checks-quality';
import { fairnessEntries } from './fairness';
import { amountEntries } from './measures-amounts';
import { decisionEntries } from './measures-decisions';
import { scoreEntries } from './measures-scores';
import type { GlossaryEntry, GlossaryKind, GlossaryReport } from './types';

export type { GlossaryEntry, GlossaryKind, GlossaryReport } from './types';
export { isDriftReport, isModelComparison } from './read';

/** Every entry: measures first (what people click most), then fairness, certainty, changes, checks. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...decisionEntries,
  ...scoreEntries,
  ...amountEntries,
  ...fairnessEntries,
  ...certaintyEntries,
  ...changeMeasureEntries,
  ...modelCheckEntries,
  ...qualityEntries,
  ...privacyEntries,
  ...changeCheckEntries,
];

const BY_ID = new Map(GLOSSARY.map((e) => [e.id, e]));
if (BY_ID.size !== GLOSSARY.length) throw new Error('Two glossary entries share an id.');

export function glossaryEntry(id: string): GlossaryEntry | null {
  return BY_ID.get(id) ?? null;
}

/** The entry of a check ("quality.missing-values", "drift.column"), or null for a check without one. */
export function glossaryIdForCheck(checkId: string): string | null {
  return BY_ID.has(checkId) ? checkId : null;
}

/**
 * Report keys, column names and short names of measures → entry ids. Keys are compared in lower
 * case with spaces and dashes read as underscores ("ROC AUC", "roc-auc" and "roc_auc" are one key).
 */
const METRIC_IDS: Record<string, string> = {
  accuracy: 'accuracy',
  balanced_accuracy: 'balanced-accuracy',
  precision: 'precision',
  recall: 'recall',
  tpr: 'recall',
  true_positive_rate: 'recall',
  sensitivity: 'recall',
  specificity: 'specificity',
  fpr: 'false-positive-rate',
  false_positive_rate: 'false-positive-rate',
  f1: 'f1',
  mcc: 'mcc',
  base_rate: 'base-rate',
  selection_rate: 'selection-rate',
  confusion: 'confusion-matrix',
  confusion_matrix: 'confusion-matrix',
  roc_auc: 'roc-auc',
  auc: 'roc-auc',
  roc_curve: 'roc-curve',
  pr_auc: 'pr-auc',
  average_precision: 'pr-auc',
  pr_curve: 'pr-curve',
  threshold: 'threshold',
  threshold_table: 'threshold',
  log_loss: 'log-loss',
  brier: 'brier-score',
  brier_score: 'brier-score',
  macro_f1: 'macro-f1',
  weighted_f1: 'weighted-f1',
  support: 'support',
  rows: 'support',
  min_support: 'support',
  mae: 'mae',
  rmse: 'rmse',
  r2: 'r2',
  mape: 'mape',
  median_absolute_error: 'median-absolute-error',
  ece: 'ece',
  max_calibration_error: 'max-calibration-error',
  mce: 'max-calibration-error',
  bins: 'reliability-diagram',
  reliability: 'reliability-diagram',
  demographic_parity_difference: 'demographic-parity-difference',
  worst_dp_difference: 'demographic-parity-difference',
  demographic_parity_ratio: 'demographic-parity-ratio',
  worst_dp_ratio: 'demographic-parity-ratio',
  ratio: 'demographic-parity-ratio',
  four_fifths: 'four-fifths-rule',
  equalized_odds_difference: 'equalized-odds-difference',
  equal_opportunity_difference: 'equal-opportunity-difference',
  predictive_parity_difference: 'predictive-parity-difference',
  mae_difference: 'mae-gap',
  mae_ratio: 'mae-gap',
  ratio_to_reference: 'reference-group',
  reference_group: 'reference-group',
  min_group_size: 'minimum-group-size',
  interval: 'confidence-interval',
  confidence_interval: 'confidence-interval',
  wilson: 'wilson-interval',
  bootstrap_percentile: 'bootstrap-interval',
  p_value: 'p-value',
  q_value: 'q-value',
  fdr: 'q-value',
  two_proportion_z: 'two-proportion-z-test',
  fisher_exact: 'fisher-exact-test',
  welch: 'welch-t-test',
  lift: 'lift',
  mcnemar: 'mcnemar-test',
  delong: 'delong-test',
  delong_paired: 'delong-test',
  psi: 'psi',
  effect: 'psi',
  ks: 'ks-test',
  chi2: 'chi-square-test',
  wasserstein: 'wasserstein-distance',
  wasserstein_normalised: 'wasserstein-distance',
  js_distance: 'jensen-shannon-distance',
  share_drifted: 'drift.dataset',
  agreement: 'models.comparison',
};

export function glossaryIdForMetric(key: string): string | null {
  const norm = key.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return METRIC_IDS[norm] ?? (BY_ID.has(key) ? key : null);
}

/** The metric keys the mapper knows (for tests and for the index). */
export const GLOSSARY_METRIC_KEYS: readonly string[] = Object.keys(METRIC_IDS);

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** Entries whose name, jargon name or words contain every word of the query; names match first. */
export function searchGlossary(query: string, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const scored: { entry: GlossaryEntry; score: number }[] = [];
  for (const entry of entries) {
    const name = fold(`${entry.term} ${entry.technical} ${entry.id}`);
    const body = fold(`${entry.what} ${entry.definition ?? ''}`);
    if (!words.every((w) => name.includes(w) || body.includes(w))) continue;
    scored.push({ entry, score: words.filter((w) => name.includes(w)).length });
  }
  // Stable: entries with more words in their names first, otherwise in glossary order.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.entry);
}

/**
 * The entry worked out on the report, or null when the report lacks the numbers. A report is
 * loosely typed JSON (it may come from an older version): an example that cannot read it says
 * nothing rather than fail.
 */
export function workedExample(entry: GlossaryEntry, report: GlossaryReport | null): string | null {
  if (!report) return null;
  try {
    return entry.example(report);
  } catch {
    return null;
  }
}

/** Index headings, in the order the index shows them. */
export const GLOSSARY_KIND_ORDER: readonly GlossaryKind[] = ['measure', 'fairness', 'certainty', 'change', 'check'];
