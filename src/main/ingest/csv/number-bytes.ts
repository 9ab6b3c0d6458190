/**
 * Parses a number straight from bytes, without making a string, for the common forms in data
 * files: optional sign, digits, optional fraction, optional exponent, surrounding spaces.
 * Exact: the fast path is used only when the digits fit in 2^53 and the power of ten is exact
 * (≤ 10^22), where one multiplication or division is correctly rounded (Clinger's fast path);
 * everything else falls back to Number() on the text. Returns NaN when the bytes are not a number.
 *
 * `decimal` is the byte of the decimal mark ('.' or ','); `group` is a thousands separator to
 * skip (0 for none) — only between digits of the integer part.
 */
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const MAX_SAFE = 9007199254740991;
const SPACE = 0x20;
const TAB = 0x09;
const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const E_LOWER = 0x65;
const E_UPPER = 0x45;

export function parseNumberBytes(b: Uint8Array, start: number, end: number, decimal = 0x2e, group = 0): number {
  while (start < end && (b[start] === SPACE || b[start] === TAB)) start++;
  while (end > start && (b[end - 1] === SPACE || b[end - 1] === TAB)) end--;
  if (start >= end) return NaN;
  let i = start;
  let negative = false;
  if (b[i] === MINUS || b[i] === PLUS) {
    negative = b[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated
  let intDigits = 0;
  let fracDigits = 0;
  let exact = true;
  let lastWasGroup = false;
  while (i < end) {
    const c = b[i]!;
    if (c >= ZERO && c <= NINE) {
      if (mantissa > 0 || c !== ZERO) digits++;
      mantissa = mantissa * 10 + (c - ZERO);
      intDigits++;
      lastWasGroup = false;
      i++;
    } else if (group !== 0 && c === group && intDigits > 0 && !lastWasGroup) {
      lastWasGroup = true;
      i++;
    } else break;
  }
  if (lastWasGroup) return NaN;
  if (i < end && b[i] === decimal) {
    i++;
    while (i < end) {
      const c = b[i]!;
      if (c < ZERO || c > NINE) break;
      if (mantissa > 0 || c !== ZERO) digits++;
      mantissa = mantissa * 10 + (c - ZERO);
      fracDigits++;
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return NaN;
  let exponent = 0;
  if (i < end && (b[i] === E_LOWER || b[i] === E_UPPER)) {
    i++;
    let expNegative = false;
    if (i < end && (b[i] === MINUS || b[i] === PLUS)) {
      expNegative = b[i] === MINUS;
      i++;
    }
    const expStart = i;
    while (i < end && b[i]! >= ZERO && b[i]! <= NINE) {
      exponent = exponent * 10 + (b[i]! - ZERO);
      if (exponent > 100000) exact = false;
      i++;
    }
    if (i === expStart) return NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const scale = exponent - fracDigits;
  if (exact && mantissa <= MAX_SAFE && digits <= 15 && scale >= -22 && scale <= 22) {
    const v = scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
    return negative ? -v : v;
  }
  // Rare: long or extreme numbers. Let the engine's correctly rounded parser do it.
  let text = '';
  for (let k = start; k < end; k++) {
    const c = b[k]!;
    if (group !== 0 && c === group) continue;
    text += c === decimal ? '.' : String.fromCharCode(c);
  }
  return Number(text);
}
