/**
 * Fuzz target: the .xlsx reader. Cases are
 *   - workbooks written from generated specs: cells of every type (shared, inline, formula text,
 *     boolean, error, ISO date, numbers with date styles) with values at the edges (NaN, 1e308,
 *     serials no date can hold), references past column XFD or missing, rows out of order,
 *     entities that name no character, several sheets (some chart sheets), the 1904 flag,
 *     namespace prefixes, stored or deflated parts, a chosen sheet or header row;
 *   - the same workbooks with junk spliced into the sheet XML, or their zip bytes cut short or
 *     changed (stored parts expose the XML to those edits, deflated ones the inflater);
 *   - zip bombs disguised as workbooks (a sheet, shared strings, workbook, styles or
 *     relationships part that inflates about 1000×, some with sizes that lie), which must be
 *     refused as bombs;
 *   - random bytes after the zip signature, and the fixtures in test/fixtures/formats, damaged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readXlsxFile, type XlsxOptions } from '../../../../src/main/ingest/xlsx/read-xlsx';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { damaged, randomBytes, type Bytes } from '../lib/bytes';
import { dateText, numberText, plainText } from '../lib/cells';
import { checkResult, runReader } from '../lib/outcome';
import type { FuzzTarget } from '../lib/target';
import { buildXlsx, escapeXml, letters, workbookParts, zipParts, type SheetSpec, type WorkbookSpec, type XCellSpec, type XRowSpec } from '../lib/xlsx-build';

const ctx = { progress: () => {}, throwIfCancelled: () => {} };
const FIXTURES = join(import.meta.dirname, '../../../fixtures/formats');

export interface XlsxCase {
  source: string;
  bytes: Bytes;
  opts: XlsxOptions;
  /** A bomb must be refused as one. */
  bomb?: boolean;
}

const ENTITY_JUNK = ['&#x110000;', '&#0;', '&#xD800;', '&#99999999999;', '&#x;', '&bogus;', '&amp', '_x0000_', '_xD800_', '_xZZZZ_', '&#x41;', '<![CDATA[x]]>', '&lt;row&gt;', '</v>', '<v>'];
const junkText = fc.constantFrom(...ENTITY_JUNK);
/** Text for inside an element: usually escaped properly, sometimes junk. */
const xmlText = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: text.map(escapeXml), weight: 8 }, { arbitrary: junkText, weight: 1 }, { arbitrary: fc.tuple(text, junkText).map(([a, j]) => escapeXml(a) + j), weight: 1 });

const ODD_REFS = ['', '1', 'A', 'XFE1', 'ZZZZ1', 'AAAAAAAAAAAAAA1', '$A$1', 'A-1', 'a1', 'Ä1', 'A0', 'AB', '1A'];
/** Legal but wide (100 and 256 columns); the widest (XFD, 16,384 columns: ~0.3 s a read) is rarer still. */
const WIDE_REFS = ['IV65536', 'CV1'];
const WIDEST_REFS = ['XFD1', 'XFD1048576'];
const ODD_ROWS = ['0', '-1', '1e308', 'x', '1048577', '99999999999', '1.5', ''];
const SERIALS = ['-1', '0', '59', '60', '61', '2958465', '2958466', '1e15', '1e308', '-1e308', 'NaN', 'INF', '', '45000.5', '0.999999999'];

type Kind = 'number' | 'date' | 'text' | 'bool' | 'error' | 'mixed' | 'missing';
const KINDS: Kind[] = ['number', 'date', 'text', 'bool', 'error', 'mixed', 'missing'];

