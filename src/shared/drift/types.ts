/**
 * What comparing two datasets returns. Plain data (structured-cloneable and JSON-safe), snake_case
 * like the report schema and the
 * CLI's drift.json (`drift.columns[]` with name, type, test, statistic, p_value, psi, effect,
 * drifted; `drift.share_drifted`).
 */
import type { ColumnKind } from '../table';
import type { SliceCondition } from '../slices/types';
import type { PsiBin } from './psi';

/** The effect-size grade: PSI below psiModerate, at least psiModerate, at least psiMajor. */
export type DriftSeverity = 'none' | 'moderate' | 'major';

/**
 * Which of "large enough to matter" (effect size at or above the moderate threshold) and
 * "statistically detectable" (p-value below alpha) hold. The words are in texts-en.ts
 * (DRIFT_EXPLANATIONS). Only 'detectable-and-large' counts as drift.
 */
export type DriftExplanation = 'detectable-and-large' | 'detectable-not-large' | 'large-not-detectable' | 'neither' | 'not-enough-data';

export interface NumericSummary {
  mean: number;
  /** Population standard deviation (ddof = 0, numpy's default). */
  std: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface CategoryCount {
  value: string;
  count: number;
  /** Share of that side's non-missing values. */
  share: number;
}

/** Data for an overlaid chart: both sides' shares over the same bins. */
export interface OverlaidHistogram {
  /** Numbers: bins+1 shared, equal-width edges; bins are right-closed, the first closed both ends. */
  edges?: number[];
  /** Categories: one label per bar, largest first. */
  labels?: string[];
  ref_shares: number[];
  cur_shares: number[];
  /** Numbers: values beyond the pooled 0.5% / 99.5% quantiles were counted in the end bins. */
  tails_folded?: boolean;
  /** Categories beyond the listed ones, summed. */
  other?: { categories: number; ref_share: number; cur_share: number };
}

export interface ColumnDrift {
  name: string;
  type: 'numeric' | 'categorical';
  kind_ref: ColumnKind;
  kind_cur: ColumnKind;
  test: 'ks' | 'chi2';
  /** KS D (rounded to its lattice in exact mode, as scipy) or Pearson χ². Null with no values on a side. */
  statistic: number | null;
  p_value: number | null;
  p_value_method: 'exact' | 'asymptotic' | null;
  /** χ² degrees of freedom (categories − 1); null for KS. */
  dof: number | null;
  psi: number | null;
  psi_bins: PsiBin[];
  /** scipy.stats.wasserstein_distance, in the column's units (numbers only). */
  wasserstein: number | null;
  /** wasserstein ÷ the reference's standard deviation (numbers only; null when that is 0). */
  wasserstein_normalised: number | null;
  /** Jensen–Shannon distance, base 2 (0 = same shares, 1 = no category in common); categories only. */
  js_distance: number | null;
  /** The number the verdict is based on: the larger of psi and missing_psi. */
  effect: number | null;
  effect_kind: 'psi' | 'psi-categories' | 'missing-psi';
  severity: DriftSeverity;
  /** The effect's own test has p < alpha (KS / χ² for values; χ² on missing vs present for missing_psi). */
  detectable: boolean;
  /** severity ≠ 'none' and detectable. */
  drifted: boolean;
  explanation: DriftExplanation;
  /** Non-missing values on each side. */
  rows_ref: number;
  rows_cur: number;
  missing_rate_ref: number;
  missing_rate_cur: number;
  /** PSI over the two bins "missing" / "present" (same formula and floor). */
  missing_psi: number;
  /** χ² test (2×2, Yates-corrected as scipy) of the missing share; null when every cell is missing or none is. */
  missing_p_value: number | null;
  /** Categories the reference never had, most frequent first (up to listCategories). */
  new_categories: CategoryCount[];
  new_categories_total: number;
  /** Reference categories absent from the current batch (count and share are the reference's). */
  vanished_categories: CategoryCount[];
  vanished_categories_total: number;
  summary_ref: NumericSummary | null;
  summary_cur: NumericSummary | null;
  /** Categories: the category whose share moved most. */
  largest_share_change: { value: string; ref_share: number; cur_share: number } | null;
  histogram: OverlaidHistogram;
  /** Why numbers are missing or the verdict is "not enough data", in plain words. */
  reason?: string;
}

export interface SkippedColumn {
  name: string;
  reason: string;
}

export interface TypeMismatch {
  name: string;
  type_ref: ColumnKind;
  type_cur: ColumnKind;
}

export interface DriftInterval {
  lower: number;
  upper: number;
  level: number;
  /** newcombe: Newcombe's hybrid score interval (method 10) for a difference of two proportions. */
  method: 'newcombe' | 'wilson' | 'delong' | 'normal';
}

/** A metric on both batches and its change (current − reference) with an interval. */
export interface MetricChange {
  metric: 'accuracy' | 'roc_auc' | 'mae';
  reference: number;
  current: number;
  difference: number;
  interval: DriftInterval;
  /** Each side's own interval (Wilson for accuracy, DeLong for AUC, normal for MAE). */
  interval_ref: DriftInterval;
  interval_cur: DriftInterval;
  rows_ref: number;
  rows_cur: number;
  /** The metric got worse and the interval excludes no change. */
  worse: boolean;
  /** The metric got better and the interval excludes no change. */
  better: boolean;
}

export interface GroupChange extends MetricChange {
  column: string;
  group: string;
  /** The test of "no change" in this group, and its q-value over every group and slice compared. */
  p_value?: number;
  q_value?: number;
}

/** A slice of rows (found weak on the current batch) and how the model's headline metric changed in it. */
export interface SliceChange extends MetricChange {
  description: string;
  conditions: SliceCondition[];
  p_value?: number;
  q_value?: number;
}

export interface PerformanceChange {
  task: 'binary' | 'multiclass' | 'regression';
  metrics: MetricChange[];
  /** Accuracy (or MAE) per group of each sensitive column, worst change first. */
  groups: GroupChange[];
  /** The same for the current batch's weak slices (absent in comparisons stored before slices were compared). */
  slices?: SliceChange[];
}

export interface DatasetVerdict {
  severity: DriftSeverity;
  /** share_drifted ≥ datasetShare. */
  drifted: boolean;
  rule: string;
}
