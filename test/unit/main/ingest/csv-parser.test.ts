import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvParser, sniffDelimiter } from '../../../../src/main/ingest/csv-parser';
import { SlicewiseError } from '../../../../src/shared/errors';

function parse(text: string, delimiter = ',', pieceSize = Infinity): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const p = new CsvParser(delimiter, (fields, line) => out.push({ fields, line }));
  if (pieceSize === Infinity) p.push(text);
  else for (let i = 0; i < text.length; i += pieceSize) p.push(text.slice(i, i + pieceSize));
  p.end();
  return out;
}
const fields = (text: string, d = ','): string[][] => parse(text, d).map((r) => r.fields);

describe('CsvParser (RFC 4180)', () => {
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
  test('an unclosed quote is an error naming the line where it opened', () => {
    assert.throws(
      () => parse('a,b\n1,2\n3,"unclosed\n4,5\n'),
      (err: unknown) => err instanceof SlicewiseError && err.code === 'PARSE_ERROR' && err.location?.line === 3 && /line 3/.test(err.message),
    );
  });
  test('other delimiters', () => {
    assert.deepEqual(fields('a;b\n1,5;2\n', ';'), [['a', 'b'], ['1,5', '2']]);
    assert.deepEqual(fields('a\tb\n1\t2\n', '\t'), [['a', 'b'], ['1', '2']]);
  });
  test('refuses a quote or newline as the delimiter', () => {
    assert.throws(() => new CsvParser('"', () => {}));
    assert.throws(() => new CsvParser('\n', () => {}));
  });
});

describe('sniffDelimiter', () => {
  test('comma, semicolon, tab and pipe', () => {
    assert.equal(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n'), ',');
    assert.equal(sniffDelimiter('a;b;c\n1,5;2;3\n4;5,5;6\n'), ';');
    assert.equal(sniffDelimiter('a\tb\n1\t2\n3\t4\n'), '\t');
    assert.equal(sniffDelimiter('a|b|c\n1|2|3\n'), '|');
  });
  test('quoted commas do not fool it', () => {
    assert.equal(sniffDelimiter('name;note\n"Smith, J";"a, b, c"\n"Lee, K";x\n'), ';');
  });
  test('a single column falls back to comma', () => {
    assert.equal(sniffDelimiter('value\n1\n2\n'), ',');
  });
});
