/**
 * CSV as RFC 4180 says: fields separated by commas, records ended by CRLF, a field quoted when it
 * holds a comma, a double quote, CR or LF, and quotes inside doubled. Files start with a UTF-8 BOM
 * so Excel reads them as UTF-8.
 *
 * Formula injection (OWASP "CSV injection"): a text cell that starts with = + - @ (or a tab or
 * CR, which some spreadsheets skip before reading a formula) is prefixed with ' so a spreadsheet
 * shows it as text instead of running it. Numbers written by us ("-43", "1e+21") are not formulas
 * and stay as they are, so they still sort and sum as numbers.
 */
export const BOM = '\uFEFF';
export const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A text cell made safe to open in a spreadsheet. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell: null (missing) is empty; numbers as written by JavaScript; text defused and quoted as needed. */
export function csvCell(value: string | number | null, kind: 'text' | 'number' = 'text'): string {
  if (value === null) return '';
  const text = String(value);
  if (kind === 'number' && PLAIN_NUMBER.test(text)) return text;
  return csvField(defuseFormula(text));
}

export function csvRecord(cells: readonly (string | number | null)[], kinds?: readonly ('text' | 'number')[]): string {
  return cells.map((c, i) => csvCell(c, kinds?.[i] ?? (typeof c === 'number' ? 'number' : 'text'))).join(',') + CRLF;
}
