/**
 * E-mail addresses and phone numbers, value by value (values are trimmed by the caller).
 *
 * E-mail: a practical subset of RFC 5322 `addr-spec`: local@domain.tld, where the local part is
 * 1–64 of `A–Z a–z 0–9 ! # $ % & ' * + / = ? ^ _ \` { | } ~ . -` (no leading, trailing or double
 * dot), the domain is dot-separated labels of letters, digits and inner hyphens (≤ 63 each, ≤ 253
 * in all), and the top-level label is 2–63 letters. Quoted local parts and IP-literal domains are
 * left out: they are vanishingly rare in data files and would widen false matches.
 *
 * Phone: E.164 ("+" then 7–15 digits) or a national number written with separators. See isPhone.
 */
import { isIpv4 } from './detect-network';
import { endsWithDigit, isDigitCode } from './quick';
import { MATCH, NO, type Verdict } from './verdict';

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64 || value.length - at - 1 > 253) return false;
  return EMAIL.test(value);
}

export const emailTest = (value: string): Verdict => (value.includes('@') && isEmail(value) ? MATCH : NO);

/** Digits, separators (space . - /), a bracketed area code, an optional leading "+" and extension. */
const PHONE_SHAPE = /^\+?[\s.-]?(?:\(\d{1,5}\)[\s.-]?)?\d+(?:(?:\s?[.\-/]\s?|\s)\(?\d+\)?)*(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?$/i;
const EXTENSION = /\s*(?:x|ext\.?|extension)\s*\d{1,6}$/i;
const DATE_SHAPE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
/** 1.234.567 or 1 234 567: a number written with thousands separators. */
const GROUPED_NUMBER = /^\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*$/;
/** 1234567.89: a decimal. */
const DECIMAL = /^\d+\.\d+$/;

/**
 * A phone number: 7–15 digits (E.164's maximum is 15), written with only digits, separators,
 * a bracketed area code, a leading "+" and an optional extension. Shapes that are
 * something else are refused: dates (2025-01-31, 31.01.2025), IPv4 addresses, the US SSN shape
 * ddd-dd-dddd, numbers with thousands separators (1.234.567) and decimals.
 *
 * Without a phone-like column name the value must also carry a phone's marks, so that amounts,
 * ids and ranges ("10000-20000") are not flagged: a leading "+", a bracketed area code,
 * or three or more digit groups ("555 338 1248"). With a phone-like column name, any 7–15 digits
 * with or without separators count ("5553381248").
 */
export function isPhone(value: string, namedPhone: boolean): boolean {
  if (value.length < 7 || value.length > 32) return false;
  const c0 = value.charCodeAt(0);
  const opens = isDigitCode(c0) || c0 === 43 || c0 === 40; // a digit, "+" or "("
  if (!opens || !endsWithDigit(value) || !PHONE_SHAPE.test(value)) return false;
  const main = /[a-z]/i.test(value) ? value.replace(EXTENSION, '') : value;
  // Count digits and digit groups in one pass (no allocation).
  let digits = 0;
  let groups = 0;
  let inGroup = false;
  for (let i = 0; i < main.length; i++) {
    const isDigit = isDigitCode(main.charCodeAt(i));
    if (isDigit) digits++;
    if (isDigit && !inGroup) groups++;
    inGroup = isDigit;
  }
  if (digits < 7 || digits > 15) return false;
  if (DATE_SHAPE.test(main) || SSN_SHAPE.test(main) || GROUPED_NUMBER.test(main) || DECIMAL.test(main) || isIpv4(main)) return false;
  if (namedPhone) return true;
  return main.charCodeAt(0) === 43 || main.includes('(') || groups >= 3;
}

export const phoneTest = (namedPhone: boolean) => (value: string): Verdict => (isPhone(value, namedPhone) ? MATCH : NO);
