/**
 * The value types every metric kernel returns. Plain data: structured-cloneable and JSON-safe, so a
 * worker can post results to the main process and the report can store them as they are.
 */

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  method: 'wilson' | 'bootstrap-percentile' | 'delong' | 'normal';
  /** Bootstrap only: resamples drawn, how many gave an undefined statistic (skipped), and the seed. */
  resamples?: number;
  skipped?: number;
  seed?: number;
}

/**
 * One number with its honesty attached. `value: null` means the quantity is undefined for this
 * data (0/0, a single class, no rows) and `reason` says why in plain words. We never substitute
 * 0 for an undefined value, even where scikit-learn's `zero_division` default would.
 */
export interface MetricValue {
  value: number | null;
  reason?: string;
  ci?: ConfidenceInterval;
}

export function definedMetric(value: number, ci?: ConfidenceInterval | null): MetricValue {
  return ci ? { value, ci } : { value };
}

export function undefinedMetric(reason: string): MetricValue {
  return { value: null, reason };
}

/** A curve or table that may be undefined as a whole (e.g. a ROC curve with one class present). */
export type MaybeDefined<T> = { defined: true; value: T } | { defined: false; reason: string };

/** A ratio whose denominator may be zero: undefined (null + reason) rather than NaN or 0. */
export function ratio(numerator: number, denominator: number, reasonWhenZero: string): MetricValue {
  return denominator === 0 ? undefinedMetric(reasonWhenZero) : definedMetric(numerator / denominator);
}
