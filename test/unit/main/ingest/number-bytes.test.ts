import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNumberBytes } from '../../../../src/main/ingest/csv/number-bytes';

const parse = (s: string, decimal = '.', group = ''): number => {
  const b = Buffer.from(s, 'latin1');
  return parseNumberBytes(b, 0, b.length, decimal.charCodeAt(0), group ? group.charCodeAt(0) : 0);
};

test('agrees with Number() exactly on ordinary and tricky decimals', () => {
  const cases = ['0', '-0', '1', '-1', '+7', '0.1', '0.2', '0.3', '3.14159', '123456789012345', '1234567890123456789', '0.000001',
    '1e10', '1E-5', '2.5e+3', '.5', '5.', '-.25', '9007199254740993', '1.7976931348623157e308', '5e-324', '1e400', '0.1e-30',
    '  42  ', '\t-3.5', '00012', '1.000000000000000000001', '12345.6789e-3'];
  for (const s of cases) assert.ok(Object.is(parse(s), Number(s.trim())), `${JSON.stringify(s)}: ${parse(s)} vs ${Number(s.trim())}`);
});

test('random decimals round exactly like Number()', () => {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 20000; k++) {
    const s = (rand() * 10 ** Math.floor(rand() * 12 - 4)).toFixed(Math.floor(rand() * 8));
    assert.equal(parse(s), Number(s), s);
  }
});

test('not numbers: NaN', () => {
  for (const s of ['', ' ', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '12abc', 'abc', '0x10', 'Infinity', 'NaN', '1 2', '--1', '1,5'])
    assert.ok(Number.isNaN(parse(s)), JSON.stringify(s));
});

test('decimal comma and thousands separators when the file uses them', () => {
  assert.equal(parse('1,5', ','), 1.5);
  assert.equal(parse('1.234,5', ',', '.'), 1234.5);
  assert.equal(parse('1,234,567.25', '.', ','), 1234567.25);
  assert.ok(Number.isNaN(parse('1,,234', '.', ',')));
  assert.ok(Number.isNaN(parse(',234', '.', ',')));
  assert.ok(Number.isNaN(parse('12,', '.', ',')));
});
