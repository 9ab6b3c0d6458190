/**
 * A tiny PDF text extractor, enough for the PDFs Chromium (Skia) writes, so tests can read a PDF
 * without a new dependency. What it understands:
 * - objects "N G obj … endobj", streams with a direct /Length (or up to "endstream"), FlateDecode
 *   through node:zlib; no object streams or cross-reference streams (Skia writes neither);
 * - the page tree from the catalog (/Root → /Pages → /Kids), in reading order;
 * - fonts with a /ToUnicode CMap (bfchar and bfrange, both range forms): Skia's Type0 fonts
 *   (Identity-H, 2-byte glyph codes) and simple fonts (1-byte codes);
 * - text operators Tj, TJ, ' and " inside BT…ET, Tf to switch fonts, and marked content with
 *   /ActualText (Skia writes ligatures such as "ﬁ" that way) replacing the glyphs until EMC.
 * Text positioning only decides where to put a space or a line break, so compare text with
 * whitespace normalised (or removed: see `compact`).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    let dict = body;
    let stream: Buffer | null = null;
    if (at >= 0) {
      dict = body.slice(0, at);
      const dataStart = start + at + body.slice(at).match(/^stream\r?\n/)![0].length;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : text.indexOf('endstream', dataStart);
      let data = pdf.subarray(dataStart, dataEnd);
      if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
      stream = data;
    }
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = end;
  }
  return objects;
}

/** Value of `/Key` in a dictionary: a reference, an inline dictionary or array, or a token. */
function entry(dict: string, key: string): string | null {
  const at = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  if (!at) return null;
  const rest = dict.slice(at.index + at[0].length);
  if (rest.startsWith('<<')) return balanced(rest, '<<', '>>');
  if (rest.startsWith('[')) return balanced(rest, '[', ']');
  const ref = /^(\d+\s+\d+\s+R)/.exec(rest);
  if (ref) return ref[1]!;
  return /^[^\s/<>[\]]+|^\/[^\s/<>[\]]+/.exec(rest)?.[0] ?? null;
}

function balanced(s: string, open: string, close: string): string {
  let depth = 0;
  for (let i = 0; i < s.length; ) {
    if (s.startsWith(open, i)) {
      depth++;
      i += open.length;
    } else if (s.startsWith(close, i)) {
      depth--;
      i += close.length;
      if (depth === 0) return s.slice(0, i);
    } else i++;
  }
  return s;
}

/** A dictionary value that may be a reference to another object's dictionary. */
function resolveDict(objects: Map<number, PdfObject>, value: string | null): string {
  if (!value) return '';
  const ref = /^(\d+)\s+\d+\s+R$/.exec(value.trim());
  return ref ? (objects.get(Number(ref[1]))?.dict ?? '') : value;
}

const hexBytes = (hex: string): number[] => {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const padded = clean.length % 2 ? `${clean}0` : clean;
  const out: number[] = [];
  for (let i = 0; i < padded.length; i += 2) out.push(parseInt(padded.slice(i, i + 2), 16));
  return out;
};

/** UTF-16BE bytes (a CMap's destination, an ActualText) as a string. */
function utf16be(bytes: number[]): string {
  let start = 0;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) start = 2;
  const units: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) units.push((bytes[i]! << 8) | bytes[i + 1]!);
  return String.fromCharCode(...units);
}

interface Font {
  map: Map<number, string>;
  bytesPerCode: number;
}

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1]!, 16), utf16be(hexBytes(m[2]!)));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const dest = m[3]!;
      if (dest.startsWith('[')) {
        const list = [...dest.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => utf16be(hexBytes(x[1]!)));
        for (let c = lo; c <= hi; c++) map.set(c, list[c - lo] ?? '');
      } else {
        const bytes = hexBytes(dest.slice(1, -1));
        for (let c = lo; c <= hi; c++) {
          const b = [...bytes];
          // The last byte counts up across the range.
          b[b.length - 1] = b[b.length - 1]! + (c - lo);
          map.set(c, utf16be(b));
        }
      }
    }
  }
  return map;
}

