/**
 * Masking personal values for display (finding examples) and, later, exports. What stays visible:
 *
 * - Any kind: among the letters and digits, the first and the last when there are 6 or more, only
 *   the first when there are 3–5, none when there are 1–2; every other letter or digit becomes
 *   "*". Spaces and punctuation stay, so the shape is still readable ("+1-555-338-1248" →
 *   "+1-***-***-***8", "4111 1111 1111 1111" → "4*** **** **** ***1").
 * - E-mail: the part before "@" as above; in the domain, the first character of each label and
 *   the whole top-level label ("omar.muller69@example.com" → "o***.******9@e******.com").
 *
 * Values longer than 64 characters are cut to 64 before masking (and end with "…").
 */
import type { PiiKind } from './kinds';

export const MASK = '*';
const MAX_LENGTH = 64;
const SIGNIFICANT = /[\p{L}\p{N}]/u;

/** How many significant characters stay visible at each end for a value with `n` of them. */
function visibleEnds(n: number): { head: number; tail: number } {
  if (n >= 6) return { head: 1, tail: 1 };
  if (n >= 3) return { head: 1, tail: 0 };
  return { head: 0, tail: 0 };
}

/** Masks every letter and digit but the first and last (see the rules above); keeps separators. */
export function maskMiddle(value: string): string {
  const chars = Array.from(value);
  const total = chars.filter((c) => SIGNIFICANT.test(c)).length;
  const { head, tail } = visibleEnds(total);
  let seen = 0;
  return chars
    .map((c) => {
      if (!SIGNIFICANT.test(c)) return c;
      seen++;
      return seen <= head || seen > total - tail ? c : MASK;
    })
    .join('');
}

function maskDomain(domain: string): string {
  const labels = domain.split('.');
  return labels
    .map((label, i) => {
      if (i === labels.length - 1 && labels.length > 1) return label;
      const chars = Array.from(label);
      return chars.length <= 1 ? MASK.repeat(chars.length) : chars[0] + MASK.repeat(chars.length - 1);
    })
    .join('.');
}

export function maskValue(kind: PiiKind, value: string): string {
  const chars = Array.from(value.trim());
  const cut = chars.length > MAX_LENGTH;
  const text = cut ? chars.slice(0, MAX_LENGTH).join('') : chars.join('');
  let masked: string;
  const at = text.lastIndexOf('@');
  if (kind === 'email' && at > 0) masked = `${maskMiddle(text.slice(0, at))}@${maskDomain(text.slice(at + 1))}`;
  else masked = maskMiddle(text);
  return cut ? `${masked}…` : masked;
}
