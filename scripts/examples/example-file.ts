/** What each example generator makes: a file name and its exact text. */
import { csvField } from '../lib/random';

export interface ExampleFile {
  /** File name inside resources/examples. */
  file: string;
  /** The whole CSV text, header first, one row per line, ending with a line break. */
  csv: string;
  /** Data rows (without the header). */
  rows: number;
}

/** A CSV file (RFC 4180 quoting, "\n" line ends) from a header and rows. */
export function exampleFile(file: string, header: readonly string[], rows: readonly (readonly string[])[]): ExampleFile {
  const csv = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  return { file, csv, rows: rows.length };
}

/** `yyyy-mm-dd` of a UTC time in milliseconds. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `yyyy-mm-dd hh:mm:ss` of a UTC time in milliseconds. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