function fontsOf(objects: Map<number, PdfObject>, resources: string): Map<string, Font> {
  const fontDict = resolveDict(objects, entry(resources, 'Font'));
  const fonts = new Map<string, Font>();
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+)\s+\d+\s+R/g)) {
    const font = objects.get(Number(m[2]))?.dict ?? '';
    const toUnicode = entry(font, 'ToUnicode');
    const cmap = toUnicode ? objects.get(refs(toUnicode)[0] ?? -1)?.stream?.toString('latin1') : undefined;
    fonts.set(m[1]!, { map: cmap ? parseCMap(cmap) : new Map(), bytesPerCode: /\/Subtype\s*\/Type0/.test(font) ? 2 : 1 });
  }
  return fonts;
}

type Token =
  | { kind: 'op'; value: string }
  | { kind: 'str'; bytes: number[] }
  | { kind: 'num'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'open' | 'close' }
  | { kind: 'dict'; value: string }
  | { kind: 'array'; items: Token[] };

function* tokens(s: string): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < s.length && depth > 0) {
        const ch = s[i]!;
        if (ch === '\\') {
          const n = s[i + 1]!;
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
          if (n in esc) {
            bytes.push(esc[n]!);
            i += 2;
          } else if (/[0-7]/.test(n)) {
            const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
            bytes.push(parseInt(oct, 8) & 0xff);
            i += 1 + oct.length;
          } else i += 2;
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) {
          i++;
          break;
        }
        bytes.push(ch.charCodeAt(0));
        i++;
      }
      yield { kind: 'str', bytes };
    } else if (s.startsWith('<<', i)) {
      const d = balanced(s.slice(i), '<<', '>>');
      i += d.length;
      yield { kind: 'dict', value: d };
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      yield { kind: 'str', bytes: hexBytes(s.slice(i + 1, end)) };
      i = end + 1;
    } else if (c === '[') {
      i++;
      yield { kind: 'open' };
    } else if (c === ']') {
      i++;
      yield { kind: 'close' };
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%]*/.exec(s.slice(i))![0];
      i += m.length;
      yield { kind: 'name', value: m.slice(1) };
    } else if (/[-+.\d]/.test(c)) {
      const m = /^[-+]?(?:\d+\.?\d*|\.\d+)/.exec(s.slice(i));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length;
      yield { kind: 'num', value: Number(m[0]) };
    } else {
      const m = /^[^\s/<>[\]()%]+/.exec(s.slice(i))![0];
      i += m.length;
      yield { kind: 'op', value: m };
    }
  }
}

function decode(font: Font | undefined, bytes: number[]): string {
  if (!font) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + font.bytesPerCode <= bytes.length; i += font.bytesPerCode) {
    const code = font.bytesPerCode === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
    out += font.map.get(code) ?? (font.bytesPerCode === 1 ? String.fromCharCode(code) : '');
  }
  return out;
}

