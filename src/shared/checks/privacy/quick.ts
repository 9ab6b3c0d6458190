/**
 * Cheap character tests that reject most values before any regular expression runs: a column of a
 * million distinct strings is tested once per detector, so the common "no" must cost a few
 * character reads, never an allocation.
 */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const startsWithDigit = (v: string): boolean => isDigitCode(v.charCodeAt(0));
export const endsWithDigit = (v: string): boolean => isDigitCode(v.charCodeAt(v.length - 1));

export function hasDigit(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (isDigitCode(v.charCodeAt(i))) return true;
  return false;
}

/** Trims only when there is something to trim (String#trim may copy). */
export function trimmed(v: string): string {
  return v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
}
