/**
 * Check digits that separate real identifiers from numbers that merely look like them:
 * the Luhn (mod 10) checksum of payment cards (ISO/IEC 7812-1 Annex B), the card networks' issuer
 * (IIN) prefix ranges, and the IBAN's ISO 13616 / ISO 7064 mod-97-10 check.
 */

/** Luhn: from the right, double every second digit (subtract 9 when > 9); the sum must end in 0. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface CardRange {
  network: string;
  /** Inclusive prefix range, compared on the first `from.length` digits. */
  from: string;
  to: string;
  lengths: readonly number[];
}

const r = (network: string, from: string, to: string, lengths: readonly number[]): CardRange => ({ network, from, to, lengths });
const L16_19 = [16, 17, 18, 19];

/** Issuer prefixes of the major networks (public network specifications, 2024). */
export const CARD_RANGES: readonly CardRange[] = [
  r('Visa', '4', '4', [13, 16, 19]),
  r('Mastercard', '51', '55', [16]),
  r('Mastercard', '2221', '2720', [16]),
  r('American Express', '34', '34', [15]),
  r('American Express', '37', '37', [15]),
  r('Discover', '6011', '6011', L16_19),
  r('Discover', '644', '649', L16_19),
  r('Discover', '65', '65', L16_19),
  r('JCB', '3528', '3589', L16_19),
  r('Diners Club', '300', '305', [14, 15, 16, 17, 18, 19]),
  r('Diners Club', '36', '36', [14, 15, 16, 17, 18, 19]),
  r('Diners Club', '38', '39', [16, 17, 18, 19]),
  r('UnionPay', '62', '62', L16_19),
  r('Maestro', '5018', '5018', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '5020', '5020', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '5038', '5038', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '5893', '5893', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '6304', '6304', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '6759', '6759', [13, 14, 15, 16, 17, 18, 19]),
  r('Maestro', '6761', '6763', [13, 14, 15, 16, 17, 18, 19]),
];

/** The network whose prefix range and length fit these digits, or null. */
export function cardNetwork(digits: string): string | null {
  for (const range of CARD_RANGES) {
    const prefix = digits.slice(0, range.from.length);
    if (prefix >= range.from && prefix <= range.to && range.lengths.includes(digits.length)) return range.network;
  }
  return null;
}

/** IBAN length per country (SWIFT IBAN registry). Countries not listed: 15–34 characters. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

/**
 * ISO 7064 mod 97-10 as ISO 13616 uses it: move the first four characters to the end, read
 * letters as numbers (A = 10 … Z = 35), and the whole number mod 97 must be 1. Computed digit by
 * digit so it never overflows. `iban` is upper case without spaces.
 */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) rest = (rest * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rest;
}
