/**
 * Personal names, value by value. A name-shaped value is 1–4 capitalised words made only of
 * letters ("Omar", "Anne-Marie O'Brien", "MARÍA GARCÍA", "J. Smith"), with lower-case particles
 * allowed between them (van, von, de, del, della, di, da, dos, du, la, le, bin, ibn, al, el, y,
 * ten, ter, zu) and at most 60 characters.
 *
 * Under a name-like column header (column-names.ts), a name-shaped value counts. Without one, a
 * value counts only when it has 2–4 capitalised words and its first word is a common first name
 * (first-names.ts) — "Firstname Lastname" — and the column is reported only when most values
 * look like that: a guess, and said to be one.
 */
import { COMMON_FIRST_NAMES, foldName } from './first-names';
import { hasDigit } from './quick';
import { MATCH, NO, type Verdict } from './verdict';

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'ten', 'ter', 'zu']);
const PARTICLE_START = /^(?:van|von|de|del|della|di|da|do|dos|das|du|la|le|bin|ibn|al|el|ten|ter|zu) /;
/** "Omar", "O'Brien", "Anne-Marie", "McDonald", "MÜLLER", "J." */
const CAPITALISED = /^(?:\p{Lu}[\p{Ll}\p{M}]*(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:['’-]\p{L}[\p{Ll}\p{M}]+)*|\p{Lu}[\p{Lu}\p{M}]+(?:['’-]\p{Lu}[\p{Lu}\p{M}]+)*|\p{Lu}\.)$/u;

/** The capitalised words of a name-shaped value, or null when the value is not name-shaped. */
export function nameWords(value: string): string[] | null {
  if (value.length < 2 || value.length > 60) return null;
  const c0 = value.charCodeAt(0);
  // Names start with a capital (or a particle: "van der Berg"); anything else is ruled out at once.
  if ((c0 < 128 && !(c0 >= 65 && c0 <= 90) && !PARTICLE_START.test(value)) || hasDigit(value) || !/^[\p{L}\p{M}'’. -]+$/u.test(value)) return null;
  const tokens = value.split(/\s+/);
  const words: string[] = [];
  for (const t of tokens) {
    if (PARTICLES.has(t)) continue;
    if (!CAPITALISED.test(t)) return null;
    words.push(t);
  }
  if (words.length < 1 || words.length > 4) return null;
  // At least one real word, not only initials.
  return words.some((w) => !w.endsWith('.') && w.length >= 2) ? words : null;
}

/** "Firstname Lastname" with a common first name: the value-only guess. */
export function looksLikeFullName(value: string): boolean {
  const words = nameWords(value);
  return words !== null && words.length >= 2 && COMMON_FIRST_NAMES.has(foldName(words[0]!));
}

export const nameTest = (namedName: boolean) => (value: string): Verdict => {
  if (namedName) return nameWords(value) !== null ? MATCH : NO;
  return looksLikeFullName(value) ? MATCH : NO;
};
