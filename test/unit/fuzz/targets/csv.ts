/**
 * Fuzz target: the delimited-text reader (readCsv, the shape read-any returns). Cases are
 *   - grids of troublesome cells written as CSV/TSV/…: quoted properly, always, or not at all;
 *     LF, CRLF, CR or mixed line ends; UTF-8 (with or without a BOM), UTF-16 LE/BE, Windows-1252;
 *   - the same files cut short or with bytes changed;
 *   - "token soup" (quotes, delimiters, line ends, letters in any order) and random bytes;
 * read with random options: tiny read pieces (so records and characters are cut at every
 * boundary), a tiny sample, a tiny line limit, each ragged-row policy, other missing tokens.
 * Properly quoted grids read with a known delimiter must come back with as many rows and columns
 * as were written.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DelimitedOptions } from '../../../../src/main/ingest/csv/read-delimited';
import type { TextEncoding } from '../../../../src/main/ingest/csv/sniff';
import { readCsv } from '../../../../src/main/ingest/read-any';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { damaged, randomBytes, type Bytes } from '../lib/bytes';
import { grid } from '../lib/cells';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };

export interface CsvCase {
  /** Which generator made it (for the tally of outcomes). */
  source: string;
  bytes: Bytes;
  opts: DelimitedOptions;
  /** For well-formed files: the shape the table must have. */
  expect?: { rows: number; columns: number };
}

type Quoting = 'needed' | 'always' | 'never';

function quote(cell: string, d: string, quoting: Quoting, alone: boolean): string {
  if (quoting === 'never') return cell;
  const needs = quoting === 'always' || cell.includes(d) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') || (alone && cell === '');
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'windows-1252'): Bytes {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'windows-1252':
      // Characters Windows-1252 (here: Latin-1) cannot write become "?", as a legacy export does.
      return Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! <= 0xff ? ch : '?')).join(''), 'latin1');
  }
}

const encodings = fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'windows-1252') as fc.Arbitrary<Parameters<typeof encode>[1]>;

/** Usually absent (the reader's default), sometimes one of the values. */
function sometimes<T>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight });
}

const options: fc.Arbitrary<DelimitedOptions> = fc.record({
  missingTokens: fc.oneof({ arbitrary: fc.constant(DEFAULT_MISSING_TOKENS), weight: 4 }, { arbitrary: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }), weight: 1 }),
  delimiter: sometimes(fc.constantFrom(',', ';', '\t', '|')),
  encoding: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'windows-1252') as fc.Arbitrary<TextEncoding>, weight: 1 }),
  raggedRows: sometimes(fc.constantFrom('error', 'skip', 'keep') as fc.Arbitrary<'error' | 'skip' | 'keep'>, 3),
  // Tiny pieces cut records, quotes and UTF-8/UTF-16 characters at every possible place.
  readBytes: sometimes(fc.constantFrom(1, 2, 3, 5, 16, 64, 1024), 3),
  sampleRows: sometimes(fc.constantFrom(1, 2, 3, 10), 2),
  maxLineBytes: fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom(8, 64, 1024), weight: 1 }),
});

/** A grid written out as delimited text. */
const written: fc.Arbitrary<CsvCase> = fc
  .record({
    g: grid(),
    d: fc.constantFrom(',', ';', '\t', '|'),
    quoting: fc.constantFrom('needed', 'needed', 'always', 'never') as fc.Arbitrary<Quoting>,
    eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    finalEol: fc.boolean(),
    blankLines: fc.boolean(),
    encoding: encodings,
    opts: options,
    giveDelimiter: fc.boolean(),
  })
  .map(({ g, d, quoting, eol, finalEol, blankLines, encoding, opts, giveDelimiter }) => {
    const lines = [g.header, ...g.rows].map((cells) => cells.map((c) => quote(c, d, quoting, cells.length === 1)).join(d));
    const ends = ['\n', '\r\n', '\r'];
    let text = '';
    lines.forEach((line, i) => {
      if (i > 0) text += eol === 'mixed' ? ends[i % 3] : eol;
      if (blankLines && i > 1 && i % 4 === 0) text += eol === 'mixed' ? '\n' : eol;
      text += line;
    });
    if (finalEol) text += eol === 'mixed' ? '\n' : eol;
    const o: DelimitedOptions = { ...opts, ...(giveDelimiter ? { delimiter: d } : {}) };
    // Known shape: properly quoted UTF-8 text, a known delimiter, no limits that would refuse it.
    const wellFormed =
      quoting !== 'never' && giveDelimiter && encoding === 'utf-8' && o.encoding === undefined && o.maxLineBytes === undefined &&
      !text.includes('\0') && !text.startsWith('\uFEFF') && g.rows.length > 0;
    const c: CsvCase = { source: 'written', bytes: encode(text, encoding), opts: o };
    if (wellFormed) c.expect = { rows: g.rows.length, columns: g.header.length };
    return c;
  });

/** Quotes, delimiters, line ends and a few letters in any order: what breaks tokenizers. */
const soup: fc.Arbitrary<Bytes> = fc
  .array(fc.constantFrom('"', '""', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'a', '1', '2.5', ' ', 'é', 'NA', '\uFEFF', '\\'), { maxLength: 80 })
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

export const csvCase: fc.Arbitrary<CsvCase> = fc.oneof(
  { arbitrary: written, weight: 6 },
  { arbitrary: fc.record({ source: fc.constant('damaged'), bytes: damaged(written.map((c) => c.bytes)), opts: options }), weight: 3 },
  { arbitrary: fc.record({ source: fc.constant('soup'), bytes: soup, opts: options }), weight: 3 },
  { arbitrary: fc.record({ source: fc.constant('random'), bytes: randomBytes([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]], 256), opts: options }), weight: 1 },
);

export const target: FuzzTarget<CsvCase> = {
  arbitrary: csvCase,
  async run(c, dir) {
    const path = join(dir, 'case.csv');
    // Tiny read pieces on a large file only cost time: they find nothing a small file does not.
    const opts = c.bytes.length > 4096 && (c.opts.readBytes ?? 1 << 20) < 512 ? { ...c.opts, readBytes: 512 } : c.opts;
    const out = await runReader(path, c.bytes, (p) => readCsv(p, opts, ctx));
    if (out.kind === 'error') {
      assert.equal(c.expect, undefined, `a well-formed file was refused: ${out.error.message}`);
      return `${c.source}: ${out.error.code}`;
    }
    checkResult(out.result, c.bytes, 'csv');
    if (c.expect) {
      assert.equal(out.result.table.rowCount, c.expect.rows, 'rows read = rows written');
      assert.equal(out.result.table.columns.length, c.expect.columns, 'columns read = columns written');
    }
    return `${c.source}: table`;
  },
};