/** A cell of a column of one kind (built once per kind: building arbitraries per case is slow). */
function cellOf(kind: Kind): fc.Arbitrary<Omit<XCellSpec, 'ref'>> {
  const number = fc.record({ v: fc.oneof({ arbitrary: numberText.map(escapeXml), weight: 6 }, { arbitrary: fc.constantFrom(...SERIALS), weight: 1 }) });
  const date = fc.oneof(
    fc.record({ s: fc.constantFrom(1, 2, 3), v: fc.oneof(fc.integer({ min: 0, max: 2958465 }).map(String), fc.constantFrom(...SERIALS)) }),
    fc.record({ t: fc.constant('d'), v: xmlText(dateText) }),
  );
  const text = fc.oneof(
    fc.record({ t: fc.constant('s'), v: fc.oneof({ arbitrary: fc.nat(9).map(String), weight: 6 }, { arbitrary: fc.constantFrom('-1', 'x', '1e3', '0.5', '', '99999999'), weight: 1 }) }),
    fc.record({ t: fc.constant('inlineStr'), inline: fc.oneof(xmlText(plainText).map((s) => `<t>${s}</t>`), fc.tuple(xmlText(plainText), xmlText(plainText)).map(([a, b]) => `<r><t>${a}</t></r><r><t xml:space="preserve">${b}</t></r>`), fc.constant('')) }),
    fc.record({ t: fc.constant('str'), v: xmlText(plainText) }),
  );
  const bool = fc.record({ t: fc.constant('b'), v: fc.constantFrom('0', '1', 'true', 'false', 'x', '') });
  const error = fc.record({ t: fc.constant('e'), v: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '') });
  const odd = fc.record({ t: fc.constantFrom('x', 'n', 'S', ''), v: xmlText(plainText), s: fc.option(fc.oneof(fc.nat(10), fc.constantFrom('x', '-1')), { nil: undefined }) });
  const missing = fc.constantFrom({}, { v: '' }, { t: 's' }, { t: 'inlineStr', inline: '<t></t>' });
  switch (kind) {
    case 'number':
      return fc.oneof({ arbitrary: number, weight: 8 }, { arbitrary: text, weight: 1 }, { arbitrary: missing, weight: 1 });
    case 'date':
      return fc.oneof({ arbitrary: date, weight: 8 }, { arbitrary: text, weight: 1 }, { arbitrary: missing, weight: 1 });
    case 'text':
      return fc.oneof({ arbitrary: text, weight: 8 }, { arbitrary: missing, weight: 1 });
    case 'bool':
      return fc.oneof({ arbitrary: bool, weight: 8 }, { arbitrary: missing, weight: 1 });
    case 'error':
      return fc.oneof(error, number, missing);
    case 'mixed':
      return fc.oneof(number, date, text, bool, error, odd, missing);
    case 'missing':
      return missing;
  }
}

/** How a cell's or row's reference is written: as Excel would, left out, or something odd. */
type RefMode = { mode: 'proper' } | { mode: 'none' } | { mode: 'literal'; text: string };
const refMode: fc.Arbitrary<RefMode> = fc.oneof(
  { arbitrary: fc.constant({ mode: 'proper' as const }), weight: 200 },
  { arbitrary: fc.constant({ mode: 'none' as const }), weight: 20 },
  { arbitrary: fc.constantFrom(...ODD_REFS).map((text) => ({ mode: 'literal' as const, text })), weight: 10 },
);
const rowMode: fc.Arbitrary<RefMode> = fc.oneof(
  { arbitrary: fc.constant({ mode: 'proper' as const }), weight: 12 },
  { arbitrary: fc.constant({ mode: 'none' as const }), weight: 2 },
  { arbitrary: fc.constantFrom(...ODD_ROWS).map((text) => ({ mode: 'literal' as const, text })), weight: 1 },
);
const refText = (m: RefMode, proper: string): string | undefined => (m.mode === 'proper' ? proper : m.mode === 'none' ? undefined : m.text);

const headerCell = fc.tuple(refMode, xmlText(plainText));
const slots = Object.fromEntries(KINDS.map((k) => [k, fc.option(fc.tuple(refMode, cellOf(k)), { freq: 8, nil: null })])) as Record<Kind, fc.Arbitrary<[RefMode, Omit<XCellSpec, 'ref'>] | null>>;

const SHEET_JUNK = ['<row', '<row r="2">', '</row>', '<c r="A1"><v>1</v>', '<row r="3"><c', '<<<<', '<row/>', '<row r="4"/>', '<c/>', '<row><c r="B9" t="s"><v>0</v></c></row>', '\u0000', '<x:row r="5"><x:c><x:v>1</x:v></x:c></x:row>'];

