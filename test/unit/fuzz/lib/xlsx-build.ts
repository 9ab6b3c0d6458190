/**
 * A tiny .xlsx writer for fuzzing: a workbook described as data (sheets of rows of cells with
 * any attributes, shared strings, date styles, the 1904 flag, a namespace prefix) zipped with
 * fflate. It writes what it is told, including what Excel never would: references past column
 * XFD, rows out of order, unknown cell types, entities no character has.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface XCellSpec {
  /** The r attribute; omitted when undefined. */
  ref?: string | undefined;
  t?: string | undefined;
  s?: number | string | undefined;
  /** Raw XML inside <v> (already escaped, or deliberately not). */
  v?: string | undefined;
  /** Raw XML of an inline string's <is> body. */
  inline?: string | undefined;
}

export interface XRowSpec {
  r?: string | undefined;
  cells: XCellSpec[];
}

export interface SheetSpec {
  name: string;
  rows: XRowSpec[];
  /** Extra raw XML spliced into sheetData (damage at the XML level). */
  junk?: string | undefined;
  chart?: boolean | undefined;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Raw XML bodies of <si> elements. */
  sharedStrings?: string[] | undefined;
  /** Number format code per cell style (index = the s attribute); undefined = General. */
  styles?: (string | number | undefined)[] | undefined;
  date1904?: boolean | undefined;
  prefix?: string | undefined;
  /** 0 = stored (the XML is visible to byte edits), otherwise deflated at that level. */
  level?: 0 | 1 | 6 | undefined;
  /** Leave out _rels/.rels (the reader then looks for xl/workbook.xml). */
  noRootRels?: boolean | undefined;
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const attr = (name: string, v: string | number | undefined): string => (v === undefined ? '' : ` ${name}="${typeof v === 'number' ? v : escapeXml(v)}"`);

/** "A" for 0, "AB" for 27. */
export function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function sheetXml(sheet: SheetSpec, p = ''): string {
  const rows = sheet.rows
    .map((r) => {
      const cells = r.cells
        .map((c) => {
          const open = `<${p}c${attr('r', c.ref)}${attr('t', c.t)}${attr('s', c.s)}`;
          if (c.inline !== undefined) return `${open}><${p}is>${c.inline}</${p}is></${p}c>`;
          if (c.v === undefined) return `${open}/>`;
          return `${open}><${p}v>${c.v}</${p}v></${p}c>`;
        })
        .join('');
      return `<${p}row${attr('r', r.r)}>${cells}</${p}row>`;
    })
    .join('');
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><${p}sheetData>${rows}${sheet.junk ?? ''}</${p}sheetData></${p}worksheet>`;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a workbook, as text, before zipping. */
export function workbookParts(spec: WorkbookSpec): Record<string, string> {
  const p = spec.prefix ?? '';
  const parts: Record<string, string> = {};
  parts['[Content_Types].xml'] = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  if (!spec.noRootRels) parts['_rels/.rels'] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const rels: string[] = [];
  const sheets = spec.sheets.map((s, i) => {
    const id = `rId${i + 1}`;
    if (s.chart) rels.push(`<Relationship Id="${id}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`);
    else {
      rels.push(`<Relationship Id="${id}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
      parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s, p);
    }
    return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="${id}"/>`;
  });
  const base = spec.sheets.length;
  if (spec.sharedStrings) {
    rels.push(`<Relationship Id="rId${base + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] = `<${p}sst count="${spec.sharedStrings.length}">${spec.sharedStrings.map((s) => `<${p}si>${s}</${p}si>`).join('')}</${p}sst>`;
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rId${base + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
    const custom = spec.styles.flatMap((f, i) => (typeof f === 'string' ? [`<${p}numFmt numFmtId="${200 + i}" formatCode="${escapeXml(f)}"/>`] : []));
    const xfs = spec.styles.map((f, i) => `<${p}xf numFmtId="${typeof f === 'string' ? 200 + i : (f ?? 0)}"/>`);
    parts['xl/styles.xml'] = `<${p}styleSheet><${p}numFmts>${custom.join('')}</${p}numFmts><${p}cellXfs count="${xfs.length}">${xfs.join('')}</${p}cellXfs></${p}styleSheet>`;
  }
  parts['xl/workbook.xml'] = `<${p}workbook xmlns:r="${REL}"><${p}workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><${p}sheets>${sheets.join('')}</${p}sheets></${p}workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, body] of Object.entries(parts)) files[name] = [typeof body === 'string' ? strToU8(body) : body, { level, mtime: new Date(Date.UTC(2024, 0, 1)) }];
  return zipSync(files);
}

export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  return zipParts(workbookParts(spec), spec.level ?? 6);
}
