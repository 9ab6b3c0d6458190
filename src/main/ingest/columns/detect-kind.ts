/**
 * Decides, from a sample of a column's present (non-missing) cells, how to store the column:
 * numbers, dates (ISO or d/m/y in a detected order), or text codes. Every sample value must fit
 * for numbers and dates; one that does not makes the column text. Numbers with leading zeros
 * ("007", "02134") are identifiers or postal codes, so they stay text.
 */
import { detectDateOrder, isIsoDateTime, numberPattern, type DateOrder, type NumberConvention } from '../../../shared/value-patterns';

export type StorageGuess = { storage: 'number' } | { storage: 'date'; order: DateOrder } | { storage: 'codes' };

const LEADING_ZERO = /^\s*[+-]?0\d/;

export function detectStorage(sample: readonly string[], conv: NumberConvention): StorageGuess {
  if (sample.length === 0) return { storage: 'codes' };
  const num = numberPattern(conv);
  if (sample.every((s) => num.test(s)) && !sample.some((s) => LEADING_ZERO.test(s) && !s.includes(conv.decimal))) {
    return { storage: 'number' };
  }
  if (sample.every((s) => isIsoDateTime(s) !== null)) return { storage: 'date', order: 'iso' };
  const order = detectDateOrder(sample);
  if (order) return { storage: 'date', order };
  return { storage: 'codes' };
}
