/**
 * The shapes shared by slice discovery and person-defined slices. Plain data (JSON-safe), so a
 * worker can post them and the report can store them as they are.
 */

/**
 * One condition on one column, as the report writes it.
 * - `=`, `!=`: a category value (or a number/date equal to `value`).
 * - `<`, `<=`, `>`, `>=`: numbers, or dates as ISO text ("2024-03-01").
 * - `between`: `value` is [lower, upper] and the condition is lower ≤ x < upper (a quantile bin).
 * - `in`, `not in`: `value` is a list of category values; `not in` is how the merged "other"
 *   category is written (every listed value excluded, and not missing).
 * - `is missing`, `is not missing`: `value` is null.
 * A missing cell satisfies only `is missing` (never `!=` or `not in`): "not North" means a known
 * region other than North.
 */
export type ConditionOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'between' | 'in' | 'not in' | 'is missing' | 'is not missing';

export type ConditionValue = number | string | null | (number | string)[];

export interface SliceCondition {
  column: string;
  op: ConditionOp;
  value: ConditionValue;
  /** The condition in words, e.g. "age 60+", "region = North", "income is missing". */
  label: string;
  /**
   * A quantile bin of a discovered slice: the exact range lower ≤ x < upper the search put rows in
   * (null: no bound; dates in epoch milliseconds). It decides membership (inBin, encode.ts), so
   * the slice's rows can be selected again exactly: `value` is for reading — dates in it are
   * rounded to the day or minute, and a bin holding one value reads "= v".
   */
  bin?: { lower: number | null; upper: number | null };
}

/**
 * How a row's error is measured: misclassification (0/1) when the model made a decision;
 * log loss per row when there is only a score (binary) or per-class scores (multiclass);
 * absolute error for amounts.
 */
export type ErrorKind = 'misclassification' | 'log_loss' | 'absolute_error';

/** An interval as the report writes it. */
export interface ReportInterval {
  lower: number;
  upper: number;
  level: number;
  method: string;
}

/** A value with its interval, as the report writes metrics. */
export interface ValueWithInterval {
  value: number | null;
  interval: ReportInterval | null;
}
