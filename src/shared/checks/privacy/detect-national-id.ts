/**
 * Numbers that look like national identity numbers. We can only ever say "looks like": the
 * patterns are public and many other numbers share them.
 *
 * US Social Security number (SSA rules since 2011 randomisation): ddd-dd-dddd where the area (first
 * three digits) is not 000, 666 or 900–999, the group (middle two) is not 00 and the serial (last
 * four) is not 0000. Nine plain digits count only in a column whose name suggests an id number.
 *
 * UK National Insurance number (HMRC NIM39110): two letters, six digits, a suffix A–D, spaces
 * allowed between pairs; the first letter is not D, F, I, Q, U or V, the second not D, F, I, O, Q,
 * U or V, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued.
 */
import { isAsciiLetterCode, startsWithDigit } from './quick';
import { MATCH, NO, SHAPE_ONLY, type Verdict } from './verdict';

const SSN_DASHED = /^(\d{3})-(\d{2})-(\d{4})$/;
const SSN_PLAIN = /^(\d{3})(\d{2})(\d{4})$/;

function validSsnParts(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** 1 for a valid SSN pattern, 2 for the ddd-dd-dddd shape with impossible parts, 0 otherwise. */
export function ssnVerdict(value: string, allowPlain: boolean): Verdict {
  if ((value.length !== 11 && value.length !== 9) || !startsWithDigit(value)) return NO;
  const m = SSN_DASHED.exec(value) ?? (allowPlain ? SSN_PLAIN.exec(value) : null);
  if (!m) return NO;
  return validSsnParts(m[1]!, m[2]!, m[3]!) ? MATCH : SHAPE_ONLY;
}

const NINO = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/;
const NINO_NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function isNino(value: string): boolean {
  if (value.length < 9 || value.length > 13 || !isAsciiLetterCode(value.charCodeAt(0))) return false;
  const m = NINO.exec(value.toUpperCase());
  return m !== null && !NINO_NEVER_ISSUED.has(m[1]!);
}

/** Which pattern a value fits: 'ssn', 'nino', or null. */
export function nationalIdType(value: string, allowPlainSsn: boolean): 'ssn' | 'nino' | null {
  if (ssnVerdict(value, allowPlainSsn) === MATCH) return 'ssn';
  if (value.length >= 9 && value.length <= 13 && isNino(value)) return 'nino';
  return null;
}

export const nationalIdTest = (allowPlainSsn: boolean) => (value: string): Verdict => {
  if (nationalIdType(value, allowPlainSsn) !== null) return MATCH;
  return ssnVerdict(value, allowPlainSsn);
};
