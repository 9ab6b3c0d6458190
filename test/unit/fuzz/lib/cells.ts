/**
 * Cell values that trouble readers and type detection: numbers at the edges of what a double
 * holds (NaN, ±Infinity, −0, 1e309, 2^53 + 1, 30-digit integers), number conventions, dates that
 * do not exist or that no Date can hold, missing-value tokens, pathological quoting, huge text,
 * any Unicode. Shared by the CSV, JSON and xlsx generators.
 */
import fc from 'fast-check';

export const SPECIAL_NUMBER_TEXTS = [
  'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-inf', '-0', '+0', '0.0', '-0.0', '1e308', '1e309', '-1e309', '4.9e-324', '1e-400',
  '9007199254740993', '123456789012345678901234567890', '-123456789012345678901234567890.5', '1,234.5', '1.234,5', '1 234', '0x1F',
  '.5', '5.', '+.5e+3', '1e', 'e5', '--1', '١٢٣', '1_000', '00012', '1e22', '1e23', '  7  ',
];

export const SPECIAL_DATE_TEXTS = [
  '2024-02-29', '2023-02-29', '0000-01-01', '9999-12-31', '+275760-09-13', '+275760-09-14', '-271821-04-20', '2024-13-01', '2024-00-10',
  '2024-01-01T25:00:00Z', '2024-01-01T00:00:00+99:99', '2024-01-01T00:00:00.123456789Z', '2024-01-01 12:00', '12/31/2024', '31/12/2024',
  '1/1/1', '99/99/9999', '2024-1-1', '1970-01-01T00:00:00Z',
];

export const MISSING_TEXTS = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', ' ', '-'];

export const QUOTING_TEXTS = ['"', '""', '"""', '"a""b"', '"a"b', 'a"b', '"a\nb"', '"a\r\nb"', '" "', '"x"y"z"', '""""""', '\r', '\n', '\r\n', ',', ';', '\t', '|', '\\"', "'", "''"];

export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.double().map((x) => (Object.is(x, -0) ? '-0' : String(x))),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x.toExponential()),
  fc.constantFrom(...SPECIAL_NUMBER_TEXTS),
);

export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(...SPECIAL_DATE_TEXTS),
);

export const plainText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.constantFrom('true', 'false', 'TRUE', 'yes', 'no', 'Y', 'N', '0', '1'), weight: 1 },
  { arbitrary: fc.constantFrom(...QUOTING_TEXTS), weight: 2 },
  { arbitrary: fc.constantFrom('<script>alert(1)</script>', '=cmd|"/c calc"!A1', '\uFEFF', '\u2028', '\u0000', '\uD800', '&amp;', '&#0;', '__proto__', 'constructor'), weight: 1 },
);

/** A rare huge cell (up to 64 KB), so "huge fields" are covered without slowing every case. */
export const hugeText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('x', 'ab', '"', ',', '\n', 'é'), fc.integer({ min: 1_000, max: 65_536 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

export type ColumnKind = 'number' | 'date' | 'text' | 'mixed' | 'missing' | 'categories';

/** Cells for a column of one kind, with the odd cell of another kind now and then. */
export function cellFor(kind: ColumnKind): fc.Arbitrary<string> {
  const missing = fc.constantFrom(...MISSING_TEXTS);
  switch (kind) {
    case 'number':
      return fc.oneof({ arbitrary: numberText, weight: 8 }, { arbitrary: missing, weight: 1 }, { arbitrary: plainText, weight: 1 });
    case 'date':
      return fc.oneof({ arbitrary: dateText, weight: 8 }, { arbitrary: missing, weight: 1 }, { arbitrary: plainText, weight: 1 });
    case 'text':
      return fc.oneof({ arbitrary: plainText, weight: 100 }, { arbitrary: missing, weight: 10 }, { arbitrary: hugeText, weight: 1 });
    case 'missing':
      return missing;
    case 'categories':
      return fc.integer({ min: 0, max: 1_000_000 }).map((i) => `c${i}`);
    case 'mixed':
      return fc.oneof(numberText, dateText, plainText, missing);
  }
}

export const columnKind: fc.Arbitrary<ColumnKind> = fc.constantFrom('number', 'number', 'date', 'text', 'text', 'mixed', 'missing', 'categories');

/** A rectangular grid of cells: one kind per column. */
export function grid(opts: { maxColumns?: number; minRows?: number; maxRows?: number } = {}): fc.Arbitrary<{ header: string[]; rows: string[][]; kinds: ColumnKind[] }> {
  const maxColumns = opts.maxColumns ?? 6;
  const maxRows = opts.maxRows ?? 8;
  return fc.array(columnKind, { minLength: 1, maxLength: maxColumns }).chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      header: fc.tuple(...kinds.map(() => fc.oneof({ arbitrary: fc.string({ maxLength: 6 }), weight: 3 }, { arbitrary: fc.constantFrom('a', 'a', ' ', '', 'id'), weight: 1 }))),
      rows: fc.array(fc.tuple(...kinds.map(cellFor)), { minLength: opts.minRows ?? 1, maxLength: maxRows }),
    }),
  );
}
