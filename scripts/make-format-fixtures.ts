/**
 * Writes the binary and JSON fixtures in test/fixtures/formats/ (xlsx, Parquet, Arrow, JSON,
 * NDJSON and the bad inputs), deterministically: fixed data, fixed zip timestamps, no clock, no
 * randomness. Run `npx tsx scripts/make-format-fixtures.ts` and commit the output; a second run
 * produces the same bytes (`--check` verifies that).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { Bool, DateDay, Dictionary, Field, Float64, Int32, Int64, List, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';

const OUT = join(import.meta.dirname, '../test/fixtures/formats');
const check = process.argv.includes('--check');
const files = new Map<string, Uint8Array>();
const put = (name: string, data: Uint8Array | string): void => {
  files.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
};

// ---- xlsx: hand-written SpreadsheetML, zipped with a fixed timestamp ----
const MTIME = new Date(Date.UTC(2024, 0, 1));
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const letters = (i: number): string => String.fromCharCode(65 + i);
type XCell = string | number | boolean | null | { date: number } | { error: string } | { inline: string };

/** Excel serial (1900 system) for a UTC calendar date. */
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function sheetXml(rows: { r: number; cells: XCell[] }[], shared: string[]): string {
  const idx = (s: string): number => {
    let i = shared.indexOf(s);
    if (i < 0) i = shared.push(s) - 1;
    return i;
  };
  const body = rows
    .map(({ r, cells }) => {
      const cs = cells
        .map((c, i) => {
          const ref = `${letters(i)}${r}`;
          if (c === null) return '';
          if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${idx(c)}</v></c>`;
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
          if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
          if ('error' in c) return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function workbook(sheets: { name: string; xml: string | Uint8Array }[], opts: { date1904?: boolean; shared?: string[] } = {}): Uint8Array {
  const shared = opts.shared ?? [];
  const entries: Zippable = {
    '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': Buffer.from(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': Buffer.from(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': Buffer.from(STYLES),
  };
  sheets.forEach((s, i) => {
    entries[`xl/worksheets/sheet${i + 1}.xml`] = typeof s.xml === 'string' ? Buffer.from(s.xml) : s.xml;
  });
  entries['xl/sharedStrings.xml'] = Buffer.from(
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">` +
      shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') +
      '</sst>',
  );
  return zipSync(entries, { mtime: MTIME, level: 9 });
}

{
  // report.xlsx: an empty first sheet, then "Report" with two title rows above the header (row 3),
  // then a second sheet "Lookup".
  const shared: string[] = [];
  const names = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli'];
  const rows: { r: number; cells: XCell[] }[] = [
    { r: 1, cells: ['Quarterly loan report'] },
    { r: 2, cells: ['Generated for testing; not real data'] },
    { r: 3, cells: ['id', 'name', 'joined', 'amount', 'score', 'active'] },
  ];
  for (let i = 0; i < 20; i++) {
    const amount: XCell = i === 4 ? 'unknown' : i === 9 ? null : 100 + i * 12.5;
    const score: XCell = i === 7 || i === 15 ? { error: '#N/A' } : i % 4;
    const joined: XCell = i === 11 ? null : { date: serial(2023, 1 + (i % 12), 1 + i) };
    const name: XCell = i === 2 ? { inline: 'Inline & <name>' } : names[i % 5]!;
    rows.push({ r: 4 + i, cells: [i + 1, name, joined, amount, score, i % 3 === 0] });
  }
  const lookup = sheetXml(
    [
      { r: 1, cells: ['code', 'label'] },
      { r: 2, cells: ['A', 'Approved'] },
      { r: 3, cells: ['D', 'Declined'] },
    ],
    shared,
  );
  const report = sheetXml(rows, shared);
  put('report.xlsx', workbook([{ name: 'Cover', xml: sheetXml([], shared) }, { name: 'Report', xml: report }, { name: 'Lookup', xml: lookup }], { shared }));
}
{
  const shared: string[] = [];
  const xml = sheetXml(
    [
      { r: 1, cells: ['day', 'n'] },
      { r: 2, cells: [{ date: 0 }, 1] }, // 1904-01-01
      { r: 3, cells: [{ date: 45_000.5 }, 2] }, // 2027-03-16 12:00 in the 1904 system (1904-01-01 + 45000.5 days)
    ],
    shared,
  );
  put('date1904.xlsx', workbook([{ name: 'Sheet1', xml }], { date1904: true, shared }));
  put('empty-sheet.xlsx', workbook([{ name: 'Only', xml: sheetXml([], []) }]));
  put('no-sheets.xlsx', workbook([]));
  put('not-xlsx.zip', zipSync({ 'hello.txt': Buffer.from('hello, this zip holds no workbook\n') }, { mtime: MTIME }));
  // An OLE compound-file header, as an encrypted .xlsx (or an old .xls) starts.
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  put('encrypted.xlsx', ole);
  // A zip bomb: a sheet of 16 MB of blank space, which deflates about 1000 to 1.
  const bomb = new Uint8Array(16 * 1024 * 1024).fill(0x20);
  const zipped = workbook([{ name: 'Sheet1', xml: bomb }]);
  put('bomb.xlsx', zipped);
}

// ---- JSON and NDJSON ----
put(
  'people.json',
  JSON.stringify(
    [
      { id: 1, name: 'Ana', score: 0.5, active: true, address: { city: 'Lyon', zip: '69001' } },
      { id: 2, name: 'Ben', score: null, active: false },
      { id: 3, name: 'NA', score: 0.25, active: true, tags: ['a', 'b'] },
      { id: 4, name: 'Dev', score: 1, active: null, address: { city: 'Porto' } },
    ],
    null,
    2,
  ) + '\n',
);
put('events.ndjson', ['{"t":"2024-01-01","kind":"open","n":1}', '{"t":"2024-01-02","kind":"close","n":2.5}', '', '{"t":"2024-01-03","kind":"open","n":null,"extra":"x"}', ''].join('\n'));
put('broken.ndjson', ['{"a":1,"b":"x"}', '{"a":2,"b":"y"}', '{"a":3,"b":', '{"a":4,"b":"z"}', ''].join('\n'));
put('single-object.json', '{\n  "rows": [1, 2, 3]\n}\n');
put('scalar.json', '42\n');
put('array-of-arrays.json', '[[1, 2], [3, 4]]\n');
put('deep.json', `[{"a": 1, "deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]\n`);

// ---- Parquet (hyparquet-writer), two row groups, one nested list column ----
{
  const n = 6;
  const buf = parquetWriteBuffer({
    rowGroupSize: 4,
    columnData: [
      { name: 'id', data: Int32Array.from({ length: n }, (_, i) => i + 1) },
      { name: 'amount', data: [1.5, null, 3, 4.25, null, 6] },
      { name: 'name', data: ['a', 'b', null, 'NA', 'e', 'f'] },
      { name: 'flag', data: [true, false, true, null, false, true] },
      { name: 'ts', data: [0, 1, 2, 3, 4, 5].map((i) => BigInt(Date.UTC(2024, 0, 1 + i, 12))) },
      { name: 'day', data: [0, 1, 2, 3, 4, 5].map((i) => 19_723 + i) },
      { name: 'big', data: BigInt64Array.from([1n, 2n, 3n, 2n ** 60n, 5n, 6n]) },
      { name: 'tags', data: [['x'], [], null, ['y', 'z'], ['x'], []] },
    ],
    schema: [
      { name: 'root', num_children: 8 },
      { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
      { name: 'amount', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
      { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'flag', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
      { name: 'ts', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'REQUIRED' },
      { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
      { name: 'big', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    ],
  } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
  const bytes = new Uint8Array(buf);
  put('mixed.parquet', bytes);
  put('truncated.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
}

// ---- Arrow IPC (file and stream) with a dictionary column and a nested list ----
{
  const build = (from: number, labels: (string | null)[]): Table => {
    const n = labels.length;
    const t = new Table({
      id: vectorFromArray(Array.from({ length: n }, (_, i) => from + i), new Int32()),
      label: vectorFromArray(labels, new Dictionary(new Utf8(), new Int32())),
      price: vectorFromArray(Array.from({ length: n }, (_, i) => (i === 1 ? null : (from + i) * 1.25)), new Float64()),
      day: vectorFromArray(Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 1, from + i))), new DateDay()),
      big: vectorFromArray(Array.from({ length: n }, (_, i) => BigInt(from + i)), new Int64()),
      ok: vectorFromArray(Array.from({ length: n }, (_, i) => (from + i) % 2 === 0), new Bool()),
      tags: vectorFromArray(Array.from({ length: n }, () => ['t']), new List(new Field('item', new Utf8(), true))),
    });
    return t;
  };
  // One table cut in two record batches (4 + 2 rows), so the reader goes batch by batch.
  const whole = build(1, ['red', 'blue', null, 'red', 'blue', 'green']);
  const table = new Table([...whole.slice(0, 4).batches, ...whole.slice(4).batches]);
  put('dict.arrow', tableToIPC(table, 'file'));
  put('dict.arrows', tableToIPC(table, 'stream'));
  const v1 = new Uint8Array(64);
  v1.set(Buffer.from('FEA1'), 0);
  v1.set(Buffer.from('FEA1'), 60);
  put('old.feather', v1);
}

// ---- Unknown binary ----
put('unknown.bin', Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256));

mkdirSync(OUT, { recursive: true });
let stale = 0;
for (const [name, data] of files) {
  const path = join(OUT, name);
  if (check) {
    if (!existsSync(path) || !Buffer.from(readFileSync(path)).equals(Buffer.from(data))) {
      console.error(`out of date: ${name}`);
      stale++;
    }
  } else writeFileSync(path, data);
}
if (check && stale) process.exit(1);
console.log(`${check ? 'checked' : 'wrote'} ${files.size} fixtures in ${OUT}`);
