/**
 * The workbook-level parts of an .xlsx: where the workbook is, its sheets (name → part), whether
 * dates count from 1900 or 1904, which cell styles are date formats, and the shared strings.
 */
import { fileError } from '../read-result';
import { ElementCutter, attr, textRuns } from './xml';
import type { ZipArchive } from './zip';

export interface SheetRef {
  name: string;
  /** Part name inside the zip, e.g. xl/worksheets/sheet1.xml; null for a chart sheet. */
  part: string | null;
}

export interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
  /** By cell style index (the `s` attribute of a cell): 1 when its number format shows a date. */
  dateStyles: Uint8Array;
}

/** Resolves a relationship target against the folder of the part that points to it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(zip: ZipArchive, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const entry = zip.get(relsPart);
  if (!entry) return out;
  for (const m of zip.text(entry).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) out.set(id, { type: attr(m[0], 'Type') ?? '', target: resolve(part, target) });
  }
  return out;
}

/** Built-in number formats that show dates (14–17, 22, and the East Asian date forms). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A custom format shows a date when, outside quoted text, escapes and [brackets], it has a day or
 * year part. Month letters alone are not enough ("mm:ss" is minutes), and time-only formats stay
 * numbers (a fraction of a day), as Excel stores them.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  return /[dy]/i.test(bare);
}

function readStyles(zip: ZipArchive, part: string | undefined): Uint8Array {
  const entry = part ? zip.get(part) : undefined;
  if (!entry) return new Uint8Array(0);
  const xml = zip.text(entry);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const styles: number[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? (isDateFormat(code) ? 1 : 0) : BUILTIN_DATE_FORMATS.has(id) ? 1 : 0);
  }
  return Uint8Array.from(styles);
}

export function readWorkbook(zip: ZipArchive, file: string): Workbook & { sharedStringsPart: string | undefined } {
  const root = relationships(zip, ''); // the package's own relationships: _rels/.rels
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  const entry = zip.get(workbookPart);
  if (!entry) {
    const word = zip.get('word/document.xml') ? ' (it looks like a Word document)' : zip.get('ppt/presentation.xml') ? ' (it looks like a PowerPoint file)' : zip.get('content.xml') ? ' (it looks like an OpenDocument file: save it as .xlsx or CSV)' : '';
    throw fileError('PARSE_ERROR', file, `${file} is a zip archive but not an Excel workbook (.xlsx)${word}: it has no workbook inside. Slicewise reads .xlsx workbooks, CSV/TSV, JSON, Parquet and Arrow files.`);
  }
  const xml = zip.text(entry);
  const rels = relationships(zip, workbookPart);
  const sheets: SheetRef[] = [];
  new ElementCutter('sheet', (tag) => {
    const rel = rels.get(attr(tag, 'id') ?? '');
    const name = attr(tag, 'name') ?? `Sheet${sheets.length + 1}`;
    sheets.push({ name, part: rel && rel.type.endsWith('/worksheet') ? rel.target : null });
  }, 1 << 20, () => { throw fileError('PARSE_ERROR', file, `${file}: the workbook's list of sheets is damaged.`); }).push(xml);
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = /^(1|true)$/.test(attr(workbookPr, 'date1904') ?? '');
  const relList = [...rels.values()];
  const stylesPart = relList.find((r) => r.type.endsWith('/styles'))?.target;
  const sharedStringsPart = relList.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  return { sheets, date1904, dateStyles: readStyles(zip, stylesPart), sharedStringsPart };
}

/** Shared strings, streamed element by element (the part can be hundreds of megabytes). */
export function readSharedStrings(zip: ZipArchive, part: string | undefined, file: string, onPiece: () => void): string[] {
  const entry = part ? zip.get(part) : undefined;
  const strings: string[] = [];
  if (!entry) return strings;
  const cutter = new ElementCutter('si', (xml) => strings.push(textRuns(xml)), 64 << 20, () => {
    throw fileError('PARSE_ERROR', file, `${file}: its shared strings part is damaged (one text value runs past 64 MB).`);
  });
  zip.read(entry, (chunk) => cutter.pushBytes(chunk), onPiece);
  cutter.end();
  return strings;
}

const DAY_MS = 86_400_000;
/** The serials of 10000-01-01, the first day Excel cannot show, in the 1900 and 1904 systems. */
const LAST_SERIAL_1900 = 2_958_466;
const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1_462;

/**
 * An Excel serial date as epoch ms UTC. In the 1900 system Excel counts 29 February 1900, a day
 * that never was (a Lotus 1-2-3 bug it kept), so serials before 61 are one day off from the rest;
 * serial 60 (that phantom day) lands on 1 March. The 1904 system (old Mac workbooks) counts from
 * 1 January 1904. Times are the fraction of a day, rounded to the millisecond. NaN for a serial
 * that is no date Excel can show (negative, or on or after 10000-01-01).
 */
export function excelSerialToMs(serial: number, date1904: boolean): number {
  if (!Number.isFinite(serial) || serial < 0 || serial >= (date1904 ? LAST_SERIAL_1904 : LAST_SERIAL_1900)) return NaN;
  const offset = date1904 ? 24_107 : serial < 61 ? 25_568 : 25_569;
  return Math.round((serial - offset) * DAY_MS);
}
