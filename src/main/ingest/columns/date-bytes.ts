/**
 * The fast path for the most common date form, YYYY-MM-DD, straight from bytes: epoch
 * milliseconds UTC via the days-from-civil algorithm (H. Hinnant), no Date object, no string.
 * Returns NaN when the bytes are not exactly that form or not a real calendar date.
 */
const DAY_MS = 86_400_000;

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(b: Uint8Array, i: number): number {
  const v = b[i]! - 0x30;
  return v >= 0 && v <= 9 ? v : -1;
}

export function parseIsoDateBytes(b: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || b[start + 4] !== 0x2d || b[start + 7] !== 0x2d) return NaN;
  const y0 = digit(b, start);
  const y1 = digit(b, start + 1);
  const y2 = digit(b, start + 2);
  const y3 = digit(b, start + 3);
  const m0 = digit(b, start + 5);
  const m1 = digit(b, start + 6);
  const d0 = digit(b, start + 8);
  const d1 = digit(b, start + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  if (d > max) return NaN;
  return daysFromCivil(y, m, d) * DAY_MS;
}
