/**
 * Guessing how a text file is written: its encoding (byte-order marks, UTF-8 validity, UTF-16
 * without a mark) and its delimiter. Also recognises binary files that were given a text name.
 */
import { isUtf8 } from 'node:buffer';
import { ByteTokenizer } from './byte-tokenizer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** Why, in words, when it is not plain UTF-8. */
  note?: string;
}

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an Excel .xlsx file is one: save it as CSV, or import the .xlsx)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x41, 0x52, 0x31], 'a Parquet file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.xls): save it as CSV or .xlsx'],
  [[0x1f, 0x8b], 'a gzip-compressed file: unpack it first'],
];

/** What binary format the bytes start with, in words, or null. */
export function binarySignature(head: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) if (sig.every((b, i) => head[i] === b)) return what;
  return null;
}

/** Length of `bytes` without an incomplete UTF-8 sequence at the end (a piece may cut one). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    // A lead byte announces how long its sequence is; anything else (ASCII, 0xF8–0xFF) is not cut.
    const need = (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

export function guessEncoding(head: Uint8Array, atEnd: boolean): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, note: 'The file is UTF-16 (little-endian), read as such.' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, note: 'The file is UTF-16 (big-endian), read as such.' };
  // UTF-16 without a mark: ASCII text leaves every other byte zero.
  const probe = Math.min(head.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (probe >= 8 && oddZeros > probe / 2 * 0.4 && evenZeros === 0) return { encoding: 'utf-16le', bomBytes: 0, note: 'The file looks like UTF-16 (little-endian) without a byte-order mark.' };
  if (probe >= 8 && evenZeros > probe / 2 * 0.4 && oddZeros === 0) return { encoding: 'utf-16be', bomBytes: 0, note: 'The file looks like UTF-16 (big-endian) without a byte-order mark.' };
  const checked = atEnd ? head : head.subarray(0, completeUtf8Length(head));
  if (isUtf8(checked)) return { encoding: 'utf-8', bomBytes: 0 };
  return {
    encoding: 'windows-1252',
    bomBytes: 0,
    note: 'The file is not UTF-8; it was read as Windows-1252 (Western European). If letters look wrong, choose another encoding.',
  };
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Guesses the delimiter from the start of a file: the candidate that splits the first lines into
 * the same number (> 1) of fields most consistently, preferring more fields. Falls back to comma.
 */
export function sniffDelimiter(sample: Buffer): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const d of CANDIDATE_DELIMITERS) {
    const counts: number[] = [];
    const tok = new ByteTokenizer(d.charCodeAt(0), (r) => {
      if (counts.length < 51) counts.push(r.count);
    });
    tok.push(sample);
    // Records cut by the end of the sample are not complete, so they are not counted (no end()).
    const lines = counts.slice(0, 50);
    const first = lines[0] ?? 0;
    if (first < 2) continue;
    const consistent = lines.filter((n) => n === first).length / lines.length;
    const score = consistent * 1000 + first;
    if (consistent >= 0.9 && score > best.score) best = { delimiter: d, score };
  }
  return best.delimiter;
}
