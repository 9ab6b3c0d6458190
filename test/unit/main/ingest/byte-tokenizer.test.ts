import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ByteTokenizer, fieldText, type TokenizerError } from '../../../../src/main/ingest/csv/byte-tokenizer';
import { sniffDelimiter } from '../../../../src/main/ingest/csv/sniff';

function tokenize(text: string, delimiter = ',', pieceSize = Infinity): { records: { fields: string[]; line: number }[]; error: TokenizerError | null } {
  const records: { fields: string[]; line: number }[] = [];
  const t = new ByteTokenizer(delimiter.charCodeAt(0), (r) => {
    const fields: string[] = [];
    for (let c = 0; c < r.count; c++) fields.push(fieldText(r.bytes, r.starts[c]!, r.ends[c]!, r.flags[c]!));
    records.push({ fields, line: r.line });
  });
  const bytes = Buffer.from(text, 'utf8');
  const size = pieceSize === Infinity ? Math.max(1, bytes.length) : pieceSize;
  for (let i = 0; i < bytes.length; i += size) t.push(Buffer.from(bytes.subarray(i, i + size)));
  return { records, error: t.end() };
}

function parse(text: string, delimiter = ',', pieceSize = Infinity): { fields: string[]; line: number }[] {
  const { records, error } = tokenize(text, delimiter, pieceSize);
  if (error) throw new Error(`${error.kind} at line ${error.line}`);
  return records;
}
const fields = (text: string, d = ','): string[][] => parse(text, d).map((r) => r.fields);

describe('ByteTokenizer (RFC 4180)', () => {
  test('splits plain fields and records', () => {
    assert.deepEqual(fields('a,b,c\n1,2,3\n'), [['a', 'b', 'c'], ['1', '2', '3']]);
  });
  test('keeps empty fields, including trailing ones', () => {
    assert.deepEqual(fields('a,,c\n,,\n'), [['a', '', 'c'], ['', '', '']]);
  });
  test('quoted fields may hold delimiters, doubled quotes and newlines', () => {
    assert.deepEqual(fields('x,y\n"a,b","say ""hi""\nthere"\n'), [['x', 'y'], ['a,b', 'say "hi"\nthere']]);
  });
  test('CRLF, LF and lone CR all end records', () => {
    assert.deepEqual(fields('a,b\r\n1,2\r3,4\n5,6'), [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
  test('a last record without a newline is kept', () => {
    assert.deepEqual(fields('a\n1'), [['a'], ['1']]);
  });
  test('blank lines are not records', () => {
    assert.deepEqual(fields('a\n\n1\n\n'), [['a'], ['1']]);
  });
  test('a quoted empty field is a record with one empty value', () => {
    assert.deepEqual(fields('a\n""\n'), [['a'], ['']]);
  });
  test('text after a closing quote is kept, as spreadsheets do', () => {
    assert.deepEqual(fields('"ab"c,d\n'), [['abc', 'd']]);
  });
  test('same result whatever the piece size (chunk boundaries inside quotes and CRLF)', () => {
    const text = 'id,note\r\n1,"multi\r\nline, with ""quotes"""\r\n2,plain\r\n3,"x"\r\n';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(parse(text, ',', size), whole, `piece size ${size}`);
  });
  test('reports the line where each record starts, counting newlines inside quotes', () => {
    const lines = parse('h\n"a\nb"\nc\r\n"d\r\ne"\r\nf\n').map((r) => r.line);
    assert.deepEqual(lines, [1, 2, 4, 5, 7]);
  });
  test('an unclosed quote is an error naming the line where its record starts', () => {
    const { records, error } = tokenize('a,b\n1,2\n3,"unclosed\n4,5\n');
    assert.deepEqual(error, { kind: 'unclosed-quote', line: 3 });
    assert.equal(records.length, 2);
  });
  test('multi-byte UTF-8 split across pieces survives', () => {
    const text = 'city,n\nZürich,1\n"São Paulo, BR",2\n東京,3\n';
    for (const size of [1, 2, 3]) assert.deepEqual(parse(text, ',', size), parse(text), `piece size ${size}`);
    assert.deepEqual(parse(text).map((r) => r.fields[0]), ['city', 'Zürich', 'São Paulo, BR', '東京']);
  });
  test('a record longer than the limit is reported instead of buffered forever', () => {
    const t = new ByteTokenizer(0x2c, () => {}, 10);
    assert.equal(t.push(Buffer.from('a,b\n"')), null);
    assert.deepEqual(t.push(Buffer.from('x'.repeat(20))), { kind: 'record-too-long', line: 2 });
  });
  test('a trailing delimiter at the very end is one more empty field', () => {
    assert.deepEqual(fields('a,b\n1,'), [['a', 'b'], ['1', '']]);
  });
  test('other delimiters', () => {
    assert.deepEqual(fields('a;b\n1,5;2\n', ';'), [['a', 'b'], ['1,5', '2']]);
    assert.deepEqual(fields('a\tb\n1\t2\n', '\t'), [['a', 'b'], ['1', '2']]);
  });
});

describe('sniffDelimiter', () => {
  const sniff = (s: string): string => sniffDelimiter(Buffer.from(s));
  test('comma, semicolon, tab and pipe', () => {
    assert.equal(sniff('a,b,c\n1,2,3\n4,5,6\n'), ',');
    assert.equal(sniff('a;b;c\n1,5;2;3\n4;5,5;6\n'), ';');
    assert.equal(sniff('a\tb\n1\t2\n3\t4\n'), '\t');
    assert.equal(sniff('a|b|c\n1|2|3\n'), '|');
  });
  test('quoted commas do not fool it', () => {
    assert.equal(sniff('name;note\n"Smith, J";"a, b, c"\n"Lee, K";x\n'), ';');
  });
  test('a single column falls back to comma', () => {
    assert.equal(sniff('value\n1\n2\n'), ',');
  });
});
