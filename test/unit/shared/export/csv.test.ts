import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOM, csvCell, csvField, csvRecord, defuseFormula } from '../../../../src/shared/export/csv';
import { renderFlaggedRowsCsv } from '../../../../src/shared/export/flagged-rows';
import { loanRun } from './fixtures';
import { parseCsv } from './parse-csv';

test('RFC 4180: quoted only when needed, quotes doubled, CRLF after every record', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvRecord(['a', 1, null, 'x,y']), 'a,1,,"x,y"\r\n');
  assert.deepEqual(parseCsv(csvRecord(['a "q"', 'b\r\nc', '', 'd'])), [['a "q"', 'b\r\nc', '', 'd']]);
});

test('formula injection: text starting with = + - @ tab or CR is prefixed with a quote; plain numbers are not', () => {
  for (const v of ['=1+2', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) assert.equal(defuseFormula(v), `'${v}`);
  assert.equal(defuseFormula('a=1'), 'a=1');
  assert.equal(csvCell('-43', 'number'), '-43');
  assert.equal(csvCell('1e+21', 'number'), '1e+21');
  assert.equal(csvCell('-43', 'text'), "'-43");
  assert.equal(csvCell('=cmd|" /C calc"!A0', 'number'), `"'=cmd|"" /C calc""!A0"`, 'a "number" that is not a number is defused too');
  assert.equal(csvCell('=HYPERLINK("x","y"),z'), `"'=HYPERLINK(""x"",""y""),z"`);
});

test('the file starts with a UTF-8 BOM (Excel) and has a header with row and reasons first', () => {
  const loan = loanRun();
  const { csv } = renderFlaggedRowsCsv(loan.report, loan.table);
  assert.ok(csv.startsWith(BOM));
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0]!.slice(0, 3), ['row', 'reasons', 'application_id']);
  assert.ok(rows.every((r) => r.length === rows[0]!.length), 'every record has every field');
  assert.ok(!renderFlaggedRowsCsv(loan.report, loan.table, { bom: false }).csv.startsWith(BOM));
});
