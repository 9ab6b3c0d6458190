/**
 * Decides, from a sample of a column's present (non-missing) cells, how to store the column:
 * numbers, dates (ISO or d/m/y in a detected order), or text codes. A column is numbers (or
 * dates) when at least 90% of the sample fits; the cells that do not fit are kept and reported as
 * a quality problem ("3% text in a numeric column"), and the builder falls back to text if they
 * turn out to be more than 10% of the whole column. Numbers with leading zeros ("007", "02134")
 * are identifiers or postal codes, so they stay text.
 */
import { detectDateOrder, isIsoDateTime, numberPattern, type DateOrder, type NumberConvention } from '../../../shared/value-patterns';

/**
 * How a column is stored. Text may say what its sample showed of its distinct values, when nearly
 * every value was new (an id, free text): its dictionary is then sized for the rows to come once,
 * not doubled and rehashed as it grows (see CodesBuilder.reserve).
 */
export type StorageGuess = { storage: 'number' } | { storage: 'date'; order: DateOrder } | { storage: 'codes'; distinct?: DistinctHint };

export interface DistinctHint {
  /** Distinct values per row in the sample. */
  share: number;
  /** Their average size in UTF-8 bytes. */
  valueBytes: number;
}

const LEADING_ZERO = /^\s*[+-]?0\d/;
const SLASH_DATE_CELL = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/;
const SLASH_DATE_TRIMMED = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;
export const MIN_SHARE_THAT_FITS = 0.9;

export function detectStorage(sample: readonly string[], conv: NumberConvention): StorageGuess {
  if (sample.length === 0) return { storage: 'codes' };
  const enough = (fits: number): boolean => fits >= MIN_SHARE_THAT_FITS * sample.length;
  // Counts the cells that fit, giving up as soon as the rest could no longer make enough: the same
  // answer as counting all of them, but a text column is dismissed after a tenth of its sample.
  const enoughFit = (fits: (s: string) => boolean): boolean => {
    let misses = 0;
    for (const s of sample) {
      if (fits(s)) continue;
      misses++;
      if (!enough(sample.length - misses)) return false;
    }
    return true;
  };
  const num = numberPattern(conv);
  if (enoughFit((s) => num.test(s)) && !sample.some((s) => LEADING_ZERO.test(s) && !s.includes(conv.decimal) && num.test(s))) return { storage: 'number' };
  if (enoughFit((s) => isIsoDateTime(s) !== null)) return { storage: 'date', order: 'iso' };
  if (!enoughFit((s) => SLASH_DATE_CELL.test(s))) return { storage: 'codes' };
  const order = detectDateOrder(sample.filter((s) => SLASH_DATE_TRIMMED.test(s.trim())));
  return order ? { storage: 'date', order } : { storage: 'codes' };
}