function sheetOf(name: string): fc.Arbitrary<SheetSpec> {
  return fc
    .record({
      kinds: fc.array(fc.constantFrom<Kind>('number', 'number', 'date', 'text', 'text', 'bool', 'error', 'mixed', 'missing'), { minLength: 1, maxLength: 6 }),
      firstCol: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.nat(5), weight: 1 }),
      junk: fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, { arbitrary: fc.array(fc.constantFrom(...SHEET_JUNK), { minLength: 1, maxLength: 3 }).map((j) => j.join('')), weight: 1 }),
      chart: fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, { arbitrary: fc.constant(true), weight: 1 }),
      wide: fc.oneof({ arbitrary: fc.constant(undefined), weight: 1000 }, { arbitrary: fc.constantFrom(...WIDE_REFS), weight: 25 }, { arbitrary: fc.constantFrom(...WIDEST_REFS), weight: 1 }),
    })
    .chain(({ kinds, firstCol, junk, chart, wide }) =>
      fc
        .record({
          titles: fc.array(fc.tuple(rowMode, headerCell), { maxLength: 2 }),
          header: fc.tuple(rowMode, fc.tuple(...kinds.map(() => headerCell))),
          rows: fc.array(fc.tuple(rowMode, fc.tuple(...kinds.map((k) => slots[k]))), { maxLength: 8 }),
        })
        .map(({ titles, header, rows }): SheetSpec => {
          const out: XRowSpec[] = [];
          let row = 1;
          const inline = (m: RefMode, col: number, r: number, text: string): XCellSpec => ({ ref: refText(m, `${letters(col)}${r}`), t: 'inlineStr', inline: `<t>${text}</t>` });
          for (const [rm, [cm, text]] of titles) {
            out.push({ r: refText(rm, String(row)), cells: [inline(cm, firstCol, row, text)] });
            row++;
          }
          const hr = row++;
          out.push({ r: refText(header[0], String(hr)), cells: header[1].map(([cm, text], c) => inline(cm, firstCol + c, hr, text)) });
          if (wide) out[out.length - 1]!.cells.push({ ref: wide, t: 'inlineStr', inline: '<t>far</t>' });
          for (const [rm, cells] of rows) {
            const r = row++;
            out.push({ r: refText(rm, String(r)), cells: cells.flatMap((slot, c) => (slot ? [{ ...slot[1], ref: refText(slot[0], `${letters(firstCol + c)}${r}`) }] : [])) });
          }
          return { name, rows: out, junk, chart };
        }),
    );
}

const STYLES: (string | number | undefined)[] = [undefined, 14, 'yyyy-mm-dd', 'dd/mm/yyyy hh:mm', 'mm:ss', '0.00', '[h]:mm', 22, '"d"0', '[Red]0;"day"'];

const workbook: fc.Arbitrary<WorkbookSpec> = fc
  .record({
    names: fc.uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Sheet1', 'Data', '&<>"', ' ')), { minLength: 1, maxLength: 2 }),
    shared: fc.array(fc.oneof({ arbitrary: xmlText(plainText).map((s) => `<t>${s}</t>`), weight: 6 }, { arbitrary: xmlText(plainText).map((s) => `<r><t>${s}</t></r><rPh><t>ふりがな</t></rPh>`), weight: 1 }), { maxLength: 8 }),
    withShared: fc.boolean(),
    withStyles: fc.boolean(),
    date1904: fc.boolean(),
    prefix: fc.constantFrom('', '', '', 'x:'),
    // Stored parts expose the XML to byte edits and cost no deflate/inflate; a third are deflated.
    level: fc.constantFrom<0 | 1>(0, 0, 1),
    noRootRels: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
  })
  .chain(({ names, shared, withShared, ...rest }) =>
    fc.tuple(...names.map((n) => sheetOf(n))).map(
      (sheets): WorkbookSpec => ({
        ...rest,
        sheets,
        sharedStrings: withShared ? shared : undefined,
        styles: rest.withStyles ? [undefined, 14, 'yyyy-mm-dd', 'dd/mm/yyyy hh:mm', ...STYLES.slice(4)] : undefined,
      }),
    ),
  );

