/**
 * Payment card numbers and IBANs, value by value.
 *
 * Card: 13–19 digits, written together or in groups separated by single spaces or dashes
 * ("4111 1111 1111 1111", "3782-822463-10005"), whose prefix and length fit a known network
 * (checksums.ts CARD_RANGES: Visa 4; Mastercard 51–55 and 2221–2720; American Express 34, 37;
 * Discover 6011, 644–649, 65; JCB 3528–3589; Diners Club 300–305, 36, 38–39; UnionPay 62; Maestro)
 * AND that pass the Luhn checksum. Network-shaped values failing Luhn are "shape only".
 *
 * IBAN: two letters (country), two check digits, then 11–30 letters or digits (the BBAN), spaces
 * allowed; the length must be the country's where we know it (checksums.ts IBAN_LENGTHS), and the
 * ISO 13616 mod-97 check must give 1. Right-shaped values failing it are "shape only".
 */
import { cardNetwork, IBAN_LENGTHS, ibanMod97, luhnValid } from './checksums';
import { endsWithDigit, isAsciiLetterCode, isDigitCode, startsWithDigit } from './quick';
import { MATCH, NO, SHAPE_ONLY, type Verdict } from './verdict';

const CARD_SHAPE = /^\d+(?:[ -]\d+)*$/;

/** The card's digits when the value is written like a card number, else null. */
export function cardDigits(value: string): string | null {
  if (value.length < 13 || value.length > 23 || !startsWithDigit(value) || !endsWithDigit(value) || !CARD_SHAPE.test(value)) return null;
  const digits = value.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 ? digits : null;
}

export function cardTest(value: string): Verdict {
  const digits = cardDigits(value);
  if (digits === null || cardNetwork(digits) === null) return NO;
  return luhnValid(digits) ? MATCH : SHAPE_ONLY;
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** The IBAN in electronic form (upper case, no spaces) when the value is shaped like one, else null. */
export function ibanCompact(value: string): string | null {
  if (value.length < 15 || value.length > 42) return null;
  if (!isAsciiLetterCode(value.charCodeAt(0)) || !isAsciiLetterCode(value.charCodeAt(1)) || !isDigitCode(value.charCodeAt(2))) return null;
  const compact = value.replace(/ /g, '').toUpperCase();
  if (!IBAN_SHAPE.test(compact)) return null;
  const known = IBAN_LENGTHS[compact.slice(0, 2)];
  if (known !== undefined ? compact.length !== known : compact.length < 15 || compact.length > 34) return null;
  return compact;
}

export function ibanTest(value: string): Verdict {
  const compact = ibanCompact(value);
  if (compact === null) return NO;
  return ibanMod97(compact) === 1 ? MATCH : SHAPE_ONLY;
}