/** Text of a content stream; `Do` of a form XObject (Skia draws a page's HTML in one) is read in place. */
function contentText(objects: Map<number, PdfObject>, content: string, resources: string, inherited: Map<string, Font> = new Map(), depth = 0): string {
  const fonts = new Map([...inherited, ...fontsOf(objects, resources)]);
  const xobjects = resolveDict(objects, entry(resources, 'XObject'));
  let out = '';
  let font: Font | undefined;
  const operands: Token[] = [];
  let inArray: Token[] | null = null;
  let marked = 0;
  let actualDepth = -1;
  const show = (text: string): void => {
    if (actualDepth < 0) out += text;
  };
  for (const t of tokens(content)) {
    if (t.kind === 'open') {
      inArray = [];
      continue;
    }
    if (t.kind === 'close') {
      operands.push({ kind: 'array', items: inArray ?? [] });
      inArray = null;
      continue;
    }
    if (inArray) {
      inArray.push(t);
      continue;
    }
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    switch (t.value) {
      case 'Tf': {
        const name = operands.find((o) => o.kind === 'name');
        font = name && name.kind === 'name' ? fonts.get(name.value) : undefined;
        break;
      }
      case 'Tj':
      case "'":
      case '"': {
        if (t.value !== 'Tj') out += '\n';
        const str = [...operands].reverse().find((o) => o.kind === 'str');
        if (str && str.kind === 'str') show(decode(font, str.bytes));
        break;
      }
      case 'TJ':
        for (const o of operands.flatMap((x) => (x.kind === 'array' ? x.items : []))) {
          if (o.kind === 'str') show(decode(font, o.bytes));
          else if (o.kind === 'num' && o.value < -200) show(' ');
        }
        break;
      case 'Td':
      case 'TD': {
        const nums = operands.filter((o): o is { kind: 'num'; value: number } => o.kind === 'num');
        // A move along the line is glyph positioning (kerning, letter-spacing): spaces are glyphs.
        if (nums.length >= 2 && nums[nums.length - 1]!.value !== 0) out += '\n';
        break;
      }
      case 'Tm':
      case 'T*':
      case 'ET':
        out += '\n';
        break;
      case 'BDC': {
        marked++;
        const dict = operands.find((o) => o.kind === 'dict');
        const m = dict && dict.kind === 'dict' ? /\/ActualText\s*(<[0-9a-fA-F]*>|\([^)]*\))/.exec(dict.value) : null;
        if (m && actualDepth < 0) {
          out += m[1]!.startsWith('<') ? utf16be(hexBytes(m[1]!.slice(1, -1))) : m[1]!.slice(1, -1);
          actualDepth = marked;
        }
        break;
      }
      case 'BMC':
        marked++;
        break;
      case 'Do': {
        const name = operands.find((o) => o.kind === 'name');
        const ref = name && name.kind === 'name' ? new RegExp(`/${name.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s+\\d+\\s+R`).exec(xobjects) : null;
        const form = ref ? objects.get(Number(ref[1])) : undefined;
        if (form?.stream && /\/Subtype\s*\/Form/.test(form.dict) && depth < 8) {
          const own = resolveDict(objects, entry(form.dict, 'Resources'));
          out += `\n${contentText(objects, form.stream.toString('latin1'), own || resources, fonts, depth + 1)}\n`;
        }
        break;
      }
      case 'EMC':
        if (marked === actualDepth) actualDepth = -1;
        marked--;
        break;
    }
    operands.length = 0;
  }
  return out;
}

export interface PdfText {
  /** Each page's text, in page order. */
  pages: string[];
}

export function extractPdfText(pdf: Buffer): PdfText {
  const objects = parseObjects(pdf);
  const trailer = pdf.toString('latin1').lastIndexOf('trailer');
  const rootRef = trailer >= 0 ? refs(entry(pdf.toString('latin1').slice(trailer), 'Root') ?? '')[0] : undefined;
  const catalog = rootRef !== undefined ? objects.get(rootRef)?.dict : [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))?.dict;
  const pageIds: number[] = [];
  const walk = (id: number): void => {
    const dict = objects.get(id)?.dict ?? '';
    if (/\/Type\s*\/Pages/.test(dict)) for (const kid of refs(entry(dict, 'Kids') ?? '')) walk(kid);
    else if (/\/Type\s*\/Page\b/.test(dict)) pageIds.push(id);
  };
  const pagesRef = refs(entry(catalog ?? '', 'Pages') ?? '')[0];
  if (pagesRef !== undefined) walk(pagesRef);
  const pages = pageIds.map((id) => {
    const dict = objects.get(id)!.dict;
    const contents = refs(entry(dict, 'Contents') ?? '');
    const content = contents.map((c) => objects.get(c)?.stream?.toString('latin1') ?? '').join('\n');
    return contentText(objects, content, resolveDict(objects, entry(dict, 'Resources'))).replace(/[ \t]+/g, ' ').replace(/ *\n[\n ]*/g, '\n').trim();
  });
  return { pages };
}

/** Text without any whitespace, for comparisons that must not depend on where the PDF breaks words. */
export const compact = (s: string): string => s.replace(/\s+/g, '');