const opts: fc.Arbitrary<XlsxOptions> = fc.record({
  missingTokens: fc.oneof({ arbitrary: fc.constant(DEFAULT_MISSING_TOKENS), weight: 4 }, { arbitrary: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), weight: 1 }),
  sheet: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constantFrom('Sheet1', 'Data', 'data', ' ', '', 'Nope'), weight: 1 }),
  headerRow: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(60, 10_000)), weight: 1 }),
});

/** Parts that inflate ~1000× (4 MB from a few KB), built once per worker: they cost ~20 ms each. */
const bombs: { name: string; bytes: Bytes }[] = [];
function makeBombs(): { name: string; bytes: Bytes }[] {
  if (bombs.length) return bombs;
  const MB4 = 4 << 20;
  const base = workbookParts({ sheets: [{ name: 'S', rows: [{ cells: [{ ref: 'A1', t: 'inlineStr', inline: '<t>a</t>' }] }] }], sharedStrings: ['<t>x</t>'], styles: [undefined] });
  const variants: [string, Record<string, string>][] = [
    ['sheet of spaces', { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${' '.repeat(MB4)}</sheetData></worksheet>` }],
    ['sheet of rows', { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(MB4 / 27)}</sheetData></worksheet>` }],
    ['shared strings', { 'xl/sharedStrings.xml': `<sst><si><t>${'a'.repeat(MB4)}</t></si></sst>` }],
    ['workbook', { 'xl/workbook.xml': `${base['xl/workbook.xml']!}${' '.repeat(MB4)}` }],
    ['styles', { 'xl/styles.xml': `<styleSheet>${'<xf numFmtId="0"/>'.repeat(MB4 / 18)}</styleSheet>` }],
    ['relationships', { '_rels/.rels': `${base['_rels/.rels']!}${' '.repeat(MB4)}` }],
  ];
  for (const [name, parts] of variants) {
    const bytes = zipParts({ ...base, ...parts }, 9);
    bombs.push({ name, bytes });
    // The same bomb with sizes that lie: every uncompressed size in the table of contents says 100 bytes.
    const lying = Buffer.from(bytes);
    for (let p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) lying.writeUInt32LE(100, p + 24);
    bombs.push({ name: `${name}, sizes that lie`, bytes: lying });
  }
  return bombs;
}

const fixtures = ['report.xlsx', 'date1904.xlsx', 'empty-sheet.xlsx', 'no-sheets.xlsx', 'not-xlsx.zip'].map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))));

const written = fc.record({ source: fc.constant('written'), bytes: workbook.map(buildXlsx), opts });
const bomb = fc.record({ source: fc.constant('bomb'), bytes: fc.nat(11).map((i) => makeBombs()[i]!.bytes), opts: fc.constant({ missingTokens: DEFAULT_MISSING_TOKENS }), bomb: fc.constant(true) });

export const xlsxCase: fc.Arbitrary<XlsxCase> = fc.oneof(
  { arbitrary: written, weight: 120 },
  { arbitrary: fc.record({ source: fc.constant('damaged'), bytes: damaged(workbook.map(buildXlsx)), opts }), weight: 80 },
  { arbitrary: fc.record({ source: fc.constant('fixture damaged'), bytes: damaged(fc.constantFrom(...fixtures)), opts }), weight: 20 },
  // Bombs inflate megabytes before they are caught, so they are a small share of the cases.
  { arbitrary: bomb, weight: 1 },
  { arbitrary: fc.record({ source: fc.constant('bomb damaged'), bytes: damaged(fc.nat(11).map((i) => makeBombs()[i]!.bytes)), opts }), weight: 1 },
  { arbitrary: fc.record({ source: fc.constant('random'), bytes: randomBytes([[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]], 256), opts }), weight: 16 },
);

export const target: FuzzTarget<XlsxCase> = {
  arbitrary: xlsxCase,
  async run(c, dir) {
    const out = await runReader(join(dir, 'case.xlsx'), c.bytes, (p) => readXlsxFile(p, c.opts, ctx));
    if (c.bomb) {
      assert.equal(out.kind, 'error', 'a zip bomb was read');
      if (out.kind === 'error') assert.match(out.error.message, /zip bomb/);
    }
    if (out.kind === 'error') return `${c.source}: ${out.error.code}`;
    checkResult(out.result, c.bytes, 'xlsx');
    return `${c.source}: table`;
  },
};
