/**
 * Recognising what a text cell holds: numbers in a file's convention, booleans, dates. Pure
 * functions shared by the importer (type detection) and the checks (e.g. "numbers stored as text").
 */

export const TRUE_TOKENS = ['true', 'yes', 't', 'y'];
export const FALSE_TOKENS = ['false', 'no', 'f', 'n'];
const BOOLEAN_TOKENS = new Set([...TRUE_TOKENS, ...FALSE_TOKENS]);

export function isBooleanToken(s: string): boolean {
  return BOOLEAN_TOKENS.has(s.trim().toLowerCase());
}

export interface NumberConvention {
  /** '.' or ',' */
  decimal: string;
  /** Thousands separator to skip, or '' for none. */
  group: string;
}

export const DOT_DECIMAL: NumberConvention = { decimal: '.', group: '' };

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function numberPattern(conv: NumberConvention): RegExp {
  const d = escape(conv.decimal);
  const intPart = conv.group ? `(?:\\d{1,3}(?:${escape(conv.group)}\\d{3})+|\\d+)` : '\\d+';
  return new RegExp(`^\\s*[+-]?(?:${intPart}(?:${d}\\d*)?|${d}\\d+)(?:[eE][+-]?\\d+)?\\s*$`);
}

/**
 * Guesses a file's number convention from sample cells: decimal comma when values like "3,5"
 * appear and "3.5" do not (only possible when the delimiter is not a comma, or in quotes);
 * thousands separators when values like "1,234,567" or "1.234,5" appear.
 */
export function detectNumberConvention(cells: readonly string[], delimiter: string): NumberConvention {
  let commaDecimal = 0;
  let dotDecimal = 0;
  let dotGroups = 0;
  let commaGroups = 0;
  for (const raw of cells) {
    const s = raw.trim();
    if (/^[+-]?\d+,\d+$/.test(s) && !/^[+-]?\d{1,3},\d{3}$/.test(s)) commaDecimal++;
    else if (/^[+-]?\d+\.\d+$/.test(s) && !/^[+-]?\d{1,3}\.\d{3}$/.test(s)) dotDecimal++;
    if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(s)) dotGroups++;
    if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(s)) commaGroups++;
  }
  if ((commaDecimal > 0 || dotGroups > 0) && dotDecimal === 0 && commaGroups === 0 && delimiter !== ',') {
    return { decimal: ',', group: dotGroups > 0 ? '.' : '' };
  }
  if (commaGroups > 0 && dotGroups === 0 && commaDecimal === 0) return { decimal: '.', group: ',' };
  return DOT_DECIMAL;
}

export type DateOrder = 'iso' | 'day-first' | 'month-first' | 'ambiguous';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): number {
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return NaN;
  const t = Date.UTC(y, m - 1, d, hh, mm, ss, ms);
  // Reject dates that roll over (31 April → 1 May).
  const check = new Date(t);
  return check.getUTCDate() === d && check.getUTCMonth() === m - 1 ? t : NaN;
}

/** Epoch milliseconds (UTC) for an ISO date or date-time, or NaN. A time-zone offset is applied. */
export function parseIsoDateTime(s: string): number {
  const t = s.trim();
  let m = ISO_DATE.exec(t);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!);
  m = ISO_DATETIME.exec(t);
  if (!m) return NaN;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let v = utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, ms);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    v -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return v;
}

export function isIsoDateTime(s: string): 'date' | 'datetime' | null {
  const t = s.trim();
  if (ISO_DATE.test(t)) return Number.isNaN(parseIsoDateTime(t)) ? null : 'date';
  if (ISO_DATETIME.test(t)) return Number.isNaN(parseIsoDateTime(t)) ? null : 'datetime';
  return null;
}

/** For d/m/yyyy-like cells: which order the sample proves, or 'ambiguous' when every part ≤ 12. */
export function detectDateOrder(cells: readonly string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const c of cells) {
    const m = SLASH_DATE.exec(c.trim());
    if (!m) return null;
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12) dayFirst = true;
    if (b > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return null;
  return dayFirst ? 'day-first' : monthFirst ? 'month-first' : 'ambiguous';
}

/** Parses a d/m/yyyy or m/d/yyyy cell in the given order ('ambiguous' reads month-first). */
export function parseSlashDate(s: string, order: DateOrder): number {
  const m = SLASH_DATE.exec(s.trim());
  if (!m) return NaN;
  const a = +m[1]!;
  const b = +m[2]!;
  return order === 'day-first' ? utc(+m[3]!, b, a) : utc(+m[3]!, a, b);
}
