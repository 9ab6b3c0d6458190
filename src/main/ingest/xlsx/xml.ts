/**
 * The little XML an .xlsx needs, without a general parser: SpreadsheetML parts are flat lists of
 * the same few elements (<row>, <c>, <si>, <sheet>), so we cut the decompressed text into whole
 * elements of one name and read attributes and text with small patterns. Elements may carry a
 * namespace prefix (<x:row>), which some generators write.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The character a numeric reference names; U+FFFD (the replacement character) for a number that
 * names none (past U+10FFFF), which a damaged or hostile file can hold and String.fromCodePoint
 * would throw on.
 */
function character(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/** Unescapes XML entities and OOXML's _xHHHH_ escapes (used for control characters). */
export function decodeXmlText(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? character(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!));
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** An attribute's (decoded) value from an element's opening-tag text, or undefined. */
const ATTR_PATTERNS = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_PATTERNS.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXmlText(m[1] ?? m[2] ?? '');
}

/** The concatenated text of every <t> inside an element (rich text runs), skipping phonetic runs. */
export function textRuns(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXmlText(out);
}

/**
 * Cuts streamed XML text into whole elements named `name` and hands each one (opening tag to
 * closing tag, or a self-closing tag) to `onElement`. Text between elements is dropped, so only
 * the current unfinished element is ever held. An element larger than `maxElementChars` means the
 * part is damaged (or hostile): it is refused rather than buffered without end.
 */
export class ElementCutter {
  private buf = '';
  private readonly open: RegExp;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    name: string,
    private readonly onElement: (xml: string) => void,
    private readonly maxElementChars: number,
    private readonly tooLarge: () => never,
  ) {
    this.open = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s/>])`, 'g');
    this.name = name;
  }

  private readonly name: string;

  pushBytes(chunk: Uint8Array, last = false): void {
    this.push(this.decoder.decode(chunk, { stream: !last }));
  }

  push(text: string): void {
    let buf = this.buf + text;
    let from = 0;
    for (;;) {
      this.open.lastIndex = from;
      const m = this.open.exec(buf);
      if (!m) {
        // Keep a tail that could be the start of a cut opening tag.
        from = Math.max(from, buf.length - this.name.length - 64);
        break;
      }
      const start = m.index;
      const tagEnd = buf.indexOf('>', start);
      if (tagEnd < 0) {
        from = start;
        break;
      }
      if (buf.charCodeAt(tagEnd - 1) === 47 /* / */) {
        this.onElement(buf.slice(start, tagEnd + 1));
        from = tagEnd + 1;
        continue;
      }
      const close = `</${m[1]}${this.name}>`;
      const closeAt = buf.indexOf(close, tagEnd);
      if (closeAt < 0) {
        from = start;
        break;
      }
      this.onElement(buf.slice(start, closeAt + close.length));
      from = closeAt + close.length;
    }
    buf = buf.slice(Math.max(0, from));
    if (buf.length > this.maxElementChars) this.tooLarge();
    this.buf = buf;
  }

  end(): void {
    this.push(this.decoder.decode());
  }
}
