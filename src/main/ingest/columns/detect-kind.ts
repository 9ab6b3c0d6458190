/**
 * Decides, from a sample of a column's present (non-missing) cells, how to store the column:
 * numbers, dates (ISO or d/m/y in a detected order), or text codes. A column is numbers (or
 * dates) when at least 90% of the sample fits; the cells that do not fit are kept and reported as
 * a quality problem ("3% text in a numeric column"), and the builder falls back to text if they
 * turn out to be more than 10% of the whole column. Numbers with leading zeros ("007", "02134")
 * are identifiers or postal codes, so they stay text.
 */
import { detectDateOrder, isIsoDateTime, numberPattern, type DateOrder, type NumberConvention } from '../../../shared/value-patterns';

export type StorageGuess = { storage: 'number' } | { storage: 'date'; order: DateOrder } | { storage: 'codes' };

const LEADING_ZERO = /^\s*[+-]?0\d/;
export const MIN_SHARE_THAT_FITS = 0.9;

export function detectStorage(sample: readonly string[], conv: NumberConvention): StorageGuess {
  if (sample.length === 0) return { storage: 'codes' };
  const enough = (fits: number): boolean => fits >= MIN_SHARE_THAT_FITS * sample.length;
  const num = numberPattern(conv);
  const numeric = sample.filter((s) => num.test(s));
  if (enough(numeric.length) && !numeric.some((s) => LEADING_ZERO.test(s) && !s.includes(conv.decimal))) return { storage: 'number' };
  if (enough(sample.filter((s) => isIsoDateTime(s) !== null).length)) return { storage: 'date', order: 'iso' };
  const order = detectDateOrder(sample.filter((s) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s.trim())));
  if (order && enough(sample.filter((s) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/.test(s)).length)) return { storage: 'date', order };
  return { storage: 'codes' };
}
