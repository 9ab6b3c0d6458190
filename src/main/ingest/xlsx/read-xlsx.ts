/**
 * Reads one sheet of an Excel .xlsx workbook into typed columns. The zip is held compressed (it is
 * the file); each part is inflated in pieces under zip-bomb limits and the sheet's XML is cut into
 * <row> elements as it streams, so only the first rows (for finding the header) are ever held.
 * Synchronous, like the CSV reader.
 */
import { SlicewiseError } from '../../../shared/errors';
import { uniqueColumnNames } from '../columns/names';
import { ValueBuilder, finishTable } from '../columns/value-builder';
import { NUMBER_FORMAT, fileError, withFile, type HashedFile, type ReadContext, type ReadOptions, type ReadResult } from '../read-result';
import { chooseHeaderRow } from './header-row';
import { BOOL, DATE, ERR, MAX_COLUMN_INDEX, NUM, STR, cellText, columnLetters, parseRow, type SheetContext, type XRow } from './sheet-rows';
import { readSharedStrings, readWorkbook, type SheetRef } from './workbook';
import { ElementCutter } from './xml';
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipLimits } from './zip';

export interface XlsxOptions extends ReadOptions {
  /** Sheet name; default the first sheet with data. */
  sheet?: string | undefined;
  /** 1-based row of the column names; default detected. */
  headerRow?: number | undefined;
  zipLimits?: Partial<ZipLimits> | undefined;
}

/** Rows held back to find the header before columns exist. */
const HEADER_SCAN_ROWS = 50;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function readAll(f: HashedFile, ctx: ReadContext): Buffer {
  const pieces: Buffer[] = [];
  for (let p = f.next(); p; p = f.next()) {
    pieces.push(Buffer.from(p));
    ctx.throwIfCancelled();
  }
  return Buffer.concat(pieces);
}

export function readXlsxFile(path: string, opts: XlsxOptions, ctx: ReadContext): ReadResult {
  return withFile(path, (f) => {
    const file = f.file;
    if (f.size === 0) throw fileError('EMPTY_FILE', file, `${file} is empty: there is nothing to import.`);
    ctx.progress('Reading', 0);
    const bytes = readAll(f, ctx);
    if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
      throw fileError('PARSE_ERROR', file, `${file} is not an .xlsx workbook but an Office "compound" file: either a password-protected (encrypted) workbook or an old Excel .xls file. Open it in Excel, remove the password if it has one, save it as .xlsx (or CSV), and import that.`);
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw fileError('PARSE_ERROR', file, `${file} is not an Excel .xlsx workbook (an .xlsx is a zip archive, and this file is not one).`);
    }
    const zip = new ZipArchive(bytes, file, { ...DEFAULT_ZIP_LIMITS, ...opts.zipLimits });
    const wb = readWorkbook(zip, file);
    const names = wb.sheets.map((s) => s.name);
    if (wb.sheets.length === 0) throw fileError('EMPTY_FILE', file, `${file} has no sheets: there is nothing to import.`);
    const sharedStrings = readSharedStrings(zip, wb.sharedStringsPart, file, () => ctx.throwIfCancelled());
    const sheetCtx: SheetContext = { sharedStrings, dateStyles: wb.dateStyles, date1904: wb.date1904 };

    let candidates: SheetRef[];
    if (opts.sheet !== undefined) {
      const wanted = opts.sheet;
      const found = wb.sheets.find((s) => s.name === wanted) ?? wb.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
      if (!found) throw fileError('PARSE_ERROR', file, `${file} has no sheet called "${wanted}". Its sheets are: ${names.join(', ')}.`);
      if (!found.part) throw fileError('EMPTY_FILE', file, `${file}: the sheet "${found.name}" is a chart, not a table of data.`);
      candidates = [found];
    } else {
      candidates = wb.sheets.filter((s) => s.part !== null);
    }
    for (const sheet of candidates) {
      const read = readSheet(zip, sheet, sheetCtx, opts, ctx, file);
      if (!read) continue;
      if (opts.sheet === undefined && wb.sheets.length > 1) read.notes.unshift(`Read the sheet "${sheet.name}"; the workbook also has ${names.filter((n) => n !== sheet.name).map((n) => `"${n}"`).join(', ')}.`);
      if (wb.date1904) read.notes.push('The workbook counts dates from 1904 (an old Mac setting); dates were converted accordingly.');
      ctx.progress('Reading', 1);
      return {
        ...read,
        format: 'xlsx',
        options: { sheet: sheet.name, sheets: names, headerRow: read.headerRow, date1904: wb.date1904 },
        source: f.fingerprint(),
      };
    }
    if (opts.sheet !== undefined) throw fileError('EMPTY_FILE', file, `${file}: the sheet "${candidates[0]!.name}" has no data.`, { column: candidates[0]!.name });
    throw fileError('EMPTY_FILE', file, `${file} has no data in any sheet (sheets: ${names.join(', ')}).`);
  });
}

interface Header {
  names: string[];
  /** Excel row number of the column names. */
  row: number;
  lo: number;
  hi: number;
  /** Rows with content above the header (titles). */
  skippedAbove: number;
}

type SheetRead = Pick<ReadResult, 'table' | 'stats' | 'notes'> & { headerRow: number };

/** Reads one sheet; null when it has no cells with values (so the next sheet can be tried). */
function readSheet(zip: ZipArchive, sheet: SheetRef, sctx: SheetContext, opts: XlsxOptions, ctx: ReadContext, file: string): SheetRead | null {
  const entry = zip.get(sheet.part!);
  if (!entry) throw fileError('PARSE_ERROR', file, `${file} is damaged: the sheet "${sheet.name}" is listed but its data is missing.`);
  const where = `${file} (sheet "${sheet.name}")`;
  const held: XRow[] = [];
  // Typed by a cast so the checker does not narrow it to null (it is set inside a callback).
  let header = null as Header | null;
  let builders: ValueBuilder[] = [];
  let errors: Map<string, number>[] = [];
  const notes: string[] = [];
  let rows = 0;
  let blank = 0;
  let outside = 0;
  let beyond = 0;
  let lastRow = 0;

  const start = (): void => {
    const wanted = opts.headerRow;
    let index: number;
    let lo: number;
    let hi: number;
    if (wanted !== undefined) {
      index = held.findIndex((r) => r.row === wanted);
      if (index < 0) throw fileError('PARSE_ERROR', file, `${where}: row ${wanted} is empty or not among the first ${HEADER_SCAN_ROWS} rows with data, so it cannot be the header.`, { line: wanted });
      // A loop, not Math.min(...cols): a row can hold more cells than a call has arguments.
      lo = Infinity;
      hi = -1;
      for (const c of held[index]!.cells) {
        if (c.col < lo) lo = c.col;
        if (c.col > hi) hi = c.col;
      }
    } else {
      const choice = chooseHeaderRow(held);
      if (!choice) {
        // Every row so far has only empty text: none is the header; keep looking below them.
        blank += held.length;
        held.length = 0;
        return;
      }
      ({ index, firstCol: lo, lastCol: hi } = choice);
    }
    const headerCells = new Map(held[index]!.cells.map((c) => [c.col, cellText(c)]));
    const raw = Array.from({ length: hi - lo + 1 }, (_, i) => headerCells.get(lo + i) ?? '');
    const unique = uniqueColumnNames(raw);
    notes.push(...unique.notes);
    header = { names: unique.names, row: held[index]!.row, lo, hi, skippedAbove: index };
    builders = unique.names.map(() => new ValueBuilder(opts.missingTokens));
    errors = unique.names.map(() => new Map());
    for (const r of held.slice(index + 1)) addRow(r);
    held.length = 0;
  };

  const addRow = (r: XRow): void => {
    const h = header!;
    const width = h.hi - h.lo + 1;
    const cells = r.cells.filter((c) => {
      const inside = c.col >= h.lo && c.col <= h.hi;
      if (!inside && !(c.t === STR && c.v === '')) outside++;
      return inside;
    });
    if (cells.length === 0 || cells.every((c) => c.t === STR && c.v === '')) {
      blank++;
      return;
    }
    let next = 0;
    for (let i = 0; i < width; i++) {
      const b = builders[i]!;
      const c = cells[next]?.col === h.lo + i ? cells[next++] : undefined;
      if (!c) b.addMissing('');
      else if (c.t === NUM) b.addNumber(c.v as number, r.row);
      else if (c.t === STR) b.addString(c.v as string, r.row);
      else if (c.t === BOOL) b.addBoolean(c.v === 1, r.row);
      else if (c.t === DATE) b.addDate(c.v as number, r.row);
      else if (c.t === ERR) {
        b.addMissing(c.v as string);
        errors[i]!.set(c.v as string, (errors[i]!.get(c.v as string) ?? 0) + 1);
      }
    }
    rows++;
  };

  const cutter = new ElementCutter(
    'row',
    (xml) => {
      const r = parseRow(xml, lastRow, sctx);
      lastRow = r.row;
      beyond += r.beyond ?? 0;
      // Cells in a row are written left to right; sort anyway, since addRow relies on it.
      r.cells.sort((a, b) => a.col - b.col);
      if (header) return addRow(r);
      if (r.cells.length > 0) held.push(r);
      if (held.length >= HEADER_SCAN_ROWS) start();
    },
    64 << 20,
    () => {
      throw fileError('PARSE_ERROR', file, `${where} is damaged: one row of the sheet runs past 64 MB of XML.`, { line: lastRow + 1 });
    },
  );
  try {
    zip.read(entry, (chunk) => cutter.pushBytes(chunk), (fraction) => {
      ctx.throwIfCancelled();
      ctx.progress('Reading', fraction, `${NUMBER_FORMAT.format(rows)} rows`);
    });
    cutter.end();
  } catch (err) {
    if (err instanceof SlicewiseError) throw err;
    throw fileError('PARSE_ERROR', file, `${where} could not be read: ${(err as Error).message}`);
  }
  if (!header) {
    if (held.every((r) => r.cells.every((c) => c.t === STR && c.v === ''))) return null;
    start();
  }
  if (!header) return null;
  const h: Header = header;
  if (rows === 0) throw fileError('EMPTY_FILE', file, `${where} has column names (row ${h.row}) but no rows of data.`, { line: h.row });
  if (h.skippedAbove > 0) notes.push(`The column names are on row ${h.row}; ${h.skippedAbove} row${h.skippedAbove === 1 ? '' : 's'} above it (titles) ${h.skippedAbove === 1 ? 'was' : 'were'} skipped.`);
  if (blank > 0) notes.push(`${blank} empty row${blank === 1 ? ' was' : 's were'} skipped.`);
  if (beyond > 0) notes.push(`${beyond} cell${beyond === 1 ? '' : 's'} with a reference past column ${columnLetters(MAX_COLUMN_INDEX)}, the last column a sheet can have, ${beyond === 1 ? 'was' : 'were'} ignored (the file may be damaged).`);
  if (outside > 0) notes.push(`${outside} cell${outside === 1 ? '' : 's'} outside the table's columns (beyond column ${columnLetters(h.hi)}, or before the first) ${outside === 1 ? 'was' : 'were'} ignored.`);
  errors.forEach((m, i) => {
    if (m.size === 0) return;
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    notes.push(`Column "${h.names[i]}": ${total} cell${total === 1 ? ' is an Excel error' : 's are Excel errors'} (${[...m.keys()].join(', ')}), read as missing.`);
  });
  const built = finishTable(h.names, builders, rows);
  return { ...built, notes: [...notes, ...built.notes], headerRow: h.row };
}
